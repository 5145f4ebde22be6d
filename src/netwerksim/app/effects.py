"""What a shock, intervention or governance decision did to this network, measured on a copy of the model.

The log says what happened, not what a button does in general (issue 16 item 5): which organisations,
tables and issues an entry changed. :func:`effects` applies the entries due in a week to a copy of the
model (``model.branch()``), one after the other as the model's step does, and compares the state before
and after each (:func:`changed`). :func:`has_lever` answers whether a press changes anything the room can
see: the run with the press and the run without it, from the same copy with the same random streams
(keyed per purpose and week, so both draw the same numbers), are compared week by week over ``weeks`` on
every recorded indicator; a press whose two runs stay identical has nothing to act on in this network.
Nothing here changes the model itself.
"""

from __future__ import annotations

import copy
import dataclasses
import math
from dataclasses import dataclass
from typing import Any, Iterable

import numpy as np

from ..interventions import REGISTRY
from ..state import State

LEVER_WEEKS = 30   # how far ahead a press is followed before the page says it changes nothing


@dataclass(frozen=True)
class Effect:
    """The parts of the network an applied entry changed."""

    organisations: tuple[int, ...]   # an organisation's own values or its professionals' changed
    forums: tuple[int, ...]          # a table's values or its memberships changed
    issues: tuple[int, ...]
    ties: int                        # working relations whose values changed
    network: tuple[str, ...]         # network-level quantities that changed (state.Network's field names)

    @property
    def nothing(self) -> bool:
        return not (self.organisations or self.forums or self.issues or self.ties or self.network)


def _fields(obj) -> Iterable[tuple[str, Any]]:
    for f in dataclasses.fields(obj):
        yield f.name, getattr(obj, f.name)


def _rows(before: np.ndarray, after: np.ndarray) -> np.ndarray:
    """Indices along the first axis where two arrays differ (all of them when the shape changed)."""
    if before.shape != after.shape:
        return np.arange(len(after))
    differ = before != after
    if np.issubdtype(before.dtype, np.floating):
        differ &= ~(np.isnan(before) & np.isnan(after))
    return np.flatnonzero(differ.reshape(len(differ), -1).any(axis=1)) if differ.ndim else np.zeros(0, int)


def changed(before: State, after: State) -> Effect:
    """What differs between two states of one network (``after``'s index arrays map rows to owners)."""
    orgs, forums, issues, ties, network = set(), set(), set(), 0, []
    for name, new in _fields(after.orgs):
        if isinstance(new, np.ndarray) and len(new) == len(after.orgs.name):
            orgs.update(_rows(getattr(before.orgs, name), new).tolist())
    for name, new in _fields(after.profs):
        if isinstance(new, np.ndarray):
            orgs.update(after.profs.org[_rows(getattr(before.profs, name), new)].tolist())
    for name, new in _fields(after.forums):
        if not isinstance(new, np.ndarray):
            continue
        rows = _rows(getattr(before.forums, name), new)
        if len(new) == len(after.forums.id):
            forums.update(rows.tolist())
        elif len(new) == len(after.forums.member_forum):
            forums.update(after.forums.member_forum[rows].tolist())
    tied = np.zeros(len(after.ties.src), dtype=bool)
    for name, new in _fields(after.ties):
        if isinstance(new, np.ndarray) and len(new) == len(tied) and name not in ("meets_a", "meets_b"):
            tied[_rows(getattr(before.ties, name), new)] = True
    ties = int(tied.sum())
    for name, new in _fields(after.issues):
        if isinstance(new, np.ndarray) and len(new) == len(after.issues.id):
            issues.update(_rows(getattr(before.issues, name), new).tolist())
    for name, new in _fields(after.network):
        old = getattr(before.network, name)
        same = np.array_equal(old, new) if isinstance(new, np.ndarray) else old == new
        if not same:
            network.append(name)
    return Effect(tuple(sorted(orgs)), tuple(sorted(forums)), tuple(sorted(issues)), ties, tuple(network))


def effects(model, due: list[tuple[str, dict[str, Any]]]) -> list[Effect]:
    """The effect of each entry in ``due`` (registry name, parameters), applied in order to a copy of ``model``
    with the week the model's next step will have (as its step applies them)."""
    probe = model.branch()
    probe.week = model.week + 1
    out = []
    for name, params in due:
        entry = REGISTRY[name]
        resolved = entry.resolve(params, probe.spec)
        before = copy.deepcopy(probe.state)
        entry.apply(probe, resolved)
        probe.state.network.turbulence += resolved.get("turbulence", 0.0)
        out.append(changed(before, probe.state))
    return out


def _same_row(a: dict, b: dict) -> bool:
    return all(a[k] == b[k] or (isinstance(a[k], float) and math.isnan(a[k]) and math.isnan(b[k])) for k in a)


def has_lever(model, name: str, params: dict[str, Any], weeks: int = LEVER_WEEKS) -> bool:
    """Whether pressing ``name`` now changes any recorded indicator within ``weeks`` (or before the end)."""
    without = model.branch()
    with_press = model.branch()
    with_press.intervene(name, **params)
    for _ in range(min(weeks, model.spec.meta.steps - model.week)):
        without.step()
        with_press.step()
        if not _same_row(without.rows[-1], with_press.rows[-1]):
            return True
        if not np.array_equal(without.state.orgs.status, with_press.state.orgs.status):
            return True
    return False
