"""Mechanism 2: beta-evidence trust (anchors_peers 1.1; 003 L1052-1058, L1451-1455)."""

import numpy as np

from netwerksim.mechanisms.trust import add_evidence, evidence_rate, expected_trust
from netwerksim.params import Params


def evolve(p, positive, negative, weeks, r=0.0, s=0.0):
    r, s = np.array([r]), np.array([s])
    for _ in range(weeks):
        r, s = add_evidence(r, s, np.array([positive]), np.array([negative]), p)
    return float(expected_trust(r, s)[0])


def test_equal_positive_and_negative_evidence_leaves_trust_lower_than_it_started():
    p = Params()
    start = float(expected_trust(np.array([2.0]), np.array([2.0]))[0])
    assert evolve(p, 0.5, 0.5, 20, 2.0, 2.0) < start - 0.05


def test_without_asymmetry_equal_evidence_keeps_neutral_trust():
    p = Params({"trust.negative_weight": 1.0})
    assert abs(evolve(p, 0.5, 0.5, 20) - 0.5) < 1e-12


def test_trust_falls_faster_than_it_rises():
    p = Params()
    def weeks_to_move(positive, negative):
        for week in range(1, 500):
            if abs(evolve(p, positive, negative, week) - 0.5) >= 0.2:
                return week
    assert weeks_to_move(0.0, 0.3) * 2 <= weeks_to_move(0.3, 0.0)


def test_physical_co_presence_builds_trust_faster_than_remote_contact():
    p = Params()
    physical, remote = evidence_rate(np.array([True, False]), np.array([False, False]), p)
    assert physical > remote
    assert evolve(p, physical, 0, 10) > evolve(p, remote, 0, 10) + 0.05


def test_rivals_share_less():
    p = Params()
    normal, rival = evidence_rate(np.array([True, True]), np.array([False, True]), p)
    assert rival < normal


def test_forgetting_pulls_trust_back_towards_neutral():
    p = Params()
    high = evolve(p, 1.0, 0.0, 20)
    assert 0.5 < evolve(p, 0.0, 0.0, 40, *_evidence_after(p, 1.0, 20)) < high


def _evidence_after(p, positive, weeks):
    r, s = np.zeros(1), np.zeros(1)
    for _ in range(weeks):
        r, s = add_evidence(r, s, np.array([positive]), np.zeros(1), p)
    return float(r[0]), float(s[0])
