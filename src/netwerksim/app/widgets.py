"""Browser-side pieces of the workshop page (ipyvue templates, no extra package, nothing from a CDN).

``FrameAck`` tells the play loop that the browser has put a week on screen (player.py): it holds the week
shown and answers each new one once Vue has updated the page and the week's label (``.nws-week``) shows it.
The page sets its week after everything else of a frame (in an effect of the page, which runs after its
children's), so that the answer comes after the week, the network and the chart have reached the browser;
the browser applies widget updates one at a time, so the answer also waits until the label reads the week
(a tab under load answered with the label one week behind, and a Pause read from it came two weeks late). ``NetworkView`` draws the network on a canvas.
``EchartsMin`` is solara.FigureEcharts' widget loading the minified ECharts.
"""

from __future__ import annotations

from pathlib import Path

import ipyvue
import ipyvuetify
import solara.components.echarts
import traitlets
from solara.components.echarts import EchartsWidget

FRAME_ACK = """
<template><span class="nws-frame-ack" style="display: none" :data-week="week"></span></template>
<script>
module.exports = {
  mounted() { this.answer(); },
  watch: { week() { this.answer(); } },
  methods: {
    answer() {
      // after Vue has patched the page with this week, and once the week's label shows it: the widgets'
      // updates of one frame are applied one by one, so this message can arrive before the label's
      const week = this.week;
      let tries = 0;
      const shows = () => {
        const label = document.querySelector('.nws-week');
        const number = label && label.textContent.match(/\\d+/);
        return !label || (number !== null && parseInt(number[0]) >= week);
      };
      const check = () => {
        if (week !== this.week) return;                   // a newer week came: that one answers
        if (shows() || ++tries > 250) this.drawn(week);  // at most ~5 s: never hold the play for a label
        else setTimeout(check, 20);
      };
      this.$nextTick(check);
    },
  },
};
</script>
"""


class FrameAck(ipyvue.VueTemplate):
    """An invisible element that answers ``on_drawn(week)`` from the browser for every week it is given."""

    template = traitlets.Unicode(FRAME_ACK).tag(sync=True)
    week = traitlets.Int(0).tag(sync=True)
    on_drawn = traitlets.Callable(None, allow_none=True)

    def vue_drawn(self, week):
        if self.on_drawn is not None:
            self.on_drawn(int(week))


class NetworkView(ipyvuetify.VuetifyTemplate):
    """The network drawn on a canvas in the browser (``network_view.vue``): ``geometry_json`` once per run,
    ``frame_json`` every week (network.view_layout, network.view_frame, as JSON: one string for reacton to
    compare and for the widget to send, not thousands of numbers to walk and validate)."""

    template_file = (__file__, "network_view.vue")
    geometry_json = traitlets.Unicode("{}").tag(sync=True)
    frame_json = traitlets.Unicode("{}").tag(sync=True)
    font_px = traitlets.Int(17).tag(sync=True)
    height = traitlets.Unicode("100%").tag(sync=True)


def _minified_echarts_template() -> str:
    """Solara's echarts.vue with ECharts' minified build, which solara-assets ships beside the full one."""
    vue = Path(solara.components.echarts.__file__).with_name("echarts.vue").read_text(encoding="utf-8")
    full = "/dist/echarts.js`"
    if full not in vue:
        raise RuntimeError(f"solara's echarts.vue no longer loads {full!r}: see netwerksim/app/widgets.py")
    return vue.replace(full, "/dist/echarts.min.js`")


class EchartsMin(EchartsWidget):
    """solara.FigureEcharts' widget with ECharts 5.4.0's minified build (``dist/echarts.min.js``, 1.0 MB)
    instead of the full one (``dist/echarts.js``, 3.3 MB, comments and all), the same library: every tab
    that opens the page parses a third of it (a phone in the room, the trainer's laptop, the browser tests'
    eleven tabs a round)."""

    template_file = None
    template = traitlets.Unicode(_minified_echarts_template()).tag(sync=True)
