"""The advisor's comparison: one scenario under named options, many paired replications, a report.

A comparison (a file ``src/netwerksim/experiments/*.toml`` or options on the command line) names a
scenario, the options (parameter overrides, scenario-field overrides and timeline interventions), the
baseline, the number of replications, the base seed and the metrics to report. Every option runs with
the same seeds (common random numbers, anchors_mesa.md §5.3), so the difference between an option and
the baseline is taken per seed: a paired comparison. Governance options as levers follow Provan &
Kenis (anchors_peers.md §1.3) and MODEL.md §6; the outcomes are those of ``metrics.py``.

The parts: :mod:`.loading` (files and options into a :class:`Comparison`), :mod:`.command_line`
(``--option`` strings), :mod:`.fields` (scenario fields by path), :mod:`.running` (the runs and the
results folder), :mod:`.statistics` (intervals), :mod:`.report` (the client's report, Markdown and
HTML) and :mod:`.charts` (small multiples against the baseline).
"""

from __future__ import annotations

from pathlib import Path
from typing import Mapping, Sequence

from .command_line import parse_option
from .fields import SETTABLE, set_field
from .loading import (EXPERIMENT_DIR, _base_scenario, build, bundled_comparisons, for_scenario, load_comparison,
                      resolve_comparison)
from .running import ComparisonResult, fan_bands, run_comparison
from .spec import BASIS, REPORTED, Comparison, ComparisonError, Option
from .statistics import LEVEL, summarise

_set_field = set_field   # the name sweeps and patterns import

__all__ = ["BASIS", "EXPERIMENT_DIR", "LEVEL", "REPORTED", "SETTABLE", "Comparison", "ComparisonError",
           "ComparisonResult", "Option", "build", "bundled_comparisons", "compare", "comparison_for", "fan_bands",
           "for_scenario", "load_comparison", "parse_option", "resolve_comparison", "run_comparison", "set_field",
           "summarise", "_base_scenario"]


def comparison_for(source: str | Path | Mapping | Comparison = "zorgnetwerk_governance", *,
                   options: Sequence[str | Mapping] = (), baseline: str | None = None,
                   replications: int | None = None, seed: int | None = None, steps: int | None = None,
                   metrics: Sequence[str] | None = None, question: str | None = None,
                   relevant: float | Mapping[str, float] | None = None) -> Comparison:
    """The validated :class:`Comparison` that :func:`compare` runs, before anything runs.

    ``question`` replaces the comparison's question in both languages (the client's own words); ``relevant`` the
    smallest difference that matters, one number for every reported outcome in its own unit or one per outcome."""
    overrides = dict(baseline=baseline, replications=replications, seed=seed, steps=steps,
                     metrics=list(metrics) if metrics is not None else None,
                     question_nl=question, question_en=question,
                     relevant=dict(relevant) if isinstance(relevant, Mapping) else relevant)
    if isinstance(source, Comparison):
        return source
    if not isinstance(source, Mapping) and (path := resolve_comparison(source)) is not None:
        return load_comparison(path, options=options, **overrides)
    return for_scenario(source if isinstance(source, Mapping) else str(source), options, **overrides)


def compare(source: str | Path | Mapping | Comparison = "zorgnetwerk_governance", *,
            options: Sequence[str | Mapping] = (), baseline: str | None = None, replications: int | None = None,
            seed: int | None = None, steps: int | None = None, metrics: Sequence[str] | None = None,
            question: str | None = None, relevant: float | Mapping[str, float] | None = None, workers: int = 1,
            executor=None,
            progress: bool | None = False) -> ComparisonResult:
    """Run a comparison and return its :class:`ComparisonResult` (``.table``, ``.summary``, ``.save(out)``).

    ``source`` is a comparison file (or a bundled one's name, see ``src/netwerksim/experiments/``), or a scenario (a
    name, file or dict) compared as it is (option ``basis``) with ``options``: strings as on the
    command line (``"gedeeld[Gedeelde regie]: governance.mode=shared, governance.lead="``) or dicts like a file's
    options with a ``name``. The keyword arguments replace the file's settings.
    """
    comparison = comparison_for(source, options=options, baseline=baseline, replications=replications, seed=seed,
                                steps=steps, metrics=metrics, question=question, relevant=relevant)
    return run_comparison(comparison, workers=workers, executor=executor, progress=progress)
