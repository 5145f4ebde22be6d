"""Running a comparison: every option x replication with the same seeds, the tidy table, bands and provenance."""

from __future__ import annotations

import json
import platform
import time
import warnings
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..experiment import run_many
from ..extras import require
from ..metrics import SERIES
from ..scenario import Scenario
from ..storage import result_folder
from .spec import Comparison
from .statistics import LEVEL, summarise

ENDED_BELOW = 2   # a network with fewer active organisations than this has ended: nothing left to share (vitality 0)


def fan_bands(series: dict[str, list[dict[str, np.ndarray]]], weeks: np.ndarray) -> pd.DataFrame:
    """Per option, indicator and week: the 10%, 50% and 90% quantiles over the replications, and ``ended``: in how
    many of the runs the network has no two active organisations left that week (vitality 0)."""
    frames = []
    for option, runs in series.items():
        ended = (np.vstack([r["active_organisations"] for r in runs]) < ENDED_BELOW).sum(axis=0)
        for name in SERIES:
            stack = np.vstack([r[name] for r in runs])
            with warnings.catch_warnings():      # a week in which no run has a value (no members left)
                warnings.simplefilter("ignore", RuntimeWarning)
                q = np.nanquantile(stack, [0.1, 0.5, 0.9], axis=0)
            frames.append(pd.DataFrame({"option": option, "indicator": name, "week": weeks,
                                        "p10": q[0], "p50": q[1], "p90": q[2], "ended": ended, "runs": len(runs)}))
    return pd.concat(frames, ignore_index=True)


@dataclass
class ComparisonResult:
    """The tidy table (one row per option x replication), the summary, the fan bands and provenance."""

    comparison: Comparison
    table: pd.DataFrame
    summary: pd.DataFrame
    bands: pd.DataFrame
    seconds: float
    workers: int

    def save(self, out: str | Path, *, lang: str = "nl", plots: bool = True, pdf: bool = False) -> Path:
        """Write the results folder atomically (nothing half-written on failure); returns its path.

        The report comes as ``report.md`` and as ``report.html`` (one file, charts inside, for a client); with
        ``pdf`` also as ``report.pdf`` (needs the ``[pdf]`` extra: checked before anything is written)."""
        from . import charts, report  # noqa: PLC0415 (matplotlib only when saving)

        if pdf:
            require("pdf", lang=lang)

        with result_folder(out, "compare") as tmp:
            self.table.to_parquet(tmp / "results.parquet", index=False)
            self.table.to_csv(tmp / "results.csv", index=False)
            self.summary.to_csv(tmp / "summary.csv", index=False)
            self.bands.to_parquet(tmp / "bands.parquet", index=False)
            (tmp / "comparison.json").write_text(json.dumps(self.manifest(), indent=2, ensure_ascii=False),
                                                 encoding="utf-8")
            figures = charts.write_charts(self, tmp, lang) if plots else []
            report.write_report(self, tmp, lang, figures, pdf=pdf)
        return Path(out)

    def manifest(self) -> dict[str, Any]:
        c = self.comparison
        return {
            "source": c.source, "name_nl": c.name_nl, "name_en": c.name_en,
            "question_nl": c.question_nl, "question_en": c.question_en,
            "scenario": c.scenario.meta.name_en, "scenario_hash": c.scenario.digest(),
            "baseline": c.baseline, "replications": c.replications, "base_seed": c.seed, "seeds": c.seeds(),
            "steps": c.steps, "metrics": list(c.metrics), "key_metrics": list(c.key_metrics),
            "options": [{"name": o.name, "label_nl": o.label_nl, "label_en": o.label_en, "params": o.params,
                         "fields": o.fields, "events": list(o.events),
                         "scenario_hash": Scenario.model_validate(o.scenario).digest()} for o in c.options],
            "intervals": f"{LEVEL:.0%} intervals: yes/no outcomes Wilson score, their paired differences Newcombe "
                         "(1998, method 10); other outcomes Student-t of the mean, their differences Student-t over "
                         "the paired differences (scipy.stats)",
            "workers": self.workers, "seconds": round(self.seconds, 2),
            "package_version": version("netwerksim"),
            "versions": {"python": platform.python_version(),
                         **{p: version(p) for p in ("mesa", "numpy", "pandas", "pyarrow", "scipy")}},
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
    summary = summarise(table, [o.name for o in comparison.options], comparison.baseline,
                        {m: comparison.metric(m) for m in comparison.metrics}, comparison.relevant)
    return ComparisonResult(comparison, table, summary, fan_bands(series, weeks), seconds,
                            workers if executor is None else 0)
