"""numpy's own operations without the Python wrappers around them, for the step's many small arrays.

A week of a small network makes about a thousand numpy calls on arrays of a few to a few hundred elements, so the
wrappers' Python (``np.clip`` dispatching to ``ndarray.clip`` to ``_methods._clip``; ``ndarray.mean``'s checks;
``ndarray.sum``, ``any``, ``all`` and ``max`` forwarding to ``numpy/_core/_methods.py``) costs more than the arithmetic:
10 against 3 us a call on this machine (``np.mean`` over a window of rows 60 against 15 us). These call what the
wrappers end in, so every result is the same bit for bit (``tests/test_numeric.py``; ``benchmarks/fingerprints.py``).
"""

from __future__ import annotations

import numpy as np

try:
    from numpy._core.umath import clip as _clip
except ImportError:     # pragma: no cover - numpy moved its ufuncs
    _clip = np.clip

_sum, _any, _all, _max = np.add.reduce, np.logical_or.reduce, np.logical_and.reduce, np.maximum.reduce

# np.where and np.bincount without the __array_function__ dispatch in front of them (NEP 18's ``_implementation``:
# the C function itself; 1.6 against 2.2 us a call here), the same function and so the same result
where = getattr(np.where, "_implementation", np.where)
bincount = getattr(np.bincount, "_implementation", np.bincount)


def clip(x, low, high):
    """``np.clip(x, low, high)`` for float arrays and scalars with both bounds given: the ufunc it ends in."""
    return _clip(x, low, high)


def mean(x: np.ndarray) -> float:
    """``float(x.mean())`` (the sum over the length, as ``ndarray.mean`` computes it), NaN for an empty array."""
    return float(_sum(x, None)) / len(x) if len(x) else float("nan")


def weighted_mean(x: np.ndarray, weights: np.ndarray) -> float:
    """``float(np.average(x, weights=weights))`` for float arrays with weights that do not sum to 0: the sum of the
    products over the sum of the weights, as ``np.average`` computes it."""
    return float(_sum(x * weights, None) / _sum(weights, None))


def summed(x, axis=None, keepdims=False):
    """``x.sum(axis, keepdims=keepdims)``: the reduction ``ndarray.sum`` ends in (``_methods._sum``)."""
    return _sum(x, axis, None, None, keepdims)


def any_true(x, axis=None):
    """``x.any(axis)``: the reduction ``ndarray.any`` ends in (``_methods._any``)."""
    return _any(x, axis)


def all_true(x, axis=None):
    """``x.all(axis)``: the reduction ``ndarray.all`` ends in (``_methods._all``)."""
    return _all(x, axis)


def largest(x, axis=None, initial=0.0):
    """``x.max(axis, initial=initial)``: the reduction ``ndarray.max`` ends in (``_methods._amax``)."""
    return _max(x, axis, None, None, False, initial)


class RecentRows:
    """The last ``n`` rows of a weekly quantity in one array, oldest first, with a spare row after them: what
    ``np.mean(np.array(rows), axis=0)`` of the rows kept in a ``deque(maxlen=n)`` gives (the sum over the first axis in
    the rows' order divided by their number, as ``_methods._mean`` computes it), without stacking a list every week:
    the same rows, in the same order, in an array of the same layout, so the same sums."""

    def __init__(self, n: int):
        self.n = n
        self.count = 0
        self._rows: np.ndarray | None = None    # (n + 1, *shape); the last row for :meth:`mean_with`

    def __len__(self) -> int:
        return self.count

    def append(self, row: np.ndarray) -> None:
        """Keep ``row`` (copied); the oldest goes once there are ``n``."""
        if self._rows is None:
            self._rows = np.zeros((self.n + 1, *np.shape(row)), np.asarray(row).dtype)
        if self.count < self.n:
            self._rows[self.count] = row
            self.count += 1
        else:
            self._rows[:-2] = self._rows[1:-1]      # numpy copies overlapping slices as if through a temporary
            self._rows[-2] = row

    def mean(self) -> np.ndarray:
        """The mean of the rows kept (at least one), as ``np.mean`` over the first axis."""
        return np.true_divide(_sum(self._rows[:self.count], 0), self.count)

    def total(self) -> np.ndarray:
        """The sum of the rows kept (at least one), in their order."""
        return _sum(self._rows[:self.count], 0)

    def total_with(self, row: np.ndarray) -> np.ndarray:
        """The sum of the rows kept (none: nothing) and then ``row``."""
        return row + self.total() if self.count else np.array(row, float)

    def mean_with(self, row: np.ndarray) -> np.ndarray:
        """The mean of the rows kept and then ``row`` (the rows kept must be ``n``)."""
        self._rows[-1] = row
        return np.true_divide(_sum(self._rows, 0), self.n + 1)
