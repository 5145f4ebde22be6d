"""Mechanism 10: the innovation process per issue: ideas, experiments, breakthroughs and hand-over.

Talk at an issue's tables fills an idea pool (002 L1096-1547, L2112-2123); ideas converge into a
shared direction as trust, shared ambition and focus allow (002 L1437-1447), and stay scattered when
new ideas keep pouring in (002 V7). An experiment starts when enough ideas have converged and the
partners feel ownership and have the mandate to act (002 L536-572, V4, V8). It succeeds with a chance
set by the competences present (002 V3), the effort put in and the people's energy; a success is a
breakthrough, a jump in progress (002 L331-337, R13), that is not yet understood (002 V9) until
reflected on. A failure is a setback that drains energy and feeds negativity (002 L653-656, R17),
unless it is framed as a near miss, from which the group learns (002 L657-670, R18). Phases move from
pioneer to experiment at the first experiment, and to implementation after enough successes; in
implementation the formal owner must take over before the result is embedded (002 V13, L3275-3281).
"""

from __future__ import annotations

from enum import IntEnum

import numpy as np

from ..params import Params
from ..state import State


class Phase(IntEnum):
    """Innovation phase of an issue (002 §2.1)."""

    PIONEER = 0
    EXPERIMENT = 1
    IMPLEMENTATION = 2


class Outcome(IntEnum):
    NONE = 0
    SUCCESS = 1
    FAILURE = 2
    NEAR_MISS = 3


def issue_means(st: State, per_org: np.ndarray) -> np.ndarray:
    """Per issue: an organisation-level quantity averaged with the organisations' ambition on it."""
    w = st.orgs.ambition * st.orgs.active[:, None]
    total = w.sum(axis=0)
    return np.where(total > 0, (w * per_org[:, None]).sum(axis=0) / np.where(total > 0, total, 1), 0.0)


def issue_energy(st: State) -> np.ndarray:
    """Per issue: mean energy of active professionals, weighted by their organisation's focus on it."""
    profs, orgs = st.profs, st.orgs
    w = orgs.focus[profs.org] * orgs.active[profs.org][:, None]
    total = w.sum(axis=0)
    return np.where(total > 0, (w * profs.energy[:, None]).sum(axis=0) / np.where(total > 0, total, 1), 0.0)


def start_chance(ideas, convergence, ownership, mandate, energy, p: Params) -> np.ndarray:
    """Weekly chance that an issue without a running experiment starts one."""
    q = p.innovation
    return q.start_rate * np.minimum(1.0, ideas / q.ideas_needed) * convergence * ownership * mandate * energy


def success_chance(covered, effort_share, energy, p: Params) -> np.ndarray:
    """Chance that a finished experiment succeeds: competences present, effort put in, energy."""
    q = p.innovation
    return q.success_base * covered * np.minimum(1.0, effort_share / q.effort_needed) * (0.5 + 0.5 * energy)


def update_innovation(st: State, p: Params, rng: np.random.Generator, covered: np.ndarray,
                      effort_share: np.ndarray) -> None:
    """One week of the innovation process on every issue; adds experiment jumps to this week's progress."""
    I, orgs, profs, net = st.issues, st.orgs, st.profs, st.network
    q = p.innovation
    K = len(I.id)
    energy = issue_energy(st)
    I.weeks_in_phase += 1

    # talk fills the idea pool; fresh ideas scatter the direction, trust and shared ambition focus it
    new = q.idea_rate * I.talk * energy
    I.ideas = (1 - q.idea_decay) * I.ideas + new
    target = I.trust * net.alignment * net.design_focus
    I.convergence += q.convergence_rate * (target - I.convergence) - q.dilution * new / (I.ideas + 1.0) * I.convergence
    I.convergence = np.clip(I.convergence, 0.0, 1.0)

    # start experiments
    idle = (I.experiment_left == 0) & (I.phase < Phase.IMPLEMENTATION)
    chance = start_chance(I.ideas, I.convergence, issue_means(st, orgs.ownership), issue_means(st, orgs.mandate),
                          energy, p) * net.experiment_drive
    draws = rng.random(K)
    starting = idle & (draws < chance)
    I.experiment_left = np.where(starting, int(q.duration), I.experiment_left)
    I.experiments += starting
    I.ideas = np.where(starting, I.ideas * (1 - q.ideas_used), I.ideas)
    promote = starting & (I.phase == Phase.PIONEER)
    I.phase = np.where(promote, Phase.EXPERIMENT, I.phase)
    I.weeks_in_phase = np.where(promote, 0, I.weeks_in_phase)

    # finish running experiments (started ones count down from next week)
    running = (I.experiment_left > 0) & ~starting
    I.experiment_left = np.where(running, I.experiment_left - 1, I.experiment_left)
    done = running & (I.experiment_left == 0)
    outcome_draw = rng.random(K)
    framing_draw = rng.random(K)
    success = done & (outcome_draw < success_chance(covered, effort_share, energy, p))
    near_miss = done & ~success & (framing_draw < net.near_miss_framing)
    failure = done & ~success & ~near_miss
    I.outcome = np.where(success, Outcome.SUCCESS, np.where(near_miss, Outcome.NEAR_MISS,
                         np.where(failure, Outcome.FAILURE, Outcome.NONE))).astype(np.int8)
    I.last_outcome_week = np.where(done, I.weeks_total, I.last_outcome_week)
    I.successes += success
    I.failures += failure
    I.near_misses += near_miss

    jump = success * q.breakthrough / I.difficulty
    I.delta = I.delta + jump
    I.progress = I.progress + jump
    I.understood = np.where(success, q.understood_after_success, I.understood)
    I.convergence = np.where(near_miss, np.minimum(1.0, I.convergence + q.near_miss_learning), I.convergence)
    I.ideas = np.where(failure, I.ideas * (1 - q.failure_idea_loss), I.ideas)

    # setbacks hit the energy of those who care about the issue, and feed negativity (002 R17, V2, V6)
    exposure = orgs.focus[profs.org] @ failure.astype(float)
    profs.energy = np.clip(profs.energy - q.setback_energy * exposure, 0.0, 1.0)
    profs.negativity = np.clip(profs.negativity + q.setback_negativity * exposure, 0.0, 1.0)
    lift = orgs.focus[profs.org] @ success.astype(float)
    profs.energy = np.clip(profs.energy + q.success_energy * lift, 0.0, 1.0)

    # enough successes move an issue to implementation; the formal owner must then take over
    to_implement = (I.phase == Phase.EXPERIMENT) & (I.successes >= q.successes_needed)
    I.phase = np.where(to_implement, Phase.IMPLEMENTATION, I.phase)
    I.weeks_in_phase = np.where(to_implement, 0, I.weeks_in_phase)
    owner = I.owner
    has_owner = owner >= 0
    safe = np.where(has_owner, owner, 0)
    willing = np.where(has_owner, orgs.ownership[safe] * orgs.mandate[safe] * orgs.active[safe], 1.0)
    take_over = (I.phase == Phase.IMPLEMENTATION) & ~I.handed_over & (willing >= q.handover_threshold)
    I.handed_over = I.handed_over | take_over

    I.understood = np.clip(I.understood + q.understanding_rate * I.talk, 0.0, 1.0)
    I.weeks_total += 1
