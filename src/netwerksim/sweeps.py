"""The researcher's sweep: a parameter space, a design, replications, results that survive a kill.

A sweep file (a ``*.toml`` with a ``[sweep]`` table) names a scenario, a space of model
parameters (dotted names of ``params.py``, default bounds from their ranges) and scenario fields
(paths as in comparison files), a design (grid, random, Latin hypercube, Sobol/Saltelli, Morris:
samplers of SALib, anchors_mesa.md §5.3), replications and the metrics to keep (``metrics.py``).
:func:`run_sweep` runs every point x replication through :func:`experiment.run_stream` (serial, a
process pool, a Dask cluster: any ``concurrent.futures`` executor) and saves results in chunks as a
Parquet dataset, each part written to a temporary file, fsynced and renamed (anchors_mesa.md §5.4:
workers return summaries; seeds from ``SeedSequence.spawn``). A run is done when its row is in a
part, so a sweep killed at any moment (``kill -9``) resumes with every run present exactly once.
:func:`run_point` is the plain top-level run function for EMA workbench (``ReplicatorModel``).
"""

from __future__ import annotations

import copy
import difflib
import hashlib
import itertools
import json
import math
import re
import platform
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Annotated, Any, Iterator, Literal, Mapping

import numpy as np
import pandas as pd
from pydantic import Field, ValidationError

from .compare import EXPERIMENT_DIR, REPORTED, SETTABLE, _base_scenario, _set_field
from . import resources
from .experiment import RunSpec, run_stream, run_summary, seeds
from .extras import require
from .inputs import StrictModel, describe, is_bounded_number, read_toml
from .metrics import METRICS, Derived, metric_problems, yes_no
from .observers.stuck import SITUATIONS
from .params import PARAMETERS, keyword
from .scenario import MAX_STEPS, Scenario, ScenarioError, load_scenario, validate
from .storage import check_out, kind_of, result_folder, temporary_file, write_atomic

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
    from .runner import run  # noqa: PLC0415

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


def salib_problem(names: list[str]) -> dict[str, Any]:
    """SALib's problem: the space in unit coordinates; values are scaled (or categories split) per axis."""
    return {"num_vars": len(names), "names": list(names), "bounds": [[0.0, 1.0]] * len(names)}


def make_design(design: str, dims: tuple[Dimension, ...], *, samples: int | None, levels: int,
                second_order: bool, seed: int) -> np.ndarray:
    """The design matrix in unit coordinates (points x dimensions), in the order SALib's analysers expect."""
    d = len(dims)
    if d == 0:
        return np.zeros((0, 0))
    problem = salib_problem([x.name for x in dims])
    # the design's own random stream, apart from the runs' seeds (SeedSequence(seed).spawn)
    design_seed = int(np.random.SeedSequence([seed, 0x5EED]).generate_state(1)[0])
    if design == "grid":
        axes = [x.grid(levels) for x in dims]
        return np.array(list(itertools.product(*axes)), dtype=float)
    if design == "random":
        return np.random.default_rng(design_seed).random((samples, d))
    require("sweep", "SALib")   # the designs below are SALib's
    if design == "lhs":
        from SALib.sample import latin  # noqa: PLC0415 (SALib only when a design needs it)
        return latin.sample(problem, samples, seed=design_seed)
    if design == "sobol":
        from SALib.sample import sobol  # noqa: PLC0415
        return sobol.sample(problem, samples, calc_second_order=second_order, seed=design_seed)
    from SALib.sample import morris  # noqa: PLC0415
    return morris.sample(problem, samples, num_levels=levels, seed=design_seed)


# --- the results folder -------------------------------------------------------------------------------
class Store:
    """A sweep's results folder: ``manifest.json``, ``design.parquet``, ``plan.parquet`` and ``runs/part-*.parquet``.

    It reads and removes only files of these names (and their ``write_atomic`` temporaries): whatever
    else is in the folder is not the sweep's and stays untouched.
    """

    FILES = ("manifest.json", "design.parquet", "plan.parquet", "results.parquet")
    PART = re.compile(r"part-\d{6}\.parquet")

    def __init__(self, out: str | Path):
        self.out = Path(out)
        self.parts = self.out / "runs"

    @property
    def manifest_path(self) -> Path:
        return self.out / "manifest.json"

    def manifest(self) -> dict[str, Any] | None:
        try:
            manifest = json.loads(self.manifest_path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as exc:
            raise SweepError(f"{self.manifest_path}: cannot be read as a sweep manifest ({exc.__class__.__name__}: "
                             f"{exc}); the folder is damaged") from None
        if not isinstance(manifest, dict):
            raise SweepError(f"{self.manifest_path}: not a sweep manifest (a JSON object); the folder is damaged")
        return manifest

    def write_manifest(self, manifest: dict[str, Any]) -> None:
        write_atomic(self.manifest_path, lambda tmp: tmp.write_text(
            json.dumps(manifest, indent=2, ensure_ascii=False, default=_plain), encoding="utf-8"))

    def part_files(self) -> list[Path]:
        return sorted(p for p in self.parts.glob("part-*.parquet") if self.PART.fullmatch(p.name))

    def clean_temporaries(self) -> None:
        """Remove what a killed writer left half-written: the hidden temporaries of the sweep's own files only."""
        for name in self.FILES:
            temporary_file(self.out / name).unlink(missing_ok=True)
        for part in self.parts.glob(".part-*.parquet.tmp"):
            if self.PART.fullmatch(part.name[1:-len(".tmp")]):
                part.unlink(missing_ok=True)

    @property
    def results_path(self) -> Path:
        return self.out / "results.parquet"

    def done(self) -> np.ndarray:
        """The run ids saved so far: those of ``results.parquet`` once the sweep is complete (written only
        then, it holds every run), else every part's (duplicates kept, so they can be caught)."""
        import pyarrow.parquet as pq  # noqa: PLC0415

        files = [self.results_path] if self.results_path.is_file() else self.part_files()
        ids = [pq.read_table(p, columns=["run_id"]).column("run_id").to_numpy() for p in files]
        return np.concatenate(ids) if ids else np.zeros(0, dtype=np.int64)

    def write_part(self, rows: list[dict[str, Any]]) -> Path:
        """Save finished runs as the next part, atomically."""
        self.parts.mkdir(parents=True, exist_ok=True)
        existing = self.part_files()
        number = int(existing[-1].stem.split("-")[1]) + 1 if existing else 0
        path = self.parts / f"part-{number:06d}.parquet"
        write_table(pd.DataFrame(rows), path, self.manifest())
        return path

    def compact(self, table: pd.DataFrame, manifest: dict[str, Any]) -> None:
        """Write every run to ``results.parquet``, then remove the parts (and ``runs/`` when nothing else is in it)."""
        write_table(table, self.results_path, manifest)
        for part in self.part_files():
            part.unlink()
        try:
            self.parts.rmdir()
        except OSError:   # not there, or holding files that are not the sweep's
            pass

    def read(self) -> pd.DataFrame:
        """Every saved run, sorted by ``run_id``."""
        if self.results_path.is_file():
            return pd.read_parquet(self.results_path)
        files = self.part_files()
        if not files:
            return pd.DataFrame(columns=list(RESERVED))
        return pd.concat([pd.read_parquet(p) for p in files], ignore_index=True).sort_values(
            "run_id", ignore_index=True)


RESERVED_MEANING = {
    "run_id": ("the run: point x replications + replication", "index"),
    "point": ("the design point (a row of design.parquet)", "index"),
    "replication": ("the replication at this point", "index"),
    "seed": ("the run's seed (numpy SeedSequence, see manifest.json)", "seed"),
}


def column_meaning(column: str, manifest: dict[str, Any] | None) -> tuple[str, str]:
    """(description, unit) of a result column: a reserved column, an axis of the space, a metric or a series."""
    if column in RESERVED_MEANING:
        return RESERVED_MEANING[column]
    axes = {d["name"]: d for d in (manifest or {}).get("space", [])}
    if column in PARAMETERS:
        p = PARAMETERS[column]
        return f"model parameter: {p.doc} ({p.source})", p.unit
    if column in axes:
        return f"scenario field {column}, varied by the sweep", "as in the scenario file"
    if column in METRICS:
        m = METRICS[column]
        return m.meaning_en, m.unit
    if Derived.parse(column) is not None:
        return (f"derived outcome {column}: an indicator at a week, the mean over a window or (_rate) its change "
                "per week, of the network or of the organisations in [...] (docs/adviseursgids.md)", "as the indicator")
    if column.startswith(SERIES_PREFIX):
        return f"weekly time series of {column[len(SERIES_PREFIX):]}, week 0 first", "per week"
    if column.startswith("progress_"):
        return f"progress on issue {column[len('progress_'):]} at the end of the run", "progress"
    if yes_no(column):
        sid = column[len("stuck_"):]
        return f"stuck situation {sid} ({SITUATIONS[sid].name_en}) occurred in the run", "true/false"
    return "", ""


def write_table(frame: pd.DataFrame, path: Path, manifest: dict[str, Any] | None) -> None:
    """Write ``frame`` to ``path`` atomically as Parquet, each column's description and unit in its schema field."""
    import pyarrow as pa  # noqa: PLC0415
    import pyarrow.parquet as pq  # noqa: PLC0415

    table = pa.Table.from_pandas(frame, preserve_index=False)
    fields = []
    for f in table.schema:
        description, unit = column_meaning(f.name, manifest)
        fields.append(f.with_metadata({"description": description, "unit": unit}))
    table = pa.Table.from_arrays(table.columns, schema=pa.schema(fields, metadata=table.schema.metadata))
    write_atomic(path, lambda tmp: pq.write_table(table, tmp))


def code_digest() -> str:
    """SHA-256 of netwerksim's own source files: two machines or two sessions run the same model iff equal."""
    package = Path(__file__).resolve().parent
    h = hashlib.sha256()
    for path in sorted(package.rglob("*.py")):
        h.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def _versions() -> dict[str, str]:
    packages = ("netwerksim", "mesa", "numpy", "pandas", "pyarrow", "SALib")
    return {"python": platform.python_version(), **{p: _version_of(p) for p in packages}}


def _version_of(package: str) -> str:
    try:
        return version(package)
    except PackageNotFoundError:   # SALib without the [sweep] extra: grid and random designs need none
        return "not installed"


def manifest_for(sweep: Sweep) -> dict[str, Any]:
    """Provenance of a sweep: what was asked, the design, the seeds, the versions; written before any run."""
    crn = sweep.header.get("common_random_numbers", True)
    return {
        "kind": "netwerksim sweep", "format": FORMAT, "source": sweep.source, "sweep_sha256": sweep.sha256,
        "name_nl": sweep.text("name", "nl"), "name_en": sweep.text("name", "en"), "sweep": sweep.header,
        "scenario": sweep.scenario.meta.name_en, "scenario_nl": sweep.scenario.meta.name_nl,
        "scenario_en": sweep.scenario.meta.name_en, "scenario_hash": sweep.scenario.digest(),
        "space": [{"name": d.name, "kind": d.kind, "low": d.low, "high": d.high,
                   "values": list(d.values) if d.values is not None else None, "integer": d.integer}
                  for d in sweep.dimensions],
        "design": sweep.design, "points": sweep.points, "replications": sweep.replications, "runs": sweep.runs,
        "steps": sweep.steps, "metrics": list(sweep.metrics), "series": list(sweep.series),
        "base_seed": sweep.seed, "common_random_numbers": crn,
        "seeds": seeds(sweep.seed, sweep.replications) if crn else "per run, in plan.parquet",
        "seeding": "numpy.random.SeedSequence(base_seed).spawn(n); run_id = point * replications + replication",
        "files": {"design.parquet": "one row per point: values and unit coordinates u:<name>",
                  "plan.parquet": "one row per run: run_id, point, replication, seed",
                  "runs/part-*.parquet": "finished runs, written atomically in chunks while the sweep runs",
                  "results.parquet": "every run sorted by run_id, once the sweep is complete (the parts are then "
                                     "removed); each column's description and unit in the Parquet schema"},
        "versions": _versions(), "code_sha256": code_digest(),
        "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "complete": False,
    }


def _check_resumable(store: Store, sweep: Sweep, manifest: dict[str, Any]) -> None:
    where = f"--resume {store.out}"
    if manifest.get("kind") != "netwerksim sweep" or manifest.get("format") != FORMAT:
        raise SweepError(f"{where}: {store.manifest_path} is not the manifest of a netwerksim sweep (format {FORMAT})")
    if manifest["sweep_sha256"] != sweep.sha256:
        changed = [k for k in sorted(set(manifest.get("sweep", {})) | set(sweep.header))
                   if manifest.get("sweep", {}).get(k) != _jsonable(sweep.header.get(k))]
        what = f" (changed in [sweep]: {', '.join(changed)})" if changed else ""
        raise SweepError(f"{where}: the sweep file {sweep.source} changed since this sweep started{what}: its SHA-256 "
                         f"was {manifest['sweep_sha256'][:12]}…, now {sweep.sha256[:12]}…. Resuming would mix two "
                         "sweeps; restore the file, or run the changed sweep into another --out folder")
    if manifest["scenario_hash"] != sweep.scenario.digest():
        raise SweepError(f"{where}: the scenario {sweep.header['scenario']!r} changed since this sweep started "
                         "(its content hash differs); restore it, or run the sweep into another --out folder")
    if manifest.get("code_sha256") != code_digest():
        raise SweepError(f"{where}: the netwerksim code changed since this sweep started (source SHA-256 "
                         f"{str(manifest.get('code_sha256'))[:12]}…, now {code_digest()[:12]}…); resuming would mix "
                         "runs of two models. Finish it with the code it started with, or run it into another --out")
    stored = pd.read_parquet(store.out / "design.parquet")
    if not np.array_equal(stored[[f"u:{n}" for n in sweep.names]].to_numpy(), sweep.unit):
        raise SweepError(f"{where}: the design computed now differs from the stored one (another SALib or numpy "
                         f"version? stored: {manifest['versions']}); finish it with the versions it started with")


def _jsonable(value: Any) -> Any:
    return json.loads(json.dumps(value, default=_plain))


# --- running ------------------------------------------------------------------------------------------
@dataclass
class SweepRun:
    """What :func:`run_sweep` did: the results table, the folder, and this session's counts and time."""

    sweep: Sweep
    table: pd.DataFrame
    out: Path | None
    new_runs: int
    seconds: float
    engine: str


def run_sweep(sweep: Sweep, out: str | Path | None = None, *, resume: bool = False, workers: int = 1,
              executor=None, engine: str | None = None, chunk: int = 100, flush_seconds: float = 10.0,
              progress: bool | None = False) -> SweepRun:
    """Run every point x replication not saved yet; save parts as they finish; return every run.

    Without ``out`` nothing is written and the table is kept in memory. With ``out``: a new folder
    (an existing sweep there needs ``resume=True``), the manifest first, then parts of ``chunk``
    runs (or whatever finished within ``flush_seconds``), finally ``results.parquet``.
    """
    from .progress import Progress  # noqa: PLC0415

    if chunk < 1:
        raise SweepError(f"--chunk: value {chunk} is not allowed; a whole number of runs >= 1")
    if sweep.per_run is not None and executor is None:   # a pool on this machine: its workers' runs at once
        resources.guard_runs(sweep.per_run, sweep.runs, workers, sweep.source, extra_bytes=sweep.table_bytes())
    store = Store(out) if out is not None else None
    skip: set[int] = set()
    if store is not None:
        skip = _prepare(store, sweep, resume)
    engine = engine or (f"{workers} worker(s)" if executor is None else type(executor).__name__)
    rows: list[dict[str, Any]] = []
    kept: list[dict[str, Any]] = []
    plan = sweep.plan()
    design = sweep.design_table().set_index("point")
    start = last_flush = time.perf_counter()
    new = 0

    def flush() -> None:
        nonlocal last_flush
        if rows and store is not None:
            store.write_part(rows)
        elif rows:
            kept.extend(rows)
        rows.clear()
        last_flush = time.perf_counter()

    with Progress(sweep.runs, sweep.text("name", "nl"), "run", initial=len(skip), enabled=progress) as bar:
        try:
            for run_id, out_ in run_stream(sweep.jobs(skip), workers=workers, executor=executor):
                rows.append(_row(sweep, plan, design, run_id, out_))
                new += 1
                bar.update(1)
                if len(rows) >= chunk or time.perf_counter() - last_flush >= flush_seconds:
                    flush()
        except Exception as exc:   # a run that fails (a model error at some point of the space) stops the sweep
            flush()
            where = "; ".join(getattr(exc, "__notes__", []))
            saved = f"the runs finished so far are saved in {store.parts}; " if store is not None else ""
            raise SweepError(f"{sweep.source}: a run failed ({where or 'run unknown'}): {exc.__class__.__name__}: {exc}"
                             f"; {saved}fix the cause, then run the sweep again with --resume") from exc
        finally:   # an interrupt: what finished is saved before it goes up
            flush()
    seconds = time.perf_counter() - start
    if store is None:
        table = pd.DataFrame(kept).sort_values("run_id", ignore_index=True) if kept else pd.DataFrame()
        return SweepRun(sweep, table, None, new, seconds, engine)
    table = finalise(store, sweep, engine=engine, seconds=seconds)
    return SweepRun(sweep, table, store.out, new, seconds, engine)


def check_target(out: str | Path, resume: bool) -> Path:
    """Refuse an ``out`` the sweep may not use, before anything runs: ``--resume`` continues a sweep
    in its folder (a folder whose marker says ``sweep``); a new sweep goes where nothing is yet or into
    an empty folder (``storage.check_out``): never over a sweep, nor over anything of the user's."""
    out = Path(out)
    if not out.is_symlink() and kind_of(out) == "sweep":
        store = Store(out)
        manifest = store.manifest()
        if manifest is None:
            raise SweepError(f"--out {out}: a netwerksim sweep folder without its manifest.json; the folder is damaged")
        if not resume:
            raise SweepError(f"--out {out}: already holds a sweep ({len(store.done())} of {manifest.get('runs')} runs "
                             "saved); add --resume to finish it, or choose another --out folder")
        return out
    return check_out(out, "sweep")


def _prepare(store: Store, sweep: Sweep, resume: bool) -> set[int]:
    """Open the results folder: check a resumed sweep is the same sweep; return the run ids already saved.

    A new sweep's folder appears whole, with its marker, manifest, design and plan (``storage.result_folder``).
    """
    check_target(store.out, resume)
    if kind_of(store.out) != "sweep":
        with result_folder(store.out, "sweep") as tmp:
            sweep.design_table().to_parquet(tmp / "design.parquet", index=False)
            sweep.plan().to_parquet(tmp / "plan.parquet", index=False)
            Store(tmp).write_manifest(manifest_for(sweep))
        return set()
    store.clean_temporaries()
    _check_resumable(store, sweep, store.manifest())
    return set(store.done().tolist())


def _row(sweep: Sweep, plan: pd.DataFrame, design: pd.DataFrame, run_id: int, out: dict[str, Any]) -> dict[str, Any]:
    point = int(plan.at[run_id, "point"])
    row: dict[str, Any] = {"run_id": run_id, "point": point, "replication": int(plan.at[run_id, "replication"]),
                           "seed": int(plan.at[run_id, "seed"])}
    row.update({n: _plain(design.at[point, n]) for n in sweep.names})
    row.update({m: bool(out[m]) if yes_no(m) else out[m] for m in sweep.metrics})
    for name, values in out.get("series", {}).items():
        row[SERIES_PREFIX + name] = np.asarray(values, dtype=float)
    return row


def finalise(store: Store, sweep: Sweep | None = None, *, engine: str = "", seconds: float = 0.0) -> pd.DataFrame:
    """Check the saved runs (each run id once, none missing) and, when complete, write ``results.parquet``."""
    manifest = store.manifest()
    table = store.read()
    ids = table["run_id"].to_numpy()
    duplicated = np.unique(ids[pd.Series(ids).duplicated().to_numpy()])
    if len(duplicated):
        raise SweepError(f"{store.out}: runs saved more than once: {duplicated[:10].tolist()}; the folder is damaged")
    if len(table) == manifest["runs"]:
        store.compact(table, manifest)
        manifest.update(complete=True, finished=datetime.now(timezone.utc).isoformat(timespec="seconds"),
                        last_engine=engine, last_seconds=round(seconds, 2))
        store.write_manifest(manifest)
    return table


# --- engines ------------------------------------------------------------------------------------------
def check_workers(client) -> dict[str, str]:
    """netwerksim's version and code hash on every Dask worker; a clear error when one differs or lacks it."""
    try:
        found = client.run(_worker_version)
    except Exception as exc:   # the worker's own error: ModuleNotFoundError, a version conflict, ...
        raise SweepError(f"a Dask worker cannot run netwerksim ({exc.__class__.__name__}: {exc}); install the same "
                         "netwerksim and Python packages on every worker (see docs/onderzoekersgids.md)") from None
    mine = _worker_version()
    wrong = {w: v for w, v in found.items() if v != mine}
    if wrong:
        raise SweepError(f"Dask workers run other netwerksim code than this machine ({mine}): {wrong}; install the "
                         "same version on every worker, or results would depend on where a run happens")
    return found


def _worker_version() -> str:
    return f"{version('netwerksim')} (code {code_digest()[:12]})"


@contextmanager
def engine(*, workers: int = 1, dask_local: int | None = None, scheduler: str | None = None,
           connect_timeout: float = 20.0) -> Iterator[tuple[Any, int, str]]:
    """``(executor or None, parallel slots, label)`` for a process pool, a Dask LocalCluster or a scheduler."""
    if dask_local is None and scheduler is None:
        if workers < 1:
            raise SweepError(f"--workers: value {workers} is not allowed; a whole number >= 1 (1: serial)")
        yield None, workers, f"{workers} process(es)" if workers > 1 else "serial"
        return
    require("sweep", "dask", "distributed")
    from distributed import Client, LocalCluster  # noqa: PLC0415 (Dask only when asked for)

    if scheduler is not None:
        try:
            client = Client(scheduler, timeout=connect_timeout)
        except (OSError, TimeoutError, ValueError) as exc:
            raise SweepError(f"--scheduler: cannot reach a Dask scheduler at {scheduler!r} ({exc.__class__.__name__}: "
                             f"{exc}); start one with `dask scheduler` and workers with `dask worker {scheduler}`") from None
        cluster, label = None, f"Dask scheduler {scheduler}"
    else:
        if dask_local < 1:
            raise SweepError(f"--dask-local: value {dask_local} is not allowed; a whole number of workers >= 1")
        # ":0": the scheduler's HTTP server (always started) on a free port, not 8787, which another may hold
        cluster = LocalCluster(n_workers=dask_local, threads_per_worker=1, processes=True, dashboard_address=":0")
        client, label = Client(cluster), f"Dask LocalCluster({dask_local})"
    try:
        try:
            client.wait_for_workers(1, timeout=connect_timeout)
        except TimeoutError:
            raise SweepError(f"--scheduler {scheduler}: no Dask worker joined within {connect_timeout:g} s; start "
                             f"workers with `dask worker {scheduler}`") from None
        check_workers(client)
        slots = sum(client.nthreads().values())
        yield client.get_executor(pure=False), slots, f"{label}, {slots} thread(s)"
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def sweep(source: str | Path | Sweep = "sweep_zorgnetwerk_morris", *, out: str | Path | None = None,
          resume: bool = False, workers: int = 1, dask_local: int | None = None, scheduler: str | None = None,
          executor=None, chunk: int = 100, progress: bool | None = False, **overrides: Any) -> pd.DataFrame:
    """Run a sweep file (path or bundled name) and return its runs as a DataFrame (one row per run).

    Columns: ``run_id``, ``point``, ``replication``, ``seed``, one per axis of the space, one per
    metric (and ``series_<name>`` arrays when asked). ``out`` saves the results folder (resumable
    with ``resume=True``); ``workers``, ``dask_local``, ``scheduler`` or any ``executor`` choose
    the engine; ``overrides`` replace fields of ``[sweep]`` (e.g. ``replications=2``).
    """
    s = source if isinstance(source, Sweep) else load_sweep(source, **overrides)
    if executor is not None:
        return run_sweep(s, out, resume=resume, executor=executor, chunk=chunk, progress=progress).table
    with engine(workers=workers, dask_local=dask_local, scheduler=scheduler) as (ex, slots, label):
        return run_sweep(s, out, resume=resume, workers=slots, executor=ex, engine=label, chunk=chunk,
                         progress=progress).table


# --- interoperability -------------------------------------------------------------------------------
def run_point(scenario: str | Mapping[str, Any] = "zorgnetwerk", seed: int = 0, steps: int | None = None,
              fields: Mapping[str, str] | None = None, **values: Any) -> dict[str, float]:
    """One run's scalar metrics for parameter values given as keywords: EMA workbench's model function.

    Parameters by dotted name (``**{"trust.forgetting": 0.95}``) or as identifiers with ``__`` for
    the dot (``trust__forgetting=0.95``, as EMA workbench requires); ``seed`` is the replication's.
    Scenario fields are paths, not identifiers: ``fields`` maps a keyword to the field it sets
    (``fields={"mandate": "organisations[Gemeente Rivierstad].mandate"}, mandate=0.8``; :func:`ema_model` does so).
    """
    fields = dict(fields or {})
    changes = {fields[k]: _plain(v) for k, v in values.items() if k in fields}
    params = {k.replace("__", "."): float(v) for k, v in values.items() if k not in fields}
    for name in params:
        if name not in PARAMETERS:
            close = difflib.get_close_matches(name, list(PARAMETERS), 1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise SweepError(f"run_point: {name!r} is not a model parameter{hint}; see `netwerksim params`")
    if changes:
        data = copy.deepcopy(dict(scenario)) if isinstance(scenario, Mapping) else load_scenario(scenario).model_dump(mode="json")
        for path, value in changes.items():
            _set_field(data, path, value)
        try:
            validate(data, "scenario")
        except ScenarioError as exc:
            raise SweepError(f"run_point: {changes} makes an invalid scenario:\n  {exc}") from None
        scenario = data
    out = run_summary(RunSpec(scenario, int(seed), params, (), steps))
    return {k: v for k, v in out.items() if isinstance(v, float)}


def ema_name(name: str) -> str:
    """A parameter's dotted name as an EMA workbench identifier (``trust.forgetting`` -> ``trust__forgetting``)."""
    return keyword(name)


def ema_model(source: str | Path | Sweep, levers: tuple[str, ...] = (), name: str = "netwerksim"):
    """An EMA workbench model of a sweep file: :func:`netwerksim.ema.ema_model` (needs netwerksim[ema])."""
    require("ema")
    from .ema import ema_model as build_model  # noqa: PLC0415

    return build_model(source, levers=levers, name=name)


__all__ = ["DESIGNS", "Dimension", "Store", "Sweep", "SweepError", "SweepRun", "build", "ema_model", "ema_name",
           "engine", "finalise", "load_sweep", "make_design", "manifest_for", "run_point", "run_sweep", "sweep"]
