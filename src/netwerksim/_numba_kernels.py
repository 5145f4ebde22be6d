"""The numba kernels of :mod:`.kernels` (imported only when one is wanted: numba takes about half a second)."""

from __future__ import annotations

import numpy as np
from numba import njit


@njit(cache=True, nogil=True)
def learn_trust(r: np.ndarray, s: np.ndarray, trust: np.ndarray, met: np.ndarray, weight: np.ndarray,
                kept: np.ndarray, forgetting: float, negative_weight: float) -> None:
    """:func:`..mechanisms.trust.learn` fused: every tie forgets, the ties ``met`` (ascending) add this week's
    evidence ``weight`` (kept or broken), and trust becomes (r + 1) / (r + s + 2); in place."""
    j = 0
    n_met = len(met)
    for i in range(len(r)):
        ri = r[i] * forgetting
        si = s[i] * forgetting
        if j < n_met and met[j] == i:
            positive = weight[j] * (1.0 if kept[j] else 0.0)
            ri = ri + positive
            si = si + negative_weight * (weight[j] - positive)
            j += 1
        r[i] = ri
        s[i] = si
        trust[i] = (ri + 1.0) / ((ri + si) + 2.0)
