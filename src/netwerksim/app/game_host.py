"""The game's server side (issue 19): one room shared by the projector and every phone of one Solara process.

Solara gives each browser tab a kernel of its own, but all kernels live in one process (research note
``solara_app.md`` §3): the :class:`Game` is a plain module-level object, not Solara state. It owns the
:class:`~netwerksim.game.room.Room`, a clock thread that closes a round when its countdown runs out (so nobody
blocks the room: whoever has not decided gets the model's choice) and a version number that every change
raises; each page follows it in a thread of its own (:meth:`Game.wait_newer`) and renders only then, in its
own kernel. Everything a page shows is read here under the room's lock (:meth:`Game.view`, :meth:`Game.brief`),
never from a model that a closing round is stepping.
"""

from __future__ import annotations

import json
import os
import socket
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..game.briefing import Briefing, BoardRow, board, briefing
from ..game.debrief import Replay, difference, log_frame, play_again, replay, sentence, weigh, write_log
from ..game.room import Participant, Receipt, Room, RoomError
from ..i18n import decimal, t
from .network import compute_layout, view_frame, view_layout
from .session import snapshot
from .situation import Names, Situation, log_lines, situation

TICK_S = 0.25          # how often the clock looks whether the countdown has run out
LOG_LINES = 30
PLAYED_MARK = "★ "     # before the name of an organisation that participants play (the projector's network)

# what `netwerksim spel` hands the server process (cli.py)
ENV = {"scenario": "NETWERKSIM_GAME_SCENARIO", "seed": "NETWERKSIM_GAME_SEED", "out": "NETWERKSIM_GAME_OUT",
       "weeks": "NETWERKSIM_GAME_WEEKS", "countdown": "NETWERKSIM_GAME_COUNTDOWN", "url": "NETWERKSIM_GAME_URL",
       "trainer": "NETWERKSIM_GAME_TRAINER", "assignment": "NETWERKSIM_GAME_ASSIGNMENT",
       "resume": "NETWERKSIM_GAME_RESUME"}


@dataclass(frozen=True)
class View:
    """What the projector shows at one version of the game (computed once, read by any number of pages)."""

    week: int
    horizon: int
    round: int
    open: bool
    seconds_left: float
    weeks_per_round: int
    board: list[BoardRow]
    situation: Situation
    log: list[tuple[int, str, str]]
    geometry: str
    frame: str
    window: int
    pending: list[tuple[str, int]]   # (registry name, week) pressed for the next round


@dataclass
class Debrief:
    """The game against its all-model replay (game/debrief.py), made once when the trainer ends the game."""

    replay: Replay
    log: pd.DataFrame
    sentence: dict[str, str]
    difference: dict[str, str]
    vitality: list[float]
    vitality_model: list[float]
    folder: Path
    files: dict[str, bytes] = field(repr=False, default_factory=dict)   # csv, parquet, the report (nl, en)


class Game:
    """One game on one server: the room, its clock, its version, and what the pages read."""

    def __init__(self, room: Room, url: str):
        self.room, self.url = room, url
        self.cond = threading.Condition(threading.RLock())
        self.version = 0           # raised by every change (the projector follows it)
        self.phone_version = 0     # raised by every change a phone shows (not by a join)
        self.ended = False
        self.ending = False
        self.debrief: Debrief | None = None
        self.error: str | None = None
        model = room.model
        with room.lock:
            self.layout = compute_layout(model.state)
            self.snap = snapshot(model, self.layout, None)
            self.geometry = {lang: view_layout(self.layout, model.state) for lang in ("nl", "en")}
        room.on_week = self._week
        self._views: dict[tuple[int, str], View] = {}
        self._stop = threading.Event()
        self._clock = threading.Thread(target=self._run_clock, name="netwerksim-game-clock", daemon=True)
        self._clock.start()

    # --- the version every page follows --------------------------------------------------------------
    def publish(self, phones: bool = True) -> None:
        """Something changed: the projector renders again, and the phones too unless ``phones`` is False (a
        join changes nothing a phone shows: twelve joins would otherwise render the phones 66 times)."""
        with self.cond:
            self.version += 1
            if phones:
                self.phone_version += 1
            self.cond.notify_all()

    def wait_newer(self, seen: int, timeout: float, phone: bool = False) -> int:
        """The version (a phone's: :attr:`phone_version`) once it differs from ``seen`` (or after ``timeout``
        seconds, whatever it is then)."""
        now = (lambda: self.phone_version) if phone else (lambda: self.version)
        with self.cond:
            self.cond.wait_for(lambda: now() != seen or self.stopped, timeout)
            return now()

    def _week(self, model) -> None:
        self.snap = snapshot(model, self.layout, self.snap)

    def _run_clock(self) -> None:
        while not self._stop.wait(TICK_S):
            try:
                if self.room.tick():
                    self.publish()
            except Exception as exc:  # noqa: BLE001 (the clock must keep going; the projector shows it)
                self.error = str(exc)
                self.publish()

    def stop(self) -> None:
        """Stop the clock and wake the pages' followers, which end (:attr:`stopped`)."""
        self._stop.set()
        with self.cond:
            self.cond.notify_all()

    @property
    def stopped(self) -> bool:
        return self._stop.is_set()

    # --- actions (each checked by the room; each publishes) -----------------------------------------
    def join(self, code: str, nickname: str, organisation: str | None = None) -> Participant:
        if self.ended or self.ending:
            raise RoomError(t("game.page.over", "nl") + " (the game is over)")
        participant = self.room.join(code, nickname, organisation)
        self.publish(phones=False)
        return participant

    def submit(self, token: str, round_: int, choice) -> Receipt:
        receipt = self.room.submit(token, round_, choice)
        self.publish()
        return receipt

    def open_round(self, trainer: str, seconds: float | None = None) -> int:
        if self.ended or self.ending:
            raise RoomError("het spel is afgelopen (the game has ended)")
        r = self.room.open_round(trainer, seconds=seconds)
        self.publish()
        return r

    def set_rounds(self, trainer: str, weeks: int | None = None, seconds: float | None = None) -> None:
        self.room.set_rounds(trainer, weeks=weeks, seconds=seconds)
        self.publish(phones=False)

    def close_round(self, trainer: str) -> int:
        r = self.room.close_round(trainer)
        self.publish()
        return r

    def intervene(self, trainer: str, name: str, **params: Any) -> None:
        if self.room.is_open:
            raise RoomError("tussen de rondes (between rounds only)")
        self.room.intervene(trainer, name, **params)
        self.publish()

    def end(self, trainer: str) -> None:
        """Close an open round, replay the network with every organisation played by the model and write the
        game's log (the debrief); in this thread (the page calls it from a thread of its own)."""
        self.room._trainer(trainer)
        with self.room.lock:
            if self.ended or self.ending:
                return
            self.ending = True
            if self.room.is_open:
                self.room.close_round(trainer)
        self.publish()
        try:
            self.debrief = make_debrief(self.room)
        except Exception as exc:  # noqa: BLE001 (shown on the projector)
            self.error = str(exc)
        self.ended, self.ending = True, False
        self.publish()

    # --- what the pages read -------------------------------------------------------------------------
    def view(self, lang: str) -> View:
        """The projector's picture at this version (one per version and language, shared by every projector tab)."""
        with self.room.lock:
            key = (self.version, lang)
            if key in self._views:
                return self._views[key]
            room, model = self.room, self.room.model
            st = model.state
            week = model.week
            rows, events = model.rows, model.events
            window = int(model.params.dip.window)
            names = Names(list(st.orgs.name), list(st.forums.name_nl if lang == "nl" else st.forums.name_en),
                          list(st.issues.name_nl if lang == "nl" else st.issues.name_en))
            sit = situation(rows, events, week, names.issues, lang, window)
            log = log_lines(events, week, lang, names=names, rows=rows, window=window)[:LOG_LINES]
            frame = view_frame(self.layout, st, self.snap, lang, week)
            played = [bool(room.players(org)) for org in room.organisations]
            if frame["names"]:
                frame["names"] = [PLAYED_MARK + n if p else n for n, p in zip(frame["names"], played)]
            view = View(week, model.spec.meta.steps, room.round, room.is_open, room.seconds_left(),
                        room.weeks_per_round, board(room, lang), sit, log, json.dumps(self.geometry[lang]),
                        json.dumps(frame), window,
                        room.read("SELECT name, week FROM pressed WHERE week > ? ORDER BY at", (week,)))
            self._views = {key: view}
            return view

    def brief(self, token: str, lang: str) -> Briefing:
        with self.room.lock:
            return briefing(self.room, token, lang)

    def free_organisations(self) -> list[str]:
        """The organisations a participant may still choose (assignment by choice)."""
        return [o for o in self.room.organisations if len(self.room.players(o)) < self.room.max_share]


def make_debrief(room: Room) -> Debrief:
    """The all-model replay of the game, the model's own choices in the game's situations, whose choices made the
    difference (one replay per organisation that chose), the log and report (written to the game's folder)."""
    run = replay(room)
    weights = weigh(room)
    frame = log_frame(room, run, play_again(room, (), own=True))
    folder = write_log(room, run, frame, weights)
    return Debrief(run, frame, {lang: sentence(room, run, lang) for lang in ("nl", "en")},
                   {lang: difference(room, run, lang, weights) for lang in ("nl", "en")},
                   [float(r["vitality"]) for r in room.model.rows], [float(r["vitality"]) for r in run.model.rows],
                   folder, {"csv": (folder / "log.csv").read_bytes(), "parquet": (folder / "log.parquet").read_bytes(),
                            "nl": (folder / "verslag.md").read_bytes(), "en": (folder / "report.md").read_bytes()})


def lan_address() -> str:
    """This machine's address on the local network (the route a packet would take; nothing is sent)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        try:
            s.connect(("10.255.255.255", 1))
            return s.getsockname()[0]
        except OSError:
            return "127.0.0.1"


def participants_url(host: str, port: int, code: str | None = None) -> str:
    """The address phones open: this machine's LAN address when the server listens on every address."""
    shown = lan_address() if host in ("0.0.0.0", "::", "") else host
    return f"http://{shown}:{port}/" + (f"?code={code}" if code else "")


_GAME: Game | None = None
_GAME_LOCK = threading.Lock()


def set_game(game: Game | None) -> None:
    """Use ``game`` for the pages of this process (tests; the server makes its own from the environment)."""
    global _GAME
    with _GAME_LOCK:
        if _GAME is not None and _GAME is not game:
            _GAME.stop()
        _GAME = game


def current_game() -> Game:
    """The process's game, made on first use from what `netwerksim spel` put in the environment."""
    global _GAME
    with _GAME_LOCK:
        if _GAME is None:
            env = {k: os.environ.get(v) for k, v in ENV.items()}
            if env["resume"]:
                _GAME = Game(Room.resume(env["resume"]), env["url"] or "http://127.0.0.1:8765/")
                return _GAME
            if not env["scenario"] or not env["out"]:
                raise RuntimeError("no game: start it with `netwerksim spel SCENARIO`")
            room = Room(env["scenario"], env["out"], seed=int(env["seed"]) if env["seed"] else None,
                        weeks_per_round=int(env["weeks"] or 4), round_seconds=float(env["countdown"] or 60),
                        assignment=env["assignment"] or "turn", trainer_token=env["trainer"])
            _GAME = Game(room, env["url"] or "http://127.0.0.1:8765/")
        return _GAME


def vitality_option(debrief: Debrief, lang: str, font_px: int = 16) -> dict:
    """The debrief's chart (ECharts): vitality per week in the game and in the all-model replay."""
    weeks = list(range(len(debrief.vitality)))
    return {
        "animation": False,
        "textStyle": {"fontSize": font_px},
        "legend": {"top": 0, "textStyle": {"fontSize": font_px}},
        "grid": {"left": 50, "right": 20, "top": 36, "bottom": 36},
        "xAxis": {"type": "category", "data": weeks, "name": t("week", lang), "nameLocation": "middle",
                  "nameGap": 24, "axisLabel": {"fontSize": font_px - 2}},
        "yAxis": {"type": "value", "min": 0, "max": 1, "axisLabel": {"fontSize": font_px - 2}},
        "series": [
            {"name": t("game.page.you", lang), "type": "line", "showSymbol": False, "lineStyle": {"width": 4},
             "data": [round(v, 3) for v in debrief.vitality], "color": "#1f77b4"},
            {"name": t("game.page.model", lang), "type": "line", "showSymbol": False,
             "lineStyle": {"width": 3, "type": "dashed"}, "data": [round(v, 3) for v in debrief.vitality_model],
             "color": "#7f7f7f"},
        ],
    }


def choice_text(row: pd.Series, prefix: str, lang: str) -> str:
    """One round's choice of one organisation in a few words (the debrief's table)."""
    parts = []
    hours = row.get(f"{prefix}_hours")
    if hours is not None and not (isinstance(hours, float) and np.isnan(hours)):
        parts.append(t("game.page.hours_short", lang, h=decimal(float(hours), lang, ".1f")))
    if row.get(f"{prefix}_open") is False:
        parts.append(t("game.page.closed_short", lang))
    stance = row.get(f"{prefix}_stance")
    if isinstance(stance, str) and stance != "stay":
        parts.append(t(f"game.page.stance.{stance}", lang))
    if not parts and prefix == "chosen" and row.get("decided_by") != t("game.by_model"):
        return t("game.page.left_to_model_short", lang)      # a participant let the model choose
    return ", ".join(parts) or "–"
