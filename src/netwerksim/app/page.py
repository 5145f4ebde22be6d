"""The workshop page, one projector screen: the controls along the top, the intervention panel on the left,
the network in the middle, the situation now and the log on the right, the chart below.

Every piece of state lives inside the component (``use_memo``/``use_reactive``), so each browser
session has its own Session and model; nothing is shared at module level. Texts come from i18n.py
(Dutch by default, English with one switch). Every callback that acts on a person's input goes
through :func:`guarded`: a bad value gives a message on the page, never a crash. The network and the
chart are drawn in the browser (widgets.NetworkView, widgets.LiveChart): a frame sends numbers, not
pictures, and in one websocket message (widgets.LiveFrame, the week's label: the network's numbers and the
chart's new points), since each message waits its turn on the server's event loop (issue 16: ~6 messages a
frame before, ~2 now with the situation and the log). The play loop is player.py's.
"""

from __future__ import annotations

import ctypes
import gc
import io
import json
import os
import threading
import uuid
from html import escape
from types import SimpleNamespace
from typing import Any, Callable

import reacton.ipyvuetify as rv
import solara
from solara.server import kernel_context
from solara.server import settings as server_settings

from ..i18n import decimal, t
from ..interventions import REGISTRY, EventParameterError
from ..mechanisms.conflict import LEVELS
from ..observers.thermometer import LEVEL_NAMES
from ..scenario import KINDS
from .charts import CHARTS, chart_option, chart_update, draw_charts
from .effects import LEVER_WEEKS
from .network import (GONE_COLOUR, KIND_COLOURS, LEVEL_COLOURS, NAMED_ORGANISATIONS, draw_network, view_frame,
                      view_layout)
from .panel import needs_target, panel_groups
from .player import FINISHED, MAX_SPEED, MIN_SPEED, PAUSE_AT, Player
from .session import SEED_HIGH, Session, SeedError, parse_seed, scenarios
from .situation import Names, log_lines, situation
from .widgets import EchartsMin, LiveChart, LiveFrame, NetworkView

LOG_LINES = 60   # the log shows the newest events; the debrief slider reaches the older weeks
FONT_PX = 16   # the text in the network and the charts: readable at the back of a room (issue 16: >= 16 px)
CSS = """
html, body { overflow: hidden; }
.v-application { font-size: 17px; }
.v-application--wrap { min-height: 0 !important; }
.v-btn { text-transform: none !important; font-size: 16px !important; letter-spacing: 0 !important; }
.nws-screen { height: 100vh; box-sizing: border-box; overflow: hidden; display: grid; gap: 6px 14px;
  padding: 6px 12px 8px 12px;
  grid-template-columns: 250px minmax(0, 1fr) minmax(340px, 0.45fr);
  grid-template-rows: auto minmax(0, 1.35fr) minmax(0, 1fr);
  grid-template-areas: "head head head" "panel net now" "panel chart now"; }
.nws-screen.nws-present { grid-template-columns: 0 minmax(0, 1fr) minmax(340px, 0.45fr); column-gap: 0; }
.nws-present .nws-net, .nws-present .nws-chart { margin-right: 14px; }
.nws-present .nws-panel, .nws-present .nws-control { display: none !important; }
.nws-head { grid-area: head; display: flex; flex-wrap: wrap; align-items: center; gap: 4px 14px; }
.nws-panel { grid-area: panel; overflow-y: auto; min-height: 0; padding: 8px 4px 0 0; }
.nws-net { grid-area: net; display: flex; flex-direction: column; min-height: 0; min-width: 0; }
.nws-net-view { flex: 1 1 0; min-height: 0; position: relative; }
.nws-now { grid-area: now; display: flex; flex-direction: column; min-height: 0; min-width: 0; }
.nws-chart { grid-area: chart; display: flex; flex-direction: column; min-height: 0; min-width: 0; }
.nws-situation { flex: 0 1 auto; max-height: 55%; overflow-y: auto; }
.nws-log-box { flex: 1 1 0; min-height: 0; display: flex; flex-direction: column; }
.nws-log { flex: 1 1 0; min-height: 0; overflow-y: auto; font-size: 16px; line-height: 1.35; }
.nws-log p { margin: 0 0 5px 0; }
.nws-log .nws-when { font-weight: 600; color: #555; }
.nws-title { font-size: 19px; font-weight: 700; }
.nws-week { font-size: 26px; font-weight: 700; white-space: nowrap; min-width: 8.2em; }
.nws-speed { width: 140px; }
.nws-speed .v-input__slot { margin: 0; }
.nws-speed-value { font-size: 16px; white-space: nowrap; min-width: 5.5em; }
.nws-field { width: 140px; }
.nws-head .v-input { margin-top: 0; padding-top: 0; }
.nws-push { margin-left: auto; }
.nws-controls, .nws-live { display: contents; }
.nws-description { font-size: 15px; color: #444; margin: 2px 0 8px 0; }
.nws-h { font-size: 19px; font-weight: 700; margin: 2px 0 4px 0; }
.nws-group { font-size: 16px; font-weight: 600; margin: 6px 0 2px 0; color: #333; }
.nws-stuck { font-size: 16px; margin: 0 0 4px 0; line-height: 1.3; }
.nws-level { display: inline-block; padding: 1px 10px; border-radius: 12px; color: white; font-weight: 600; }
.nws-big { font-size: 19px; font-weight: 700; }
.nws-legend { font-size: 16px; line-height: 1.3; color: #333; }
.nws-legend .nws-key { white-space: nowrap; margin-right: 8px; }
.nws-dot { display: inline-block; width: 13px; height: 13px; border-radius: 50%; margin-right: 4px; vertical-align: -1px; }
.nws-line { display: inline-block; width: 20px; height: 5px; margin-right: 4px; vertical-align: 3px; }
.nws-notice .v-alert { margin: 0 0 4px 0; padding: 6px 12px; font-size: 16px; }
.nws-panel .v-expansion-panel-header { font-size: 16px; font-weight: 600; min-height: 40px !important; padding: 6px 12px; }
.nws-panel .v-expansion-panel-content__wrap { padding: 0 6px 8px 6px; }
.nws-panel .v-btn { margin: 2px 0; }
"""
# reacton re-renders a child component only when its arguments change or a reactive value it read changed:
# children get the values they show and Actions, which stays the same; the week is read only by Live (and by
# the debrief in a pause), so a played week renders Live and nothing else (issue 16 item 2).
LEVEL_BADGE = ("#2e8b57", "#b08d00", "#d35400", "#c0392b")
PNG_DPI = 80
# reacton's renderer that skips the parts of the page in which nothing changed (reacton 1.11: opt-in, read when a
# page's render context is made); the default one walks and sets every widget of the page at every render, whatever
# its components (issue 16 item 2: 116 widgets and ~640 property sets a played week at 98 professionals; with it
# and Live 6-9 and 24-34, benchmarks/bench_app.py)
RENDERER = "REACTON_FAST"


def server_defaults() -> None:
    """What ``netwerksim app`` sets through the environment (cli.APP_SETTINGS), also for a server started
    with ``solara run netwerksim.app.page:Page`` by hand: no telemetry, no Solara badge, an abandoned tab
    freed after 15 minutes, reacton's renderer that skips the unchanged parts of the page (:data:`RENDERER`); a
    value set in the environment is kept. (Solara looks up its newest version on
    pypi.org before it reads this module: only ``--no-check-version`` stops that.)"""
    if "SOLARA_TELEMETRY_MIXPANEL_ENABLE" not in os.environ:
        server_settings.telemetry.mixpanel_enable = False
    if "SOLARA_THEME_SHOW_BANNER" not in os.environ:
        server_settings.theme.show_banner = False
    if "SOLARA_KERNEL_CULL_TIMEOUT" not in os.environ:
        server_settings.kernel.cull_timeout = "15m"
    os.environ.setdefault(RENDERER, "1")


def release_memory_when_closed():
    """When a tab's kernel closes, hand the memory its model held back to the system a moment later (after
    Solara's own garbage collection): Python keeps freed memory for itself, and a server that ran many
    sessions would otherwise stay as large as its busiest moment (issue 16 item 6). glibc only."""
    def later():
        gc.collect()
        try:
            ctypes.CDLL("libc.so.6").malloc_trim(0)
        except (OSError, AttributeError):   # not glibc: nothing to trim
            pass

    def cleanup():
        timer = threading.Timer(2.0, later)
        timer.daemon = True
        timer.start()

    return cleanup


server_defaults()
solara.lab.on_kernel_start(release_memory_when_closed)


def png(fig) -> bytes:
    """A matplotlib figure as PNG bytes."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=PNG_DPI, pil_kwargs={"compress_level": 1})   # speed over bytes
    return buffer.getvalue()


def guarded(message: solara.Reactive, action: Callable[..., Any]) -> Callable[..., Any]:
    """``action`` that reports any failure as a message instead of raising into the page."""
    def run(*args):
        try:
            return action(*args)
        except Exception as exc:  # noqa: BLE001 (anything a person's input provokes becomes a message)
            message.value = ("error", "app.error", {"error": str(exc)})
    return run


def Html(tag: str, text: str, cls: str = "", style: str = ""):
    return rv.Html(tag=tag, children=[text], class_=cls, style_=style)


def kernel_watch() -> tuple[threading.Event | None, Callable[[], bool]]:
    """The browser tab's kernel as the play loop needs it: the event set when it closes, and whether a browser
    is connected to it now. Outside a Solara server (``solara.render`` in tests) neither is known."""
    try:
        closed = solara.kernel_closed_event()
        context = kernel_context.get_current_context()
    except RuntimeError:
        return None, lambda: True

    def connected() -> bool:
        pages = tuple(context.page_status.values())
        return not pages or kernel_context.PageStatus.CONNECTED in pages

    return closed, connected


@solara.component
def Layout(children=[]):  # noqa: B006 (Solara's signature)
    """No Solara chrome around the page: it is one screen of its own."""
    return solara.Div(children=children)


class Actions:
    """What the page's buttons, sliders and fields do. Made once per page: the children that get it keep their
    arguments from frame to frame, so that a frame re-renders only what shows the week. ``r`` holds the
    page's reactive values (see :func:`Page`)."""

    def __init__(self, session: Session, player: Player, r: SimpleNamespace):
        self.session, self.player, self.r = session, player, r
        self.pick_scenario = guarded(r.message, lambda stem: self.restart(stem))
        self.press = guarded(r.message, self._press)
        session.on_change = self.changed     # a netwerkdip's explanation arrived

    def changed(self):
        """Something the week does not say changed (a press, an explanation): the live part renders again."""
        self.r.version.value += 1

    def ended(self, reason: str):
        """The play loop stopped by itself."""
        self.r.playing.value = False
        if reason == FINISHED:
            self.r.message.value = ("info", "app.finished", {})
        elif reason == PAUSE_AT:
            self.r.message.value = ("info", "app.paused_at", {"week": self.session.week})

    def step(self):
        r = self.r
        r.view.value = None
        if r.playing.value:
            return
        if self.session.step():
            r.week.value = self.session.week
        else:
            r.message.value = ("info", "app.finished", {})

    def play(self):
        r = self.r
        if r.playing.value:
            self.player.stop()      # first: the loop steps no further week, whatever the page is doing
            r.playing.value = False
            return
        r.view.value = None
        r.message.value = None
        r.playing.value = True

    def set_speed(self, value: int):
        self.player.speed = value
        self.r.speed.value = value

    def set_pause_at(self, value: int | None):
        self.player.pause_at = value
        self.r.pause_at.value = value

    def restart(self, scenario: str | None = None, seed: int | None = None):
        r = self.r
        self.player.stop()
        r.playing.value = False
        self.session.reset(scenario, seed)
        r.week.value = self.session.week
        r.seed_text.value = str(self.session.seed)
        r.seed_error.value = None
        r.view.value = None
        r.target.value = None
        r.message.value = None
        self.changed()
        r.run.value += 1

    def reset(self):
        """A new run with the seed in the field; a bad seed is shown under the field and changes nothing."""
        try:
            seed = parse_seed(self.r.seed_text.value)
        except SeedError:
            self.r.seed_error.value = self.r.seed_text.value
            return
        self.restart(seed=seed)

    def seed(self, text: str | None):
        self.r.seed_text.value = text or ""
        self.reset()

    def _press(self, name: str, label: str, target_option: str | None):
        r, session = self.r, self.session
        params = {}
        if target_option:
            if r.target.value not in session.organisation_names():
                r.message.value = ("warning", "app.need_target", {"label": label})
                return
            params[target_option] = r.target.value
        try:
            lever = session.intervene(name, **params)
        except (EventParameterError, KeyError, ValueError) as exc:
            r.message.value = ("error", "app.error", {"error": str(exc)})
            return
        pressed = ("success", "app.pressed", {"label": label, "week": session.week + 1})
        r.message.value = pressed
        self.changed()

        def check():   # followed some weeks ahead on copies: in a thread, so the page does not wait
            if not lever() and r.message.value == pressed:
                r.message.value = ("warning", "app.no_lever", {**pressed[2], "weeks": LEVER_WEEKS})

        threading.Thread(target=check, name="netwerksim-lever", daemon=True).start()

    def weeks(self, playing: bool = False) -> tuple[int, int]:
        """(now, shown): the last week played, and the week looked back at in a pause (``now`` while playing). A
        loop stopped by a reset may still hand over its last week, so ``now`` is at most the model's week."""
        now = min(self.r.week.value, self.session.week)
        view = self.r.view.value
        return now, (now if view is None or playing else min(int(view), now))

    def set_view(self, week: int):
        self.r.view.value = None if week >= self.weeks()[0] else week

    def toggle_language(self):
        self.r.lang.value = "en" if self.r.lang.value == "nl" else "nl"

    def toggle_present(self):
        self.r.present.value = not self.r.present.value


@solara.component
def Page(session: Session | None = None):
    """The page; ``session`` (a fresh one by default, per browser session) is there for tests and embedding.

    A played week changes only :func:`Live` (the week, the network's numbers, the chart's new points, the
    situation, the log): the page itself does not read the week, so it is not rendered again each week, and
    the parts that do not move (the intervention panel, the run's choices, the network's layout and legend)
    keep their elements and are skipped (issue 16 item 2; reacton's renderer that skips unchanged parts,
    ``REACTON_FAST``, see :func:`server_defaults`)."""
    session = solara.use_memo(lambda given=session: given or Session(), [])
    player = solara.use_memo(lambda: Player(session), [])
    first_week, first_seed, first_speed = solara.use_memo(lambda: (session.week, str(session.seed), player.speed), [])
    r = SimpleNamespace(   # (use_reactive takes over a changed first value: these stay the same)
        lang=solara.use_reactive("nl"),
        week=solara.use_reactive(first_week),        # the week on screen: the play loop and Stap move it
        version=solara.use_reactive(0),              # bumped when something else changed (a press, a reset)
        run=solara.use_reactive(0),                  # bumped by a new run (a reset): the whole page renders
        playing=solara.use_reactive(False),
        speed=solara.use_reactive(first_speed),
        pause_at=solara.use_reactive(None),
        view=solara.use_reactive(None),              # week shown in the debrief; None: now
        message=solara.use_reactive(None),           # (kind, i18n key, format values)
        seed_text=solara.use_reactive(first_seed),
        seed_error=solara.use_reactive(None),
        target=solara.use_reactive(None),            # organisation chosen for entries that need one
        chart=solara.use_reactive(CHARTS[0]),
        present=solara.use_reactive(False),          # presentation mode: the controls hidden
    )
    act = solara.use_memo(lambda: Actions(session, player, r), [])
    L = r.lang.value
    r.run.value                              # read: a new run renders the page (not a week, nor a press)
    playing = r.playing.value

    # --- playing: a thread of its own (player.py) that hands the page one week at a time (Live shows it) -----
    closed, connected = kernel_watch()

    def play():
        if not r.playing.value:
            return None
        player.start(show=r.week.set, done=act.ended, browser=closed is not None, closed=closed, connected=connected)
        return player.stop          # unmount (the tab closed), a reset or Pause: the loop ends

    solara.use_effect(play, [playing, session.generation])

    st = session.model.state
    geometry = solara.use_memo(lambda: json.dumps(view_layout(session.layout, st)), [session.generation])
    solara.Style(CSS)
    solara.Title(t("app.title", L))
    channel = solara.use_memo(lambda: uuid.uuid4().hex, [])   # this page's LiveFrame to its network and chart
    with solara.Div(classes=["nws-screen", "nws-present"] if r.present.value else ["nws-screen"]):
        Live(act, channel)          # the head, the situation now and the log, the chart
        with solara.Div(classes=["nws-panel"]):
            RunChoice(act, session.generation, L, r.seed_text.value, r.seed_error.value, r.chart.value)
            InterventionPanel(act, session.generation, L, r.target.value)
            Debrief(act, session.generation, L, playing)
        with solara.Div(classes=["nws-net"]):
            with solara.Div(classes=["nws-net-view"]):
                NetworkView.element(geometry_json=geometry, channel=channel, font_px=FONT_PX)
            NetworkLegend(session.generation, L, unnamed_kinds(st))


@solara.component
def Live(act, channel: str):
    """What a played week changes, the only component that reads the week while playing: along the top the
    week (the LiveFrame, which also carries the network's numbers and the chart's new points) and the
    controls, on the right the situation now and the log, below the chart. Its areas take their places in
    the page's grid (``nws-live`` has no box of its own). Its children get the values they show, so that
    those that did not change (the controls, a notice, the log between events) are not rendered again."""
    r, session, player = act.r, act.session, act.player
    L = r.lang.value
    r.version.value                          # read: a press or a reset renders the log and the chart
    solara.use_effect(player.rendered, [r.week.value])   # effects run after the render: this week is rendered
    playing = r.playing.value
    now, shown = act.weeks(playing)
    rows, events = session.model.rows[:now + 1], [e for e in session.model.events if e["step"] <= now]
    st = session.model.state
    window = int(session.model.params.dip.window)
    names = Names(list(st.orgs.name), list(st.forums.name_nl if L == "nl" else st.forums.name_en),
                  list(st.issues.name_nl if L == "nl" else st.issues.name_en))
    sit = situation(rows, events, shown, names.issues, L, window)
    frame = solara.use_memo(lambda: json.dumps(view_frame(session.layout, st, session.snapshots[shown], L, shown)),
                            [session.generation, shown, L])
    cursor = None if shown == now else shown
    chart = r.chart.value
    base_key = (session.generation, len(events), L, chart, cursor)
    base = solara.use_memo(   # the chart's whole option when its marks, language or lines change; else new points
        lambda: {"serial": "-".join(map(str, base_key)),
                 "option": chart_option(rows, events, session.horizon, L, chart, cursor=cursor,
                                        font_px=FONT_PX, window=window)}, list(base_key))
    live = solara.use_memo(
        lambda: '{"week": %d, "label": %s, "network": %s, "chart": %s}' % (
            now, json.dumps(t("app.week_of", L, week=now, total=session.horizon)), frame,
            json.dumps({"serial": base["serial"], **chart_update(base["option"], rows, events, chart, window)})),
        [base["serial"], now, frame])
    pending = tuple(session.pending) if shown == now else ()
    lines = tuple(log_lines(events, shown, L, effects=session.effects, names=names, rows=rows,
                            window=window)[:LOG_LINES])

    with solara.Div(classes=["nws-live"]):
        with solara.Div(classes=["nws-head"]):
            LiveFrame.element(frame_json=live, channel=channel, on_drawn=player.drawn)
            Controls(act, now >= session.horizon, L, r.present.value, playing, r.speed.value, r.pause_at.value)
        with solara.Div(classes=["nws-now"]):
            with solara.Div(classes=["nws-notice"]):
                Notice(r.message.value, L)
                if shown != now:
                    solara.Info(t("app.viewing", L, week=shown, now=now))
            SituationView(sit, L, window)
            EventLog(lines, pending, now + 1 if pending else None, L)
        with solara.Div(classes=["nws-chart"]):
            LiveChartView(base, channel)


@solara.component
def Chart(option: dict):
    """The chart, drawn by ECharts in the browser (solara.FigureEcharts' widget, minified ECharts). The option goes to the widget
    after the render, not as an argument of the element, which reacton would walk number by number each frame."""
    chart = EchartsMin.element(attributes={"style": "height: 100%; width: 100%"}, responsive=True)

    def show():
        solara.get_widget(chart).option = option

    solara.use_effect(show, [id(option)])
    return chart


@solara.component
def LiveChartView(base: dict, channel: str):
    """The workshop page's chart (widgets.LiveChart): the whole option only when ``base`` changes (set after
    the render, as :func:`Chart`), the new points of each week in the page's LiveFrame."""
    chart = LiveChart.element(channel=channel)

    def show():
        solara.get_widget(chart).base = base

    solara.use_effect(show, [base["serial"]])
    return chart


@solara.component
def Controls(act, finished, L, present, playing, speed, pause_at):
    """Along the top after the week: play, step, reset, speed, pause at, language, presentation mode."""
    with solara.Div(classes=["nws-controls"]):
        ControlButtons(act, finished, L, present, playing, speed, pause_at)


def ControlButtons(act, finished, L, present, playing, speed, pause_at):
    solara.Button(t("app.pause" if playing else "app.play", L), on_click=act.play, color="primary",
                  disabled=finished and not playing)
    solara.Button(t("app.step", L), on_click=act.step, color="primary", outlined=True, disabled=playing or finished)
    solara.Button(t("app.reset", L), on_click=act.reset, outlined=True, classes=["nws-control"])
    with solara.Div(classes=["nws-speed", "nws-control"]):
        solara.SliderInt("", value=speed, min=MIN_SPEED, max=MAX_SPEED, on_value=act.set_speed, thumb_label=False)
    Html("span", t("app.speed" if speed != 1 else "app.speed_one", L, speed=speed), "nws-speed-value nws-control")
    with solara.Div(classes=["nws-field", "nws-control"]):
        solara.InputInt(t("app.pause_at", L), value=pause_at, on_value=act.set_pause_at, optional=True,
                        clearable=True, dense=True, hide_details=True)
    solara.Button(t("app.other_language", L), on_click=act.toggle_language, outlined=True, color="primary",
                  classes=["nws-control", "nws-push"])
    solara.Button(t("app.present_off" if present else "app.present", L), on_click=act.toggle_present, outlined=True)


@solara.component
def RunChoice(act, generation, L, seed_text, seed_error, chart):
    """The panel's top: scenario, seed, the scenario's description, which chart."""
    session = act.session
    items = [{"text": s.meta.name_nl if L == "nl" else s.meta.name_en, "value": stem}
             for stem, s in scenarios().items()]
    rv.Select(label=t("app.scenario", L), items=items, v_model=session.scenario_name, on_v_model=act.pick_scenario,
              hide_details=True, dense=True)
    solara.InputText(t("app.seed", L), value=seed_text, on_value=act.seed,
                     error=t("app.seed_error", L, value=seed_error, high=SEED_HIGH) if seed_error is not None else False)
    meta = session.spec.meta
    Html("p", meta.description_nl if L == "nl" else meta.description_en, "nws-description")
    Html("div", t("app.chart", L), "nws-group")
    with solara.ToggleButtonsSingle(value=chart, on_value=act.r.chart.set, dense=True):
        for c in CHARTS:
            solara.Button(t(f"app.chart.{c}", L), value=c, small=True)


def unnamed_kinds(st) -> list[int]:
    """The kinds of organisation to name in the legend: all of them when the picture has no names (many
    organisations), none otherwise (each group is named beside it)."""
    return [] if len(st.orgs.name) <= NAMED_ORGANISATIONS else sorted(set(st.orgs.kind.tolist()))


@solara.component
def NetworkLegend(generation, L, kinds):
    """What the dots and lines mean, in the colours of the picture."""
    with rv.Html(tag="div", class_="nws-legend"):
        for k in kinds:
            Key("nws-dot", KIND_COLOURS[k], t(f"kind.{KINDS[k]}", L))
        for colour, name in zip(LEVEL_COLOURS, LEVELS):
            Key("nws-line", colour, LEVEL_NAMES[name][0 if L == "nl" else 1])
        Key("nws-dot", GONE_COLOUR, t("app.network_gone", L))
        Html("span", t("app.network_legend", L))


def Key(shape: str, colour: str, text: str):
    with rv.Html(tag="span", class_="nws-key"):
        rv.Html(tag="span", class_=shape, style_=f"background: {colour}")
        rv.Html(tag="span", children=[text])


@solara.component
def InterventionPanel(act, generation, L, target):
    Html("div", t("app.intervene", L), "nws-h")
    with rv.ExpansionPanels(accordion=True, flat=True):
        for group, entries in panel_groups().items():
            if not entries:
                continue
            with rv.ExpansionPanel():
                rv.ExpansionPanelHeader(children=[t(f"app.group.{group}", L)])
                with rv.ExpansionPanelContent():
                    if group == "shock":
                        rv.Select(label=t("app.target", L), items=act.session.organisation_names(), v_model=target,
                                  on_v_model=act.r.target.set, dense=True, hide_details=True, clearable=True)
                    with solara.Column(gap="2px"):
                        for entry in entries:
                            label = entry.label_nl if L == "nl" else entry.label_en
                            solara.Button(label, small=True, color="error" if group == "shock" else "success",
                                          outlined=True, block=True,
                                          on_click=lambda e=entry, lb=label: act.press(e.name, lb, needs_target(e)))


@solara.component
def Debrief(act, generation, L, playing):
    """Looking back and the downloads, in a pause; while playing nothing here moves (it reads the week only in
    a pause, so a played week does not render it)."""
    session = act.session
    Html("div", t("app.debrief", L), "nws-h")
    if playing:
        Html("p", t("app.debrief_in_pause", L), "nws-description")
        return
    now, shown = act.weeks()
    solara.SliderInt(t("app.view_week", L), value=shown, min=0, max=max(now, 1), on_value=act.set_view,
                     disabled=now == 0)
    if shown != now:
        solara.Button(t("app.back_to_now", L), on_click=lambda: act.r.view.set(None), outlined=True, small=True)
    stem = session.file_stem()
    with solara.Column(gap="6px"):
        solara.FileDownload(lambda: session.data_zip(L), filename=f"{stem}.zip", label=t("app.download_data", L),
                            mime_type="application/zip")
        solara.FileDownload(lambda: png(draw_charts(session.record(now), session.horizon, L)),
                            filename=f"{stem}_charts.png", label=t("app.download_charts", L), mime_type="image/png")
        solara.FileDownload(lambda: png(draw_network(session.layout, session.model.state, session.snapshots[shown], L)),
                            filename=f"{stem}_network_week{shown}.png", label=t("app.download_network", L),
                            mime_type="image/png")


@solara.component
def Notice(message, L):
    if message is None:
        return
    kind, key, fmt = message
    show = {"error": solara.Error, "warning": solara.Warning, "success": solara.Success, "info": solara.Info}[kind]
    show(t(key, L, **fmt))


@solara.component
def SituationView(sit, L, window):
    with solara.Div(classes=["nws-situation"]):
        SituationLines(sit, L, window)


def SituationLines(sit, L, window):
    """The situation now as one HTML element: a frame changes its vitality, and now and then its dip, conflict
    or problems; one message then, not one per changed text, tag and style of the lines below each other."""
    dip = (f'<span class="nws-big" style="color: #d35400">{escape(t("app.dip_now", L, start=sit.dip_since))}</span>'
           if sit.dip_since is not None else f'<span class="nws-big" style="color: #2e8b57">{escape(t("app.no_dip", L))}</span>')
    parts = [f'<div style="display: flex; align-items: baseline; gap: 16px; flex-wrap: wrap">'
             f'<span class="nws-big">{escape(t("app.vitality_now", L, value=decimal(sit.vitality, L), weeks=window))}</span>'
             f'{dip}</div>',
             f'<div style="display: flex; align-items: center; gap: 8px; flex-wrap: wrap">'
             f'<span class="nws-group">{escape(t("app.conflict", L))}:</span>'
             f'<span class="nws-level" style="background: {LEVEL_BADGE[sit.conflict_level]}">{escape(sit.conflict_name)}</span>'
             f'<span>{escape(sit.conflict_signature)}</span></div>',
             f'<div class="nws-group">{escape(t("app.stuck", L))}:</div>']
    if not sit.stuck:
        parts.append(f'<p class="nws-stuck">{escape(t("app.stuck_none", L))}</p>')
    parts += [f'<p class="nws-stuck"><b>{escape(f"{s.id} {s.name} ({s.issue}). ")}</b><span>{escape(s.explanation)}</span></p>'
              for s in sit.stuck]
    solara.HTML(tag="div", unsafe_innerHTML="".join(parts), classes=["nws-situation-lines"])


@solara.component
def EventLog(lines, pending, next_week, L):
    """The newest LOG_LINES events up to the week shown, and what was pressed for ``next_week``: one HTML
    element (not three per line) so that a frame does not walk them."""
    when = t("week", L).capitalize()
    parts = [f'<p style="color: #1e8449">{escape(t("app.pending", L, week=next_week, label=_label(name, L)))}</p>'
             for name in pending]
    parts += [f'<p><span class="nws-when">{when} {week} · </span>{escape(text)}</p>' for week, _, text in lines]
    with solara.Div(classes=["nws-log-box"]):
        Html("div", t("app.log", L), "nws-group")
        solara.HTML(tag="div", unsafe_innerHTML="".join(parts) or f"<p>{escape(t('app.log_empty', L))}</p>",
                    classes=["nws-log"])


def _label(name: str, L: str) -> str:
    entry = REGISTRY[name]
    return entry.label_nl if L == "nl" else entry.label_en
