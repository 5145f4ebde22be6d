"""A validated comparison and its options: what each option changes and the runs the comparison makes."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .. import resources
from ..experiment import RunSpec, seeds
from ..i18n import number, t
from ..interventions import REGISTRY
from ..metrics import SERIES, Metric, metric_of, registry
from ..scenario import Scenario, ScenarioError
from ..timeline import TIMING_FIELDS, describe

REPORTED = ("dip", "dip_depth", "progress_total", "trust_end", "organisations_dormant",   # the first five: key outcomes
            "never_gets_going", "dip_weeks", "doorstart", "weeks_to_first_result", "vitality_mean", "vitality_end", "conflict_level_end",
            "organisations_left", "stuck_count")   # the metrics a comparison reports unless it names others
KEY_COUNT = 5           # key outcomes on the report's first page unless the comparison names them (at most MAX_KEY)
MAX_KEY = 6
TRACKED = (*SERIES, "active_organisations")   # the thin series a comparison keeps per run (charts, runs that end early)
BASIS = "basis"   # the untouched scenario, added when options come from the command line


class ComparisonError(ScenarioError):
    """A comparison that cannot be run; the message names file, field, value and what is allowed."""


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

    def interventions(self, lang: str) -> list[str]:
        """The option's interventions in plain words: 'Team voor gedeeld leiderschap vanaf week 26'."""
        return [describe(e, _entry_label(e["type"], lang), lang) for e in self.events]

    def settings(self, lang: str) -> list[str]:
        """Every change as the model sees it (for the appendix): field paths, parameters, interventions with their
        parameters."""
        parts = [f"{k} = {v if v != '' else t('compare.default', lang)}" for k, v in self.fields.items()]
        parts += [f"{k} = {number(v, 'g', lang)}" for k, v in self.params.items()]
        for e, plain in zip(self.events, self.interventions(lang)):
            extra = ", ".join(f"{k} = {v}" for k, v in e.items() if k not in ("type", *TIMING_FIELDS))
            parts.append(f"{plain} ({e['type']}{': ' + extra if extra else ''})")
        return parts or [t("compare.unchanged", lang)]


def _entry_label(kind: str, lang: str) -> str:
    entry = REGISTRY[kind]
    return entry.label_nl if lang == "nl" else entry.label_en


@dataclass(frozen=True)
class Comparison:
    """A validated comparison, ready to run. ``key_metrics`` (4-6, the first is the one the answer is about)
    are the outcomes on the report's first page; ``metrics`` all that it reports."""

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
    key_metrics: tuple[str, ...] = ()
    relevant: dict[str, float] = field(default_factory=dict)   # per metric: the smallest difference that matters

    def option(self, name: str) -> Option:
        return next(o for o in self.options if o.name == name)

    def others(self) -> list[Option]:
        """The options compared with the baseline, in their order."""
        return [o for o in self.options if o.name != self.baseline]

    def seeds(self) -> list[int]:
        """One seed per replication, shared by every option (common random numbers)."""
        return seeds(self.seed, self.replications)

    def specs(self) -> list[tuple[str, int, int, RunSpec]]:
        """(option, replication, seed, spec) for every run, option by option."""
        derived = tuple(m for m in self.metrics if m not in registry(self.scenario))   # vitality@90, ...
        return [(o.name, r, s, RunSpec(o.scenario, s, o.params, o.events, self.steps, TRACKED, metrics=derived))
                for o in self.options for r, s in enumerate(self.seeds())]

    def metric(self, name: str) -> Metric:
        return metric_of(name, self.scenario)

    def check_resources(self, parallel: int) -> float:
        """Refuse the comparison if ``parallel`` of its costliest runs do not fit the memory limit; the seconds it takes."""
        per_run = max((resources.estimate(Scenario.model_validate(o.scenario), self.steps) for o in self.options),
                      key=lambda e: e.bytes)
        return resources.guard_runs(per_run, len(self.options) * self.replications, parallel, self.source)

    def text(self, what: str, lang: str) -> str:
        return getattr(self, f"{what}_{lang}")
