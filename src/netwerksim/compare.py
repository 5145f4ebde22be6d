"""The advisor's comparison: one scenario under named options, many paired replications, a report.

A comparison (a file ``src/netwerksim/experiments/*.toml`` or options on the command line) names a scenario, the
options (parameter overrides, scenario-field overrides and timeline interventions), the baseline,
the number of replications, the base seed and the metrics to report. Every option runs with the
same seeds (common random numbers, anchors_mesa.md §5.3), so the difference between an option and
the baseline is taken per seed: a paired comparison. The summary gives per option and metric the
mean with a 95% t-interval, and per option the mean paired difference from the baseline with a
95% t-interval over the paired differences; a difference is *clear* when its interval excludes 0.
Governance options as levers follow Provan & Kenis (anchors_peers.md §1.3) and MODEL.md §6; the
outcomes are those of ``metrics.py``.
"""

from __future__ import annotations

import copy
import difflib
import json
import math
import platform
import re
import time
import tomllib
import warnings
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path
from typing import Annotated, Any, Mapping, Sequence

import numpy as np
import pandas as pd
from pydantic import Field, ValidationError

from . import resources
from .experiment import RunSpec, run_many, seeds
from .i18n import t
from .inputs import StrictModel, describe, read_toml
from .interventions import REGISTRY, EventParameterError
from .metrics import SERIES, Metric, metric_problems, registry
from .params import PARAMETERS, ParameterError, check
from .scenario import MAX_STEPS, Event, Scenario, ScenarioError, load_scenario, validate
from .storage import result_folder

EXPERIMENT_DIR = Path(__file__).resolve().parent / "experiments"   # package data: in the wheel too
REPORTED = ("dip", "dip_depth", "dip_weeks", "doorstart", "weeks_to_first_result", "progress_total",
            "vitality_mean", "vitality_end", "trust_end", "conflict_level_end", "organisations_left",
            "organisations_dormant", "stuck_count")   # the metrics a comparison reports unless it names others
SETTABLE = ("governance", "organisations", "organisation_groups", "issues", "forums", "forum_groups")
BASIS = "basis"   # the untouched scenario, added when options come from the command line
LEVEL = 0.95      # two-sided level of every interval


class ComparisonError(ScenarioError):
    """A comparison that cannot be run; the message names file, field, value and what is allowed."""


# --- the comparison file ----------------------------------------------------------------------------
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


OPTION_NAME = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_-]*$")


@dataclass(frozen=True)
class Option:
    """One named option: what it changes, and the scenario it runs (validated, as a dict)."""

    name: str
    label_nl: str
    label_en: str
    description_nl: str
    description_en: str
    params: dict[str, float]
    fields: dict[str, Any]
    events: tuple[dict[str, Any], ...]
    scenario: dict[str, Any] = field(repr=False)

    def label(self, lang: str) -> str:
        return self.label_nl if lang == "nl" else self.label_en

    def description(self, lang: str) -> str:
        return self.description_nl if lang == "nl" else self.description_en

    def changes(self, lang: str) -> str:
        """What this option changes, in one line: fields and parameters as set, interventions by label and week."""
        parts = [f"`{k} = {v if v != '' else t('compare.default', lang)}`" for k, v in self.fields.items()]
        parts += [f"`{k} = {v:g}`" for k, v in self.params.items()]
        for e in self.events:
            entry = REGISTRY[e["type"]]
            extra = ", ".join(f"{k}={v}" for k, v in e.items() if k not in ("at", "type"))
            parts.append(t("compare.event_at", lang, label=entry.label_nl if lang == "nl" else entry.label_en,
                           week=e["at"]) + (f" ({extra})" if extra else ""))
        return "; ".join(parts) or t("compare.unchanged", lang)


@dataclass(frozen=True)
class Comparison:
    """A validated comparison, ready to run."""

    source: str
    name_nl: str
    name_en: str
    question_nl: str
    question_en: str
    scenario: Scenario = field(repr=False)
    options: tuple[Option, ...]
    baseline: str
    replications: int
    seed: int
    steps: int
    metrics: tuple[str, ...]

    def option(self, name: str) -> Option:
        return next(o for o in self.options if o.name == name)

    def seeds(self) -> list[int]:
        """One seed per replication, shared by every option (common random numbers)."""
        return seeds(self.seed, self.replications)

    def specs(self) -> list[tuple[str, int, int, RunSpec]]:
        """(option, replication, seed, spec) for every run, option by option."""
        return [(o.name, r, s, RunSpec(o.scenario, s, o.params, o.events, self.steps, SERIES))
                for o in self.options for r, s in enumerate(self.seeds())]

    def metric(self, name: str) -> Metric:
        return registry(self.scenario)[name]

    def check_resources(self, parallel: int) -> float:
        """Refuse the comparison if ``parallel`` of its costliest runs do not fit the memory limit; the seconds it takes."""
        per_run = max((resources.estimate(Scenario.model_validate(o.scenario), self.steps) for o in self.options),
                      key=lambda e: e.bytes)
        return resources.guard_runs(per_run, len(self.options) * self.replications, parallel, self.source)

    def text(self, what: str, lang: str) -> str:
        return getattr(self, f"{what}_{lang}")


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
                              "--option 'name: field=value, intervention@week'")
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
    problems += metric_problems(metrics, base, "comparison.metrics")
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
        steps=steps, metrics=metrics)
    comparison.check_resources(1)
    return comparison


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
        elif re.split(r"[.\[]", key, maxsplit=1)[0] in SETTABLE:
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
            _set_field(data, key, value)
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
        week, kind, given = e.at, e.type, e.params
        if not 0 <= week <= steps:
            problems.append((f"{at}.at", f"value {week!r} is not allowed; the week it takes effect, a whole number in [0, {steps}]"))
        if kind not in REGISTRY:
            close = difflib.get_close_matches(str(kind), list(REGISTRY), 1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            problems.append((f"{at}.type", f"value {kind!r} is not an intervention or shock{hint}; allowed: {sorted(REGISTRY)}"))
            continue
        try:
            REGISTRY[kind].check_params(given, scenario or base)
        except EventParameterError as exc:
            problems.append((f"{at}.{exc.field}", str(exc)))
        events.append({"at": week, "type": kind, **given})
    return Option(name, o.label_nl or o.label_en or name, o.label_en or o.label_nl or name, o.description_nl,
                  o.description_en, params, fields, tuple(events), data), problems


# --- scenario fields by path -------------------------------------------------------------------------
_PART = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)(?:\[([^\]]+)\])?$")


def _split_path(path: str) -> list[str]:
    """``organisations[GGZ Midden].mandate`` -> ["organisations[GGZ Midden]", "mandate"] (dots inside [] kept)."""
    parts, depth, current = [], 0, ""
    for ch in path:
        depth += (ch == "[") - (ch == "]")
        if ch == "." and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += ch
    return [*parts, current]


def _select(items: list, selector: str) -> list[dict]:
    if selector == "*":
        return [i for i in items if isinstance(i, dict)]
    if selector.startswith("kind:"):
        return [i for i in items if isinstance(i, dict) and i.get("kind") == selector.removeprefix("kind:")]
    return [i for i in items if isinstance(i, dict) and selector in (i.get("name"), i.get("id"))]


def _set_field(data: dict, path: str, value: Any) -> None:
    """Set a scenario field by path; list elements by [name or id], [*] or [kind:<kind>]; "" restores the default."""
    parts = _split_path(path)
    nodes = [data]
    for depth, part in enumerate(parts):
        m = _PART.match(part)
        if not m:
            raise ValueError(f"cannot read {part!r}; write fields as group.field and list elements as "
                             "list[name], list[*] or list[kind:<kind>]")
        key, selector = m.groups()
        last = depth == len(parts) - 1
        following = []
        for node in nodes:
            if key not in node and (selector is not None or not last):
                raise ValueError(f"unknown field {key!r}; allowed here: {sorted(node)}")
            if selector is not None:
                if not isinstance(node[key], list):
                    raise ValueError(f"{key!r} is not a list; [...] chooses elements of a list")
                chosen = _select(node[key], selector)
                names = [i.get("name", i.get("id")) for i in node[key] if isinstance(i, dict)]
                if not chosen:
                    raise ValueError(f"no element of {key!r} matches [{selector}]; allowed: {names}, '*' or 'kind:<kind>'")
                if last:
                    raise ValueError(f"say which field of {key}[{selector}] to set, e.g. {key}[{selector}].<field>")
                following += chosen
            elif last:
                if value == "":
                    node.pop(key, None)
                else:
                    node[key] = value
            elif isinstance(node[key], list):
                raise ValueError(f"{key!r} is a list: choose elements with {key}[name], {key}[*] or {key}[kind:<kind>]")
            elif not isinstance(node[key], dict):
                raise ValueError(f"{key!r} is a value, not a group of fields")
            else:
                following.append(node[key])
        nodes = following


# --- options on the command line ----------------------------------------------------------------------
def _split_top(text: str, sep: str = ",") -> list[str]:
    """Split on ``sep`` outside brackets and parentheses."""
    parts, depth, current = [], 0, ""
    for ch in text:
        depth += (ch in "[(") - (ch in "])")
        if ch == sep and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += ch
    return [p.strip() for p in [*parts, current] if p.strip()]


def _value(text: str) -> Any:
    """A command-line value read as TOML (0.9, true, "x", [..]); anything else is a string."""
    try:
        return tomllib.loads(f"v = {text}")["v"]
    except (tomllib.TOMLDecodeError, RecursionError):
        return text


_EVENT = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)@(\d+)(?:\((.*)\))?$")


def parse_option(text: str) -> dict[str, Any]:
    """``"NAME: a.b=value, intervention@week(key=value, ...)"`` -> an option as in a comparison file.

    Items are separated by commas; ``dotted.name=value`` sets a parameter or a scenario field, and
    ``intervention@week`` adds a registry entry to the timeline, with its parameters in parentheses.
    """
    name, colon, body = text.partition(":")
    name = name.strip()
    if not colon or not OPTION_NAME.match(name):
        raise ComparisonError(f"--option {text!r}: start with a name and a colon, e.g. "
                              "'gedeeld: governance.mode=shared, governance.lead=' (names: letters, digits, '_', '-')")
    option: dict[str, Any] = {"name": name, "set": {}, "events": []}
    for item in _split_top(body):
        if m := _EVENT.match(item):
            kind, week, inner = m.groups()
            event = {"at": int(week), "type": kind}
            for pair in _split_top(inner or ""):
                key, eq, value = pair.partition("=")
                if not eq:
                    raise ComparisonError(f"--option {text!r}: {pair!r} in {item!r} is not key=value")
                event[key.strip()] = _value(value.strip())
            option["events"].append(event)
        else:
            key, eq, value = item.partition("=")
            if not eq or not key.strip():
                raise ComparisonError(f"--option {text!r}: {item!r} is neither name=value nor intervention@week")
            option["set"][key.strip()] = _value(value.strip()) if value.strip() else ""
    return option


# --- statistics ----------------------------------------------------------------------------------------
def _betacf(a: float, b: float, x: float) -> float:
    """Continued fraction of the regularised incomplete beta function (Numerical Recipes §6.4, Lentz)."""
    tiny = 1e-300
    c, d = 1.0, 1.0 - (a + b) * x / (a + 1.0)
    d = 1.0 / (d if abs(d) > tiny else tiny)
    h = d
    for m in range(1, 300):
        for aa in (m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m)),
                   -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))):
            d = 1.0 + aa * d
            d = 1.0 / (d if abs(d) > tiny else tiny)
            c = 1.0 + aa / c
            c = c if abs(c) > tiny else tiny
            h *= d * c
        if abs(d * c - 1.0) < 1e-15:
            break
    return h


def _betainc(a: float, b: float, x: float) -> float:
    if x <= 0.0 or x >= 1.0:
        return 0.0 if x <= 0.0 else 1.0
    front = math.exp(math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x))
    if x < (a + 1.0) / (a + b + 2.0):
        return front * _betacf(a, b, x) / a
    return 1.0 - front * _betacf(b, a, 1.0 - x) / b


def t_quantile(p: float, df: float) -> float:
    """Quantile of Student's t distribution with ``df`` degrees of freedom (bisection on the exact cdf)."""
    if not 0.0 < p < 1.0 or df <= 0:
        raise ValueError(f"t_quantile needs 0 < p < 1 and df > 0, got p={p}, df={df}")
    if p < 0.5:
        return -t_quantile(1.0 - p, df)

    def upper_tail(x: float) -> float:   # P(T > x) for x >= 0
        return 0.5 * _betainc(df / 2.0, 0.5, df / (df + x * x))

    lo, hi = 0.0, 1.0
    while upper_tail(hi) > 1.0 - p:
        hi *= 2.0
    for _ in range(200):
        mid = (lo + hi) / 2.0
        lo, hi = (mid, hi) if upper_tail(mid) > 1.0 - p else (lo, mid)
        if hi - lo < 1e-12 * max(1.0, hi):
            break
    return (lo + hi) / 2.0


def mean_interval(values: np.ndarray, level: float = LEVEL) -> tuple[int, float, float, float]:
    """(n, mean, low, high): the mean of the defined values with a t-interval (NaN bounds for n < 2)."""
    x = np.asarray(values, dtype=float)
    x = x[~np.isnan(x)]
    n = len(x)
    if n == 0:
        return 0, math.nan, math.nan, math.nan
    mean = float(x.mean())
    if n < 2:
        return n, mean, math.nan, math.nan
    half = t_quantile(0.5 + level / 2.0, n - 1) * float(x.std(ddof=1)) / math.sqrt(n)
    return n, mean, mean - half, mean + half


def summarise(table: pd.DataFrame, comparison: Comparison) -> pd.DataFrame:
    """Per option and metric: mean with 95% interval; paired difference from the baseline with 95% interval.

    The interval of a mean stays within the values a run can give (no negative count, no share above 1);
    a difference may have either sign."""
    base = table[table["option"] == comparison.baseline].set_index("replication")
    rows = []
    for o in comparison.options:
        runs = table[table["option"] == o.name].set_index("replication")
        for m in comparison.metrics:
            n, mean, low, high = mean_interval(runs[m].to_numpy())
            least, most = comparison.metric(m).bounds
            low, high = max(low, least), min(high, most)     # NaN stays NaN
            row = {"option": o.name, "metric": m, "n": n, "mean": mean, "low": low, "high": high}
            if o.name == comparison.baseline:
                row.update(diff_n=0, diff=math.nan, diff_low=math.nan, diff_high=math.nan, clear=False)
            else:
                dn, d, dlow, dhigh = mean_interval((runs[m] - base[m]).to_numpy())
                row.update(diff_n=dn, diff=d, diff_low=dlow, diff_high=dhigh, clear=bool(dlow > 0 or dhigh < 0))
            rows.append(row)
    return pd.DataFrame(rows)


def fan_bands(series: dict[str, list[dict[str, np.ndarray]]], weeks: np.ndarray) -> pd.DataFrame:
    """Per option, indicator and week: the 10%, 50% and 90% quantiles over the replications."""
    frames = []
    for option, runs in series.items():
        for name in SERIES:
            stack = np.vstack([r[name] for r in runs])
            with warnings.catch_warnings():      # a week in which no run has a value (no members left)
                warnings.simplefilter("ignore", RuntimeWarning)
                q = np.nanquantile(stack, [0.1, 0.5, 0.9], axis=0)
            frames.append(pd.DataFrame({"option": option, "indicator": name, "week": weeks,
                                        "p10": q[0], "p50": q[1], "p90": q[2]}))
    return pd.concat(frames, ignore_index=True)


# --- running ---------------------------------------------------------------------------------------------
@dataclass
class ComparisonResult:
    """The tidy table (one row per option x replication), the summary, the fan bands and provenance."""

    comparison: Comparison
    table: pd.DataFrame
    summary: pd.DataFrame
    bands: pd.DataFrame
    seconds: float
    workers: int

    def save(self, out: str | Path, *, lang: str = "nl", plots: bool = True) -> Path:
        """Write the results folder atomically (nothing half-written on failure); returns its path."""
        from .compare_report import write_fan_charts, write_report  # noqa: PLC0415 (matplotlib only when saving)


        with result_folder(out, "compare") as tmp:
            self.table.to_parquet(tmp / "results.parquet", index=False)
            self.table.to_csv(tmp / "results.csv", index=False)
            self.summary.to_csv(tmp / "summary.csv", index=False)
            self.bands.to_parquet(tmp / "bands.parquet", index=False)
            (tmp / "comparison.json").write_text(json.dumps(self.manifest(), indent=2, ensure_ascii=False),
                                                 encoding="utf-8")
            figures = write_fan_charts(self, tmp, lang) if plots else []
            write_report(self, tmp, lang, figures)
        return Path(out)

    def manifest(self) -> dict[str, Any]:
        c = self.comparison
        return {
            "source": c.source, "name_nl": c.name_nl, "name_en": c.name_en,
            "question_nl": c.question_nl, "question_en": c.question_en,
            "scenario": c.scenario.meta.name_en, "scenario_hash": c.scenario.digest(),
            "baseline": c.baseline, "replications": c.replications, "base_seed": c.seed, "seeds": c.seeds(),
            "steps": c.steps, "metrics": list(c.metrics),
            "options": [{"name": o.name, "label_nl": o.label_nl, "label_en": o.label_en, "params": o.params,
                         "fields": o.fields, "events": list(o.events),
                         "scenario_hash": Scenario.model_validate(o.scenario).digest()} for o in c.options],
            "intervals": f"{LEVEL:.0%} t-interval of the mean; differences: paired per seed, t-interval over the "
                         "paired differences",
            "workers": self.workers, "seconds": round(self.seconds, 2),
            "package_version": version("netwerksim"),
            "versions": {"python": platform.python_version(),
                         **{p: version(p) for p in ("mesa", "numpy", "pandas", "pyarrow")}},
        }


def run_comparison(comparison: Comparison, *, workers: int = 1, executor=None,
                   progress: bool | None = False) -> ComparisonResult:
    """Run every option x replication (same seeds for every option) and summarise."""
    if executor is None:   # a pool on this machine (or this process): that many runs at once
        comparison.check_resources(workers)
    specs = comparison.specs()
    start = time.perf_counter()
    outs = run_many([s for *_, s in specs], workers=workers, executor=executor, progress=progress,
                    desc=comparison.name_nl)
    seconds = time.perf_counter() - start
    rows, series = [], {o.name: [] for o in comparison.options}
    for (option, replication, seed, _), out in zip(specs, outs):
        series[option].append(out.pop("series"))
        rows.append({"option": option, "replication": replication, "seed": seed, **out})
    table = pd.DataFrame(rows)
    weeks = np.arange(comparison.steps + 1)
    return ComparisonResult(comparison, table, summarise(table, comparison), fan_bands(series, weeks), seconds,
                            workers if executor is None else 0)


def comparison_for(source: str | Path | Mapping | Comparison = "zorgnetwerk_governance", *,
                   options: Sequence[str | Mapping] = (), baseline: str | None = None,
                   replications: int | None = None, seed: int | None = None, steps: int | None = None,
                   metrics: Sequence[str] | None = None) -> Comparison:
    """The validated :class:`Comparison` that :func:`compare` runs, before anything runs."""
    overrides = dict(baseline=baseline, replications=replications, seed=seed, steps=steps,
                     metrics=list(metrics) if metrics is not None else None)
    if isinstance(source, Comparison):
        return source
    if not isinstance(source, Mapping) and (path := resolve_comparison(source)) is not None:
        return load_comparison(path, options=options, **overrides)
    return for_scenario(source if isinstance(source, Mapping) else str(source), options, **overrides)


def compare(source: str | Path | Mapping | Comparison = "zorgnetwerk_governance", *,
            options: Sequence[str | Mapping] = (), baseline: str | None = None, replications: int | None = None,
            seed: int | None = None, steps: int | None = None, metrics: Sequence[str] | None = None,
            workers: int = 1, executor=None, progress: bool | None = False) -> ComparisonResult:
    """Run a comparison and return its :class:`ComparisonResult` (``.table``, ``.summary``, ``.save(out)``).

    ``source`` is a comparison file (or a bundled one's name, see ``src/netwerksim/experiments/``), or a scenario (a
    name, file or dict) compared as it is (option ``basis``) with ``options``: strings as on the
    command line (``"gedeeld: governance.mode=shared, governance.lead="``) or dicts like a file's
    options with a ``name``. The keyword arguments replace the file's settings.
    """
    comparison = comparison_for(source, options=options, baseline=baseline, replications=replications, seed=seed,
                                steps=steps, metrics=metrics)
    return run_comparison(comparison, workers=workers, executor=executor, progress=progress)
