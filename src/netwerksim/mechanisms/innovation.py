"""Mechanism 10: the innovation process per issue: ideas, experiments, breakthroughs and hand-over.

Talk at an issue's tables fills an idea pool (002 L1096-1547, L2112-2123), less so among cynics who
keep seeing the downsides (002 V6, L361-364), and where the partners map an issue's bottlenecks
part of it is insight into why things fail rather than options to try (002 L139-144, L1183-1190; V5); ideas converge into a
shared direction as trust, shared ambition and focus allow (002 L1437-1447), and scatter again when
fresh ideas keep pouring in (002 V7). Partners of different kinds bring more angles and so more ideas, but only on a
shared base of trust and ambition; without one their differences chafe and slow the convergence (000 L305-351;
001 L768-772, L1796-1800). While partners know each other's drives (after a check-in), the
same talk brings more ideas, as hearing the other side's story does (002 L2078-2084), and the group gets
to the core faster (002 L2504-2516). An experiment starts when enough ideas have converged and the
partners feel ownership and have the mandate to act (002 L536-572; V4, V8). It succeeds with a chance
set by the competences present (002 V3), the effort put in (V14) and the people's energy; a success is
a breakthrough, a jump in progress (002 L331-337, R13), not yet understood (V9) until reflected on. A
failure is a setback that drains energy and feeds negativity (002 L653-656, R17), unless it is framed
as a near miss, from which the group learns (002 L657-670, R18). Phases move from pioneer to
experiment at the first experiment and to implementation after enough successes; then the formal
owner must take over before the result is rolled out (a jump) and embedded (002 V13, L3275-3281): a decision of
its own, taken with a weekly chance that its lack of ownership and mandate lowers (slower, never impossible). While
the last success is not understood, the group hesitates to start the next experiment (002 V9, L381-385). Casework pressure crowds
out the reflection and learning that produce ideas and understanding (001 L326-367). Group levers set
by interventions (focus, experiment drive, shared drives) relax back to normal; an external
facilitator keeps the drive up and organises reflection while present (004 L2622-2690).
Governance sets the pace of deciding: the decision rule (mechanism 7, :func:`decision_rule_effects`)
and the level of the issue's tables (frontline tables bring more ideas and less mandate,
administrative ones the reverse; 002 L3872-3892, R53-R54); an existential threat adds urgency
(003 L2886-2898).
"""

from __future__ import annotations

from enum import IntEnum

import numpy as np

from ..numeric import any_true, bincount, clip, largest, summed, where
from ..params import Params
from ..state import State
from .contribution import org_workload
from .leadership import decision_rule_effects, decision_say


class Phase(IntEnum):
    """Innovation phase of an issue (002 §2.1)."""

    PIONEER = 0
    EXPERIMENT = 1
    IMPLEMENTATION = 2


class Outcome(IntEnum):
    """What a finished experiment brought this week."""

    NONE = 0
    SUCCESS = 1
    FAILURE = 2
    NEAR_MISS = 3


# the codes as numpy scalars of the arrays' type (int8): an array compares with them faster than with an enum member
# (1.5 against 2.5 us here), with the same result
PIONEER, EXPERIMENT, IMPLEMENTATION = (np.int8(phase) for phase in Phase)
SUCCESS, FAILURE = np.int8(Outcome.SUCCESS), np.int8(Outcome.FAILURE)


def ambition_weights(st: State, active: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """What :func:`weighted_by_ambition` weighs with: the active organisations (as 0/1), per issue whether any of them
    has an ambition on it, and their total ambition on it (1 where none has): made once for a mechanism's averages.
    ``active``: the state's ``orgs.active``, if the caller has it (also below)."""
    active = (st.orgs.active if active is None else active).astype(float)
    total = active @ st.orgs.ambition
    some = total > 0
    return active, some, where(some, total, 1)


def weighted_by_ambition(st: State, per_org: np.ndarray,
                         weights: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None) -> np.ndarray:
    """Per issue: an organisation-level quantity averaged with the active organisations' ambition on it
    (``weights``: this state's :func:`ambition_weights`, made here if not given)."""
    active, some, total = weights or ambition_weights(st)
    return where(some, ((per_org * active) @ st.orgs.ambition) / total, 0.0)


def cares_about(orgs, active: np.ndarray) -> np.ndarray:
    """(O, K): the active organisations with an ambition on each issue."""
    return active[:, None] & (orgs.ambition > 0)


def say_ratio(cares: np.ndarray, say: np.ndarray) -> np.ndarray:
    """Per issue: the say of the partner who has most of it over the mean say of the other partners who care
    (0 with fewer than two). Whoever has the say cuts the knots; the others follow (002 V4, L345-348)."""
    held = where(cares, say[:, None], 0.0)
    n, top = summed(cares, 0), largest(held, 0)
    others = (summed(held, 0) - top) / np.maximum(n - 1, 1)
    return where(n >= 2, top / np.maximum(others, 1e-9), 0.0)


def issue_energy(st: State, active: np.ndarray | None = None) -> np.ndarray:
    """Per issue: mean energy of active organisations' professionals, weighted by their focus on it."""
    orgs, profs = st.orgs, st.profs
    energy = bincount(profs.org, weights=profs.energy, minlength=len(orgs.name)) / orgs.n_professionals
    active = (orgs.active if active is None else active).astype(float)
    total = active @ orgs.focus
    some = total > 0
    return where(some, ((energy * active) @ orgs.focus) / where(some, total, 1), 0.0)


def issue_negativity(st: State, active: np.ndarray | None = None) -> np.ndarray:
    """Per issue: mean negativity of active organisations' professionals, weighted by how many care how much."""
    orgs, profs = st.orgs, st.profs
    weights = (orgs.active if active is None else active) * orgs.n_professionals
    negativity = bincount(profs.org, weights=profs.negativity, minlength=len(orgs.name)) / orgs.n_professionals
    return ((weights * negativity) @ orgs.focus) / np.maximum(weights @ orgs.focus, 1e-9)


def issue_trust(st: State, weights=None) -> np.ndarray:
    """Per issue: the trust organisations hold in their partners, weighted by their ambition on it."""
    return weighted_by_ambition(st, st.ties.org_given, weights)


def safety(trust: np.ndarray) -> np.ndarray:
    """How safe it is to admit a mistake at a trust (:func:`issue_trust`): 0 at neutral (0.5) or below, 1 at full."""
    return clip(2.0 * trust - 1.0, 0.0, 1.0)


def learning_room(st: State, p: Params, weights=None) -> np.ndarray:
    """Per issue: room for reflection and learning that casework leaves those who care about it (001 L326-367)."""
    return 1.0 - p.innovation.learning_crowding * weighted_by_ambition(st, org_workload(st), weights)


def handover_chance(willing, p: Params) -> np.ndarray:
    """Weekly chance that a formal owner takes a result over, given its ``willing``ness (ownership x mandate): the
    chance of a decision to act (``innovation.handover_rate``), held back as far as ``innovation.owner_reluctance``
    lets a lack of ownership and mandate count (002 V13, L3275-3281: 'that is not how it works here')."""
    q = p.innovation
    return q.handover_rate * (1.0 - q.owner_reluctance * (1.0 - willing))


def insight_share(analysing: np.ndarray, fresh_perspective: float, p: Params) -> np.ndarray:
    """Per issue: the share of what the talk brings up that is insight into the problem rather than an option to try.
    Where the partners work on an issue by mapping its bottlenecks, the analysis makes them understand better why
    things do not work, which brings them no nearer to what they could do about it (002 L139-144, L1183-1190):
    ``innovation.analysis_insight`` of it; a fresh positive theme turns the talk to where everyone wants to go instead
    (002 L2107-2115), as far as it is fresh. 0 elsewhere."""
    return analysing * (p.innovation.analysis_insight * (1.0 - min(1.0, fresh_perspective)))


def discouragement(st: State, insights: np.ndarray, p: Params) -> np.ndarray:
    """Per professional: the energy a week's insights into why things fail cost those who care about the issue, as
    far as they care: understanding better why it does not work, without seeing what to do, slows and can
    demotivate ('will we ever solve this?', 002 L1186-1190); ``innovation.analysis_discouragement`` an insight."""
    return p.innovation.analysis_discouragement * (st.orgs.focus @ insights)[st.profs.org]


def start_chance(ideas, convergence, ownership, mandate, energy, p: Params) -> np.ndarray:
    """Weekly chance that an issue without a running experiment starts one: full once there are enough ideas and a
    direction to act on (``innovation.direction_needed``, 1 by default: in proportion to convergence; with an
    experimenting mindset a step need not be finished first, 002 L1924-1934), then as the partners' ownership,
    mandate and energy allow."""
    q = p.innovation
    return (q.start_rate * np.minimum(1.0, ideas / q.ideas_needed) * np.minimum(1.0, convergence / q.direction_needed)
            * ownership * mandate * energy)


def success_chance(covered, effort_share, energy, p: Params) -> np.ndarray:
    """Chance that a finished experiment succeeds: competences present, effort put in, energy."""
    q = p.innovation
    floor = p.energy.effort_floor
    return (q.success_base * covered**q.skill_dependence * np.minimum(1.0, effort_share / q.effort_needed)
            * (floor + (1 - floor) * energy))


def hold_reflection(st: State, p: Params) -> None:
    """A joint reflection held this week, scheduled (``network.reflection``, its depth) or organised by a facilitator
    while present: whoever comes to an issue's tables examines together how and why it worked (002 L2613-2672,
    L3182-3226). It is recorded per issue where people came (``issues.reflected``, what V9 reads); a scheduled one
    deepens the understanding of the last success and narrows the direction by its depth times the attendance, and
    talking through what frustrates people lets part of their negativity go (002 L2673-2700, 'grumpy moments';
    ``innovation.reflection_relief``)."""
    I, net = st.issues, st.network
    came = I.coordination > 0
    I.reflected = came & (net.reflection > 0 or net.facilitation_weeks > 0)
    if net.reflection > 0:
        I.understood = clip(I.understood + net.reflection * I.coordination, 0.0, 1.0)
        I.convergence = clip(I.convergence + net.reflection / 4 * I.coordination, 0.0, 1.0)
        if p.innovation.reflection_relief:
            talked = (st.orgs.focus @ (net.reflection * I.coordination))[st.profs.org]   # as far as they care and came
            st.profs.negativity = st.profs.negativity * (1.0 - p.innovation.reflection_relief * np.minimum(talked, 1.0))
        net.reflection = 0.0


def update_innovation(st: State, p: Params, rng: np.random.Generator, week: int) -> None:
    """One week of the innovation process on every issue; adds experiment jumps to this week's progress."""
    I, orgs, profs, net = st.issues, st.orgs, st.profs, st.network
    q = p.innovation
    K = len(I.id)
    active = orgs.active                   # nothing below changes who is active or their ambitions
    energy = issue_energy(st, active)
    by_ambition = ambition_weights(st, active)
    I.trust = issue_trust(st, by_ambition)
    I.weeks_in_phase += 1

    # talk fills the idea pool; fresh ideas scatter the direction, trust and shared ambition focus it
    room = learning_room(st, p, by_ambition)
    critics = 1 - p.negativity.idea_damping * issue_negativity(st, active)   # cynics keep seeing the downsides (V6)
    stories = 1 + q.drives_ideas * net.drives_shared    # the other side's story brings ideas at once (002 L2078-2084)
    stories *= 1 + q.positive_theme * net.fresh_perspective   # a positive theme brings more than a problem (002 L2112-2123)
    # different angles bring more ideas where a shared base (trust, a shared ambition) lets differences be used, and
    # friction where it is missing (000 L305-312, L318-351; 001 L768-772, L1796-1800)
    base = I.trust * net.alignment
    angles = 1 + q.diversity_ideas * I.diversity * base
    raised = q.idea_rate * I.talk * I.idea_factor * energy * room * critics * stories * angles
    # a bottleneck analysis turns part of it into insight into why things fail, not options to try (002 L1183-1190)
    if any_true(I.analysing):
        insights = insight_share(I.analysing, net.fresh_perspective, p) * raised
        new = raised - insights
        profs.energy = clip(profs.energy - discouragement(st, insights, p), 0.0, 1.0)
    else:
        insights, new = np.zeros(K), raised
    I.options_raised, I.insights_raised = new, insights
    I.ideas = (1 - q.idea_decay) * I.ideas + new
    target = base * net.design_focus
    to_the_core = 1 + q.drives_focus * net.drives_shared   # connected, one gets to the core faster (002 L2510-2516)
    to_the_core = to_the_core * (1 - q.diversity_friction * I.diversity * (1 - base))
    I.convergence = clip(I.convergence + q.convergence_rate * to_the_core * (target - I.convergence)
                            - q.dilution * new / (I.ideas + 1.0) * I.convergence, 0.0, 1.0)

    # finish running experiments
    running = I.experiment_left > 0
    I.experiment_left = where(running, I.experiment_left - 1, 0)
    done = running & (I.experiment_left == 0)
    success_draw, near_miss_draw = rng.random(K), rng.random(K)   # every week, so the streams stay paired
    if not any_true(done):     # nothing finished: no outcome, and what follows would change nothing (adds +0.0)
        I.outcome = np.zeros(K, np.int8)
    else:
        success = done & (success_draw < success_chance(I.covered, I.effort_share, energy, p))
        near_miss = done & ~success & (near_miss_draw < net.near_miss_framing)
        failure = done & ~success & ~near_miss
        I.outcome = (Outcome.SUCCESS * success + Outcome.NEAR_MISS * near_miss    # at most one of the three
                     + Outcome.FAILURE * failure).astype(np.int8)
        I.last_outcome_week = where(done, week, I.last_outcome_week)
        I.successes += success
        I.failures += failure
        I.near_misses += near_miss
        jump = success * q.breakthrough / I.difficulty
        I.delta = I.delta + jump
        I.progress = I.progress + jump
        net.economic_capital += float(summed(jump))
        I.understood = where(success, q.understood_after_success, I.understood)
        I.convergence = where(near_miss, np.minimum(1.0, I.convergence + q.near_miss_learning), I.convergence)
        I.ideas = where(failure, I.ideas * (1 - q.failure_idea_loss), I.ideas)
        # in a group safe enough to admit mistakes a failure stings less: trust above neutral carries part of it
        # (001 L794, L1309-1310; 002 L676-683; 000 L235-238)
        sting = failure * (1.0 - q.setback_safety * safety(I.trust)) if q.setback_safety else failure
        hit, lifted = (orgs.focus @ sting)[profs.org], (orgs.focus @ success)[profs.org]   # how much each one cares
        profs.energy = clip(profs.energy - q.setback_energy * hit + q.success_energy * lifted, 0, 1)
        profs.negativity = clip(profs.negativity + q.setback_negativity * hit, 0.0, 1.0)
    hold_reflection(st, p)     # after this week's outcome: a success to understand, a failure's frustration to air

    # start experiments
    idle = (I.experiment_left == 0) & (I.phase < IMPLEMENTATION)
    mandate = weighted_by_ambition(st, orgs.mandate, by_ambition) * I.table_mandate
    ownership = weighted_by_ambition(st, orgs.ownership, by_ambition)
    # something at stake (a deadline, momentum, a facilitator) makes the group start (002 L643-649, L4006-4010)
    group = net.experiment_drive ** q.drive_response * decision_rule_effects(net.decision_rule, p)[0]   # consensus waits
    group = group * (1 - q.hesitation * (1 - I.understood))   # it works, but why? one doesn't dare go on (V9)
    # a small experiment on the table is concrete: it needs neither a full pool of ideas nor a converged direction,
    # and it starts with those who see it, not with everyone (002 L536-572, L553-561): the ownership and mandate of
    # the most willing active partner that cares about the issue; the draw still decides
    small = I.proposed > 0
    ideas, convergence = I.ideas, I.convergence
    if any_true(small):     # (none proposed: each where below would give its last argument's values)
        keen = largest(where(cares_about(orgs, active), (orgs.ownership * orgs.mandate)[:, None], 0.0), 0) * I.table_mandate
        ideas, convergence = where(small, q.ideas_needed, ideas), where(small, 1.0, convergence)
        ownership, mandate = where(small, 1.0, ownership), where(small, keen, mandate)
    # the chance if they could commit (a mandate of 1), and with the mandate they have: one array, the same products
    wanted, chance = start_chance(ideas, convergence, ownership, np.stack((np.ones(K), mandate)), energy, p) * group
    draw = rng.random(K)
    starting = idle & (draw < chance)
    # the group wants to go ahead, but its delegates must take it back to their organisations first (002 V8)
    I.sent_back = idle & ~starting & (draw < wanted)
    if any_true(starting):   # (none starting: the wheres below would keep every value)
        I.say_ratio = where(starting, say_ratio(cares_about(orgs, active), decision_say(
            orgs.ownership, orgs.mandate, net.decision_rule, net.lead)), 0.0)   # who decided the experiments that start (V4)
        I.experiment_left = where(starting, where(small, max(1, int(q.duration) // 2), int(q.duration)), I.experiment_left)
        I.proposed = where(starting, 0, np.maximum(I.proposed - 1, 0))
        I.experiments += starting
        I.ideas = where(starting, I.ideas * (1 - q.ideas_used), I.ideas)
    else:
        I.say_ratio = np.zeros(K)
        I.proposed = np.maximum(I.proposed - 1, 0)

    # phases: pioneer -> experiment at the first start; -> implementation after enough successes
    new_phase = where((I.phase == PIONEER) & starting, EXPERIMENT, I.phase)
    new_phase = where((new_phase == EXPERIMENT) & (I.successes >= q.successes_needed), IMPLEMENTATION, new_phase)
    I.weeks_in_phase = where(new_phase != I.phase, 0, I.weeks_in_phase)
    I.phase = new_phase.astype(np.int8)

    # the formal owner takes the result over: a decision of its own, which comes sooner the more ownership it feels
    # and the more mandate its people have to commit it; without a formal owner the network carries it on at once
    # (002 L743-759: who takes it on, from which budget; V13, L3275-3281)
    waiting = ~I.handed_over & (I.phase == IMPLEMENTATION)
    if any_true(waiting):      # (none waiting: nothing is taken over, and the roll-out below would add +0.0)
        handover_draw = rng.random(K)  # the stream's last draw of the week (keyed by week): it moves no other number
        owner = where(I.owner >= 0, I.owner, 0)
        taken_over = waiting & (handover_draw < where(I.owner >= 0, handover_chance(
            orgs.ownership[owner] * orgs.mandate[owner] * orgs.active[owner], p), 1.0))
        I.handed_over |= taken_over
        scaled = taken_over * q.scaling / I.difficulty      # the line organisation rolls the result out (V13)
        I.delta, I.progress = I.delta + scaled, I.progress + scaled
        net.economic_capital += float(summed(scaled))

    I.understood = clip(I.understood + q.understanding_rate * I.talk * room, 0.0, 1.0)
    # group levers: a facilitator keeps the drive up while present; then everything relaxes to normal
    if net.facilitation_weeks > 0:
        net.facilitation_weeks -= 1
        net.experiment_drive = max(net.experiment_drive, 1.0 + q.facilitation_drive)
        I.understood = clip(I.understood + q.facilitation_reflection, 0.0, 1.0)
    if net.check_in_weeks > 0:
        net.check_in_weeks -= 1
        net.drives_shared = 1.0
    if net.threat > 0:   # something is at stake: the urgency stays while the threat lasts
        net.experiment_drive = max(net.experiment_drive, 1.0 + p.threat.urgency * net.threat)
    net.design_focus += q.lever_relax * (q.focus - net.design_focus)
    net.experiment_drive += q.lever_relax * (1.0 - net.experiment_drive)
    net.drives_shared -= q.lever_relax * net.drives_shared
    net.fresh_perspective -= q.lever_relax * net.fresh_perspective
