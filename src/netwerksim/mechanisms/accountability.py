"""Mechanism 6: accountability pressure and the demand for structure.

Partners must account for the capacity, money and knowledge they put in and for the promises they
made (003 L4636-4646, R37e). Pressure follows, with delay, the resources at stake (what has been put in
over the past year or so: it builds up as a new network matures), uncertainty (context
turbulence plus the strain of capacity not delivered or eaten by consultation, 003 L4632-4634,
R37c), funders' standing demands
and the gap between promise and delivery (003 L3208-3214, R25), all in proportion to how much
accountability the network's funders and boards demand (the scenario's context), and more when each
partner must account to its funder for its own performance agreement: the demand is then not
streamlined (003 L4469-4482, R13; L4660-4672, R37i). Demand for grip and structure grows
with complexity and accountability pressure (003 L4646-4652, R37f), less of it while the partners hold
a fresh picture of the region they made together, which gives grip (003 L4817-4852). Shared rules from
building blocks (003 L4856-4894) absorb part of the accountability into agreed, light routines.
"""

from __future__ import annotations

import numpy as np

from .. import kernels
from ..numeric import any_true, summed, weighted_mean
from ..params import Params
from ..state import State


def accountability_target(stakes, uncertainty, gap, p: Params) -> float:
    a = p.accountability
    return a.stakes * stakes + a.uncertainty * uncertainty + a.funder_demand + a.gap * gap


def demand(orgs, p: Params) -> tuple[float, np.ndarray | None]:
    """The accounting asked of the network, and of each partner (None when every partner is asked the same, or
    the network nothing): what its funders ask (``[[funders]]``), more when a funder holds it to its own performance
    agreement, which is not streamlined with the others' (003 L4469-4482, R13; L4660-4672, R37i). The network's
    is the active partners', weighted as what they put in; one demand everywhere is exactly it. (Fused where
    :mod:`..kernels` says: ``demand_numbers``.)"""
    if kernels.wanted(0):
        own, n_active, first, same, asked = kernels.compiled().demand_numbers(
            orgs.accountability_demand, float(p.accountability.separate), orgs.separate_agreements, orgs.status,
            orgs.hours, orgs.pledge)
        if not n_active:
            return 0.0, None
        return (first, None) if same else (asked, own if asked > 0 else None)
    own = orgs.accountability_demand * (1.0 + p.accountability.separate * orgs.separate_agreements)
    active = orgs.active
    if not any_true(active):
        return 0.0, None
    first = float(own[active][0])
    if np.minimum.reduce(own) == np.maximum.reduce(own):    # own.min() == own.max() without their wrappers
        return first, None
    weights = (orgs.hours * orgs.pledge)[active]
    asked = first + weighted_mean(own[active] - first, weights) if summed(weights) > 0 else first
    return asked, own if asked > 0 else None


def update_accountability(st: State, p: Params) -> None:
    orgs, net = st.orgs, st.network
    active = orgs.active
    if not any_true(active):
        return
    if kernels.wanted(0):
        _, delivered, putting_in = kernels.compiled().delivered_numbers(orgs.status, orgs.hours, orgs.pledge,
                                                                         orgs.contribution)
    else:
        weights = (orgs.hours * orgs.pledge)[active]
        weighed = summed(weights) > 0
        delivered = weighted_mean(orgs.contribution[active], weights) if weighed else 0.0
        putting_in = weighted_mean(orgs.pledge[active] * orgs.contribution[active], weights) if weighed else 0.0
    # what has been put in accumulates: the longer partners invest, the more they must account for (R37e)
    net.invested += p.accountability.stakes_rate * (putting_in - net.invested)
    gap = 1.0 - delivered
    strain = gap + net.coordination_load          # capacity not delivered or eaten by consultation
    net.uncertainty = 1.0 - np.exp(-(net.turbulence + strain))
    a = p.accountability
    asked, _ = demand(orgs, p)
    target = accountability_target(net.invested, net.uncertainty, gap, p) * asked * (1.0 - a.streamlining * net.structure)
    net.accountability += a.adaptation * (target - net.accountability)
    s = p.structure
    grip = 1.0 - s.picture * net.shared_picture      # a shared picture of the region gives grip (003 L4817-4852)
    net.structure_demand = (s.complexity * net.complexity + s.accountability * net.accountability) * grip
