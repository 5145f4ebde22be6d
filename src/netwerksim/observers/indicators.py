"""Network and organisation indicators read from the state, one row per week (MODEL.md §8).

The vitality index (:func:`vitality`) is what the netwerkdip detector reads (003 L4612-4672).
Capitals follow 003 L4758-4797: economic capital is the cumulative output on the issues; social
capital the mean over ties of trust above neutral, rescaled to [0, 1] (2T-1, floored at 0); cultural capital the shared knowledge built in
attended meetings (a stock kept by the production mechanism).
"""

from __future__ import annotations

import numpy as np

from .. import kernels
from ..mechanisms.production import given_hours
from ..numeric import all_true, bincount, mean, summed
from ..params import Params
from ..state import State, Status, organisations_named


_PENDING = np.int8(Status.PENDING)   # the status arrays' type: compares faster than the enum member, the same result


def network_indicators(st: State, p: Params) -> dict[str, float]:
    """One row of the time series: every network-level indicator, plus progress per issue."""
    orgs, profs, T, F, I = st.orgs, st.profs, st.ties, st.forums, st.issues
    active = orgs.active
    member = orgs.joined
    everyone = all_true(member)        # (usually: then nothing below needs the members picked out)
    prof_member = None if everyone else member[profs.org]

    def of_members(x: np.ndarray) -> np.ndarray:
        """``x`` per professional, of the members' professionals (the same values in the same order)."""
        return x if everyone else x[prof_member]

    members = np.zeros(len(profs.org), bool)
    members[F.member_prof] = True
    by_status = bincount(orgs.status, minlength=len(Status)).tolist()
    if everyone and kernels.wanted(0):      # a fixed cost per week: fused where the kernels are on anyway
        (mean_trust, social_capital, mean_energy, joint_contribution, attendance, meeting_hours, perceived_value,
         existential, output, progress, ownership, negativity, interests) = kernels.compiled().indicator_numbers(
            T.trust, profs.energy, profs.negativity, profs.meeting_hours, members, orgs.status, int(_PENDING), active,
            orgs.promised, given_hours(st), F.attendance, F.met, orgs.perceived_value, orgs.outside_option,
            float(p.value.existential_band), orgs.ownership, member, I.delta, I.progress).tolist()
    else:
        trust = T.trust if everyone else T.trust[(member[T.pairs[:, 0]] & member[T.pairs[:, 1]])[T.org_pair]]  # ties between members
        above_neutral = 2 * trust         # trust above neutral, rescaled: max(2T - 1, 0) (T is at most 1), in place
        above_neutral -= 1
        np.maximum(above_neutral, 0, out=above_neutral)
        promised = float(summed(orgs.promised[orgs.status != _PENDING]))   # on joining: no intervention moves it
        mean_trust, social_capital, mean_energy = mean(trust), mean(above_neutral), mean(of_members(profs.energy))
        joint_contribution = float(summed(given_hours(st))) / promised if promised > 0 else 0.0
        attendance = mean(F.attendance[F.met])
        meeting_hours = mean(profs.meeting_hours[members if everyone else members & prof_member])
        perceived_value = mean(orgs.perceived_value[active])
        # R37i: the share of members close to (or under) the point where staying is no longer worth it
        existential = mean(((orgs.perceived_value - orgs.outside_option) < p.value.existential_band)[member])
        output, progress = float(summed(I.delta)), float(summed(I.progress))
        ownership, negativity = mean(orgs.ownership[active]), mean(of_members(profs.negativity))
        interests = None
    row = {
        "active_organisations": by_status[Status.ACTIVE],
        "dormant_organisations": by_status[Status.DORMANT],
        "exited_organisations": by_status[Status.EXITED],
        "mean_trust": mean_trust,
        "mean_energy": mean_energy,
        "joint_contribution": joint_contribution,
        "attendance": attendance,
        "meeting_hours": meeting_hours,
        "coordination_load": st.network.coordination_load,
        "perceived_value": perceived_value,
        "existential_questions": existential,
        "output": output,
        "progress": progress,
        "economic_capital": st.network.economic_capital,
        "social_capital": social_capital,
        "cultural_capital": st.network.cultural_capital,
    }
    net = st.network
    row.update({
        "alignment": net.alignment if by_status[Status.ACTIVE] >= 2 else float("nan"),   # no partners, nothing shared
        "ownership": ownership,
        "hierarchy": net.hierarchy,
        "accountability": net.accountability,
        "structure_demand": net.structure_demand,
        "complexity": net.complexity,
        "uncertainty": net.uncertainty,
        "turbulence": net.turbulence,
    })
    row.update({
        "heat": net.heat,
        "negativity": negativity,
        "experiments": int(summed(I.experiments)),
        "successes": int(summed(I.successes)),
        "failures": int(summed(I.failures)),
    })
    row.update(five_conditions(st, row, active, interests))
    row["vitality"] = vitality(row)
    row.update({f"progress_{i}": float(v) for i, v in zip(I.id, I.progress.tolist())})
    row.update(issue_innovation(I))
    return row


ISSUE_STATE = ("ideas", "experiments", "understood")   # per issue, beside its progress (advisors' outcomes, issue 17)


def issue_innovation(I) -> dict[str, float]:
    """Per issue its innovation state: the idea pool, the experiments started so far and how well the group
    understands why its last success worked (002 L1096-1547, V9); columns ``<state>_<issue id>``."""
    return {f"{name}_{i}": float(v) for name in ISSUE_STATE for i, v in zip(I.id, getattr(I, name).tolist())}


CONDITIONS = ("condition_organising", "condition_sense_making", "condition_relations", "condition_interests",
              "condition_ambition")


def five_conditions(st: State, row: dict[str, float], active: np.ndarray | None = None,
                    interests: float | None = None) -> dict[str, float]:
    """The five conditions of collaboration as a live diagnostic, each in [0, 1] (003 §2.1, L54-372).

    Organising: light (little of the capacity eaten by consultation) and fitting (demand for structure
    absorbed). Sense-making process: direction (converged ideas) and reflection (understood results).
    Relations: trust, cooled by conflict temperature. Interests: share of active organisations for
    whom the network is worth more than their outside option. Shared ambition: alignment. ``active``: the state's
    ``orgs.active``, if the caller has it; ``interests``: the interests' condition, if the caller computed it.
    """
    net, orgs, I = st.network, st.orgs, st.issues
    active = orgs.active if active is None else active
    light = 1.0 - min(1.0, net.coordination_load)
    fit = 1.0 - min(1.0, max(0.0, net.structure_demand - net.absorption))
    if interests is None:
        served = (orgs.perceived_value > orgs.outside_option)[active]
        interests = mean(served) if len(served) else 0.0
    trust = row["mean_trust"]
    return {
        "condition_organising": (light + fit) / 2,
        "condition_sense_making": (mean(I.convergence) + mean(I.understood)) / 2,
        "condition_relations": (trust if trust == trust else 0.0) * (1.0 - net.heat),
        "condition_interests": interests,
        "condition_ambition": row["alignment"] if row["alignment"] == row["alignment"] else 0.0,
    }


VITALITY_COMPONENTS = ("mean_energy", "joint_contribution", "mean_trust", "alignment")


def vitality(row: dict[str, float]) -> float:
    """The vitality index: the mean of energy, joint contribution, trust among members and shared ambition.

    Each component lies in [0, 1]. When a component is undefined (no members left, fewer than two
    active organisations to share an ambition, no ties between members) there is no network to speak
    of and vitality is 0.
    """
    values = [row[c] for c in VITALITY_COMPONENTS]
    if any([v != v for v in values]):
        return 0.0
    return sum([min(1.0, v) for v in values]) / len(values)   # more hours than promised (extra budget) counts as 1


def chosen_organisations(who: str, orgs) -> np.ndarray:
    """Which organisations ``who`` names, as a mask: a name, 'kind:<kind>' or '*' (all, generated ones included)."""
    return organisations_named(who, orgs.name, orgs.kind)


def trust_between(T, first: np.ndarray, second: np.ndarray) -> float:
    """How much the professionals of the organisations ``first`` trust those of ``second`` (masks): the mean
    over the ties from the one to the other, as :func:`~..mechanisms.trust.trust_by_organisation` averages
    trust given and received; NaN when their professionals share no table (no tie, nothing to average)."""
    on = first[T.pairs[:, 0]] & second[T.pairs[:, 1]]
    n = T.pair_count[on].sum()
    return float((T.pair_count[on] * T.pair_trust[on]).sum() / n) if n else float("nan")


ORGANISATION_COLUMNS = ("status", "contribution", "perceived_value", "benefit", "trust_given", "trust_received",
                        "energy", "workload", "meeting_hours")


def organisation_indicators(st: State) -> dict[str, np.ndarray]:
    """Per organisation: status, contribution, value, trust given and received, energy and load."""
    orgs, profs, T = st.orgs, st.profs, st.ties
    O = len(orgs.name)
    n = orgs.n_professionals

    given, received = T.org_given.copy(), T.org_received.copy()
    return {
        "status": orgs.status.copy(),
        "contribution": orgs.contribution.copy(),
        "perceived_value": orgs.perceived_value.copy(),
        "benefit": orgs.benefit.copy(),
        "trust_given": given,
        "trust_received": received,
        "energy": bincount(profs.org, weights=profs.energy, minlength=O) / n,
        "workload": bincount(profs.org, weights=profs.workload, minlength=O) / n,
        "meeting_hours": bincount(profs.org, weights=profs.meeting_hours, minlength=O) / n,
    }
