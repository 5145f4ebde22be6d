"""Mechanism 11: the conflict thermometer: each tie heats and cools through four ordered levels.

Friendly, vigilant, disagreement, conflict (003 §2.3, L1127-1464). The temperature is kept per tie
between two organisations (all their professionals' ties share it, as the source's thermometer
describes relations between parties). It follows its
drivers with delay: distrust, trust below neutral (003 L1420-1436), the own organisation's sense of unfair give and take
(003 L2428-2440, R10) and interests that are not voiced, i.e. a delegate who acts for the own
organisation while the partners' ambitions drift apart (003 L1451-1455, R22), or rivals who compete
for the same money and do not dare to say so (003 L2591-2609): this heat lasts as long as the
competition incentive does and nobody names it (:func:`hidden_rivalry`). Each level brings its
signature on top of the cooler ones (003 L1323-1462, R34): from vigilant on less information is shared
(less trust evidence), from disagreement on appointments are cancelled (lower attendance) and people
talk in positions (ambitions no longer converge), and in conflict partners drop out (perceived value
falls). Mediation puts the unvoiced interests on the table and a trust dialogue takes distrust away
(interventions): both act on a driver, and the ties cool as they follow it; the unfair division stays.

A pair heats from its own side's grievances, so the network level (the tie-weighted mean) reaches
conflict only when most partners carry grievances of their own at once, and stay long enough: partners
who can walk away go dormant over unfairness (mechanism 8) before their ties get hot. The bundled
``penvoerder`` shows both (docs/model.md §7.11; tests/test_conflict_patterns.py).
"""

from __future__ import annotations

import numpy as np

from .. import kernels
from ..numeric import any_true, bincount, clip, largest, summed
from ..params import Params
from ..state import State
from .alignment import _ones, pair_distance

LEVELS = ("friendly", "vigilant", "disagreement", "conflict")


def level(heat) -> np.ndarray:
    """Thermometer level 0-3 of a temperature in [0, 1]: quarters, coolest first (a Python int for a single float
    temperature in that range: ``int`` truncates as numpy's cast does; 1 against 9 us a call here)."""
    if (type(heat) is float or type(heat) is np.float64) and 0.0 <= heat <= 1.0:
        return min(3, int(heat * 4))
    return np.minimum(3, (np.asarray(heat) * 4).astype(int))


def _above(heat, start):
    return clip((np.asarray(heat) - start) / (1 - start), 0.0, 1.0)


CANCELLED_FROM, EXIT_FROM = 0.5, 0.75   # temperatures from which meetings are cancelled, partners drop out


def felt_from(heat: np.ndarray, start: float) -> bool:
    """Whether any temperature in ``heat`` lies above ``start``: below it what :func:`_above` gives is exactly 0, so a
    factor made from it is exactly 1 and a loss exactly 0 (callers skip them: the same numbers)."""
    return not largest(heat) <= start


def sharing(heat, p: Params) -> np.ndarray:
    """Share of the usual information (trust evidence) still shared: falls from vigilant on."""
    return 1.0 - p.conflict.sharing_loss * _above(heat, 0.25)


def attendance_factor(heat, p: Params) -> np.ndarray:
    """Share of meetings still kept: appointments are cancelled from disagreement on."""
    return 1.0 - p.conflict.cancelled * _above(heat, CANCELLED_FROM)


def positional(heat) -> np.ndarray:
    """From disagreement on, partners talk in positions and their ambitions stop converging."""
    return np.asarray(heat) >= 0.5


def exit_push(heat, p: Params) -> np.ndarray:
    """Perceived value lost in open conflict: the urge to drop out."""
    return p.conflict.exit_push * _above(heat, EXIT_FROM)


def heat_driver(trust, unfairness, suppressed, p: Params, rivalry=0.0) -> np.ndarray:
    c = p.conflict
    return clip(c.distrust * np.maximum(0.0, 0.5 - trust) / 0.5 + c.unfairness * unfairness
                   + c.suppressed * suppressed + rivalry, 0.0, 1.0)


def unvoiced(interests, voiced: float) -> np.ndarray:
    """The part of the delegates' diverging interests still unspoken: a mediator helps the partners say what they
    need instead of defending positions (from position to interest, 003 L1195-1240; at disagreement "name what is
    at play in terms of interests and needs", L1380-1395), which takes it off the heat; it fades as positions move."""
    return np.asarray(interests) * (1.0 - voiced)


def hidden_rivalry(pair_rival, competition: float, voiced: float, p: Params, threat: float = 0.0):
    """Heat per organisation pair from competition nobody names: rivals only, while the incentive lasts, and
    muted while an existential threat makes them stand together (together or not at all, 003 L2886-2898, R31):
    once the threat is gone the competition for the same money comes back (003 L2537-2565, L2591-2609)."""
    return p.conflict.hidden_rivalry * unspoken(competition, voiced, threat, p) * pair_rival


def unspoken(competition: float, voiced: float, threat: float, p: Params) -> float:
    """How much competition for the same money goes unnamed and unmuted: the incentive, not voiced, not held back
    by an existential threat (003 L2591-2609, L2886-2898)."""
    return competition * (1.0 - voiced) * (1.0 - p.threat.muting * threat)


def unspoken_competition(net, p: Params) -> float:
    """:func:`unspoken` of the network's competition, as it stands this week."""
    return unspoken(net.competition, net.competition_voiced, net.threat, p)


def update_conflict(st: State, p: Params) -> None:
    """Each pair's temperature moves towards what distrust, unfairness, suppressed interests and hidden rivalry drive
    it to (fused around the matrix products where :mod:`..kernels` says: ``ambition_gaps``, ``conflict_week``)."""
    T, orgs = st.ties, st.orgs
    if len(T.pairs) == 0:
        return
    if kernels.wanted(len(T.src)) and kernels.unheld(T, orgs):
        net, c, compiled = st.network, p.conflict, kernels.compiled()
        distance = 0.5 * (compiled.ambition_gaps(orgs.ambition, T.pairs) @ _ones(orgs.ambition.shape[1]))
        unvoiced_share = 1.0 - net.interests_voiced
        net.interests_voiced -= c.voiced_fading * net.interests_voiced
        any_rival = bool(any_true(T.pair_rival))
        rivalry = c.hidden_rivalry * unspoken(net.competition, net.competition_voiced, net.threat, p) if any_rival else 0.0
        T.pair_heat, orgs.heat, member_weight, total = compiled.conflict_week(
            distance, T.pairs, orgs.representation, float(unvoiced_share), any_rival, float(rivalry), T.pair_rival,
            T.pair_trust, orgs.unfairness, float(c.distrust), float(c.unfairness), float(c.suppressed), float(c.rate),
            T.pair_heat, T.pair_count, T.org_tie_count[0], orgs.status)
        net.heat = float(member_weight @ T.pair_heat) / total if total > 0 else 0.0
        return
    a, b = T.pairs[:, 0], T.pairs[:, 1]
    net = st.network
    suppressed = unvoiced(orgs.representation[a] * pair_distance(orgs.ambition, a, b), net.interests_voiced)
    net.interests_voiced -= p.conflict.voiced_fading * net.interests_voiced
    rivalry = hidden_rivalry(T.pair_rival, net.competition, net.competition_voiced, p, net.threat) if any_true(T.pair_rival) else 0.0
    driver = heat_driver(T.pair_trust, orgs.unfairness[a], suppressed, p, rivalry)
    T.pair_heat = T.pair_heat + p.conflict.rate * (driver - T.pair_heat)
    refresh_heat(st)


def refresh_heat(st: State) -> None:
    """Organisation and network temperatures from the ties' (ordered organisation pairs') heat."""
    T, orgs, net = st.ties, st.orgs, st.network
    a, b, w = T.pairs[:, 0], T.pairs[:, 1], T.pair_count
    orgs.heat = bincount(a, weights=w * T.pair_heat, minlength=len(orgs.name)) / np.maximum(T.org_tie_count[0], 1)
    member_weight = w * (orgs.active[a] & orgs.active[b])
    total = float(summed(member_weight))
    net.heat = float(member_weight @ T.pair_heat) / total if total > 0 else 0.0
