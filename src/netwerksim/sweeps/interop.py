"""Interoperability: one run as a plain function (EMA workbench's model) and the EMA model of a sweep."""

from __future__ import annotations

import copy
import difflib
from pathlib import Path
from typing import Any, Mapping

from ..compare import _set_field
from ..experiment import RunSpec, run_summary
from ..extras import require
from ..params import PARAMETERS, keyword
from ..scenario import ScenarioError, load_scenario, validate
from .spec import Sweep, SweepError, _plain


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
    from ..ema import ema_model as build_model  # noqa: PLC0415

    return build_model(source, levers=levers, name=name)
