"""The sweep file: its format, the parameter space and its dimensions, checked before anything runs."""

from __future__ import annotations

import copy
import difflib
import hashlib
import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Iterator, Literal

import numpy as np
import pandas as pd
from pydantic import Field, ValidationError

from .. import resources
from ..compare import EXPERIMENT_DIR, REPORTED, SETTABLE, _base_scenario, _set_field
from ..experiment import RunSpec, seeds
from ..inputs import StrictModel, describe, is_bounded_number, read_toml
from ..metrics import Derived, metric_problems
from ..params import PARAMETERS
from ..scenario import MAX_STEPS, Scenario, ScenarioError, validate
from .design import make_design, salib_problem


DESIGNS = ("grid", "random", "lhs", "sobol", "morris")
RESERVED = ("run_id", "point", "replication", "seed")   # columns of every result row
SERIES_PREFIX = "series_"
MAX_RUNS = 10_000_000
FORMAT = 1   # of the results folder; a resume refuses another


class SweepError(ScenarioError):
    """A sweep that cannot be run or resumed; the message names file, field, value and what is allowed."""


# --- the sweep file -----------------------------------------------------------------------------------
class _Header(StrictModel):
    scenario: str
    name_nl: str = ""
    name_en: str = ""
    description_nl: str = ""
    description_en: str = ""
    design: Literal["grid", "random", "lhs", "sobol", "morris"]
    samples: Annotated[int, Field(ge=1, le=MAX_RUNS)] | None = None
    levels: Annotated[int, Field(ge=2, le=1000)] = 4
    second_order: bool = False
    replications: Annotated[int, Field(ge=1, le=100_000)] = 1
    seed: Annotated[int, Field(ge=0, le=2**63 - 1)] = 0
    common_random_numbers: bool = True
    steps: Annotated[int, Field(ge=1, le=MAX_STEPS)] | None = None
    metrics: list[str] | None = None
    series: list[str] = []


class _Dimension(StrictModel):
    low: float | None = None
    high: float | None = None
    values: list[str | int | float | bool] | None = None
    levels: Annotated[int, Field(ge=2, le=1000)] | None = None
    integer: bool = False


class _File(StrictModel):
    sweep: _Header
    space: dict[str, _Dimension]


@dataclass(frozen=True)
class Dimension:
    """One axis of the space: a parameter (``kind="parameter"``) or a scenario field, its range or values."""

    name: str
    kind: Literal["parameter", "field"]
    low: float | None = None
    high: float | None = None
    values: tuple[Any, ...] | None = None
    levels: int | None = None
    integer: bool = False

    def from_unit(self, u: np.ndarray) -> list[Any]:
        """Values for points of the unit interval: scaled (and rounded), or the k-th of k values."""
        if self.values is not None:
            k = len(self.values)
            return [self.values[min(int(x * k), k - 1)] for x in u]
        scaled = self.low + np.asarray(u, dtype=float) * (self.high - self.low)
        return [int(round(x)) for x in scaled] if self.integer else [float(x) for x in scaled]

    def grid(self, levels: int) -> np.ndarray:
        """The grid design's unit coordinates on this axis: each value once, or ``levels`` evenly spaced."""
        if self.values is not None:
            return (np.arange(len(self.values)) + 0.5) / len(self.values)
        values = np.linspace(self.low, self.high, self.levels or levels)
        if self.integer:
            values = np.unique(np.round(values))
        return (values - self.low) / (self.high - self.low)


@dataclass(frozen=True)
class Sweep:
    """A validated sweep, ready to run: the space, the design matrix and the seeds."""

    source: str
    sha256: str                     # of the sweep file's bytes: a resume refuses a changed file
    header: dict[str, Any]
    scenario: Scenario = field(repr=False)
    dimensions: tuple[Dimension, ...]
    design: str
    replications: int
    seed: int
    steps: int
    metrics: tuple[str, ...]
    series: tuple[str, ...]
    unit: np.ndarray = field(repr=False)    # points x dimensions in [0, 1], the order SALib analyses
    per_run: resources.Estimate | None = field(default=None, repr=False)   # the costliest point's run

    @property
    def names(self) -> list[str]:
        return [d.name for d in self.dimensions]

    @property
    def points(self) -> int:
        return len(self.unit)

    @property
    def runs(self) -> int:
        return self.points * self.replications

    def text(self, what: str, lang: str) -> str:
        own = self.header.get(f"{what}_{lang}", "")
        return own or (self.scenario.meta.name_nl if lang == "nl" else self.scenario.meta.name_en)

    def problem(self) -> dict[str, Any]:
        return salib_problem(self.names)

    def table_bytes(self) -> float:
        return table_bytes(self.points, self.replications, len(self.dimensions), len(self.metrics), len(self.series),
                           self.steps)

    def design_table(self) -> pd.DataFrame:
        """One row per design point: ``point``, each dimension's value and its unit coordinate ``u:<name>``."""
        table = {"point": np.arange(self.points)}
        for j, d in enumerate(self.dimensions):
            table[d.name] = d.from_unit(self.unit[:, j])
        for j, d in enumerate(self.dimensions):
            table[f"u:{d.name}"] = self.unit[:, j]
        return pd.DataFrame(table)

    def run_seeds(self) -> list[int]:
        """One seed per run, ``run_id = point * replications + replication``: from ``SeedSequence(seed).spawn``.

        With common random numbers (the default) every point gets the same seeds per replication,
        which takes the noise out of differences between points (anchors_mesa.md §5.3).
        """
        if self.header.get("common_random_numbers", True):
            return seeds(self.seed, self.replications) * self.points
        return seeds(self.seed, self.runs)

    def plan(self) -> pd.DataFrame:
        """Every run: ``run_id``, ``point``, ``replication`` and ``seed``."""
        run_id = np.arange(self.runs)
        return pd.DataFrame({"run_id": run_id, "point": run_id // self.replications,
                             "replication": run_id % self.replications, "seed": np.array(self.run_seeds(), dtype=np.int64)})

    def jobs(self, skip: set[int] = frozenset()) -> Iterator[tuple[int, RunSpec]]:
        """``(run_id, RunSpec)`` for every run not in ``skip``, point by point, built lazily."""
        design = self.design_table()
        run_seeds = self.run_seeds()
        base = self.scenario.model_dump(mode="json")
        derived = tuple(m for m in self.metrics if Derived.parse(m) is not None)   # vitality@90, ...
        for point, row in enumerate(design.itertuples(index=False)):
            ids = [point * self.replications + r for r in range(self.replications)]
            if all(i in skip for i in ids):
                continue
            values = dict(zip(self.names, row[1:1 + len(self.dimensions)]))
            params = {d.name: float(values[d.name]) for d in self.dimensions if d.kind == "parameter"}
            scenario = self._scenario_at(base, {d.name: values[d.name] for d in self.dimensions if d.kind == "field"},
                                         point)
            for run_id in ids:
                if run_id not in skip:
                    yield run_id, RunSpec(scenario, run_seeds[run_id], params, (), self.steps, self.series, metrics=derived)

    def _scenario_at(self, base: dict, fields: dict[str, Any], point: int) -> dict:
        if not fields:
            return base
        data = copy.deepcopy(base)
        for key, value in fields.items():
            _set_field(data, key, _plain(value))
        try:
            validate(data, "scenario")
        except ScenarioError as exc:
            raise SweepError(f"{self.source}: design point {point} ({fields}) makes an invalid scenario:\n  {exc}") from None
        return data


def _plain(value: Any) -> Any:
    return value.item() if hasattr(value, "item") else value


def resolve_sweep(source: str | Path) -> Path | None:
    """The sweep file ``source`` names (a path, or the name of one bundled in the package, src/netwerksim/experiments/), or None."""
    path = Path(source)
    for candidate in (path, EXPERIMENT_DIR / f"{path.name}.toml", EXPERIMENT_DIR / f"{path.name}"):
        if candidate.is_file():
            return candidate
    return None


def bundled_sweeps() -> list[str]:
    found = []
    for p in sorted(EXPERIMENT_DIR.glob("*.toml")):
        try:
            if "sweep" in read_toml(p, SweepError)[1]:
                found.append(p.stem)
        except SweepError:
            continue
    return found


def load_sweep(source: str | Path, **overrides: Any) -> Sweep:
    """Read and validate a sweep file (a path, or a bundled sweep's name); ``overrides`` replace [sweep] fields."""
    path = resolve_sweep(source)
    if path is None:
        raise SweepError(f"{source}: file not found. Bundled sweeps: {', '.join(bundled_sweeps()) or '(none)'}")
    raw, data = read_toml(path, SweepError, "sweep file")
    if "sweep" not in data and "comparison" in data:
        raise SweepError(f"{path}: a comparison file, not a sweep file (no [sweep] table); run it with "
                         "`netwerksim compare`, or see docs/onderzoekersgids.md for the sweep format")
    digest = hashlib.sha256(raw).hexdigest()
    given = {k: v for k, v in overrides.items() if v is not None}   # the CLI passes None for an option not given
    if given:   # a changed sweep is another sweep: its hash covers the overrides too
        digest = hashlib.sha256(raw + json.dumps(given, sort_keys=True).encode()).hexdigest()
    return build(data, str(path), path.parent, sha256=digest, **overrides)


def build(data: dict, where: str, base_dir: Path, *, sha256: str | None = None, **overrides: Any) -> Sweep:
    """Validate sweep data (a parsed file plus [sweep] overrides) into a :class:`Sweep`."""
    data = copy.deepcopy(data)
    if isinstance(data.get("sweep"), dict):
        data["sweep"].update({k: v for k, v in overrides.items() if v is not None})
    try:
        spec = _File.model_validate(data)
    except ValidationError as exc:
        raise SweepError(describe(where, exc.errors(), guide="docs/onderzoekersgids.md")) from None
    h = spec.sweep
    try:
        base = _base_scenario(h.scenario, where, base_dir)
    except ScenarioError as exc:
        raise SweepError(str(exc).replace("comparison.scenario", "sweep.scenario")) from None
    steps = h.steps or base.meta.steps
    per_run = resources.guard(base, steps, f"{where}: field sweep.scenario")
    problems: list[tuple[str, str]] = []
    dims = []
    for name, d in spec.space.items():
        dim, wrong, varied = _dimension(name, d, base)
        problems += wrong
        if dim is not None:
            dims.append(dim)
        for scenario in varied:   # a field such as organisation_groups[*].count changes what a run costs
            per_run = max(per_run, resources.guard(scenario, steps, f'{where}: field space."{name}"'),
                          key=lambda e: e.bytes)
    if not spec.space:
        problems.append(("space", "empty; name at least one parameter or scenario field to vary"))
    metrics = tuple(h.metrics) if h.metrics is not None else REPORTED
    problems += metric_problems(metrics, base, "sweep.metrics", steps)
    series_known = _series_columns(base)
    for i, s in enumerate(h.series):
        if s not in series_known:
            problems.append((f"sweep.series[{i}]", f"value {s!r} is not a time-series column; allowed: {series_known}"))
    problems += _design_problems(h, len(dims))
    if problems:
        raise SweepError("\n".join(f"{where}: field {f}: {msg}" for f, msg in problems))
    points = design_points(h, dims)   # sized before anything is built
    if points * h.replications > MAX_RUNS:
        raise SweepError(f"{where}: field sweep.{'levels' if h.design == 'grid' else 'samples'}: the {h.design} design "
                         f"has {points:,} points x {h.replications} replications = {points * h.replications:,} runs; "
                         f"at most {MAX_RUNS:,} allowed")
    resources.guard_runs(per_run, points * h.replications, 1, where,
                         extra_bytes=table_bytes(points, h.replications, len(dims), len(metrics), len(h.series), steps))
    unit = make_design(h.design, tuple(dims), samples=h.samples, levels=h.levels, second_order=h.second_order,
                       seed=h.seed)
    return Sweep(source=where, sha256=sha256 or hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest(),
                 header=h.model_dump(), scenario=base, dimensions=tuple(dims), design=h.design,
                 replications=h.replications, seed=h.seed, steps=steps, metrics=metrics,
                 series=tuple(h.series), unit=unit, per_run=per_run)


def design_points(h: _Header, dims: list[Dimension]) -> int:
    """The number of points ``make_design`` will return, computed without building the design."""
    d = len(dims)
    if h.design == "grid":   # an axis has at most 1000 levels: its grid is cheap, the product is not built
        return math.prod(len(x.grid(h.levels)) for x in dims) if dims else 0
    if h.design == "sobol":
        return h.samples * (2 * d + 2 if h.second_order else d + 2)
    if h.design == "morris":
        return h.samples * (d + 1)
    return h.samples


def table_bytes(points: int, replications: int, dims: int, metrics: int, series: int, steps: int) -> float:
    """Memory the sweep's own process holds: design, plan, seeds and the results table (series as arrays)."""
    runs = points * replications
    return points * (120.0 * dims + 100) + runs * (250.0 + 24 * (dims + metrics) + series * (16.0 * (steps + 1) + 250))


def _dimension(name: str, d: _Dimension, base: Scenario) -> tuple[Dimension | None, list[tuple[str, str]], list[Scenario]]:
    """One axis of the space checked against params.py or the scenario: the axis, its problems and, for a
    scenario field, the scenarios at its values or ends (what a run there costs depends on them)."""
    at = f'space."{name}"'
    problems: list[tuple[str, str]] = []
    if name in RESERVED or name.startswith(SERIES_PREFIX):
        return None, [(at, f"name {name!r} is reserved for result columns ({list(RESERVED)}, {SERIES_PREFIX}*)")], []
    if d.values is not None and (d.low is not None or d.high is not None):
        problems.append((at, f"give either values = [...] or low and high, not both (values {d.values!r}, "
                             f"low {d.low!r}, high {d.high!r})"))
    if d.values is not None:
        if len(d.values) < 2:
            problems.append((f"{at}.values", f"value {d.values!r}: give at least two values to vary between"))
        if len({"number" if isinstance(v, (int, float)) and not isinstance(v, bool) else type(v).__name__
                for v in d.values}) > 1:
            problems.append((f"{at}.values", f"value {d.values!r} mixes kinds; give all numbers, all texts or all booleans"))
    if name in PARAMETERS:
        p = PARAMETERS[name]
        low, high = (p.low if d.low is None else d.low), (p.high if d.high is None else d.high)
        if d.values is not None:
            for i, v in enumerate(d.values):
                if not is_bounded_number(v, p.low, p.high):
                    problems.append((f"{at}.values[{i}]", f"value {v!r} is not allowed; a number in the parameter's "
                                                          f"range [{p.low:g}, {p.high:g}] ({p.unit})"))
            return Dimension(name, "parameter", values=tuple(d.values), integer=d.integer), problems, []
        for key, value in (("low", low), ("high", high)):
            if not p.low <= value <= p.high:
                problems.append((f"{at}.{key}", f"value {value!r} is outside the parameter's range "
                                                f"[{p.low:g}, {p.high:g}] ({p.unit})"))
        if low >= high:
            problems.append((at, f"low {low!r} must be below high {high!r}"))
        return Dimension(name, "parameter", low, high, None, d.levels, d.integer), problems, []
    if _split_root(name) not in SETTABLE:
        close = difflib.get_close_matches(name, list(PARAMETERS), 1)
        hint = f" Did you mean {close[0]!r}?" if close else ""
        return None, [(at, f"unknown name {name!r}: neither a parameter (see `netwerksim params`) nor a scenario "
                           f"field starting with one of {list(SETTABLE)}.{hint}")], []
    if d.values is None and (d.low is None or d.high is None):
        return None, [(at, f"a scenario field needs low and high, or values = [...] (low {d.low!r}, high {d.high!r})")], []
    if d.values is None and d.low >= d.high:
        problems.append((at, f"low {d.low!r} must be below high {d.high!r}"))
    dim = Dimension(name, "field", d.low, d.high, tuple(d.values) if d.values is not None else None, d.levels, d.integer)
    base_data = base.model_dump(mode="json")
    varied = []
    for value in (dim.values if dim.values is not None else dim.from_unit(np.array([0.0, 1.0]))):
        data = copy.deepcopy(base_data)
        try:
            _set_field(data, name, value)
            varied.append(validate(data, "scenario"))
        except ValueError as exc:
            problems.append((at, f"value {value!r}: {exc}"))
            break
        except ScenarioError as exc:
            problems += [(at, f"value {value!r}: " + line.replace("scenario: field", "the changed scenario's field", 1))
                         for line in str(exc).splitlines()]
            break
    return dim, problems, varied


def _split_root(name: str) -> str:
    return name.replace("[", ".").split(".", 1)[0]


def _series_columns(scenario: Scenario) -> list[str]:
    """The time-series columns a run of ``scenario`` records (from one simulated week)."""
    from ..runner import run  # noqa: PLC0415

    return [c for c in run(scenario, seed=0, steps=1).timeseries.columns if c != "week"]


def _design_problems(h: _Header, n_dims: int) -> list[tuple[str, str]]:
    problems = []
    if h.design in ("random", "lhs", "sobol", "morris") and h.samples is None:
        what = {"random": "the number of points", "lhs": "the number of points",
                "sobol": "the base sample N (a power of 2; runs N x (D+2), or N x (2D+2) with second_order)",
                "morris": "the number of trajectories (runs: trajectories x (D+1))"}[h.design]
        problems.append(("sweep.samples", f"required for design {h.design!r}: {what}"))
    if h.design == "grid" and h.samples is not None:
        problems.append(("sweep.samples", f"value {h.samples!r} is not used by a grid design; set levels "
                                          "(points per axis) or values per axis instead"))
    if h.design == "sobol" and h.samples is not None and h.samples & (h.samples - 1):
        lower = 1 << (h.samples.bit_length() - 1)
        problems.append(("sweep.samples", f"value {h.samples!r} is not allowed for a Sobol design; a power of 2 "
                                          f"(e.g. {lower} or {lower * 2}) keeps the Sobol sequence balanced"))
    if h.design == "morris" and h.levels % 2:
        problems.append(("sweep.levels", f"value {h.levels!r} is not allowed for a Morris design; an even number of "
                                         "levels (SALib: an odd number biases the trajectories)"))
    if h.design == "sobol" and h.second_order and n_dims < 2:
        problems.append(("sweep.second_order", "second-order indices need at least two axes in [space]"))
    if h.design != "sobol" and h.second_order:
        problems.append(("sweep.second_order", f"only for design 'sobol' (design is {h.design!r})"))
    return problems
