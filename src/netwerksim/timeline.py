"""When the timeline's entries take effect: at a fixed week, as the partners' agreed response to something the
detectors report, or at random at a rate (a shock process).

A scenario or a comparison option describes the network's rules and surroundings, not what must happen
(issue 17 item 1): "when a netwerkdip is reported, the partners apply the four ingredients two weeks later"
is a rule the partners agreed on (the restart the sources prescribe once a dip is recognised, 003
L4795-4810); "a staff shortage hits about once in two years" is a context that changes at random (003
L4626-4628, R37a: a turbulent environment). A trigger reads only the detectors' reports of what agents did
(the dip, 'komt niet op gang', a doorstart, a stuck situation opening, the conflict thermometer rising);
a shock process draws from its own keyed random stream (:mod:`.streams`, purpose ``"shock process"``), one
number per process per week, so runs stay paired and reproducible and adding a process changes no other draw.
"""

from __future__ import annotations

import re

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Iterator

import numpy as np

from .mechanisms.conflict import LEVELS
from .observers.stuck import SITUATIONS

if TYPE_CHECKING:
    from .scenario import Event
    from .streams import Streams

DIP_REPORTS = ("netwerkdip", "never_gets_going", "doorstart")
REPORTS = (*DIP_REPORTS, *SITUATIONS, *LEVELS[1:])   # reports `when` may name: the dip's, V1-V14, a conflict level
LEVEL_NAMES_NL = {"waakzaam": "vigilant", "onenigheid": "disagreement", "conflict": "conflict"}
# what partners can see of their own network, for `when = "vitality < 0.6"` (a recorded network indicator)
OBSERVABLE = ("vitality", "mean_trust", "mean_energy", "joint_contribution", "attendance", "perceived_value",
              "active_organisations", "progress", "output", "heat")
TIMINGS = ("at", "when", "rate", "per_year")
TIMING_FIELDS = (*TIMINGS, "after", "repeat", "between")   # an entry's fields that are not its parameters
_CROSSING = re.compile(r"^\s*([a-z_]+)\s*(<=|>=|<|>)\s*(-?\d+(?:\.\d+)?)\s*$")
_LEVEL = re.compile(r"^\s*conflict\s*>=\s*([a-z]+)\s*$")
_COMPARE = {"<": float.__lt__, "<=": float.__le__, ">": float.__gt__, ">=": float.__ge__}


@dataclass(frozen=True)
class Condition:
    """What a response waits for: a report of the detectors, or a network indicator crossing a value."""

    report: str | None = None
    indicator: str | None = None
    op: str = "<"
    value: float = 0.0

    def holds(self, row: dict[str, float]) -> bool:
        return _COMPARE[self.op](float(row[self.indicator]), self.value)


def condition(when: str) -> Condition | None:
    """``when`` read: a report (``netwerkdip``, ``V4``, ``onenigheid`` or ``conflict >= onenigheid``) or a crossing
    (``vitality < 0.6``); None when it is neither."""
    level = _LEVEL.match(when)
    name = LEVEL_NAMES_NL.get(level.group(1), level.group(1)) if level else LEVEL_NAMES_NL.get(when, when)
    if name in REPORTS:
        return Condition(report=name)
    crossing = _CROSSING.match(when)
    if crossing and crossing.group(1) in OBSERVABLE:
        return Condition(indicator=crossing.group(1), op=crossing.group(2), value=float(crossing.group(3)))
    return None


def triggers_of(report: dict[str, Any]) -> tuple[str, ...]:
    """The reports a detector's event is: its own kind, the stuck situation that opens, or every conflict
    level the thermometer rises to or through; none for a situation closing or the thermometer falling."""
    kind = report["type"]
    if kind in DIP_REPORTS:
        return (kind,)
    if kind == "vastloop":
        return (report["id"],)
    if kind == "conflict":
        return tuple(LEVELS[report["previous"] + 1:report["level"] + 1])
    return ()


def weekly_chance(event: "Event") -> float:
    """A shock process's chance per week: ``rate``, or ``per_year`` shocks a year on average (Poisson)."""
    return event.rate if event.rate is not None else float(-np.expm1(-event.per_year / 52.0))


def spread(event: "Event") -> dict[str, list]:
    """The parameters a shock process draws anew at every hit: a range ``[low, high]`` or a list of choices."""
    return {k: v for k, v in event.params.items() if isinstance(v, list)}


def corners(event: "Event") -> list[dict[str, Any]]:
    """The parameter sets to check like a single entry's: each end of each range and each listed choice."""
    ranges = spread(event)
    first = {**event.params, **{k: v[0] for k, v in ranges.items() if v}}
    return [first] + [{**first, k: x} for k, v in ranges.items() for x in v[1:]]


def draw(event: "Event", generator: np.random.Generator) -> dict[str, Any]:
    """The parameters of one hit: one uniform number per spread parameter (in name order, a fixed count), a
    whole number for a range of whole numbers."""
    params = dict(event.params)
    for key in sorted(spread(event)):
        values, u = params[key], float(generator.random())
        if all(isinstance(x, str) for x in values):
            params[key] = values[min(int(u * len(values)), len(values) - 1)]
        elif all(isinstance(x, int) for x in values):
            params[key] = values[0] + min(int(u * (values[1] - values[0] + 1)), values[1] - values[0])
        else:
            params[key] = values[0] + u * (values[1] - values[0])
    return params


def timing_problems(event: "Event", steps: int) -> Iterator[tuple[str, str]]:
    """(field, message) for each problem of an entry's timing and spread in a run of ``steps`` weeks."""
    given = [t for t in TIMINGS if getattr(event, t) is not None]
    if len(given) != 1:
        yield "at", (f"give exactly one of at (a week), when (a report or a crossing), rate (a chance per week) or"
                     f" per_year (shocks a year on average); given: {', '.join(given) or 'none'}")
        return
    process = event.rate is not None or event.per_year is not None
    if event.at is not None and event.at > steps:
        yield "at", f"value {event.at} is after the last step ({steps})"
    if event.when is not None and condition(event.when) is None:
        yield "when", (f"value {event.when!r} is not allowed; a report ({', '.join(REPORTS)}; a conflict level also"
                       f" in Dutch or as 'conflict >= onenigheid') or a crossing 'INDICATOR < VALUE' (or <=, >, >=)"
                       f" of {', '.join(OBSERVABLE)}")
    if event.when is None and (event.after or event.repeat):
        yield ("after" if event.after else "repeat"), "only with when (a response to a report)"
    if event.between is not None:
        if not process:
            yield "between", "only with rate or per_year (the weeks a shock process runs)"
        elif not event.between[0] <= event.between[1] <= steps:
            yield "between", (f"value {list(event.between)} is not allowed; two weeks [first, last] with"
                              f" first <= last <= {steps}")
    for key, values in spread(event).items():
        numbers = all(isinstance(x, (int, float)) and not isinstance(x, bool) for x in values)
        if not process:
            yield key, f"value {values!r}: a range or a list of choices only in a shock process (rate or per_year)"
        elif numbers and not (len(values) == 2 and values[0] <= values[1]):
            yield key, f"value {values!r} is not allowed; a range is two numbers [low, high] with low <= high"
        elif not numbers and not (values and all(isinstance(x, str) for x in values)):
            yield key, f"value {values!r} is not allowed; a range [low, high] or a list of names to choose from"


@dataclass
class Timeline:
    """The run's schedule: fixed weeks, responses to reports and crossings, and shock processes (see the module
    docstring). :meth:`due` says what the step of a week applies, as (registry name, parameters), without
    changing anything; :meth:`pop` takes it; :meth:`observe` schedules the responses to a week's reports."""

    entries: list["Event"]
    steps: int
    applied: set[int] = field(default_factory=set)          # fixed entries and one-off responses already done
    scheduled: list[tuple[int, int]] = field(default_factory=list)   # (week, entry) responses waiting
    # read once from the entries: the shock processes and the responses' conditions
    processes: list[int] = field(init=False)
    responses: list[tuple[int, Condition]] = field(init=False)

    def __post_init__(self):
        self.processes = [i for i, e in enumerate(self.entries) if e.rate is not None or e.per_year is not None]
        self.responses = [(i, condition(e.when)) for i, e in enumerate(self.entries) if e.when is not None]

    def _hits(self, week: int, streams: "Streams") -> list[tuple[int, dict[str, Any]]]:
        if not self.processes:
            return []
        draws = streams("shock process", week).random(len(self.processes))
        return [(i, draw(self.entries[i], streams("shock size", week, i))) for i, u in zip(self.processes, draws)
                if u < weekly_chance(self.entries[i]) and _within(week, self.entries[i].between or (1, self.steps))]

    def due(self, week: int, streams: "Streams") -> list[tuple[str, dict[str, Any]]]:
        """What the step of ``week`` applies, in order: fixed weeks, responses, shocks."""
        return [(self.entries[i].type, params) for i, params in self._due(week, streams)]

    def _due(self, week: int, streams: "Streams") -> list[tuple[int, dict[str, Any]]]:
        fixed = sorted((e.at, i) for i, e in enumerate(self.entries) if e.at is not None and e.at <= week
                       and i not in self.applied)
        responses = sorted((w, i) for w, i in self.scheduled if w <= week)
        return [(i, self.entries[i].params) for _, i in [*fixed, *responses]] + self._hits(week, streams)

    def pop(self, week: int, streams: "Streams") -> list[tuple[str, dict[str, Any]]]:
        """What the step of ``week`` applies, marked as applied."""
        due = self._due(week, streams)
        self.applied |= {i for i, _ in due if self.entries[i].at is not None or self.entries[i].when is not None}
        self.scheduled = [(w, i) for w, i in self.scheduled if w > week]
        return [(self.entries[i].type, params) for i, params in due]

    def observe(self, reports: list[dict[str, Any]], rows: list[dict[str, float]], week: int) -> None:
        """Schedule the responses to this week's reports and crossings (``rows``: the recorded weeks, this one
        last): ``after`` weeks later, at the earliest the next week (this week's step is done); once, unless
        ``repeat`` (then in every week with such a report or crossing: three issues stuck in one week ask for
        one response)."""
        if not self.responses:
            return
        reported = {t for report in reports for t in triggers_of(report)}
        for i, c in self.responses:
            e = self.entries[i]
            if c.report is not None:
                met = c.report in reported
            else:   # a crossing: beyond the value this week, not the week before
                met = len(rows) >= 2 and c.holds(rows[-1]) and not c.holds(rows[-2])
            waiting = any(j == i for _, j in self.scheduled)
            if met and (e.repeat or (i not in self.applied and not waiting)):
                self.scheduled.append((week + max(e.after, 1), i))


def _within(week: int, window: tuple[int, int] | list[int]) -> bool:
    return window[0] <= week <= window[1]


def trigger_label(when: str, lang: str) -> str:
    """What a response waits for, in words: 'een gemelde netwerkdip', 'vastloopsituatie V4 (...)',
    'vitaliteit < 0,6'."""
    from .i18n import TEXT, decimal, t  # noqa: PLC0415
    from .observers.thermometer import LEVEL_NAMES  # noqa: PLC0415

    c = condition(when)
    if c.indicator is not None:
        name = t(c.indicator, lang) if c.indicator in TEXT else c.indicator
        return t("trigger.crossing", lang, indicator=name, op=c.op, value=decimal(c.value, lang, "g"))
    if c.report in DIP_REPORTS:
        return t(f"trigger.{c.report}", lang)
    if c.report in SITUATIONS:
        s = SITUATIONS[c.report]
        return t("trigger.situation", lang, id=c.report, name=s.name_nl if lang == "nl" else s.name_en)
    return t("trigger.level", lang, name=LEVEL_NAMES[c.report][lang != "nl"])


def describe(entry: dict[str, Any], label: str, lang: str) -> str:
    """An entry of a timeline (as a dict: ``at``/``when``/``rate``/``per_year`` and the rest) in plain words, e.g.
    'De vier ingrediënten 2 weken na een gemelde netwerkdip' or 'Personeelstekort: kans 2% per week, gemiddeld
    eens per 50 weken'."""
    from .i18n import decimal, t  # noqa: PLC0415

    if entry.get("when") is not None:
        after = t("timeline.after", lang, n=entry["after"]) if entry.get("after") else ""
        key = "timeline.when_repeat" if entry.get("repeat") else "timeline.when"
        return t(key, lang, label=label, after=after, trigger=trigger_label(entry["when"], lang))
    if entry.get("rate") is not None or entry.get("per_year") is not None:
        if entry.get("per_year") is not None:
            text = t("timeline.per_year", lang, label=label, n=decimal(float(entry["per_year"]), lang, ".3g"))
        else:
            rate = float(entry["rate"])
            text = t("timeline.rate", lang, label=label, percent=decimal(100 * rate, lang, ".3g") + "%",
                     weeks=decimal(1.0 / rate, lang, ".3g"))
        if entry.get("between") is not None:
            text += t("timeline.between", lang, first=entry["between"][0], last=entry["between"][1])
        return text
    return t("compare.event_at", lang, label=label, week=entry["at"])
