"""The wrapper-free numpy operations of the step (numeric.py) give numpy's own results bit for bit."""

import numpy as np

from netwerksim.numeric import clip, mean, weighted_mean


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
