"""Why a netwerkdip happened, by counterfactual replay (issue 13 item 6; shared/research/validation_methods.md §2).

For each netwerkdip of a run, the run is replayed (the same scenario, seed, parameters and pressed
interventions) to the snapshot week ``t0 = peak - dip.window``: one smoothing window of the detector before
its smoothed peak, so every week that makes up the peak, and the whole fall, lies after the snapshot. From
there the model branches once per link of the chain (:mod:`.chain`) with that link's state variables held
(:meth:`~netwerksim.model.NetwerkModel.hold`: whatever writes them, they keep their value) at their snapshot
value, or, for a weekly flow (:data:`FLOWS`: which tables met is a draw), at their mean over the smoothing
window up to the snapshot; and once with every link held. The branches draw the same random numbers as the
run (keyed streams, :mod:`.streams`) and run to the week the dip was detected, or as far as the budget
reaches (:func:`measured_weeks`). A link's *saving* is how much higher the detector's smoothed vitality is
there in its branch than in the run: how much less vitality would have fallen without the link moving. The
*fall* is the dip's smoothed peak minus the run's level in that week. With the drop-one savings s_i and the
saving S of the branch that holds every link, ``sum(s_i) + rest + outside = fall``, where ``rest = S -
sum(s_i)`` (negative: the links overlap, lying on one chain; positive: they reinforce each other) and
``outside = fall - S`` (what falls even with every link held: causes outside the chain, such as a shock's
casework). ``method="shapley"`` runs every subset of links instead (2**k - 1 branches, on request) and gives
exact Shapley values, which sum to S without a rest. Two more branches switch off, from the snapshot on, a cause
the model's dip leans on besides the chain (:data:`~netwerksim.chain.BESIDES`: the setbacks of failed experiments,
casework crowding out network work; docs/model.md 7.20); their savings are reported apart (``besides``), as they
overlap with the chain and with what falls outside it.

Cost: one replay up to the last dip's ``t0`` plus ``k + 3`` branches per dip, each dip's ``k + 1`` chain branches
at most :data:`BUDGET` times the run's length together; replays and branches skip the stuck-situation detector,
the thermometer and Mesa's DataCollector, which they do not need. The run itself is not touched: the
attribution only adds fields to its dip events.
"""

from __future__ import annotations

import math
from itertools import combinations
from typing import Any, Iterable

import numpy as np

from .chain import BESIDES, CHAIN, Link
from .model import NetwerkModel
from .observers.dip import label, window_mean

METHODS = ("drop_one", "shapley")
# state that is a weekly flow (which tables met this week): one week's value is a draw, not a level, so a
# link that writes it is held at its mean over the smoothing window up to the snapshot
FLOWS = frozenset({"profs.meeting_hours", "network.coordination_load", "network.uncertainty"})
BUDGET = 3.0   # a dip's drop-one branches step at most this many times the run's length


class _Unobserved:
    """Stands in for the stuck-situation detector, the thermometer and Mesa's DataCollector in a replay: it
    needs vitality only (the model's own record)."""

    @staticmethod
    def observe(*_: Any) -> list:
        return []

    @staticmethod
    def collect(*_: Any) -> None:
        return None


def lead(model: NetwerkModel) -> int:
    """Weeks between the snapshot and the dip's peak: the detector's smoothing window."""
    return int(model.params.dip.window)


def replay(model: NetwerkModel) -> NetwerkModel:
    """A fresh copy of ``model``'s run at week 0 (the same scenario, seed and parameters) that steps without
    looking for stuck situations; :func:`step_to` re-presses the interventions ``model`` was given."""
    if isinstance(model.seed, np.random.Generator):
        raise ValueError("a run can only be replayed from its seed, not from a generator that has moved on")
    again = NetwerkModel(model.spec, rng=model.seed, params=model.initial_params)
    again.stuck_detector = again.thermometer = again.datacollector = _Unobserved()
    return again


def step_to(m: NetwerkModel, week: int, pressed: Iterable[tuple[int, str, dict]] = ()) -> None:
    """Step ``m`` until its last recorded week is ``week``, queueing each pressed intervention before its week."""
    pressed = list(pressed)
    while m.week < week:
        for at, name, params in pressed:
            if at == m.week + 1:
                m.intervene(name, **params)
        m.step()


def _same(a: dict, b: dict) -> bool:
    """Two indicator rows are equal (NaN equal to NaN)."""
    return a.keys() == b.keys() and all(a[k] == b[k] or (a[k] != a[k] and b[k] != b[k]) for k in a)


def _level(rows: list[dict], week: int, m: NetwerkModel) -> float:
    """The detector's smoothed vitality at ``week`` (``m`` gives the window)."""
    return window_mean(rows, "vitality", week, int(m.params.dip.window))


def _saving(source: NetwerkModel, links: Iterable[Link], week: int, factual: float,
            pressed: list[tuple[int, str, dict]], flows: dict[str, Any], without: Link | None = None) -> float:
    """How much higher smoothed vitality is at ``week`` with ``links`` held from ``source`` on than in the run
    (``without``: a cause besides the chain switched off from ``source`` on instead, by its neutral parameters)."""
    branch = source.branch()
    branch.hold((path for link in links for path in link.state), flows)
    if without is not None:
        branch.params = branch.params.with_overrides(without.neutral)
    step_to(branch, week, pressed)
    return _level(branch.rows, week, branch) - factual


def shapley(value: dict[frozenset, float], k: int) -> list[float]:
    """Exact Shapley values from the value of every coalition of ``k`` players (``value[frozenset()]`` = 0)."""
    phi = [0.0] * k
    for i in range(k):
        others = [j for j in range(k) if j != i]
        for r in range(k):
            weight = math.factorial(r) * math.factorial(k - r - 1) / math.factorial(k)
            for s in combinations(others, r):
                s = frozenset(s)
                phi[i] += weight * (value[s | {i}] - value[s])
    return phi


def attribute_dip(source: NetwerkModel, dip: dict[str, Any], factual_rows: list[dict], week: int, *,
                  links: tuple[Link, ...] = CHAIN, method: str = "drop_one",
                  pressed: list[tuple[int, str, dict]] = (), flows: dict[str, Any] | None = None) -> dict[str, Any]:
    """The attribution of one dip's fall up to ``week``, branching from ``source`` (the run replayed to the
    snapshot week); ``flows``: the held values of flow links (default: their values at the snapshot)."""
    if method not in METHODS:
        raise ValueError(f"unknown attribution method {method!r}; allowed: {list(METHODS)}")
    factual = _level(factual_rows, week, source)
    fall = dip["peak"] - factual
    k = len(links)
    if method == "drop_one":
        coalitions = [frozenset([i]) for i in range(k)] + [frozenset(range(k))]
    else:
        coalitions = [frozenset(s) for r in range(1, k + 1) for s in combinations(range(k), r)]
    value = {frozenset(): 0.0}
    for s in coalitions:
        value[s] = _saving(source, [links[i] for i in sorted(s)], week, factual, list(pressed), flows or {})
    saved = [value[frozenset([i])] for i in range(k)] if method == "drop_one" else shapley(value, k)
    together = value[frozenset(range(k))]
    besides = [(cause, _saving(source, (), week, factual, list(pressed), {}, without=cause)) for cause in BESIDES]

    def share(x: float) -> float:
        return x / fall if fall > 0 else math.nan

    return {
        "method": method,
        "snapshot_week": source.week,
        "lead": lead(source),
        "measured_week": week,
        "detected": dip["detected"],
        "peak": dip["peak"],
        "level": factual,
        "fall": fall,
        "drivers": [{"name": link.name, "label_nl": link.label("nl"), "label_en": link.label("en"), "saved": s,
                     "share": share(s)} for link, s in zip(links, saved)],
        "together": together,
        "rest": together - sum(saved),
        "rest_share": share(together - sum(saved)),
        "outside": fall - together,
        "outside_share": share(fall - together),
        "besides": [{"name": cause.name, "label_nl": cause.label("nl"), "label_en": cause.label("en"), "saved": s,
                     "share": share(s)} for cause, s in besides],
        "branches": len(coalitions),                        # the chain's (the two besides it come on top)
        "branch_weeks": len(coalitions) * (week - source.week),
    }


def _dips(model: NetwerkModel) -> list[dict[str, Any]]:
    return [e for e in model.events if e["type"] == "netwerkdip"]


def snapshot_week(model: NetwerkModel, dip: dict[str, Any]) -> int:
    """The week the branches start from: one smoothing window before the dip's smoothed peak."""
    return max(0, dip["start"] - lead(model))


def measured_weeks(model: NetwerkModel, links: tuple[Link, ...] = CHAIN) -> list[int]:
    """Per netwerkdip of ``model``, the week its fall is measured in the branches: the detection, or earlier
    when the budget cannot reach it: the ``len(links) + 1`` drop-one branches of a dip step at most
    :data:`BUDGET` times the run's length (the scenario's weeks), but at least one smoothing window past the
    dip's peak. It depends on the dip and the run's length alone, so a dip gets the same numbers whether
    it is explained at its detection (the app), after the run or on its own (``netwerksim explain``)."""
    horizon = max(int(BUDGET * model.spec.meta.steps) // (len(links) + 1), lead(model) + int(model.params.dip.window))
    return [min(d["detected"], snapshot_week(model, d) + horizon) for d in _dips(model)]


def _flow_means(again: NetwerkModel, t0: int, links: tuple[Link, ...], pressed) -> dict[str, Any]:
    """Step ``again`` to ``t0``; return the mean over the smoothing window up to ``t0`` of every flow link's fields."""
    fields = sorted({path for link in links for path in link.state if path in FLOWS})
    width = int(again.params.dip.window)
    step_to(again, max(again.week, t0 - width), pressed)
    totals: dict[str, Any] = {}
    n = 0
    while True:
        if again.week > t0 - width:
            for path in fields:
                part, name = path.split(".")
                totals[path] = totals.get(path, 0.0) + getattr(getattr(again.state, part), name)
            n += 1
        if again.week >= t0:
            break
        step_to(again, again.week + 1, pressed)
    return {path: total / n for path, total in totals.items()}


def attribute(model: NetwerkModel, *, links: tuple[Link, ...] = CHAIN, method: str = "drop_one",
              dips: Iterable[int] | None = None) -> list[dict[str, Any]]:
    """Attribute the netwerkdips of a stepped ``model`` (all, or the ``dips``-th ones, counted from 0):
    each gets an ``attribution`` and labels that say why. Returns the attributed dip events."""
    events = _dips(model)
    chosen = sorted(set(range(len(events)) if dips is None else dips))
    for n in chosen:
        if not 0 <= n < len(events):
            raise IndexError(f"there is no netwerkdip number {n + 1}; this run has {len(events)}")
    weeks = measured_weeks(model, links)
    width = int(model.params.dip.window)
    again = None
    for n in chosen:
        dip = events[n]
        t0 = snapshot_week(model, dip)
        if again is None or again.week > t0 - width:
            again = replay(model)
        flows = _flow_means(again, t0, links, model.pressed)
        if not _same(again.rows[-1], model.rows[t0]):
            raise RuntimeError(f"the replay of week {t0} differs from the run: it cannot be attributed")
        dip["attribution"] = attribute_dip(again, dip, model.rows, weeks[n], links=links, method=method,
                                           pressed=model.pressed, flows=flows)
        for lang in ("nl", "en"):
            dip[f"label_{lang}"] = label(dip, lang)
    return [events[n] for n in chosen]
