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

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Iterator

from .mechanisms.conflict import LEVELS
from .observers.stuck import SITUATIONS

if TYPE_CHECKING:
    from .scenario import Event
    from .streams import Streams

DIP_REPORTS = ("netwerkdip", "never_gets_going", "doorstart")
TRIGGERS = (*DIP_REPORTS, *SITUATIONS, *LEVELS[1:])   # what `when` may name: reports, V1-V14, a conflict level
TIMINGS = ("at", "when", "rate")
TIMING_FIELDS = (*TIMINGS, "after", "repeat", "between")   # an entry's fields that are not its parameters


def triggers_of(report: dict[str, Any]) -> tuple[str, ...]:
    """The triggers a detector's report is: its own kind, the stuck situation that opens, or every conflict
    level the thermometer rises to or through; none for a situation closing or the thermometer falling."""
    kind = report["type"]
    if kind in DIP_REPORTS:
        return (kind,)
    if kind == "vastloop":
        return (report["id"],)
    if kind == "conflict":
        return tuple(LEVELS[report["previous"] + 1:report["level"] + 1])
    return ()


def timing(event: "Event") -> str:
    """``"at"``, ``"when"`` or ``"rate"``: how the entry is timed (exactly one is given; :func:`timing_problems`)."""
    return next((t for t in TIMINGS if getattr(event, t) is not None), "at")


def timing_problems(event: "Event", steps: int) -> Iterator[tuple[str, str]]:
    """(field, message) for each problem of an entry's timing in a run of ``steps`` weeks."""
    given = [t for t in TIMINGS if getattr(event, t) is not None]
    if len(given) != 1:
        yield "at", (f"give exactly one of at (a week), when (a report: {', '.join(TRIGGERS)}) or rate (a chance"
                     f" per week); given: {', '.join(given) or 'none'}")
        return
    if event.at is not None and event.at > steps:
        yield "at", f"value {event.at} is after the last step ({steps})"
    if event.when is not None and event.when not in TRIGGERS:
        yield "when", f"value {event.when!r} is not allowed; allowed: {', '.join(TRIGGERS)}"
    if event.when is None and (event.after or event.repeat):
        yield ("after" if event.after else "repeat"), "only with when (a response to a report)"
    if event.between is not None:
        if event.rate is None:
            yield "between", "only with rate (the weeks a shock process runs)"
        elif not event.between[0] <= event.between[1] <= steps:
            yield "between", (f"value {list(event.between)} is not allowed; two weeks [first, last] with"
                              f" first <= last <= {steps}")


@dataclass
class Timeline:
    """The run's schedule: fixed weeks, responses to reports and shock processes (see the module docstring).

    :meth:`due` says what the next step will apply without changing anything; :meth:`pop` takes it;
    :meth:`observe` schedules the responses to this week's reports.
    """

    entries: list["Event"]
    steps: int
    applied: set[int] = field(default_factory=set)          # fixed entries and one-off responses already done
    scheduled: list[tuple[int, int]] = field(default_factory=list)   # (week, entry) responses waiting

    def _hits(self, week: int, streams: "Streams") -> list[int]:
        processes = [i for i, e in enumerate(self.entries) if e.rate is not None]
        if not processes:
            return []
        draws = streams("shock process", week).random(len(processes))
        return [i for i, u in zip(processes, draws)
                if u < self.entries[i].rate and _within(week, self.entries[i].between or (1, self.steps))]

    def due(self, week: int, streams: "Streams") -> list["Event"]:
        """The entries the step of ``week`` applies, in order: fixed weeks, responses, shocks."""
        return [self.entries[i] for i in self._due(week, streams)]

    def _due(self, week: int, streams: "Streams") -> list[int]:
        fixed = sorted((e.at, i) for i, e in enumerate(self.entries) if e.at is not None and e.at <= week
                       and i not in self.applied)
        responses = sorted((w, i) for w, i in self.scheduled if w <= week)
        return [i for _, i in fixed] + [i for _, i in responses] + self._hits(week, streams)

    def pop(self, week: int, streams: "Streams") -> list["Event"]:
        """The entries due in ``week``, marked as applied."""
        due = self._due(week, streams)
        self.applied |= {i for i in due if self.entries[i].rate is None}
        self.scheduled = [(w, i) for w, i in self.scheduled if w > week]
        return [self.entries[i] for i in due]

    def observe(self, reports: list[dict[str, Any]], week: int) -> None:
        """Schedule the responses to this week's reports: ``after`` weeks later, at the earliest the next week
        (this week's step is done); once, unless ``repeat`` (then at every such report)."""
        for trigger in (t for report in reports for t in triggers_of(report)):
            for i, e in enumerate(self.entries):
                waiting = any(j == i for _, j in self.scheduled)
                if e.when == trigger and (e.repeat or (i not in self.applied and not waiting)):
                    self.scheduled.append((week + max(e.after, 1), i))


def _within(week: int, window: tuple[int, int] | list[int]) -> bool:
    return window[0] <= week <= window[1]


def trigger_label(trigger: str, lang: str) -> str:
    """A trigger in words: 'een gemelde netwerkdip', 'vastloopsituatie V4 (...)'."""
    from .i18n import t  # noqa: PLC0415
    from .observers.thermometer import LEVEL_NAMES  # noqa: PLC0415

    if trigger in DIP_REPORTS:
        return t(f"trigger.{trigger}", lang)
    if trigger in SITUATIONS:
        s = SITUATIONS[trigger]
        return t("trigger.situation", lang, id=trigger, name=s.name_nl if lang == "nl" else s.name_en)
    return t("trigger.level", lang, name=LEVEL_NAMES[trigger][lang != "nl"])


def describe(entry: dict[str, Any], label: str, lang: str) -> str:
    """An entry of a timeline (as a dict: ``at``/``when``/``rate`` and the rest) in plain words, e.g. 'De vier
    ingrediënten 2 weken na een gemelde netwerkdip' or 'Personeelstekort: kans 2% per week, gemiddeld eens per
    50 weken'."""
    from .i18n import decimal, t  # noqa: PLC0415

    if entry.get("when") is not None:
        after = t("timeline.after", lang, n=entry["after"]) if entry.get("after") else ""
        key = "timeline.when_repeat" if entry.get("repeat") else "timeline.when"
        return t(key, lang, label=label, after=after, trigger=trigger_label(entry["when"], lang))
    if entry.get("rate") is not None:
        rate = float(entry["rate"])
        percent = decimal(100 * rate, lang, ".3g") + "%"
        weeks = decimal(1.0 / rate, lang, ".3g")
        if entry.get("between") is not None:
            first, last = entry["between"]
            return t("timeline.rate_between", lang, label=label, percent=percent, first=first, last=last, weeks=weeks)
        return t("timeline.rate", lang, label=label, percent=percent, weeks=weeks)
    return t("compare.event_at", lang, label=label, week=entry["at"])
