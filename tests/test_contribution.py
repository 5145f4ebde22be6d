"""Mechanism 4: the contribution decision (003 R1, R4, R27; 002 R1, V8; 001 L326-367)."""

import numpy as np
import pytest

from netwerksim import run
from netwerksim.mechanisms.contribution import willingness, workload_room
from netwerksim.params import Params

MOTIVES = np.array([[1.0, 0.5, 0.5]])


def will(margin=0.2, trust=0.6, collective=0.5, motives=MOTIVES, p=None):
    return float(willingness(np.array([margin]), np.array([trust]), np.array([collective]), motives, p or Params())[0])


def test_willingness_rises_with_value_trust_and_collective_weight():
    base = will()
    assert will(margin=0.5) > base
    assert will(trust=0.9) > base
    assert will(collective=0.9) > base
    assert will(margin=-0.5) < base


def test_motive_weights_decide_which_term_counts():
    instrumental_only, moral_only = np.array([[1.0, 0, 0]]), np.array([[0, 0, 1.0]])
    # a calculating organisation cares about value, a moral one does not
    assert will(margin=0.6, motives=instrumental_only) - will(margin=0.0, motives=instrumental_only) > 0.2
    assert will(margin=0.6, motives=moral_only) == will(margin=0.0, motives=moral_only)


def test_workload_crowds_out_room_for_network_work():
    p = Params()
    room = workload_room(np.array([0.3, 0.5, 0.7, 0.9]), p)
    assert room[0] == room[1] == 1.0
    assert room[1] > room[2] > room[3]


def test_mandate_caps_what_an_organisation_gives(small):
    for o in small["organisations"]:
        o["mandate"] = 0.35
        o["pledge"] = 0.7
    ts = run(small, seed=2).timeseries
    # a new network without initiators: everyone starts freeing hours (history.new_contribution) and
    # contribution adapts gradually; once settled it stays under mandate / pledge = 0.5
    assert ts["joint_contribution"].iloc[40:].max() <= 0.5 + 1e-9
    assert ts["joint_contribution"].iloc[0] == pytest.approx(Params().history.new_contribution)


def test_heavier_casework_lowers_joint_contribution_over_many_seeds(small):
    """Counterfactual over 20 seeds: the same network with a heavy caseload gives clearly less."""
    def mean_contribution(workload):
        for o in small["organisations"]:
            o["workload"] = workload
        return np.array([run(small, seed=s, steps=40).timeseries["joint_contribution"].iloc[10:].mean()
                         for s in range(20)])

    light, heavy = mean_contribution(0.4), mean_contribution(0.9)
    assert (light - heavy).mean() > 0.15
    assert (light > heavy).mean() >= 0.9
