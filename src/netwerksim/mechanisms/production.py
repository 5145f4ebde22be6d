"""Mechanism 5: contributed hours, covered competences and coordination produce progress on issues.

Progress comes as small wins with week-to-week noise and occasional breakthroughs, jumps
(002 L300-343, R13). Hours spent in meetings are not spent on the work itself (003 L4628-4634), yet
an issue whose tables are poorly attended is poorly coordinated. An issue that needs competences of
kinds nobody active brings moves more slowly (002 V3). Outputs accrue as economic capital; shared
learning in meetings with trust as cultural capital (003 L4758-4797).
"""

from __future__ import annotations

import numpy as np

from ..params import Params
from ..state import State


def given_hours(st: State) -> np.ndarray:
    """Network hours each organisation gives this week."""
    o = st.orgs
    return o.hours * o.pledge * o.contribution * o.active


def coverage(st: State, working: np.ndarray) -> np.ndarray:
    """Per issue: share of required organisation kinds that are present and working on it."""
    I, orgs = st.issues, st.orgs
    need = I.required_kinds.sum(axis=1)
    present = np.zeros_like(I.required_kinds)
    on_issue = (orgs.focus > 0) & working[:, None]              # (O, K)
    for k in range(len(I.id)):
        present[k, orgs.kind[on_issue[:, k]]] = True
    covered = (present & I.required_kinds).sum(axis=1)
    return np.where(need > 0, covered / np.maximum(need, 1), 1.0)


def progress_rate(effort_share, difficulty, covered, coordination, p: Params) -> np.ndarray:
    """Expected progress per week from effort (share of the potential), difficulty, coverage and coordination."""
    q = p.production
    return q.rate / difficulty * effort_share**q.elasticity * covered * (
        q.coordination_floor + (1 - q.coordination_floor) * coordination)


def produce(st: State, p: Params, rng: np.random.Generator) -> None:
    orgs, profs, I, F = st.orgs, st.profs, st.issues, st.forums
    q = p.production
    O = len(orgs.name)
    per_prof = (given_hours(st) / orgs.n_professionals)[profs.org] * (0.5 + 0.5 * profs.energy)
    profs.effort = np.maximum(0.0, per_prof - profs.meeting_hours)
    effort = np.bincount(profs.org, weights=profs.effort, minlength=O)
    focus = orgs.focus
    potential = (orgs.hours * orgs.pledge) @ focus
    share = np.where(potential > 0, (effort @ focus) / np.where(potential > 0, potential, 1), 0.0)

    # coordination: smoothed attendance at the forums on each issue (plenary forums count for all)
    covers = np.where(F.issues.any(axis=1, keepdims=True), F.issues, True) if len(F.id) else np.ones((0, len(I.id)), bool)
    met = covers & F.met[:, None]
    n_met = met.sum(axis=0)
    this_week = np.where(n_met > 0, (F.attendance[:, None] * met).sum(axis=0) / np.maximum(n_met, 1), I.coordination)
    I.coordination = (1 - q.expectation_smoothing) * I.coordination + q.expectation_smoothing * this_week

    rate = progress_rate(share, I.difficulty, coverage(st, effort > 0), I.coordination, p)
    noise = np.maximum(0.0, 1.0 + q.noise * rng.standard_normal(len(I.id)))
    jump = (rng.random(len(I.id)) < q.breakthrough_chance * share) * q.breakthrough_size / I.difficulty
    I.delta = rate * noise + jump
    I.progress = I.progress + I.delta
    I.expected = (1 - q.expectation_smoothing) * I.expected + q.expectation_smoothing * I.delta

    net = st.network
    net.economic_capital += float(I.delta.sum())
    T = st.ties
    learning = float(F.attendance[F.met].mean()) * float(T.trust[T.met].mean()) if F.met.any() and T.met.any() else 0.0
    net.cultural_capital += q.learning_rate * learning - q.learning_decay * net.cultural_capital
