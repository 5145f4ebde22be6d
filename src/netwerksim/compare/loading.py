"""Comparison files and options: read, check against the scenario, and build a :class:`Comparison`.

A comparison (a file ``src/netwerksim/experiments/*.toml`` or options on the command line) names a
scenario, the options (parameter overrides, scenario-field overrides and timeline interventions), the
baseline, the number of replications, the base seed, the metrics to report and the key outcomes of the
report's first page. Every problem is reported at once, naming file, field, value and what is allowed.
"""

from __future__ import annotations

import copy
import difflib
from pathlib import Path
from typing import Annotated, Any, Mapping, Sequence

from pydantic import Field, ValidationError

from ..i18n import t
from ..inputs import StrictModel, describe, read_toml
from ..interventions import REGISTRY, EventParameterError
from ..metrics import metric_of, metric_problems
from ..params import PARAMETERS, ParameterError, check
from ..scenario import MAX_STEPS, Event, Scenario, ScenarioError, load_scenario, validate
from ..timeline import TIMING_FIELDS, corners, timing_problems
from .command_line import OPTION_NAME, parse_option
from .fields import SETTABLE, set_field, split_path
from .spec import BASIS, KEY_COUNT, MAX_KEY, REPORTED, Comparison, ComparisonError, Option

EXPERIMENT_DIR = Path(__file__).resolve().parents[1] / "experiments"   # package data: in the wheel too


Relevant = Annotated[float, Field(gt=0, le=1e9)]


class _Header(StrictModel):
    scenario: str
    name_nl: str = ""
    name_en: str = ""
    question_nl: str = ""
    question_en: str = ""
    baseline: str | None = None
    replications: Annotated[int, Field(ge=2, le=100_000)] = 20
    seed: Annotated[int, Field(ge=0, le=2**63 - 1)] = 0
    steps: Annotated[int, Field(ge=1, le=MAX_STEPS)] | None = None
    metrics: list[str] | None = None
    key_metrics: list[str] | None = None
    # the smallest difference that matters to the client, in each outcome's unit (a share: 0.05 = 5 points)
    relevant: Relevant | dict[str, Relevant] | None = None


class _OptionSpec(StrictModel):
    label_nl: str | None = None
    label_en: str | None = None
    description_nl: str = ""
    description_en: str = ""
    set: dict[str, str | int | float | bool | list] = {}
    events: list[Event] = []


class _File(StrictModel):
    comparison: _Header
    options: dict[str, _OptionSpec] = {}


def resolve_comparison(source: str | Path) -> Path | None:
    """The comparison file ``source`` names (a path, or the name of one bundled in the package, src/netwerksim/experiments/), or None."""
    path = Path(source)
    for candidate in (path, EXPERIMENT_DIR / f"{path.name}.toml"):
        if candidate.is_file() and candidate.suffix == ".toml":
            try:
                data = read_toml(candidate, ComparisonError)[1]
                if "comparison" in data or (candidate == path and "meta" not in data):   # not a scenario: say what is missing
                    return candidate
            except ComparisonError:
                if candidate == path:   # a broken file given by path: say what is wrong with it
                    return candidate
    return None


def bundled_comparisons() -> list[str]:
    return sorted(p.stem for p in EXPERIMENT_DIR.glob("*.toml"))


def load_comparison(path: str | Path, *, options: Sequence[str | Mapping] = (), **overrides: Any) -> Comparison:
    """Read and validate a comparison file; ``options`` adds options, ``overrides`` replace header fields."""
    path = Path(path)
    if not path.exists():
        raise ComparisonError(f"{path}: file not found. Bundled comparisons: {', '.join(bundled_comparisons())}")
    _, data = read_toml(path, ComparisonError, "comparison file")
    return build(data, str(path), path.parent, options=options, **overrides)


def for_scenario(scenario: str | Path | Mapping, options: Sequence[str | Mapping], **overrides: Any) -> Comparison:
    """A comparison of a scenario as it is (option ``basis``, the default baseline) with the options given."""
    source = "<dict>" if isinstance(scenario, Mapping) else str(scenario)
    data: dict[str, Any] = {"comparison": {"scenario": source}, "options": {}}
    parsed = [parse_option(o) if isinstance(o, str) else dict(o) for o in options]
    if not parsed:
        raise ComparisonError(f"{source}: not a comparison file (bundled: {', '.join(bundled_comparisons())}); "
                              "to compare a scenario as it is with options, give at least one "
                              "--option 'name[Label]: field=value, intervention@week'")
    if not any(o.get("name") == BASIS for o in parsed):
        data["options"][BASIS] = {"label_nl": t("compare.basis", "nl"), "label_en": t("compare.basis", "en")}
    return build(data, "<command line>", Path.cwd(), options=parsed, scenario=scenario, **overrides)


def build(data: dict, where: str, base_dir: Path, *, options: Sequence[str | Mapping] = (),
          scenario: Scenario | str | Path | Mapping | None = None, **overrides: Any) -> Comparison:
    """Validate comparison data (a parsed file, plus options and header overrides) into a Comparison."""
    data = copy.deepcopy(data)
    header = data.setdefault("comparison", {})
    if isinstance(header, dict):
        header.update({k: v for k, v in overrides.items() if v is not None})
    extra = [parse_option(o) if isinstance(o, str) else dict(o) for o in options]
    if isinstance(data.get("options", {}), dict):
        for o in extra:
            name = o.pop("name", None)
            if not isinstance(name, str) or not name:
                raise ComparisonError(f"{where}: option {o!r}: needs a name")
            data.setdefault("options", {})[name] = o
    try:
        spec = _File.model_validate(data)
    except ValidationError as exc:
        raise ComparisonError(describe(where, exc.errors(), guide="docs/adviseursgids.md")) from None
    h = spec.comparison
    base = _base_scenario(h.scenario if scenario is None else scenario, where, base_dir)
    steps = h.steps or base.meta.steps
    problems = []
    if len(spec.options) < 2:
        problems.append(("options", f"{len(spec.options)} option(s) given; a comparison needs at least two"))
    for name in spec.options:
        if not OPTION_NAME.match(name):
            problems.append((f"options.{name}", f"name {name!r} is not allowed; use letters, digits, '_' and '-'"))
    baseline = h.baseline or next(iter(spec.options), "")
    if spec.options and baseline not in spec.options:
        problems.append(("comparison.baseline", f"value {baseline!r} is not an option; allowed: {list(spec.options)}"))
    metrics = tuple(h.metrics) if h.metrics is not None else REPORTED
    problems += metric_problems(metrics, base, "comparison.metrics", steps)
    key = tuple(h.key_metrics) if h.key_metrics is not None else metrics[:KEY_COUNT]
    if h.key_metrics is not None:
        problems += metric_problems(key, base, "comparison.key_metrics", steps)
        if len(key) > MAX_KEY:
            problems.append(("comparison.key_metrics", f"{len(key)} outcomes given; the first page shows at most "
                                                       f"{MAX_KEY} (all of comparison.metrics are in the report)"))
    metrics += tuple(m for m in dict.fromkeys(key) if m not in metrics)
    relevant, wrong = _relevant(h.relevant, metrics, base)
    problems += wrong
    built = []
    for name, o in spec.options.items():
        option, wrong = _option(name, o, base, steps, where)
        built.append(option)
        problems += wrong
    if problems:
        raise ComparisonError("\n".join(f"{where}: field {f}: {msg}" for f, msg in problems))
    scenario_name = base.meta.name_nl, base.meta.name_en
    comparison = Comparison(
        source=where, name_nl=h.name_nl or scenario_name[0], name_en=h.name_en or scenario_name[1],
        question_nl=h.question_nl or t("compare.question", "nl", scenario=scenario_name[0]),
        question_en=h.question_en or t("compare.question", "en", scenario=scenario_name[1]),
        scenario=base, options=tuple(built), baseline=baseline, replications=h.replications, seed=h.seed,
        steps=steps, metrics=metrics, key_metrics=tuple(dict.fromkeys(key)), relevant=relevant)
    comparison.check_resources(1)
    return comparison


def _relevant(given: float | dict[str, float] | None, metrics: tuple[str, ...],
              base: Scenario) -> tuple[dict[str, float], list[tuple[str, str]]]:
    """The smallest relevant difference per reported metric (one number: the same for each), and the problems."""
    if given is None:
        return {}, []
    named = isinstance(given, dict)
    per_metric = given if named else dict.fromkeys(metrics, given)
    problems = []
    for m, value in per_metric.items():
        field = f"comparison.relevant.{m}" if named else "comparison.relevant"
        if m not in metrics:
            problems.append((field, f"{m!r} is not an outcome of this comparison; allowed: {list(metrics)}"))
        elif value > 1 and metric_of(m, base).yes_no:
            problems.append((field, f"value {value!r} for {m!r}, a yes/no outcome: a difference of shares lies in "
                                    "[-1, 1]; give a share, e.g. 0.05 for 5 percentage points"))
            if not named:
                break
    return {m: float(v) for m, v in per_metric.items() if m in metrics}, problems


def _base_scenario(given: Scenario | Mapping | str | Path, where: str, base_dir: Path) -> Scenario:
    """The scenario compared: an object, a dict, a file beside the comparison file, a path or a bundled name."""
    if isinstance(given, Scenario):
        return given
    try:
        if isinstance(given, Mapping):
            return load_scenario(dict(given))
        beside = base_dir / given
        return load_scenario(beside if beside.is_file() else given)
    except ScenarioError as exc:
        raise ComparisonError(f"{where}: field comparison.scenario: the scenario cannot be used:\n  {exc}") from None


def _option(name: str, o: _OptionSpec, base: Scenario, steps: int, where: str) -> tuple[Option, list[tuple[str, str]]]:
    """One option checked against the scenario: the option and its problems as (field, message)."""
    problems: list[tuple[str, str]] = []
    params, fields = {}, {}
    for key, value in o.set.items():
        at = f'options.{name}.set."{key}"'
        if key in PARAMETERS:
            try:
                params[key] = check(key, value)
            except ParameterError as exc:
                problems.append((at, f"value {value!r}: {exc}"))
        elif split_path(key)[0].split("[")[0] in SETTABLE:
            fields[key] = value
        else:
            close = difflib.get_close_matches(key, list(PARAMETERS), 1)
            hint = f" Did you mean {close[0]!r}?" if close else ""
            problems.append((at, f"unknown name {key!r} (value {value!r}): neither a parameter (see `netwerksim params`)"
                                 f" nor a scenario field starting with one of {list(SETTABLE)}.{hint}"))
    data = base.model_dump(mode="json")   # its own weeks stay: a shorter comparison simply ends earlier
    unset = []
    for key, value in fields.items():
        try:
            set_field(data, key, value)
        except ValueError as exc:
            unset.append((f'options.{name}.set."{key}"', f"value {value!r}: {exc}"))
    problems += unset
    scenario = None
    if not unset:
        try:
            scenario = validate(data, "scenario")
        except ScenarioError as exc:   # "scenario: field F: message" for each problem of the changed scenario
            problems += [(f"options.{name}.set", line.replace("scenario: field", "the changed scenario's field", 1))
                         for line in str(exc).splitlines()]
    events = []
    for i, e in enumerate(o.events):
        at = f"options.{name}.events[{i}]"
        kind, given = e.type, e.params
        problems += [(f"{at}.{where}", message) for where, message in timing_problems(e, steps)]
        if kind not in REGISTRY:
            close = difflib.get_close_matches(str(kind), list(REGISTRY), 1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            problems.append((f"{at}.type", f"value {kind!r} is not an intervention or shock{hint}; allowed: {sorted(REGISTRY)}"))
            continue
        try:
            for corner in corners(e):
                REGISTRY[kind].check_params(corner, scenario or base)
        except EventParameterError as exc:
            problems.append((f"{at}.{exc.field}", str(exc)))
        events.append({**e.model_dump(include=set(TIMING_FIELDS), exclude_defaults=True), "type": kind, **given})
    return Option(name, o.label_nl or o.label_en or name, o.label_en or o.label_nl or name, o.description_nl,
                  o.description_en, params, fields, tuple(events), data), problems


