"""Mechanism 2: trust as beta evidence with forgetting; broken promises weigh more than kept ones.

Trust of a professional in another is E = (r+1)/(r+s+2) (Josang & Ismail 2002, anchors_peers 1.1).
Evidence comes from meeting: did the other's organisation deliver what it promised (003 R25,
L3208-3214)? A shortfall is partly forgiven as circumstance (attribution, anchors_peers 1.1), the rest
counts ``negative_weight`` times as much as a kept promise (003 L1451-1455; Slovic 1993). Physical
co-presence gives more evidence than remote contact (003 L1052-1058, R15); rivals share less
(003 L904-912, R29) while the competition incentive lasts: with finance neutral to where the work is done,
rivals share as freely as other partners (003 L1106-1122). All evidence fades by ``forgetting`` each week.
"""

from __future__ import annotations

import numpy as np

from .. import kernels
from ..choices import closed_sharing
from ..numeric import bincount, largest, where
from ..params import Params
from ..state import State
from .conflict import level, sharing, unspoken_competition


def expected_trust(r: np.ndarray, s: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
    """Expected trust from positive and (weighted) negative evidence (into ``out`` when given)."""
    total = r + s
    total += 2.0
    return np.divide(r + 1.0, total, out=out)


def add_evidence(r, s, positive, negative, p: Params, at=slice(None)):
    """Forget, then add evidence to the ties ``at`` (default: all), in place; negative evidence is weighted.

    Returns (r, s).
    """
    lam = p.trust.forgetting
    r *= lam
    s *= lam
    r[at] += positive
    s[at] += p.trust.negative_weight * negative
    return r, s


def prior_evidence(trust: float, p: Params) -> tuple[float, float]:
    """Evidence (r, s) whose expected trust is ``trust`` (0.1-0.9): trust brought from before the network.

    It weighs as much as meeting every other week keeps up under forgetting (evidence_rate / 2 a week, the
    steady state evidence_rate / 2 / (1 - forgetting); at least 8, so that 0.1-0.9 can be held), so it
    neither outlasts nor vanishes faster than what the partners then experience (anchors_peers 1.1).
    """
    mass = max(p.trust.evidence_rate * 0.5 / max(1.0 - p.trust.forgetting, 1e-3), 8.0)
    r = trust * (mass + 2) - 1
    return r, mass - r


def pair_trust(T) -> np.ndarray:
    """Mean trust over the ties of each ordered organisation pair."""
    return bincount(T.org_pair, weights=T.trust, minlength=len(T.pairs)) / T.pair_count


def evidence_rate(physical: np.ndarray, rival: np.ndarray, p: Params, competition: float = 1.0) -> np.ndarray:
    """Evidence one week of meeting adds: less when remote, less between rivals while they compete."""
    t = p.trust
    rival_factor = 1.0 - (1.0 - t.rival_sharing) * competition
    return t.evidence_rate * where(physical, 1.0, t.remote_factor) * where(rival, rival_factor, 1.0)


def trust_by_organisation(T, n_orgs: int) -> tuple[np.ndarray, np.ndarray]:
    """Per organisation: mean trust its professionals hold in partners (given) and partners in them (received).

    Organisations without ties get the neutral 0.5.
    """
    if len(T.pairs) == 0:
        return np.full(n_orgs, 0.5), np.full(n_orgs, 0.5)
    summed = T.pair_count * T.pair_trust

    def mean_over(side):
        n = T.org_tie_count[side]
        return where(n > 0, bincount(T.pairs[:, side], weights=summed, minlength=n_orgs) / np.maximum(n, 1), 0.5)
    return mean_over(0), mean_over(1)


def update_trust(st: State, p: Params, rng: np.random.Generator) -> None:
    """Every tie that met this week learns whether the other's side kept its word."""
    T, orgs, profs = st.ties, st.orgs, st.profs
    if len(T.src) == 0:
        return
    if kernels.wanted(len(T.src)) and st.choices is None:     # the evidence fused after the draws (trust_evidence)
        t, net = p.trust, st.network
        suspicion = t.rivalry_suspicion * unspoken_competition(net, p)
        kept, weight = kernels.compiled().trust_evidence(
            profs.org, orgs.delivery, profs.energy, float(t.energy_weight), float(t.attribution_grace), T.dst,
            T.met_index, float(suspicion), T.rival, rng.random(len(T.src)), T.physical, float(t.evidence_rate),
            float(t.remote_factor), float(1.0 - (1.0 - t.rival_sharing) * net.competition),
            bool(level(largest(T.pair_heat)) >= 1), T.pair_heat, T.org_pair, float(p.conflict.sharing_loss),
            bool(net.drives_shared), float(1 + p.innovation.drives_trust * net.drives_shared))
        learn(T, T.met_index, weight, kept, p, len(orgs.name))
        return
    reliability = orgs.delivery[profs.org] * (1 - p.trust.energy_weight * (1 - profs.energy))   # per professional
    met = T.met_index
    kept_chance = (reliability + (1 - reliability) * p.trust.attribution_grace)[T.dst[met]]
    suspicion = p.trust.rivalry_suspicion * unspoken_competition(st.network, p)
    if suspicion > 0:    # unspoken competition: a rival's kept word is read as a broken one (003 L2605-2609)
        kept_chance = kept_chance * (1.0 - suspicion * T.rival[met])
    kept = rng.random(len(T.src))[met] < kept_chance   # one draw per tie, met or not: streams stay paired
    weight = evidence_rate(T.physical[met], T.rival[met], p, st.network.competition)
    if level(largest(T.pair_heat)) >= 1:     # less is shared from vigilant on, all while friendly
        weight = weight * sharing(T.pair_heat[T.org_pair[met]], p)
    held_back = closed_sharing(st, profs.org[T.dst[met]], p)   # an organisation that chose to hold back
    if held_back is not None:
        weight = weight * held_back
    if st.network.drives_shared:                     # relational talk (002 R28-R29)
        weight = weight * (1 + p.innovation.drives_trust * st.network.drives_shared)
    learn(T, met, weight, kept, p, len(orgs.name))


def learn(T, met: np.ndarray, weight: np.ndarray, kept: np.ndarray, p: Params, n_orgs: int) -> None:
    """Every tie forgets; the ties that met (``met``) add the evidence ``weight``, as kept or broken promises
    (``kept``); trust follows. A large network runs the same arithmetic fused (:mod:`..kernels`)."""
    if kernels.wanted(len(T.src)):
        kernels.compiled().learn_trust(T.r, T.s, T.trust, met, weight, kept, p.trust.forgetting, p.trust.negative_weight)
        refresh_pairs(T, n_orgs)
        return
    positive = weight * kept
    add_evidence(T.r, T.s, positive, weight - positive, p, at=met)
    refresh_trust(T, n_orgs)


def refresh_trust(T, n_orgs: int) -> None:
    """Bring trust, pair trust and per-organisation trust in step with the evidence ``r`` and ``s``."""
    expected_trust(T.r, T.s, out=T.trust)
    refresh_pairs(T, n_orgs)


def refresh_pairs(T, n_orgs: int) -> None:
    """Bring pair trust and per-organisation trust in step with the ties' trust (fused where :mod:`..kernels` says)."""
    if kernels.wanted(len(T.src)):
        T.pair_trust, T.org_given, T.org_received = kernels.compiled().pair_and_organisation_trust(
            T.org_pair, T.trust, T.pair_count, T.pairs, T.org_tie_count, n_orgs)
        return
    T.pair_trust = pair_trust(T)
    T.org_given, T.org_received = trust_by_organisation(T, n_orgs)
