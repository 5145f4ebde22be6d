"""Running patterns: the baseline, the mutation matrix, robustness and the all-patterns region.

Every pattern is evaluated in *variants*: the baseline (the model as it is), each named link switched
off (``off:<link>``: the mutation matrix, validation_methods.md §4), points of a Latin hypercube over
the parameters it does not name (robustness, Grimm & Berger 2016) and points of a sweep over the
parameters that matter (the pattern-oriented filter, §1.1 and §3). The runs of all variants go
through the one engine of sweeps and comparisons (:func:`netwerksim.experiment.run_stream`: serial,
a process pool, a Dask LocalCluster or a scheduler) and runs that several patterns or variants share
are made once, with every measure they need computed in the worker.
"""

from __future__ import annotations

import math
import time
import tomllib
from concurrent.futures import Executor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Hashable, Mapping

import numpy as np
import pandas as pd
from scipy.stats import qmc

from ..experiment import RunSpec, run_stream
from ..links import LINKS
from ..params import PARAMETERS
from ..progress import Progress
from .core import Arm, Pattern
from .stats import Estimate, estimate, share_interval

ROBUST_SPREAD = 0.25          # each parameter within +-25% of its default, clipped to its range (issue 15 item 3)
FRAGILE = 0.5                 # a pattern holding in fewer than half of the hypercube's points is fragile
MORRIS_SWEEP = "sweep_zorgnetwerk_morris"


@dataclass(frozen=True)
class Variant:
    """A way to run a pattern: parameters below its arms' own (``background``) and above them (``forced``)."""

    name: str
    background: tuple[tuple[str, float], ...] = ()
    forced: tuple[tuple[str, float], ...] = ()
    seeds: int | None = None     # None: the pattern's own number of seeds


@dataclass
class PatternResult:
    """A pattern's baseline effect, its effect with each named link switched off, and its robustness."""

    pattern: Pattern
    baseline: Estimate
    mutations: dict[str, Estimate] = field(default_factory=dict)
    robustness: list[bool] = field(default_factory=list)     # reaches its threshold, per hypercube point
    robust_reference: Estimate | None = None                  # the baseline with the hypercube's seeds

    @property
    def survivors(self) -> list[str]:
        """Named links whose removal leaves the pattern holding: the cause is wrong or the pattern unearned."""
        return [n for n, e in self.mutations.items() if e.holds]

    @property
    def covered(self) -> bool:
        """The pattern holds and switching off each named link kills it (seed_facts.md's coverage rule)."""
        return self.baseline.holds and bool(self.mutations) and not self.survivors

    @property
    def robust_share(self) -> float:
        return float(np.mean(self.robustness)) if self.robustness else math.nan

    @property
    def fragile(self) -> bool:
        return bool(self.robustness) and self.robust_share < FRAGILE


@dataclass
class Validation:
    """What ``netwerksim patterns`` measured: one result per pattern, the all-patterns region, the settings."""

    results: list[PatternResult]
    settings: dict[str, Any]
    calibration: pd.DataFrame | None = None      # one row per point: parameter values, per pattern holds, all
    calibration_space: dict[str, tuple[float, float]] = field(default_factory=dict)
    targets: list[tuple[Any, Estimate | None]] = field(default_factory=list)   # (Target, its estimate or None)
    seconds: float = 0.0
    runs: int = 0
    ensemble: pd.DataFrame | None = None         # generated networks: design, drivers, outcomes (.ensemble)
    ensemble_fit: pd.DataFrame | None = None     # the logistic regression of a dip on the drivers

    def result(self, pattern_id: str) -> PatternResult:
        return next(r for r in self.results if r.pattern.id == pattern_id)

    @property
    def mutations_run(self) -> int:
        return sum(len(r.mutations) for r in self.results)

    @property
    def mutations_killed(self) -> int:
        return sum(not e.holds for r in self.results for e in r.mutations.values())

    def region(self) -> pd.DataFrame:
        """The calibration points where every pattern holds (the POM filter's accepted set)."""
        if self.calibration is None:
            return pd.DataFrame()
        return self.calibration[self.calibration["all_hold"]]

    def untested(self) -> list[str]:
        """Parameters no killing mutation switches off: no pattern's failure depends on them."""
        killed = {q for r in self.results for n, e in r.mutations.items() if not e.holds for q in LINKS[n].neutral}
        return [name for name in PARAMETERS if name not in killed]


# --- planning runs ----------------------------------------------------------------------------------
RunKey = tuple[Arm, tuple[tuple[str, float], ...], int]


class Plan:
    """The runs a set of (pattern, variant) cells needs, each made once with all the measures asked of it."""

    def __init__(self) -> None:
        self.runs: dict[RunKey, list[Callable]] = {}
        self.cells: dict[tuple[str, str], tuple[Pattern, Variant, list[list[tuple[RunKey, int]]]]] = {}

    def add(self, pattern: Pattern, variant: Variant) -> None:
        seeds = range(variant.seeds or pattern.seeds)
        background, forced = dict(variant.background), dict(variant.forced)
        series = []
        for a, measure in pattern.arms():
            params = {**background, **dict(a.params), **forced}
            frozen = tuple(sorted(params.items()))
            refs = []
            for seed in seeds:
                key = (a, frozen, seed)
                wanted = self.runs.setdefault(key, [])
                if measure not in wanted:
                    wanted.append(measure)
                refs.append((key, wanted.index(measure)))
            series.append(refs)
        self.cells[(pattern.id, variant.name)] = (pattern, variant, series)

    def jobs(self):
        """``(index, RunSpec)`` of every run, in the order they were planned."""
        for i, ((a, params, seed), measures) in enumerate(self.runs.items()):
            yield i, RunSpec(a.scenario_data(), seed, dict(params), (), a.steps, (), tuple(measures))

    def run(self, *, workers: int = 1, executor: Executor | None = None, progress: bool | None = None,
            desc: str = "patterns") -> dict[tuple[str, str], Estimate]:
        """Make every run and return the estimate of every cell."""
        keys = list(self.runs)
        values: dict[Hashable, list[float]] = {}
        with Progress(len(keys), desc, "run", enabled=progress) as bar:
            for i, out in run_stream(self.jobs(), workers=workers, executor=executor):
                values[keys[i]] = out["measures"]
                bar.update(1)
        estimates = {}
        for cell, (pattern, variant, series) in self.cells.items():
            arrays = [np.array([values[key][j] for key, j in refs], float) for refs in series]
            estimates[cell] = estimate(pattern.effect, pattern.direction, pattern.threshold, *arrays)
        return estimates


# --- the variants -----------------------------------------------------------------------------------
def mutation(link: str) -> Variant:
    return Variant(f"off:{link}", forced=tuple(sorted(LINKS[link].neutral.items())))


def hypercube(names: list[str], points: int, seed: int, bounds: Mapping[str, tuple[float, float]]) -> np.ndarray:
    """``points`` x ``len(names)`` parameter values: a Latin hypercube (scipy.stats.qmc) scaled to ``bounds``."""
    unit = qmc.LatinHypercube(d=len(names), rng=np.random.default_rng(seed)).random(points)
    low = np.array([bounds[n][0] for n in names])
    high = np.array([bounds[n][1] for n in names])
    return low + unit * (high - low)


def robust_bounds(pattern: Pattern) -> dict[str, tuple[float, float]]:
    """Every parameter the pattern does not name, within +-25% of its default, clipped to its range.
    Parameters whose default is 0 have no such neighbourhood and stay at 0."""
    named = pattern.named_parameters()
    out = {}
    for name, p in PARAMETERS.items():
        if name in named or p.default == 0:
            continue
        lo, hi = sorted((p.default * (1 - ROBUST_SPREAD), p.default * (1 + ROBUST_SPREAD)))
        out[name] = (max(lo, p.low), min(hi, p.high))
    return out


def robustness_variants(pattern: Pattern, points: int, seeds: int, base_seed: int = 2026) -> list[Variant]:
    bounds = robust_bounds(pattern)
    names = sorted(bounds)
    values = hypercube(names, points, base_seed, bounds)
    return [Variant(f"lhs:{i}", background=tuple(zip(names, map(float, row))), seeds=seeds)
            for i, row in enumerate(values)]


def calibration_space(sweep: str = MORRIS_SWEEP) -> dict[str, tuple[float, float]]:
    """The numeric parameters of the Morris screening (src/netwerksim/experiments/sweep_zorgnetwerk_morris.toml) with its bounds."""
    from ..sweeps import resolve_sweep  # noqa: PLC0415

    data = tomllib.loads(Path(resolve_sweep(sweep)).read_text(encoding="utf-8"))
    space = {}
    for name, d in data["space"].items():
        if name in PARAMETERS:
            p = PARAMETERS[name]
            space[name] = (float(d.get("low", p.low)), float(d.get("high", p.high)))
    return space


def calibration_variants(space: Mapping[str, tuple[float, float]], points: int, seeds: int,
                         base_seed: int = 2027) -> list[Variant]:
    names = sorted(space)
    values = hypercube(names, points, base_seed, space)
    return [Variant(f"cal:{i}", background=tuple(zip(names, map(float, row))), seeds=seeds)
            for i, row in enumerate(values)]


# --- evaluating ---------------------------------------------------------------------------------------
def evaluate(patterns: list[Pattern], *, mutations: bool = True, robustness: int = 0, robust_seeds: int = 10,
             calibration: int = 0, calibration_seeds: int = 10, targets: bool = False, workers: int = 1,
             executor: Executor | None = None, progress: bool | None = None) -> Validation:
    """Run ``patterns`` at the defaults, with each named link switched off (``mutations``), at ``robustness``
    hypercube points each, and at ``calibration`` points of the Morris parameters (all patterns at once);
    with ``targets``, measure the sources' numbers too (:mod:`.targets`)."""
    if not patterns:
        raise ValueError("no pattern to evaluate")
    started = time.monotonic()
    plan = Plan()
    baseline = Variant("baseline")
    for p in patterns:
        plan.add(p, baseline)
        if mutations:
            for link in p.links:
                plan.add(p, mutation(link))
        if robustness:
            plan.add(p, Variant("reference", seeds=robust_seeds))
            for v in robustness_variants(p, robustness, robust_seeds):
                plan.add(p, v)
    space = calibration_space() if calibration else {}
    cal_variants = calibration_variants(space, calibration, calibration_seeds) if calibration else []
    for v in cal_variants:
        for p in patterns:
            plan.add(p, v)
    from .targets import TARGETS  # noqa: PLC0415

    measured_targets = [t for t in TARGETS if t.measured] if targets else []
    for t in measured_targets:
        plan.add(t.as_pattern(), baseline)
    estimates = plan.run(workers=workers, executor=executor, progress=progress)
    results = []
    for p in patterns:
        r = PatternResult(p, estimates[(p.id, "baseline")])
        if mutations:
            r.mutations = {link: estimates[(p.id, f"off:{link}")] for link in p.links}
        if robustness:
            r.robust_reference = estimates[(p.id, "reference")]
            r.robustness = [estimates[(p.id, f"lhs:{i}")].reaches for i in range(robustness)]
        results.append(r)
    table = None
    if cal_variants:
        rows = []
        for v in cal_variants:
            holds = {p.id: estimates[(p.id, v.name)].reaches for p in patterns}
            region = [holds[p.id] for p in patterns if p.reproduced]   # those registered as not reproduced aside
            rows.append({"point": v.name, **dict(v.background), **holds, "all_hold": all(region)})
        table = pd.DataFrame(rows)
    settings = {"patterns": len(patterns), "mutations": mutations, "robustness_points": robustness,
                "robustness_seeds": robust_seeds, "calibration_points": calibration,
                "calibration_seeds": calibration_seeds, "workers": workers}
    target_rows = [(t, estimates[(f"target:{t.id}", "baseline")] if t.measured else None) for t in TARGETS] \
        if targets else []
    return Validation(results, settings, table, dict(space), target_rows, time.monotonic() - started, len(plan.runs))


def region_summary(validation: Validation) -> dict[str, Any]:
    """Size of the all-patterns region (accepted share with its interval) and its range per parameter;
    whether the defaults lie inside (every pattern holds at the defaults and each default lies within the
    accepted range). A point is accepted when every pattern's estimate over its few seeds reaches the
    pattern's threshold (``Estimate.reaches``). Patterns registered as not reproduced count for neither, as
    for the region itself (:meth:`Validation.region`'s ``all_hold``)."""
    table = validation.calibration
    if table is None:
        return {}
    accepted = validation.region()
    k, n = len(accepted), len(table)
    ranges = {name: ((float(accepted[name].min()), float(accepted[name].max())) if k else (math.nan, math.nan))
              for name in validation.calibration_space}
    defaults_pass = all(r.baseline.holds for r in validation.results if r.pattern.reproduced)
    inside = {name: lo <= PARAMETERS[name].default <= hi for name, (lo, hi) in ranges.items()}
    return {"accepted": k, "points": n, "share": k / n if n else math.nan, "interval": share_interval(k, n),
            "ranges": ranges, "space": validation.calibration_space, "defaults_pass": defaults_pass,
            "defaults_inside": defaults_pass and k > 0 and all(inside.values()), "inside": inside}
