"""Mechanism 3: bounded-confidence alignment with a trust-coupled bound (anchors_peers 1.5; 003 R37i)."""

import numpy as np

from netwerksim.mechanisms.alignment import alignment_index, bounded_confidence, pair_distance
from netwerksim.params import Params

PAIRS = np.array([[0, 1], [1, 0]])


def rounds(ambition, trust, n=30, p=None):
    p = p or Params()
    for _ in range(n):
        ambition = bounded_confidence(ambition, PAIRS, np.array([trust, trust]), np.array([True, True]), p)
    return ambition


def test_close_ambitions_converge_when_partners_trust_each_other():
    a = np.array([[0.6, 0.4], [0.4, 0.6]])   # distance 0.2
    after = rounds(a, trust=0.8)
    assert pair_distance(after, np.array([0]), np.array([1]))[0] < 0.01
    assert np.allclose(after.sum(axis=1), 1.0)


def test_falling_trust_shrinks_the_bound_and_the_shared_ambition_cracks():
    a = np.array([[0.6, 0.4], [0.4, 0.6]])
    p = Params()
    assert 0.2 >= p.alignment.bound * 0.3      # at trust 0.3 the distance is beyond the bound
    assert np.array_equal(rounds(a, trust=0.3), a)


def test_pairs_that_did_not_meet_do_not_move():
    a = np.array([[0.6, 0.4], [0.4, 0.6]])
    after = bounded_confidence(a, PAIRS, np.array([0.9, 0.9]), np.array([False, False]), Params())
    assert np.array_equal(after, a)


def test_alignment_index_is_one_for_identical_ambitions_and_lower_for_factions():
    same = np.array([[0.5, 0.5]] * 4)
    split = np.array([[1.0, 0.0], [1.0, 0.0], [0.0, 1.0], [0.0, 1.0]])
    active = np.ones(4, bool)
    assert alignment_index(same, active) == 1.0
    assert alignment_index(split, active) == 0.5
