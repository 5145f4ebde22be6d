"""The wrapper-free numpy operations of the step (numeric.py) give numpy's own results bit for bit."""

from collections import deque

import numpy as np

from netwerksim.numeric import (RecentRows, all_true, any_true, bincount, clip, largest, mean, summed,
                               weighted_mean, where)


def _arrays():
    rng = np.random.default_rng(4)
    yield from (rng.normal(0.5, 0.7, n) for n in (1, 3, 7, 98, 1000))
    yield np.array([-0.0, 0.0, -1e-300, 1.0 + 1e-16, np.nan, np.inf, -np.inf, 0.5])


def test_clip_is_np_clip_bit_for_bit():
    for x in _arrays():
        for low, high in ((0.0, 1.0), (0, 1), (0.05, 1)):
            assert clip(x, low, high).tobytes() == np.clip(x, low, high).tobytes()
    for scalar in (-0.0, 0.3, 1.7, np.float64(-2.0)):
        ours, theirs = clip(scalar, 0, 1), np.clip(scalar, 0, 1)
        assert type(ours) is type(theirs) and np.array(ours).tobytes() == np.array(theirs).tobytes()


def test_mean_and_weighted_mean_are_numpys_bit_for_bit():
    rng = np.random.default_rng(5)
    for x in _arrays():
        finite = x[np.isfinite(x)]
        assert np.array(mean(finite)).tobytes() == np.array(float(finite.mean())).tobytes()
        assert np.array(mean(finite > 0.5)).tobytes() == np.array(float((finite > 0.5).mean())).tobytes()
        weights = rng.random(len(finite))
        assert np.array(weighted_mean(finite, weights)).tobytes() == \
            np.array(float(np.average(finite, weights=weights))).tobytes()
    assert mean(np.zeros(0)) != mean(np.zeros(0))    # NaN: nothing to average


def _same(ours, theirs) -> bool:
    ours, theirs = np.asarray(ours), np.asarray(theirs)
    return ours.dtype == theirs.dtype and ours.shape == theirs.shape and ours.tobytes() == theirs.tobytes()


def test_reductions_are_the_methods_bit_for_bit():
    rng = np.random.default_rng(6)
    for x in [*_arrays(), rng.normal(size=(7, 5)), rng.normal(size=(98, 3)), rng.random((4, 6)) < 0.3,
              rng.integers(0, 3, (5, 4)), np.zeros((0, 3))]:
        assert _same(summed(x), x.sum())
        assert _same(any_true(x), x.any()) and _same(all_true(x), x.all())
        assert _same(largest(x), x.max(initial=0.0))
        for axis in range(x.ndim):
            assert _same(summed(x, axis), x.sum(axis=axis))
            assert _same(summed(x, axis, keepdims=True), x.sum(axis=axis, keepdims=True))
            assert _same(any_true(x, axis), x.any(axis=axis)) and _same(all_true(x, axis), x.all(axis=axis))
            assert _same(largest(x, axis), x.max(axis=axis, initial=0.0))


def test_recent_rows_give_numpys_means_of_a_deque_bit_for_bit():
    rng = np.random.default_rng(9)
    for n in (2, 12):
        for shape in ((3,), (2, 3), (98,)):
            kept, recent = deque(maxlen=n), RecentRows(n)
            for week in range(3 * n):
                row = rng.normal(0.3, 0.6, shape)
                kept.append(row.copy())
                recent.append(row)
                row[:] = -1.0          # a row changed later in place is not what was kept
                assert len(recent) == len(kept)
                assert _same(recent.mean(), np.mean(np.array(kept), axis=0))
                if len(kept) == n:
                    now = rng.normal(0.3, 0.6, shape)
                    assert _same(recent.mean_with(now), np.mean(np.array([*kept, now]), axis=0))


def test_where_and_bincount_are_numpys_bit_for_bit():
    rng = np.random.default_rng(8)
    for n in (0, 1, 10, 98):
        x, mask, index = rng.normal(size=n), rng.random(n) < 0.5, rng.integers(0, 7, n)
        assert _same(where(mask, x, 0.0), np.where(mask, x, 0.0)) and _same(where(mask, 1, x), np.where(mask, 1, x))
        assert all(_same(a, b) for a, b in zip(where(mask), np.where(mask)))
        assert _same(bincount(index, weights=x, minlength=9), np.bincount(index, weights=x, minlength=9))
        assert _same(bincount(index, minlength=3), np.bincount(index, minlength=3))
