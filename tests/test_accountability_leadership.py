"""Mechanisms 6 and 7: accountability, demand for structure, leadership regression (003 R37e-h, R41)."""

import numpy as np

from netwerksim import NetwerkModel, load_scenario
from netwerksim.mechanisms.accountability import accountability_target
from netwerksim.mechanisms.meetings import meetings_this_week
from netwerksim.mechanisms.leadership import felt_autonomy_ceded, motive_weights, next_hierarchy
from netwerksim.params import Params


def test_accountability_grows_with_stakes_uncertainty_and_the_promise_gap():
    p = Params()
    base = accountability_target(0.5, 0.2, 0.1, p)
    assert accountability_target(0.9, 0.2, 0.1, p) > base
    assert accountability_target(0.5, 0.6, 0.1, p) > base
    assert accountability_target(0.5, 0.2, 0.5, p) > base


def test_hierarchy_rises_only_with_unabsorbed_demand_and_relaxes_otherwise():
    p = Params()
    assert next_hierarchy(0.2, demand=0.8, absorption=0.4, p=p) > 0.2
    assert next_hierarchy(0.2, demand=0.3, absorption=0.4, p=p) < 0.2
    assert next_hierarchy(0.2, demand=0.8, absorption=0.4, p=Params({"leadership.regression_rate": 0})) == 0.2


def test_hierarchy_shifts_motives_to_the_instrumental_and_autonomy_feels_lost():
    p = Params()
    m = np.array([[1.0, 0.5, 0.5]])
    assert np.array_equal(motive_weights(m, 0.0, p), m)
    shifted = motive_weights(m, 1.0, p)
    assert shifted[0, 0] > 1.0 and (shifted[0, 1:] < 0.5).all()
    assert np.isclose(shifted.sum(), m.sum())
    neutral = np.array([0.5])
    assert felt_autonomy_ceded(np.array([0.2]), 0.8, neutral, p)[0] > felt_autonomy_ceded(np.array([0.2]), 0.0, neutral, p)[0]


def test_autonomy_given_in_trust_weighs_by_the_distrust_left():
    """003 L750-755: autonomy is ceded in the trust that it pays; what hierarchy takes weighs whatever the trust."""
    p = Params()
    ceded = np.array([0.3, 0.3])
    trusting, distrusting = felt_autonomy_ceded(ceded, 0.0, np.array([0.9, 0.1]), p)
    assert trusting < 0.05 < 0.25 < distrusting
    taken = felt_autonomy_ceded(ceded, 0.6, np.array([0.9, 0.1]), p) - felt_autonomy_ceded(ceded, 0.0, np.array([0.9, 0.1]), p)
    assert np.allclose(taken, taken[0]) and taken[0] > 0.2


def _zorg(hierarchy, concentration):
    hold = {"leadership.regression_rate": 0.0, "leadership.relax_rate": 0.0}   # hold the hierarchy where it is
    m = NetwerkModel("zorgnetwerk", rng=1, params=hold)
    m.state.network.hierarchy, m.state.network.concentration = hierarchy, concentration
    for _ in range(40):
        m.step()
    return m.state.orgs.ownership


def test_under_concentrated_hierarchical_leadership_the_others_lean_back():
    flat, steep = _zorg(0.0, 1.0), _zorg(0.8, 1.0)
    lead = 0   # Ziekenhuis Rivierland leads
    assert steep[lead] == flat[lead] == 1.0
    assert (steep[1:] < flat[1:] - 0.3).all()
    shared_team = _zorg(0.8, 0.3)
    assert (shared_team[1:] > steep[1:] + 0.2).all()


def test_complexity_makes_tables_meet_more_often():
    def meetings_in_a_year(complexity, p=Params()):
        phase, total = np.zeros(1), 0
        for _ in range(52):
            phase, n = meetings_this_week(phase, np.array([4]), complexity, p)
            total += int(n[0])
        return total
    assert meetings_in_a_year(0.0) == 13 and meetings_in_a_year(1.0) == 26
    assert meetings_in_a_year(1.0, Params({"meeting.complexity_growth": 0})) == 13


def test_complexity_grows_with_joining_parties(small):
    small["organisations"][2]["joins_at"] = 10
    m = NetwerkModel(load_scenario(small), rng=1)
    for _ in range(9):
        m.step()
    before = m.state.network.complexity
    m.step()
    assert m.state.orgs.status[2] == 0 and m.state.network.complexity > before
    assert [e["name"] for e in m.events if e["type"] == "status"] == ["joined"]
