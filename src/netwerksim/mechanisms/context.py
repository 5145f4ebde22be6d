"""Environment: the context keeps changing, organisations join, and the network's complexity follows.

"The context (the environment and the state of the individual parties) changes quickly" (003
L4626-4628, R37a). The model carries this as an ongoing random process of its own stream, not as events
at fixed weeks (:func:`context_changes`): each week the environment may change (a new policy, a funding
round, a merger elsewhere in the region) and each partner's own situation may change (a reorganisation,
a new director, staff leaving), at a rate set by the scenario's context turbulence. Every change, and
every shock, partner leaving or joining, adds turbulence, which settles by ``context.turbulence_decay``
a week. Complexity is turbulence plus the consultation the network's structure requires: pairs of
organisations that meet each week, n(n-1)/2 per table, per active party (003 L4628-4630, R37b;
L2341-2357, R44). It grows when parties join and tables multiply, and falls when tables shrink to
sub-coalitions.
"""

from __future__ import annotations

import numpy as np

from .. import kernels
from ..numeric import summed
from ..params import Params
from ..state import State, Status, delegations_present, tables_open


def pairs_per_table(st: State) -> np.ndarray:
    """Pairs of active organisations with an active membership, per forum."""
    F = st.forums
    n = delegations_present(F, F.member_active & st.orgs.active[F.member_org])
    return n * (n - 1) / 2


def arrivals(st: State, p: Params, week: int) -> np.ndarray:
    """Organisations whose joining week has come become active, bringing some turbulence. Returns them.

    Their promised hours count from now on: the work the issues can absorb grows with them, spread by
    the shared ambition they adopt."""
    orgs = st.orgs
    joining = ((orgs.status == Status.PENDING) & (orgs.joins_at <= week)).nonzero()[0]
    if len(joining):
        orgs.status[joining] = Status.ACTIVE
        st.issues.potential = st.issues.potential + float(summed(orgs.promised[joining])) * st.network.shared_ambition
        st.network.turbulence += p.context.exit_turbulence * len(joining)
    return joining


def table_changes(st: State, week: int) -> None:
    """Tables that start or stop this week (a new table, a split into sub-tables, a merger; issue 17): only the
    forums in their period meet (mechanism 1)."""
    F = st.forums
    F.active = tables_open(F.opens, F.closes, week)


def context_changes(members: np.ndarray, weights: np.ndarray, level: float, p: Params, rng: np.random.Generator) -> float:
    """Turbulence the context's changes leave this week (R37a): the environment's and each member's own.

    Fixed draws: two for the environment, one per organisation (used or not). A change of the
    environment leaves an exponentially distributed amount with mean ``context.change_size``; a member's
    change leaves that mean times the member's share of the capacity, so together the partners' changes
    leave as much as the environment's on average.
    """
    c = p.context
    chance = min(1.0, c.change_rate * level)
    env_happens, env_size = rng.random(), rng.exponential(c.change_size)
    partner_happens = rng.random(len(members)) < chance
    share = weights * members / max(float(summed(weights * members)), 1e-9)
    partners = c.change_size * float(summed(share[partner_happens]))
    return (env_size if env_happens < chance else 0.0) + partners


def update_context(st: State, p: Params, rng: np.random.Generator) -> None:
    """Turbulence settles and the context's changes add to it; complexity follows (the array part fused after the
    draws where :mod:`..kernels` says: ``context_week``)."""
    net, F = st.network, st.forums
    net.turbulence *= 1 - p.context.turbulence_decay
    if kernels.wanted(len(st.ties.src)):
        c, orgs = p.context, st.orgs
        chance = min(1.0, c.change_rate * net.context)
        env_happens, env_size = rng.random(), rng.exponential(c.change_size)
        changed, weekly_pairs, n_active = kernels.compiled().context_week(
            orgs.promised, orgs.status, rng.random(len(orgs.name)), float(chance), F.member_active, F.member_org,
            F.member_block, F.block_forum, F.active, F.frequency)
        net.turbulence += (env_size if env_happens < chance else 0.0) + c.change_size * changed
        net.complexity = net.turbulence + c.per_pair * weekly_pairs / max(n_active, 1)
        return
    net.turbulence += context_changes(st.orgs.active, st.orgs.promised, net.context, p, rng)
    weekly_pairs = float(summed(pairs_per_table(st) * F.active / F.frequency))
    n_active = max(int(summed(st.orgs.active)), 1)
    net.complexity = net.turbulence + p.context.per_pair * weekly_pairs / n_active
