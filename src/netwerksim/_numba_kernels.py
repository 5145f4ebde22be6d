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
               unexamined: np.ndarray, analysis: np.ndarray, energy_drop: float, negativity_limit: float,
               representation: float, committed: float, spread: float, persist: float, effort_needed: float,
               standstill_share: float,
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
        holds[0, k] = quiet_open and talking and scattered and ideas[k] < ideas_needed and standstill[k] == 0
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
def _column_sums(a: np.ndarray) -> np.ndarray:
    """``np.add.reduce(a, 0)`` of a C-contiguous (n, K) float array: with K > 1 numpy adds the rows one after the
    other (each column from its first row on); with K == 1 the column is contiguous and numpy sums it pairwise."""
    n, K = a.shape
    out = np.zeros(K)
    if K == 1:
        out[0] = total(a[:, 0].copy())
        return out
    for i in range(n):
        for k in range(K):
            out[k] = a[i, k] if i == 0 else out[k] + a[i, k]
    return out


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


@njit(inline="always")
def _maximum(a: float, b: float) -> float:
    """``np.maximum`` of two floats: ``a`` where it is at least ``b`` or NaN, else ``b``."""
    return a if (a >= b or a != a) else b


@njit(inline="always")
def _minimum(a: float, b: float) -> float:
    """``np.minimum`` of two floats: ``a`` where it is at most ``b`` or NaN, else ``b``."""
    return a if (a <= b or a != a) else b


@njit(inline="always")
def _clip(x: float, low: float, high: float) -> float:
    """numpy's clip of a float to [low, high] (the ufunc: the maximum with ``low``, then the minimum with ``high``)."""
    return _minimum(_maximum(x, low), high)


@njit(nogil=True)
def _utility(margin: float, trust: float, cw: float, m0: float, m1: float, m2: float, shift: float,
             value_gain: float) -> float:
    """:func:`..mechanisms.contribution.utility` of one organisation with :func:`..mechanisms.leadership.motive_weights`
    (``shift``: the utility shift times the hierarchy): the weights' row sum as numpy sums three numbers."""
    moved = shift * (m1 + m2)
    w0 = m0 + moved
    w1 = m1 * (1.0 - shift)
    w2 = m2 * (1.0 - shift)
    norm = _maximum(((-0.0 + w0) + w1) + w2, 1e-9)
    instrumental = value_gain * margin
    affective = 2.0 * (trust - 0.5)
    return (instrumental * (w0 / norm) + affective * (w1 / norm)) + cw * (w2 / norm)


@njit(cache=True, nogil=True)
def value_week(own: np.ndarray, delta: np.ndarray, cw: np.ndarray, autonomy_ceded: np.ndarray, trust: np.ndarray,
               status: np.ndarray, contribution: np.ndarray, pledge: np.ndarray, hours: np.ndarray,
               heat: np.ndarray, perceived_value: np.ndarray, outside_option: np.ndarray, motives: np.ndarray,
               weeks_below: np.ndarray, benefit_scale: float, autonomy_hierarchy: float, contribution_cost: float,
               autonomy_cost: float, tolerance: float, fairness_penalty: float, exit_felt: bool, exit_push: float,
               smoothing: float, shift: float, value_gain: float, patience: float, exit_patience: float,
               return_margin: float) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """:func:`..mechanisms.value.update_value` after its matrix product (``own``: the focus times this week's
    progress, computed outside): gross benefit, cost, the give/take imbalance, benefit, perceived value, the staying
    utility, the weeks below and the next status (active 0, dormant 1, exited 2), per organisation with the same
    operations in the same order. Returns new (unfairness, benefit, perceived value, weeks below, status)."""
    O = len(own)
    shared = total(delta) / len(delta) if len(delta) else np.nan
    gross = np.empty(O)
    give = np.empty(O)
    take = np.empty(O)
    n_active = 0
    for o in range(O):
        active = 1.0 if status[o] == 0 else 0.0
        n_active += status[o] == 0
        gross[o] = benefit_scale * ((1 - cw[o]) * own[o] + cw[o] * shared)
        give[o] = ((hours[o] * pledge[o]) * contribution[o]) * active
        take[o] = _maximum(gross[o], 0.0) * active
    n = max(n_active, 1)
    given = total(give)
    taken = total(take)
    unfair = np.empty(O)
    benefit = np.empty(O)
    value = np.empty(O)
    below = np.empty_like(weeks_below)
    stance = np.empty(O)
    any_dormant = False
    any_long = False
    for o in range(O):
        active = 1.0 if status[o] == 0 else 0.0
        joined = status[o] <= 1
        ceded = autonomy_ceded[o] * (1.0 - trust[o]) + autonomy_hierarchy * (1.0 - autonomy_ceded[o])
        giving = 1.0 if status[o] == 1 else contribution[o]
        cost = (contribution_cost * giving) * pledge[o] + autonomy_cost * ceded
        give_share = give[o] / given if given > 0 else 0.0
        take_share = take[o] / taken if taken > 0 else 0.0
        imbalance = ((give_share - take_share) * n) * active
        unfair[o] = _maximum(0.0, imbalance - tolerance)
        b = (gross[o] - cost) - fairness_penalty * unfair[o]
        if exit_felt:
            b = b - exit_push * _clip01((heat[o] - 0.75) / 0.25)
        benefit[o] = b if joined else 0.0
        value[o] = ((1 - smoothing) * perceived_value[o] + smoothing * benefit[o]) if joined else perceived_value[o]
        stance[o] = _utility(value[o] - outside_option[o], trust[o], cw[o], motives[o, 0], motives[o, 1],
                             motives[o, 2], shift, value_gain)
        below[o] = weeks_below[o] + 1 if joined and stance[o] < 0 else 0
        any_dormant |= status[o] == 1
        any_long |= below[o] >= patience
    new = status.copy()
    if any_dormant or any_long:
        for o in range(O):
            if status[o] > 1:          # not joined: as it was
                continue
            if status[o] == 0 and below[o] >= patience:
                new[o] = 1
            if status[o] == 1 and below[o] >= exit_patience:
                new[o] = 2
            if status[o] == 1 and stance[o] > return_margin:
                new[o] = 0
    return unfair, benefit, value, below, new


@njit(cache=True, nogil=True)
def utilities(margin: np.ndarray, trust: np.ndarray, cw: np.ndarray, motives: np.ndarray, shift: float,
              value_gain: float, factor: float) -> np.ndarray:
    """``factor`` times :func:`..mechanisms.contribution.utility` per organisation, the motives weighted as
    :func:`..mechanisms.leadership.motive_weights` does (``shift``: the utility shift times the hierarchy)."""
    out = np.empty(len(margin))
    for o in range(len(margin)):
        out[o] = factor * _utility(margin[o], trust[o], cw[o], motives[o, 0], motives[o, 1], motives[o, 2], shift,
                                   value_gain)
    return out


@njit(cache=True, nogil=True)
def contribution_week(exp_term: np.ndarray, ownership: np.ndarray, separate: bool, separate_agreements: np.ndarray,
                      ambition: np.ndarray, focus: np.ndarray, separate_pull: float, has_ties: bool, pairs: np.ndarray,
                      pair_trust: np.ndarray, pair_count: np.ndarray, contribution: np.ndarray, status: np.ndarray,
                      tolerance: float, floor: float, mandate: np.ndarray, pledge: np.ndarray, prof_org: np.ndarray,
                      workload: np.ndarray, n_professionals: np.ndarray, workload_normal: float, crowding: float,
                      first_pledge: np.ndarray, adaptation: float) -> tuple[np.ndarray, np.ndarray]:
    """:func:`..mechanisms.contribution.decide_contributions` after the exponential of the willingness
    (``exp_term``: ``exp(-steepness * utility)``, computed outside): willingness, ownership, separate agreements,
    trust-weighted reciprocity (sums over the organisation pairs in their order), mandate, casework room and the
    move towards the target, per organisation with the same operations in the same order (no ties: reciprocity 1).
    Returns (the contribution moved, the same where active and 0 elsewhere)."""
    O = len(exp_term)
    total_trust = np.zeros(O)
    weighted = np.zeros(O)
    for q in range(len(pair_trust)):
        t = pair_trust[q] * pair_count[q]
        d = pairs[q, 1]
        total_trust[pairs[q, 0]] += t
        weighted[pairs[q, 0]] += t * (contribution[d] * (1.0 if status[d] == 0 else 0.0))
    load = np.zeros(O)
    for i in range(len(prof_org)):
        load[prof_org[i]] += workload[i]
    row = np.empty(ambition.shape[1])
    excess_scale = max(1.0 - workload_normal, 1e-9)
    moved = np.empty(O)
    given = np.empty(O)
    for o in range(O):
        want = (1.0 / (1.0 + exp_term[o])) * ownership[o]
        if separate:
            for k in range(len(row)):
                row[k] = _minimum(ambition[o, k], focus[o, k])
            want = want * (1.0 - (separate_pull * separate_agreements[o]) * (1.0 - total(row)))
        reciprocity = weighted[o] / total_trust[o] if total_trust[o] > 0 else 1.0
        if not has_ties:
            reciprocity = 1.0
        matched = _minimum(1.0, (reciprocity + tolerance) / _maximum(contribution[o], 1e-9))
        want = want * (floor + (1 - floor) * matched)
        want = _minimum(want, mandate[o] / _maximum(pledge[o], 1e-9))
        excess = _maximum(0.0, load[o] / n_professionals[o] - workload_normal) / excess_scale
        room = (_clip(1.0 - crowding * excess, 0.0, 1.0) * first_pledge[o]) / _maximum(pledge[o], 1e-9)
        target = _clip(want * _minimum(1.0, room), 0.0, 1.0)
        moved[o] = contribution[o] + adaptation * (target - contribution[o])
        given[o] = moved[o] if status[o] == 0 else 0.0
    return moved, given


@njit(cache=True, nogil=True)
def meetings_week(phase: np.ndarray, frequency: np.ndarray, growth: float, forum_active: np.ndarray,
                  member_prof: np.ndarray, member_forum: np.ndarray, member_org: np.ndarray,
                  member_active: np.ndarray, member_block: np.ndarray, block_forum: np.ndarray, exp_term: np.ndarray,
                  workload: np.ndarray, energy: np.ndarray, meeting_hours: np.ndarray, draws: np.ndarray,
                  status: np.ndarray, heat: np.ndarray, cancelled_felt: bool, cancelled: float,
                  base_attendance: float, workload_absence: float, effort_floor: float, value_absence: float,
                  fatigue: float, fatigue_threshold: float, covers: np.ndarray, hours: np.ndarray, level: np.ndarray,
                  any_level: bool, administrative_hours: float, dyad_cost: float, reporting: np.ndarray,
                  check_in: bool, check_in_hours: float, nao_hours: float, meets_a: np.ndarray, meets_b: np.ndarray,
                  meets_forum: np.ndarray, meets_tie: np.ndarray, co_located: np.ndarray, physical: np.ndarray,
                  n_ties: int, org_hours: np.ndarray, org_pledge: np.ndarray, negativity: np.ndarray):
    """:func:`..mechanisms.meetings.hold_meetings` around the exponential of the value factor (``exp_term`` per
    membership, computed outside), the uniform draws (``draws``, one per membership, from the mechanism's stream) and
    the reporting hours (:func:`..mechanisms.meetings.reporting_hours`, with its power): the meeting clocks,
    attendance chances, who is present, attendance per forum, delegations present, talk per issue (a sum over the
    forums in their order) and the negativity voiced there, the hours of meetings, preparation and check-ins (the
    NAO's relief over their pairwise sum), the ties that met and met in person, and the coordination load; the same
    operations in the same order. Returns (phase, met, attendance, talk, voiced, meeting hours, the ties met (indices),
    the ties met in person, coordination load)."""
    n_forums = len(phase)
    new_phase = np.empty(n_forums)
    count = np.empty(n_forums)
    met = np.empty(n_forums, np.bool_)
    for f in range(n_forums):
        x = phase[f] + growth / frequency[f]
        c = np.floor(x)
        new_phase[f] = x - c
        count[f] = c * (1.0 if forum_active[f] else 0.0)
        met[f] = count[f] > 0
    M = len(member_prof)
    present = np.empty(M, np.bool_)
    one_minus_floor = 1 - effort_floor
    for j in range(M):
        i, o = member_prof[j], member_org[j]
        tired = _clip(1 - fatigue * _maximum(0.0, meeting_hours[i] - fatigue_threshold), 0.0, 1.0)
        value = 1 - value_absence * (1 - 1 / (1 + exp_term[j]))
        chance = ((((base_attendance * (1 - workload_absence * workload[i]))
                    * (effort_floor + one_minus_floor * energy[i])) * value) * tired)
        if cancelled_felt:
            chance = chance * (1.0 - cancelled * _clip((heat[o] - 0.5) / 0.5, 0.0, 1.0))
        present[j] = draws[j] < chance and met[member_forum[j]] and status[o] == 0 and member_active[j]
    n_members = np.zeros(n_forums)
    n_present = np.zeros(n_forums)
    said = np.zeros(n_forums)
    blocks = np.zeros(len(block_forum))
    for j in range(M):
        f = member_forum[j]
        n_members[f] += 1.0 if member_active[j] else 0.0
        n_present[f] += 1.0 if present[j] else 0.0
        said[f] += negativity[member_prof[j]] if present[j] else 0.0
        blocks[member_block[j]] += 1.0 if present[j] else 0.0
    attendance = np.empty(n_forums)
    for f in range(n_forums):
        attendance[f] = n_present[f] / _maximum(n_members[f], 1.0) if met[f] else 0.0
    n_orgs = np.zeros(n_forums)
    for b in range(len(block_forum)):
        n_orgs[block_forum[b]] += 1.0 if blocks[b] > 0 else 0.0
    K = covers.shape[1]
    terms = np.empty((n_forums, K))
    n_held = np.zeros(K, np.int64)
    for f in range(n_forums):
        for k in range(K):
            held = covers[f, k] and met[f]
            terms[f, k] = attendance[f] * (1.0 if held else 0.0)
            n_held[k] += held
    talk = _column_sums(terms)
    for k in range(K):
        talk[k] = talk[k] / max(n_held[k], 1)
    spoken = np.empty((n_forums, K))
    heard = np.empty((n_forums, K))
    for f in range(n_forums):
        for k in range(K):
            on = 1.0 if (covers[f, k] and met[f]) else 0.0
            spoken[f, k] = said[f] * on
            heard[f, k] = n_present[f] * on
    voiced = _column_sums(spoken)
    people = _column_sums(heard)
    for k in range(K):
        voiced[k] = voiced[k] / _maximum(people[k], 1.0)
    per_meeting = np.empty(n_forums)
    preparing = np.empty(n_forums)
    for f in range(n_forums):
        length = hours[f] * (administrative_hours if level[f] == 1 else 1.0) if any_level else hours[f]
        per_meeting[f] = count[f] * length
        preparing[f] = count[f] * (((dyad_cost * n_orgs[f]) * (n_orgs[f] - 1)) / 2)
    P = len(meeting_hours)
    overhead = np.empty(M + P)
    for j in range(M):
        overhead[j] = (1.0 if present[j] else 0.0) * preparing[member_forum[j]]
    for i in range(P):
        overhead[M + i] = reporting[i]
    if nao_hours > 0:
        whole = total(overhead)
        if not whole <= 0:         # (a NaN sum relieves: Python's min(1.0, NaN) is 1.0)
            share = nao_hours / whole
            relief = 1.0 - (share if share < 1.0 else 1.0)
            for j in range(M + P):
                overhead[j] = overhead[j] * relief
    new_hours = np.zeros(P)
    for j in range(M):
        there = 1.0 if present[j] else 0.0
        h = there * per_meeting[member_forum[j]]
        if check_in:
            h = h + there * check_in_hours
        new_hours[member_prof[j]] += h + overhead[j]
    for i in range(P):
        new_hours[i] = new_hours[i] + overhead[M + i]
    tie_met = np.zeros(n_ties, np.bool_)
    in_person = np.zeros(n_ties, np.bool_)
    all_physical = True
    for f in range(n_forums):
        all_physical &= physical[f]
    for e in range(len(meets_a)):
        both = present[meets_a[e]] and present[meets_b[e]]
        if not both:
            continue
        t = meets_tie[e]
        tie_met[t] = True
        if all_physical or physical[meets_forum[e]] or co_located[t]:
            in_person[t] = True
    capacity = np.empty(len(status))
    n_active = 0
    for o in range(len(status)):
        if status[o] == 0:
            capacity[n_active] = org_hours[o] * org_pledge[o]
            n_active += 1
    whole_capacity = total(capacity[:n_active])
    load = total(new_hours) / whole_capacity if whole_capacity > 0 else 0.0
    return new_phase, met, attendance, talk, voiced, new_hours, np.flatnonzero(tie_met), in_person, load


@njit(cache=True, nogil=True)
def effort_week(hours: np.ndarray, pledge: np.ndarray, contribution: np.ndarray, status: np.ndarray,
                n_professionals: np.ndarray, prof_org: np.ndarray, energy: np.ndarray, meeting_hours: np.ndarray,
                effort_floor: float) -> tuple[np.ndarray, np.ndarray]:
    """The first part of :func:`..mechanisms.production.produce`, before its matrix product: each professional's
    productive hours (the organisation's hours given per professional, by energy, less meeting hours) and their sum
    per organisation in the professionals' order. Returns (per professional, per organisation)."""
    O = len(hours)
    per_head = np.empty(O)
    for o in range(O):
        per_head[o] = (((hours[o] * pledge[o]) * contribution[o]) * (1.0 if status[o] == 0 else 0.0)) / n_professionals[o]
    P = len(prof_org)
    effort = np.empty(P)
    by_org = np.zeros(O)
    for i in range(P):
        o = prof_org[i]
        effort[i] = _maximum(0.0, per_head[o] * (effort_floor + (1 - effort_floor) * energy[i]) - meeting_hours[i])
        by_org[o] += effort[i]
    return effort, by_org


@njit(cache=True, nogil=True)
def production_week(effort: np.ndarray, powered: np.ndarray, share: np.ndarray, covers: np.ndarray,
                    met: np.ndarray, talk: np.ndarray, coordination: np.ndarray, smoothing: float,
                    ambition: np.ndarray, coverage_threshold: float, kind: np.ndarray, required_kinds: np.ndarray,
                    rate: float, difficulty: np.ndarray, coordination_floor: float, aligned: float,
                    embedding: float, handed_over: np.ndarray, noise_size: float, normal: np.ndarray,
                    uniform: np.ndarray, breakthrough_chance: float, breakthrough_size: float, expected: np.ndarray,
                    delta: np.ndarray, progress: np.ndarray, attendance: np.ndarray, trust: np.ndarray,
                    met_index: np.ndarray):
    """:func:`..mechanisms.production.produce` after its matrix product and power (``share``, the effort share per
    issue, and ``powered``, its power of the elasticity, computed outside) with the draws made outside (``normal``,
    then ``uniform``, one per issue): coordination, the kinds at work, coverage, diversity, the progress rate, noise
    and breakthroughs, expectation, progress, the week's output (a pairwise sum) and what is learnt at the tables
    (means over the tables that met and the ties that met); the same operations in the same order. Returns
    (coordination, covered, diversity, expected, delta, progress, output, learning)."""
    n_forums, K = covers.shape
    n_kinds = required_kinds.shape[1]
    new_coordination = np.empty(K)
    for k in range(K):
        held = False
        for f in range(n_forums):
            if covers[f, k] and met[f]:
                held = True
                break
        this_week = talk[k] if held else coordination[k]
        new_coordination[k] = (1 - smoothing) * coordination[k] + smoothing * this_week
    at_work = np.zeros((K, n_kinds), np.int64)
    for o in range(len(effort)):
        if effort[o] > 0:
            for k in range(K):
                if ambition[o, k] >= coverage_threshold:
                    at_work[k, kind[o]] += 1
    covered = np.empty(K)
    diversity = np.empty(K)
    new_expected = np.empty(K)
    new_delta = np.empty(K)
    new_progress = np.empty(K)
    for k in range(K):
        need, have, n, same = 0, 0, 0, 0
        for c in range(n_kinds):
            need += required_kinds[k, c]
            have += at_work[k, c] > 0 and required_kinds[k, c]
            n += at_work[k, c]
            same += at_work[k, c] * (at_work[k, c] - 1)
        covered[k] = have / max(need, 1) if need > 0 else 1.0
        diversity[k] = 1.0 - same / max(n * (n - 1), 1) if n >= 2 else 0.0
        r = ((((rate / difficulty[k]) * powered[k]) * covered[k])
             * (coordination_floor + (1 - coordination_floor) * new_coordination[k])) * aligned
        r = r * (1 + embedding * (1.0 if handed_over[k] else 0.0))
        noise = _maximum(0.0, 1.0 + noise_size * normal[k])
        jump = ((1.0 if uniform[k] < breakthrough_chance * share[k] else 0.0) * breakthrough_size) / difficulty[k]
        new_expected[k] = (1 - smoothing) * expected[k] + smoothing * delta[k]
        new_delta[k] = r * noise + jump
        new_progress[k] = progress[k] + new_delta[k]
    output = total(new_delta)
    learning = 0.0
    n_met = 0
    for f in range(n_forums):
        n_met += met[f]
    if n_met > 0 and len(met_index):
        picked = np.empty(n_met)
        j = 0
        for f in range(n_forums):
            if met[f]:
                picked[j] = attendance[f]
                j += 1
        learning = (total(picked) / n_met) * (total(trust[met_index]) / len(met_index))
    return new_coordination, covered, diversity, new_expected, new_delta, new_progress, output, learning


@njit(cache=True, nogil=True)
def alignment_gaps(ambition: np.ndarray, focus: np.ndarray, pairs: np.ndarray, org_pair: np.ndarray,
                   met_index: np.ndarray, pair_heat: np.ndarray, pair_trust: np.ndarray, bound: float):
    """The first part of :func:`..mechanisms.alignment.update_alignment`, up to its matrix products (sums over the
    issues done outside as numpy's products do them): which organisation pairs met (a tie of theirs met), per
    organisation whether it met partners and the mean position of those it met (:func:`positions_argued`: sums over
    the pairs in their order), the absolute differences of its ambition to its interests and to that position, and
    for the pairs that met and talk in interests (heat below 0.5) the ambition gap, its absolute value and the
    confidence bound times their trust. Returns (met, |ambition - focus|, |ambition - heard|, the pairs' first
    organisation, gap, |gap|, bound x trust)."""
    O, K = ambition.shape
    n_pairs = len(pairs)
    pair_met = np.zeros(n_pairs, np.bool_)
    for j in range(len(met_index)):
        pair_met[org_pair[met_index[j]]] = True
    partners = np.zeros(O, np.int64)
    heard = np.zeros((O, K))
    n_cool = 0
    for q in range(n_pairs):
        if pair_met[q]:
            a, b = pairs[q, 0], pairs[q, 1]
            partners[a] += 1
            for k in range(K):
                heard[a, k] += ambition[b, k]
            n_cool += pair_heat[q] < 0.5
    met = np.empty(O, np.bool_)
    own = np.empty((O, K))
    other = np.empty((O, K))
    for o in range(O):
        met[o] = partners[o] > 0
        n = max(partners[o], 1)
        for k in range(K):
            own[o, k] = abs(ambition[o, k] - focus[o, k])
            other[o, k] = abs(ambition[o, k] - heard[o, k] / n)
    first = np.empty(n_cool, np.int64)
    gap = np.empty((n_cool, K))
    size = np.empty((n_cool, K))
    threshold = np.empty(n_cool)
    j = 0
    for q in range(n_pairs):
        if pair_met[q] and pair_heat[q] < 0.5:
            a, b = pairs[q, 0], pairs[q, 1]
            first[j] = a
            for k in range(K):
                gap[j, k] = ambition[a, k] - ambition[b, k]
                size[j, k] = abs(gap[j, k])
            threshold[j] = bound * pair_trust[q]
            j += 1
    return met, own, other, first, gap, size, threshold


@njit(cache=True, nogil=True)
def alignment_week(ambition: np.ndarray, has_pairs: bool, first: np.ndarray, gap: np.ndarray, distance: np.ndarray,
                   threshold: np.ndarray, rate: float, focus: np.ndarray, focus_concrete: np.ndarray,
                   concreteness: float, own_pull: float, representation: np.ndarray, status: np.ndarray,
                   room: float, room_squared: float, island_pull: float, shared: np.ndarray, pictured: bool,
                   picture: float, met: np.ndarray) -> tuple[np.ndarray, np.ndarray, float]:
    """:func:`..mechanisms.alignment.update_alignment` after its matrix products (``distance``: the total-variation
    distance of each pair's gap; ``focus_concrete``: the focus times the issues made concrete): the Deffuant round
    over the pairs within the bound (their pulls summed in their order), the pull towards the own interests, the room
    given, the shared picture (``pictured``: there is one; ``picture``: its pull times how fresh it is), the positions on issues left
    alone and the alignment index (a pairwise sum, as numpy's); the same operations in the same order. Returns (new
    ambition, for standstill, alignment)."""
    O, K = ambition.shape
    new = ambition.copy()
    if has_pairs:
        pull = np.zeros((O, K))
        partners = np.zeros(O, np.int64)
        for j in range(len(first)):
            if distance[j] < threshold[j]:
                a = first[j]
                partners[a] += 1
                for k in range(K):
                    pull[a, k] += gap[j, k]
        for o in range(O):
            n = max(partners[o], 1)
            for k in range(K):
                new[o, k] = ambition[o, k] - (rate * pull[o, k]) / n
    n_active = 0
    for o in range(O):
        active = 1.0 if status[o] == 0 else 0.0
        n_active += status[o] == 0
        own = ((own_pull * representation[o]) * active) * (1.0 + concreteness * focus_concrete[o])
        if room >= 0:
            island = island_pull * active
            for k in range(K):
                course = room_squared * focus[o, k] + (1.0 - room_squared) * shared[k]
                new[o, k] = new[o, k] + island * (course - new[o, k])
        for k in range(K):
            new[o, k] = new[o, k] + own * (focus[o, k] - new[o, k])
        if pictured:
            fresh = picture * active
            for k in range(K):
                new[o, k] = new[o, k] + fresh * (shared[k] - new[o, k])
    standstill = np.empty((O, K), np.bool_)
    for o in range(O):
        for k in range(K):
            standstill[o, k] = met[o] and new[o, k] < 0.05
    if n_active < 2:
        return new, standstill, 1.0
    rows = np.empty((n_active, K))
    j = 0
    for o in range(O):
        if status[o] == 0:
            rows[j] = new[o]
            j += 1
    mean = _column_sums(rows)
    for k in range(K):
        mean[k] = mean[k] / n_active
    spread = np.empty(n_active * K)
    j = 0
    for o in range(O):
        if status[o] == 0:
            for k in range(K):
                spread[j] = abs(new[o, k] - mean[k])
                j += 1
    return new, standstill, 1.0 - (0.5 * total(spread)) / n_active


@njit(cache=True, nogil=True)
def ambition_gaps(ambition: np.ndarray, pairs: np.ndarray) -> np.ndarray:
    """|ambition of a - ambition of b| per organisation pair (a, b), one row per pair: what
    :func:`..mechanisms.alignment.pair_distance` sums over the issues (outside, as numpy's product does)."""
    n, K = len(pairs), ambition.shape[1]
    out = np.empty((n, K))
    for q in range(n):
        a, b = pairs[q, 0], pairs[q, 1]
        for k in range(K):
            out[q, k] = abs(ambition[a, k] - ambition[b, k])
    return out


@njit(cache=True, nogil=True)
def conflict_week(distance: np.ndarray, pairs: np.ndarray, representation: np.ndarray, unvoiced: float,
                  any_rival: bool, rivalry: float, pair_rival: np.ndarray, pair_trust: np.ndarray,
                  unfairness: np.ndarray, distrust: float, unfair_weight: float, suppressed_weight: float,
                  rate: float, pair_heat: np.ndarray, pair_count: np.ndarray, tie_count: np.ndarray,
                  status: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, float]:
    """:func:`..mechanisms.conflict.update_conflict` after the pairs' total-variation distance (``distance``, a matrix
    product outside) and up to the network's temperature (a dot product, outside): suppressed interests, hidden
    rivalry (``rivalry``: its weight times the competition left unspoken), the heat driver and each pair's heat, then
    per organisation the mean heat of its ties (a sum over the pairs in their order) and the pairs' weights between
    active members; the same operations in the same order. Returns (pair heat, organisation heat, member weight,
    its sum)."""
    n = len(pairs)
    heat = np.empty(n)
    O = len(representation)
    org_heat = np.zeros(O)
    member_weight = np.empty(n)
    for q in range(n):
        a, b = pairs[q, 0], pairs[q, 1]
        suppressed = (representation[a] * distance[q]) * unvoiced
        rival = rivalry * (1.0 if pair_rival[q] else 0.0) if any_rival else 0.0
        driver = _clip((((distrust * _maximum(0.0, 0.5 - pair_trust[q])) / 0.5 + unfair_weight * unfairness[a])
                        + suppressed_weight * suppressed) + rival, 0.0, 1.0)
        heat[q] = pair_heat[q] + rate * (driver - pair_heat[q])
        org_heat[a] += pair_count[q] * heat[q]
        member_weight[q] = pair_count[q] * (1.0 if (status[a] == 0 and status[b] == 0) else 0.0)
    for o in range(O):
        org_heat[o] = org_heat[o] / _maximum(tie_count[o], 1.0)
    return heat, org_heat, member_weight, total(member_weight)


@njit(cache=True, nogil=True)
def context_week(promised: np.ndarray, status: np.ndarray, draws: np.ndarray, chance: float,
                 member_active: np.ndarray, member_org: np.ndarray, member_block: np.ndarray, block_forum: np.ndarray,
                 forum_active: np.ndarray, frequency: np.ndarray) -> tuple[float, float, int]:
    """The array part of :func:`..mechanisms.context.update_context` after its draws (``draws``: one uniform per
    organisation): the capacity shares of the active members whose own situation changed (summed pairwise, as numpy
    sums), and the pairs of active delegations per table per week (:func:`..mechanisms.context.pairs_per_table`
    over the open tables' intervals, summed pairwise); the scalar arithmetic stays outside. Returns (the shares
    changed, weekly pairs, active organisations)."""
    O = len(promised)
    weighted = np.empty(O)
    n_active = 0
    for o in range(O):
        weighted[o] = promised[o] * (1.0 if status[o] == 0 else 0.0)
        n_active += status[o] == 0
    scale = max(total(weighted), 1e-9)
    picked = np.empty(O)
    n = 0
    for o in range(O):
        if draws[o] < chance:
            picked[n] = weighted[o] / scale
            n += 1
    changed = total(picked[:n])
    blocks = np.zeros(len(block_forum))
    for j in range(len(member_org)):
        blocks[member_block[j]] += 1.0 if (member_active[j] and status[member_org[j]] == 0) else 0.0
    n_forums = len(frequency)
    delegations = np.zeros(n_forums)
    for b in range(len(block_forum)):
        delegations[block_forum[b]] += 1.0 if blocks[b] > 0 else 0.0
    weekly = np.empty(n_forums)
    for f in range(n_forums):
        d = delegations[f]
        weekly[f] = (((d * (d - 1)) / 2) * (1.0 if forum_active[f] else 0.0)) / frequency[f]
    return changed, total(weekly), n_active


@njit(cache=True, nogil=True)
def trust_evidence(prof_org: np.ndarray, delivery: np.ndarray, energy: np.ndarray, energy_weight: float,
                   grace: float, dst: np.ndarray, met: np.ndarray, suspicion: float, rival: np.ndarray,
                   draws: np.ndarray, physical: np.ndarray, evidence_rate: float, remote_factor: float,
                   rival_factor: float, heated: bool, pair_heat: np.ndarray, org_pair: np.ndarray,
                   sharing_loss: float, drives: bool, drives_factor: float) -> tuple[np.ndarray, np.ndarray]:
    """The evidence of :func:`..mechanisms.trust.update_trust` after its draws (``draws``: one uniform per tie): per
    tie that met (``met``), whether the other's side kept its word (its reliability, read as broken by a rival under
    unspoken competition) and the evidence's weight (remote, between rivals, less shared from vigilant on, more with
    drives shared); the same operations in the same order. Returns (kept, weight), one per tie met."""
    n = len(met)
    kept = np.empty(n, np.bool_)
    weight = np.empty(n)
    for j in range(n):
        t = met[j]
        d = dst[t]
        reliability = delivery[prof_org[d]] * (1 - energy_weight * (1 - energy[d]))
        chance = reliability + (1 - reliability) * grace
        if suspicion > 0:
            chance = chance * (1.0 - suspicion * (1.0 if rival[t] else 0.0))
        kept[j] = draws[t] < chance
        w = (evidence_rate * (1.0 if physical[t] else remote_factor)) * (rival_factor if rival[t] else 1.0)
        if heated:
            w = w * (1.0 - sharing_loss * _clip((pair_heat[org_pair[t]] - 0.25) / 0.75, 0.0, 1.0))
        if drives:
            w = w * drives_factor
        weight[j] = w
    return kept, weight


@njit(cache=True, nogil=True)
def demand_numbers(accountability_demand: np.ndarray, separate: float, separate_agreements: np.ndarray,
                   status: np.ndarray, hours: np.ndarray, pledge: np.ndarray) -> tuple[np.ndarray, int, float, bool, float]:
    """The numbers of :func:`..mechanisms.accountability.demand`: each partner's own demand, the active partners'
    number, the first active one's demand, whether every partner's is the same (numpy's minimum and maximum, a NaN
    passed on) and the network's, weighted by the active partners' capacity (sums pairwise, as numpy sums). Returns
    (own, active, first, same, asked)."""
    O = len(status)
    own = np.empty(O)
    for o in range(O):
        own[o] = accountability_demand[o] * (1.0 + separate * separate_agreements[o])
    n_active = 0
    for o in range(O):
        n_active += status[o] == 0
    if n_active == 0:
        return own, 0, 0.0, True, 0.0
    first = 0.0
    weights = np.empty(n_active)
    j = 0
    for o in range(O):
        if status[o] == 0:
            if j == 0:
                first = own[o]
            weights[j] = hours[o] * pledge[o]
            j += 1
    lo, hi = own[0], own[0]
    for o in range(1, O):
        lo, hi = _minimum(lo, own[o]), _maximum(hi, own[o])
    if lo == hi:
        return own, n_active, first, True, first
    if not total(weights) > 0:
        return own, n_active, first, False, first
    products = np.empty(n_active)
    j = 0
    for o in range(O):
        if status[o] == 0:
            products[j] = (own[o] - first) * weights[j]
            j += 1
    return own, n_active, first, False, first + total(products) / total(weights)


@njit(cache=True, nogil=True)
def delivered_numbers(status: np.ndarray, hours: np.ndarray, pledge: np.ndarray,
                      contribution: np.ndarray) -> tuple[bool, float, float]:
    """The weighted means :func:`..mechanisms.accountability.update_accountability` takes over the active partners,
    weighted by their capacity: whether the weights sum above 0, the share delivered and what is put in (each a
    pairwise sum of products over the pairwise sum of the weights, as ``numeric.weighted_mean``)."""
    n_active = 0
    for o in range(len(status)):
        n_active += status[o] == 0
    weights = np.empty(n_active)
    given = np.empty(n_active)
    put_in = np.empty(n_active)
    j = 0
    for o in range(len(status)):
        if status[o] == 0:
            weights[j] = hours[o] * pledge[o]
            given[j] = contribution[o] * weights[j]
            put_in[j] = (pledge[o] * contribution[o]) * weights[j]
            j += 1
    whole = total(weights)
    if not whole > 0:
        return False, 0.0, 0.0
    return True, total(given) / whole, total(put_in) / whole
