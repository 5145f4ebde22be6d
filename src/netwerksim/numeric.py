"""numpy's own operations without the Python wrappers around them, for the step's many small arrays.

A week of a small network makes about a thousand numpy calls on arrays of a few to a few hundred elements, so the
wrappers' Python (``np.clip`` dispatching to ``ndarray.clip`` to ``_methods._clip``; ``ndarray.mean``'s checks) costs
more than the arithmetic: 10 against 3 us a call on this machine. These call what the wrappers end in, so every result
is the same bit for bit (``tests/test_numeric.py``; ``benchmarks/fingerprints.py``).
"""

from __future__ import annotations

import numpy as np

try:
    from numpy._core.umath import clip as _clip
except ImportError:     # pragma: no cover - numpy moved its ufuncs
    _clip = np.clip


def clip(x, low, high):
    """``np.clip(x, low, high)`` for float arrays and scalars with both bounds given: the ufunc it ends in."""
    return _clip(x, low, high)


def mean(x: np.ndarray) -> float:
    """``float(x.mean())`` (the sum over the length, as ``ndarray.mean`` computes it), NaN for an empty array."""
    return float(x.sum()) / len(x) if len(x) else float("nan")


def weighted_mean(x: np.ndarray, weights: np.ndarray) -> float:
    """``float(np.average(x, weights=weights))`` for float arrays with weights that do not sum to 0: the sum of the
    products over the sum of the weights, as ``np.average`` computes it."""
    return float((x * weights).sum() / weights.sum())
