"""A room of the game (issue 19): participants play organisations of one network, round by round.

The trainer opens a room (a short join code and a trainer token); participants join with the code and a
nickname and get an organisation, in turn or by choice (two or three may share one). A round is N
weeks (default 4) with a deadline; each organisation's choice for the round is stored append-only in
``game.sqlite`` in the game's result folder and acknowledged only once stored. When the round closes,
the stored choices are applied through the model's seam (:meth:`~netwerksim.model.NetwerkModel.choose`)
and every organisation nobody decided for is left to the model's rules, so nobody blocks the room.
Every action is checked here, not in the page: a participant acts only for their own organisation, the
trainer's actions need the trainer's token. One lock makes the room safe for the threads of one server
process (Solara's kernels).
"""

from __future__ import annotations

import json
import secrets
import sqlite3
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Callable

from ..choices import Choice
from ..mechanisms.production import given_hours
from ..model import NetwerkModel
from ..scenario import Scenario
from ..state import Status
from ..storage import MARKER, OutputError, check_out

CODE_LETTERS = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"   # no 0/O, 1/I/L: read off a projector
MAX_SHARE = 3          # participants per organisation unless the trainer allows more (issue 19: two or three)

SCHEMA = """
CREATE TABLE participants (token TEXT PRIMARY KEY, nickname TEXT NOT NULL, organisation TEXT NOT NULL,
                           joined REAL NOT NULL);
CREATE TABLE choices (round INTEGER NOT NULL, organisation TEXT NOT NULL, participant TEXT NOT NULL,
                      choice TEXT NOT NULL, stored REAL NOT NULL, PRIMARY KEY (round, organisation));
CREATE TABLE own_choices (round INTEGER NOT NULL, organisation TEXT NOT NULL, choice TEXT NOT NULL,
                          PRIMARY KEY (round, organisation));
CREATE TABLE rounds (round INTEGER PRIMARY KEY, first_week INTEGER NOT NULL, last_week INTEGER NOT NULL,
                     vitality REAL NOT NULL, closed REAL NOT NULL);
CREATE TABLE pressed (week INTEGER NOT NULL, name TEXT NOT NULL, params TEXT NOT NULL, at REAL NOT NULL);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


class RoomError(Exception):
    """An action the room refuses; the message says why (shown to the participant or trainer)."""


class NotAllowed(RoomError):
    """A token that does not allow this action."""


class AlreadyDecided(RoomError):
    """The organisation's choice for this round is already stored (by someone else, or a different one)."""


@dataclass(frozen=True)
class Participant:
    token: str
    nickname: str
    organisation: str


@dataclass(frozen=True)
class Receipt:
    """The acknowledgement of a stored choice: given only after the choice is committed."""

    round: int
    organisation: str
    nickname: str
    choice: Choice


def _as_json(choice: Choice) -> str:
    return json.dumps(asdict(choice), sort_keys=True)


def _from_json(text: str) -> Choice:
    fields = json.loads(text)
    if fields.get("tables") is not None:
        fields["tables"] = tuple(fields["tables"])
    return Choice(**fields)


def game_folder(out: str | Path) -> Path:
    """A new or empty folder for a game's log (a game's log is never replaced, not even by another game)."""
    out = check_out(out, "game", option="--out")
    if out.exists() and any(out.iterdir()):
        raise OutputError(f"--out {out}: already holds a game or other files; a game's log is never replaced: "
                          "choose a new folder")
    out.mkdir(parents=True, exist_ok=True)
    (out / MARKER).write_text(json.dumps({"kind": "game", "format": 1}) + "\n", encoding="utf-8")
    return out


class Room:
    """One game: a network (``scenario``, ``seed``), its participants, rounds of ``weeks_per_round`` weeks.

    ``folder``: the game's result folder (new or empty); ``assignment``: ``"turn"`` (the organisation with
    the fewest players, in the scenario's order) or ``"choice"`` (the participant names one that has fewer
    than ``max_share`` players);
    ``clock``: seconds (monotonic), replaceable in tests; ``trainer_token``: given by the server that shows it
    (default: a new random one). :meth:`resume` brings a room back from its folder
    after the server stopped (the same code, tokens, choices and model)."""

    def __init__(self, scenario: Scenario | str | Path, folder: str | Path, *, seed: int | None = None,
                 weeks_per_round: int = 4, round_seconds: float = 60.0, assignment: str = "turn",
                 max_share: int = MAX_SHARE, clock: Callable[[], float] = time.monotonic,
                 trainer_token: str | None = None):
        if assignment not in ("turn", "choice"):
            raise ValueError(f"assignment {assignment!r}; allowed: turn, choice")
        self._setup(scenario, seed, weeks_per_round, round_seconds, assignment, max_share, clock)
        self.code = "".join(secrets.choice(CODE_LETTERS) for _ in range(5))
        self.trainer_token = trainer_token or secrets.token_urlsafe(16)
        self.folder = game_folder(folder)
        self._db = self._connect(self.folder)
        self._db.executescript(SCHEMA)
        meta = {"scenario": self.model.spec.model_dump_json(), "seed": str(self.seed), "code": self.code,
                "trainer_token": self.trainer_token, "weeks_per_round": str(self.weeks_per_round),
                "round_seconds": str(self.round_seconds), "assignment": assignment, "max_share": str(self.max_share)}
        with self._db:
            self._db.execute("BEGIN")
            self._db.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())

    def _setup(self, scenario, seed, weeks_per_round, round_seconds, assignment, max_share, clock) -> None:
        self.model = NetwerkModel(scenario, rng=seed, mesa_data=False)
        self.scenario, self.seed = self.model.spec, self.model.seed
        self.weeks_per_round = self._weeks(weeks_per_round)
        self.round_seconds = float(round_seconds)
        self.assignment = assignment
        self.max_share = int(max_share)
        self.clock = clock
        self._lock = threading.RLock()
        self._participants: dict[str, Participant] = {}
        self.hours_given: list = []    # per week played: the hours each organisation gave (for the debrief)
        self.round = 0                 # the round open now or last closed; 0 before the first
        self.deadline: float | None = None   # None: no round open
        self.on_week: Callable[[NetwerkModel], None] = lambda model: None   # after each week played (the projector)

    @staticmethod
    def _connect(folder: Path) -> sqlite3.Connection:
        db = sqlite3.connect(folder / "game.sqlite", check_same_thread=False, isolation_level=None)
        db.execute("PRAGMA journal_mode=WAL")
        return db

    @classmethod
    def resume(cls, folder: str | Path, *, clock: Callable[[], float] = time.monotonic) -> "Room":
        """The room stored in ``folder`` as it was: participants and tokens, the closed rounds played again with
        their stored choices and the trainer's interventions (the same seed: the same weeks), an open round
        open again with a fresh countdown."""
        folder = Path(folder)
        if not (folder / "game.sqlite").is_file():
            raise RoomError(f"{folder}: geen spel gevonden (no game.sqlite: not a game's folder)")
        room = cls.__new__(cls)
        db = cls._connect(folder)
        meta = dict(db.execute("SELECT key, value FROM meta"))
        room._setup(Scenario.model_validate_json(meta["scenario"]), int(meta["seed"]), int(meta["weeks_per_round"]),
                    float(meta["round_seconds"]), meta["assignment"], int(meta["max_share"]), clock)
        room.code, room.trainer_token, room.folder, room._db = meta["code"], meta["trainer_token"], folder, db
        for token, nickname, org in db.execute("SELECT token, nickname, organisation FROM participants ORDER BY joined"):
            room._participants[token] = Participant(token, nickname, org)
        pressed = db.execute("SELECT week, name, params FROM pressed ORDER BY at").fetchall()
        for r, first, last in db.execute("SELECT round, first_week, last_week FROM rounds ORDER BY round").fetchall():
            room.round = r
            room._play(room.decided(r), last - first + 1, [(w, n, json.loads(p)) for w, n, p in pressed])
        for week, name, params in pressed:
            if week > room.model.week:         # pressed in the round still open
                room.model.intervene(name, **json.loads(params))
        opened = db.execute("SELECT MAX(round) FROM own_choices").fetchone()[0] or 0
        if opened > room.round:
            room.round, room.deadline = opened, clock() + room.round_seconds
        return room

    @property
    def lock(self) -> threading.RLock:
        """Held while a choice is stored or a round's weeks are played: read the model under it."""
        return self._lock

    # --- participants -------------------------------------------------------------------------------
    @property
    def organisations(self) -> list[str]:
        return list(self.model.state.orgs.name)

    def players(self, organisation: str) -> list[str]:
        """Nicknames of the participants playing ``organisation``."""
        with self._lock:
            return [p.nickname for p in self._participants.values() if p.organisation == organisation]

    def read(self, sql: str, params: tuple = ()) -> list[tuple]:
        """Rows of a query on the game's log (under the room's lock: never a half-stored choice)."""
        with self._lock:
            return self._db.execute(sql, params).fetchall()

    def join(self, code: str, nickname: str, organisation: str | None = None) -> Participant:
        """A new participant; their token brings them back to their organisation (:meth:`participant`)."""
        nickname = " ".join(str(nickname).split())[:30]
        if str(code).strip().upper() != self.code:
            raise NotAllowed("onbekende code (unknown code)")
        if not nickname:
            raise RoomError("kies een bijnaam (choose a nickname)")
        with self._lock:
            org = self._assign(organisation)
            participant = Participant(secrets.token_urlsafe(16), nickname, org)
            self._db.execute("INSERT INTO participants VALUES (?, ?, ?, ?)",
                             (participant.token, nickname, org, time.time()))
            self._participants[participant.token] = participant
            return participant

    def _assign(self, organisation: str | None) -> str:
        count = {o: len(self.players(o)) for o in self.organisations}
        if self.assignment == "choice" and organisation is not None:
            if organisation not in count:
                raise RoomError(f"onbekende organisatie {organisation!r} (unknown organisation); "
                                f"allowed: {self.organisations}")
            if count[organisation] >= self.max_share:
                raise RoomError(f"{organisation} heeft al {self.max_share} spelers (already has {self.max_share} players)")
            return organisation
        fewest = min(count.values())
        if fewest >= self.max_share:
            raise RoomError(f"alle organisaties hebben {self.max_share} spelers (every organisation is full)")
        return next(o for o in self.organisations if count[o] == fewest)

    def knows(self, token: str) -> bool:
        """Whether ``token`` is a participant's (a page asks before it shows the join form again)."""
        return token in self._participants

    def participant(self, token: str) -> Participant:
        """The participant of ``token`` (a phone that slept comes back with it)."""
        try:
            return self._participants[token]
        except KeyError:
            raise NotAllowed("onbekende deelnemer (unknown participant token)") from None

    # --- rounds ------------------------------------------------------------------------------------
    def _trainer(self, token: str) -> None:
        if not secrets.compare_digest(str(token), self.trainer_token):
            raise NotAllowed("alleen de spelleider (trainer only)")

    @staticmethod
    def _weeks(weeks: int) -> int:
        if int(weeks) != weeks or not 1 <= weeks <= 52:
            raise ValueError(f"weeks_per_round {weeks!r}; allowed: 1-52")
        return int(weeks)

    @staticmethod
    def _seconds(seconds: float) -> float:
        if not 5 <= float(seconds) <= 3600:
            raise ValueError(f"countdown {seconds!r}; allowed: 5-3600 seconds")
        return float(seconds)

    def set_rounds(self, trainer_token: str, *, weeks: int | None = None, seconds: float | None = None) -> None:
        """The trainer changes the weeks a round plays and its countdown (seconds) for the rounds to come
        (between rounds); kept in the log's meta, so a resumed game has them too."""
        self._trainer(trainer_token)
        with self._lock:
            if self.is_open:
                raise RoomError(f"ronde {self.round} loopt nog (round {self.round} is still open)")
            weeks = self.weeks_per_round if weeks is None else self._weeks(weeks)
            seconds = self.round_seconds if seconds is None else self._seconds(seconds)
            with self._db:
                self._db.execute("BEGIN")
                self._db.executemany("UPDATE meta SET value = ? WHERE key = ?",
                                     [(str(weeks), "weeks_per_round"), (str(seconds), "round_seconds")])
            self.weeks_per_round, self.round_seconds = weeks, seconds

    @property
    def is_open(self) -> bool:
        return self.deadline is not None

    def seconds_left(self) -> float:
        return max(0.0, self.deadline - self.clock()) if self.is_open else 0.0

    def open_round(self, trainer_token: str, *, seconds: float | None = None, weeks: int | None = None) -> int:
        """Open the next round; the model's own choices in this situation are stored for the debrief."""
        self._trainer(trainer_token)
        with self._lock:
            if self.is_open:
                raise RoomError(f"ronde {self.round} loopt nog (round {self.round} is still open)")
            if weeks is not None:
                self.weeks_per_round = self._weeks(weeks)
            if self.model.week + self.weeks_per_round > self.model.spec.meta.steps:
                raise RoomError("het spel is afgelopen (the game has ended: no weeks left)")
            self.round += 1
            own = self.model.own_choices()
            with self._db:
                self._db.execute("BEGIN")
                self._db.executemany("INSERT INTO own_choices VALUES (?, ?, ?)",
                                     [(self.round, org, _as_json(c)) for org, c in own.items()])
            self.deadline = self.clock() + (self.round_seconds if seconds is None else float(seconds))
            return self.round

    def submit(self, token: str, round: int, choice: Choice) -> Receipt:
        """Store the participant's choice for their organisation in ``round``; the receipt means it is stored.

        The first choice stored for an organisation in a round counts; the same choice sent again by the same
        participant (a double tap, a retry after a lost answer) returns the same receipt; anything else is
        refused with :class:`AlreadyDecided`."""
        participant = self.participant(token)
        org = participant.organisation
        with self._lock:
            if not self.is_open or round != self.round or self.seconds_left() <= 0:
                raise RoomError(f"ronde {round} is niet open (round {round} is not open)")
            if self.model.state.orgs.status[self.model.organisation_index(org)] == Status.EXITED:
                raise RoomError(f"{org} heeft het netwerk verlaten (has left the network): niets meer te kiezen")
            self.model.check_choice(org, choice)   # applied only when the round closes
            try:
                with self._db:
                    self._db.execute("BEGIN")
                    self._db.execute("INSERT INTO choices VALUES (?, ?, ?, ?, ?)",
                                     (round, org, token, _as_json(choice), time.time()))
            except sqlite3.IntegrityError:
                stored_by, stored = self._db.execute(
                    "SELECT participant, choice FROM choices WHERE round = ? AND organisation = ?",
                    (round, org)).fetchone()
                if stored_by == token and stored == _as_json(choice):
                    return Receipt(round, org, participant.nickname, choice)
                who = self._participants[stored_by].nickname
                raise AlreadyDecided(f"{who} heeft al gekozen voor {org} (already decided)") from None
            return Receipt(round, org, participant.nickname, choice)

    def decided(self, round: int | None = None) -> dict[str, Choice]:
        """The choices stored for ``round`` (default: the current one), by organisation."""
        rows = self.read("SELECT organisation, choice FROM choices WHERE round = ?",
                         (self.round if round is None else round,))
        return {org: _from_json(text) for org, text in rows}

    def decided_by(self, organisation: str) -> str | None:
        """The nickname whose choice for ``organisation`` is stored in the current round, or None."""
        rows = self.read("SELECT participant FROM choices WHERE round = ? AND organisation = ?",
                         (self.round, organisation))
        return self._participants[rows[0][0]].nickname if rows else None

    def close_round(self, trainer_token: str | None = None) -> int:
        """Close the open round (the trainer, or anyone once the deadline has passed) and play its weeks:
        stored choices for their organisations, the model's rules for every other one."""
        with self._lock:
            if not self.is_open:
                raise RoomError("geen ronde open (no round open)")
            if self.seconds_left() > 0:
                self._trainer(trainer_token or "")
            self.deadline = None
            first = self.model.week + 1
            self._play(self.decided(), self.weeks_per_round)
            with self._db:
                self._db.execute("BEGIN")
                self._db.execute("INSERT INTO rounds VALUES (?, ?, ?, ?, ?)",
                                 (self.round, first, self.model.week, self.model.rows[-1]["vitality"], time.time()))
            return self.round

    def _play(self, chosen: dict[str, Choice], weeks: int, pressed: list[tuple[int, str, dict]] = ()) -> None:
        """Play ``weeks`` weeks with ``chosen`` for their organisations and the model's rules for the others
        (``pressed``: interventions to queue in their week, when a stored game is played again)."""
        for org in self.organisations:
            self.model.choose(org, chosen.get(org))
        for _ in range(weeks):
            for week, name, params in pressed:
                if week == self.model.week + 1:
                    self.model.intervene(name, **params)
            self.model.step()
            self.hours_given.append(given_hours(self.model.state))
            self.on_week(self.model)
        for org in self.organisations:
            self.model.choose(org, None)

    def tick(self) -> bool:
        """Close the open round when its deadline has passed (the server calls this); True when it did."""
        with self._lock:
            if self.is_open and self.seconds_left() <= 0:
                self.close_round()
                return True
            return False

    def intervene(self, trainer_token: str, name: str, **params: Any) -> None:
        """The trainer presses an intervention or shock; it takes effect in the next week played."""
        self._trainer(trainer_token)
        with self._lock:
            self.model.intervene(name, **params)
            with self._db:
                self._db.execute("BEGIN")
                self._db.execute("INSERT INTO pressed VALUES (?, ?, ?, ?)",
                                 (self.model.week + 1, name, json.dumps(params, sort_keys=True), time.time()))

    def close(self) -> None:
        with self._lock:
            self._db.close()
