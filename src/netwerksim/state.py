"""The model's state: numpy arrays for organisations, professionals, forums, ties and issues.

Mechanisms are pure functions that read and write these arrays; Mesa agents are views on one row
(DESIGN.md "State lives in arrays the model owns"). :func:`build_state` turns a validated
:class:`~netwerksim.scenario.Scenario` into arrays, drawing every random choice from one generator.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum
from typing import TYPE_CHECKING

import numpy as np

from .numeric import bincount, summed, where
from .scenario import KINDS, Distribution, History, Scenario, field_range

if TYPE_CHECKING:
    from .choices import Chosen
    from .params import Params


def alignment_index(ambition: np.ndarray, active: np.ndarray) -> float:
    """1 minus the mean distance (total variation) of active organisations' ambitions to their mean."""
    if summed(active) < 2:
        return 1.0
    a = ambition[active]
    return float(1.0 - 0.5 * summed(np.abs(a - summed(a, 0) / len(a))) / len(a))   # the mean as ndarray.mean computes it


class Status(IntEnum):
    """Membership status of an organisation (003 L219-222: dig in, go quiet, drop out)."""

    ACTIVE = 0
    DORMANT = 1
    EXITED = 2
    PENDING = 3   # joins later (a growing network)


_ACTIVE, _DORMANT = np.int8(Status.ACTIVE), np.int8(Status.DORMANT)   # compare faster with arrays than ints or enum members


class Role(IntEnum):
    """A professional's position in the own organisation."""

    BOARD = 0
    MANAGER = 1
    TEAM_LEADER = 2
    FRONTLINE = 3


MOTIVES = ("instrumental", "affective", "moral")


@dataclass
class Organisations:
    name: list[str]
    kind: np.ndarray              # index into KINDS
    roles: list[tuple[str, ...]]
    n_professionals: np.ndarray
    hours: np.ndarray             # network capacity, hours/week
    interests: np.ndarray         # (O, K) weights over issues (003 L226-229)
    focus: np.ndarray             # (O, K) interests normalised per organisation (see :func:`normalised`)
    collective_weight: np.ndarray
    motives: np.ndarray           # (O, 3) instrumental, affective, moral (003 L232-250)
    autonomy_ceded: np.ndarray
    mandate: np.ndarray
    pledge: np.ndarray            # promised share of capacity
    first_pledge: np.ndarray      # the promise at the start: the share of capacity meant for the network
    promised: np.ndarray          # hours a week promised on joining (capacity × first pledge): joint contribution's basis
    initiator: np.ndarray         # bool: took the initiative (scenario role "initiator")
    outside_option: np.ndarray
    project_pay: np.ndarray       # the part of the outside option the network's money pays: gone when it ends (funding_ends)
    workload: np.ndarray          # base casework pressure of its professionals
    drive: np.ndarray
    culture_control: np.ndarray
    status: np.ndarray            # Status
    contribution: np.ndarray      # share of the pledge given this week (1: the promise kept; history sets the start)
    perceived_value: np.ndarray
    weeks_below: np.ndarray       # consecutive weeks with value under the outside option
    benefit: np.ndarray           # realised benefit this week
    unfairness: np.ndarray        # give/take imbalance above the tolerance, this week (003 R10)
    heat: np.ndarray              # mean conflict temperature of its ties
    rival_pairs: np.ndarray       # (R, 2) organisation indices
    joins_at: np.ndarray          # week the organisation joins (0: from the start)
    ambition: np.ndarray          # (O, K) what it wants the network to work on; rows sum to 1
    ownership: np.ndarray         # felt co-ownership of the network (003 L4732-4734)
    representation: np.ndarray    # its delegates' weight on the own organisation vs the shared task (002 V10)
    base_representation: np.ndarray  # the part of it the organisation brings along (its culture, its brief)
    met: np.ndarray               # this week: bool, its delegates met partners at a table (mechanism 3)
    held_line: np.ndarray         # this week: bool, met, and argued a position closer to its own interests than to the partners met (002 V10)
    for_standstill: np.ndarray    # (O, K) this week: bool, met, and argued the network leave the issue alone (002 V11)
    separate_agreements: np.ndarray  # 1: its funder holds it to its own performance agreement (003 R13); set by start_funders
    accountability_demand: np.ndarray  # how much accounting its funders ask, relative to typical (003 R37e); start_funders

    @property
    def delivery(self) -> np.ndarray:
        """Share of the promised contribution actually delivered (003 R25, L3208-3214)."""
        return self.contribution

    @property
    def active(self) -> np.ndarray:
        return self.status == _ACTIVE

    @property
    def joined(self) -> np.ndarray:
        """Members of the network: active or dormant (not yet joined or exited ones are not)."""
        return self.status <= _DORMANT      # the two lowest codes


@dataclass
class Professionals:
    org: np.ndarray
    role: np.ndarray
    hours: np.ndarray             # share of the organisation's network hours, hours/week
    drive: np.ndarray
    energy: np.ndarray
    workload: np.ndarray
    meeting_hours: np.ndarray     # this week
    effort: np.ndarray            # productive network hours this week
    negativity: np.ndarray        # criticism and cynicism, 0-1; spreads along ties (002 V6)


@dataclass
class Forums:
    id: list[str]
    name_nl: list[str]
    name_en: list[str]
    frequency: np.ndarray         # base interval between meetings, weeks
    hours: np.ndarray
    physical: np.ndarray          # bool
    issues: np.ndarray            # (F, K) bool: the issues named for the forum
    covers: np.ndarray            # (F, K) bool: the issues it talks about (a plenary forum: all)
    active: np.ndarray            # bool: the forum meets in this period of the run (``opens`` to ``closes``)
    opens: np.ndarray             # the week it starts meeting (0: from the start)
    closes: np.ndarray            # the week it stops (NEVER: it does not)
    member_prof: np.ndarray       # memberships: professional
    member_forum: np.ndarray      # memberships: forum
    member_org: np.ndarray        # memberships: the professional's organisation
    member_block: np.ndarray      # memberships: index of its (forum, organisation) delegation
    block_forum: np.ndarray       # delegations: forum
    block_org: np.ndarray         # delegations: organisation
    member_active: np.ndarray     # bool: memberships can be ended by interventions (sub-coalitions)
    phase: np.ndarray             # meeting clock: a forum meets each time it passes a whole number
    met: np.ndarray               # bool, this week
    attendance: np.ndarray        # share of members present, this week (0 when not met)
    level: np.ndarray             # 0 mixed, 1 administrative, 2 frontline table (002 R53-R54)


@dataclass
class Ties:
    """Directed trust of professional ``src`` in professional ``dst`` (beta evidence, anchors_peers 1.1)."""

    src: np.ndarray
    dst: np.ndarray
    src_org: np.ndarray
    dst_org: np.ndarray
    rival: np.ndarray             # bool: between rival organisations (003 L904-912)
    r: np.ndarray                 # positive evidence
    s: np.ndarray                 # negative evidence (already weighted)
    trust: np.ndarray             # (r+1)/(r+s+2), kept in step with r and s by the trust mechanism
    meets_a: np.ndarray           # incidences: membership of src in a shared forum (the first len(src) one per tie, in tie order)
    meets_b: np.ndarray           # ... and of dst in the same forum
    meets_tie: np.ndarray         # ... and the tie they belong to (arange(len(src)), then the ties sharing more forums)
    meets_forum: np.ndarray       # ... and the forum where they meet
    met_index: np.ndarray         # the ties that met this week, ascending
    physical: np.ndarray          # bool, met physically this week
    co_located: np.ndarray        # bool: the two professionals' teams work at one place (co_location), so they meet in person
    org_pair: np.ndarray          # index into ``pairs`` of the tie's (src org, dst org)
    pairs: np.ndarray             # (n, 2) ordered organisation pairs with at least one tie
    pair_count: np.ndarray        # ties per pair
    org_tie_count: np.ndarray     # (2, O): ties per organisation as the trusting side and as the trusted side
    pair_trust: np.ndarray        # mean trust over the pair's ties, kept in step by the trust mechanism
    org_given: np.ndarray         # per organisation: mean trust its professionals hold in partners (0.5 without ties)
    org_received: np.ndarray      # ... and partners' professionals in them; both kept in step by the trust mechanism
    pair_heat: np.ndarray         # conflict temperature of the tie between the two organisations, 0-1 (003 L1127-1464)
    pair_rival: np.ndarray        # bool: the two organisations are rivals (003 L904-912)


@dataclass
class Issues:
    id: list[str]
    name_nl: list[str]
    name_en: list[str]
    difficulty: np.ndarray
    required_kinds: np.ndarray    # (K, len(KINDS)) bool
    progress: np.ndarray
    delta: np.ndarray             # progress this week
    potential: np.ndarray         # weekly hours the whole network promised, spread by the shared ambition
    expected: np.ndarray          # smoothed recent progress: what people came to expect
    coordination: np.ndarray      # smoothed attendance of the issue's forums
    owner: np.ndarray             # formal owner organisation for implementation, or -1 (002 V13)
    effort_share: np.ndarray      # this week: effort on the issue as a share of its potential
    covered: np.ndarray           # this week: share of required kinds present and working on it
    talk: np.ndarray              # this week: attendance at the issue's tables (0 when none met)
    voiced: np.ndarray            # this week: mean negativity of those present at the issue's tables (0 when none came; 002 V6)
    trust: np.ndarray             # this week: partners' trust, weighted by their ambition on the issue
    ideas: np.ndarray             # idea pool (002 L1096-1547)
    convergence: np.ndarray       # how far the ideas have narrowed to a shared direction, 0-1
    understood: np.ndarray        # how well the group understands why its last success worked, 0-1 (002 V9)
    phase: np.ndarray             # innovation phase: 0 pioneer, 1 experiment, 2 implementation (002 §2.1)
    weeks_in_phase: np.ndarray
    experiment_left: np.ndarray   # weeks left of the running experiment (0: none)
    experiments: np.ndarray       # counts since the start
    successes: np.ndarray
    failures: np.ndarray
    near_misses: np.ndarray
    outcome: np.ndarray           # this week's experiment outcome (innovation.Outcome)
    sent_back: np.ndarray         # this week: bool, the group would start an experiment but its delegates took it back to their organisations (002 V8)
    say_ratio: np.ndarray         # this week, where an experiment started: the say (ownership x mandate) of the partner who had most of it over the mean say of the others who care (0: no start or nobody else; 002 V4)
    proposed: np.ndarray          # weeks a small experiment stays on the table for the group to take up (0: none; 002 L536-572)
    reflected: np.ndarray         # this week: bool, the issue's table members came together to examine how and why it worked (002 L2613-2672; V9)
    last_outcome_week: np.ndarray # week of the last finished experiment (-1: none)
    handed_over: np.ndarray       # bool: the formal owner has taken over (implementation)
    diversity: np.ndarray         # the chance two organisations working on the issue are of different kinds (000 L305-347)
    idea_factor: np.ndarray       # ideas the issue's tables produce relative to mixed tables (their level, 002 R53)
    table_mandate: np.ndarray     # mandate the issue's tables have to start an experiment, relative to mixed ones
    analysing: np.ndarray         # bool: its partners work on it by mapping its bottlenecks (scenario ``approach``; 002 L139-144)
    options_raised: np.ndarray    # this week: options to try the talk at its tables brought up (what joins the idea pool)
    insights_raised: np.ndarray   # this week: insights into why things fail it brought up instead (002 V5, L1183-1190)


@dataclass
class Network:
    """Network-level quantities (MODEL.md §3 "Network"; 003 L4612-4672)."""

    governance: str               # shared | lead_organisation | nao
    lead: int                     # organisation index or -1
    shared_ambition: np.ndarray   # (K,) the ambition the network started from
    hierarchy: float = 0.0        # leadership style: 0 network, 1 hierarchical (R37g)
    absorption: float = 0.0       # demand for structure the governance absorbs without regression
    concentration: float = 0.0    # how concentrated leadership is (R41)
    structure: float = 0.0        # light shared rules and building blocks in place (003 L4856-4894)
    shared_picture: float = 0.0   # a shared picture of the region from joint fact finding, 0-1; goes stale (003 L4817-4852)
    turbulence: float = 0.0       # context turbulence (R37a)
    context: float = 1.0          # how quickly the context changes, relative to a typical region (scenario)
    complexity: float = 0.0       # R37b
    uncertainty: float = 0.0      # R37c
    accountability: float = 0.0   # accountability pressure (R37e)
    invested: float = 0.0         # resources at stake: the share of capacity put in, accumulated over about a year (R37e)
    structure_demand: float = 0.0 # demand for grip and structure (R37f)
    alignment: float = 1.0        # 1 - mean distance of ambitions to their mean (R37i)
    economic_capital: float = 0.0
    cultural_capital: float = 0.0
    coordination_load: float = 0.0
    design_focus: float = 0.5     # how strongly the group narrows ideas down (002 L1437-1447); levers relax to defaults
    experiment_drive: float = 1.0 # multiplier on the chance to start experiments (deadlines, pattern breakers)
    near_miss_framing: float = 0.0  # share of failures the group frames as near misses (002 L657-670)
    drives_shared: float = 0.0    # how much partners know of each other's personal drives (002 L2058-2066)
    fresh_perspective: float = 0.0  # extra share of ideas the same talk yields under a new perspective, relaxing (002 L2112-2123)
    check_in_weeks: int = 0       # weeks of talking about drives still to go
    reflection: float = 0.0       # depth of a joint reflection the partners hold this week (0: none); mechanism 10 holds it
    facilitation_weeks: int = 0   # weeks an external facilitator is still present (004 L2622-2690)
    heat: float = 0.0             # network conflict temperature: mean over ties (003 L1127-1464)
    # governance levers (MODEL.md §6); the defaults are the model without them
    decision_rule: str = "consensus"  # consensus | majority | lead_decides
    accountable: int = -1         # the one party accountable for the whole, or -1 (002 R51)
    competition: float = 1.0      # 1: referring to a rival costs money, the competition incentive (003 R29)
    competition_voiced: float = 0.0  # 1: partners have named that they also compete (003 L2591-2609)
    interests_voiced: float = 0.0  # share of the partners' unvoiced interests a mediator put on the table, fading (003 L1195-1240)
    nao_hours: float = 0.0        # coordination hours a week of the network administrative organisation
    room: float = -1.0            # room partners get to choose how, 0-1; -1: not a lever in this scenario
    threat: float = 0.0           # existential threat, 0-1 (003 L2886-2898)
    agreed_shares: float = 0.0    # 1: a covenant sets who gives and gets what (003 L2591-2611)


@dataclass
class State:
    orgs: Organisations
    profs: Professionals
    forums: Forums
    ties: Ties
    issues: Issues
    network: Network
    choices: "Chosen | None" = None   # decisions taken from outside the model (the game; :mod:`.choices`)


# --------------------------------------------------------------------------------------------------
def normalised(interests: np.ndarray) -> np.ndarray:
    """Interests normalised per organisation; no stated interest means an even spread."""
    total = interests.sum(axis=1, keepdims=True)
    even = np.full_like(interests, 1.0 / interests.shape[1])
    return where(total > 0, interests / where(total > 0, total, 1), even)


def delegations_present(forums: "Forums", present: np.ndarray) -> np.ndarray:
    """Per forum: how many organisations have at least one present member."""
    blocks = bincount(forums.member_block, weights=present, minlength=len(forums.block_forum)) > 0
    return bincount(forums.block_forum, weights=blocks, minlength=len(forums.id))


def _draw(group, name: str, rng: np.random.Generator, n: int) -> np.ndarray:
    """``n`` values of a generated group's field: its number, or draws clipped to the field's range
    (professionals rounded to whole numbers first); scenario.py's docstring states the rule."""
    value = getattr(group, name)
    low, high = field_range(name)
    if isinstance(value, Distribution):
        if value.dist == "uniform":
            x = rng.uniform(value.low, value.high, n)
        elif value.dist == "normal":
            x = rng.normal(value.mean, value.sd, n)
        else:
            x = rng.beta(value.a, value.b, n)
    else:
        x = np.full(n, float(value))
    return np.clip(np.rint(x) if name == "professionals" else x, low, high)


def build_state(s: Scenario, rng: np.random.Generator, params: "Params") -> State:
    """Arrays for every entity in the scenario; generated groups and delegates drawn from ``rng``."""
    orgs = _build_organisations(s, rng, params)
    profs = _build_professionals(orgs, rng, params)
    forums = _build_forums(s, orgs, profs, rng)
    ties = _build_ties(orgs, profs, forums)
    issues = _build_issues(s)
    lead = orgs.name.index(s.governance.lead) if s.governance.lead else -1
    given = np.array([s.governance.shared_ambition.get(i, 0.0) for i in issues.id])
    # the ambition the founders share; partners who join later adopt it, and their hours count once they join
    founders = orgs.promised * (orgs.status != Status.PENDING)
    weights = founders if founders.sum() > 0 else orgs.promised
    shared = given / given.sum() if given.sum() > 0 else (weights @ orgs.focus) / max(weights.sum(), 1e-9)
    start_own = params.alignment.start_own
    orgs.ambition = (1 - start_own) * shared[None, :] + start_own * orgs.focus
    issues.potential = float(founders.sum()) * shared
    mode = {"shared": "shared", "lead_organisation": "lead", "nao": "nao"}[s.governance.mode]
    concentration = getattr(params.leadership, f"concentration_{mode}")
    g = s.governance
    network = Network(governance=g.mode, lead=lead, shared_ambition=shared, design_focus=params.innovation.focus,
                      absorption=getattr(params.leadership, f"absorption_{mode}"), concentration=concentration,
                      hierarchy=params.leadership.start_hierarchy * concentration,
                      alignment=alignment_index(orgs.ambition, orgs.active),
                      decision_rule=g.decision_rule, accountable=orgs.name.index(g.accountable) if g.accountable else -1,
                      competition=float(g.competition_incentive), competition_voiced=float(g.competition_acknowledged),
                      nao_hours=g.nao_hours, room=-1.0 if g.room is None else g.room,
                      context=s.context.turbulence)
    start_funders(s, orgs)
    issues.idea_factor, issues.table_mandate = table_effects_per_issue(forums, params)
    start_history(s.history, orgs, ties, network, params)
    start_relations(s, orgs, ties, params)   # a pair's own past overrides the network's
    return State(orgs, profs, forums, ties, issues, network)


def organisations_named(who: str, names: list[str], kinds: np.ndarray) -> np.ndarray:
    """Which organisations ``who`` names, as a mask: a name, 'kind:<kind>' or '*' (all, generated ones included)."""
    if who == "*":
        return np.ones(len(names), bool)
    if who.startswith("kind:"):
        return kinds == KINDS.index(who[5:])
    return np.array([name == who for name in names], bool)


def start_funders(s: Scenario, orgs: Organisations) -> None:
    """Each partner's performance agreement and the accounting its funders ask (``[[funders]]``, issue 17;
    003 L4469-4482, R13; L4636-4672, R37e/R37i). Partners no funder names follow the network-wide
    ``governance.agreements`` and ``context.accountability_demand``; a partner several funders name is held to
    its own agreement if any of them makes one, and to the largest demand among them."""
    separate = float(s.governance.agreements == "separate")
    orgs.separate_agreements = np.full(len(orgs.name), separate)
    orgs.accountability_demand = np.full(len(orgs.name), s.context.accountability_demand)
    funded = np.zeros(len(orgs.name), bool)
    for f in s.funders:
        named = np.zeros(len(orgs.name), bool)
        for who in f.funds:
            named |= organisations_named("*" if who == "all" else who, orgs.name, orgs.kind)
        first = named & ~funded   # the first funder to name a partner replaces the network-wide defaults
        agreement = separate if f.agreements is None else float(f.agreements == "separate")
        demand = s.context.accountability_demand if f.accountability_demand is None else f.accountability_demand
        orgs.separate_agreements[first] = agreement
        orgs.accountability_demand[first] = demand
        again = named & funded
        orgs.separate_agreements[again] = np.maximum(orgs.separate_agreements[again], agreement)
        orgs.accountability_demand[again] = np.maximum(orgs.accountability_demand[again], demand)
        funded |= named


def relation_pairs(between: list[str], names: list[str], kinds: np.ndarray) -> list[tuple[int, int]]:
    """The (first, second) organisations a relation's two sides name: one pair for two names, every pair of
    different organisations for a kind (``kind:care`` with ``kind:care``: every two care organisations)."""
    first, second = (np.flatnonzero(organisations_named(side, names, kinds)) for side in between)
    return [(int(a), int(b)) for a in first for b in second if a != b]


def start_relations(s: Scenario, orgs: Organisations, ties: Ties, params: "Params") -> None:
    """The trust two organisations' professionals bring from before (``[[relations]]``, issue 17) as the
    starting evidence of the ties between them (``trust.prior_evidence``); the trust mechanism takes it on.
    A side may be a kind; a pair named by name overrides what its kinds say (the more specific entry last)."""
    from .mechanisms.trust import prior_evidence, refresh_trust  # noqa: PLC0415 (mechanisms import state)

    general = sorted((rel for rel in s.relations if rel.trust is not None),
                     key=lambda rel: -sum(side.startswith("kind:") for side in rel.between))
    stated = []
    for rel in general:
        back = rel.trust if rel.trust_back is None else rel.trust_back
        stated += [(pair, rel.trust) for pair in relation_pairs(rel.between, orgs.name, orgs.kind)]
        stated += [(pair[::-1], back) for pair in relation_pairs(rel.between, orgs.name, orgs.kind)]
    for (first, second), trust in stated:
        ties_between = (ties.src_org == first) & (ties.dst_org == second)
        ties.r[ties_between], ties.s[ties_between] = prior_evidence(trust, params)
    if stated:
        refresh_trust(ties, len(orgs.name))


EXISTING_TRUST = 0.6   # trust in an existing network whose scenario does not say how it has gone


def start_history(h: "History", orgs: Organisations, ties: Ties, network: Network, params: "Params") -> None:
    """Contribution and trust at the start, from the scenario's history (issue 13 item 1).

    A new network (003 L4586-4612): the initiators give their pledge in full, the others have said yes
    but still have to free their hours (``history.new_contribution``); nothing has been invested yet.
    An existing one starts from the share of promises kept lately (and as much invested). Trust is what
    the history says (``history.trust``: from earlier contacts, or built in the collaboration so far) as
    evidence of the weight that meeting every other week holds under forgetting; without it, a new
    network's people have the neutral prior of strangers, an existing one's ``EXISTING_TRUST``.
    The model then lets an existing network settle (:meth:`NetwerkModel.spin_up`). The routines the history
    says are in place are the network's structure at the start (003 L4856-4894, L2591-2611).
    """
    network.structure = h.structure
    if h.start == "new":
        orgs.contribution = where(orgs.initiator, 1.0, params.history.new_contribution)
    else:
        orgs.contribution = np.full(len(orgs.name), h.contribution)
        weights = orgs.promised * (orgs.status != Status.PENDING)
        network.invested = float(np.average(orgs.pledge * h.contribution, weights=weights)) if weights.sum() > 0 else 0.0
    trust = h.trust if h.trust is not None else (None if h.start == "new" else EXISTING_TRUST)
    if trust is None:      # strangers: no evidence either way
        return
    from .mechanisms.trust import prior_evidence, refresh_trust  # noqa: PLC0415 (mechanisms import state)

    ties.r[:], ties.s[:] = prior_evidence(trust, params)

    refresh_trust(ties, len(orgs.name))


def table_effects_per_issue(forums: Forums, params: "Params") -> tuple[np.ndarray, np.ndarray]:
    """Per issue: the mean idea and mandate factor of the tables that talk about it (1 for mixed tables)."""
    from .mechanisms.meetings import table_level_effects  # noqa: PLC0415 (mechanisms import state)

    _, ideas, mandate = table_level_effects(forums.level, params)
    n = np.maximum(forums.covers.sum(axis=0), 1)
    has = forums.covers.any(axis=0)
    return (where(has, ideas @ forums.covers / n, 1.0), where(has, mandate @ forums.covers / n, 1.0))


def _build_organisations(s: Scenario, rng: np.random.Generator, params: "Params") -> Organisations:
    issue_ids = [i.id for i in s.issues]
    K = len(issue_ids)
    cols: dict[str, list] = {k: [] for k in (
        "name", "kind", "roles", "n_professionals", "hours_per_professional", "collective_weight", "motives",
        "autonomy_ceded", "mandate", "pledge", "outside_option", "project_pay", "workload", "drive", "culture_control",
        "interests", "joins_at", "representation", "initiator")}
    fractions = ("collective_weight", "autonomy_ceded", "mandate", "pledge", "workload", "drive", "culture_control")
    for o in s.organisations:
        cols["name"].append(o.name)
        cols["kind"].append(KINDS.index(o.kind))
        cols["roles"].append(tuple(o.roles))
        cols["n_professionals"].append(o.professionals)
        cols["joins_at"].append(o.joins_at)
        cols["representation"].append(o.representation)
        cols["initiator"].append("initiator" in o.roles)
        for f in ("hours_per_professional", "outside_option", "project_pay", *fractions):
            cols[f].append(getattr(o, f))
        cols["motives"].append([getattr(o.motives, m) for m in MOTIVES])
        cols["interests"].append([o.interests.get(i, 0.0) for i in issue_ids])
    for g in s.organisation_groups:
        n = g.count
        cols["name"] += [f"{g.name} {j + 1}" for j in range(n)]
        cols["kind"] += [KINDS.index(g.kind)] * n
        cols["roles"] += [()] * n
        cols["joins_at"] += [g.joins_at] * n
        cols["initiator"] += [False] * n
        cols["representation"] += _draw(g, "representation", rng, n).tolist()
        cols["n_professionals"] += _draw(g, "professionals", rng, n).astype(int).tolist()
        cols["hours_per_professional"] += _draw(g, "hours_per_professional", rng, n).tolist()
        cols["outside_option"] += _draw(g, "outside_option", rng, n).tolist()
        cols["project_pay"] += _draw(g, "project_pay", rng, n).tolist()   # a number draws nothing: streams unchanged
        for f in fractions:
            cols[f] += _draw(g, f, rng, n).tolist()
        cols["motives"] += [[getattr(g.motives, m) for m in MOTIVES]] * n
        if g.interests == "random":
            w = np.zeros((n, K))
            k = min(g.issues_per_organisation, K)
            picks = np.argsort(rng.random((n, K)), axis=1)[:, :k]
            np.put_along_axis(w, picks, rng.dirichlet(np.ones(k), n), axis=1)
            cols["interests"] += w.tolist()
        else:
            cols["interests"] += [[g.interests.get(i, 0.0) for i in issue_ids]] * n
    n_prof = np.array(cols["n_professionals"], dtype=np.int64)
    names = cols["name"]
    index = {name: i for i, name in enumerate(names)}
    kinds = np.array(cols["kind"], np.int16)
    rivals = sorted({tuple(sorted((index[o.name], index[r]))) for o in s.organisations for r in o.rivals}
                    | {tuple(sorted(pair)) for rel in s.relations if rel.rivals
                       for pair in relation_pairs(rel.between, names, kinds)})
    O = len(names)
    pledge = np.array(cols["pledge"], float)
    joins_at = np.array(cols["joins_at"], np.int32)
    hours = n_prof * np.array(cols["hours_per_professional"], float)
    return Organisations(
        name=names,
        kind=kinds,
        roles=cols["roles"],
        n_professionals=n_prof,
        hours=hours,
        interests=np.array(cols["interests"], float).reshape(O, K),
        focus=normalised(np.array(cols["interests"], float).reshape(O, K)),
        collective_weight=np.array(cols["collective_weight"], float),
        motives=np.array(cols["motives"], float).reshape(O, 3),
        autonomy_ceded=np.array(cols["autonomy_ceded"], float),
        mandate=np.array(cols["mandate"], float),
        pledge=pledge,
        first_pledge=pledge.copy(),
        promised=hours * pledge,
        initiator=np.array(cols["initiator"], bool),
        outside_option=np.array(cols["outside_option"], float),
        project_pay=np.array(cols["project_pay"], float),
        workload=np.array(cols["workload"], float),
        drive=np.array(cols["drive"], float),
        culture_control=np.array(cols["culture_control"], float),
        status=where(joins_at > 0, Status.PENDING, Status.ACTIVE).astype(np.int8),
        contribution=np.ones(O),               # set from the history (start_history)
        perceived_value=np.array(cols["outside_option"], float) + params.value.start_optimism,
        weeks_below=np.zeros(O, np.int32),
        benefit=np.zeros(O), unfairness=np.zeros(O), heat=np.zeros(O),
        rival_pairs=np.array(rivals, np.int64).reshape(-1, 2),
        joins_at=joins_at,
        ambition=np.zeros((O, K)),
        ownership=np.ones(O),
        representation=np.array(cols["representation"], float),
        base_representation=np.array(cols["representation"], float),
        met=np.zeros(O, bool), held_line=np.zeros(O, bool), for_standstill=np.zeros((O, K), bool),
        separate_agreements=np.zeros(O), accountability_demand=np.ones(O),
    )


def _build_professionals(orgs: Organisations, rng: np.random.Generator, params: "Params") -> Professionals:
    org = np.repeat(np.arange(len(orgs.name)), orgs.n_professionals)
    P = len(org)
    starts = np.concatenate([[0], np.cumsum(orgs.n_professionals)[:-1]])
    rank = np.arange(P) - starts[org]
    role = where(rank == 0, Role.BOARD, where(rank == 1, Role.MANAGER,
                    where(rng.random(P) < params.setup.team_leader_share, Role.TEAM_LEADER, Role.FRONTLINE))).astype(np.int8)
    drive = np.clip(orgs.drive[org] + rng.normal(0, params.setup.spread, P), 0.05, 1)
    workload = np.clip(orgs.workload[org] + rng.normal(0, params.setup.spread, P), 0, 1)
    return Professionals(
        org=org, role=role, hours=(orgs.hours / orgs.n_professionals)[org], drive=drive, energy=drive.copy(),
        workload=workload, meeting_hours=np.zeros(P), effort=np.zeros(P), negativity=np.zeros(P),
    )


def _members_of(spec: list[str], orgs: Organisations) -> list[int]:
    chosen: set[int] = set()
    for m in spec:
        if m == "all":
            chosen.update(range(len(orgs.name)))
        elif m.startswith("kind:"):
            k = KINDS.index(m.removeprefix("kind:"))
            chosen.update(np.flatnonzero(orgs.kind == k).tolist())
        else:
            chosen.add(orgs.name.index(m))
    return sorted(chosen)


NEVER = 2**62   # a week no run reaches: a table that does not stop


def tables_open(opens: np.ndarray, closes: np.ndarray, week: int) -> np.ndarray:
    """Which tables meet in ``week``: started and not yet stopped."""
    return (opens <= week) & (week < closes)


def _group_pool(s: Scenario, among: list[str]) -> np.ndarray | None:
    """The organisations of the organisation groups named (a forum group's ``among``), None for all of them;
    a group's organisations follow the listed ones, in the order of the groups."""
    if not among:
        return None
    first = len(s.organisations)
    parts = []
    for g in s.organisation_groups:
        if g.name in among:
            parts.append(np.arange(first, first + g.count))
        first += g.count
    return np.concatenate(parts)


def _build_forums(s: Scenario, orgs: Organisations, profs: Professionals, rng: np.random.Generator) -> Forums:
    issue_ids = [i.id for i in s.issues]
    K = len(issue_ids)
    starts = np.concatenate([[0], np.cumsum(orgs.n_professionals)[:-1]])
    rows = []  # (id, nl, en, frequency, hours, physical, issue mask, member orgs, delegates, level, opens, closes)
    levels = {"mixed": 0, "administrative": 1, "frontline": 2}
    for f in s.forums:
        mask = np.isin(issue_ids, f.issues) if f.issues else np.zeros(K, bool)
        rows.append((f.id, f.name_nl, f.name_en, f.frequency, f.hours, f.physical, mask,
                     _members_of(f.members, orgs), f.delegates, levels[f.level], f.starts_at,
                     NEVER if f.ends_at is None else f.ends_at))
    O = len(orgs.name)
    for g in s.forum_groups:
        pool = _group_pool(s, g.among)
        size = min(g.organisations_per_forum, O if pool is None else len(pool))
        for j in range(g.count):
            if pool is None:
                members = np.sort(rng.choice(O, size=size, replace=False)).tolist()
            else:
                members = np.sort(pool[rng.choice(len(pool), size=size, replace=False)]).tolist()
            focus = orgs.interests[members].sum(axis=0)
            mask = np.zeros(K, bool)
            mask[int(np.argmax(focus))] = True
            rows.append((f"{g.name}-{j + 1}", f"{g.name} {j + 1}", f"{g.name} {j + 1}", g.frequency, g.hours,
                         bool(rng.random() < g.physical_share), mask, members, g.delegates, 0, 0, NEVER))
    member_prof, member_forum, member_block, block_forum, block_org = [], [], [], [], []
    for fi, row in enumerate(rows):
        for o in row[7]:
            n = min(row[8], int(orgs.n_professionals[o]))
            picks = rng.choice(int(orgs.n_professionals[o]), size=n, replace=False)
            member_prof += (starts[o] + picks).tolist()
            member_forum += [fi] * n
            member_block += [len(block_forum)] * n
            block_forum.append(fi)
            block_org.append(o)
    F = len(rows)
    freq = np.array([r[3] for r in rows], np.int32)
    opens, closes = (np.array([r[i] for r in rows], np.int64) for i in (10, 11))
    return Forums(
        id=[r[0] for r in rows], name_nl=[r[1] for r in rows], name_en=[r[2] for r in rows],
        frequency=freq,
        hours=np.array([r[4] for r in rows], float), physical=np.array([r[5] for r in rows], bool),
        issues=np.array([r[6] for r in rows], bool).reshape(F, K), active=tables_open(opens, closes, 0),
        opens=opens, closes=closes,
        covers=np.array([r[6] if r[6].any() else np.ones(K, bool) for r in rows], bool).reshape(F, K),
        member_prof=np.array(member_prof, np.int64), member_forum=np.array(member_forum, np.int64),
        member_org=profs.org[np.array(member_prof, np.int64)], member_block=np.array(member_block, np.int64),
        block_forum=np.array(block_forum, np.int64), block_org=np.array(block_org, np.int64),
        member_active=np.ones(len(member_prof), bool), phase=rng.random(F) if F else np.zeros(0),
        met=np.zeros(F, bool), attendance=np.zeros(F), level=np.array([r[9] for r in rows], np.int8),
    )


def _build_ties(orgs: Organisations, profs: Professionals, forums: Forums) -> Ties:
    """One directed tie per ordered pair of professionals of different organisations sharing a forum."""
    mp, mf = forums.member_prof, forums.member_forum
    order = np.argsort(mf, kind="stable")
    bounds = np.searchsorted(mf[order], np.arange(len(forums.id) + 1))
    a_parts, b_parts = [], []
    for f in range(len(forums.id)):
        idx = order[bounds[f]:bounds[f + 1]]
        a, b = np.meshgrid(idx, idx, indexing="ij")
        keep = profs.org[mp[a]] != profs.org[mp[b]]
        a_parts.append(a[keep])
        b_parts.append(b[keep])
    ma = np.concatenate(a_parts) if a_parts else np.zeros(0, np.int64)
    mb = np.concatenate(b_parts) if b_parts else np.zeros(0, np.int64)
    P = len(profs.org)
    pair = mp[ma] * P + mp[mb]
    keys, first, tie_of_incidence = np.unique(pair, return_index=True, return_inverse=True)
    src, dst = keys // P, keys % P
    # incidences in tie order: each tie's first incidence at the tie's own index, then the second ones
    order = np.r_[first, np.setdiff1d(np.arange(len(pair)), first, assume_unique=True)]
    ma, mb, tie_of_incidence = ma[order], mb[order], tie_of_incidence[order]
    O = len(orgs.name)
    oa, ob = profs.org[src], profs.org[dst]
    rp = orgs.rival_pairs
    rival = np.isin(oa * O + ob, np.concatenate([rp[:, 0] * O + rp[:, 1], rp[:, 1] * O + rp[:, 0]]))
    E = len(src)
    pair_keys, org_pair = np.unique(oa * O + ob, return_inverse=True)
    pairs = np.asfortranarray(np.stack([pair_keys // O, pair_keys % O], axis=1))   # columns contiguous
    pair_count = bincount(org_pair, minlength=len(pair_keys)).astype(float)
    pair_rival = np.isin(pair_keys, np.concatenate([rp[:, 0] * O + rp[:, 1], rp[:, 1] * O + rp[:, 0]]))
    return Ties(src=src, dst=dst, src_org=oa, dst_org=ob, rival=rival, r=np.zeros(E), s=np.zeros(E),
                trust=np.full(E, 0.5), meets_a=ma, meets_b=mb,
                meets_tie=tie_of_incidence.astype(np.int64), meets_forum=mf[ma], met_index=np.zeros(0, np.int64),
                physical=np.zeros(E, bool), co_located=np.zeros(E, bool),
                org_pair=org_pair.astype(np.int64), pairs=pairs,
                pair_count=pair_count, org_tie_count=np.stack([bincount(pairs[:, side], weights=pair_count, minlength=O) for side in (0, 1)]),
                pair_trust=np.full(len(pair_keys), 0.5),
                org_given=np.full(O, 0.5), org_received=np.full(O, 0.5), pair_heat=np.zeros(len(pair_keys)), pair_rival=pair_rival)


def _build_issues(s: Scenario) -> Issues:
    K = len(s.issues)
    req = np.zeros((K, len(KINDS)), bool)
    for k, i in enumerate(s.issues):
        for kind in i.required_kinds:
            req[k, KINDS.index(kind)] = True
    names = [o.name for o in s.organisations]
    phases = {"pioneer": 0, "experiment": 1, "implementation": 2}
    zeros = lambda dtype=float: np.zeros(K, dtype)  # noqa: E731
    return Issues(
        id=[i.id for i in s.issues], name_nl=[i.name_nl for i in s.issues], name_en=[i.name_en for i in s.issues],
        difficulty=np.array([i.difficulty for i in s.issues], float), required_kinds=req,
        progress=zeros(), delta=zeros(), potential=zeros(), expected=zeros(), coordination=np.ones(K),
        owner=np.array([names.index(i.owner) if i.owner else -1 for i in s.issues], np.int64),
        effort_share=zeros(), covered=np.ones(K), talk=zeros(), voiced=zeros(), trust=np.full(K, 0.5),
        ideas=np.array([i.ideas for i in s.issues], float), convergence=np.array([i.convergence for i in s.issues], float), understood=np.ones(K),
        phase=np.array([phases[i.phase] for i in s.issues], np.int8), weeks_in_phase=zeros(np.int64),
        experiment_left=zeros(np.int64), experiments=zeros(np.int64), successes=zeros(np.int64),
        failures=zeros(np.int64), near_misses=zeros(np.int64), outcome=zeros(np.int8), sent_back=zeros(bool), say_ratio=zeros(float), proposed=zeros(np.int64), reflected=zeros(bool),
        last_outcome_week=np.full(K, -1, np.int64), handed_over=zeros(bool), diversity=zeros(), idea_factor=np.ones(K),
        table_mandate=np.ones(K), analysing=np.array([i.approach == "bottleneck_analysis" for i in s.issues], bool),
        options_raised=zeros(), insights_raised=zeros(),
    )
