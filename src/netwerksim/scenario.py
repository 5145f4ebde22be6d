"""Scenario files: the TOML schema, loading and validation with messages a person can act on.

A scenario describes one network (MODEL.md §3): its organisations (one by one, or generated in
groups for large networks), their professionals, the shared issues (*opgaven*), the forums
(*tafels*), the governance, its history (new or existing) and context, parameter overrides and a
timeline of events. Any error names the file,
the field, the value and what is allowed (:class:`ScenarioError`). Every number has bounds and must be
finite; no ``true`` or ``"3"`` where a number belongs (``inputs.py``). A generated group's value may
be a distribution: its support must lie in the range of the same field of a listed organisation
(:func:`field_range`); a normal distribution (unbounded) needs its mean in that range, and its draws
are clipped to the range, as are the professionals' counts after rounding to whole numbers.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import ConfigDict, Field, ValidationError, field_validator, model_validator

from .inputs import StrictModel, describe, read_toml
from .params import ParameterError, check

KINDS = (
    "hospital", "gp_coop", "care_provider", "mental_health", "municipality", "insurer", "school",
    "school_board", "housing", "employer", "library", "welfare", "youth_work", "education", "other",
)
Kind = Literal[
    "hospital", "gp_coop", "care_provider", "mental_health", "municipality", "insurer", "school",
    "school_board", "housing", "employer", "library", "welfare", "youth_work", "education", "other",
]
Role = Literal["initiator", "lead", "funder", "nao"]
Fraction = Annotated[float, Field(ge=0, le=1)]
Weight = Annotated[float, Field(ge=0, le=100)]        # an interest or ambition weight, relative to the others
MAX_STEPS = 5200                                      # 100 years of weeks
Week = Annotated[int, Field(ge=0, le=MAX_STEPS)]

SCENARIO_DIR = Path(__file__).resolve().parent / "scenarios"   # package data: in the wheel too


class ScenarioError(Exception):
    """A scenario that cannot be used; the message names file, field, value and what is allowed."""


class Distribution(StrictModel):
    """A random value for generated organisations: drawn once per organisation at set-up."""

    dist: Literal["uniform", "normal", "beta"]
    low: float | None = None
    high: float | None = None
    mean: float | None = None
    sd: Annotated[float, Field(ge=0)] | None = None
    a: Annotated[float, Field(ge=0.01, le=1000)] | None = None
    b: Annotated[float, Field(ge=0.01, le=1000)] | None = None

    @model_validator(mode="after")
    def _complete(self) -> "Distribution":
        need = {"uniform": ("low", "high"), "normal": ("mean", "sd"), "beta": ("a", "b")}[self.dist]
        missing = [n for n in need if getattr(self, n) is None]
        if missing:
            raise ValueError(f"a {self.dist} distribution needs {' and '.join(need)}; missing {', '.join(missing)}")
        if self.dist == "uniform" and self.low > self.high:
            raise ValueError(f"low ({self.low}) must not exceed high ({self.high})")
        return self

    def outside(self, low: float, high: float) -> str | None:
        """Why this distribution does not fit a field's range [low, high], or None when it does."""
        if self.dist == "uniform" and not low <= self.low <= self.high <= high:
            return f"a uniform distribution from {self.low:g} to {self.high:g} reaches outside the field's range [{low:g}, {high:g}]"
        if self.dist == "normal" and not low <= self.mean <= high:
            return f"a normal distribution's mean {self.mean:g} lies outside the field's range [{low:g}, {high:g}]"
        if self.dist == "normal" and self.sd > high - low:
            return f"a normal distribution's sd {self.sd:g} is wider than the field's range [{low:g}, {high:g}]"
        if self.dist == "beta" and not low <= 0 < 1 <= high:
            return f"a beta distribution draws in [0, 1], which reaches outside the field's range [{low:g}, {high:g}]"
        return None

    def clipped_mean(self, low: float, high: float) -> float:
        """The mean of a draw clipped to [low, high] (what state.py does with it), exactly."""
        if self.dist == "uniform":
            a, b = self.low, self.high
            if b - a == 0:
                return min(max(a, low), high)
            lo, hi = min(max(a, low), b), max(min(b, high), a)      # the part of [a, b] inside [low, high]
            inside = (hi * hi - lo * lo) / 2 if hi > lo else 0.0
            return (low * max(0.0, min(low, b) - a) + inside + high * max(0.0, b - max(high, a))) / (b - a)
        if self.dist == "beta":
            return min(max(self.a / (self.a + self.b), low), high)   # only allowed where [0, 1] lies in the range
        if self.sd == 0:
            return min(max(self.mean, low), high)
        return _clipped_normal_mean(self.mean, self.sd, low, high)

    def spread(self) -> float:
        """The standard deviation of a draw (clipping can only make it smaller)."""
        if self.dist == "uniform":
            return (self.high - self.low) / 12 ** 0.5
        if self.dist == "beta":
            a, b = self.a, self.b
            return (a * b / ((a + b) ** 2 * (a + b + 1))) ** 0.5
        return self.sd


def _clipped_normal_mean(mu: float, sd: float, low: float, high: float) -> float:
    """E[min(max(X, low), high)] for X ~ N(mu, sd)."""
    from math import erf, exp, pi, sqrt  # noqa: PLC0415

    def cdf(z: float) -> float:
        return 0.5 * (1 + erf(z / sqrt(2)))

    def pdf(z: float) -> float:
        return exp(-z * z / 2) / sqrt(2 * pi)

    a, b = (low - mu) / sd, (high - mu) / sd
    inside = mu * (cdf(b) - cdf(a)) + sd * (pdf(a) - pdf(b))
    return low * cdf(a) + inside + high * (1 - cdf(b))


Number = float | Distribution


class Meta(StrictModel):
    name_nl: str
    name_en: str
    description_nl: str = ""
    description_en: str = ""
    steps: Annotated[int, Field(ge=1, le=MAX_STEPS)] = 156
    seed: Annotated[int, Field(ge=0, le=2**63 - 1)] = 0
    record_every: Annotated[int, Field(ge=1, le=520)] = 1


class Motives(StrictModel):
    """Weights of the three motives to take part (003 L232-250)."""

    instrumental: Annotated[float, Field(ge=0, le=10)] = 1.0
    affective: Annotated[float, Field(ge=0, le=10)] = 0.5
    moral: Annotated[float, Field(ge=0, le=10)] = 0.5


class OrganisationTraits(StrictModel):
    """What organisations listed one by one and generated groups have in common."""

    kind: Kind
    roles: list[Role] = []
    hours_per_professional: Annotated[float, Field(ge=0, le=40)] = 4.0
    collective_weight: Fraction = 0.5
    motives: Motives = Motives()
    autonomy_ceded: Fraction = 0.2
    mandate: Fraction = 0.8
    pledge: Fraction = 0.7
    outside_option: Annotated[float, Field(ge=-10, le=10)] = 0.0
    project_pay: Annotated[float, Field(ge=0, le=10)] = 0.0
    workload: Fraction = 0.5
    drive: Fraction = 0.7
    culture_control: Fraction = 0.5
    rivals: list[str] = []
    joins_at: Week = 0
    representation: Fraction = 0.0


class Organisation(OrganisationTraits):
    name: str
    professionals: Annotated[int, Field(ge=1, le=100_000)]
    interests: dict[str, Weight] = {}


DRAWN = ("professionals", "hours_per_professional", "collective_weight", "autonomy_ceded", "mandate", "pledge",
         "outside_option", "project_pay", "workload", "drive", "culture_control", "representation")


def field_range(name: str) -> tuple[float, float]:
    """The inclusive range of a listed organisation's numeric field: a generated group's values keep to it."""
    meta = Organisation.model_fields[name].metadata
    return next(m.ge for m in meta if hasattr(m, "ge")), next(m.le for m in meta if hasattr(m, "le"))


class OrganisationGroup(StrictModel):
    """A group of generated organisations of one kind; numbers may be distributions (ranges: :func:`field_range`)."""

    name: str
    kind: Kind
    count: Annotated[int, Field(ge=1, le=1_000_000)]
    professionals: int | Distribution = 10
    hours_per_professional: Number = 4.0
    collective_weight: Number = 0.5
    autonomy_ceded: Number = 0.2
    mandate: Number = 0.8
    pledge: Number = 0.7
    outside_option: Number = 0.0
    project_pay: Number = 0.0
    workload: Number = 0.5
    drive: Number = 0.7
    culture_control: Number = 0.5
    motives: Motives = Motives()
    interests: dict[str, Weight] | Literal["random"] = "random"
    issues_per_organisation: Annotated[int, Field(ge=1, le=1000)] = 2
    joins_at: Week = 0
    representation: Number = 0.0

    @field_validator(*DRAWN)
    @classmethod
    def _in_range(cls, value: float | Distribution, info) -> float | Distribution:
        low, high = field_range(info.field_name)
        if isinstance(value, Distribution):
            wrong = value.outside(low, high)
            if wrong:
                raise ValueError(wrong)
        elif not low <= value <= high:
            raise ValueError(f"a number in [{low:g}, {high:g}] is required, or a distribution within that range")
        return value


class Issue(StrictModel):
    id: str
    name_nl: str
    name_en: str
    difficulty: Annotated[float, Field(ge=0.01, le=100)] = 1.0
    required_kinds: list[Kind] = []
    owner: str | None = None
    phase: Literal["pioneer", "experiment", "implementation"] = "pioneer"
    ideas: Annotated[float, Field(ge=0, le=1000)] = 0.0
    convergence: Fraction = 0.0
    # how the partners work on it: looking for options to try, or mapping its bottlenecks, which brings insight into
    # why things fail more than options to try (002 L139-144, L1183-1190)
    approach: Literal["open", "bottleneck_analysis"] = "open"


class Forum(StrictModel):
    id: str
    name_nl: str
    name_en: str
    members: list[str] = ["all"]
    delegates: Annotated[int, Field(ge=1, le=1000)] = 1
    frequency: Annotated[int, Field(ge=1, le=52)] = 2
    hours: Annotated[float, Field(gt=0, le=40)] = 2.0
    physical: bool = True
    issues: list[str] = []
    level: Literal["mixed", "administrative", "frontline"] = "mixed"   # who sits there (002 R53-R54)
    # a table that starts or stops during the run (issue 17): a split is the old table stopping in the week
    # its sub-tables start; a merger the reverse
    starts_at: Week = 0
    ends_at: Week | None = None


class ForumGroup(StrictModel):
    """Generated forums for large networks: each gathers a random set of organisations, from the organisation
    groups named in ``among`` (a region of a national network) or, when empty, from all organisations."""

    name: str
    count: Annotated[int, Field(ge=1, le=1_000_000)]
    organisations_per_forum: Annotated[int, Field(ge=2, le=1000)] = 6
    among: list[str] = []
    delegates: Annotated[int, Field(ge=1, le=100)] = 1
    frequency: Annotated[int, Field(ge=1, le=52)] = 4
    hours: Annotated[float, Field(gt=0, le=40)] = 2.0
    physical_share: Fraction = 0.5


class Governance(StrictModel):
    """How the network is governed (MODEL.md §6; Provan & Kenis, anchors_peers 1.3). Defaults change nothing."""

    mode: Literal["shared", "lead_organisation", "nao"] = "shared"
    lead: str | None = None
    shared_ambition: dict[str, Weight] = {}
    decision_rule: Literal["consensus", "majority", "lead_decides"] = "consensus"
    accountable: str | None = None               # one party accountable for the whole (002 R51)
    agreements: Literal["joint", "separate"] = "joint"   # funders' performance agreements (003 R13)
    competition_incentive: bool = True           # finance that makes referring to a rival cost money (003 R29)
    competition_acknowledged: bool = False       # the partners name that they also compete (003 L2591-2609)
    reflection_every: Annotated[int, Field(ge=0, le=520)] = 0   # weeks between joint stock-takings; 0: none
    reflection_depth: Fraction = 0.3
    nao_hours: Annotated[float, Field(ge=0, le=100_000)] = 0.0  # the NAO's own coordination hours a week
    room: Fraction | None = None                 # room partners get to choose how (0 tight steering, 1 letting go)


class Relation(StrictModel):
    """How two organisations, or two kinds of organisation, got along before this network (issue 17): the
    trust their professionals start with and whether they are rivals; an entry naming two organisations
    overrides one naming their kinds. The trust is the starting evidence of their ties (``trust.prior_evidence``),
    which meeting then confirms or wears down; rivals share less while they compete (003 L904-912, R29)."""

    between: Annotated[list[str], Field(min_length=2, max_length=2)]   # two organisations or 'kind:<kind>'s
    trust: Annotated[float, Field(ge=0.1, le=0.9)] | None = None        # the first's professionals in the second's
    trust_back: Annotated[float, Field(ge=0.1, le=0.9)] | None = None   # the second's in the first's (default: trust)
    rivals: bool = False


class Funder(StrictModel):
    """A funder of partners in the network (issue 17): the performance agreements it makes with the partners it
    funds and how much accounting it asks of them (003 L4469-4482, R13; L4636-4646, R37e; L4660-4672, R37i).
    ``funds`` names organisations, kinds (``kind:<kind>``) or everyone (``all``). A partner no funder names follows
    ``governance.agreements`` and ``context.accountability_demand``; one that several funders name is held to its
    own agreement if any of them makes one, and to the largest demand among them."""

    name: Annotated[str, Field(min_length=1, max_length=200)]
    funds: Annotated[list[str], Field(min_length=1, max_length=10_000)]
    agreements: Literal["joint", "separate"] | None = None                   # default: governance.agreements
    accountability_demand: Annotated[float, Field(ge=0, le=3)] | None = None  # default: context.accountability_demand


class History(StrictModel):
    """Where the network comes from (issue 13 item 1): a new initiative (the default), or a collaboration
    that exists.

    A new network starts where a new network starts: the partners agreed on a shared ambition, the
    non-initiators have yet to free their hours (003 L4586-4612), and their people trust each other as
    far as earlier contacts allow (``trust``; without it, the neutral prior of people who never worked
    together). An existing one says how it has gone: the trust its people built and the share of their
    promises partners kept lately; the model then lets it settle for a spin-up before week 0, so that
    no indicator starts at a level its dynamics cannot sustain. Either can say how far the collaboration
    already rests on agreed, light routines anchored in the partners' own structures (``structure``, 0-1;
    003 L4856-4894, L2591-2611): they streamline the accounting as building blocks do. Without it there are
    none: a network held together by personal relations only.
    """

    start: Literal["new", "existing"] = "new"
    trust: Annotated[float, Field(ge=0.1, le=0.9)] | None = None   # partners' people in each other (new: 0.5, existing: 0.6)
    contribution: Fraction = 0.8                              # existing: share of their promises partners kept lately
    structure: Fraction = 0.0                                 # agreed light routines in place, anchored in the partners' own structures


class Context(StrictModel):
    """The network's surroundings, relative to a typical Dutch region (1 = typical; 003 L4626-4646)."""

    turbulence: Annotated[float, Field(ge=0, le=3)] = 1.0     # how quickly the environment and the partners' situations change
    accountability_demand: Annotated[float, Field(ge=0, le=3)] = 1.0   # how much accountability funders and boards demand


class Event(StrictModel):
    """One entry of the timeline: apply the registry entry ``type`` with its parameters (checked against the
    registry's ranges in :func:`validate`) at week ``at``; or ``after`` weeks after the detectors report
    ``when`` (once, or at every report with ``repeat``); or at random with chance ``rate`` per week or
    ``per_year`` times a year on average, in the weeks ``between`` (a shock process, whose parameters may be
    ranges or lists drawn anew at each hit). Exactly one timing (:mod:`.timeline`)."""

    model_config = ConfigDict(extra="allow")
    type: str
    at: Week | None = None
    when: str | None = None
    after: Week = 0
    repeat: bool = False
    rate: Annotated[float, Field(gt=0, le=1)] | None = None
    per_year: Annotated[float, Field(gt=0, le=52)] | None = None
    between: Annotated[list[Week], Field(min_length=2, max_length=2)] | None = None

    @property
    def params(self) -> dict[str, Any]:
        return dict(self.model_extra or {})


class Scenario(StrictModel):
    meta: Meta
    organisations: list[Organisation] = []
    organisation_groups: list[OrganisationGroup] = []
    issues: Annotated[list[Issue], Field(min_length=1, max_length=1000)]
    forums: list[Forum] = []
    forum_groups: list[ForumGroup] = []
    governance: Governance = Governance()
    relations: list[Relation] = []
    funders: list[Funder] = []
    history: History = History()
    context: Context = Context()
    parameters: dict[str, float] = {}
    events: list[Event] = []

    def digest(self) -> str:
        """SHA-256 of the validated content: two files that mean the same have the same hash."""
        canonical = json.dumps(self.model_dump(mode="json"), sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(canonical.encode()).hexdigest()

    def unreached(self, steps: int | None = None) -> list[str]:
        """What the timeline schedules after the last week of a run of ``steps`` weeks (default: the
        scenario's), as ``"what (week N)"``: events, and organisations that would join then."""
        last = self.meta.steps if steps is None else steps
        late = [(e.at, e.type) for e in self.events if e.at is not None and e.at > last]
        late += [(o.joins_at, f"{o.name} joins") for o in self.organisations if o.joins_at > last]
        late += [(g.joins_at, f"group {g.name} joins") for g in self.organisation_groups if g.joins_at > last]
        return [f"{what} (week {week})" for week, what in sorted(late)]

    def with_changes(self, *, steps: int | None = None, seed: int | None = None) -> "Scenario":
        """The same scenario with other weeks or seed (checked against the same bounds as the file's)."""
        changes = {k: v for k, v in (("steps", steps), ("seed", seed)) if v is not None}
        if not changes:
            return self
        try:
            meta = Meta.model_validate({**self.meta.model_dump(), **changes})
        except ValidationError as exc:
            errors = [{**e, "loc": ("meta", *e["loc"])} for e in exc.errors()]
            raise ScenarioError(describe(f"{self.meta.name_en} (steps or seed given)", errors)) from None
        return self.model_copy(update={"meta": meta})


# --------------------------------------------------------------------------------------------------
def load_scenario(source: str | Path | dict) -> Scenario:
    """Read and validate a scenario from a TOML file, a bundled scenario's name or a dict."""
    if isinstance(source, dict):
        return validate(source, "<dict>")
    path = resolve_path(source)
    if not path.exists():
        raise ScenarioError(f"{path}: file not found. Bundled scenarios: {', '.join(bundled_names())}")
    _, data = read_toml(path, ScenarioError, "scenario file")
    return validate(data, str(path))


def resolve_path(source: str | Path) -> Path:
    """A path as given, or the bundled scenario of that name (``zorgnetwerk``)."""
    path = Path(source)
    if not path.exists() and path.suffix == "" and (SCENARIO_DIR / f"{path.name}.toml").exists():
        return SCENARIO_DIR / f"{path.name}.toml"
    return path


def bundled_names() -> list[str]:
    return sorted(p.stem for p in SCENARIO_DIR.glob("*.toml"))


def bundled() -> dict[str, Scenario]:
    """All scenarios shipped in ``src/netwerksim/scenarios/`` (package data), by file stem."""
    return {name: load_scenario(SCENARIO_DIR / f"{name}.toml") for name in bundled_names()}


def validate(data: dict, where: str) -> Scenario:
    try:
        scenario = Scenario.model_validate(data)
    except ValidationError as exc:
        raise ScenarioError(describe(where, exc.errors())) from None
    problems = list(_reference_problems(scenario))
    if problems:
        raise ScenarioError("\n".join(f"{where}: field {field}: {msg}" for field, msg in problems))
    return scenario


def _reference_problems(s: Scenario):
    """Cross-references a schema cannot check: names that must exist, counts that must fit."""
    from .interventions import REGISTRY, EventParameterError  # noqa: PLC0415 (registry imports mechanisms)
    from .timeline import corners, timing_problems  # noqa: PLC0415 (names the detectors' reports)

    if not s.organisations and not s.organisation_groups:
        yield "organisations", "a scenario needs at least one organisation or organisation group"
    issue_ids = [i.id for i in s.issues]
    names = [o.name for o in s.organisations]
    for label, values in (("issues", issue_ids), ("organisations", names), ("forums", [f.id for f in s.forums])):
        dupes = sorted(v for v, n in Counter(values).items() if n > 1)
        if dupes:
            yield label, f"duplicate names {dupes}; each must be unique"
    for i, o in enumerate(s.organisations):
        for issue in o.interests:
            if issue not in issue_ids:
                yield f"organisations[{i}].interests", f"value {issue!r} is not an issue; allowed: {issue_ids}"
        for rival in o.rivals:
            if rival not in names or rival == o.name:
                yield f"organisations[{i}].rivals", f"value {rival!r} is not another organisation; allowed: {names}"
    present = {o.kind for o in s.organisations} | {g.kind for g in s.organisation_groups}
    yield from _relation_problems(s.relations, names, sorted(present))
    yield from _funder_problems(s.funders, names, sorted(present))
    for i, g in enumerate(s.organisation_groups):
        if isinstance(g.interests, dict):
            for issue in g.interests:
                if issue not in issue_ids:
                    yield f"organisation_groups[{i}].interests", f"value {issue!r} is not an issue; allowed: {issue_ids}"
    group_names = [g.name for g in s.organisation_groups]
    for i, g in enumerate(s.forum_groups):
        for name in g.among:
            if name not in group_names:
                yield f"forum_groups[{i}].among", f"value {name!r} is not an organisation group; allowed: {group_names}"
    member_refs = {"all", *names, *(f"kind:{k}" for k in KINDS)}
    for i, f in enumerate(s.forums):
        for m in f.members:
            if m not in member_refs:
                yield f"forums[{i}].members", f"value {m!r} is not allowed; use 'all', an organisation's name or 'kind:<kind>'"
        for issue in f.issues:
            if issue not in issue_ids:
                yield f"forums[{i}].issues", f"value {issue!r} is not an issue; allowed: {issue_ids}"
    for i, f in enumerate(s.forums):
        if f.ends_at is not None and f.ends_at <= f.starts_at:
            yield f"forums[{i}].ends_at", f"value {f.ends_at} is not allowed; a week after starts_at ({f.starts_at})"
    for i, issue in enumerate(s.issues):
        if issue.owner is not None and issue.owner not in names:
            yield f"issues[{i}].owner", f"value {issue.owner!r} is not an organisation; allowed: {names}"
    for issue in s.governance.shared_ambition:
        if issue not in issue_ids:
            yield "governance.shared_ambition", f"value {issue!r} is not an issue; allowed: {issue_ids}"
    if s.governance.lead is not None and s.governance.lead not in names:
        yield "governance.lead", f"value {s.governance.lead!r} is not an organisation; allowed: {names}"
    if s.governance.mode == "lead_organisation" and s.governance.lead is None:
        yield "governance.lead", "required when governance.mode is 'lead_organisation'"
    g = s.governance
    if g.accountable is not None and g.accountable not in names:
        yield "governance.accountable", f"value {g.accountable!r} is not an organisation; allowed: {names}"
    if g.decision_rule == "lead_decides" and g.lead is None and g.mode != "nao":
        yield "governance.decision_rule", "value 'lead_decides' needs governance.lead or governance.mode = 'nao'"
    if g.nao_hours > 0 and g.mode != "nao":
        yield "governance.nao_hours", f"value {g.nao_hours!r} needs governance.mode = 'nao' (now {g.mode!r})"
    for name, value in s.parameters.items():
        try:
            check(name, value)
        except ParameterError as exc:
            yield f"parameters.{name}", str(exc)
    for i, e in enumerate(s.events):
        for name, message in timing_problems(e, s.meta.steps):
            yield f"events[{i}].{name}", message
        if e.type not in REGISTRY:
            yield f"events[{i}].type", f"value {e.type!r} is not allowed; allowed: {sorted(REGISTRY)}"
            continue
        try:
            for params in corners(e):   # a shock process's ranges and choices: each end and each choice
                REGISTRY[e.type].check_params(params, s)
        except EventParameterError as exc:
            yield f"events[{i}].{exc.field}", str(exc)


def _funder_problems(funders: list[Funder], names: list[str], kinds: list[str]):
    """Each funder once, funding organisations or kinds present (or everyone)."""
    seen: set[str] = set()
    for i, f in enumerate(funders):
        if f.name in seen:
            yield f"funders[{i}].name", f"value {f.name!r} is already a funder above; each funder once"
        seen.add(f.name)
        for who in f.funds:
            if who.startswith("kind:") and who[5:] not in kinds:
                yield f"funders[{i}].funds", (f"value {who!r} names no organisation of this scenario; kinds present:"
                                              f" {[f'kind:{k}' for k in kinds]}")
            elif who != "all" and not who.startswith("kind:") and who not in names:
                yield f"funders[{i}].funds", f"value {who!r} is not an organisation; allowed: {names}, 'kind:<kind>' or 'all'"


def _relation_problems(relations: list[Relation], names: list[str], kinds: list[str]):
    """Two different organisations (or kinds of organisation present) listed one by one, each pair once, and
    something said about them."""
    seen: dict[frozenset, int] = {}
    for i, r in enumerate(relations):
        for name in r.between:
            if name.startswith("kind:") and name[5:] not in kinds:
                yield f"relations[{i}].between", (f"value {name!r} names no organisation of this scenario; kinds"
                                                  f" present: {[f'kind:{k}' for k in kinds]}")
            elif not name.startswith("kind:") and name not in names:
                yield f"relations[{i}].between", (f"value {name!r} is not an organisation; allowed: {names} or"
                                                  " 'kind:<kind>'")
        if r.between[0] == r.between[1] and not r.between[0].startswith("kind:"):
            yield f"relations[{i}].between", f"value {r.between!r} names one organisation twice; name two"
        pair = frozenset(r.between)
        if pair in seen:
            yield f"relations[{i}].between", f"value {r.between!r}: this pair is already described in relations[{seen[pair]}]"
        seen.setdefault(pair, i)
        if r.trust_back is not None and r.trust is None:
            yield f"relations[{i}].trust_back", "needs trust (the first's professionals in the second's) as well"
        if r.trust is None and not r.rivals:
            yield f"relations[{i}]", "says nothing about the pair; give trust (0.1-0.9), rivals = true, or both"

