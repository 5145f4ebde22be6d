"""Measures shared by several patterns: top-level functions of a RunResult, each reading only behaviour.

A measure reads what a run did (time-series columns, organisation columns, events), never a scenario
field, a parameter or a value an intervention writes (BRIEF: detectors read behaviour). Each pattern
declares what its measure reads (``Pattern.reads``); the registry test checks the declaration.
Measures specific to one pattern live beside it in its source module.
"""

from __future__ import annotations

import numpy as np

from ..mechanisms.conflict import level


def mean_of(result, column: str, start: int = 0, stop: int | None = None) -> float:
    """Mean of a time-series column over weeks ``start`` .. ``stop`` (inclusive; None: to the end)."""
    ts = result.timeseries
    weeks = ts["week"]
    chosen = (weeks >= start) & (weeks <= (weeks.iloc[-1] if stop is None else stop))
    return float(ts.loc[chosen, column].mean())


def last(result, column: str) -> float:
    """A time-series column in the last week."""
    return float(result.timeseries[column].iloc[-1])


def progress_end(result) -> float:
    """Summed progress on all issues in the last week."""
    return last(result, "progress")


def at_week(result, column: str, week: int) -> float:
    """A time-series column in ``week``."""
    ts = result.timeseries
    return float(ts.loc[ts["week"] == week, column].iloc[0])


def experiments_first_year(result) -> float:
    """Experiments started in weeks 1-52: what a team tries out in a year."""
    return at_week(result, "experiments", 52) - at_week(result, "experiments", 0)


def first_event(result, kind: str) -> dict | None:
    """The first event of ``kind`` (e.g. "netwerkdip"), or None."""
    return next((e for e in result.events if e["type"] == kind), None)


def has_event(result, kind: str) -> float:
    """1 if the run logged an event of ``kind``, else 0."""
    return float(first_event(result, kind) is not None)


def highest_level(result) -> int:
    """The highest conflict-thermometer level the network reached (0 friendly .. 3 conflict; 003 L1323-1462)."""
    return int(level(result.timeseries["heat"].to_numpy()).max())


def weeks_to(result, kind: str, since: int = 0) -> float:
    """Weeks from ``since`` to the first event of ``kind`` after it; NaN if none came."""
    found = next((e for e in result.events if e["type"] == kind and e["step"] >= since), None)
    return float(found["step"] - since) if found else float("nan")


def active_share(result) -> np.ndarray:
    """Per week, the share of organisations that are active members (joined and neither dormant nor gone)."""
    ts = result.timeseries
    total = ts["active_organisations"] + ts["dormant_organisations"] + ts["exited_organisations"]
    return (ts["active_organisations"] / total.where(total > 0, 1)).to_numpy()
