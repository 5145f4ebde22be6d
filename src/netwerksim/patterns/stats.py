"""Effect sizes with 95% intervals over seeds (scipy.stats; validation_methods.md §5.1).

Magnitudes with intervals, not p-values (White et al. 2014): a share with its Wilson interval
(``binomtest(...).proportion_ci("wilson")``), a mean or a paired difference with a t interval, a
ratio of means with a paired percentile bootstrap over seeds. Runs of a baseline and a
counterfactual with the same seed share their random numbers (keyed streams), so differences are
taken per seed. Runs whose measure is undefined (NaN, e.g. a week of a dip that never came) are left
out, pairwise.
"""

from __future__ import annotations

import math
import warnings
from dataclasses import dataclass

import numpy as np
from scipy import stats

CONFIDENCE = 0.95


@dataclass(frozen=True)
class Estimate:
    """An effect: its estimate, 95% interval, the number of (pairs of) runs, and whether the pattern holds.

    ``reaches``: the estimate alone lies at or beyond the threshold (the interval aside): the verdict at
    a robustness or calibration point, whose few seeds give intervals too wide to judge by.
    """

    estimate: float
    low: float
    high: float
    n: int
    holds: bool
    reaches: bool = False

    def text(self, fmt: str = ".2f") -> str:
        if math.isnan(self.estimate):
            return "n/a"
        return f"{self.estimate:{fmt}} [{self.low:{fmt}}, {self.high:{fmt}}]"


NONE = Estimate(math.nan, math.nan, math.nan, 0, False, False)


def _t_interval(x: np.ndarray) -> tuple[float, float]:
    """Student-t interval of the mean (the point itself without spread, where ttest_1samp would give NaN)."""
    mean = float(x.mean())
    if len(x) < 2:
        return mean, mean
    half = float(stats.t.ppf(0.5 + CONFIDENCE / 2, len(x) - 1) * x.std(ddof=1) / np.sqrt(len(x)))
    return mean - half, mean + half


def _ratio_interval(a: np.ndarray, b: np.ndarray, seed: int) -> tuple[float, float]:
    if (np.ptp(a) == 0 and np.ptp(b) == 0) or np.array_equal(a, b):
        r = a.mean() / b.mean()
        return float(r), float(r)   # no spread, or the same runs: the interval is the point
    with warnings.catch_warnings(), np.errstate(divide="ignore", invalid="ignore"):
        warnings.simplefilter("ignore")   # degenerate resamples (a zero mean) give inf or NaN; they are dropped
        res = stats.bootstrap((a, b), lambda x, y, axis: x.mean(axis) / y.mean(axis), paired=True,
                              vectorized=True, n_resamples=2000, confidence_level=CONFIDENCE,
                              method="percentile", rng=np.random.default_rng(seed))
    return float(res.confidence_interval.low), float(res.confidence_interval.high)


def estimate(effect: str, direction: str, threshold: float, a: np.ndarray, b: np.ndarray | None = None,
             *, seed: int = 0) -> Estimate:
    """The effect of one series of runs (``a``) or of a paired contrast (``a`` against ``b``), and whether it holds.

    ``share`` and ``mean`` hold when the estimate is at least (``higher``) or at most (``lower``) the
    threshold; ``difference`` and ``ratio`` in addition need the interval to exclude no effect.
    """
    a = np.asarray(a, float)
    if b is not None:
        b = np.asarray(b, float)
        keep = ~(np.isnan(a) | np.isnan(b))
        a, b = a[keep], b[keep]
    else:
        a = a[~np.isnan(a)]
    n = len(a)
    if n == 0:
        return NONE
    beyond = (lambda x: x >= threshold) if direction == "higher" else (lambda x: x <= threshold)   # noqa: E731
    if effect == "share":
        if not np.isin(a, (0.0, 1.0)).all():
            raise ValueError(f"a share needs measures of 0 or 1, got {sorted(set(a.tolist()))[:5]}")
        k = int(a.sum())
        ci = stats.binomtest(k, n).proportion_ci(CONFIDENCE, method="wilson")
        value = k / n
        return Estimate(value, float(ci.low), float(ci.high), n, bool(beyond(value)), bool(beyond(value)))
    if effect == "mean":
        value = float(a.mean())
        low, high = _t_interval(a)
        return Estimate(value, low, high, n, bool(beyond(value)), bool(beyond(value)))
    if effect == "difference":
        d = a - b
        value = float(d.mean())
        low, high = _t_interval(d)
        clear = low > 0 if direction == "higher" else high < 0
        return Estimate(value, low, high, n, bool(beyond(value) and clear), bool(beyond(value)))
    if effect == "ratio":
        if b.mean() == 0:
            return Estimate(math.nan, math.nan, math.nan, n, False, False)
        value = float(a.mean() / b.mean())
        low, high = _ratio_interval(a, b, seed)
        clear = low > 1 if direction == "higher" else high < 1
        return Estimate(value, low, high, n, bool(beyond(value) and clear), bool(beyond(value)))
    raise ValueError(f"effect {effect!r}; allowed: share, mean, difference, ratio")


def share_interval(k: int, n: int) -> tuple[float, float]:
    """Wilson 95% interval of k out of n (robustness shares, the all-patterns region)."""
    if n == 0:
        return math.nan, math.nan
    ci = stats.binomtest(k, n).proportion_ci(CONFIDENCE, method="wilson")
    return float(ci.low), float(ci.high)
