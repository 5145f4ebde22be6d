"""The conflict thermometer up to its top level in a bundled scenario, tested over many seeds.

``penvoerder`` (src/netwerksim/scenarios/penvoerder.toml): a lead contractor writes the programme around its own agenda
while the partners deliver most of the hours (003 L2423-2440 R10, L4455-4482 R12-R13), they compete for
the next tender without saying so (003 L2591-2609) and depend on the programme's money (003 L2497-2511),
with outside options in a plausible range (-0.3 to 0; issue 14 item 3). There the network reaches
disagreement, and the partners walk away over the unfair division before it gets hotter: the top level is
**not reproduced** in the bundled scenario (docs/model.md §1 item 7). The thermometer's four levels and
their signatures (003 §2.3, L1127-1464; levels and signatures L1323-1462) are tested on ``DEPENDENT``: the
same network with the partners bound to the programme beyond that range (outside options -0.5 to -0.9, the
scenario before issue 14), so that they stay to feel the heat. Nothing is scripted: the heat comes from
the drivers of mechanism 11 (unfairness, unspoken rivalry, unvoiced interests, distrust), the signatures
from mechanisms 2, 3, 1 and 8. Counterfactuals on the same seeds switch off the driver held responsible
(``conflict.unfairness``) and the top level's signature (``conflict.exit_push``); mediation (003
L1195-1320, R35-R36) is applied at disagreement. Values measured when the tests were written are in the
docstrings.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import pytest
from scipy.stats import binomtest

from netwerksim import NetwerkModel, load_scenario
from netwerksim.mechanisms.conflict import level, sharing
from netwerksim.scenario import Scenario

pytestmark = pytest.mark.slow
SEEDS = range(20)
SCENARIO = "penvoerder"
# the outside options penvoerder had before issue 14: partners who cannot walk away (beyond the plausible range)
DEPENDENT = (("Welzijn Centraal", -0.5), ("Jongerenwerk Oost", -0.9), ("Schuldhulp Stad", -0.9), ("GGZ Wijkteam", -0.8),
             ("Bibliotheek De Wijk", -0.75))


class Run:
    """One finished run: heat, information shared, attendance and alignment per week (index = week)."""

    def __init__(self, model: NetwerkModel, shared: list[float]):
        self.model = model
        rows = model.rows
        self.heat = np.array([r["heat"] for r in rows])
        self.attendance = np.array([r["attendance"] for r in rows])
        self.alignment = np.array([r["alignment"] for r in rows])
        self.shared = np.array([1.0] + shared)        # week 0: nothing heated yet

    def first(self, lvl: int) -> int | None:
        """First week the network is at ``lvl`` or hotter, None if never."""
        hot = level(self.heat) >= lvl
        return int(np.argmax(hot)) if hot.any() else None

    def levels(self) -> list[int]:
        """The levels as the thermometer reported them, from friendly (0) on."""
        return [0] + [e["level"] for e in self.model.events if e["type"] == "conflict"]

    def first_gone_quiet(self) -> int | None:
        """First week a member goes dormant or leaves (mechanism 8), None if nobody does."""
        weeks = [e["step"] for e in self.model.events if e["type"] == "status" and e["name"] in ("dormant", "exited")]
        return min(weeks) if weeks else None


def _spec(outside: tuple) -> Scenario:
    """The scenario, with the outside options in ``outside`` ((organisation, value) pairs) if any."""
    data, options = load_scenario(SCENARIO).model_dump(), dict(outside)
    data["organisations"] = [{**o, "outside_option": options.get(o["name"], o["outside_option"])} for o in data["organisations"]]
    return Scenario.model_validate(data)


def _run(seed: int, params: tuple, mediate: str | None, outside: tuple = DEPENDENT) -> Run:
    """Run the scenario; ``mediate`` = "once" mediates the week after the thermometer first reports
    disagreement, "standing" every time it reports a rise to disagreement (a mediator on call)."""
    spec = _spec(outside)
    model = NetwerkModel(spec, rng=seed, params=dict(params))
    shared, mediated, was = [], 0, 0
    for _ in range(spec.meta.steps):
        model.step()
        T = model.state.ties
        shared.append(float(T.pair_count @ sharing(T.pair_heat, model.params)) / float(T.pair_count.sum()))
        now = model.thermometer.level                        # what the thermometer last reported
        if was < 2 <= now and (mediate == "standing" or (mediate == "once" and not mediated)):
            model.intervene("mediation")                     # takes effect at the start of the next week
            mediated += 1
        was = now
    return Run(model, shared)


@lru_cache(maxsize=None)
def runs(params: tuple = (), mediate: str | None = None, outside: tuple = DEPENDENT, seeds: range = SEEDS) -> list[Run]:
    return [_run(seed, params, mediate, outside) for seed in seeds]


# its share reaching disagreement, with unfairness_heat as the named cause, is the registered pattern 003-unfair-balance
# (003-SF15; it holds, the mutation survives: 57% without the unfairness against the 50% stated)
@pytest.mark.validate   # make validate only since 6 Dec: a fresh clone's make test took 17:54 on 2 cores
def test_unfair_division_heats_the_bundled_network_to_disagreement_and_conflict():
    """penvoerder as bundled (outside options -0.3 to 0). Measured (seeds 0-29, 156 weeks, 2026-12-06, after
    partners decide to stay on all three motives and weigh ceded autonomy by their distrust, issue 13): the network
    reaches disagreement in 30 of 30 (week 20-21), conflict in 17 of 30 (weeks 54-67; peak heat 0.71); with
    ``conflict.unfairness = 0`` (the unfair division no longer heats the ties; everything else the same)
    disagreement in 17 of 30 and 11-30 weeks later, conflict in 6 of 30 (peak 0.61, cooler in 29 of 30). Paired:
    13 seeds reach disagreement only with the unfair division and none only without it (sign test p = 0.0002);
    conflict 11 and 0 (p = 0.001). **Not reached**: the +0.5 stated before measuring for disagreement (+0.43);
    the partners stay longer than before (they went dormant in weeks 18-19 over the division and never reached
    conflict), so the unvoiced interests carry part of the way to disagreement alone. Conflict, before not
    reproduced, now comes in a majority. A partner still goes quiet (weeks 20-21) before conflict in every run."""
    base = runs(outside=(), seeds=range(30))
    cool = runs((("conflict.unfairness", 0.0),), outside=(), seeds=range(30))
    for lvl in (2, 3):                                  # disagreement, conflict
        b = np.array([r.first(lvl) is not None for r in base])
        c = np.array([r.first(lvl) is not None for r in cool])
        assert binomtest(int((b & ~c).sum()), int((b ^ c).sum()), alternative="greater").pvalue < 0.01, lvl
    assert np.mean([r.first(2) is not None for r in base]) >= 0.6
    assert all(r.first_gone_quiet() is not None and (r.first(3) is None or r.first_gone_quiet() < r.first(3)) for r in base)


def test_unfair_division_heats_the_network_to_conflict_hotter_than_without_the_unfairness_driver():
    """On ``DEPENDENT`` (the partners bound to the programme, the scenario before issue 14). Measured on the netwerkdip model (dip 4d8198d, 2026-12-06; 20 seeds, 156 weeks): the network reaches
    conflict in 20 of 20 (week 43-50), peak heat 0.94 (0.93-0.96). With ``conflict.unfairness = 0`` on the same
    seeds: peak heat 0.76 (0.74-0.78), 0.19 cooler in every seed, disagreement in week 36-44 instead of 22-24.
    **Not reproduced** (docs/model.md §1 item 7): that the network stays below conflict without the unfairness
    driver (main: 0 of 20, peak 0.63). Without it, it still just passes the conflict level (0.75) in 16 of 20,
    late (week 103-141): the unvoiced interests grew (seed 0, mean over ties: 0.28 on main, 0.40 here) as the
    partners' ambitions drift further apart, and with the unspoken rivalry (0.35) they carry it there alone."""
    base = runs()
    fair = runs((("conflict.unfairness", 0.0),))
    reached = np.array([r.first(3) is not None for r in base])
    assert reached.mean() >= 0.6
    peak, peak_fair = np.array([r.heat.max() for r in base]), np.array([r.heat.max() for r in fair])
    assert peak.mean() - peak_fair.mean() >= 0.15
    assert np.mean(peak > peak_fair) >= 0.9                          # paired: hotter in (nearly) every seed


def test_levels_rise_in_order_each_followed_by_its_signature():
    """On ``DEPENDENT``. Measured (20 seeds): vigilant in week 9-10, disagreement 21-24, conflict 47-52, level by level.
    Information shared (trust evidence, mechanism 2) falls from 1 to 0.89 on average while vigilant;
    attendance (mechanism 1) 0.58 while vigilant, 0.45 in disagreement, 0.32 in the 20 weeks after
    conflict; shared ambition (mechanism 3, positions) 0.80 at vigilant, 0.68 at disagreement, 0.56 at
    conflict. A partner goes dormant after conflict in 20 of 20 runs (first in week 68-84, 19-33 weeks
    after conflict, never before); with ``conflict.exit_push = 0`` the heat is the same and nobody goes
    dormant in any of the 20. **Not reproduced** on the netwerkdip model with main's choices (dip 3d881ae, 2026-12-06):
    that the lead contractor stays to the end in every run: it goes dormant in seeds 1 and 13 (weeks 148 and 137,
    after its partners went dormant and came back several times), so it is no longer asserted."""
    base = [r for r in runs() if r.first(3) is not None]
    assert len(base) >= 12
    before, vigilant, disagreement, conflict = [], [], [], []
    for r in base:
        w1, w2, w3 = r.first(1), r.first(2), r.first(3)
        assert 0 < w1 < w2 < w3
        levels = r.levels()
        assert levels[:4] == [0, 1, 2, 3], levels                           # friendly -> vigilant -> disagreement -> conflict
        assert all(abs(b - a) == 1 for a, b in zip(levels, levels[1:])), levels   # never a level skipped
        # vigilant: less information shared than while friendly
        assert r.shared[:w1].min() > r.shared[w1:w2].mean() and r.shared[w1:w2].mean() < 0.95
        # disagreement: positions, the shared ambition stops converging and cracks
        assert r.alignment[w3] < r.alignment[w2] < r.alignment[w1]
        before.append(np.nanmean(r.attendance[max(w1, 1):w2]))
        disagreement.append(np.nanmean(r.attendance[w2:w3]))
        conflict.append(np.nanmean(r.attendance[w3:w3 + 20]))
        vigilant.append(r.shared[w1:w2].mean())
    # disagreement: appointments cancelled, more so in conflict
    assert np.mean(disagreement) < np.mean(before) - 0.05
    assert np.mean(conflict) < np.mean(disagreement) - 0.05
    # conflict: partners drop out, after the level and because of it
    quiet = [r.first_gone_quiet() for r in base]
    assert np.mean([q is not None and q > r.first(3) for q, r in zip(quiet, base)]) >= 0.8
    no_push = runs((("conflict.exit_push", 0.0),))
    assert np.mean([r.first_gone_quiet() is None for r in no_push]) >= 0.9


@pytest.mark.validate   # make validate only since 6 Dec: make test must stay under 15 minutes on 2 cores
def test_mediation_at_disagreement_postpones_conflict_but_a_mediator_on_call_no_longer_keeps_it_below():
    """On ``DEPENDENT``, paired seeds 0-29. Mediation puts the partners' unvoiced interests on the table (003
    L1195-1240, L1380-1395); the ties cool as they follow the lower driver, the unfair division and the unspoken
    rivalry stay. Measured (2026-12-06): one mediation the week after disagreement is reported postpones conflict
    in 30 of 30 runs by 8-10 weeks (mean 8.9; stated before measuring, when mediation still multiplied the heat:
    >= 8; then 11-13, mean 12.0) and lowers the network heat over the 26 weeks after disagreement by 0.048 [0.047,
    0.048] (paired 95% interval; was 0.194 when it cut the heat). **Not reproduced** since (docs/model.md 7.11):
    that a mediator on call keeps the network below conflict. The heat no longer drops back under disagreement
    after a mediation, so the thermometer reports no new rise and the mediator on call mediates once: conflict
    in 30 of 30 (was 0 of 30 with ten heat cuts in three years), and a partner goes dormant in 30 of 30."""
    seeds = range(30)
    base, once, standing = runs(seeds=seeds), runs(mediate="once", seeds=seeds), runs(mediate="standing", seeds=seeds)
    delays = [m.first(3) - r.first(3) for r, m in zip(base, once) if r.first(3) is not None and m.first(3) is not None]
    assert np.mean([m.first(3) is None or (r.first(3) is not None and m.first(3) > r.first(3))
                    for r, m in zip(base, once)]) >= 0.9
    assert np.mean(delays) >= 8
    after = [(r.heat[r.first(2) + 1:r.first(2) + 27].mean() - m.heat[r.first(2) + 1:r.first(2) + 27].mean())
             for r, m in zip(base, once)]
    assert min(after) > 0                                            # cooler in every seed (the size is measured only)
    # not reproduced (documented): if this fails, a mediator on call keeps the network below conflict; say so
    assert np.mean([r.first(3) is not None for r in standing]) > 0.5
