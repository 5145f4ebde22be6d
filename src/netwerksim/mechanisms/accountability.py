"""Mechanism 6: accountability pressure and the demand for structure.

Partners must account for the capacity, money and knowledge they put in and for the promises they
made (003 L4636-4646, R37e). Pressure follows, with delay, the resources at stake, uncertainty (context
turbulence plus the strain of capacity not delivered or eaten by consultation, 003 L4632-4634,
R37c), funders' standing demands
and the gap between promise and delivery (003 L3208-3214, R25). Demand for grip and structure grows
with complexity and accountability pressure (003 L4646-4652, R37f). Shared rules from building blocks
(003 L4856-4894) absorb part of the accountability into agreed, light routines.
"""

from __future__ import annotations

import numpy as np

from ..params import Params
from ..state import State


def accountability_target(stakes, uncertainty, gap, p: Params) -> float:
    a = p.accountability
    return a.stakes * stakes + a.uncertainty * uncertainty + a.funder_demand + a.gap * gap


def update_accountability(st: State, p: Params) -> None:
    orgs, net = st.orgs, st.network
    active = orgs.active
    if not active.any():
        return
    weights = (orgs.hours * orgs.pledge)[active]
    delivered = float(np.average(orgs.contribution[active], weights=weights)) if weights.sum() > 0 else 0.0
    stakes = float(np.average(orgs.pledge[active] * orgs.contribution[active], weights=weights)) if weights.sum() > 0 else 0.0
    gap = 1.0 - delivered
    strain = gap + net.coordination_load          # capacity not delivered or eaten by consultation
    net.uncertainty = 1.0 - np.exp(-(net.turbulence + strain))
    target = accountability_target(stakes, net.uncertainty, gap, p) * (1.0 - p.accountability.streamlining * net.structure)
    net.accountability += p.accountability.adaptation * (target - net.accountability)
    s = p.structure
    net.structure_demand = s.complexity * net.complexity + s.accountability * net.accountability
