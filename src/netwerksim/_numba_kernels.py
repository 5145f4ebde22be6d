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


@njit(cache=True, nogil=True)
def pair_and_organisation_trust(org_pair: np.ndarray, trust: np.ndarray, pair_count: np.ndarray, pairs: np.ndarray,
                                org_tie_count: np.ndarray, n_orgs: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """:func:`..mechanisms.trust.refresh_pairs` fused: the mean trust per organisation pair (a ``bincount`` over the
    ties in their order, divided by the pair's ties), then per organisation the mean over the ties it holds in
    partners and partners hold in it (0.5 without ties); new arrays, the same additions in the same order."""
    n_pairs = len(pair_count)
    pair_trust = np.zeros(n_pairs)
    for i in range(len(org_pair)):
        pair_trust[org_pair[i]] += trust[i]
    for q in range(n_pairs):
        pair_trust[q] = pair_trust[q] / pair_count[q]
    given = np.full(n_orgs, 0.5)
    received = np.full(n_orgs, 0.5)
    if n_pairs == 0:
        return pair_trust, given, received
    for side in range(2):
        out = given if side == 0 else received
        total = np.zeros(n_orgs)
        for q in range(n_pairs):
            total[pairs[q, side]] += pair_count[q] * pair_trust[q]
        for o in range(n_orgs):
            n = org_tie_count[side, o]
            if n > 0:
                out[o] = total[o] / max(n, 1.0)
    return pair_trust, given, received


@njit(cache=True, nogil=True)
def stuck_week(streak: np.ndarray, full: bool, counts: np.ndarray, experiment_left: np.ndarray, talk: np.ndarray,
               phase: np.ndarray, ideas: np.ndarray, ideas_needed: float, convergence: np.ndarray,
               negativity: np.ndarray, meetings: np.ndarray, held_line: np.ndarray, standstill: np.ndarray,
               energy: np.ndarray, energy_then: np.ndarray, top: np.ndarray, behind: np.ndarray,
               covered: np.ndarray, handed_over: np.ndarray, weeks_in_phase: np.ndarray, effort_share: np.ndarray,
               unexamined: np.ndarray, analysis: np.ndarray, energy_drop: float, negativity_limit: float, representation: float,
               committed: float, spread: float, persist: float, effort_needed: float, standstill_share: float,
               experiment: int, implementation: int) -> tuple[np.ndarray, np.ndarray]:
    """:func:`..observers.stuck.conditions` and the streaks of :meth:`..observers.stuck.StuckDetector.observe` fused:
    the fourteen conditions per issue from this week's numbers (computed outside, as the reference computes them:
    the window's means, counts and matrix products), then each streak one week on. Comparisons and the same
    products with the same scalars, so the same booleans; returns (holds (14, K), the new streaks)."""
    K = len(phase)
    holds = np.zeros((14, K), np.bool_)
    new = np.empty_like(streak)
    for k in range(K):
        started, failed = counts[0, k] > 0, counts[2, k] > 0
        succeeded, sent_back = counts[3, k] > 0, counts[4, k] > 0
        quiet = full and not started and experiment_left[k] == 0
        talking = full and talk[k] > 0.15
        not_done = phase[k] < implementation
        quiet_open = quiet and not_done
        ideas_enough, scattered = ideas[k] >= ideas_needed, convergence[k] < 0.3
        trying, not_taken_over, met = phase[k] >= experiment, not handed_over[k], meetings[k] > 0
        holds[0, k] = quiet_open and talking and scattered and ideas[k] < ideas_needed
        holds[1, k] = failed and energy[k] < energy_then[k] - energy_drop and not succeeded
        holds[2, k] = trying and covered[k] < 1.0
        holds[3, k] = full and started and counts[1, k] == counts[0, k]
        holds[4, k] = quiet_open and analysis[k]
        holds[5, k] = negativity[k] >= negativity_limit
        holds[6, k] = quiet_open and ideas_enough and scattered
        holds[7, k] = quiet_open and sent_back
        holds[8, k] = unexamined[k] and not_done
        holds[9, k] = met and held_line[k] >= representation * meetings[k]
        holds[10, k] = quiet_open and not sent_back and met and standstill[k] >= standstill_share * meetings[k]
        holds[11, k] = full and top[k] >= committed and behind[k] >= spread
        holds[12, k] = phase[k] == implementation and not_taken_over and weeks_in_phase[k] >= persist
        holds[13, k] = trying and not_taken_over and effort_share[k] < 0.6 * effort_needed
        for i in range(14):
            s = streak[i, k]
            new[i, k] = (max(s, 0) + 1) if holds[i, k] else (min(s, 0) - 1)
    return holds, new


@njit(inline="always")
def _clip01(x: float) -> float:
    """numpy's clip of a float to [0, 1]: max then min, a NaN passed on, the bound where x is not beyond it."""
    if x != x:
        return x
    x = x if x > 0.0 else 0.0
    return x if x < 1.0 else 1.0


@njit(inline="always")
def _at_least_zero(x: float) -> float:
    """``np.maximum(0.0, x)``: 0.0 unless x is larger (or NaN)."""
    return 0.0 if (0.0 >= x) else x


@njit(cache=True, nogil=True)
def energy_week(negativity: np.ndarray, energy: np.ndarray, src: np.ndarray, dst: np.ndarray, met: np.ndarray,
                org: np.ndarray, heat: np.ndarray, drive: np.ndarray, progress: np.ndarray, expected: np.ndarray,
                meeting_hours: np.ndarray, workload: np.ndarray, effort: np.ndarray, spread: float, decay: float,
                from_heat: float, energy_drain: float, progress_gain: float, setback_loss: float,
                meeting_drain: float, fatigue_threshold: float, contribution_drain: float, recovery: float,
                loss_aversion: float) -> tuple[np.ndarray, np.ndarray]:
    """:func:`..mechanisms.energy.update_energy` after its two matrix products (``progress`` and ``expected`` per
    professional, computed outside): negativity spreads along the ties that met (two ``bincount`` over them in their
    order), is heated by conflict, drains energy, and energy changes; the same operations in the same order per
    professional. Returns new (negativity, energy)."""
    P = len(negativity)
    n_met = np.zeros(P, np.int64)
    heard = np.zeros(P)
    for j in range(len(met)):
        i = met[j]
        listener = src[i]
        n_met[listener] += 1
        heard[listener] += negativity[dst[i]]
    new_negativity = np.empty(P)
    new_energy = np.empty(P)
    keep = 1 - decay
    for i in range(P):
        x = negativity[i]
        h = heard[i] / max(n_met[i], 1)
        pulled = x + (spread * _at_least_zero(h - x)) * (1.0 if n_met[i] > 0 else 0.0)
        x = _clip01(pulled * keep)
        x = _clip01(x + from_heat * heat[org[i]])
        new_negativity[i] = x
        e = _clip01(energy[i] - energy_drain * x)
        gain = progress_gain * progress[i]
        loss = (setback_loss * _at_least_zero(expected[i] - progress[i])
                + meeting_drain * _at_least_zero(meeting_hours[i] - fatigue_threshold)
                + (contribution_drain * workload[i]) * (1.0 if effort[i] > 0 else 0.0))
        new_energy[i] = _clip01(((e + recovery * (drive[i] - e)) + gain) - loss_aversion * loss)
    return new_negativity, new_energy


@njit(nogil=True)
def _block(a: np.ndarray, lo: int, n: int) -> float:
    """numpy's pairwise sum of a block of at most 128: below 8 sequentially from -0.0, else in eight running sums."""
    if n < 8:
        res = -0.0
        for i in range(lo, lo + n):
            res += a[i]
        return res
    r0, r1, r2, r3 = a[lo], a[lo + 1], a[lo + 2], a[lo + 3]
    r4, r5, r6, r7 = a[lo + 4], a[lo + 5], a[lo + 6], a[lo + 7]
    i = 8
    m = n - (n % 8)
    while i < m:
        j = lo + i
        r0 += a[j]
        r1 += a[j + 1]
        r2 += a[j + 2]
        r3 += a[j + 3]
        r4 += a[j + 4]
        r5 += a[j + 5]
        r6 += a[j + 6]
        r7 += a[j + 7]
        i += 8
    res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7))
    while i < n:
        res += a[lo + i]
        i += 1
    return res


@njit(nogil=True)
def _pairwise(a: np.ndarray, lo: int, n: int) -> float:
    """numpy's pairwise summation of ``a[lo:lo + n]`` (``np.add.reduce`` of a float64 array: blocks of at most 128 as
    :func:`_block`, a longer range split in two at half its length rounded down to a multiple of 8 and the halves'
    sums added), so the same bits (tests/test_kernels.py compares lengths 0 to 1,100 and beyond). numpy recurses;
    this walks the same tree with a stack of its own (numba's cache cannot load a function that calls a recursive
    one: the process crashes)."""
    if n <= 128:
        return _block(a, lo, n)
    los = np.empty(64, np.int64)     # the ranges being summed, the root first (depth at most log2(n / 128) + 1)
    ns = np.empty(64, np.int64)
    left = np.empty(64)              # a range's left half's sum, once known
    done_left = np.zeros(64, np.bool_)
    top = 0
    los[0], ns[0] = lo, n
    while True:
        m = ns[top]
        if m > 128:                          # split: its left half first
            half = m // 2
            half -= half % 8
            top += 1
            los[top], ns[top], done_left[top] = los[top - 1], half, False
            continue
        value = _block(a, los[top], m)       # a leaf; then hand sums up as far as both halves are known
        while True:
            if top == 0:
                return value
            top -= 1
            if not done_left[top]:           # its left half: keep it, go on with the right half
                left[top], done_left[top] = value, True
                half = ns[top] // 2
                half -= half % 8
                top += 1
                los[top], ns[top], done_left[top] = los[top - 1] + half, ns[top - 1] - half, False
                break
            value = left[top] + value        # its right half: the range's sum, handed up
            done_left[top] = False


@njit(nogil=True)
def total(a: np.ndarray) -> float:
    """``float(np.add.reduce(a))`` of a contiguous float64 array (0.0 when empty)."""
    return _pairwise(a, 0, len(a)) if len(a) else 0.0


@njit(nogil=True)
def _mean_where(x: np.ndarray, mask: np.ndarray) -> float:
    """``numeric.mean(x[mask])``: the pairwise sum of the elements picked, in their order, over their number."""
    picked = x[mask]
    return total(picked) / len(picked) if len(picked) else np.nan


@njit(cache=True, nogil=True)
def indicator_numbers(trust: np.ndarray, energy: np.ndarray, negativity: np.ndarray, meeting_hours: np.ndarray,
                      members: np.ndarray, status: np.ndarray, pending: int, active: np.ndarray, promised: np.ndarray,
                      given: np.ndarray, attendance: np.ndarray, met: np.ndarray, perceived_value: np.ndarray,
                      outside_option: np.ndarray, existential_band: float, ownership: np.ndarray, joined: np.ndarray,
                      delta: np.ndarray, progress: np.ndarray) -> np.ndarray:
    """The reductions of :func:`..observers.indicators.network_indicators` where every organisation is a member (the
    arrays then are the members'): mean trust, the social capital (trust above neutral), mean energy, the joint
    contribution, attendance, meeting hours, perceived value, existential questions, output, progress, ownership,
    negativity and the interests' condition, in this order. Each sum pairwise over the same elements in the same
    order as numpy sums them, so the same bits."""
    out = np.empty(13)
    out[0] = total(trust) / len(trust) if len(trust) else np.nan
    above = 2 * trust
    above -= 1
    for i in range(len(above)):
        if not (above[i] >= 0 or above[i] != above[i]):
            above[i] = 0.0
    out[1] = total(above) / len(above) if len(above) else np.nan
    out[2] = total(energy) / len(energy) if len(energy) else np.nan
    promised_total = total(promised[status != pending])
    out[3] = total(given) / promised_total if promised_total > 0 else 0.0
    out[4] = _mean_where(attendance, met)
    out[5] = _mean_where(meeting_hours, members)
    out[6] = _mean_where(perceived_value, active)
    questions = 0
    n_joined = 0
    for o in range(len(joined)):
        if joined[o]:
            n_joined += 1
            if perceived_value[o] - outside_option[o] < existential_band:
                questions += 1
    out[7] = questions / n_joined if n_joined else np.nan
    out[8] = total(delta)
    out[9] = total(progress)
    out[10] = _mean_where(ownership, active)
    out[11] = total(negativity) / len(negativity) if len(negativity) else np.nan
    served = 0
    n_active = 0
    for o in range(len(active)):
        if active[o]:
            n_active += 1
            if perceived_value[o] > outside_option[o]:
                served += 1
    out[12] = served / n_active if n_active else 0.0
    return out
