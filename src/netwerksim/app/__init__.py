"""The workshop app (Solara): run a scenario live, intervene mid-run and debrief, in Dutch or English.

Start it with ``make app`` or ``netwerksim app [--port N]`` (offline; it runs ``solara run netwerksim.app.page:Page``).
``Page`` is the page (page.py); ``Session`` the run behind it, one per browser tab (session.py). player.py plays
it one week per frame; network.py and charts.py give the numbers the browser draws the network and the chart
from (network_view.vue, ECharts); situation.py and effects.py say what is going on and what a press did.
"""

from .page import Page
from .session import Session

__all__ = ["Page", "Session"]
