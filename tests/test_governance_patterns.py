"""Stylised facts of governance (issue 6; MODEL.md §7 fact 7): the success trap in a bundled scenario, tested
over many seeds. Facts 3, 4, 6, 10 and 12 and the rivals' heat are registered patterns now
(src/netwerksim/patterns/s000.py, s003.py; tests/test_patterns.py); the conflict thermometer's levels and
mediation are tested in tests/test_conflict_patterns.py.

Each fact compares the same seeds with a counterfactual that removes the lever or mechanism held
responsible and asserts a direction and an effect size; nothing is scripted, the phenomena come from
the mechanisms. Values measured when the tests were written are in each docstring.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import pytest
from scipy import stats

from netwerksim import NetwerkModel, load_scenario
from netwerksim.mechanisms.conflict import level
from netwerksim.scenario import Scenario, validate

pytestmark = pytest.mark.slow
SEEDS = range(30)


def _scenario(name: str, events: tuple = (), steps: int | None = None) -> Scenario:
    data = load_scenario(name).model_dump()
    data["events"] = [*data["events"], *(dict(e) for e in events)]
    if steps is not None:   # before validation: an added event may lie past the scenario's own horizon
        data["meta"]["steps"] = steps
    return validate(data, f"<{name}>")


@lru_cache(maxsize=None)
def runs(name: str, steps: int, events: tuple = (), drop: tuple = ()) -> list[NetwerkModel]:
    """The finished models of ``name`` over SEEDS, with extra events and without the events at (week, type) in ``drop``."""
    spec = _scenario(name, events)
    spec = Scenario.model_validate({**spec.model_dump(), "events": [e.model_dump() for e in spec.events
                                                                      if (e.at, e.type) not in drop]}).with_changes(steps=steps)
    out = []
    for seed in SEEDS:
        model = NetwerkModel(spec, rng=seed)
        for _ in range(steps):
            model.step()
        out.append(model)
    return out


def series(models, column: str) -> np.ndarray:
    """(runs, weeks) array of one indicator."""
    return np.array([[row[column] for row in m.rows] for m in models], float)


def first_dip(model):
    return next((e for e in model.events if e["type"] == "netwerkdip"), None)


# --- 7 (003 L2497-2611): the success trap: the threat that held the five together is gone after the win ------
THREAT_LIFTED = ((13, "existential_threat"),)   # the counterfactual keeps the threat: drops the event that lifts it


# make validate: the same gain is the registered pattern 003-success-trap (run there); make test time
@pytest.mark.validate
def test_after_the_win_the_unspoken_competition_heats_the_alliance_the_threat_held_it_back():
    """subsidiealliantie (issue 14 item 3: the timeline holds the threat, the win and the threat's end, no
    parameter jump). While the threat lasts the five stand together and their competition for the same money
    stays muted (mechanism 11, 003 L2886-2898); once it is gone it heats the rivals' ties, unspoken (003
    L2591-2609). Counterfactual upstream: the threat is not lifted at the win. Measured (seeds 0-29, 120
    weeks, 2026-12-06): mean network heat in weeks 91-104 0.419 against 0.103, +0.316 [0.310, 0.322] paired
    (every seed at least +0.29); vigilant reached in 30 of 30 (weeks 28-31), level by level, against 0 of 30;
    disagreement in 2 of 30 only (weeks 108, 113).

    Not reproduced (docs/model.md 7.11): the netwerkdip of the success trap. Without the former
    ``set_parameter`` jump of ``accountability.funder_demand`` at the win (0.1 -> 0.6; a dip in 27 of 30 with
    it) a dip comes in 4 of 30 [0.05, 0.30] (detected weeks 78-103), 1 of 30 with the threat kept, 0 of 30
    with a covenant in week 14; disagreement some 18 months after the win (003 L2497-2513) in 2 of 30."""
    lifted = runs("subsidiealliantie", 120)
    kept = runs("subsidiealliantie", 120, drop=THREAT_LIFTED)
    late = slice(91, 105)
    gain = series(lifted, "heat")[:, late].mean(axis=1) - series(kept, "heat")[:, late].mean(axis=1)
    low = stats.bootstrap((gain,), np.mean, random_state=0).confidence_interval.low
    assert low >= 0.2, (gain.mean(), low)                                   # stated before measuring: +0.2
    reached = [level(series([m], "heat")[0]) for m in lifted]
    assert np.mean([lv.max() >= 1 for lv in reached]) >= 0.7
    for lv in reached:
        assert np.all(np.abs(np.diff(lv)) <= 1)                           # level by level, none skipped
        assert lv[:14].max() == 0                                         # not while the threat lasts
    assert np.mean([level(series([m], "heat")[0]).max() >= 1 for m in kept]) <= 0.1
    # the dip is not reproduced (documented): if this fails, the success trap's dip has come; say so in model.md
    assert np.mean([first_dip(m) is not None for m in runs("subsidiealliantie", 104)]) < 0.5


def _first_disagreement(suspicion: float, seeds=SEEDS) -> list[int | None]:
    """The first week subsidiealliantie's network heat reaches disagreement (None if never in 120 weeks), per seed."""
    spec = _scenario("subsidiealliantie").with_changes(steps=120)
    weeks = []
    for seed in seeds:
        model = NetwerkModel(spec, rng=seed, params={"trust.rivalry_suspicion": suspicion})
        for _ in range(120):
            model.step()
        hot = np.flatnonzero(level(series([model], "heat")[0]) >= 2)
        weeks.append(int(hot[0]) if len(hot) else None)
    return weeks


def test_with_distrust_from_unspoken_competition_the_alliance_falls_out_some_18_months_after_the_win():
    """Opt-in (``trust.rivalry_suspicion``, default 0; docs/model.md 7.3, 7.11): partners who do not dare to admit
    that they also compete misread each other, which breeds distrust (003 L2605-2609: "spraakverwarring en
    wantrouwen"); a rival's kept promise is then read as broken while the competition is unspoken and no threat
    mutes it. The source: eighteen months after the win nothing was left of the unity (003 L2497-2513). Stated
    before measuring: disagreement in at least half of the runs, its median onset within 18 months +- 6 of the win
    (week 13: weeks 65-117); without the suspicion (the model's default) at most 0.2. Measured (seeds 0-29,
    2026-12-07, value 0.3 chosen from 0.1/0.2/0.3 as the one that puts the fall-out near the source's 18 months,
    a calibration, not evidence): 29 of 30, median week 97 (69-119); 0.2: 8 of 30; off: 2 of 30 (weeks 107, 113).
    Conflict (the top level) comes in none: the source's "edge of the abyss" is not reproduced."""
    on, off = _first_disagreement(0.3), _first_disagreement(0.0)
    reached = [w for w in on if w is not None]
    assert len(reached) >= 0.5 * len(on), on
    assert 65 <= np.median(reached) <= 117, reached
    assert sum(w is not None for w in off) <= 0.2 * len(off), off
    assert min(reached) > 13                      # not while the threat held them together
