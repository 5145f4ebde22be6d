"""Pattern-oriented validation of the netwerkdip (003 L4586-4672, L4805-4935; issue 13).

The dip must be earned: it comes from the chain the source describes as a network matures (003 L4614-4672),
not from a clock. The baseline is therefore zorgnetwerk *without* its timeline events (staff shortage at
week 20, funding end at 40): what is left is the ongoing, seeded turbulence of its context and the chain.
``make test`` runs 20 seeds with margins honest for 20 (the slow tests here); ``make validate`` runs the 50
seeds the issue asks for and the mutation matrix (marker ``validate``). Measured values are in each test's
docstring and in docs/model.md §7.17.
"""

from functools import lru_cache

import numpy as np
import pandas as pd
import pytest
from scipy.stats import binomtest

from netwerksim import NetwerkModel, run
from netwerksim.chain import BESIDES, CHAIN
from netwerksim.scenario import Scenario, load_scenario

pytestmark = pytest.mark.slow
FAST, FULL = 20, 50
INGREDIENTS = ("joint_fact_finding", "building_blocks", "sub_coalitions", "shared_leadership_team")
CASEWORK_OFF = tuple(sorted(next(cause for cause in BESIDES if cause.name == "casework").neutral.items()))
ALL_CHAIN_OFF = tuple(sorted({k: v for link in CHAIN for k, v in link.neutral.items()}.items()))


@lru_cache(maxsize=None)
def scenario(name: str, events: bool = True) -> Scenario:
    """A bundled scenario, with or without its timeline events."""
    s = load_scenario(name)
    return s if events else s.model_copy(update={"events": []})


def outcomes(name: str, events: bool, params: tuple = (), seeds: int = FAST) -> tuple[dict, ...]:
    """Per seed of the first ``seeds``: the first netwerkdip (or None), whether it never got going, the smoothed
    vitality's peak week. Each run is made once for the module (20 seeds are the first 20 of 50)."""
    return tuple(outcome(name, events, tuple(sorted(params)), seed) for seed in range(seeds))


@lru_cache(maxsize=None)
def outcome(name: str, events: bool, params: tuple, seed: int) -> dict:
    r = run(scenario(name, events), seed=seed, params=dict(params))
    v = r.timeseries["vitality"].rolling(6, min_periods=1).mean().to_numpy()
    return {"dip": next((e for e in r.events if e["type"] == "netwerkdip"), None),
            "never_gets_going": any(e["type"] == "never_gets_going" for e in r.events),
            "peak_week": int(np.argmax(v))}


def dip_share(results) -> float:
    return float(np.mean([r["dip"] is not None for r in results]))


def share_times_depth(results) -> float:
    """Mean depth with 0 for a run without a dip: dip share x depth."""
    return float(np.mean([r["dip"]["depth"] if r["dip"] else 0.0 for r in results]))


# --- 1. an honest start ---------------------------------------------------------------------------------
def test_a_new_network_rises_before_it_falls():
    """003 L4586-4612: a new network's energetic start comes from its mechanisms, not from starting values.

    zorgnetwerk (a new initiative: four initiators give their pledge at once, the others free their hours),
    without timeline events: smoothed vitality peaks after week 8 in >= 80% of the seeds (issue 13 item 1).
    Measured (reporting bounded by the hours given, 7.2): 50 of 50 seeds (median peak week 41.5; 40 with diversity
    on, 6 Dec); 50 of 50 with the events (median 21)."""
    late = [r["peak_week"] > 8 for r in outcomes("zorgnetwerk", False)]
    assert np.mean(late) >= 0.8


# --- 2. the chain without a clock -----------------------------------------------------------------------
def test_zorgnetwerk_dips_without_its_timeline_events():
    """The chain without a clock: without the staff shortage and the funding end a netwerkdip still comes,
    from the ongoing turbulence of the context and the chain (003 L4614-4672). The issue's target is >= 60%
    of 50 seeds (validate); 20 seeds here with a margin of two standard errors (>= 45%).
    Measured with diversity on (docs/model.md §1 item 6, 6 Dec): 35 of 50 seeds (70%, Wilson 0.56-0.81), share x
    depth 0.150 (mean depth of a dip 0.21); with it off 36 of 50, 0.159; before partners stayed on all three
    motives 0.244; before reporting was bounded 39 of 50, 0.254."""
    assert dip_share(outcomes("zorgnetwerk", False)) >= 0.45


@pytest.mark.validate   # 20 + 20 more runs of 156 weeks; moved out of make test to keep it under 15 minutes (6 Dec)
def test_casework_crowding_alone_does_not_carry_the_dip():
    """001's casework crowding out network work does not carry the dip on its own (issue 13 item 2): with the
    chain's links switched off together and casework left on, no netwerkdip comes (at most 10% of the seeds).
    Measured over 50 seeds: all links off 0 of 50. Not claimed any more: that the chain dips without casework
    in at least 30% (measured 12 of 50, 24%, share x depth 0.059 against 0.244, -76%: since reporting follows
    the hours given, casework crowding is a strong contributor to the dip, not its engine; docs/model.md §7.20)."""
    assert dip_share(outcomes("zorgnetwerk", False, ALL_CHAIN_OFF)) <= 0.1
    assert dip_share(outcomes("zorgnetwerk", False, CASEWORK_OFF)) < dip_share(outcomes("zorgnetwerk", False))


def test_timeline_shocks_make_the_dip_earlier_and_deeper_but_are_not_needed():
    """The staff shortage (week 20) and the funding end (week 40) make the dip more likely, deeper and earlier.
    Measured over 50 seeds with diversity on (6 Dec): 50 of 50 dip with them (share x depth 0.38, starting week 21
    on average) against 35 of 50 (0.150, week 39) without; on an earlier model 0.70 against 0.24."""
    calm, shocked = outcomes("zorgnetwerk", False), outcomes("zorgnetwerk", True)
    assert share_times_depth(shocked) >= 1.3 * share_times_depth(calm)
    start = lambda rs: np.mean([r["dip"]["start"] for r in rs if r["dip"]])   # noqa: E731
    assert start(shocked) < start(calm)


def test_a_well_anchored_neighbourhood_network_does_not_dip():
    assert dip_share(outcomes("buurtnetwerk", True)) <= 0.15


# --- 3. each named link necessary: the mutation matrix ---------------------------------------------------
LESS = 0.3   # each link off must lower dip share x depth by at least 30% (issue 13 item 3)


MEASURED = {   # 50 seeds, zorgnetwerk without timeline events: dip share, share x depth (baseline 0.70, 0.150;
               # diversity on, 7 Dec, model.md 7.20; with it off 0.72, 0.159; before partners stayed on all three
               # motives 0.72, 0.244)
    "turbulence": (0.02, 0.004), "complexity": (0.02, 0.004), "strain": (0.14, 0.031),
    "accountability": (0.02, 0.004), "regression": (0.08, 0.016), "lean_back": (0.12, 0.026),
}


def mutation(link, seeds: int) -> tuple[float, float]:
    base = share_times_depth(outcomes("zorgnetwerk", False, (), seeds))
    return base, share_times_depth(outcomes("zorgnetwerk", False, tuple(sorted(link.neutral.items())), seeds))


QUICK_LINKS = ("regression", "complexity")   # make test: the hierarchy end and the growth end of the chain


@pytest.mark.parametrize("link", [link for link in CHAIN if link.name in QUICK_LINKS], ids=QUICK_LINKS)
def test_mutation_matrix_each_named_link_is_necessary(link):
    """Links of chain.CHAIN (what the narration may name) switched off (their parameters to neutral): dip share
    x depth at most 70% of the baseline's, zorgnetwerk without timeline events, 20 seeds; every link over 50 seeds
    under ``make validate`` (test_mutation_matrix_in_50_seeds), which is why make test takes only two of them. Measured over 50 seeds: every link lowers it by 79-98% (MEASURED; docs/model.md §7.20)."""
    base, off = mutation(link, FAST)
    assert off <= (1 - LESS) * base, f"{link.name}: {off:.3f} against {base:.3f}"


@pytest.mark.parametrize("cause", BESIDES, ids=[cause.name for cause in BESIDES])
def test_each_cause_the_narration_names_besides_the_chain_is_necessary_too(cause):
    """chain.BESIDES, named apart in the narration, must earn it as a link does: switched off, dip share x depth at
    most 70% of the baseline's (zorgnetwerk without timeline events, 20 seeds). Measured 7 Dec (f4b3505): 20 seeds
    0.161 -> setbacks 0.067 (-58%), casework 0.047 (-71%); 50 seeds 0.150 -> 0.047 (-69%) and 0.040 (-73%),
    docs/model.md 7.20."""
    base, off = mutation(cause, FAST)
    assert off <= (1 - LESS) * base, f"{cause.name}: {off:.3f} against {base:.3f}"


@pytest.mark.validate
@pytest.mark.parametrize("link", CHAIN + BESIDES, ids=[link.name for link in CHAIN + BESIDES])
def test_mutation_matrix_in_50_seeds(link):
    base, off = mutation(link, FULL)
    assert off <= (1 - LESS) * base, f"{link.name}: {off:.3f} against {base:.3f}"


GENERATED = 60   # generated new networks (the first 60 of seeds 0.. that the generator draws as new), run seed 1
GENERATED_MEASURED = {   # 6 Dec, 60 networks: 39 dip, share x depth 0.371 (model.md 7.20)
    "turbulence": -0.48, "complexity": -0.58, "strain": -0.47, "accountability": -0.89, "regression": -0.63,
    "lean_back": -0.50,
}


@lru_cache(maxsize=None)
def generated_outcomes(params: tuple = ()) -> tuple[np.ndarray, np.ndarray]:
    """Per generated new network: dip depth (0 without a dip) and the smoothed vitality's peak week (the dip
    detector's trailing 6-week mean), run through the sweep engine on 2 workers."""
    from netwerksim.experiment import RunSpec, run_stream
    from netwerksim.generator import draw_design, generate_network

    networks = [s for s in range(10 * GENERATED) if draw_design(s)["start"] == "new"][:GENERATED]
    jobs = ((s, RunSpec(generate_network(s), seed=1, params=dict(params), series=("vitality",))) for s in networks)
    out = dict(run_stream(jobs, workers=2))
    depth = np.array([out[s]["dip"] * out[s]["dip_depth"] for s in networks])
    peaks = [int(pd.Series(out[s]["series"]["vitality"]).rolling(6, min_periods=1).mean().to_numpy().argmax())
             for s in networks]
    return depth, np.array(peaks)


@pytest.mark.validate
@pytest.mark.parametrize("link", CHAIN, ids=[link.name for link in CHAIN])
def test_mutation_matrix_holds_on_generated_new_networks(link):
    """Generalisation of item 3: on 60 generated new networks nobody wrote (organisations, forums, issues,
    governance, funders drawn by generator.py), each link switched off lowers dip share x depth by at least 30%,
    and the paired difference's 95% bootstrap interval lies below 0. Measured (GENERATED_MEASURED): -47% to -89%;
    all links off -96% (39 of 60 dip, 5 with every link off)."""
    from scipy.stats import bootstrap

    base = generated_outcomes()[0]
    off = generated_outcomes(tuple(sorted(link.neutral.items())))[0]
    assert off.mean() <= (1 - LESS) * base.mean(), f"{link.name}: {off.mean():.3f} against {base.mean():.3f}"
    interval = bootstrap((off - base,), np.mean, confidence_level=0.95, random_state=0).confidence_interval
    assert interval.high < 0, (link.name, interval)


def test_every_link_of_the_chain_is_in_the_measured_matrix():
    assert set(MEASURED) == set(GENERATED_MEASURED) == {link.name for link in CHAIN}


@pytest.mark.validate
def test_zorgnetwerk_dips_without_its_timeline_events_in_50_seeds():
    """Issue 13 item 2 as stated: >= 60% of 50 seeds, the Wilson interval reported on failure."""
    results = outcomes("zorgnetwerk", False, (), FULL)
    dips = sum(r["dip"] is not None for r in results)
    assert dips / FULL >= 0.6, binomtest(dips, FULL).proportion_ci(method="wilson")


@pytest.mark.validate
def test_a_new_network_rises_before_it_falls_in_50_seeds():
    assert np.mean([r["peak_week"] > 8 for r in outcomes("zorgnetwerk", False, (), FULL)]) >= 0.8


@pytest.mark.validate
def test_generated_new_networks_rise_before_they_fall():
    """Item 1 beyond zorgnetwerk: on the 60 generated new networks of the mutation matrix below, smoothed vitality
    peaks after week 8 in >= 80%. Measured 6 Dec: 51 of 60 (85%; Wilson 0.74-0.92), median peak week 27; the
    nine others peak in weeks 0-6."""
    assert np.mean(generated_outcomes()[1] > 8) >= 0.8


# --- the chain runs ahead of the fall ---------------------------------------------------------------------
def _half_way(x: np.ndarray, t0: int, t1: int, rising: bool) -> int:
    seg = x[t0:t1 + 1]
    goal = seg[0] + 0.5 * ((seg.max() if rising else seg.min()) - seg[0])
    return t0 + int(np.flatnonzero(seg >= goal if rising else seg <= goal)[0])


# --- 4. a doorstart through mechanisms -----------------------------------------------------------------------
# The registry's pattern 003-doorstart (patterns/s003.py) measures the same over 30 paired seeds with each named
# cause switched off (make validate; docs/model.md §1 item 13).
FOLLOW_UP = 52   # weeks every dipping run is followed after the ingredients: a year, the longest of the source's
                 # stock-taking rhythms (003 L2448-2452: yearly or monthly), the same for every run


def restart(seed: int, ingredients: tuple[str, ...], events: bool = False) -> bool | None:
    """zorgnetwerk; the ingredients applied the week a netwerkdip is detected (within the scenario's 156 weeks).
    A doorstart within ``FOLLOW_UP`` weeks after? None: no dip. Every dipping run is followed equally long, so a
    dip detected late in the run is not counted as a failure because the run ended (before: censored at week 156)."""
    spec = scenario("zorgnetwerk", events)
    m = NetwerkModel(spec, rng=seed, steps=spec.meta.steps + FOLLOW_UP)
    while m.week < spec.meta.steps:
        m.step()
        if any(e["type"] == "netwerkdip" for e in m.events):
            for name in ingredients:
                m.intervene(name)
            for _ in range(FOLLOW_UP):
                m.step()
            return any(e["type"] == "doorstart" for e in m.events)
    return None


@lru_cache(maxsize=None)
def without_ingredients(seed: int) -> pd.DataFrame:
    """zorgnetwerk's first 90 weeks, the paired run every ingredient is compared with (made once per seed)."""
    return run("zorgnetwerk", seed=seed, steps=90).timeseries


@lru_cache(maxsize=None)
def with_ingredient(ingredient: str, seed: int) -> pd.DataFrame:
    """The same 90 weeks with ``ingredient`` at week 60 (made once per ingredient and seed)."""
    return run("zorgnetwerk", seed=seed, steps=90, interventions=[(60, ingredient, {})]).timeseries


@pytest.mark.parametrize("ingredient, indicator, direction, least", [
    ("sub_coalitions", "coordination_load", -1, 0.01),
    ("joint_fact_finding", "alignment", +1, 0.005),
    ("joint_fact_finding", "structure_demand", -1, 0.02),
    ("building_blocks", "accountability", -1, 0.05),
    ("shared_leadership_team", "hierarchy", -1, 0.05),
    ("shared_leadership_team", "ownership", +1, 0.02),
])
def test_each_ingredient_acts_on_the_mechanism_the_source_names(ingredient, indicator, direction, least):
    """003 L4805-4935: shared facts on sense-making and alignment (and the grip that lowers the demand for
    structure), building blocks and rules on accountability, sub-coalitions on meeting load, a team for
    shared leadership on hierarchy and ownership. Paired seeds: the ingredient at week 60 against none,
    mean of weeks 61-90, 20 seeds. No longer asserted: sub-coalitions lower ``meeting_hours`` by at least 0.1
    hour; that indicator now also holds every professional's reporting (a share of the hours given, which
    sub-coalitions do not change), and the cut measured 0.095 (lower in 20 of 20 seeds); the cut in meeting
    load is asserted on ``coordination_load``."""
    diffs = []
    for seed in range(FAST):
        with_it = with_ingredient(ingredient, seed)
        diffs.append(with_it[indicator].iloc[61:].mean() - without_ingredients(seed)[indicator].iloc[61:].mean())
    diffs = np.array(diffs) * direction
    assert (diffs > 0).mean() >= 0.9
    assert diffs.mean() > least


def test_joint_contribution_cannot_be_moved_by_renegotiated_pledges():
    """Issue 13 item 4: joint contribution is hours given against the hours promised on joining, a basis no
    intervention moves. Building blocks that only renegotiate pledges (no structure, no absorption) after the
    staff shortage lower the pledges but keep the hours given, so the indicator does not jump (before: +0.25
    within two weeks)."""
    def at_week_60():
        m = NetwerkModel("zorgnetwerk", rng=3)
        for _ in range(60):
            m.step()
        return m
    m, twin = at_week_60(), at_week_60()
    m.intervene("building_blocks", structure=0.0, absorption=0.0, renegotiate=1.0)
    m.step()
    twin.step()
    assert m.state.orgs.pledge.sum() < twin.state.orgs.pledge.sum() - 0.05
    assert m.rows[-1]["joint_contribution"] == pytest.approx(twin.rows[-1]["joint_contribution"], abs=0.01)


@lru_cache(maxsize=None)
def doorstarts(ingredients: tuple[str, ...], seeds: int, **options) -> tuple[int, int]:
    """Runs with a netwerkdip, and of those the ones with a doorstart after the ingredients (no timeline events)."""
    outcome = [restart(seed, ingredients) for seed in range(seeds)]
    dipped = [o for o in outcome if o is not None]
    return len(dipped), sum(dipped)


def test_the_four_ingredients_give_a_doorstart_where_doing_nothing_does_not():
    """Issue 13 item 4, 20 seeds: the four ingredients at detection give a doorstart within a year in at least 30
    points more of the runs that dip than doing nothing. Measured over 50 seeds (equal follow-up, 6 Dec): 26 of 36
    dipping runs (72%) against 0 of 36."""
    n, four = doorstarts(INGREDIENTS, FAST)
    _, nothing = doorstarts((), FAST)
    assert (four - nothing) / n >= 0.3


@pytest.mark.validate
def test_the_four_ingredients_together_do_more_than_any_one_in_50_seeds():
    """Issue 13 item 4 over 50 seeds: applied at detection, the four together give a doorstart within a year in >= 60%
    of the runs that dip, more than any single one. Measured (6 Dec, every dipping run followed 52 weeks): 26 of 36
    (72%; within 104 weeks 35 of 36); alone joint fact finding 2, building blocks 5, sub-coalitions 0, a team for
    shared leadership 11; nothing 0 (within 104 weeks: 3, 16, 1, 18; nothing 1). Counted only up to the run's end
    at week 156, as before, the four gave 20 of 36 (56%): 12 of the 16 misses were dips detected after week 132,
    too late for a doorstart before the run ended (docs/model.md §1 item 2)."""
    n, four = doorstarts(INGREDIENTS, FULL)
    assert four / n >= 0.6, (four, n)
    for ingredient in INGREDIENTS:
        assert doorstarts((ingredient,), FULL)[1] < four, ingredient
