"""EMA workbench on netwerksim (``pip install netwerksim[ema]``): uncertainties, levers, constants, replications.

:func:`ema_model` turns a sweep file into an EMA workbench ``ReplicatorModel`` that runs
:func:`sweeps.run_point`: the sweep's axes are uncertainties, except those named as ``levers``
(the options a network can choose, e.g. ``governance.mode``); the scenario, the weeks and the
translation of scenario-field names are constants; the sweep's seeds are the replications. Each
outcome keeps one value per replication (an array of length ``replications`` per experiment), so a
yes/no outcome such as ``dip`` stays 0 or 1 in every run; :func:`per_replication` makes the long
table (one row per experiment x replication) that PRIM, CART and robustness analyses take.

Assigning ``model.uncertainties = [...]`` (or levers, constants, outcomes) replaces what was there,
and a name that would be both an uncertainty and a lever or a constant, or a parameter's range outside
its allowed range, is refused at once, in this process: in EMA workbench itself such an assignment adds,
and the overlap then fails in every worker. A run that fails anyway is printed on stderr and reported
as ``failed`` (NaN outcomes) instead of raised: EMA workbench 3.0 wraps a run's error in ``EMAError``, a
``BaseException`` that ends a ``MultiprocessingEvaluator`` worker without an answer, so the pool waited
forever (issue 18). :func:`per_replication` raises when any run failed, naming how many and the first.
"""

from __future__ import annotations

import math
import re
import sys
from pathlib import Path
from typing import Iterable

import numpy as np
import pandas as pd

from .extras import require
from .params import PARAMETERS, keyword
from .sweeps import Dimension, Sweep, SweepError, load_sweep, run_point, seeds

FAILED = "failed"   # the outcome that says a run raised (1.0) or not (0.0)

require("ema")

from ema_workbench import (  # noqa: E402 (after the extra is checked)
    ArrayOutcome, CategoricalParameter, Constant, IntegerParameter, RealParameter, ReplicatorModel)
from ema_workbench.em_framework.outcomes import Outcome  # noqa: E402
from ema_workbench.em_framework.parameters import Parameter  # noqa: E402
from ema_workbench.em_framework.util import NamedObjectMap  # noqa: E402


def axis_name(dimension: Dimension) -> str:
    """A sweep axis's EMA workbench name: a parameter's keyword (``trust__forgetting``); a scenario field's
    ``field__`` and its path with every other character made ``_``."""
    return keyword(dimension.name) if dimension.kind == "parameter" else "field__" + re.sub(r"\W", "_", dimension.name)


class _Replacing:
    """An attribute of :class:`NetwerkEMAModel` whose assignment replaces the map, then checks for overlaps."""

    def __init__(self, kind: type):
        self.kind = kind

    def __set_name__(self, owner, name: str) -> None:
        self.name, self.internal = name, f"_{name}"

    def __get__(self, instance, owner):
        if instance is None:
            return self
        if not hasattr(instance, self.internal):
            setattr(instance, self.internal, NamedObjectMap(self.kind))
        return getattr(instance, self.internal)

    def __set__(self, instance, values) -> None:
        mapping = NamedObjectMap(self.kind)
        mapping.extend(list(values.values()) if isinstance(values, NamedObjectMap) else values)
        setattr(instance, self.internal, mapping)
        instance.check_names()


class NetwerkEMAModel(ReplicatorModel):
    """EMA workbench's ``ReplicatorModel`` of :func:`sweeps.run_point`, with replacing assignment (see module)."""

    uncertainties = _Replacing(Parameter)
    levers = _Replacing(Parameter)
    constants = _Replacing(Constant)
    outcomes = _Replacing(Outcome)

    def check_names(self) -> None:
        """Refuse a name that is an uncertainty, a lever and/or a constant at once, and a parameter range outside
        the parameter's allowed range (either would fail in every run, in the workers)."""
        for p in [*self.uncertainties, *self.levers]:
            dotted = p.name.replace("__", ".")
            if p.name.startswith("field__") or not hasattr(p, "lower_bound"):
                continue
            if dotted not in PARAMETERS:
                raise SweepError(f"EMA model {self.name}: {p.name!r} is not a model parameter (dotted: {dotted!r}); see "
                                 "`netwerksim params`, or name a scenario field in the sweep file")
            allowed = PARAMETERS[dotted]
            if not allowed.low <= p.lower_bound <= p.upper_bound <= allowed.high:
                raise SweepError(f"EMA model {self.name}: {p.name} = [{p.lower_bound:g}, {p.upper_bound:g}] leaves the "
                                 f"parameter's range [{allowed.low:g}, {allowed.high:g}] ({allowed.unit})")
        groups = {g: {x.name for x in getattr(self, g)} for g in ("uncertainties", "levers", "constants")}
        for a, b in (("uncertainties", "levers"), ("uncertainties", "constants"), ("levers", "constants")):
            both = groups[a] & groups[b]
            if both:
                raise SweepError(f"EMA model {self.name}: {sorted(both)} are both {a} and {b}; a name can be only one "
                                 "(assigning model.uncertainties, .levers or .constants replaces the whole list)")


def _parameter(d: Dimension, name: str) -> Parameter:
    if d.values is not None:
        return CategoricalParameter(name, list(d.values))
    if d.integer:
        return IntegerParameter(name, int(d.low), int(d.high))
    return RealParameter(name, d.low, d.high)


def ema_model(source: str | Path | Sweep, levers: Iterable[str] = (), name: str = "netwerksim") -> NetwerkEMAModel:
    """An EMA workbench model of a sweep file: its axes as uncertainties, those named in ``levers`` (dotted
    names or paths as in the sweep file, or their EMA names) as levers; scenario, weeks and the field
    translation as constants; the sweep's seeds as replications; each metric an outcome with one value per
    replication (``ArrayOutcome``: shape experiments x replications)."""
    s = source if isinstance(source, Sweep) else load_sweep(source)
    names = {d.name: axis_name(d) for d in s.dimensions}
    if len(set(names.values())) < len(names):
        raise SweepError(f"{s.source}: two dimensions get the same EMA workbench name: {names}")
    wanted = list(levers)
    known = {**{n: n for n in names}, **{e: n for n, e in names.items()}}
    unknown = [lever for lever in wanted if lever not in known]
    if unknown:
        raise SweepError(f"ema_model: levers {unknown} are not axes of {s.source}; allowed: {list(names)}")
    as_lever = {known[lever] for lever in wanted}
    model = NetwerkEMAModel(name, function=run_or_report)
    model.uncertainties = [_parameter(d, names[d.name]) for d in s.dimensions if d.name not in as_lever]
    model.levers = [_parameter(d, names[d.name]) for d in s.dimensions if d.name in as_lever]
    fields = {names[d.name]: d.name for d in s.dimensions if d.kind == "field"}
    model.constants = [Constant("scenario", s.scenario.model_dump(mode="json")), Constant("steps", s.steps),
                       Constant("fields", fields), Constant("metrics", list(s.metrics))]
    model.replications = [{"seed": x} for x in seeds(s.seed, s.replications)]
    model.outcomes = [ArrayOutcome(m, function=np.asarray) for m in (*s.metrics, FAILED)]
    return model


def run_or_report(metrics: list[str], **values) -> dict[str, float]:
    """:func:`sweeps.run_point` for EMA workbench: the run's metrics and ``failed = 0``; when the run raises,
    the error on stderr and ``failed = 1`` with NaN metrics (see the module: a raise would hang EMA's pool)."""
    try:
        return {**run_point(**values), FAILED: 0.0}
    except Exception as exc:   # reported, not raised: per_replication raises in the parent
        shown = {k: v for k, v in values.items() if k not in ("scenario", "fields")}
        print(f"netwerksim: EMA run failed ({shown}): {exc.__class__.__name__}: {exc}", file=sys.stderr, flush=True)
        return {**{m: math.nan for m in metrics}, FAILED: 1.0}


def per_replication(experiments: pd.DataFrame, outcomes: dict[str, np.ndarray], model: NetwerkEMAModel | None = None
                    ) -> pd.DataFrame:
    """One row per experiment x replication: the experiment's columns, ``replication``, ``seed`` (when the model
    is given) and each outcome's value in that run; yes/no outcomes (``dip``, ``doorstart``, ``stuck_V*``) as
    booleans."""
    from .metrics import yes_no  # noqa: PLC0415

    failed = np.asarray(outcomes.get(FAILED, np.zeros((1, 1))), dtype=float)
    if failed.any():
        first = int(np.argwhere(failed)[0][0])
        raise SweepError(f"{int(failed.sum())} of {failed.size} EMA runs failed (first: experiment {first}, "
                         f"{experiments.iloc[first].to_dict()}); their errors are on stderr")
    outcomes = {m: v for m, v in outcomes.items() if m != FAILED}
    n, reps = next(iter(outcomes.values())).shape
    rows = experiments.loc[experiments.index.repeat(reps)].reset_index(drop=True)
    rows.insert(0, "replication", np.tile(np.arange(reps), n))
    if model is not None:
        rows.insert(1, "seed", np.tile([r["seed"] for r in model.replications], n))
    for m, values in outcomes.items():
        flat = np.asarray(values, dtype=float).reshape(-1)
        rows[m] = flat.astype(bool) if yes_no(m) else flat
    return rows


__all__ = ["NetwerkEMAModel", "axis_name", "ema_model", "per_replication", "run_or_report"]
