"""The workshop app (Solara): run a scenario live, intervene mid-run and debrief, in Dutch or English.

Start it with ``make app`` or ``netwerksim app [--port N]`` (``solara run netwerksim.app.page:Page``). ``Page`` is
the page; ``Session`` the run behind it, one per browser session.
"""

from .page import Page
from .session import Session

__all__ = ["Page", "Session"]
