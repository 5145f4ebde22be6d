"""Mechanism 7: leadership drifts to hierarchy when demand for structure outruns what governance absorbs.

"In this hectic the 'new' network leadership often falls back into 'old' mechanisms" (003 L4652-4656,
R37g): hierarchy rises with the demand for structure the governance mode does not absorb (Provan &
Kenis: shared, lead organisation, network administrative organisation; anchors_peers 1.3) and relaxes
slowly when it is absorbed. Under hierarchical, concentrated leadership the other parties lean back
(003 L4732-4734, R41): felt ownership falls; delegates act more for their own organisation (002 V10),
organisations feel they gave up more autonomy (003 L1488-1492, R33), and their utility calculus shifts
from affective and moral towards instrumental motives (003 L4656-4658, R37h). The contribution
decision applies :func:`motive_weights`, the perceived value :func:`felt_autonomy_ceded`.
"""

from __future__ import annotations

import numpy as np

from ..params import Params
from ..state import State


def next_hierarchy(hierarchy: float, demand: float, absorption: float, p: Params) -> float:
    """Hierarchy rises with unabsorbed demand for structure and relaxes when demand is absorbed."""
    q = p.leadership
    excess = demand - absorption
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


def felt_autonomy_ceded(autonomy_ceded: np.ndarray, hierarchy: float, p: Params) -> np.ndarray:
    return autonomy_ceded + p.leadership.autonomy_loss * hierarchy * (1.0 - autonomy_ceded)


def update_leadership(st: State, p: Params) -> None:
    orgs, net = st.orgs, st.network
    q = p.leadership
    net.hierarchy = float(np.clip(next_hierarchy(net.hierarchy, net.structure_demand, net.absorption, p), 0, 1))
    lean = q.lean_back * net.hierarchy * net.concentration
    target = np.full(len(orgs.name), 1.0 - lean)
    if net.lead >= 0:
        target[net.lead] = 1.0   # the leading party keeps its ownership; the others lean back
    orgs.ownership += q.ownership_rate * (target - orgs.ownership)
    known = p.innovation.drives_representation * net.drives_shared   # who knows why others take part is addressable
    orgs.representation = np.clip(orgs.base_representation + q.representation * net.hierarchy
                                  + (1.0 - orgs.ownership) - known, 0.0, 1.0)
