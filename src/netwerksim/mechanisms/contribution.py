"""Mechanism 4: how much of its promised capacity each organisation actually puts in.

Utility weighs three motives (003 L232-250, R4): instrumental (expected own return: perceived value
over the outside option, which counts the cost of giving and of ceded autonomy, 003 L753-755 R27),
affective (trust in the partners) and moral (weight on the collective result, 003 L226-229). It is
conditional on expected reciprocity: partners' delivery weighted by trust in them (002 R1; 003
L4571-4577): beyond a tolerance, it scales down towards what its partners give, keeping a floor
of its willingness (give before you receive). What it wants is capped by the mandate its people have (002 V8) and crowded out by
casework pressure (001 L326-367). Under hierarchical leadership (mechanism 7) motives shift to the
instrumental and parties that lost ownership lean back.
Contribution is a share of the pledge: 1 means keeping the promise.
The weight on the collective result is not fixed (:func:`collective_weight`): an existential threat
pulls partners together ("together the largest, alone we lose our position", 003 L2886-2898, R31;
alliances of self-preservation cohere while the threat lasts, L2537-2543). Separate performance
agreements from funders reward each partner only for what serves its own result, so it gives less to
the part of the network's agenda that lies outside its own interests (:func:`own_agenda_share`;
003 L4469-4482, R13).
"""

from __future__ import annotations

import numpy as np

from .. import kernels
from ..choices import chosen_contribution
from ..numeric import any_true, bincount, clip, summed, where
from ..params import Params
from ..state import State
from .leadership import motive_weights


def collective_weight(st: State, p: Params) -> np.ndarray:
    """Each organisation's weight on the collective result now: raised by an existential threat."""
    orgs, net = st.orgs, st.network
    if net.threat > 0:
        return orgs.collective_weight + p.threat.cohesion * net.threat * (1.0 - orgs.collective_weight)
    return orgs.collective_weight


def own_agenda_share(ambition: np.ndarray, focus: np.ndarray) -> np.ndarray:
    """Per organisation: the share of what it wants the network to do that serves its own interests (1 - distance)."""
    return summed(np.minimum(ambition, focus), 1)


def org_trust_and_reciprocity(st: State) -> tuple[np.ndarray, np.ndarray]:
    """Per organisation: mean trust its professionals hold in partners, and trust-weighted partner delivery."""
    T, orgs = st.ties, st.orgs
    O = len(orgs.name)
    if len(T.src) == 0:
        return np.full(O, 0.5), np.ones(O)
    mean_trust = T.org_given
    src, dst = T.pairs[:, 0], T.pairs[:, 1]
    trust = T.pair_trust * T.pair_count           # summed over the pair's ties
    total = bincount(src, weights=trust, minlength=O)
    weighted = bincount(src, weights=trust * (orgs.delivery * orgs.active)[dst], minlength=O)
    reciprocity = where(total > 0, weighted / where(total > 0, total, 1), 1.0)
    return mean_trust, reciprocity


def utility(value_margin, trust, collective_weight, motives, p: Params) -> np.ndarray:
    """Motive-weighted utility of taking part (Moss Kanter's three motives, 003 L232-250): instrumental
    (perceived value over the outside option, which already counts the cost of giving and of ceded
    autonomy, mechanism 8), affective (trust in the partners) and moral (weight on the collective result).
    People are led by more than instrumental interests alone (003 L249-250): the same utility sets how much
    a partner gives (:func:`willingness`) and whether it stays (mechanism 8)."""
    instrumental = p.contribution.value_gain * value_margin
    affective = 2.0 * (trust - 0.5)   # trust above neutral, rescaled to [-1, 1]
    weights = motives / np.maximum(summed(motives, 1, keepdims=True), 1e-9)
    return instrumental * weights[:, 0] + affective * weights[:, 1] + collective_weight * weights[:, 2]


def willingness(value_margin, trust, collective_weight, motives, p: Params) -> np.ndarray:
    """Logistic willingness to contribute from the motive-weighted :func:`utility`."""
    u = utility(value_margin, trust, collective_weight, motives, p)
    return 1.0 / (1.0 + np.exp(-p.contribution.steepness * u))


def workload_room(workload: np.ndarray, p: Params) -> np.ndarray:
    """Share of the network capacity first promised that casework pressure leaves room for."""
    c = p.contribution
    excess = np.maximum(0.0, workload - c.workload_normal) / max(1.0 - c.workload_normal, 1e-9)
    return clip(1.0 - c.workload_crowding * excess, 0.0, 1.0)


def org_workload(st: State) -> np.ndarray:
    """Mean casework pressure of each organisation's professionals."""
    return bincount(st.profs.org, weights=st.profs.workload, minlength=len(st.orgs.name)) / st.orgs.n_professionals


def decide_contributions(st: State, p: Params) -> None:
    """Move each organisation's contribution towards what it now wants and can give (fused around the exponential of
    the willingness where :mod:`..kernels` says: ``utilities``, ``contribution_week``)."""
    orgs = st.orgs
    c = p.contribution
    if kernels.wanted(0):    # a fixed cost per organisation: fused where the kernels are on anyway
        T, net, compiled = st.ties, st.network, kernels.compiled()
        has_ties = len(T.src) > 0
        z = compiled.utilities(orgs.perceived_value - orgs.outside_option, T.org_given if has_ties else
                               np.full(len(orgs.name), 0.5), collective_weight(st, p), orgs.motives,
                               float(p.leadership.utility_shift * net.hierarchy), float(c.value_gain),
                               float(-c.steepness))
        moved, given = compiled.contribution_week(
            np.exp(z), orgs.ownership, bool(any_true(orgs.separate_agreements)), orgs.separate_agreements,
            orgs.ambition, orgs.focus, float(p.governance.separate_pull), has_ties, T.pairs, T.pair_trust,
            T.pair_count, orgs.contribution, orgs.status, float(c.reciprocity_tolerance), float(c.reciprocity_floor),
            orgs.mandate, orgs.pledge, st.profs.org, st.profs.workload, orgs.n_professionals,
            float(c.workload_normal), float(c.workload_crowding), orgs.first_pledge, float(c.adaptation))
        orgs.contribution = given if st.choices is None else where(orgs.active, chosen_contribution(st, moved), 0.0)
        return
    trust, reciprocity = org_trust_and_reciprocity(st)
    h = st.network.hierarchy
    want = willingness(orgs.perceived_value - orgs.outside_option, trust, collective_weight(st, p),
                       motive_weights(orgs.motives, h, p), p)
    want = want * orgs.ownership   # parties that no longer feel co-owner lean back (003 L4732-4734)
    if any_true(orgs.separate_agreements):   # own KPIs first: the rest of the agenda is not rewarded (R13)
        outside = 1.0 - own_agenda_share(orgs.ambition, orgs.focus)
        want = want * (1.0 - p.governance.separate_pull * orgs.separate_agreements * outside)
    matched = np.minimum(1.0, (reciprocity + c.reciprocity_tolerance) / np.maximum(orgs.contribution, 1e-9))
    want = want * (c.reciprocity_floor + (1 - c.reciprocity_floor) * matched)
    want = np.minimum(want, orgs.mandate / np.maximum(orgs.pledge, 1e-9))
    # casework leaves room for part of the capacity first promised; relative to today's pledge
    room = workload_room(org_workload(st), p) * orgs.first_pledge / np.maximum(orgs.pledge, 1e-9)
    target = clip(want * np.minimum(1.0, room), 0.0, 1.0)
    moved = orgs.contribution + c.adaptation * (target - orgs.contribution)
    orgs.contribution = where(orgs.active, chosen_contribution(st, moved), 0.0)   # or hours chosen outside
