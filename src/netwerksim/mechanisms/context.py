"""Environment: context turbulence settles, organisations join, and the network's complexity follows.

Turbulence is what shocks leave behind (staff shortage, a partner's bankruptcy, funding that ends:
003 L4626-4628, R37a); it settles by ``context.turbulence_decay`` a week. Complexity is turbulence
plus the consultation the network's structure requires: pairs of organisations that meet each week,
n(n-1)/2 per table, per active party (003 L4628-4630, R37b; L2341-2357, R44). It grows when parties
join and tables multiply, and falls when tables shrink to sub-coalitions.
"""

from __future__ import annotations

import numpy as np

from ..params import Params
from ..state import State, Status, delegations_present


def pairs_per_table(st: State) -> np.ndarray:
    """Pairs of active organisations with an active membership, per forum."""
    F = st.forums
    n = delegations_present(F, F.member_active & st.orgs.active[F.member_org])
    return n * (n - 1) / 2


def arrivals(st: State, p: Params, week: int) -> np.ndarray:
    """Organisations whose joining week has come become active, bringing some turbulence. Returns them."""
    orgs = st.orgs
    joining = np.flatnonzero((orgs.status == Status.PENDING) & (orgs.joins_at <= week))
    orgs.status[joining] = Status.ACTIVE
    st.network.turbulence += p.context.exit_turbulence * len(joining)
    return joining


def update_context(st: State, p: Params) -> None:
    net, F = st.network, st.forums
    net.turbulence *= 1 - p.context.turbulence_decay
    weekly_pairs = float((pairs_per_table(st) * F.active / F.frequency).sum())
    n_active = max(int(st.orgs.active.sum()), 1)
    net.complexity = net.turbulence + p.context.per_pair * weekly_pairs / n_active
