"""Browser-side pieces of the workshop page (ipyvue templates, no extra package, nothing from a CDN).

``LiveFrame`` is the week's label and carries everything a frame changes in the network and the chart, in one
websocket message; it tells the play loop that the browser has put the week on screen (player.py). The page
sets it in the same render as the frame's other changes (``page.Live``: the situation, the log), so its answer
can come before those reach the browser; the play loop may then step the next week while they are still on their way
(the week, the network and the chart come with the LiveFrame itself, so none of them skips a week).
``NetworkView`` draws the network on a canvas, ``LiveChart`` the chart with ECharts, both from the LiveFrame's
numbers on the workshop page. ``EchartsMin`` is solara.FigureEcharts' widget loading the minified ECharts
(the game's pages).
"""

from __future__ import annotations

from pathlib import Path

import ipyvue
import ipyvuetify
import solara.components.echarts
import traitlets
from solara.components.echarts import EchartsWidget

LIVE_FRAME = """
<template><span class="nws-week" :data-week="frame.week">{{ frame.label }}</span></template>
<script>
module.exports = {
  computed: { frame() { return JSON.parse(this.frame_json); } },
  mounted() { this.publish(); },
  watch: { frame_json() { this.publish(); } },
  methods: {
    publish() {
      // hand the week's numbers to the network and the chart of this page, then answer once Vue has put
      // the week's label on the page (the network and the chart draw while the event is dispatched)
      const F = this.frame;
      if (F.week === undefined) return;
      window.nwsFrames = window.nwsFrames || {};
      window.nwsFrames[this.channel] = F;
      window.dispatchEvent(new CustomEvent(`nws-frame-${this.channel}`, { detail: F }));
      this.$nextTick(() => { if (this.frame.week === F.week) this.drawn(F.week); });
    },
  },
};
</script>
"""


class LiveFrame(ipyvue.VueTemplate):
    """The week's label, and the one message a frame of the page sends (issue 16: fewer websocket messages a
    frame, each waits its turn on the server's event loop): ``frame_json`` holds the week, its label, the
    network's numbers (network.view_frame) and the chart's new points (charts.chart_update). The browser shows
    the label, passes the rest to the page's NetworkView and LiveChart (a window event named after
    ``channel``) and answers ``on_drawn(week)`` once the label shows the week (player.py waits for that)."""

    template = traitlets.Unicode(LIVE_FRAME).tag(sync=True)
    frame_json = traitlets.Unicode("{}").tag(sync=True)
    channel = traitlets.Unicode("").tag(sync=True)
    on_drawn = traitlets.Callable(None, allow_none=True)

    def vue_drawn(self, week):
        if self.on_drawn is not None:
            self.on_drawn(int(week))


class NetworkView(ipyvuetify.VuetifyTemplate):
    """The network drawn on a canvas in the browser (``network_view.vue``): ``geometry_json`` once per run,
    ``frame_json`` every week (network.view_layout, network.view_frame, as JSON: one string for reacton to
    compare and for the widget to send, not thousands of numbers to walk and validate); with a ``channel``
    the week's numbers come in the page's LiveFrame instead."""

    template_file = (__file__, "network_view.vue")
    geometry_json = traitlets.Unicode("{}").tag(sync=True)
    frame_json = traitlets.Unicode("{}").tag(sync=True)
    channel = traitlets.Unicode("").tag(sync=True)
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


class LiveChart(EchartsWidget):
    """The workshop page's chart (``live_chart.vue``, ECharts' minified build as EchartsMin): ``base``
    ({"serial", "option"}, charts.chart_option) when the events, the language, the chart or the cursor change;
    each week only the lines' new points, in the page's LiveFrame on ``channel`` (charts.chart_update)."""

    template_file = (__file__, "live_chart.vue")
    base = traitlets.Dict({"serial": "", "option": {}}).tag(sync=True)
    channel = traitlets.Unicode("").tag(sync=True)
