"""Mechanism 3: ambition alignment by bounded confidence, with a bound that grows with trust.

Each organisation holds an ambition: a distribution over the network's issues saying what the network
should work on. It starts mostly as the shared ambition (003 L4614-4622). Organisations whose people
met this week move their ambitions towards each other when the distance (half the L1 distance, in
[0, 1]) is within ``alignment.bound`` times their mutual trust (the mean over the pair's ties) (Deffuant et al. 2000, anchors_peers 1.5).
Meanwhile each ambition is pulled towards the organisation's own interests in proportion to its
representative weight (003 L4656-4658, R37h; 002 V10), more strongly once experiments make the plans
concrete on the issues it cares about (002 L1022-1035, R36). Falling trust shrinks the bound, so the shared
ambition cracks into factions: the "hairline cracks" of 003 L4660-4672 (R37i). When the network
gives partners much room to go their own way, ambitions drift to their own interests too: everyone on
a craft island of their own (000 L396-402, A-R23; governance ``room``). A picture of the region that
the partners made together (joint fact finding, 003 L4817-4852) pulls ambitions back to the shared one
while it is fresh; it goes stale as the context changes. The mechanism records what the delegates did at the
table each week (read by the stuck detector): whether they met partners, whether the position they brought lay
closer to their own organisation's interests than to the partners they met (002 V10, L350-353: never really
addressable), and on which issues the position
they argued gave the issue no weight, leaving it as it is (002 V11, L3260-3263).
"""

from __future__ import annotations

import functools

import numpy as np

from .. import kernels
from ..numeric import all_true, bincount
from ..params import Params
from ..state import State, alignment_index


def _ambition_gap(ambition: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Ambition of ``a`` minus ambition of ``b``, one row per pair (take: several times faster here than indexing)."""
    return ambition.take(a, axis=0) - ambition.take(b, axis=0)


@functools.cache
def _ones(n: int) -> np.ndarray:
    """A vector of ``n`` ones (read-only: it is shared) to sum rows with as a matrix product."""
    ones = np.ones(n)
    ones.flags.writeable = False
    return ones


def _total_variation(gap: np.ndarray) -> np.ndarray:
    return 0.5 * (np.abs(gap) @ _ones(gap.shape[1]))


def pair_distance(ambition: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Total-variation distance between the ambitions of organisations ``a`` and ``b``, in [0, 1]."""
    return _total_variation(_ambition_gap(ambition, a, b))


def sum_by(index: np.ndarray, rows: np.ndarray, n: int) -> np.ndarray:
    """(n, K): per value of ``index`` in range(n), the sum of the ``rows`` ((len(index), K)) it marks. One bincount
    over the flattened rows adds the same numbers to each cell in the same order (the rows') as a bincount per
    column, with a few numpy calls instead of a few per column."""
    K = rows.shape[1]
    cells = (index[:, None] * K + np.arange(K)).ravel()
    return bincount(cells, weights=rows.ravel(), minlength=n * K).reshape(n, K)


def bounded_confidence(ambition, pairs, pair_trust, pair_met, p: Params) -> np.ndarray:
    """One synchronous Deffuant round over the organisation pairs that met; returns new ambitions."""
    met = pair_met.nonzero()[0]
    a, b = pairs[met, 0], pairs[met, 1]
    gap = _ambition_gap(ambition, a, b)
    close = _total_variation(gap) < p.alignment.bound * pair_trust[met]
    if not all_true(close):
        a, gap = a[close], gap[close]
    pull = sum_by(a, gap, len(ambition))    # the gaps to the partners, taken off below: towards them
    partners = bincount(a, minlength=len(ambition))
    return ambition - p.alignment.rate * pull / np.maximum(partners, 1)[:, None]


# a stated ambition on an issue below this: the delegates argue that the network leave it alone (002 V11)
STANDSTILL = 0.05


def positions_argued(ambition: np.ndarray, focus: np.ndarray, met_pairs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """What the delegates did at this week's tables (read by the stuck detector): per organisation, whether they met
    partners, and whether the position they brought lay closer to their own organisation's interests than to the
    partners they met (002 V10, L350-353: they sit there as representatives and are never really addressable)."""
    O = len(ambition)
    a, b = met_pairs[:, 0], met_pairs[:, 1]
    partners = bincount(a, minlength=O)
    met = partners > 0
    heard = sum_by(a, ambition[b], O)      # C order, as np.stack made it: the matrix products below sum alike
    heard = heard / np.maximum(partners, 1)[:, None]   # the mean position of the partners it met
    ones = _ones(ambition.shape[1])
    return met, met & (np.abs(ambition - focus) @ ones < np.abs(ambition - heard) @ ones)


def update_alignment(st: State, p: Params) -> None:
    """Positions argued, the Deffuant round, the pulls to own interests, the room and the shared picture (fused around
    the matrix products where :mod:`..kernels` says: ``alignment_gaps``, ``alignment_week``)."""
    orgs, T, net = st.orgs, st.ties, st.network
    if kernels.wanted(len(T.src)) and kernels.unheld(orgs):
        compiled, a = kernels.compiled(), p.alignment
        has_pairs = len(T.pairs) > 0
        met, own, other, first, gap, size, threshold = compiled.alignment_gaps(
            orgs.ambition, orgs.focus, T.pairs, T.org_pair, T.met_index, T.pair_heat, T.pair_trust, float(a.bound))
        ones = _ones(orgs.ambition.shape[1])
        held_line = met & (own @ ones < other @ ones) if has_pairs else np.zeros(len(orgs.name), bool)
        if not has_pairs:
            met = np.zeros(len(orgs.name), bool)
        orgs.ambition, orgs.for_standstill, net.alignment = compiled.alignment_week(
            orgs.ambition, has_pairs, first, gap, 0.5 * (size @ ones), threshold, float(a.rate), orgs.focus,
            orgs.focus @ (st.issues.phase >= 1).astype(float), float(a.concreteness), float(a.own_pull),
            orgs.representation, orgs.status, float(net.room), float(net.room ** 2), float(p.governance.island_pull), net.shared_ambition,
            net.shared_picture > 0, float(a.picture_pull * net.shared_picture), met)
        orgs.met, orgs.held_line = met, held_line
        if net.shared_picture > 0:
            net.shared_picture *= np.exp(-a.picture_staling * net.turbulence)
        return
    before = orgs.ambition
    met, held_line = np.zeros(len(orgs.name), bool), np.zeros(len(orgs.name), bool)
    if len(T.pairs):
        pair_met = np.zeros(len(T.pairs), bool)
        pair_met[T.org_pair[T.met_index]] = True
        met, held_line = positions_argued(before, orgs.focus, T.pairs[pair_met])
        pair_met &= T.pair_heat < 0.5             # from disagreement on, partners talk in positions (conflict.positional)
        orgs.ambition = bounded_confidence(orgs.ambition, T.pairs, T.pair_trust, pair_met, p)
    # abstract plans win easy agreement; once experiments make them concrete, own interests surface (002 R36)
    concrete = (st.issues.phase >= 1).astype(float)
    concreteness = 1.0 + p.alignment.concreteness * (orgs.focus @ concrete)
    pull = p.alignment.own_pull * orgs.representation * orgs.active * concreteness
    if net.room >= 0:   # the room given: the set course, or each its own craft island (000 L396-402, L574-577)
        course = net.room ** 2 * orgs.focus + (1.0 - net.room ** 2) * net.shared_ambition[None, :]
        orgs.ambition = orgs.ambition + (p.governance.island_pull * orgs.active)[:, None] * (course - orgs.ambition)
    orgs.ambition = orgs.ambition + pull[:, None] * (orgs.focus - orgs.ambition)
    orgs.met, orgs.held_line = met, held_line
    if net.shared_picture > 0:   # what to take up, and why: the shared picture as the anchor (003 L4817-4852)
        picture = p.alignment.picture_pull * net.shared_picture * orgs.active
        orgs.ambition = orgs.ambition + picture[:, None] * (net.shared_ambition[None, :] - orgs.ambition)
        net.shared_picture *= np.exp(-p.alignment.picture_staling * net.turbulence)
    orgs.for_standstill = met[:, None] & (orgs.ambition < STANDSTILL)
    net.alignment = alignment_index(orgs.ambition, orgs.active)
