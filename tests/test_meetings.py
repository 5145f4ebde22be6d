"""Mechanism 1: attendance and the cost of consultation (003 R37b, R44)."""

import numpy as np

from netwerksim import NetwerkModel, load_scenario
from netwerksim.mechanisms.meetings import attendance_probability
from netwerksim.params import Params


def test_attendance_falls_with_workload_low_energy_low_value_and_fatigue():
    p = Params()
    base = attendance_probability(np.array(0.2), np.array(0.8), np.array(0.5), np.array(0.0), p)
    assert attendance_probability(np.array(0.9), np.array(0.8), np.array(0.5), np.array(0.0), p) < base
    assert attendance_probability(np.array(0.2), np.array(0.1), np.array(0.5), np.array(0.0), p) < base
    assert attendance_probability(np.array(0.2), np.array(0.8), np.array(-0.5), np.array(0.0), p) < base
    assert attendance_probability(np.array(0.2), np.array(0.8), np.array(0.5), np.array(10.0), p) < base


def _one_week_load(small, n_orgs):
    small["organisations"] = [
        {"name": f"Org {i}", "kind": "welfare", "professionals": 2, "interests": {"a": 1.0}} for i in range(n_orgs)]
    small["parameters"] = {"meeting.base_attendance": 1.0, "meeting.workload_absence": 0.0,
                           "meeting.value_absence": 0.0}
    m = NetwerkModel(load_scenario(small), rng=1)
    m.state.profs.energy[:] = 1.0
    m.state.forums.phase[:] = 0.0   # the table meets once this week (its clock starts at a random phase)
    m.step()
    present = m.state.profs.meeting_hours > 0
    return m.state.profs.meeting_hours[present].mean() - 2.0  # minus the meeting itself


def test_preparation_grows_with_the_pairs_of_organisations_at_the_table(small):
    few, many = _one_week_load(small, 4), _one_week_load(small, 12)
    # n(n-1)/2: 6 pairs against 66 pairs
    assert np.isclose(many / few, 66 / 6)


def test_a_forum_that_does_not_meet_costs_nothing(small):
    small["forums"][0]["frequency"] = 52
    m = NetwerkModel(load_scenario(small), rng=1)
    m.state.forums.phase[:] = 0.0
    m.step()
    assert m.state.profs.meeting_hours.sum() == 0
    assert len(m.state.ties.met_index) == 0
