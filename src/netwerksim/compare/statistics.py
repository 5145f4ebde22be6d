"""The comparison's numbers: each option's outcome with a 95% interval, and its paired difference from the baseline.

Every option runs with the same seeds, so a run of an option and the baseline's run with the same seed
form a pair. What interval fits depends on the outcome:

- a yes/no outcome (a netwerkdip, a doorstart, a stuck situation): the share of runs with a Wilson
  score interval (``scipy.stats.binomtest(k, n).proportion_ci("wilson")``; Wilson 1927), which stays
  within 0-100% and is never a single point, so 30 dips in 30 runs reads 89-100%, not 100-100%;
- the difference of two such shares over paired runs: Newcombe's square-and-add interval for paired
  proportions (Newcombe 1998, Stat Med 17:2635-2650, method 10: the two Wilson intervals combined with
  the correlation of the pairs; recommended by Fagerland, Lydersen & Laake 2014);
- every other outcome: the mean with a Student-t interval (``scipy.stats.t``), and the mean of the
  paired differences with a t-interval over those differences. An outcome that is the same in every
  run has no interval (``method`` "constant"): the report says "in every run" instead.

Coverage of the Wilson and Newcombe intervals is checked by simulation in tests/test_compare_statistics.py.

With the smallest difference that matters to the client (``relevant``, in the outcome's unit) a difference
is read against it (:func:`relevance`): the interval inside the band ±relevant, beyond it, or across its edge
(the interval reading of an equivalence test; Lakens 2017, Soc Psychol Personal Sci 8:355-362).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Mapping

import numpy as np
import pandas as pd
from scipy import stats

LEVEL = 0.95      # two-sided level of every interval


@dataclass(frozen=True)
class Interval:
    """An estimate with its 95% interval over ``n`` runs (or pairs); ``count``: runs with 'yes' (shares only)."""

    value: float
    low: float
    high: float
    n: int
    method: str              # "wilson", "t", "newcombe", "constant" (no spread: no interval) or "none" (too few runs)
    count: float = math.nan

    @property
    def clear(self) -> bool:
        """The interval excludes 0 (for a difference: the option differs from the baseline)."""
        return bool(self.low > 0 or self.high < 0) if self.method not in ("none",) else False


NONE = Interval(math.nan, math.nan, math.nan, 0, "none")


def share_interval(yes: np.ndarray) -> Interval:
    """The share of runs with 'yes' (values 0/1; NaN left out) and its Wilson score interval."""
    x = _defined(yes)
    n, k = len(x), int(x.sum())
    if n == 0:
        return NONE
    ci = stats.binomtest(k, n).proportion_ci(LEVEL, method="wilson")
    return Interval(k / n, float(ci.low), float(ci.high), n, "wilson", float(k))


def mean_interval(values: np.ndarray, bounds: tuple[float, float] = (-math.inf, math.inf)) -> Interval:
    """The mean of the defined values with a Student-t interval, kept within ``bounds`` (what a run can give)."""
    x = _defined(values)
    n = len(x)
    if n == 0:
        return NONE
    mean = float(x.mean())
    if np.ptp(x) <= 1e-9 * max(1.0, abs(mean)):      # the same in every run, up to rounding of floats
        return Interval(mean, mean, mean, n, "constant")
    if n < 2:
        return Interval(mean, math.nan, math.nan, n, "none")
    low, high = stats.t.interval(LEVEL, n - 1, loc=mean, scale=stats.sem(x))
    return Interval(mean, max(float(low), bounds[0]), min(float(high), bounds[1]), n, "t")


def paired_share_difference(option: np.ndarray, base: np.ndarray) -> Interval:
    """Share of 'yes' with the option minus with the baseline over paired runs: Newcombe's interval (method 10)."""
    a, b = _pairs(option, base)
    n = len(a)
    if n == 0:
        return NONE
    a, b = a.astype(bool), b.astype(bool)
    both, only_option, only_base = int((a & b).sum()), int((a & ~b).sum()), int((~a & b).sum())
    neither = n - both - only_option - only_base
    p1, p2 = (both + only_option) / n, (both + only_base) / n
    w1, w2 = share_interval(a.astype(float)), share_interval(b.astype(float))
    margins = [both + only_option, only_base + neither, both + only_base, only_option + neither]
    phi = 0.0
    if min(margins) > 0:     # the correlation of the pairs, with Newcombe's continuity correction when positive
        ad_bc = both * neither - only_option * only_base
        root = math.sqrt(math.prod(float(m) for m in margins))
        phi = (ad_bc - n / 2) / root if ad_bc > n / 2 else (ad_bc / root if ad_bc < 0 else 0.0)
    d = p1 - p2
    low = d - math.sqrt(max(0.0, (p1 - w1.low) ** 2 + (w2.high - p2) ** 2 - 2 * phi * (p1 - w1.low) * (w2.high - p2)))
    high = d + math.sqrt(max(0.0, (p2 - w2.low) ** 2 + (w1.high - p1) ** 2 - 2 * phi * (p2 - w2.low) * (w1.high - p1)))
    return Interval(d, max(low, -1.0), min(high, 1.0), n, "newcombe")


def paired_mean_difference(option: np.ndarray, base: np.ndarray) -> Interval:
    """Mean of the per-seed differences option - baseline (pairs with a missing value left out), t-interval."""
    a, b = _pairs(option, base)
    return mean_interval(a - b)


def relevance(low: float, high: float, relevant: float) -> str:
    """How a difference with 95% interval [low, high] reads against the smallest difference that matters
    (``relevant`` > 0): "negligible" when the whole interval lies within ±relevant, "relevant" when it lies
    wholly at or beyond it on one side, else "uncertain" (also when there is no interval)."""
    if math.isnan(low) or math.isnan(high):
        return "uncertain"
    if -relevant < low and high < relevant:
        return "negligible"
    if low >= relevant or high <= -relevant:
        return "relevant"
    return "uncertain"


def _defined(values) -> np.ndarray:
    x = np.asarray(values, dtype=float)
    return x[~np.isnan(x)]


def _pairs(option, base) -> tuple[np.ndarray, np.ndarray]:
    a, b = np.asarray(option, dtype=float), np.asarray(base, dtype=float)
    keep = ~(np.isnan(a) | np.isnan(b))
    return a[keep], b[keep]


COLUMNS = ("option", "metric", "n", "count", "mean", "low", "high", "interval",
           "diff_n", "diff", "diff_low", "diff_high", "diff_interval", "clear", "relevance")


def summarise(table: pd.DataFrame, options: list[str], baseline: str, metrics: dict,
              relevant: Mapping[str, float] | None = None) -> pd.DataFrame:
    """Per option and metric: the estimate with its interval, and the paired difference from the baseline.

    ``table`` has one row per option and replication; ``metrics`` maps each metric's name to its
    :class:`~netwerksim.metrics.Metric` (whether it is yes/no, and the values a run can give); ``relevant``
    the smallest difference that matters per metric: the difference's :func:`relevance` ("" without one)."""
    relevant = relevant or {}
    base = table[table["option"] == baseline].set_index("replication")
    rows = []
    for option in options:
        runs = table[table["option"] == option].set_index("replication")
        paired = base.reindex(runs.index)
        for name, metric in metrics.items():
            if metric.yes_no:
                own = share_interval(runs[name].to_numpy())
                diff = NONE if option == baseline else paired_share_difference(runs[name].to_numpy(),
                                                                                paired[name].to_numpy())
            else:
                own = mean_interval(runs[name].to_numpy(), metric.bounds)
                diff = NONE if option == baseline else paired_mean_difference(runs[name].to_numpy(),
                                                                               paired[name].to_numpy())
            rows.append({"option": option, "metric": name, "n": own.n, "count": own.count, "mean": own.value,
                         "low": own.low, "high": own.high, "interval": own.method, "diff_n": diff.n,
                         "diff": diff.value, "diff_low": diff.low, "diff_high": diff.high,
                         "diff_interval": diff.method, "clear": diff.clear,
                         "relevance": relevance(diff.low, diff.high, relevant[name])
                         if name in relevant and option != baseline else ""})
    return pd.DataFrame(rows, columns=list(COLUMNS))
