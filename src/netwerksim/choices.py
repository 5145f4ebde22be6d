"""Choices from outside the model: what a participant of the game (issue 19) decides for an organisation.

Four of an organisation's decisions can come from outside instead of from the model's rules: the
hours it gives the network (mechanism 4, :func:`~.mechanisms.contribution.decide_contributions`), the
tables it goes to (mechanism 1, :func:`~.mechanisms.meetings.hold_meetings`), whether it shares
information openly (mechanism 2: trust evidence, as a conflict's *less is shared*, 003 L1323-1462,
R34) and, when its value falls below its alternative, whether it stays, goes dormant or leaves
(mechanism 8, *afhaken*, 003 L219-222, R2). A :class:`Choice` leaves what it does not name to the
model. The standing choices are part of the state (:class:`Chosen`, ``State.choices``) that those
mechanisms read; with none, every mechanism runs exactly as without this module.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .state import State, Status

STANCES = {"stay": Status.ACTIVE, "dormant": Status.DORMANT, "leave": Status.EXITED}
MODEL = -1   # in Chosen.stance: the model decides


@dataclass(frozen=True)
class Choice:
    """An organisation's decisions for the coming weeks; ``None`` leaves a decision to the model.

    ``hours``: network hours a week, 0 up to its pledged capacity (hours x pledge); ``tables``: the ids of
    the tables it sends its people to (at the others they stay away; at these they attend as the model's
    attendance chance has it: workload, energy, value); ``open``: False holds information back (partners
    learn less of it, as in a vigilant conflict); ``stance``: ``stay``, ``dormant`` or ``leave``
    (leaving is final)."""

    hours: float | None = None
    tables: tuple[str, ...] | None = None
    open: bool | None = None
    stance: str | None = None

    def __post_init__(self):
        if self.stance is not None and self.stance not in STANCES:
            raise ValueError(f"stance {self.stance!r}; allowed: {sorted(STANCES)}")
        if self.hours is not None and not (np.isfinite(self.hours) and self.hours >= 0):
            raise ValueError(f"hours {self.hours!r}; allowed: a number >= 0")
        if self.tables is not None:
            object.__setattr__(self, "tables", tuple(self.tables))


@dataclass
class Chosen:
    """The standing choices per organisation (NaN / -1 / False: the model decides)."""

    hours: np.ndarray        # (O,) hours a week, NaN: the model's contribution rule
    stays_away: np.ndarray   # (delegations,) bool: this organisation's people skip this table
    closed: np.ndarray       # (O,) bool: holds information back
    stance: np.ndarray       # (O,) int8 Status to hold, MODEL: the model's exit rule

    @classmethod
    def none(cls, st: State) -> "Chosen":
        O = len(st.orgs.name)
        return cls(np.full(O, np.nan), np.zeros(len(st.forums.block_org), bool), np.zeros(O, bool),
                   np.full(O, MODEL, np.int8))

    def empty(self) -> bool:
        """Whether every decision is left to the model."""
        return bool(np.isnan(self.hours).all() and not self.stays_away.any() and not self.closed.any()
                    and (self.stance == MODEL).all())

    def set(self, st: State, i: int, choice: Choice | None) -> None:
        """Replace organisation ``i``'s standing choice (``None``: the model decides everything again)."""
        choice = choice or Choice()
        self.hours[i] = np.nan if choice.hours is None else choice.hours
        mine = st.forums.block_org == i
        self.stays_away[mine] = False
        if choice.tables is not None:
            ids = np.array(st.forums.id, dtype=object)[st.forums.block_forum]
            self.stays_away[mine & ~np.isin(ids, list(choice.tables))] = True
        self.closed[i] = choice.open is False
        self.stance[i] = MODEL if choice.stance is None else STANCES[choice.stance]


def chosen_contribution(st: State, contribution: np.ndarray) -> np.ndarray:
    """The model's contribution where nobody chose hours; elsewhere the chosen hours as a share of capacity."""
    ch, orgs = st.choices, st.orgs
    if ch is None or np.isnan(ch.hours).all():
        return contribution
    capacity = np.maximum(orgs.hours * orgs.pledge, 1e-9)
    given = np.clip(np.nan_to_num(ch.hours) / capacity, 0.0, 1.0)
    return np.where(~np.isnan(ch.hours) & orgs.active, given, contribution)


def staying_away(st: State) -> np.ndarray | None:
    """Per table membership: True where its organisation chose not to go to that table (None: nobody chose)."""
    ch = st.choices
    if ch is None or not ch.stays_away.any():
        return None
    return ch.stays_away[st.forums.member_block]


def closed_sharing(st: State, observed_org: np.ndarray, p) -> np.ndarray | None:
    """Per tie: the share of the usual trust evidence left when the observed organisation holds back (None: nobody does)."""
    ch = st.choices
    if ch is None or not ch.closed.any():
        return None
    return np.where(ch.closed[observed_org], 1.0 - p.conflict.sharing_loss, 1.0)


def chosen_status(st: State, status: np.ndarray) -> np.ndarray:
    """The model's new status, except where a stance was chosen (never back from having left, never before joining)."""
    ch = st.choices
    if ch is None or (ch.stance == MODEL).all():
        return status
    can = (ch.stance != MODEL) & st.orgs.joined & (st.orgs.status != Status.EXITED)
    return np.where(can, ch.stance, status).astype(status.dtype)
