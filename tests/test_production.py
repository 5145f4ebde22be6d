"""Mechanism 5: production of progress (002 R13; 003 L4758-4797)."""

import numpy as np

from netwerksim import NetwerkModel, load_scenario
from netwerksim.mechanisms.production import coverage, diversity, kinds_at_work, progress_rate
from netwerksim.params import Params


def test_progress_rate_rises_with_effort_and_coordination_and_falls_with_difficulty():
    p = Params()
    r = lambda share=0.5, diff=1.0, cov=1.0, coord=1.0, align=1.0: float(  # noqa: E731
        progress_rate(np.array([share]), np.array([diff]), np.array([cov]), np.array([coord]), align, p)[0])
    assert r(share=0.9) > r() > r(share=0.1)
    assert r(diff=2.0) < r()
    assert r(cov=0.5) < r()
    assert r(coord=0.0) < r()
    assert r(align=0.0) < r()
    assert r(share=0.0) == 0.0


def test_coverage_dependence_sets_how_much_the_required_kinds_at_work_matter():
    """At the default (1) the rate scales with the covered share itself, bit for bit; at 0 it does not matter who works
    on the issue (the link competence_at_work, 002 L4147-4152); in between the shortfall costs less."""
    def r(cov, dependence=None):
        p = Params({"production.coverage_dependence": dependence} if dependence is not None else None)
        return float(progress_rate(np.array([0.5]), np.array([1.0]), np.array([cov]), np.array([1.0]), 1.0, p)[0])

    full = r(1.0)
    assert r(0.5) == 0.5 * full                      # the default: the share itself
    assert r(0.5, 0.0) == full                       # switched off: a half-covered issue moves as a covered one
    assert r(0.5) < r(0.5, 0.5) < full
    assert r(0.0, 0.0) == full and r(0.0) == 0.0


def test_an_issue_lacking_a_required_kind_is_only_partly_covered(small):
    m = NetwerkModel(load_scenario(small), rng=1)
    working = np.ones(3, bool)
    covered = lambda: coverage(m.state.issues.required_kinds, kinds_at_work(m.state, working, m.params))  # noqa: E731
    assert covered()[1] == 1.0
    working[1] = False  # the welfare organisation stops
    assert covered()[1] == 0.0


def test_diversity_is_the_chance_that_two_organisations_at_work_are_of_different_kinds():
    at_work = np.array([[2, 0, 0], [1, 1, 0], [1, 1, 1], [1, 0, 0], [2, 2, 0]])
    # one kind; two of two kinds; three of three; alone; 2+2: 4 of the 6 pairs differ
    assert np.allclose(diversity(at_work), [0.0, 1.0, 1.0, 0.0, 4 / 6])


def test_breakthroughs_make_jumps(small):
    small["parameters"] = {"production.breakthrough_chance": 0.2, "production.noise": 0.0}
    m = NetwerkModel(load_scenario(small), rng=4)
    deltas = []
    for _ in range(52):
        m.step()
        deltas.append(m.state.issues.delta.copy())
    deltas = np.array(deltas)[:, 0]
    assert deltas.max() > 5 * np.median(deltas)
