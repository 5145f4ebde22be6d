"""The game's pages (issue 19): the trainer's projector, the participants' phones and the debrief.

One Solara page serves all three, told apart by the address: ``/?spelleider=TOKEN`` is the projector
(1280×720: join code and QR code, who joined and who decided, the countdown, the network with the played
organisations marked, vitality and the conflict thermometer, the events, the trainer's buttons; after the
game the debrief), ``/?code=CODE`` a phone joining (390×844), ``/?speler=TOKEN`` a phone that joined (a
reload or a phone that slept comes back to its organisation). Every action goes through the shared
:class:`~.game_host.Game`, which checks it (the room's tokens, not the page); a page follows the game's
version in a thread of its own and renders one change at a time in its own kernel (as player.py's loop:
nothing renders in another tab's thread). The countdown runs in the browser between renders.
"""

from __future__ import annotations

import threading
from html import escape
from typing import Callable
from urllib.parse import parse_qs

import ipyvue
import reacton.ipyvuetify as rv
import solara
import traitlets

from ..choices import Choice
from ..i18n import decimal, t
from ..interventions import REGISTRY
from ..game.room import RoomError
from . import game_api
from .game_host import Game, choice_text, current_game, vitality_option
from .page import FONT_PX, Chart, SituationLines, kernel_watch, server_defaults
from .panel import needs_target, panel_groups
from .widgets import NetworkView

FOLLOW_GAP_S = 0.3     # at least this long between two renders of one page following the game

CSS = """
.v-application { font-size: 17px; }
.v-application--wrap { min-height: 0 !important; }
.v-btn { text-transform: none !important; letter-spacing: 0 !important; }
.nwg-projector { height: 100vh; box-sizing: border-box; overflow: hidden; display: grid; gap: 6px 14px;
  padding: 6px 12px 8px 12px; grid-template-columns: 270px minmax(0, 1fr) minmax(330px, 0.5fr);
  grid-template-rows: auto minmax(0, 1fr); grid-template-areas: "head head head" "join net now"; }
.nwg-head { grid-area: head; display: flex; flex-wrap: wrap; align-items: center; gap: 4px 14px; }
.nwg-join { grid-area: join; overflow-y: auto; min-height: 0; }
.nwg-net { grid-area: net; min-height: 0; min-width: 0; display: flex; flex-direction: column; }
.nwg-net-view { flex: 1 1 0; min-height: 0; position: relative; }
.nwg-now { grid-area: now; min-height: 0; min-width: 0; display: flex; flex-direction: column; gap: 4px; }
.nwg-code { font-size: 50px; font-weight: 800; letter-spacing: 6px; line-height: 1.05; font-family: monospace; }
.nwg-qr { line-height: 0; }
.nwg-url { font-size: 14px; word-break: break-all; color: #333; }
.nwg-week { font-size: 26px; font-weight: 700; white-space: nowrap; }
.nwg-countdown { font-size: 30px; font-weight: 800; color: #c0392b; min-width: 3.5em; }
.nwg-title { font-size: 19px; font-weight: 700; }
.nwg-h { font-size: 18px; font-weight: 700; margin: 6px 0 2px 0; }
.nwg-board { width: 100%; border-collapse: collapse; font-size: 16px; line-height: 1.25; }
.nwg-board td { padding: 1px 4px; vertical-align: top; }
.nwg-board .nwg-yes { color: #1e8449; font-weight: 700; }
.nwg-board .nwg-no { color: #999; }
.nwg-log { flex: 1 1 0; min-height: 0; overflow-y: auto; font-size: 15px; line-height: 1.3; }
.nwg-log p { margin: 0 0 4px 0; }
.nwg-between { display: flex; flex-wrap: wrap; gap: 4px 8px; align-items: center; }
.nwg-push { margin-left: auto; }
.nwg-settings { display: flex; gap: 8px; }
.nwg-settings .v-input { max-width: 120px; margin-top: 0; padding-top: 0; }
.nwg-let-model { margin-top: 8px; }
.nwg-left { font-size: 18px; font-weight: 700; color: #a04000; }
.nwg-phone { max-width: 520px; margin: 0 auto; padding: 10px 14px 40px 14px; font-size: 17px; }
.nwg-phone p { margin: 0 0 6px 0; }
.nwg-org { font-size: 22px; font-weight: 800; }
.nwg-stored { font-size: 18px; font-weight: 700; color: #1e8449; }
.nwg-small { font-size: 15px; color: #444; }
.nwg-sentence { font-size: 24px; font-weight: 700; line-height: 1.3; }
.nwg-debrief { height: 100vh; box-sizing: border-box; overflow: hidden; display: grid; gap: 8px 16px;
  padding: 8px 14px; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); grid-template-rows: auto minmax(0, 1fr);
  grid-template-areas: "say say" "chart table"; }
.nwg-say { grid-area: say; }
.nwg-chart { grid-area: chart; min-height: 0; display: flex; flex-direction: column; }
.nwg-table { grid-area: table; min-height: 0; overflow-y: auto; font-size: 15px; }
.nwg-table table { border-collapse: collapse; width: 100%; }
.nwg-table td, .nwg-table th { border-bottom: 1px solid #ddd; padding: 2px 4px; text-align: left; vertical-align: top; }
"""

COUNTDOWN = """
<template><span class="nwg-countdown" :data-seconds="seconds">{{ left }}</span></template>
<script>
module.exports = {
  data() { return { left: "", timer: null, start: 0 }; },
  mounted() { this.restart(); this.timer = setInterval(this.tick, 250); },
  beforeDestroy() { clearInterval(this.timer); },
  watch: { seconds() { this.restart(); }, stamp() { this.restart(); } },
  methods: {
    restart() { this.start = Date.now(); this.tick(); },
    tick() {
      if (this.seconds < 0) { this.left = ""; return; }
      const s = Math.max(0, Math.ceil(this.seconds - (Date.now() - this.start) / 1000));
      this.left = Math.floor(s / 60) + ":" + String(s % 60).padStart(2, "0");
    },
  },
};
</script>
"""


class Countdown(ipyvue.VueTemplate):
    """The seconds left in the round, counted down in the browser (no render per second); -1: no round open."""

    template = traitlets.Unicode(COUNTDOWN).tag(sync=True)
    seconds = traitlets.Float(-1).tag(sync=True)
    stamp = traitlets.Int(0).tag(sync=True)


server_defaults()
game_api.install()    # the JSON requests beside the pages, when this is Solara's server


def Html(tag: str, text: str, cls: str = "", style: str = ""):
    return rv.Html(tag=tag, children=[text], class_=cls, style_=style)


def use_game(game: Game, phone: bool = False) -> int:
    """Follow the game: this page renders (in its own kernel) once per change (a phone: per change it shows), at
    most every FOLLOW_GAP_S."""
    tick = solara.use_reactive(game.phone_version if phone else game.version)
    closed, _ = kernel_watch()

    def follow():
        stop = threading.Event()

        def run():
            seen = tick.value
            while not (stop.is_set() or game.stopped or (closed is not None and closed.is_set())):
                version = game.wait_newer(seen, 1.0, phone)
                if version != seen and not game.stopped:
                    seen = version
                    tick.value = version
                    stop.wait(FOLLOW_GAP_S)

        threading.Thread(target=run, name="netwerksim-game-follow", daemon=True).start()
        return stop.set

    solara.use_effect(follow, [])
    return tick.value


def refused(message: solara.Reactive, action: Callable) -> Callable:
    """``action`` whose refusal by the room (its message says why) shows in ``message`` instead of raising."""
    def run(*args):
        message.value = None
        try:
            return action(*args)
        except (RoomError, KeyError, ValueError) as exc:
            message.value = str(exc)
    return run


def query() -> dict[str, str]:
    search = solara.use_router().search or ""
    return {k: v[0] for k, v in parse_qs(search).items()}


@solara.component
def Layout(children=[]):  # noqa: B006 (Solara's signature)
    """No Solara chrome: the projector is one screen, the phone one column."""
    return solara.Div(children=children)


@solara.component
def Page(game: Game | None = None):
    """The projector with ``?spelleider=TOKEN``, otherwise a participant's phone."""
    game = game or current_game()
    q = query()
    solara.Style(CSS)
    lang = solara.use_reactive("nl")
    if "spelleider" in q:
        Projector(game, q["spelleider"], lang)
    else:
        Phone(game, q.get("speler"), q.get("code", ""), lang)


# --- the projector ---------------------------------------------------------------------------------------
@solara.component
def Projector(game: Game, trainer: str, lang: solara.Reactive):
    version = use_game(game)
    L = lang.value
    message = solara.use_reactive(None)
    act = solara.use_memo(lambda: TrainerActions(game, trainer, message), [])
    solara.Title(t("game.page.title", L))
    if trainer != game.room.trainer_token:
        solara.Error(t("game.page.not_trainer", L))
        return
    if game.ended and game.debrief is not None:
        DebriefView(game, trainer, L, lang)
        return
    view = game.view(L)
    with solara.Div(classes=["nwg-projector"]):
        with solara.Div(classes=["nwg-head"]):
            Html("span", t("game.page.round_week", L, r=view.round, week=view.week, total=view.horizon), "nwg-week")
            Countdown.element(seconds=view.seconds_left if view.open else -1, stamp=version)
            # keyed: a round's opening or closing adds or drops widgets before these buttons; without keys the
            # renderer would hand the 'End' button's widget to the next one and a click in flight would be lost
            if view.open:
                solara.Button(t("game.page.close_now", L), on_click=act.close, color="error").key("close-round")
            else:
                solara.Button(t("game.page.start_round", L, weeks=view.weeks_per_round), on_click=act.open,
                              color="primary", disabled=view.week + view.weeks_per_round > view.horizon or game.ending
                              ).key("start-round")
                RoundSettings(act, view.weeks_per_round, int(game.room.round_seconds), L).key("round-settings")
            solara.Button(t("game.page.end", L), on_click=act.end, outlined=True, disabled=game.ending).key("end")
            if game.ending:
                Html("span", t("game.page.ending", L), "nwg-title").key("ending")
            solara.Button(t("app.other_language", L), on_click=lambda: lang.set("en" if L == "nl" else "nl"),
                          outlined=True, classes=["nwg-push"]).key("language")
        with solara.Div(classes=["nwg-join"]):
            JoinCard(game.url, game.room.code, L)
            Board(view.board, view.open, L)
        with solara.Div(classes=["nwg-net"]):
            with solara.Div(classes=["nwg-net-view"]):
                NetworkView.element(geometry_json=view.geometry, frame_json=view.frame, font_px=FONT_PX)
            Html("div", t("game.page.played_legend", L), "nwg-small")
        with solara.Div(classes=["nwg-now"]):
            if message.value:
                solara.Error(message.value)
            if game.error:
                solara.Error(game.error)
            SituationLines(view.situation, L, view.window)
            for name, week in view.pending:
                entry = REGISTRY[name]
                Html("div", t("app.pressed", L, label=entry.label_nl if L == "nl" else entry.label_en, week=week),
                     "nwg-pending", "color: #1e8449; font-weight: 600")
            if not view.open:
                Between(act, game.room.organisations, L)
            parts = [f'<p><b>{escape(t("week", L).capitalize())} {w}</b> · {escape(text)}</p>' for w, _, text in view.log]
            Html("div", t("app.log", L), "nwg-h")
            solara.HTML(tag="div", unsafe_innerHTML="".join(parts) or escape(t("app.log_empty", L)), classes=["nwg-log"])


class TrainerActions:
    """The trainer's buttons; a refusal (the room's message) shows on the projector, never a crash."""

    def __init__(self, game: Game, trainer: str, message: solara.Reactive):
        self.game, self.trainer, self.message = game, trainer, message
        self.open = refused(message, lambda: game.open_round(trainer))
        self.close = refused(message, lambda: game.close_round(trainer))
        self.press = refused(message, lambda name, params: game.intervene(trainer, name, **params))
        self.weeks = refused(message, lambda weeks: game.set_rounds(trainer, weeks=weeks))
        self.seconds = refused(message, lambda seconds: game.set_rounds(trainer, seconds=seconds))

    def end(self):
        """The replay takes a few seconds: in a thread, the projector shows 'ending' meanwhile."""
        threading.Thread(target=refused(self.message, lambda: self.game.end(self.trainer)), name="netwerksim-game-end",
                         daemon=True).start()


@solara.component
def RoundSettings(act: TrainerActions, weeks: int, seconds: int, L: str):
    """Between rounds: the weeks the next round plays and its countdown in seconds (the room checks both)."""
    with solara.Div(classes=["nwg-settings"]):
        solara.InputInt(t("game.page.weeks_per_round", L), value=weeks, on_value=act.weeks, continuous_update=False)
        solara.InputInt(t("game.page.countdown_s", L), value=seconds, on_value=act.seconds, continuous_update=False)


@solara.component
def JoinCard(url: str, code: str, L: str):
    import segno  # noqa: PLC0415 (the app extra)

    link = f"{url}?code={code}"
    svg = solara.use_memo(lambda: segno.make(link, error="m").svg_inline(scale=5, border=2), [link])
    Html("div", t("game.page.join_at", L), "nwg-h")
    Html("div", code, "nwg-code")
    solara.HTML(tag="div", unsafe_innerHTML=svg, classes=["nwg-qr"])
    Html("div", link, "nwg-url")


@solara.component
def Board(rows, open_: bool, L: str):
    Html("div", t("game.page.who", L), "nwg-h")
    html = []
    for row in rows:
        mark = ('<span class="nwg-yes">✓</span>' if row.decided else '<span class="nwg-no">…</span>') if open_ else ""
        players = escape(", ".join(row.players)) if row.players else f'<i>{escape(t("game.page.model_plays", L))}</i>'
        html.append(f'<tr class="nwg-row" data-org="{escape(row.organisation)}" data-decided="{int(row.decided)}">'
                    f'<td>{mark}</td><td><b>{escape(row.organisation)}</b>: {players}</td></tr>')
    solara.HTML(tag="table", unsafe_innerHTML="".join(html), classes=["nwg-board"])


@solara.component
def Between(act: TrainerActions, organisations: list[str], L: str):
    """Between rounds: an intervention or shock for the next round (a shock may need an organisation)."""
    entries = [e for group in panel_groups().values() for e in group]
    chosen = solara.use_reactive(entries[0].name)
    target = solara.use_reactive(None)
    entry = REGISTRY[chosen.value]
    Html("div", t("game.page.between", L), "nwg-h")
    with solara.Div(classes=["nwg-between"]):
        rv.Select(items=[{"text": e.label_nl if L == "nl" else e.label_en, "value": e.name} for e in entries],
                  v_model=chosen.value, on_v_model=chosen.set, dense=True, hide_details=True, style_="max-width: 220px")
        option = needs_target(entry)
        if option:
            rv.Select(label=t("app.target", L), items=organisations, v_model=target.value, on_v_model=target.set,
                      dense=True, hide_details=True, style_="max-width: 150px")

        def press():
            if option and target.value not in organisations:
                act.message.value = t("app.need_target", L, label=entry.label_nl if L == "nl" else entry.label_en)
                return
            act.press(entry.name, {option: target.value} if option else {})

        solara.Button(t("game.page.press", L), on_click=press, color="success", outlined=True)


@solara.component
def DebriefView(game: Game, trainer: str, L: str, lang: solara.Reactive):
    """The game against the all-model replay: both vitalities in one sentence, the course of both, and per
    round and organisation the participants' choice next to the model's."""
    d = game.debrief
    with solara.Div(classes=["nwg-debrief"]):
        with solara.Div(classes=["nwg-say"]):
            with solara.Row(style="align-items: center; gap: 12px"):
                Html("span", t("game.page.debrief", L), "nwg-title")
                Html("span", t("game.page.download", L), "nwg-small")
                for key, name, label, mime in (("csv", "spel_log.csv", "CSV", "text/csv"),
                                               ("parquet", "spel_log.parquet", "Parquet", "application/octet-stream"),
                                               (L, t("game.page.report", L) + ".md", t("game.page.report", L),
                                                "text/markdown")):
                    solara.FileDownload(d.files[key], filename=name, label=label, mime_type=mime)
                solara.Button(t("app.other_language", L), on_click=lambda: lang.set("en" if L == "nl" else "nl"),
                              outlined=True, classes=["nwg-push"])
            Html("p", d.sentence[L][0].upper() + d.sentence[L][1:], "nwg-sentence nwg-debrief-sentence")
            Html("p", d.difference[L], "nwg-small")
        with solara.Div(classes=["nwg-chart"]):
            Chart(solara.use_memo(lambda: vitality_option(d, L, FONT_PX), [L]))
        with solara.Div(classes=["nwg-table"]):
            head = "".join(f"<th>{escape(t(k, L))}</th>" for k in
                           ("game.page.col_round", "game.page.col_org", "game.page.col_by", "game.page.col_chosen",
                            "game.page.col_model"))
            body = "".join(
                f'<tr class="nwg-log-row" data-org="{escape(r.organisation)}" data-round="{r["round"]}" '
                f'data-by="{escape(str(r.decided_by))}"><td>{r["round"]}</td><td>{escape(r.organisation)}</td>'
                f'<td>{escape(str(r.decided_by))}</td><td>{escape(choice_text(r, "chosen", L))}</td>'
                f'<td>{escape(choice_text(r, "model", L))}</td></tr>'
                for _, r in d.log.iterrows())
            solara.HTML(tag="table", unsafe_innerHTML=f"<tr>{head}</tr>{body}")


# --- the phone -------------------------------------------------------------------------------------------
@solara.component
def Phone(game: Game, token: str | None, code: str, lang: solara.Reactive):
    L = lang.value
    router = solara.use_router()
    solara.Title(t("game.page.title", L))
    with solara.Div(classes=["nwg-phone"]):
        with solara.Row(style="justify-content: flex-end"):
            solara.Button(t("app.other_language", L), on_click=lambda: lang.set("en" if L == "nl" else "nl"),
                          text=True, small=True)
        if token is None or not game.room.knows(token):
            if token is not None:
                solara.Warning(t("game.page.unknown_token", L))
            JoinForm(game, code, L, lambda p: router.push(f"/?speler={p.token}"))
        else:
            Playing(game, token, L)


@solara.component
def JoinForm(game: Game, code: str, L: str, joined: Callable):
    code_text = solara.use_reactive(code)
    nickname = solara.use_reactive("")
    organisation = solara.use_reactive(None)
    message = solara.use_reactive(None)
    join = refused(message, lambda: joined(game.join(code_text.value, nickname.value, organisation.value)))

    Html("p", t("game.page.welcome", L), "nwg-org")
    solara.InputText(t("game.page.code", L), value=code_text, continuous_update=True)
    solara.InputText(t("game.page.nickname", L), value=nickname, continuous_update=True)
    Html("p", t("game.page.no_real_names", L), "nwg-small")
    if game.room.assignment == "choice":
        rv.Select(label=t("game.page.pick_org", L), items=game.free_organisations(), v_model=organisation.value,
                  on_v_model=organisation.set, clearable=True)
    solara.Button(t("game.page.join", L), on_click=join, color="primary", block=True)
    if message.value:
        solara.Error(message.value)


@solara.component
def Playing(game: Game, token: str, L: str):
    version = use_game(game, phone=True)
    me = game.room.participant(token)
    Html("p", t("game.page.you_play", L, nick=me.nickname), "nwg-small")
    Html("p", me.organisation, "nwg-org nwg-my-org")
    if game.ended or game.ending:
        if game.debrief is not None:
            Html("p", game.debrief.sentence[L][0].upper() + game.debrief.sentence[L][1:], "nwg-sentence")
        else:
            Html("p", t("game.page.ending", L))
        return
    b = game.brief(token, L)
    if not b.open:
        Html("p", t("game.page.wait", L) if b.round == 0 else t("game.page.wait_next", L, r=b.round), "nwg-waiting")
    else:
        with solara.Row(style="align-items: baseline; gap: 10px"):
            Html("span", t("game.page.round", L, r=b.round), "nwg-title")
            Countdown.element(seconds=b.seconds_left, stamp=version)
    for line in b.lines:
        Html("p", line)
    if b.last_round:
        with solara.Details(t("game.page.last_round", L)):
            for line in b.last_round:
                Html("p", line, "nwg-small")
    with solara.Details(t("game.page.partners", L)):
        for line in b.partners:
            Html("p", line, "nwg-small")
    if b.exited:
        Html("p", t("game.page.left_network", L, org=b.organisation), "nwg-left")
    elif b.open:
        if b.decided_by is not None:
            Html("p", t("game.page.stored_model" if b.left_to_model else "game.page.stored", L, nick=b.decided_by),
                 "nwg-stored")
        else:
            ChoiceForm(game, token, b, L).key(f"round-{b.round}")


@solara.component
def ChoiceForm(game: Game, token: str, b, L: str):
    """The four choices of a round; 'stored' shows only once the room has stored the choice."""
    step = 0.5
    hours = solara.use_reactive(min(b.max_hours, round(b.hours_given / step) * step))
    tables = solara.use_reactive([f for f, _ in b.tables])
    open_ = solara.use_reactive(True)
    stance = solara.use_reactive("stay")
    message = solara.use_reactive(None)
    submit = refused(message, lambda: game.submit(token, b.round, Choice(
        hours=float(hours.value), tables=tuple(tables.value), open=open_.value,
        stance=stance.value if b.ask_stance else None)))

    Html("div", t("game.page.choose", L), "nwg-h")
    Html("div", t("game.page.hours", L, h=decimal(hours.value, L, ".1f"), max=decimal(b.max_hours, L, ".1f")))
    solara.SliderFloat("", value=hours, min=0.0, max=max(b.max_hours, step), step=step)
    if b.tables:
        Html("div", t("game.page.tables", L))
        for fid, name in b.tables:
            rv.Checkbox(label=name, v_model=fid in tables.value, dense=True, hide_details=True,
                        on_v_model=lambda on, f=fid: tables.set([x for x, _ in b.tables
                                                                 if (x in tables.value or x == f) and (on or x != f)]))
    rv.Switch(label=t("game.page.open", L), v_model=open_.value, on_v_model=open_.set, dense=True, hide_details=True)
    if b.ask_stance:
        Html("div", t("game.page.stance_q", L), "nwg-small")
        with solara.ToggleButtonsSingle(value=stance):
            for s in ("stay", "dormant", "leave"):
                solara.Button(t(f"game.page.stance.{s}", L), value=s)
    solara.Button(t("game.page.submit", L), on_click=submit, color="primary", block=True, classes=["nwg-submit"])
    solara.Button(t("game.page.let_model", L), on_click=refused(message, lambda: game.submit(token, b.round, Choice())),
                  outlined=True, block=True, classes=["nwg-let-model"])
    if message.value:
        solara.Error(message.value)
