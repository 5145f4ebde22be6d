"""Mechanism 1: forums meet, professionals attend or stay away, and consultation costs hours.

Tables meet at their base interval, more often as complexity grows (003 L4628-4630, R37b).
Attendance falls with casework pressure (001 L326-367), low energy, low perceived value
(003 L2418-2420) and meeting fatigue (003 L2341-2357, R44). Every attended meeting costs its hours
plus preparation that grows with the number of organisation pairs at the table, n(n-1)/2
(003 L4628-4630, R37b; anchors_peers SF6), and every table member spends reporting hours that
grow with accountability pressure (003 L4636-4646, R37e).
"""

from __future__ import annotations

import numpy as np

from ..params import Params
from ..state import State, delegations_present
from .conflict import attendance_factor


def attendance_probability(workload, energy, value_margin, meeting_hours, p: Params) -> np.ndarray:
    """Chance that a member attends: each factor in [0, 1], multiplied."""
    m = p.meeting
    fatigue = np.clip(1 - m.fatigue * np.maximum(0.0, meeting_hours - m.fatigue_threshold), 0, 1)
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
    """Decide which forums meet this week and who attends; set meeting hours and which ties met."""
    F, profs, orgs, T = st.forums, st.profs, st.orgs, st.ties
    F.phase, count = meetings_this_week(F.phase, F.frequency, st.network.complexity, p)
    count = count * F.active
    F.met = count > 0
    prof, org = F.member_prof, F.member_org
    chance = attendance_probability(
        profs.workload[prof], profs.energy[prof], (orgs.perceived_value - orgs.outside_option)[org],
        profs.meeting_hours[prof], p) * attendance_factor(orgs.heat[org], p)
    present = (rng.random(len(prof)) < chance) & F.met[F.member_forum] & orgs.active[org] & F.member_active

    n_forums = len(F.id)
    n_members = np.bincount(F.member_forum, weights=F.member_active, minlength=n_forums)
    n_present = np.bincount(F.member_forum, weights=present, minlength=n_forums)
    F.attendance = np.where(F.met, n_present / np.maximum(n_members, 1), 0.0)
    n_orgs = delegations_present(F, present)     # for the n(n-1)/2 preparation cost
    held = F.covers & F.met[:, None]
    st.issues.talk = (F.attendance[:, None] * held).sum(axis=0) / np.maximum(held.sum(axis=0), 1)
    per_meeting = F.hours + p.meeting.dyad_cost * n_orgs * (n_orgs - 1) / 2
    hours = present * (count * per_meeting)[F.member_forum]
    # talking about drives takes time: hours a week per table member who is there (002 L2504-2516)
    hours = hours + present * p.innovation.check_in_hours * (st.network.check_in_weeks > 0)
    # every active table member also reports and justifies, more so under accountability pressure (R37e)
    hours = hours + (F.member_active & orgs.active[org]) * p.meeting.accountability_hours * st.network.accountability
    profs.meeting_hours = np.bincount(prof, weights=hours, minlength=len(profs.org))

    both = present[T.meets_a] & present[T.meets_b]
    T.met, T.physical = np.zeros(len(T.src), bool), np.zeros(len(T.src), bool)
    T.met[T.meets_tie[both]] = True
    T.physical[T.meets_tie[both & F.physical[T.meets_forum]]] = True

    capacity = float((orgs.hours * orgs.pledge)[orgs.active].sum())
    st.network.coordination_load = float(profs.meeting_hours.sum()) / capacity if capacity > 0 else 0.0
