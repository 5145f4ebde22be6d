"""What a pattern is: the arms its runs are made of, the measure, the claim, and its named causes.

A :class:`Pattern` is pre-registered (Grimm et al. 2005; validation_methods.md §1.1, §5.4): the source
and lines, the claim in one Dutch and one English sentence, the runs it is measured on (one
:class:`Arm`, or two paired by seed), the measure (a top-level function of a run's
:class:`~netwerksim.runner.RunResult`, so it runs in a worker process), the kind of effect with its
expected direction and minimal size, the number of seeds, and the *links* the source names as causes
(:mod:`netwerksim.links`). Switching a named link off must make the pattern fail (the mutation
matrix): a pattern that survives the removal of its named cause is flagged.

Its declaration (Axelrod-style, like an interventions's ``reads``/``writes``) says what the measure
reads of a run (time-series columns, organisation columns, event types) and what the arms change;
``tests/test_patterns.py`` checks that a measure reads nothing it does not declare.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Callable, Literal, Mapping

from ..compare import _set_field
from ..links import LINKS
from ..params import PARAMETERS, check
from ..scenario import bundled_names, load_scenario, validate

EFFECTS = ("share", "mean", "difference", "ratio")
Effect = Literal["share", "mean", "difference", "ratio"]
Direction = Literal["higher", "lower"]


def _freeze(value: Any) -> Any:
    """Lists and dicts as tuples, so an arm is hashable; :func:`_thaw` gives them back."""
    if isinstance(value, Mapping):
        return ("__dict__", tuple(sorted((k, _freeze(v)) for k, v in value.items())))
    if isinstance(value, (list, tuple)):
        return ("__list__", tuple(_freeze(v) for v in value))
    return value


def _thaw(value: Any) -> Any:
    if isinstance(value, tuple) and value and value[0] == "__dict__":
        return {k: _thaw(v) for k, v in value[1]}
    if isinstance(value, tuple) and value and value[0] == "__list__":
        return [_thaw(v) for v in value[1]]
    return value


def _frozen(mapping: Mapping[str, Any] | None) -> tuple[tuple[str, Any], ...]:
    return tuple(sorted((k, _freeze(v)) for k, v in (mapping or {}).items()))


@dataclass(frozen=True)
class Arm:
    """How the runs of one arm are made: a bundled scenario, changed fields, parameters, timeline, weeks.

    Build it with :func:`arm`. ``fields`` set scenario fields by path (``governance.agreements``,
    ``organisations[*].workload``, as in comparison files); ``events`` are extra timeline entries;
    ``drop`` removes the scenario's timeline entries of those types; ``append`` adds elements to a list
    of the scenario (``{"forums": [...], "issues": [...]}``). Hashable, so runs that several patterns
    share are made once.
    """

    scenario: str
    fields: tuple[tuple[str, Any], ...] = ()
    params: tuple[tuple[str, float], ...] = ()
    events: tuple[tuple[tuple[str, Any], ...], ...] = ()
    drop: tuple[str, ...] = ()
    steps: int | None = None
    append: tuple[tuple[str, Any], ...] = ()

    def scenario_data(self) -> dict[str, Any] | str:
        """The scenario as a dict with the arm's changes (the bundled name when there are none)."""
        return _scenario_data(self)

    def describe(self) -> str:
        """One line for reports: the scenario and what the arm changes."""
        parts = [self.scenario]
        parts += [f"{k} = {_thaw(v)!r}" for k, v in self.fields]
        parts += [f"{k} = {v:g}" for k, v in self.params]
        parts += [f"{dict(e)['type']}@{dict(e).get('at', dict(e).get('when'))}" for e in self.events]
        parts += [f"without {d}" for d in self.drop]
        parts += [f"+ {len(_thaw(v))} {k}" for k, v in self.append]
        if self.steps:
            parts.append(f"{self.steps} weeks")
        return ", ".join(parts)


def arm(scenario: str, *, fields: Mapping[str, Any] | None = None, params: Mapping[str, float] | None = None,
        events: list[Mapping[str, Any]] | tuple = (), drop: tuple[str, ...] = (), steps: int | None = None,
        append: Mapping[str, list] | None = None) -> Arm:
    """An :class:`Arm`, checked at once: the scenario exists and the changed scenario validates."""
    if scenario not in bundled_names():
        raise ValueError(f"unknown scenario {scenario!r}; allowed: {bundled_names()}")
    for name, value in (params or {}).items():
        check(name, value)
    a = Arm(scenario, _frozen(fields), _frozen(params), tuple(_frozen(e) for e in events), tuple(drop), steps,
            _frozen(append))
    a.scenario_data()   # validates
    return a


@lru_cache(maxsize=None)
def _scenario_data(a: Arm) -> dict[str, Any] | str:
    if not (a.fields or a.events or a.drop or a.append):
        return a.scenario
    data = load_scenario(a.scenario).model_dump(mode="json")
    for key, items in a.append:
        data[key] = [*data[key], *_thaw(items)]
    for path, value in a.fields:
        _set_field(data, path, _thaw(value))
    data["events"] = [e for e in data["events"] if e["type"] not in a.drop] + [
        {k: _thaw(v) for k, v in e} for e in a.events]
    validate(data, f"<{a.describe()}>")
    return data


@dataclass(frozen=True)
class Pattern:
    """One stylised fact of a source as a pre-registered, falsifiable pattern with its named causes.

    The effect is computed over ``seeds`` runs (seeds 0 .. seeds-1) of ``arm`` and, for a contrast,
    of ``contrast`` on the same seeds (paired: keyed random streams make the two runs share their
    random numbers purpose by purpose):

    - ``share``: the share of runs where the measure (0 or 1) is 1, with a Wilson interval;
    - ``mean``: the mean of the measure, with a t interval;
    - ``difference``: the mean per-seed difference arm - contrast, with a paired t interval;
    - ``ratio``: mean over arm / mean over contrast, with a paired bootstrap interval.

    It *holds* when the estimate lies at or beyond ``threshold`` in ``direction`` (``higher``: at
    least, ``lower``: at most) and, for a difference or a ratio, the 95% interval excludes no effect
    (0, or 1). ``contrast_measure`` compares two measures of the same runs (e.g. one half year with
    the next) when ``contrast`` is None. ``not_reproduced_nl``/``_en`` say which part of its facts the
    pattern leaves out because the model does not reproduce it; such a fact counts as partly covered.
    ``reproduced = False`` registers a pattern that no longer holds at the defaults (its ``not_reproduced_*`` say
    why): it stays in the report as failing, out of the all-patterns region, and the validation asserts that it still
    fails, so the day the model earns it again the declaration must go (like a strict xfail). ``survives`` names the
    links whose removal was measured to leave the pattern holding (its cause not earned; the report flags them and the
    fact counts as partly covered): the validation asserts that exactly these survive, so a new survivor and a
    survivor that is killed again both turn it red, as a strict xfail does.
    """

    id: str
    facts: tuple[str, ...]
    source: str
    claim_nl: str
    claim_en: str
    measure: Callable[[Any], float]
    arm: Arm
    effect: Effect
    direction: Direction
    threshold: float
    links: tuple[str, ...]
    reads: tuple[str, ...]
    contrast: Arm | None = None
    contrast_measure: Callable[[Any], float] | None = None
    seeds: int = 30
    fast: bool = False
    measured: str = ""
    owner: str = ""
    not_reproduced_nl: str = ""
    not_reproduced_en: str = ""
    reproduced: bool = True
    survives: tuple[str, ...] = ()
    extra: Mapping[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @property
    def seed_file(self) -> str:
        """The source file number ("003"), the prefix of the id."""
        return self.id.split("-", 1)[0]

    @property
    def paired(self) -> bool:
        return self.contrast is not None or self.contrast_measure is not None

    def claim(self, lang: str) -> str:
        return self.claim_nl if lang == "nl" else self.claim_en

    def not_reproduced(self, lang: str) -> str:
        """The part of its facts the pattern leaves out as not reproduced ("" when none)."""
        return self.not_reproduced_nl if lang == "nl" else self.not_reproduced_en

    def arms(self) -> list[tuple[Arm, Callable[[Any], float]]]:
        """(arm, measure) of the first and, for a contrast, the second series of runs."""
        first = [(self.arm, self.measure)]
        if self.contrast is not None:
            return first + [(self.contrast, self.contrast_measure or self.measure)]
        if self.contrast_measure is not None:
            return first + [(self.arm, self.contrast_measure)]
        return first

    def named_parameters(self) -> set[str]:
        """Parameters the pattern names: those its links switch off and those its arms set."""
        named = {p for n in self.links for p in LINKS[n].neutral}
        for a, _ in self.arms():
            named |= {k for k, _ in a.params}
        return named

    def declaration(self) -> dict[str, Any]:
        """What the pattern reads and changes, and its source (Axelrod-style classifier)."""
        changes = sorted({f"{k}" for a, _ in self.arms() for k, _ in (*a.fields, *a.params)}
                         | {f"event:{dict(e)['type']}" for a, _ in self.arms() for e in a.events}
                         | {f"without:{d}" for a, _ in self.arms() for d in a.drop})
        return {"id": self.id, "source": self.source, "facts": list(self.facts), "reads": list(self.reads),
                "changes": changes, "switches_off": {n: dict(LINKS[n].neutral) for n in self.links},
                "seeds": self.seeds, "stochastic": True, "long_run_time": not self.fast}


PATTERNS: dict[str, Pattern] = {}
READABLE_PREFIXES = ("timeseries:", "organisations:", "events:")


def register(*patterns: Pattern) -> None:
    """Add patterns to :data:`PATTERNS`, checked: unique id, known links, a sound effect, >= 30 seeds, declarations."""
    for p in patterns:
        problems = []
        if p.id in PATTERNS:
            problems.append("the id is registered already")
        if p.effect not in EFFECTS:
            problems.append(f"effect {p.effect!r}; allowed: {EFFECTS}")
        if p.direction not in ("higher", "lower"):
            problems.append(f"direction {p.direction!r}; allowed: higher, lower")
        if p.effect in ("difference", "ratio") and not p.paired:
            problems.append(f"a {p.effect} needs a contrast arm or a contrast measure")
        if p.effect in ("share", "mean") and p.paired:
            problems.append(f"a {p.effect} is a level of one series of runs; use difference or ratio for a contrast")
        if p.seeds < 30:
            problems.append(f"{p.seeds} seeds; a pattern runs at least 30")
        if not p.links:
            problems.append("no link named as cause")
        problems += [f"unknown link {n!r}" for n in p.links if n not in LINKS]
        problems += [f"survives {n!r}, which it does not name as a cause" for n in p.survives if n not in p.links]
        problems += [f"reads {r!r}: say timeseries:<column>, organisations:<column> or events:<type>"
                     for r in p.reads if not r.startswith(READABLE_PREFIXES)]
        if not p.reads:
            problems.append("declares nothing it reads")
        if not p.reproduced and not (p.not_reproduced_nl and p.not_reproduced_en):
            problems.append("not reproduced, but not_reproduced_nl/_en do not say what and why")
        for m in (p.measure, p.contrast_measure):
            if m is not None and ("<locals>" in m.__qualname__ or m.__name__ == "<lambda>"):
                problems.append(f"measure {m.__qualname__} is not a top-level function (it must run in a worker)")
        if problems:
            raise ValueError(f"pattern {p.id!r}: " + "; ".join(problems))
        PATTERNS[p.id] = p


def select(ids: list[str] | tuple[str, ...] = (), source: str | None = None) -> list[Pattern]:
    """The registered patterns, all or by id or by source file ("003"); a clear error for an unknown one."""
    from . import load_all  # noqa: PLC0415 (the source modules register on import)

    load_all()
    unknown = [i for i in ids if i not in PATTERNS]
    if unknown:
        raise KeyError(f"unknown pattern(s) {unknown}; allowed: {sorted(PATTERNS)}")
    chosen = [PATTERNS[i] for i in ids] if ids else list(PATTERNS.values())
    if source is not None:
        chosen = [p for p in chosen if p.seed_file == source]
    return chosen


def untested_parameters(patterns: list[Pattern]) -> list[str]:
    """Parameters no registered pattern's named link switches off: no mutation depends on them."""
    switched = {q for p in patterns for n in p.links for q in LINKS[n].neutral}
    return [name for name in PARAMETERS if name not in switched]
