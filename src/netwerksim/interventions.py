"""The one registry of shocks and interventions: scenario timelines, code and the app all use it.

Each entry declares its parameters (default, range or choices), its source, the mechanisms it acts on
and a Dutch and English label. Applying an entry changes state or parameters only; what follows
emerges from the mechanisms. ``at`` in a scenario's ``[[events]]`` is the week it takes effect
(``at = 0``: from the first week).
Every shock also leaves context turbulence behind (its ``turbulence`` parameter, 003 L4626-4628).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Literal

import numpy as np

from .mechanisms.contribution import org_workload, workload_room
from .mechanisms.trust import refresh_trust
from .inputs import is_bounded_number
from .params import PARAMETERS, ParameterError, check
from .scenario import KINDS
from .state import Status, organisations_named

if TYPE_CHECKING:
    from .model import NetwerkModel
    from .scenario import Scenario


class EventParameterError(ValueError):
    """A bad parameter of an event; ``field`` names it."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class Option:
    """One parameter of an entry: a number in a range, or one of a set of choices."""

    default: Any
    doc: str
    low: float | None = None
    high: float | None = None
    choices: tuple[str, ...] | None = None  # None: a number; ("<target>",): an organisation target


TARGET = ("<target>",)  # 'all', an organisation's name, or 'kind:<kind>'
ISSUE = ("<issue>",)    # 'all' or an issue's id


@dataclass(frozen=True)
class Entry:
    name: str
    kind: Literal["shock", "intervention", "governance"]
    label_nl: str
    label_en: str
    description_nl: str
    description_en: str
    source: str
    mechanisms: tuple[str, ...]
    apply: Callable[["NetwerkModel", dict], None]
    options: dict[str, Option] = field(default_factory=dict)
    # Axelrod-style declaration of what the entry touches ("part.field" of state.State; "params" for the
    # parameters): the state it looks at to decide what it does, and the state it changes. tests/test_remedies.py
    # checks both against what applying it really does, and that no remedy writes what the detector of its
    # situation reads (docs/model.md 7.15).
    reads: tuple[str, ...] = ()
    writes: tuple[str, ...] = ()

    def __post_init__(self):
        if "turbulence" in self.options and "network.turbulence" not in self.writes:   # every shock leaves turbulence
            object.__setattr__(self, "writes", (*self.writes, "network.turbulence"))

    def resolve(self, given: dict[str, Any], scenario: "Scenario | None" = None) -> dict[str, Any]:
        """Given parameters completed with defaults; raises EventParameterError on a bad one."""
        self.check_params(given, scenario)
        return {k: given.get(k, o.default) for k, o in self.options.items()}

    def check_params(self, given: dict[str, Any], scenario: "Scenario | None" = None) -> None:
        for key, opt in self.options.items():
            if opt.default is None and key not in given:
                raise EventParameterError(key, f"required for {self.name!r}: {opt.doc}")
        for key, value in given.items():
            if key not in self.options:
                raise EventParameterError(key, f"unknown parameter {key!r} for {self.name!r}; allowed: {sorted(self.options)}")
            opt = self.options[key]
            if opt.choices == ISSUE:
                ids = [i.id for i in scenario.issues] if scenario else None
                if not isinstance(value, str) or not (value == "all" or ids is None or value in ids):
                    raise EventParameterError(key, f"value {value!r} is not allowed; use 'all' or an issue id: {ids}")
            elif opt.choices == TARGET:
                if not isinstance(value, str) or not _is_target(value, scenario):
                    raise EventParameterError(key, f"value {value!r} is not allowed; use 'all', 'kind:<kind>' or an organisation's name")
            elif opt.choices is not None:
                if value not in opt.choices:
                    raise EventParameterError(key, f"value {value!r} is not allowed; allowed: {list(opt.choices)}")
            elif isinstance(opt.default, int) and not (isinstance(value, int) and is_bounded_number(value, opt.low, opt.high)):
                raise EventParameterError(key, f"value {value!r} is not allowed; a whole number in [{opt.low}, {opt.high}]")
            elif not is_bounded_number(value, opt.low, opt.high):
                raise EventParameterError(key, f"value {value!r} is not allowed; a number in [{opt.low}, {opt.high}]")
        if self.name == "set_parameter":
            name = given.get("name")
            try:
                check(name, given.get("value"))
            except ParameterError as exc:
                raise EventParameterError("value" if name in PARAMETERS else "name", str(exc)) from None


def _is_target(value: str, scenario: "Scenario | None") -> bool:
    if value == "all" or (value.startswith("kind:") and value.removeprefix("kind:") in KINDS) or scenario is None:
        return True
    if value in {o.name for o in scenario.organisations}:
        return True
    group, _, number = value.rpartition(" ")
    return any(g.name == group and number.isdigit() and 1 <= int(number) <= g.count for g in scenario.organisation_groups)


def organisations_matching(model: "NetwerkModel", target: str) -> np.ndarray:
    """Indices of organisations named by a target: 'all', 'kind:<kind>' or a name."""
    orgs = model.state.orgs
    return np.flatnonzero(organisations_named("*" if target == "all" else target, orgs.name, orgs.kind))


# --- the entries ------------------------------------------------------------------------------------
def _staff_shortage(model, a):
    profs = model.state.profs
    hit = np.isin(profs.org, organisations_matching(model, a["target"]))
    profs.workload = np.where(hit, np.clip(profs.workload + a["amount"], 0, 1), profs.workload)


def _funding_ends(model, a):
    """Fewer hours for the network, and what the money paid an organisation to take part (``project_pay``, the part of
    its outside option the money supplied) is gone: leaving no longer costs it that (002 L4165-4168)."""
    orgs = model.state.orgs
    idx = organisations_matching(model, a["target"])
    orgs.hours[idx] *= 1 - a["cut"]
    orgs.outside_option[idx] += orgs.project_pay[idx]
    orgs.project_pay[idx] = 0.0
    model.state.profs.hours = (orgs.hours / orgs.n_professionals)[model.state.profs.org]


def _key_person_leaves(model, a):
    """The professional with most trusted ties in the target leaves; a newcomer starts from scratch."""
    st = model.state
    idx = organisations_matching(model, a["target"])
    T = st.ties
    candidates = np.isin(st.profs.org, idx)
    if not candidates.any():
        return
    weight = np.bincount(T.dst, weights=T.trust * (T.r + T.s), minlength=len(st.profs.org))   # trust received
    who = int(np.argmax(np.where(candidates, weight, -1.0)))
    mine = (T.src == who) | (T.dst == who)
    T.r[mine] = 0.0
    T.s[mine] = 0.0
    T.trust[mine] = 0.5
    refresh_trust(T, len(st.orgs.name))
    st.profs.energy[who] = st.profs.drive[who]


def _bankruptcy(model, a):
    st = model.state
    idx = organisations_matching(model, a["target"])
    st.orgs.status[idx] = Status.EXITED
    st.orgs.contribution[idx] = 0.0


def _elections(model, a):
    """A new council and alderman: the trusted contact leaves and the administrative cover must be given anew."""
    _key_person_leaves(model, a)
    orgs = model.state.orgs
    idx = organisations_matching(model, a["target"])
    orgs.mandate[idx] *= 1 - a["mandate_loss"]


def _co_location(model, a):
    """The teams of ``target`` and ``partner`` work at one place (003 L1052-1058, R15: physical presence builds
    trust; L4495-4521, R26: sharing an office): from now on their professionals meet in person wherever they
    meet. Everyone with everyone (the default): every table physical."""
    st = model.state
    if a["target"] == "all" and a["partner"] == "all":
        st.forums.physical[:] = True
        return
    T = st.ties
    first = np.isin(T.src_org, organisations_matching(model, a["target"]))
    second = np.isin(T.dst_org, organisations_matching(model, a["partner"]))
    T.co_located |= (first & second) | (np.isin(T.dst_org, organisations_matching(model, a["target"]))
                                        & np.isin(T.src_org, organisations_matching(model, a["partner"])))


def _joint_fact_finding(model, a):
    """Partners analyse the region together (003 L4817-4852): a shared picture of what to take up and why.

    While it is fresh it pulls the partners' ambitions back to the shared one (mechanism 3) and gives grip,
    so less structure is demanded (mechanism 6); it goes stale as the context changes. The sense made
    together also gives each issue's group a shared direction (convergence, mechanism 10)."""
    st = model.state
    net, I = st.network, st.issues
    net.shared_picture = max(net.shared_picture, a["strength"])
    target = I.trust * net.design_focus
    I.convergence = np.clip(I.convergence + a["strength"] * np.maximum(0.0, target - I.convergence), 0.0, 1.0)


def _building_blocks(model, a):
    """Light shared rules absorb demand for structure; partners agree anew on what each can give."""
    st = model.state
    net, orgs = st.network, st.orgs
    net.structure = min(1.0, net.structure + a["structure"])
    net.absorption += model.params.leadership.added_absorption * a["absorption"]
    # rules of participation (003 L4856-4894; levels of participation, L982-992): each partner's pledge
    # moves to what its casework leaves room for; the hours given stay the same, the promise becomes keepable
    joined = orgs.joined
    can = orgs.first_pledge * workload_room(org_workload(st), model.params)
    new_pledge = (1 - a["renegotiate"]) * orgs.pledge + a["renegotiate"] * np.minimum(orgs.pledge, can)
    keep = joined & (new_pledge > 1e-9)
    orgs.contribution[keep] = np.minimum(1.0, orgs.contribution[keep] * orgs.pledge[keep] / new_pledge[keep])
    orgs.pledge[keep] = new_pledge[keep]


def _sub_coalitions(model, a):
    """Issue tables keep only the parties with a real interest in the issue; plenary tables meet less."""
    st = model.state
    F, focus = st.forums, st.orgs.focus
    org = st.profs.org[F.member_prof]
    for f in range(len(F.id)):
        mine = F.member_forum == f
        if not F.issues[f].any():
            F.frequency[f] *= 2
            continue
        at_table = np.unique(org[mine])
        interest = focus[at_table][:, F.issues[f]].sum(axis=1)
        keep = at_table[interest >= a["threshold"]]
        if len(keep) < 2:   # a coalition needs at least the two most interested parties at this table
            keep = at_table[np.argsort(-interest, kind="stable")[:2]]
        F.member_active[mine] &= np.isin(org[mine], keep)


def _let_go(net) -> None:
    """The one who decided lets go of control: decisions become the group's (002 V4, L1460-1480)."""
    if net.decision_rule == "lead_decides":
        net.decision_rule = "consensus"


def _shared_leadership_team(model, a):
    """Leadership moves from one or two people to a team in which everyone takes responsibility (003
    L4711-4756): less concentrated, the team absorbs demand for structure, and it decides together."""
    net, q = model.state.network, model.params.leadership
    net.concentration = min(net.concentration, q.concentration_shared)
    _let_go(net)
    net.hierarchy *= max(0.0, 1 - q.team_flattening * a["strength"])
    net.absorption += q.added_absorption * a["absorption"]


def _tables(model) -> np.ndarray:
    """Professionals who sit at an active table."""
    F = model.state.forums
    at = np.zeros(len(model.state.profs.org), bool)
    at[F.member_prof[F.member_active]] = True
    return at


def _fresh_ideas(model, amount: float) -> None:
    """Ideas a pattern breaker brings to every issue's pool: the new situation makes room for something new
    (002 L610-613, L3338-3342). They are brought, not talked into being, so they do not scatter the
    direction as talk does (7.7)."""
    model.state.issues.ideas = model.state.issues.ideas + amount


def _change_of_persons(model, a):
    """New people at the table, other roles, subgroups: a different dynamic that makes room for renewal
    (002 L615-619, L3346-3354). The fresh faces bring no old negativity and their own drive; the dominant
    owner steps back: leadership is less concentrated, so the others lean back less (mechanism 7), and the
    decisions are the group's (V4: let go of control, co-creation, 002 L1460-1480, L4262-4264); the newcomers
    bring ideas of their own (the frontline people who knew the young people had the content the directors
    lacked, 002 L3872-3881) and, as people who dare to try before they know it works, help the group turn an
    idea into a small experiment (002 L553-566)."""
    st = model.state
    fresh = _tables(model) & (model.stream("change_of_persons").random(len(st.profs.org)) < a["share"])
    st.profs.negativity[fresh] = 0.0
    st.profs.energy[fresh] = np.maximum(st.profs.energy[fresh], st.profs.drive[fresh])
    st.network.concentration *= 1 - a["share"]
    _let_go(st.network)
    _fresh_ideas(model, a["share"] * a["ideas"])
    st.network.experiment_drive = max(st.network.experiment_drive, 1 + a["share"] * a["daring"])


def _change_of_context(model, a):
    """Meet in another, inspiring place, where the target group is (002 L621-625, L3356-3363): out of the
    routine the place inspires: it gives energy and ideas, and the group is readier to try. The source names no
    lifting of the critical mood: negativity is left to mechanism 9 (issue 14 item 4: V6 reads it)."""
    st = model.state
    st.profs.energy = np.clip(st.profs.energy + a["energy"], 0, 1)
    st.network.experiment_drive = max(st.network.experiment_drive, 1.5)
    _fresh_ideas(model, a["ideas"])


def _change_of_thinking(model, a):
    """Another perspective, a positive theme, an intriguing question (002 L627-634, L3365-3378, L471-535).

    Direction: the question becomes the anchor, so the group narrows its ideas down towards the shared picture
    (design focus, L474-484, L1424-1433; the convergence follows in mechanism 10); a stake for those who saw
    none (V11: their interests, not the positions they argue; those follow through mechanism 3, where V11's
    detector reads them); new insights: while the perspective is fresh the same talk yields more ideas, because
    a positive theme brings more than a problem (L2112-2123); the question, tied to everyone's drives, feels
    owned (L1768-1782, L2125-2137); and with curiosity and urgency people leave their comfort zone and try
    something new (L499-510). It writes neither ideas nor convergence, which V1 and V7 read (issue 14 item 4).
    """
    st = model.state
    net, orgs = st.network, st.orgs
    net.design_focus = min(1.0, net.design_focus + a["focus"])
    orgs.focus += a["focus"] * (net.shared_ambition[None, :] - orgs.focus)
    orgs.ownership += a["focus"] * (1 - orgs.ownership)
    net.fresh_perspective = max(net.fresh_perspective, a["perspective"])
    net.experiment_drive = max(net.experiment_drive, a["drive"])


def _change_of_doing(model, a):
    model.state.network.experiment_drive = max(model.state.network.experiment_drive, a["drive"])


def _change_in_time(model, a):
    net, profs = model.state.network, model.state.profs
    if a["mode"] == "deadline":      # pressure and a point of no return: shoulders to the wheel
        net.experiment_drive = max(net.experiment_drive, 2.5)
    else:                            # postponing gives air: the conversation flows again
        profs.negativity *= 0.6
        profs.energy = np.clip(profs.energy + 0.05, 0, 1)


def _small_experiment(model, a):
    """Put one small, pattern-breaking experiment on the table of the issue named or of each idle issue (002 L536-572:
    not the whole new idea at once, a small step with those who see it). It stays there ``weeks`` weeks; whether the
    group takes it up is mechanism 10's draw (ownership, mandate, energy; a small step needs no converged direction),
    and it then runs half an experiment's length (issue 14 item 4: the remedy no longer starts it)."""
    I = model.state.issues
    idle = (I.experiment_left == 0) & (I.phase < 2)
    if a["issue"] != "all":
        idle &= np.array([i == a["issue"] for i in I.id])
    I.proposed[idle] = np.maximum(I.proposed[idle], int(a["weeks"]))


def _check_in(model, a):
    """Talk about drives first (002 L2058-2084, L2504-2516): for ``weeks`` weeks table members spend extra hours,
    and mechanism 10 keeps drives shared: more trust evidence, less hiding behind the organisation (V10), ideas
    from hearing the other side, and the group gets to the core faster (7.7)."""
    model.state.network.check_in_weeks = int(a["weeks"])


def _trust_dialogue(model, a):
    """'What do you need to trust the project? What is your fear?' (002 L1020-1035): fears said out loud take away
    part of the distrust built up and the partners feel the project is theirs again. The heat is not touched: it
    follows the lower distrust through mechanism 11 (issue 14 item 4)."""
    st = model.state
    T = st.ties
    T.s *= 1 - a["strength"]
    refresh_trust(T, len(st.orgs.name))
    st.orgs.ownership += a["strength"] * (1 - st.orgs.ownership)


def _near_miss_framing(model, a):
    """From now on a failed experiment may be called a near miss, a step to learn from (002 L657-670, R18): mechanism
    10 then spares the setback's energy and negativity. The negativity already there is not touched (V6 reads it;
    issue 14 item 4)."""
    model.state.network.near_miss_framing = a["share"]


def _reflection(model, a):
    """Periodic stock-taking: how did it work here, what is the network worth (002 L2613-2672; 003 L2442-2455). The
    partners hold a reflection this week; mechanism 10 holds it with whoever comes to the issues' tables, and what
    they understand follows from that (:func:`~netwerksim.mechanisms.innovation.hold_reflection`; issue 14 item 4)."""
    st = model.state
    st.network.reflection = max(st.network.reflection, a["depth"])
    joined = st.orgs.joined
    st.orgs.perceived_value[joined] += a["depth"] * np.maximum(0.0, st.orgs.benefit - st.orgs.perceived_value)[joined]


def _mediation(model, a):
    """A third party takes the partners from content via emotion to intention (003 L1195-1320): from position to
    interest, from reproach to wish (L1195-1240), naming what is at play in terms of interests and needs
    (disagreement, L1380-1395). A share ``strength`` of the unvoiced interests is put on the table; the heat is not
    touched: it follows the lower driver through mechanism 11 (issue 14 item 4). Distrust and the unfair division
    stay (trust dialogue, covenant). Nothing to mediate while every tie is friendly."""
    net = model.state.network
    if (model.state.ties.pair_heat >= 0.25).any():
        net.interests_voiced = max(net.interests_voiced, a["strength"])


def _mandate(model, a):
    """Administrative cover and a mandate to push through (doorzettingsmacht, 002 R52, L4395-4426): the delegates
    can commit their organisations and the formal owner can change how things work. Whether a proposal is taken
    up and whether the owner takes a result over stays with the mechanisms (ownership, 7.7): the remedy does not
    decide it (issue 14 item 4)."""
    st = model.state
    who = organisations_matching(model, a["target"])
    st.orgs.mandate[who] = np.maximum(st.orgs.mandate[who], a["mandate"])


def _invite_partner(model, a):
    """Bring in the party with the missing competence now (002 L998-1007, L5410-5415)."""
    orgs = model.state.orgs
    idx = organisations_matching(model, a["target"])
    pending = idx[orgs.status[idx] == Status.PENDING]
    orgs.joins_at[pending] = 0


def _flexible_budget(model, a):
    """A fallback budget for quick, tailored solutions (002 L4026-4033, L4285-4301, R59)."""
    st = model.state
    st.orgs.hours *= 1 + a["extra"]
    st.profs.hours = (st.orgs.hours / st.orgs.n_professionals)[st.profs.org]


def _external_facilitator(model, a):
    model.state.network.facilitation_weeks = int(a["weeks"])


def _existential_threat(model, a):
    """A threat to every partner's existence, or its lifting (strength 0): pupil numbers fall, a subsidy is at risk.

    The network's threat level becomes ``strength``; mechanism 4 raises the weight on the collective
    result with it and mechanism 10 the urgency. Going it alone gets worse: every outside option falls
    with the rise (and recovers when the threat is lifted) (003 L2886-2898, R31; L2537-2543).
    """
    st = model.state
    change = a["strength"] - st.network.threat
    st.network.threat = a["strength"]
    st.orgs.outside_option = st.orgs.outside_option - model.params.threat.outside_drop * change


def _external_momentum(model, a):
    """A national law, summit or programme gives wind in the back: energy and drive to act (002 R56)."""
    st = model.state
    st.profs.energy = np.clip(st.profs.energy + a["energy"], 0, 1)
    st.network.experiment_drive = max(st.network.experiment_drive, a["drive"])


def _remove_competition_incentive(model, a):
    """Finance neutral to where the work is done: referring to a rival no longer costs money (003 L1106-1122, R29)."""
    model.state.network.competition = 0.0


def _acknowledge_competition(model, a):
    """The partners say out loud that they also compete; the unspoken rivalry stops heating ties (003 L2591-2609)."""
    model.state.network.competition_voiced = 1.0


def _covenant(model, a):
    """Agreements anchored on paper: who gives and gets what, light shared rules (003 L2591-2611; 002 L4017-4022)."""
    net = model.state.network
    net.agreed_shares = 1.0
    net.structure = max(net.structure, a["structure"])
    net.absorption += a["absorption"]


def _performance_agreements(model, a):
    """The funders of the partners named make joint agreements with the network, or separate ones (003 R13)."""
    model.state.orgs.separate_agreements[organisations_matching(model, a["target"])] = float(a["mode"] == "separate")


def _decision_rule(model, a):
    net = model.state.network
    if a["rule"] == "lead_decides" and net.lead < 0 and net.governance != "nao":
        return   # nobody to decide: the rule cannot be used in this network (the event is still logged)
    net.decision_rule = a["rule"]


def _set_parameter(model, a):
    model.params = model.params.with_overrides({a["name"]: a["value"]})


REGISTRY: dict[str, Entry] = {e.name: e for e in [
    Entry("staff_shortage", "shock", "Personeelstekort", "Staff shortage",
          "Het personeelstekort loopt op: de caseload stijgt en er blijft minder tijd over voor netwerkwerk.",
          "Staff shortage grows: caseloads rise and less time is left for network work.",
          "003 L4626-4634 (R37a, R37c); 001 L326-367", ("meetings", "contribution", "energy"), _staff_shortage,
          {"target": Option("all", "who is hit", choices=TARGET),
           "amount": Option(0.2, "rise in workload (0-1 scale)", 0.0, 1.0),
           "turbulence": Option(0.3, "context turbulence it brings", 0.0, 5.0)},
          reads=(), writes=("profs.workload",)),
    Entry("funding_ends", "shock", "Financiering stopt", "Funding ends",
          "Een subsidie of projectbudget loopt af: er zijn minder uren voor het netwerk, en wie ervoor betaald werd, "
          "verliest die reden om te blijven.",
          "A grant or project budget ends: fewer hours are available for the network, and whoever it paid loses that "
          "reason to stay.",
          "003 L4632-4634 (R37c), L2497-2565; 002 L4165-4168", ("contribution", "production", "value"), _funding_ends,
          {"target": Option("all", "whose hours are cut", choices=TARGET),
           "cut": Option(0.3, "share of network hours lost", 0.0, 1.0),
           "turbulence": Option(0.4, "context turbulence it brings", 0.0, 5.0)},
          reads=("orgs.project_pay",), writes=("orgs.hours", "profs.hours", "orgs.outside_option", "orgs.project_pay")),
    Entry("key_person_leaves", "shock", "Sleutelfiguur vertrekt", "Key person leaves",
          "De meest vertrouwde verbinder van een organisatie vertrekt; de opvolger moet vertrouwen opnieuw opbouwen.",
          "An organisation's most trusted connector leaves; the successor has to build trust anew.",
          "003 L197-199 (R17), L2599-2605 (R23)", ("trust",), _key_person_leaves,
          {"target": Option("all", "whose key person leaves", choices=TARGET),
           "turbulence": Option(0.2, "context turbulence it brings", 0.0, 5.0)},
          reads=("ties.trust", "ties.r", "ties.s", "profs.drive"), writes=("ties.r", "ties.s", "ties.trust", "ties.pair_trust", "ties.org_given", "ties.org_received", "profs.energy")),
    Entry("partner_bankruptcy", "shock", "Partner failliet", "Partner goes bankrupt",
          "Een partner gaat failliet en valt weg uit het netwerk.",
          "A partner goes bankrupt and drops out of the network.",
          "003 L4817-4852 (context factors)", ("value", "production"), _bankruptcy,
          {"target": Option(None, "which organisation goes bankrupt (required)", choices=TARGET),
           "turbulence": Option(0.5, "context turbulence it brings", 0.0, 5.0)},
          reads=(), writes=("orgs.status", "orgs.contribution")),
    Entry("elections", "shock", "Gemeenteraadsverkiezingen", "Municipal elections",
          "Na de verkiezingen komt er een nieuwe wethouder: de vertrouwde contactpersoon bij de gemeente vertrekt, "
          "het bestuurlijk mandaat moet opnieuw worden gegeven en er is druk om snel resultaat te laten zien.",
          "After the elections a new alderman takes office: the trusted contact at the municipality leaves, the "
          "administrative mandate has to be given anew and there is pressure to show quick results.",
          "003 L3950-3970 (R57, SF28); L197-199 (R17)", ("trust", "contribution", "accountability"), _elections,
          {"target": Option("kind:municipality", "whose council is elected", choices=TARGET),
           "mandate_loss": Option(0.5, "share of the mandate lost until the new administration gives it again", 0.0, 1.0),
           "turbulence": Option(0.4, "context turbulence it brings (pressure for quick results)", 0.0, 5.0)},
          reads=("ties.trust", "ties.r", "ties.s", "profs.drive"), writes=("ties.r", "ties.s", "ties.trust", "ties.pair_trust", "ties.org_given", "ties.org_received", "profs.energy", "orgs.mandate")),
    Entry("co_location", "intervention", "Samen op één plek", "Co-location",
          "Alle tafels komen fysiek bijeen in plaats van op afstand (of: de teams van twee partijen werken op één plek): "
          "fysieke nabijheid bouwt sneller vertrouwen.",
          "All tables meet in person instead of remotely (or: two named teams work at one place): physical "
          "presence builds trust faster.",
          "003 L1052-1058 (R15), L4495-4521 (R26)", ("trust",), _co_location,
          {"target": Option("all", "whose team moves in (with partner's)", choices=TARGET),
           "partner": Option("all", "with whose team", choices=TARGET)},
          reads=(), writes=("forums.physical", "ties.co_located")),
    Entry("joint_fact_finding", "intervention", "Gezamenlijke feitenanalyse", "Joint fact finding",
          "De partners brengen samen de bevolking en de regionale opgaven in beeld: dat geeft richting, houvast en motivatie.",
          "The partners map the population and the regional issues together: it gives direction, grip and motivation.",
          "003 L4817-4852 (ingredient 1, R38)", ("alignment", "accountability", "innovation"), _joint_fact_finding,
          {"strength": Option(0.8, "how fresh and complete the shared picture is (0-1)", 0.0, 1.0)},
          reads=("network.design_focus", "issues.trust", "issues.convergence"),
          writes=("network.shared_picture", "issues.convergence")),
    Entry("building_blocks", "intervention", "Bouwstenen en spelregels", "Building blocks and shared rules",
          "Het netwerk organiseert zich met bouwstenen (identiteit, actoren, ambities, fundament) en lichte spelregels in plaats van een programmastructuur.",
          "The network organises itself with building blocks (identity, actors, ambitions, foundation) and light shared rules instead of a programme structure.",
          "003 L4854-4894 (ingredient 2, R39)", ("accountability", "leadership"), _building_blocks,
          {"structure": Option(0.7, "shared rules put in place (0-1)", 0.0, 1.0),
           "absorption": Option(0.3, "extra demand for structure the rules absorb", 0.0, 2.0),
           "renegotiate": Option(1.0, "how far pledges move to what casework leaves room for (0-1)", 0.0, 1.0)},
          reads=("profs.workload", "orgs.first_pledge", "orgs.joined"), writes=("network.structure", "network.absorption", "orgs.pledge", "orgs.contribution")),
    Entry("sub_coalitions", "intervention", "Subcoalities", "Sub-coalitions",
          "Niet iedereen overal bij: per opgave werken de partijen met echt belang samen; de plenaire tafel komt minder vaak bijeen.",
          "Not everyone in everything: per issue the parties with a real interest work together; the plenary table meets less often.",
          "003 L4896-4928, L4701-4709 (ingredient 3, R40)", ("meetings", "context"), _sub_coalitions,
          {"threshold": Option(0.25, "interest share in a table's issues needed to stay at that table", 0.0, 1.0)},
          reads=("orgs.focus", "forums.issues"), writes=("forums.member_active", "forums.frequency")),
    Entry("shared_leadership_team", "intervention", "Team voor gedeeld leiderschap", "Team for shared leadership",
          "Leiderschap komt bij een team waarin iedereen verantwoordelijkheid neemt, in plaats van bij één of twee mensen.",
          "Leadership moves to a team in which everyone takes responsibility, instead of one or two people.",
          "003 L4711-4756 (ingredient 4, R41)", ("leadership", "contribution"), _shared_leadership_team,
          {"strength": Option(0.5, "share of hierarchy undone", 0.0, 1.0),
           "absorption": Option(0.2, "extra demand for structure the team absorbs", 0.0, 2.0)},
          reads=("network.decision_rule",), writes=("network.concentration", "network.hierarchy", "network.absorption", "network.decision_rule")),
    Entry("change_of_persons", "intervention", "Patroondoorbreker: andere personen", "Pattern breaker: change of persons",
          "Wissel van rol, nodig iemand nieuw uit of splits in subgroepen: er ontstaat een andere dynamiek.",
          "Switch roles, invite someone new or split into subgroups: a different dynamic arises.",
          "002 L615-619, L3346-3354, L553-566, L3872-3881", ("energy", "negativity", "leadership", "innovation"),
          _change_of_persons,
          {"share": Option(0.5, "share of the table that changes", 0.0, 1.0),
           "ideas": Option(8.0, "ideas a wholly new table brings to each issue (times share)", 0.0, 50.0),
           "daring": Option(2.0, "extra multiplier on starting experiments a wholly new table brings (times share), relaxing back", 0.0, 10.0)},
          reads=("forums.member_active", "profs.drive", "network.decision_rule"), writes=("profs.negativity", "profs.energy", "network.concentration", "network.decision_rule", "issues.ideas", "network.experiment_drive")),
    Entry("change_of_context", "intervention", "Patroondoorbreker: andere context", "Pattern breaker: change of context",
          "Kom samen op een inspirerende plek, bij de doelgroep.",
          "Meet in an inspiring place, where the target group is.",
          "002 L621-625, L3356-3363, L610-613", ("energy", "negativity", "innovation"), _change_of_context,
          {"energy": Option(0.15, "energy the new place gives", 0.0, 1.0),
           "ideas": Option(4.0, "ideas the new place gives each issue", 0.0, 50.0)},
          reads=(), writes=("profs.energy", "network.experiment_drive", "issues.ideas")),
    Entry("change_of_thinking", "intervention", "Patroondoorbreker: anders denken", "Pattern breaker: change of thinking",
          "Kijk vanuit een ander perspectief; soms verandert zelfs de vraag.",
          "Look from another perspective; sometimes the question itself changes.",
          "002 L627-634, L3365-3378, L471-535, L2112-2137", ("innovation", "alignment", "leadership"),
          _change_of_thinking,
          {"focus": Option(0.3, "focus, shared direction and ownership gained (share of the way)", 0.0, 1.0),
           "perspective": Option(1.0, "new insights: extra share of ideas the same talk yields while the perspective is fresh, relaxing back", 0.0, 10.0),
           "drive": Option(2.0, "multiplier on starting experiments, relaxing back", 1.0, 10.0)},
          reads=("network.shared_ambition",), writes=("network.design_focus", "orgs.focus", "orgs.ownership", "network.fresh_perspective", "network.experiment_drive")),
    Entry("change_of_doing", "intervention", "Patroondoorbreker: anders doen", "Pattern breaker: change of doing",
          "Doe iets geks: geen projectgroep, maar steeds kijken wie of wat nodig is.",
          "Do something crazy: no project group, but each time see who or what is needed.",
          "002 L636-641, L3380-3386", ("innovation",), _change_of_doing,
          {"drive": Option(2.0, "multiplier on starting experiments, relaxing back", 1.0, 10.0)},
          reads=(), writes=("network.experiment_drive",)),
    Entry("change_in_time", "intervention", "Patroondoorbreker: tijd", "Pattern breaker: change in time",
          "Stel samen een deadline (druk, point of no return) of stel er een uit (lucht).",
          "Set a shared deadline (pressure, a point of no return) or postpone one (air).",
          "002 L643-649, L3388-3399", ("innovation", "negativity"), _change_in_time,
          {"mode": Option("deadline", "deadline or postpone", choices=("deadline", "postpone"))},
          reads=(), writes=("network.experiment_drive", "profs.negativity", "profs.energy")),
    Entry("small_experiment", "intervention", "Klein experiment", "Small experiment",
          "Leg één klein experiment op tafel: de groep beslist of ze het oppakt, en dan kijk je wat er gebeurt.",
          "Put one small experiment on the table: the group decides whether to take it up; then watch what happens.",
          "002 L536-572, L3064-3137 (R15)", ("innovation",), _small_experiment,
          {"issue": Option("all", "the issue's id, or 'all'", choices=ISSUE),
           "weeks": Option(6, "weeks the small experiment stays on the table for the group to take up (assumption)", 1, 52)},
          reads=("issues.experiment_left", "issues.phase", "issues.proposed"), writes=("issues.proposed",)),
    Entry("check_in", "intervention", "Check-in: drijfveren delen", "Check-in: sharing drives",
          "Eerst meer praten, over drijfveren in plaats van inhoud: het kost tijd, maar daarna gaat het sneller.",
          "Talk more first, about drives rather than content: it takes time, but then things go faster.",
          "002 L2058-2084, L2504-2516 (R28-R30)", ("trust", "leadership", "meetings", "innovation"), _check_in,
          {"weeks": Option(8, "weeks of check-ins", 1, 52)},
          reads=(), writes=("network.check_in_weeks",)),
    Entry("trust_dialogue", "intervention", "Vertrouwensdialoog", "Trust dialogue",
          "'Wat heb je nodig om het project te vertrouwen? Wat is je angst?'",
          "'What do you need to trust the project? What is your fear?'",
          "002 L1020-1035, L4643-4657", ("trust", "conflict", "leadership"), _trust_dialogue,
          {"strength": Option(0.4, "share of the distrust built up taken away", 0.0, 1.0)},
          reads=("ties.r",), writes=("ties.s", "ties.trust", "ties.pair_trust", "ties.org_given", "ties.org_received", "orgs.ownership")),
    Entry("near_miss_framing", "intervention", "Rakelingen benoemen", "Near-miss framing",
          "Mislukkingen heten voortaan 'rakelingen': een stap in de goede richting, om van te leren.",
          "From now on failures are 'near misses': a step in the right direction, to learn from.",
          "002 L657-670 (R18)", ("innovation", "negativity"), _near_miss_framing,
          {"share": Option(0.7, "share of failures framed as near misses", 0.0, 1.0)},
          reads=(), writes=("network.near_miss_framing",)),
    Entry("reflection", "intervention", "Reflectie en balans opmaken", "Reflection and stock-taking",
          "Hoe werkte het hier? Wat levert het netwerk ons op?",
          "How did it work here? What is the network worth to us?",
          "002 L2613-2672, L3182-3226; 003 L2442-2455 (R11)", ("innovation", "value"), _reflection,
          {"depth": Option(0.6, "understanding gained", 0.0, 1.0)},
          reads=("orgs.benefit", "orgs.joined"), writes=("network.reflection", "orgs.perceived_value")),
    Entry("mediation", "intervention", "Bemiddeling", "Mediation",
          "De-escaleren: van inhoud via emotie naar bedoeling.",
          "De-escalation: from content via emotion to intention.",
          "003 L1195-1320 (R35-R36)", ("conflict",), _mediation,
          {"strength": Option(0.7, "share of the unvoiced interests put on the table", 0.0, 1.0)},
          reads=("ties.pair_heat", "network.interests_voiced"), writes=("network.interests_voiced",)),
    Entry("mandate", "governance", "Doorzettingsmacht", "Mandate to push through",
          "Bestuurlijke dekking: mensen krijgen mandaat om hun organisatie te binden, ook de formele eigenaar.",
          "Administrative cover: people get a mandate to commit their organisation, the formal owner too.",
          "002 L848-865, L4395-4426 (R52), L5242-5256 (R51)", ("contribution", "innovation"), _mandate,
          {"mandate": Option(0.9, "mandate the organisations named get at least", 0.0, 1.0),
           "target": Option("all", "who gets it (002 R52: often the formal owner)", choices=TARGET)},
          reads=(), writes=("orgs.mandate",)),
    Entry("invite_partner", "intervention", "Partij met de ontbrekende competentie erbij", "Invite the missing partner",
          "Ontbreekt een puzzelstuk, haal dan de partij erbij die het heeft.",
          "If a piece of the puzzle is missing, bring in the party that has it.",
          "002 L998-1007, L5410-5415, L4153-4165", ("context", "production"), _invite_partner,
          {"target": Option("all", "who joins now (if not yet joined)", choices=TARGET)},
          reads=("orgs.status",), writes=("orgs.joins_at",)),
    Entry("flexible_budget", "governance", "Flexibel budget", "Flexible budget",
          "Een achtervangbudget voor snelle maatwerkoplossingen: er is weer ruimte om het plan uit te voeren.",
          "A fallback budget for quick tailored solutions: there is room again to carry out the plan.",
          "002 L4026-4033, L4285-4301 (R59)", ("production",), _flexible_budget,
          {"extra": Option(0.5, "extra network hours, as a share", 0.0, 5.0)},
          reads=(), writes=("orgs.hours", "profs.hours")),
    Entry("external_facilitator", "intervention", "Externe begeleider", "External facilitator",
          "Een externe begeleider houdt de vaart erin en organiseert reflectie, zolang hij er is.",
          "An external facilitator keeps the momentum and organises reflection, while present.",
          "004 L2622-2690; 002 L1675-2039", ("innovation",), _external_facilitator,
          {"weeks": Option(26, "weeks the facilitator stays", 1, 520)},
          reads=(), writes=("network.facilitation_weeks",)),
    Entry("existential_threat", "shock", "Existentiële dreiging", "Existential threat",
          "Het bestaan van alle partners staat op het spel (krimp, een subsidie die dreigt te verdwijnen): samen of niet. "
          "Sterkte 0 heft de dreiging op.",
          "Every partner's existence is at stake (falling numbers, a subsidy at risk): together or not at all. "
          "Strength 0 lifts the threat.",
          "003 L2886-2898 (R31), L2537-2543; L3366-3418 (R73)", ("contribution", "value", "innovation"),
          _existential_threat,
          {"strength": Option(0.7, "threat level from now on (0 lifts it)", 0.0, 1.0),
           "turbulence": Option(0.2, "context turbulence it brings", 0.0, 5.0)},
          reads=("network.threat",), writes=("network.threat", "orgs.outside_option")),
    Entry("external_momentum", "shock", "Wind mee van buiten", "External momentum",
          "Een nieuwe wet, een landelijk programma of politieke aandacht geeft de partners wind in de rug.",
          "A new law, a national programme or political attention gives the partners wind in the back.",
          "002 L4006-4010, L4200-4217, L4716-4721 (R56)", ("energy", "innovation"), _external_momentum,
          {"energy": Option(0.1, "energy it gives", 0.0, 1.0),
           "drive": Option(2.0, "multiplier on starting experiments, relaxing back", 1.0, 10.0),
           "turbulence": Option(0.0, "context turbulence it brings", 0.0, 5.0)},
          reads=(), writes=("profs.energy", "network.experiment_drive")),
    Entry("remove_competition_incentive", "governance", "Concurrentieprikkel weg", "Remove the competition incentive",
          "De financiering wordt neutraal voor waar de zorg geleverd wordt: doorverwijzen naar een concurrent kost niets meer.",
          "Finance becomes neutral to where care is given: referring to a competitor no longer costs anything.",
          "003 L904-912, L1106-1122 (R29)", ("trust", "conflict"), _remove_competition_incentive,
          reads=(), writes=("network.competition",)),
    Entry("acknowledge_competition", "intervention", "Concurrentie benoemen", "Name the competition",
          "De partners spreken uit dat ze ook elkaars concurrent zijn; wat onbesproken bleef, hoeft niet meer te broeien.",
          "The partners say out loud that they also compete; what went unspoken no longer smoulders.",
          "003 L2591-2609", ("conflict",), _acknowledge_competition,
          reads=(), writes=("network.competition_voiced",)),
    Entry("covenant", "governance", "Afspraken verankeren (convenant)", "Anchor agreements (covenant)",
          "Wie wat inbrengt en krijgt, en hoe besloten wordt, komt op papier in plaats van in persoonlijke relaties.",
          "Who brings and gets what, and how decisions are made, is put on paper instead of left to personal relations.",
          "003 L2591-2611; 002 L4017-4022, L4485-4489", ("value", "accountability", "leadership"), _covenant,
          {"structure": Option(0.5, "light shared rules in place at least (0-1)", 0.0, 1.0),
           "absorption": Option(0.2, "extra demand for structure the agreements absorb", 0.0, 2.0)},
          reads=(), writes=("network.agreed_shares", "network.structure", "network.absorption")),
    Entry("performance_agreements", "governance", "Prestatieafspraken financiers", "Funders' performance agreements",
          "Financiers maken gezamenlijke prestatieafspraken met het netwerk, of aparte met elke partner.",
          "Funders make joint performance agreements with the network, or separate ones with each partner.",
          "003 L4469-4482 (R13)", ("contribution", "value", "leadership"), _performance_agreements,
          {"mode": Option("joint", "joint or separate", choices=("joint", "separate")),
           "target": Option("all", "the partners whose funders change their agreements", choices=TARGET)},
          reads=(), writes=("orgs.separate_agreements",)),
    Entry("decision_rule", "governance", "Besluitregel", "Decision rule",
          "Vanaf nu besluit het netwerk bij consensus, bij meerderheid, of beslist de leider (of de netwerkorganisatie).",
          "From now on the network decides by consensus, by majority, or the lead (or the NAO) decides.",
          "anchors_peers 1.3 (Choi & Robertson 2014); 003 L5296-5302; 002 R52", ("innovation", "leadership"),
          _decision_rule,
          {"rule": Option("consensus", "consensus, majority or lead_decides",
                          choices=("consensus", "majority", "lead_decides"))},
          reads=("network.lead", "network.governance"), writes=("network.decision_rule",)),
    Entry("set_parameter", "governance", "Parameter aangepast", "Parameter changed",
          "Een modelparameter krijgt vanaf nu een andere waarde (parameters die alleen bij de opbouw tellen, veranderen niets meer).",
          "A model parameter takes another value from now on (parameters used only at set-up no longer change anything).",
          "params.py", ("any",), _set_parameter,
          {"name": Option("", "dotted parameter name", choices=tuple(PARAMETERS)),
           "value": Option(0.0, "new value", -1e9, 1e9)},
          reads=(), writes=("params",)),
]}
