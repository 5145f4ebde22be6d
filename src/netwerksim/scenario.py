"""Scenario files: the TOML schema, loading and validation with messages a person can act on.

A scenario describes one network (MODEL.md §3): its organisations (one by one, or generated in
groups for large networks), their professionals, the shared issues (*opgaven*), the forums
(*tafels*), the governance, parameter overrides and a timeline of events. Any error names the file,
the field, the value and what is allowed (:class:`ScenarioError`).
"""

from __future__ import annotations

import hashlib
import json
import tomllib
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

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

SCENARIO_DIR = Path(__file__).resolve().parent / "scenarios"   # package data: in the wheel too


class ScenarioError(Exception):
    """A scenario that cannot be used; the message names file, field, value and what is allowed."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Distribution(_Strict):
    """A random value for generated organisations: drawn once per organisation at set-up."""

    dist: Literal["uniform", "normal", "beta"]
    low: float | None = None
    high: float | None = None
    mean: float | None = None
    sd: Annotated[float, Field(ge=0)] | None = None
    a: Annotated[float, Field(gt=0)] | None = None
    b: Annotated[float, Field(gt=0)] | None = None

    @model_validator(mode="after")
    def _complete(self) -> "Distribution":
        need = {"uniform": ("low", "high"), "normal": ("mean", "sd"), "beta": ("a", "b")}[self.dist]
        missing = [n for n in need if getattr(self, n) is None]
        if missing:
            raise ValueError(f"a {self.dist} distribution needs {' and '.join(need)}; missing {', '.join(missing)}")
        if self.dist == "uniform" and self.low > self.high:
            raise ValueError(f"low ({self.low}) must not exceed high ({self.high})")
        return self


Number = float | Distribution


class Meta(_Strict):
    name_nl: str
    name_en: str
    description_nl: str = ""
    description_en: str = ""
    steps: Annotated[int, Field(ge=1, le=5200)] = 156
    seed: Annotated[int, Field(ge=0)] = 0
    record_every: Annotated[int, Field(ge=1, le=520)] = 1


class Motives(_Strict):
    """Weights of the three motives to take part (003 L232-250)."""

    instrumental: Annotated[float, Field(ge=0)] = 1.0
    affective: Annotated[float, Field(ge=0)] = 0.5
    moral: Annotated[float, Field(ge=0)] = 0.5


class OrganisationTraits(_Strict):
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
    workload: Fraction = 0.5
    drive: Fraction = 0.7
    culture_control: Fraction = 0.5
    rivals: list[str] = []
    joins_at: Annotated[int, Field(ge=0)] = 0
    representation: Fraction = 0.0


class Organisation(OrganisationTraits):
    name: str
    professionals: Annotated[int, Field(ge=1, le=100_000)]
    interests: dict[str, Annotated[float, Field(ge=0)]] = {}


class OrganisationGroup(_Strict):
    """A group of generated organisations of one kind; numbers may be distributions."""

    name: str
    kind: Kind
    count: Annotated[int, Field(ge=1, le=1_000_000)]
    professionals: Number = 10
    hours_per_professional: Number = 4.0
    collective_weight: Number = 0.5
    autonomy_ceded: Number = 0.2
    mandate: Number = 0.8
    pledge: Number = 0.7
    outside_option: Number = 0.0
    workload: Number = 0.5
    drive: Number = 0.7
    culture_control: Number = 0.5
    motives: Motives = Motives()
    interests: dict[str, Annotated[float, Field(ge=0)]] | Literal["random"] = "random"
    issues_per_organisation: Annotated[int, Field(ge=1)] = 2
    joins_at: Annotated[int, Field(ge=0)] = 0
    representation: Number = 0.0


class Issue(_Strict):
    id: str
    name_nl: str
    name_en: str
    difficulty: Annotated[float, Field(gt=0, le=100)] = 1.0
    required_kinds: list[Kind] = []
    owner: str | None = None
    phase: Literal["pioneer", "experiment", "implementation"] = "pioneer"
    ideas: Annotated[float, Field(ge=0, le=1000)] = 0.0
    convergence: Fraction = 0.0


class Forum(_Strict):
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


class ForumGroup(_Strict):
    """Generated forums for large networks: each gathers a random set of organisations."""

    name: str
    count: Annotated[int, Field(ge=1, le=1_000_000)]
    organisations_per_forum: Annotated[int, Field(ge=2, le=1000)] = 6
    delegates: Annotated[int, Field(ge=1, le=100)] = 1
    frequency: Annotated[int, Field(ge=1, le=52)] = 4
    hours: Annotated[float, Field(gt=0, le=40)] = 2.0
    physical_share: Fraction = 0.5


class Governance(_Strict):
    """How the network is governed (MODEL.md §6; Provan & Kenis, anchors_peers 1.3). Defaults change nothing."""

    mode: Literal["shared", "lead_organisation", "nao"] = "shared"
    lead: str | None = None
    shared_ambition: dict[str, Annotated[float, Field(ge=0)]] = {}
    decision_rule: Literal["consensus", "majority", "lead_decides"] = "consensus"
    accountable: str | None = None               # one party accountable for the whole (002 R51)
    agreements: Literal["joint", "separate"] = "joint"   # funders' performance agreements (003 R13)
    competition_incentive: bool = True           # finance that makes referring to a rival cost money (003 R29)
    competition_acknowledged: bool = False       # the partners name that they also compete (003 L2591-2609)
    reflection_every: Annotated[int, Field(ge=0, le=520)] = 0   # weeks between joint stock-takings; 0: none
    reflection_depth: Fraction = 0.3
    nao_hours: Annotated[float, Field(ge=0, le=100_000)] = 0.0  # the NAO's own coordination hours a week
    room: Fraction | None = None                 # room partners get to choose how (0 tight steering, 1 letting go)


class Event(BaseModel):
    """One entry of the timeline: at week ``at``, apply the registry entry ``type`` with its parameters."""

    model_config = ConfigDict(extra="allow", frozen=True)
    at: Annotated[int, Field(ge=0)]
    type: str

    @property
    def params(self) -> dict[str, Any]:
        return dict(self.model_extra or {})


class Scenario(_Strict):
    meta: Meta
    organisations: list[Organisation] = []
    organisation_groups: list[OrganisationGroup] = []
    issues: Annotated[list[Issue], Field(min_length=1)]
    forums: list[Forum] = []
    forum_groups: list[ForumGroup] = []
    governance: Governance = Governance()
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
        late = [(e.at, e.type) for e in self.events if e.at > last]
        late += [(o.joins_at, f"{o.name} joins") for o in self.organisations if o.joins_at > last]
        late += [(g.joins_at, f"group {g.name} joins") for g in self.organisation_groups if g.joins_at > last]
        return [f"{what} (week {week})" for week, what in sorted(late)]

    def with_changes(self, *, steps: int | None = None, seed: int | None = None) -> "Scenario":
        meta = self.meta.model_copy(update={k: v for k, v in (("steps", steps), ("seed", seed)) if v is not None})
        return self.model_copy(update={"meta": meta})


# --------------------------------------------------------------------------------------------------
def load_scenario(source: str | Path | dict) -> Scenario:
    """Read and validate a scenario from a TOML file, a bundled scenario's name or a dict."""
    if isinstance(source, dict):
        return validate(source, "<dict>")
    path = resolve_path(source)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ScenarioError(f"{path}: file not found. Bundled scenarios: {', '.join(bundled_names())}") from None
    except (IsADirectoryError, PermissionError, UnicodeDecodeError) as exc:
        raise ScenarioError(f"{path}: cannot be read as a UTF-8 text file ({exc.__class__.__name__})") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ScenarioError(f"{path}: not valid TOML: {exc}") from None
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
        raise ScenarioError("\n".join(_describe(where, err) for err in exc.errors())) from None
    problems = list(_reference_problems(scenario))
    if problems:
        raise ScenarioError("\n".join(f"{where}: field {field}: {msg}" for field, msg in problems))
    return scenario


def _describe(where: str, err: dict) -> str:
    field = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in err["loc"]).lstrip(".") or "(top level)"
    # pydantic names union branches in the location (e.g. "float", "Distribution"): drop those
    field = field.replace(".float", "").replace(".Distribution", "").replace(".function-after[_complete()]", "")
    kind, value = err["type"], err.get("input")
    if kind == "extra_forbidden":
        return f"{where}: field {field}: unknown field (value {value!r}); check the spelling against docs/model.md"
    if kind == "missing":
        return f"{where}: field {field}: required but missing"
    if kind == "literal_error":
        allowed = err.get("ctx", {}).get("expected", "")
        return f"{where}: field {field}: value {value!r} is not allowed; allowed: {allowed}"
    return f"{where}: field {field}: value {value!r} is not allowed: {err['msg']}"


def _reference_problems(s: Scenario):
    """Cross-references a schema cannot check: names that must exist, counts that must fit."""
    from .interventions import REGISTRY, EventParameterError  # noqa: PLC0415 (registry imports mechanisms)

    if not s.organisations and not s.organisation_groups:
        yield "organisations", "a scenario needs at least one organisation or organisation group"
    issue_ids = [i.id for i in s.issues]
    names = [o.name for o in s.organisations]
    for label, values in (("issues", issue_ids), ("organisations", names), ("forums", [f.id for f in s.forums])):
        dupes = sorted({v for v in values if values.count(v) > 1})
        if dupes:
            yield label, f"duplicate names {dupes}; each must be unique"
    for i, o in enumerate(s.organisations):
        for issue in o.interests:
            if issue not in issue_ids:
                yield f"organisations[{i}].interests", f"value {issue!r} is not an issue; allowed: {issue_ids}"
        for rival in o.rivals:
            if rival not in names or rival == o.name:
                yield f"organisations[{i}].rivals", f"value {rival!r} is not another organisation; allowed: {names}"
    for i, g in enumerate(s.organisation_groups):
        if isinstance(g.interests, dict):
            for issue in g.interests:
                if issue not in issue_ids:
                    yield f"organisation_groups[{i}].interests", f"value {issue!r} is not an issue; allowed: {issue_ids}"
    member_refs = {"all", *names, *(f"kind:{k}" for k in KINDS)}
    for i, f in enumerate(s.forums):
        for m in f.members:
            if m not in member_refs:
                yield f"forums[{i}].members", f"value {m!r} is not allowed; use 'all', an organisation's name or 'kind:<kind>'"
        for issue in f.issues:
            if issue not in issue_ids:
                yield f"forums[{i}].issues", f"value {issue!r} is not an issue; allowed: {issue_ids}"
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
        if e.at > s.meta.steps:
            yield f"events[{i}].at", f"value {e.at} is after the last step ({s.meta.steps})"
        if e.type not in REGISTRY:
            yield f"events[{i}].type", f"value {e.type!r} is not allowed; allowed: {sorted(REGISTRY)}"
            continue
        try:
            REGISTRY[e.type].check_params(e.params, s)
        except EventParameterError as exc:
            yield f"events[{i}].{exc.field}", str(exc)
