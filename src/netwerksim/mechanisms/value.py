"""Mechanism 8: perceived value, fairness of give and take, and going dormant or leaving.

Each organisation weighs what the network brings it this week: progress on the issues it cares about
and, by its collective weight, on all issues (003 L226-229), minus the cost of what it gives and of
autonomy ceded (003 L750-755, weighed by the distrust left), felt more under hierarchical leadership
(mechanism 7). Give/take imbalance is tolerated up to a threshold, beyond which it hurts (003
L2428-2440, R10). Perceived value follows realised benefit with smoothing, so it fades without fresh
results (003 L2418-2420, R11). Whether to stay is weighed on all three motives, like the willingness
to give (003 L232-250): an organisation whose motive-weighted utility stays negative goes dormant and
then leaves (*afhaken*, 003 L219-222, R2); a dormant one comes back when it rises clearly above zero.
A covenant that records who gives and gets what widens the imbalance partners accept (anchored
agreements instead of personal relations, 003 L2591-2611).
"""

from __future__ import annotations

import numpy as np

from .. import kernels
from ..choices import chosen_status
from ..numeric import any_true, mean, summed, where
from ..params import Params
from ..state import State, Status
from .conflict import EXIT_FROM, exit_push, felt_from
from .contribution import collective_weight, utility
from .leadership import felt_autonomy_ceded, motive_weights
from .production import given_hours


def imbalance(give: np.ndarray, take: np.ndarray, active: np.ndarray) -> np.ndarray:
    """Give share minus take share among active members, in units of a fair share (0 = fair)."""
    n = max(int(summed(active)), 1)
    given = summed(give)
    give_share = give / given if given > 0 else np.zeros_like(give)
    take = np.maximum(take, 0.0) * active
    taken = summed(take)
    take_share = take / taken if taken > 0 else np.zeros_like(take)
    return (give_share - take_share) * n * active


def next_status(status, weeks_below, stance, p: Params) -> np.ndarray:
    """Active -> dormant -> exited as weeks of a negative stance accumulate; dormant -> active on recovery."""
    v = p.value
    new = status.copy()
    new[(status == Status.ACTIVE) & (weeks_below >= v.patience)] = Status.DORMANT
    new[(status == Status.DORMANT) & (weeks_below >= v.exit_patience)] = Status.EXITED
    new[(status == Status.DORMANT) & (stance > v.return_margin)] = Status.ACTIVE
    return new


def staying_utility(st: State, cw: np.ndarray, p: Params) -> np.ndarray:
    """What a partner weighs when it decides to stay, go quiet or come back.

    Not perceived value alone: the same motive-weighted utility that sets how much it gives
    (instrumental, affective and moral motives, 003 L232-250)."""
    orgs = st.orgs
    margin = orgs.perceived_value - orgs.outside_option
    return utility(margin, st.ties.org_given, cw, motive_weights(orgs.motives, st.network.hierarchy, p), p)


def update_value(st: State, p: Params) -> None:
    """Perceived value, fairness and the next status (fused after the matrix product where :mod:`..kernels` says:
    ``value_week``)."""
    orgs, I = st.orgs, st.issues
    v = p.value
    own = orgs.focus @ I.delta
    cw = collective_weight(st, p)   # raised by a threat, lowered by separate agreements (mechanism 4)
    if kernels.wanted(0) and kernels.unheld(orgs):    # a fixed cost per organisation: fused where the kernels are on
        net, before = st.network, orgs.status
        (orgs.unfairness, orgs.benefit, orgs.perceived_value, orgs.weeks_below, status) = kernels.compiled().value_week(
            own, I.delta, cw, orgs.autonomy_ceded, st.ties.org_given, before, orgs.contribution, orgs.pledge,
            orgs.hours, orgs.heat, orgs.perceived_value, orgs.outside_option, orgs.motives, orgs.weeks_below,
            float(v.benefit_scale), float(p.leadership.autonomy_loss * net.hierarchy), float(v.contribution_cost),
            float(v.autonomy_cost), float(v.fairness_tolerance + p.covenant.tolerance * net.agreed_shares),
            float(v.fairness_penalty), felt_from(orgs.heat, EXIT_FROM), float(p.conflict.exit_push),
            float(v.smoothing), float(p.leadership.utility_shift * net.hierarchy), float(p.contribution.value_gain),
            float(v.patience), float(v.exit_patience), float(v.return_margin))
        orgs.status = chosen_status(st, status)
        net.turbulence += p.context.exit_turbulence * int(summed(orgs.status != before))
        return
    shared = mean(I.delta)
    gross = v.benefit_scale * ((1 - cw) * own + cw * shared)
    ceded = felt_autonomy_ceded(orgs.autonomy_ceded, st.network.hierarchy, st.ties.org_given, p)
    # a dormant member weighs what taking part again would cost: its full promise and its felt loss of autonomy
    giving = where(orgs.status == Status.DORMANT, 1.0, orgs.contribution)
    cost = v.contribution_cost * giving * orgs.pledge + v.autonomy_cost * ceded
    # once a covenant sets who gives and gets what, partners accept more imbalance (003 L2591-2611)
    tolerance = v.fairness_tolerance + p.covenant.tolerance * st.network.agreed_shares
    unfair = np.maximum(0.0, imbalance(given_hours(st), gross, orgs.active) - tolerance)
    orgs.unfairness = unfair
    joined = orgs.joined
    benefit = gross - cost - v.fairness_penalty * unfair
    if felt_from(orgs.heat, EXIT_FROM):     # (cooler: nobody feels the urge to drop out, the loss is exactly 0)
        benefit = benefit - exit_push(orgs.heat, p)
    orgs.benefit = where(joined, benefit, 0.0)
    orgs.perceived_value = where(joined, (1 - v.smoothing) * orgs.perceived_value + v.smoothing * orgs.benefit,
                                    orgs.perceived_value)
    stance = staying_utility(st, cw, p)
    orgs.weeks_below = where(joined & (stance < 0), orgs.weeks_below + 1, 0)
    before = orgs.status
    if any_true(before == Status.DORMANT) or any_true(orgs.weeks_below >= v.patience):
        status = where(joined, next_status(orgs.status, orgs.weeks_below, stance, p), orgs.status).astype(np.int8)
    else:    # nobody dormant, nobody below long enough to go quiet: next_status would keep every status
        status = orgs.status.astype(np.int8)
    orgs.status = chosen_status(st, status)   # or the stance chosen outside
    # a partner going quiet, leaving or returning unsettles the others (003 L4626-4628, R37a)
    st.network.turbulence += p.context.exit_turbulence * int(summed(orgs.status != before))
