"""Mechanism 5: contributed hours, covered competences and coordination produce progress on issues.

Progress comes as small wins with week-to-week noise and occasional breakthroughs, jumps
(002 L300-343, R13). Hours spent in meetings are not spent on the work itself (003 L4628-4634), yet
an issue whose tables are poorly attended is poorly coordinated. Each organisation spends its hours
by its ambition; an issue that needs competences of kinds nobody active works on moves more slowly
(002 V3; an intermediary with an offer but, for lack of a network, no target group, 002 L4147-4152:
``production.coverage_dependence``), and split ambitions cause trouble over the goals (003 L4634-4636, R37d). Outputs accrue as economic capital; shared
learning in meetings with trust as cultural capital (003 L4758-4797).
"""

from __future__ import annotations

import numpy as np

from .. import kernels
from ..numeric import any_true, bincount, mean, summed, where
from ..params import Params
from ..state import State


def given_hours(st: State) -> np.ndarray:
    """Network hours each organisation gives this week."""
    o = st.orgs
    return o.hours * o.pledge * o.contribution * o.active


def kinds_at_work(st: State, working: np.ndarray, p: Params) -> np.ndarray:
    """(K, kinds): per issue, how many organisations of each kind are present and working on it."""
    I, orgs = st.issues, st.orgs
    on_issue = (orgs.ambition >= p.alignment.coverage_threshold) & working[:, None]   # (O, K)
    K, n_kinds = I.required_kinds.shape
    cell = np.arange(K) * n_kinds + orgs.kind[:, None]                                 # (O, K): the (issue, kind) cell
    return bincount(cell[on_issue], minlength=K * n_kinds).reshape(K, n_kinds)


def coverage(required_kinds: np.ndarray, at_work: np.ndarray) -> np.ndarray:
    """Per issue: share of required organisation kinds that are present and working on it."""
    need = summed(required_kinds, 1)
    covered = summed((at_work > 0) & required_kinds, 1)
    return where(need > 0, covered / np.maximum(need, 1), 1.0)


def diversity(at_work: np.ndarray) -> np.ndarray:
    """Per issue: the chance that two organisations working on it are of different kinds (Gini-Simpson), the
    angles at the table: more of them give more ideas (000 L305-312; 001 L1796-1800)."""
    n = summed(at_work, 1)
    same = summed(at_work * (at_work - 1), 1) / np.maximum(n * (n - 1), 1)   # two drawn without replacement
    return where(n >= 2, 1.0 - same, 0.0)


def progress_rate(effort_share, difficulty, covered, coordination, alignment, p: Params) -> np.ndarray:
    """Expected progress per week from effort (share of the potential), difficulty, coverage, coordination
    and how aligned the partners' ambitions are."""
    q, a = p.production, p.alignment
    if q.coverage_dependence != 1.0:   # at the default the share itself: the same numbers as before (002 L4147-4152)
        covered = covered**q.coverage_dependence
    return q.rate / difficulty * effort_share**q.elasticity * covered * (
        q.coordination_floor + (1 - q.coordination_floor) * coordination) * (a.floor + (1 - a.floor) * alignment)


POTENTIAL_FLOOR = 1e-9   # hours a week promised to an issue below which it counts as none (no division by a
                         # vanishing promise: a shared ambition of 1e-311 would make the effort share infinite)


def produce(st: State, p: Params, rng: np.random.Generator) -> None:
    """Effort, coordination, coverage and progress (fused around the matrix product, the power and the draws where
    :mod:`..kernels` says: ``effort_week``, ``production_week``)."""
    orgs, profs, I, F = st.orgs, st.profs, st.issues, st.forums
    q = p.production
    O = len(orgs.name)
    floor = p.energy.effort_floor
    T = st.ties
    # the kernel computes the default coverage factor (the covered share itself); another dependence runs the reference
    if kernels.wanted(len(T.src)) and kernels.unheld(profs, I) and q.coverage_dependence == 1.0:
        compiled, net = kernels.compiled(), st.network
        profs.effort, effort = compiled.effort_week(orgs.hours, orgs.pledge, orgs.contribution, orgs.status,
                                                    orgs.n_professionals, profs.org, profs.energy,
                                                    profs.meeting_hours, float(floor))
        potential = I.potential
        promised = potential > POTENTIAL_FLOOR
        share = where(promised, (effort @ orgs.ambition) / where(promised, potential, 1), 0.0)
        K = len(I.id)
        normal = rng.standard_normal(K)
        uniform = rng.random(K)
        a = p.alignment
        I.effort_share = share
        (I.coordination, I.covered, I.diversity, I.expected, I.delta, I.progress, output,
         learning) = compiled.production_week(
            effort, share**q.elasticity, share, F.covers, F.met, I.talk, I.coordination,
            float(q.expectation_smoothing), orgs.ambition, float(a.coverage_threshold), orgs.kind, I.required_kinds,
            float(q.rate), I.difficulty, float(q.coordination_floor), float(a.floor + (1 - a.floor) * net.alignment),
            float(p.innovation.embedding), I.handed_over, float(q.noise), normal, uniform,
            float(q.breakthrough_chance), float(q.breakthrough_size), I.expected, I.delta, I.progress, F.attendance,
            T.trust, T.met_index)
        net.economic_capital += output
        net.cultural_capital += q.learning_rate * learning - q.learning_decay * net.cultural_capital
        return
    per_prof = (given_hours(st) / orgs.n_professionals)[profs.org] * (floor + (1 - floor) * profs.energy)
    profs.effort = np.maximum(0.0, per_prof - profs.meeting_hours)
    effort = bincount(profs.org, weights=profs.effort, minlength=O)
    # each organisation spends its hours on what it wants the network to do: its ambition
    potential = I.potential
    promised = potential > POTENTIAL_FLOOR
    share = where(promised, (effort @ orgs.ambition) / where(promised, potential, 1), 0.0)

    # coordination: smoothed attendance at the forums on each issue (plenary forums count for all)
    held = F.covers & F.met[:, None]
    this_week = where(any_true(held, 0), I.talk, I.coordination)
    I.coordination = (1 - q.expectation_smoothing) * I.coordination + q.expectation_smoothing * this_week

    at_work = kinds_at_work(st, effort > 0, p)
    I.effort_share, I.covered, I.diversity = share, coverage(I.required_kinds, at_work), diversity(at_work)
    rate = progress_rate(share, I.difficulty, I.covered, I.coordination, st.network.alignment, p)
    rate = rate * (1 + p.innovation.embedding * I.handed_over)   # the formal owner has embedded the result
    noise = np.maximum(0.0, 1.0 + q.noise * rng.standard_normal(len(I.id)))
    jump = (rng.random(len(I.id)) < q.breakthrough_chance * share) * q.breakthrough_size / I.difficulty
    # what people expect this week is formed from the weeks before it
    I.expected = (1 - q.expectation_smoothing) * I.expected + q.expectation_smoothing * I.delta
    I.delta = rate * noise + jump
    I.progress = I.progress + I.delta

    net = st.network
    net.economic_capital += float(summed(I.delta))
    T = st.ties
    learning = mean(F.attendance[F.met]) * mean(T.trust[T.met_index]) if any_true(F.met) and len(T.met_index) else 0.0
    net.cultural_capital += q.learning_rate * learning - q.learning_decay * net.cultural_capital
