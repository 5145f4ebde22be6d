"""The workshop page: controls, the network, the situation now, the charts, the log, the panel, the debrief.

Every piece of state lives inside the component (``use_memo``/``use_reactive``), so each browser
session has its own Session and model; nothing is shared at module level. Texts come from i18n.py
(Dutch by default, English with one switch). Every callback that acts on a person's input goes
through :func:`guarded`: a bad value gives a message on the page, never a crash.
"""

from __future__ import annotations

import io
import os
import threading
from typing import Any, Callable

import reacton.ipyvuetify as rv
import solara
from solara.server import kernel_context
from solara.server import settings as server_settings

from ..i18n import t
from ..interventions import REGISTRY, EventParameterError
from .charts import draw_charts
from .network import draw_network
from .panel import needs_target, panel_groups
from .player import FINISHED, MAX_SPEED, MIN_SPEED, PAUSE_AT, Player
from .session import SEED_HIGH, Session, SeedError, parse_seed, scenarios
from .situation import log_lines, situation
from .widgets import FrameAck

CSS = """
.v-application { font-size: 17px; }
.nws-page { padding: 8px 16px; }
.v-btn { text-transform: none !important; font-size: 15px !important; letter-spacing: 0 !important; }
.nws-week { font-size: 28px; font-weight: 600; margin: 4px 0 8px 0; }
.nws-description { font-size: 15px; color: #444; margin: 4px 0 12px 0; }
.nws-h { font-size: 21px; font-weight: 600; margin: 14px 0 6px 0; }
.nws-group { font-size: 16px; font-weight: 600; margin: 10px 0 2px 0; color: #333; }
.nws-log { max-height: 460px; overflow-y: auto; font-size: 16px; line-height: 1.4; }
.nws-log p { margin: 0 0 6px 0; }
.nws-log .nws-when { font-weight: 600; color: #555; }
.nws-stuck { font-size: 16px; margin: 0 0 8px 0; }
.nws-level { display: inline-block; padding: 2px 12px; border-radius: 12px; color: white; font-weight: 600; }
.nws-big { font-size: 20px; font-weight: 600; }
"""
# Child components that read the Session get ``tick`` (the page's change counter): reacton re-renders a
# child only when its arguments change, and the Session object itself stays the same.
LEVEL_BADGE = ("#2e8b57", "#b08d00", "#d35400", "#c0392b")
PNG_DPI = 80


def offline_by_default() -> None:
    """What ``netwerksim app`` sets through the environment (cli.APP_SETTINGS), also for a server started
    with ``solara run netwerksim.app.page:Page`` by hand: no telemetry, no Solara badge; a value set in the
    environment is kept. (Solara looks up its newest version on pypi.org before it reads this module: only
    ``--no-check-version`` stops that.)"""
    if "SOLARA_TELEMETRY_MIXPANEL_ENABLE" not in os.environ:
        server_settings.telemetry.mixpanel_enable = False
    if "SOLARA_THEME_SHOW_BANNER" not in os.environ:
        server_settings.theme.show_banner = False


offline_by_default()


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
def Page(session: Session | None = None):
    """The page; ``session`` (a fresh one by default, per browser session) is there for tests and embedding."""
    session = solara.use_memo(lambda given=session: given or Session(), [])
    player = solara.use_memo(lambda: Player(session), [])
    lang = solara.use_reactive("nl")
    week = solara.use_reactive(session.week)     # the week on screen: the play loop and Stap move it
    version = solara.use_reactive(0)            # bumped when something else changed (a press, a reset)
    playing = solara.use_reactive(False)
    speed = solara.use_reactive(player.speed)
    pause_at = solara.use_reactive(None)
    view = solara.use_reactive(None)             # week shown in the debrief; None: now
    message = solara.use_reactive(None)          # (kind, i18n key, format values)
    seed_text = solara.use_reactive(str(session.seed))
    seed_error = solara.use_reactive(None)
    target = solara.use_reactive(None)           # organisation chosen for entries that need one
    L = lang.value

    def changed():
        version.value += 1

    # --- playing: a thread of its own (player.py) that hands the page one week at a time ------------
    closed, connected = kernel_watch()
    solara.use_effect(player.rendered, [week.value])   # effects run after the render: this week is rendered

    def ended(reason: str):
        playing.value = False
        if reason == FINISHED:
            message.value = ("info", "app.finished", {})
        elif reason == PAUSE_AT:
            message.value = ("info", "app.paused_at", {"week": session.week})

    def play():
        if not playing.value:
            return None
        player.start(show=week.set, done=ended, browser=closed is not None, closed=closed, connected=connected)
        return player.stop          # unmount (the tab closed), a reset or Pause: the loop ends

    solara.use_effect(play, [playing.value, session.generation])

    # --- actions ----------------------------------------------------------------------------------
    def do_step():
        view.value = None
        if playing.value:
            return
        if session.step():
            week.value = session.week
        else:
            message.value = ("info", "app.finished", {})

    def do_play():
        if playing.value:
            player.stop()           # first: the loop steps no further week, whatever the page is doing
            playing.value = False
            return
        view.value = None
        message.value = None
        playing.value = True

    def set_speed(value: int):
        player.speed = value
        speed.value = value

    def set_pause_at(value: int | None):
        player.pause_at = value
        pause_at.value = value

    def restart(scenario: str | None = None, seed: int | None = None):
        player.stop()
        playing.value = False
        session.reset(scenario, seed)
        week.value = session.week
        seed_text.value = str(session.seed)
        seed_error.value = None
        view.value = None
        target.value = None
        message.value = None
        changed()

    def do_reset():
        """A new run with the seed in the field; a bad seed is shown under the field and changes nothing."""
        try:
            seed = parse_seed(seed_text.value)
        except SeedError:
            seed_error.value = seed_text.value
            return
        restart(seed=seed)

    def on_seed(text: str | None):
        seed_text.value = text or ""
        do_reset()

    def press(name: str, label: str, target_option: str | None):
        params = {}
        if target_option:
            if target.value not in session.organisation_names():
                message.value = ("warning", "app.need_target", {"label": label})
                return
            params[target_option] = target.value
        try:
            session.intervene(name, **params)
        except (EventParameterError, KeyError, ValueError) as exc:
            message.value = ("error", "app.error", {"error": str(exc)})
            return
        message.value = ("success", "app.pressed", {"label": label, "week": session.week + 1})
        changed()

    # --- what is shown ----------------------------------------------------------------------------
    now = min(week.value, session.week)   # a loop stopped by a reset may still hand over its last week
    tick = (session.generation, now, version.value)   # children re-render when this changes
    shown = now if view.value is None or playing.value else min(int(view.value), now)
    rows, events = session.model.rows, [e for e in session.model.events if e["step"] <= now]
    issues = session.model.state.issues
    issue_names = issues.name_nl if L == "nl" else issues.name_en
    sit = situation(rows, events, shown, issue_names, L)
    snap = session.snapshots[shown]

    network_png = solara.use_memo(
        lambda: png(draw_network(session.layout, session.model.state, snap.trust, snap.heat, snap.status,
                                 snap.energy, L)),
        [session.generation, shown, L])
    cursor = None if shown == now else shown
    charts_png = solara.use_memo(
        lambda: png(draw_charts(session.record(now), session.horizon, L, cursor=cursor)),
        [session.generation, now, len(events), L, cursor])

    solara.Style(CSS)
    solara.Title(t("app.title", L))
    FrameAck.element(week=now, on_drawn=player.drawn)
    with solara.Columns([1, 3], gutters_dense=True, classes=["nws-page"]):
        with solara.Column():
            Controls(session, tick, now, L, lang, playing.value, speed.value, pause_at.value, seed_text, seed_error,
                     do_step, do_play, do_reset, on_seed, set_speed, set_pause_at,
                     guarded(message, lambda stem: restart(stem)))
            InterventionPanel(session, tick, L, target, guarded(message, press))
            Debrief(session, tick, now, L, shown, view, playing.value)
        with solara.Column():
            Notice(message.value, L)
            if shown != now:
                solara.Info(t("app.viewing", L, week=shown, now=now))
            with solara.Columns([3, 2], gutters_dense=True):
                with solara.Column():
                    Html("div", t("app.network", L), "nws-h")
                    solara.Image(network_png, width="100%")
                    Html("p", t("app.network_legend", L), "nws-description")
                with solara.Column():
                    SituationView(sit, L)
                    EventLog(session, tick, events, shown, now, L)
            Html("div", t("app.charts", L), "nws-h")
            solara.Image(charts_png, width="100%")


@solara.component
def Controls(session, tick, now, L, lang, playing, speed, pause_at, seed_text, seed_error, do_step, do_play, do_reset,
             on_seed, set_speed, set_pause_at, pick_scenario):
    with solara.Row(justify="space-between", style="align-items: center"):
        Html("div", t("app.title", L), "nws-big")
        solara.Button(t("app.other_language", L), on_click=lambda: lang.set("en" if L == "nl" else "nl"),
                      outlined=True, color="primary")
    items = [{"text": s.meta.name_nl if L == "nl" else s.meta.name_en, "value": stem} for stem, s in scenarios().items()]
    rv.Select(label=t("app.scenario", L), items=items, v_model=session.scenario_name,
              on_v_model=pick_scenario, hide_details=True)
    meta = session.spec.meta
    Html("p", meta.description_nl if L == "nl" else meta.description_en, "nws-description")
    solara.InputText(t("app.seed", L), value=seed_text.value, on_value=on_seed,
                     error=t("app.seed_error", L, value=seed_error.value, high=SEED_HIGH) if seed_error.value is not None else False)
    Html("div", t("app.week_of", L, week=now, total=session.horizon), "nws-week")
    finished = now >= session.horizon
    with solara.Row(gap="6px", style="flex-wrap: wrap"):
        solara.Button(t("app.pause" if playing else "app.play", L), on_click=do_play, color="primary",
                      disabled=finished and not playing)
        solara.Button(t("app.step", L), on_click=do_step, color="primary", outlined=True,
                      disabled=playing or finished)
        solara.Button(t("app.reset", L), on_click=do_reset, outlined=True)
    Html("div", t("app.speed", L, speed=speed), "nws-group nws-speed-value")
    with solara.Div(classes=["nws-speed"]):
        solara.SliderInt("", value=speed, min=MIN_SPEED, max=MAX_SPEED, on_value=set_speed, thumb_label="always",
                         tick_labels="end_points")
    solara.InputInt(t("app.pause_at", L), value=pause_at, on_value=set_pause_at, optional=True, clearable=True,
                    dense=True)


@solara.component
def InterventionPanel(session, tick, L, target, press):
    Html("div", t("app.intervene", L), "nws-h")
    for group, entries in panel_groups().items():
        if not entries:
            continue
        Html("div", t(f"app.group.{group}", L), "nws-group")
        if group == "shock":
            names = session.organisation_names()
            rv.Select(label=t("app.target", L), items=names, v_model=target.value, on_v_model=target.set,
                      dense=True, hide_details=True, clearable=True)
        with solara.Row(gap="4px", style="flex-wrap: wrap"):
            for entry in entries:
                label = entry.label_nl if L == "nl" else entry.label_en
                description = entry.description_nl if L == "nl" else entry.description_en
                with solara.Tooltip(description):
                    solara.Button(label, small=True, color="error" if group == "shock" else "success",
                                  outlined=True, on_click=lambda e=entry, lb=label: press(e.name, lb, needs_target(e)))


@solara.component
def Debrief(session, tick, now, L, shown, view, playing):
    Html("div", t("app.debrief", L), "nws-h")

    def set_view(week: int):
        view.value = None if week >= now else week

    solara.SliderInt(t("app.view_week", L), value=shown, min=0, max=max(now, 1), on_value=set_view,
                     disabled=playing or now == 0)
    if shown != now:
        solara.Button(t("app.back_to_now", L), on_click=lambda: view.set(None), outlined=True, small=True)
    stem = session.file_stem()
    with solara.Column(gap="6px"):
        solara.FileDownload(lambda: session.data_zip(L), filename=f"{stem}.zip", label=t("app.download_data", L),
                            mime_type="application/zip")
        solara.FileDownload(lambda: png(draw_charts(session.record(), session.horizon, L)),
                            filename=f"{stem}_charts.png", label=t("app.download_charts", L), mime_type="image/png")


@solara.component
def Notice(message, L):
    if message is None:
        return
    kind, key, fmt = message
    show = {"error": solara.Error, "warning": solara.Warning, "success": solara.Success, "info": solara.Info}[kind]
    show(t(key, L, **fmt))


@solara.component
def SituationView(sit, L):
    Html("div", t("app.now", L), "nws-h")
    Html("div", t("app.vitality_now", L, value=sit.vitality), "nws-big")
    Html("div", t("app.dip_now", L, start=sit.dip_since) if sit.dip_since is not None else t("app.no_dip", L),
         "nws-big", "color: #d35400" if sit.dip_since is not None else "color: #2e8b57")
    Html("div", t("app.conflict", L), "nws-group")
    with solara.Row(style="align-items: center"):
        Html("span", sit.conflict_name, "nws-level", f"background: {LEVEL_BADGE[sit.conflict_level]}")
        Html("span", sit.conflict_signature)
    Html("div", t("app.stuck", L), "nws-group")
    if not sit.stuck:
        Html("p", t("app.stuck_none", L), "nws-stuck")
    for s in sit.stuck:
        Html("p", f"{s.id} {s.name} ({s.issue}): {s.explanation}", "nws-stuck")


@solara.component
def EventLog(session, tick, events, shown, now, L):
    Html("div", t("app.log", L), "nws-h")
    lines = log_lines(events, shown, L)
    with rv.Html(tag="div", class_="nws-log"):
        if shown == now:
            for name in list(session.pending):
                entry_label = _label(name, L)
                Html("p", t("app.pending", L, week=now + 1, label=entry_label), style="color: #1e8449")
        if not lines and not session.pending:
            Html("p", t("app.log_empty", L))
        for week, _, text in lines:
            with rv.Html(tag="p"):
                Html("span", f"{t('week', L).capitalize()} {week} · ", "nws-when")
                Html("span", text)


def _label(name: str, L: str) -> str:
    entry = REGISTRY[name]
    return entry.label_nl if L == "nl" else entry.label_en
