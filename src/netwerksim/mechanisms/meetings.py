"""Mechanism 1: forums meet, professionals attend or stay away, and consultation costs hours.

Tables meet at their base interval, more often as complexity grows (003 L4628-4630, R37b).
Attendance falls with casework pressure (001 L326-367), low energy, low perceived value
(003 L2418-2420) and meeting fatigue (003 L2341-2357, R44). Every attended meeting costs its hours
plus preparation that grows with the number of organisation pairs at the table, n(n-1)/2
(003 L4628-4630, R37b; anchors_peers SF6). Partners account for the capacity they put in (003
L4636-4646, R37e): every professional who gives the network hours spends a share of them on reporting
and justification that grows with accountability pressure (:func:`reporting_hours`), in proportion to
the hours given, not to the seats held (a team whose every member sits at the table does not account
once per seat for more hours than it gives).

Governance shapes this load. An administrative table talks cases out: its meetings run longer
(002 L3872-3881, R53); :func:`table_level_effects` also holds what a table's level means for ideas and
mandate (read by the innovation process). When one party is accountable for the whole, the others
report less (002 L5242-5256, R51). A network administrative organisation with coordination hours of
its own takes preparation and reporting off the members' hands, up to its capacity (Provan & Kenis;
anchors_peers 1.3: an NAO without capacity becomes a bottleneck, Bitterman & Koliba 2020).
"""

from __future__ import annotations

import numpy as np

from .. import kernels
from ..choices import staying_away
from ..numeric import all_true, any_true, bincount, clip, summed, where
from ..params import Params
from ..state import State, delegations_present
from .accountability import demand
from .conflict import CANCELLED_FROM, attendance_factor, felt_from
from .production import given_hours


def table_level_effects(level: np.ndarray, p: Params) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per forum: meeting length, ideas and mandate relative to a mixed table (0 mixed, 1 administrative, 2 frontline).

    Administrators at a distance talk more and produce fewer ideas; frontline people who know the
    cases bring more ideas but have less mandate to commit their organisation (002 L3872-3892, R53-R54).
    """
    f = p.forum
    hours = where(level == 1, f.administrative_hours, 1.0)
    ideas = np.select([level == 1, level == 2], [f.administrative_ideas, f.frontline_ideas], 1.0)
    mandate = where(level == 2, f.frontline_mandate, 1.0)
    return hours, ideas, mandate


def coordination_relief(overhead: np.ndarray, nao_hours: float) -> np.ndarray:
    """Overhead hours left to the members once an NAO with ``nao_hours`` a week takes its share, spread evenly."""
    total = float(summed(overhead))
    if nao_hours <= 0 or total <= 0:
        return overhead
    return overhead * (1.0 - min(1.0, nao_hours / total))


def reporting_share(accountability, p: Params):
    """Share of the hours given that goes to reporting and justification at accountability pressure ``A``.

    Accounting is done in the hours people give, so it can never take more than all of them: each unit of
    pressure takes ``meeting.accountability_share`` (``s``) of the hours not yet spent on reporting,
    ``1 - (1 - s)^A`` (``A`` a number, or one per partner). At pressure 1 that is ``s``, as before; it grows more slowly above it (at pressure 3
    and the default 0.71 of the hours, where ``s A`` took them all)."""
    return 1.0 - (1.0 - p.meeting.accountability_share) ** np.maximum(accountability, 0.0)


def reporting_hours(st: State, p: Params) -> np.ndarray:
    """Per professional: hours a week spent accounting for the network hours they give (003 L4636-4646, R37e).

    A share of the hours given, :func:`reporting_share` of the accountability pressure, which each partner feels
    in proportion to what its own funders ask against the network's (``accountability.demand``, issue 17). When
    one party answers for the whole, the others report less (002 L5242-5256, R51)."""
    orgs, profs, net = st.orgs, st.profs, st.network
    given = given_hours(st) / np.maximum(orgs.n_professionals, 1)
    asked, own = demand(orgs, p)      # funders asking differently: each partner its own pressure
    share = reporting_share(net.accountability if own is None else net.accountability * own / asked, p)
    if net.accountable >= 0:
        share = share * where(np.arange(len(orgs.name)) == net.accountable, 1.0, 1.0 - p.governance.accountable_relief)
    return (share * given)[profs.org]


def attendance_probability(workload, energy, value_margin, meeting_hours, p: Params) -> np.ndarray:
    """Chance that a member attends: each factor in [0, 1], multiplied."""
    m = p.meeting
    fatigue = clip(1 - m.fatigue * np.maximum(0.0, meeting_hours - m.fatigue_threshold), 0, 1)
    value = 1 - m.value_absence * (1 - 1 / (1 + np.exp(-m.value_slope * value_margin)))
    floor = p.energy.effort_floor
    return m.base_attendance * (1 - m.workload_absence * workload) * (floor + (1 - floor) * energy) * value * fatigue


def meetings_this_week(phase, frequency, complexity, p: Params) -> tuple[np.ndarray, np.ndarray]:
    """Advance each forum's meeting clock; complexity makes tables meet more often (R37b).

    Returns the new phase and the number of meetings this week per forum.
    """
    phase = phase + (1.0 + p.meeting.complexity_growth * complexity) / frequency
    count = np.floor(phase)
    return phase - count, count


def hold_meetings(st: State, p: Params, rng: np.random.Generator) -> None:
    """Decide which forums meet this week and who attends; set meeting hours and which ties met (fused around the
    exponential, the draws and the reporting hours where :mod:`..kernels` says: ``meetings_week``)."""
    F, profs, orgs, T = st.forums, st.profs, st.orgs, st.ties
    if kernels.wanted(len(T.src)) and kernels.unheld(F, profs, T) and staying_away(st) is None:
        m, net = p.meeting, st.network
        prof, org = F.member_prof, F.member_org
        exp_term = np.exp(-m.value_slope * (orgs.perceived_value - orgs.outside_option)[org])
        draws = rng.random(len(prof))
        (F.phase, F.met, F.attendance, st.issues.talk, st.issues.voiced, profs.meeting_hours, T.met_index, T.physical,
         net.coordination_load) = kernels.compiled().meetings_week(
            F.phase, F.frequency, 1.0 + m.complexity_growth * net.complexity, F.active, prof, F.member_forum, org,
            F.member_active, F.member_block, F.block_forum, exp_term, profs.workload, profs.energy,
            profs.meeting_hours, draws, orgs.status, orgs.heat, felt_from(orgs.heat, CANCELLED_FROM),
            float(p.conflict.cancelled), float(m.base_attendance), float(m.workload_absence),
            float(p.energy.effort_floor), float(m.value_absence), float(m.fatigue), float(m.fatigue_threshold),
            F.covers, F.hours, F.level, bool(any_true(F.level)), float(p.forum.administrative_hours),
            float(m.dyad_cost), reporting_hours(st, p), net.check_in_weeks > 0, float(p.innovation.check_in_hours),
            float(net.nao_hours), T.meets_a, T.meets_b, T.meets_forum, T.meets_tie, T.co_located, F.physical,
            len(T.src), orgs.hours, orgs.pledge, profs.negativity)
        return
    F.phase, count = meetings_this_week(F.phase, F.frequency, st.network.complexity, p)
    count = count * F.active
    F.met = count > 0
    prof, org = F.member_prof, F.member_org
    chance = attendance_probability(
        profs.workload[prof], profs.energy[prof], (orgs.perceived_value - orgs.outside_option)[org],
        profs.meeting_hours[prof], p)
    if felt_from(orgs.heat, CANCELLED_FROM):     # (cooler: no meeting is cancelled, the factor is exactly 1)
        chance = chance * attendance_factor(orgs.heat[org], p)
    active = orgs.active
    present = (rng.random(len(prof)) < chance) & F.met[F.member_forum] & active[org] & F.member_active
    away = staying_away(st)      # tables an organisation chose not to go to (the draws stay the same)
    if away is not None:
        present = present & ~away

    n_forums = len(F.id)
    n_members = bincount(F.member_forum, weights=F.member_active, minlength=n_forums)
    n_present = bincount(F.member_forum, weights=present, minlength=n_forums)
    F.attendance = where(F.met, n_present / np.maximum(n_members, 1), 0.0)
    n_orgs = delegations_present(F, present)     # for the n(n-1)/2 preparation cost
    held = F.covers & F.met[:, None]
    st.issues.talk = summed(F.attendance[:, None] * held, 0) / np.maximum(summed(held, 0), 1)
    # what those who came brought to the table: the criticism and cynicism voiced there (002 V6, L361-364: people at
    # the table who keep seeing the downsides), per issue over the tables that met on it
    said = bincount(F.member_forum, weights=where(present, profs.negativity[prof], 0.0), minlength=n_forums)
    st.issues.voiced = summed(said[:, None] * held, 0) / np.maximum(summed(n_present[:, None] * held, 0), 1)
    net = st.network
    length = F.hours * table_level_effects(F.level, p)[0] if any_true(F.level) else F.hours
    preparation = p.meeting.dyad_cost * n_orgs * (n_orgs - 1) / 2
    reporting = reporting_hours(st, p)
    # talking about drives takes time: hours a week per table member who is there (002 L2504-2516)
    check_in = present * p.innovation.check_in_hours if net.check_in_weeks > 0 else None
    prepared = present * (count * preparation)[F.member_forum]
    if net.nao_hours > 0:      # the NAO prepares and reports for the members, up to its capacity
        overhead = coordination_relief(np.concatenate([prepared, reporting]), net.nao_hours)
        prepared, reporting = overhead[:len(prepared)], overhead[len(prepared):]
    hours = present * (count * length)[F.member_forum]
    if check_in is not None:    # (none: adding the zeros changed nothing)
        hours = hours + check_in
    hours = hours + prepared
    profs.meeting_hours = bincount(prof, weights=hours, minlength=len(profs.org)) + reporting

    # a tie met when both were present at a forum they share: its first shared forum, or another one
    both = present[T.meets_a] & present[T.meets_b]
    physical = both if all_true(F.physical) else both & (F.physical[T.meets_forum] | T.co_located[T.meets_tie])
    E = len(T.src)
    met, T.physical = both[:E].copy(), physical[:E].copy()
    met[T.meets_tie[E:][both[E:]]] = True
    T.physical[T.meets_tie[E:][physical[E:]]] = True
    T.met_index = met.nonzero()[0]

    capacity = float(summed((orgs.hours * orgs.pledge)[active]))
    st.network.coordination_load = float(summed(profs.meeting_hours)) / capacity if capacity > 0 else 0.0
