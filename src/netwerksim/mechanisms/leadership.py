"""Mechanism 7: leadership drifts to hierarchy when demand for structure outruns what governance absorbs.

"In this hectic the 'new' network leadership often falls back into 'old' mechanisms" (003 L4652-4656,
R37g): hierarchy rises with the demand for structure the governance mode does not absorb (Provan &
Kenis: shared, lead organisation, network administrative organisation; anchors_peers 1.3) and relaxes
slowly when it is absorbed. Under hierarchical, concentrated leadership the other parties lean back
(003 L4732-4734, R41): felt ownership falls; delegates act more for their own organisation (002 V10),
organisations feel they gave up more autonomy (003 L1488-1492, R33), and their utility calculus shifts
from affective and moral towards instrumental motives (003 L4656-4658, R37h). The contribution
decision applies :func:`motive_weights`, the perceived value :func:`felt_autonomy_ceded`.

Governance levers set part of ownership and representation (MODEL.md §6). The decision rule: waiting
for consensus is slow, deciding by majority faster, a lead (or NAO) that decides fastest, but parties
that can be outvoted or are decided for feel less co-owner (:func:`decision_rule_effects`; Choi &
Robertson 2014 in anchors_peers 1.3; 003 L4732-4734; 002 V4); a lead that decides for the others
steers, and the say they lose adds to the demand for structure hierarchy answers (002 L426-470,
003 L4728-4734; issue 14 item 2). The lead and the one accountable party
(002 R51) keep their ownership. Separate performance agreements from funders put partners in
negotiation mode: their delegates act more for their own organisation (003 L4469-4482, R13); an
existential threat makes them act for the whole (003 L2886-2898, R31). The
room partners get has an optimum (000 L396-416; 004 L746-750): under tight steering nobody takes
responsibility (:func:`room_ownership`); with all room, ambitions drift to craft islands (mechanism 3).
"""

from __future__ import annotations

import numpy as np

from ..numeric import clip, where
from ..params import Params
from ..state import State


def next_hierarchy(hierarchy: float, demand: float, absorption: float, p: Params) -> float:
    """Hierarchy rises with unabsorbed demand for structure and relaxes when demand is absorbed.

    Falling back to steering is how the network answers the need for grip (003 L4646-4656): hierarchical
    steering itself meets ``leadership.grip`` of the demand per unit of hierarchy, so hierarchy settles
    where the demand is met, and rises further only as the demand grows."""
    q = p.leadership
    excess = demand - absorption - q.grip * hierarchy
    if excess > 0:
        return hierarchy + q.regression_rate * excess * (1.0 - hierarchy)
    return hierarchy + q.relax_rate * excess * hierarchy


def motive_weights(motives: np.ndarray, hierarchy: float, p: Params) -> np.ndarray:
    """Motive weights after hierarchy moved part of the affective and moral weight to the instrumental."""
    shift = p.leadership.utility_shift * hierarchy
    w = motives.copy()
    moved = shift * (w[:, 1] + w[:, 2])
    w[:, 0] += moved
    w[:, 1:] *= 1.0 - shift
    return w


def felt_autonomy_ceded(autonomy_ceded: np.ndarray, hierarchy: float, trust: np.ndarray, p: Params) -> np.ndarray:
    """How much autonomy an organisation feels it has given up to the network.

    Partners give up part of their autonomy in the trust that it yields more value for the whole and for
    themselves (003 L750-755): what they ceded weighs in proportion to the distrust left (``trust``: mean
    trust in the partners). What hierarchical leadership takes on top was not given in trust and weighs in
    full."""
    return autonomy_ceded * (1.0 - trust) + p.leadership.autonomy_loss * hierarchy * (1.0 - autonomy_ceded)


def decision_rule_effects(rule: str, p: Params) -> tuple[float, float]:
    """(speed, ownership loss) of a decision rule: how much sooner experiments start than under
    consensus, and how much felt ownership the parties who do not decide lose."""
    g = p.governance
    if rule == "majority":
        return g.majority_speed, g.majority_ownership_loss
    if rule == "lead_decides":
        return g.lead_speed, g.lead_ownership_loss
    return 1.0, 0.0


def decision_say(ownership: np.ndarray, mandate: np.ndarray, rule: str, lead: int) -> np.ndarray:
    """Each partner's say in a decision the network takes: its ownership x mandate; where the lead decides, the
    others have none in it (002 L426-470, V4)."""
    say = ownership * mandate
    if rule == "lead_decides" and lead >= 0:
        say = where(np.arange(len(say)) == lead, say, 0.0)
    return say


def room_ownership(room: float, p: Params) -> float:
    """Share of ownership left under the room partners get: tight steering takes responsibility away
    (000 L404-416: it only grows when nobody does it for you). The loss falls off quadratically, so a
    clear frame with moderate room costs little (assumption after seed_000_001.md Part C 3)."""
    return 1.0 if room < 0 else 1.0 - p.governance.steering_loss * (1.0 - room) ** 2


def update_leadership(st: State, p: Params) -> None:
    orgs, net = st.orgs, st.network
    q = p.leadership
    _, decided_for = decision_rule_effects(net.decision_rule, p)
    # one party deciding for the others is steering the governance must absorb: the say they lose (002 L426-470; 003 L4728-4734)
    steered = decided_for if net.decision_rule == "lead_decides" else 0.0
    net.hierarchy = float(clip(next_hierarchy(net.hierarchy, net.structure_demand + steered, net.absorption, p), 0, 1))
    lean = q.lean_back * net.hierarchy * net.concentration
    target = np.full(len(orgs.name), (1.0 - lean - decided_for) * room_ownership(net.room, p))
    if net.lead >= 0:
        target[net.lead] = 1.0   # the leading party keeps its ownership; the others lean back
    if net.accountable >= 0:
        target[net.accountable] = 1.0   # so does the party that answers for the whole (002 R51)
    orgs.ownership += q.ownership_rate * (target - orgs.ownership)
    known = p.innovation.drives_representation * net.drives_shared   # who knows why others take part is addressable
    negotiating = p.governance.separate_representation * orgs.separate_agreements   # own KPIs first (003 R13)
    together = p.threat.unity * net.threat          # together or not at all (003 L2886-2898)
    orgs.representation = clip(orgs.base_representation + q.representation * net.hierarchy
                                  + (1.0 - orgs.ownership) - known + negotiating - together, 0.0, 1.0)
