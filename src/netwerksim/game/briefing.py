"""What a participant's phone and the projector show in a round of the game (issue 19 items 3-4), read from the room.

:func:`briefing` is one participant's organisation in plain words: its own energy, workload and perceived
value against its alternative, the hours it gave last week out of what it can give, its tables, how the
partners are doing, and what happened to the network in the last round (the app's narration,
:func:`~netwerksim.app.situation.narrate`); whether the stay/dormant/leave question is asked (only when the
value has fallen below the alternative, as in the model's exit rule, 003 L219-222, R2); and whether the
organisation's choice for this round is stored, and by whom. The model's own choice is not shown before the
debrief. :func:`board` is the projector's list: per organisation who plays it, whether it has decided this
round, its status. Everything is read; nothing here changes the room or the model.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..app.situation import narrate
from ..choices import Choice
from ..i18n import decimal, t
from ..mechanisms.production import given_hours
from ..observers.indicators import organisation_indicators
from ..state import Status
from .room import Room

STATUS_KEYS = {Status.ACTIVE: "game.status.active", Status.DORMANT: "game.status.dormant",
               Status.EXITED: "game.status.exited", Status.PENDING: "game.status.pending"}


@dataclass(frozen=True)
class Briefing:
    organisation: str
    nickname: str
    round: int
    open: bool
    seconds_left: float
    decided_by: str | None          # nickname whose choice is stored for this round, or None
    left_to_model: bool             # the stored choice leaves every decision to the model
    exited: bool                    # the organisation has left the network: nothing left to choose
    max_hours: float                # what the organisation can give: hours x pledge
    hours_given: float              # last week
    tables: list[tuple[str, str]]   # (id, name) of its open tables
    ask_stance: bool                # its value is below its alternative: stay, go dormant or leave?
    lines: list[str]                # its situation in plain sentences
    partners: list[str]             # one line per partner
    last_round: list[str]           # what happened in the network in the last round's weeks


def briefing(room: Room, token: str, lang: str = "nl") -> Briefing:
    """The participant's organisation now, in ``lang`` (a NotAllowed for an unknown token)."""
    me = room.participant(token)
    model = room.model
    st, i = model.state, model.organisation_index(me.organisation)
    now = organisation_indicators(st)
    num = lambda v: decimal(float(v), lang)   # noqa: E731
    margin = float(st.orgs.perceived_value[i] - st.orgs.outside_option[i])
    hours = given_hours(st)
    lines = [t("game.brief.energy", lang, v=num(now["energy"][i]), w=num(now["workload"][i])),
             t("game.brief.value_below" if margin < 0 else "game.brief.value_above", lang,
               v=num(st.orgs.perceived_value[i]), alt=num(st.orgs.outside_option[i])),
             t("game.brief.hours", lang, h=decimal(float(hours[i]), lang, ".1f"),
               max=decimal(float(st.orgs.hours[i] * st.orgs.pledge[i]), lang, ".1f"))]
    partners = [t("game.brief.partner", lang, org=name, status=t(STATUS_KEYS[Status(int(st.orgs.status[k]))], lang),
                  h=decimal(float(hours[k]), lang, ".1f"), trust=num(now["trust_received"][k]))
                for k, name in enumerate(st.orgs.name) if k != i]
    first = model.week - room.weeks_per_round + 1
    last_round = [narrate(e, lang) for e in model.events
                  if e["step"] >= max(first, 1) and "label_nl" in e]
    stored = room.decided_by(me.organisation)
    exited = st.orgs.status[i] == Status.EXITED
    forums = st.forums
    names = forums.name_nl if lang == "nl" else forums.name_en
    return Briefing(me.organisation, me.nickname, room.round, room.is_open, room.seconds_left(), stored,
                    stored is not None and room.decided().get(me.organisation) == Choice(), bool(exited),
                    float(st.orgs.hours[i] * st.orgs.pledge[i]), float(hours[i]),
                    [(f, names[forums.id.index(f)]) for f in model.tables_of(i)],
                    margin < 0 and not exited, lines, partners, last_round)


@dataclass(frozen=True)
class BoardRow:
    organisation: str
    players: list[str]
    decided: bool
    status: str


def board(room: Room, lang: str = "nl") -> list[BoardRow]:
    """The projector's list: per organisation its players (nicknames), whether it decided this round, its status."""
    decided = room.decided() if room.round else {}
    st = room.model.state
    return [BoardRow(org, room.players(org), org in decided, t(STATUS_KEYS[Status(int(st.orgs.status[k]))], lang))
            for k, org in enumerate(room.organisations)]
