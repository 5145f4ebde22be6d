"""Pattern-oriented validation of the vastloopsituaties, doorbraken and team-level facts (002, 001, 004).

Each stuck situation arises from the mechanisms in a bundled scenario drawn from the source stories,
in most seeds, and disappears when the cause the sources name is taken away (a scenario field or a
parameter that switches the mechanism off); a healthy network shows far fewer. For each
situation the remedy the sources link to it is applied the week it is detected and compared with
doing nothing (paired seeds): the remedy must raise the chance of a breakthrough on that issue within a
set number of weeks, a jump in progress as the detector counts it (a successful experiment, a roll-out
by the formal owner, a lucky break), or, where stated, of a doorbraak of that very situation.
"""

from functools import lru_cache

import numpy as np
import pytest
from scipy import stats

from netwerksim import NetwerkModel, generate_network, load_scenario, run
from netwerksim.observers.stuck import jumped
from netwerksim.params import PARAMETERS
from netwerksim.scenario import Scenario, bundled_names

pytestmark = pytest.mark.slow
SEEDS = range(20)

WHERE = {   # situation -> scenario where it arises in most seeds (share of seeds 0-19 on the netwerkdip model, 2026-12-06;
            # V8, V10, V11 read from behaviour, branch behaviour)
    "V1": "roermond_actietafels",   # 0.95
    "V2": "lelytalent",             # 0.90
    "V3": "matchmaker",             # 0.60 (12 of 20; 17 of 0-29, onsets weeks 11-56 with the first attempts, later ones
                                    # when a partner leaves after the money stops) since its project starts as a pioneer
                                    # (7 Dec): before, the scenario set the phase "experiment" and V3 held from week 1 in
                                    # every run (1.00), nothing else changed (issue 14 item 2)
    "V4": "roermond_actietafels",   # 0.30 (SELDOM: since V4 reads who decided, 2026-12-06)
    "V5": "achterhoek_analyse",     # 0.80 of seeds 0-29 since V5 reads what the talk brought up (7 Dec; 0.70 while it
                                    # read the 14 ideas and convergence 0.45 the scenario started with)
    "V6": "lelytalent",             # 0.70
    "V7": "pilot_rijnmond",         # 0.75 (since diversity is on by default, 2026-12-06: see the diversity test below)
    "V8": "zorgnetwerk",            # 0.65 (roermond_actietafels, written for it, 0.15: its partners go dormant early)
    "V9": "jongeren_in_beeld",      # 1.00 (20 of 20; built for it, 2026-12-06; buurtnetwerk, the healthy contrast, takes stock)
    "V10": "lelytalent",            # 1.00
    "V11": "roermond_actietafels",  # 0.85
    "V12": "matchmaker",            # 1.00
    "V13": "buurtnetwerk",          # 0.55 (SELDOM since the owner's take-over is a chance, 2026-12-07: before, 0.85,
                                    # certain by the owner's mandate 0.45 under a threshold of 0.5)
    "V14": "zorgnetwerk",           # 1.00 (matchmaker too)
}
# V7, stuck in creative ideas, came from pilot_rijnmond's mechanism parameters only: innovation.focus 0.25 (removed by
# issue 14), then innovation.idea_rate 2 (removed 2026-12-06, issue 14 item 3: V7 23 of seeds 0-29 -> 0 of 30; V1 2 ->
# 26, V5 28 -> 5). Since diversity brings ideas on a shared base (issue 14 item 6, on by default 2026-12-06) it arises
# there from the network description (four partners of four kinds at one table): 15 of seeds 0-19.
# Arise, but not in most seeds of any bundled scenario (docs/model.md 7.15): V4 since it reads who decided the
# experiments that started (2026-12-06). Where one partner decides (the alderman in roermond_actietafels) it opens
# as soon as decisions are taken, in weeks 15-34, but the partners go dormant before many are taken (0.7 experiments
# a run): 6 of seeds 0-19, 8 of 0-29, open in 0.02 of the weeks. Under consensus the others' say never falls to half
# the lead's (the fall back to hierarchy makes them lean back less than that): no bundled scenario, and none of 60
# generated networks but the one whose lead decides.
SELDOM = {"V4", "V13"}


_SPECS: dict[str, Scenario] = {}


def stuck(scenario: str | Scenario, seed: int, params: tuple = ()) -> tuple[tuple[str, int], ...]:
    """(situation, first week) of every stuck situation that opened in one run of ``scenario`` (a bundled name or a
    changed Scenario). A run is made once for the whole module, whichever test asks first: keyed by the scenario's
    content, the seed and the parameters (as sorted pairs), so a bundled name and an unchanged copy share it."""
    spec = _bundled(scenario) if isinstance(scenario, str) else scenario
    key = spec.model_dump_json()
    _SPECS.setdefault(key, spec)
    return _stuck(key, seed, tuple(sorted(params)))


@lru_cache(maxsize=None)
def _bundled(name: str) -> Scenario:
    return load_scenario(name)


def _stuck(key: str, seed: int, params: tuple) -> tuple[tuple[str, int], ...]:
    return _observed(key, seed, params)[0]


@lru_cache(maxsize=None)
def _observed(key: str, seed: int, params: tuple) -> tuple[tuple[tuple[str, int], ...], tuple[int, ...], float]:
    """One run's (situation, first week) of every stuck situation that opened, the weeks the conflict
    thermometer rose to disagreement or hotter from below it, and the share of weeks 1..T with some situation open."""
    result = run(_SPECS[key], seed=seed, params=dict(params))
    events, weeks = result.events, len(result.timeseries) - 1
    open_ = np.zeros(weeks + 1, bool)
    for e in events:
        if e["type"] == "vastloop":
            open_[e["start"]:weeks + 1 if e["end"] is None else e["end"]] = True
    return (tuple((e["id"], e["start"]) for e in events if e["type"] == "vastloop"),
            tuple(e["step"] for e in events if e["type"] == "conflict" and e["previous"] < DISAGREEMENT <= e["level"]),
            float(open_[1:].mean()))


DISAGREEMENT = 2   # the thermometer's level "disagreement" (mechanisms/conflict.py LEVELS)


def heated(scenario: str | Scenario, seed: int, params: tuple = ()) -> tuple[int, ...]:
    """Weeks the conflict thermometer rose to disagreement or hotter in one run (cached with :func:`stuck`)."""
    stuck(scenario, seed, params)
    spec = _bundled(scenario) if isinstance(scenario, str) else scenario
    return _observed(spec.model_dump_json(), seed, tuple(sorted(params)))[1]


def weeks_open(scenario: str | Scenario, seed: int) -> float:
    """Share of a run's weeks with some stuck situation open (cached with :func:`stuck`; issue 14 item 6's measure)."""
    stuck(scenario, seed)
    spec = _bundled(scenario) if isinstance(scenario, str) else scenario
    return _observed(spec.model_dump_json(), seed, ())[2]


def onsets(scenario: str, params: tuple = ()) -> list[tuple[tuple[str, int], ...]]:
    """Per seed of SEEDS: (situation, first week) of every stuck situation that opened."""
    return [stuck(scenario, s, params) for s in SEEDS]


def situations(scenario: str, params: tuple = ()) -> list[set[str]]:
    return [{sid for sid, _ in found} for found in onsets(scenario, params)]


def share(scenario, sid, params=()) -> float:
    return float(np.mean([sid in found for found in situations(scenario, params)]))


@pytest.mark.parametrize("sid", sorted(WHERE, key=lambda s: int(s[1:])))
def test_each_stuck_situation_arises_in_its_scenario_in_most_seeds(sid):
    if sid in SELDOM:
        assert 0 < share(WHERE[sid], sid) < 0.6, share(WHERE[sid], sid)   # documented as not reproduced: it arises, seldom
    else:
        assert share(WHERE[sid], sid) >= 0.6


FIRST_WEEKS, NEAR_EVENT, MOST = 4, 2, 0.5
# situations whose onsets are concentrated at the start or at a scheduled event: none since V8, V10 and V11 read
# behaviour (2026-12-06; before, reading a scenario's mandate, representation and interests: V8 20 of 40 onsets,
# V10 183 of 342, V11 244 of 368). Issue 14 asks for none.
AT_THE_START: set[str] = set()


def test_onsets_are_not_concentrated_at_the_start_or_at_a_scheduled_event():
    """Issue 14 item 2: at most half of a situation's onsets (all bundled scenarios x seeds 0-19) in the first four
    weeks or within two weeks of a scheduled event; the situations listed in AT_THE_START still are, and exactly
    those. Measured on the netwerkdip model (2026-12-06): V1 72/777, V2 16/330, V3 26/185, V4 53/294, V5 0/18,
    V6 4/193, V7 0/33, V9 12/247, V12 0/90 (199/285 while V12 read one week's hours: a new network's
    partners who did not take the initiative start at part of their pledge), V13 0/17, V14 24/279; read from
    behaviour (branch behaviour, the same runs otherwise): V8 7/157 (20/40 while it read the mandate), V10 18/473
    (183/342 reading representation; 46 of them open in week 13, the first week the window allows: all 40 in
    roermond_actietafels), V11 0/234 (244/368 reading interests; 25 in week 13, all in penvoerder)."""
    near, total = {}, {}
    for name in bundled_names():
        events = [e.at for e in load_scenario(name).events if e.at is not None]
        for found in onsets(name):
            for sid, start in found:
                total[sid] = total.get(sid, 0) + 1
                near[sid] = near.get(sid, 0) + (start <= FIRST_WEEKS or any(abs(start - at) <= NEAR_EVENT for at in events))
    assert set(total) == set(WHERE), set(WHERE) - set(total)
    concentrated = {sid for sid in total if near[sid] > MOST * total[sid]}
    assert concentrated == AT_THE_START, {sid: f"{near[sid]}/{total[sid]}" for sid in concentrated ^ AT_THE_START}


# situations whose onsets are mostly in the first week their 12-week window allows (week 13): their conditions held
# from the start, so they open as soon as the detector can see it, a default state (issue 14 item 6). Measured
# 2026-12-07 (main ac504dd, all bundled scenarios x seeds 0-19, onsets in week 13 / all onsets): V1 439/862 (in 11 of
# the 14 scenarios: before a first experiment a group that talks has few, scattered ideas, V1's condition), V12 41/61
# (matchmaker and penvoerder, new networks: in seed 0 the initiator gives 0.9 of its pledge from week 1, the others
# 0.2-0.3, rising to 0.3-0.6 by week 12, so the gap V12 reads is there from the start); below half:
# V11 31/182 (all in penvoerder), V5 29/213 (14 in achterhoek_analyse, which started with the ideas and direction V5
# read; since V5 reads what the talk brought up, 7 Dec: 11 of 38 onsets in week 13 in seeds 0-29, V5 in no other
# bundled scenario), V8 8/204, V10 6/501, V9 5/390, the others 0-1.
AT_FIRST_POSSIBLE = {"V1", "V12"}


def test_few_situations_open_in_the_first_week_their_window_allows():
    """Issue 14 item 6: no situation is a default state entered in its first possible week. A situation read over
    the 12-week window (``stuck.window``) can open in week 13 at the earliest; at most half of its onsets (all bundled
    scenarios x seeds 0-19) may fall there. The situations listed in AT_FIRST_POSSIBLE still do, and exactly those
    (not reproduced: docs/model.md 7.15)."""
    first = int(PARAMETERS["stuck.window"].default) + 1
    at_first, total = {}, {}
    for name in bundled_names():
        for found in onsets(name):
            for sid, start in found:
                total[sid] = total.get(sid, 0) + 1
                at_first[sid] = at_first.get(sid, 0) + (start == first)
    default = {sid for sid in total if at_first[sid] > MOST * total[sid]}
    assert default == AT_FIRST_POSSIBLE, {sid: f"{at_first[sid]}/{total[sid]}" for sid in default ^ AT_FIRST_POSSIBLE}


def _changed(name: str, **change) -> Scenario:
    base = load_scenario(name).model_dump()
    for key, value in change.items():
        base[key] = value(base[key]) if callable(value) else value
    return Scenario.model_validate(base)


def _orgs(**fields):
    return lambda orgs: [{**o, **fields} for o in orgs]


def _params(**values):
    return lambda params: {**params, **values}


# (situation, scenario, change, least drop). Each change removes the cause the sources name (a scenario field,
# or a parameter that switches the mechanism off), never the detector; measured shares of seeds 0-19, with -> without,
# on the netwerkdip model (dip 4d8198d, 2026-12-06; the figures on main before it in brackets)
COUNTERFACTUALS = [
    # V4 (seldom, see SELDOM): its own test below
    # V2: a setback does not sting, neither the energy it costs nor the cynicism it breeds (the links setback_energy
    # and setback_cynicism: innovation.setback_energy = energy.setback_loss = innovation.setback_negativity = 0; 002
    # L405-408: after a setback it is hard to hold on to confidence and to everyone); failures still happen, energy
    # is the model's. 7 Dec, seeds 0-29: 28 -> 6 of 30, +0.73 [0.57, 0.87] (weeks open 0.16 -> 0.01); only the energy
    # cost off +0.13 (below); the two parameters of chain.BESIDES' "setbacks" alone (setback_loss kept) 28 -> 9
    ("V2", "lelytalent", dict(parameters=_params(**{"innovation.setback_energy": 0.0, "energy.setback_loss": 0.0,
                                                    "innovation.setback_negativity": 0.0})), 0.5),
    # V6: a failed experiment breeds no cynicism (the source of negativity in Lelytalent): 0.70 -> 0.00 (0.65 -> 0.00)
    ("V6", "lelytalent", dict(parameters=_params(**{"innovation.setback_negativity": 0.0})), 0.5),
    # V7: the ideas diversity brings switched off, its own test below (test_diversity_on_a_shared_base_...)
    # V9 reads behaviour since 2026-12-06 (a success nobody examined, nothing started since): its own test below
    # V13 (seldom, see SELDOM): its own test below
    # V14: its direction is asserted with the behaviour-read situations (BEHAVIOUR_CAUSES, make validate) since 7 Dec:
    # the stated 0.5 is not reached over 30 seeds (before 7 Dec 0.87 -> 0.43, +0.43 [0.27, 0.60]; the row here passed
    # at seeds 0-19 with the least drop exactly, 0.90 -> 0.40)
    # V1: not asserted since 7 Dec (not reproduced, docs/model.md 7.15; talk without action under problem framing,
    # 002-3, is the registered pattern 002-talk-without-action in pilot_rijnmond). The row that stood here, joint
    # stock-taking every four weeks in roermond_actietafels (1.00 -> 0.13 over seeds 0-29), worked on V1's own input:
    # each stock-taking adds to convergence, and V1 asks convergence < 0.3. Read without that clause (talk, too few
    # ideas, nothing started, whatever the direction) V1 stays in 30 of 30 runs with stock-taking (0.35 -> 0.36 of
    # the weeks), although the first experiment comes in week 35 instead of 67; with a positive theme from week 0, the
    # reframing the source tells of Roermond (002 L413-426), 30 of 30 too (0.36 of the weeks; first experiment week 31).
    # V12: the partners have the agency's room and mandate (workload 0.3, mandate 1), 7 Dec, seeds 0-29: 1.00 -> 0.03,
    # +0.97 [0.90, 1.00] (6 Dec 1.00 -> 0.65, not reproduced then)
    ("V12", "matchmaker", dict(organisations=_orgs(workload=0.3, mandate=1.0)), 0.5),
]


def _v9_weeks(spec, seed: int) -> float:
    """Share of a run's weeks with V9 open on some issue."""
    result = run(spec, seed=seed)
    weeks = np.zeros(len(result.timeseries), bool)
    for e in result.events:
        if e["type"] == "vastloop" and e["id"] == "V9":
            weeks[e["start"]:e["end"] if e["end"] is not None else len(weeks)] = True
    return float(weeks.mean())


# back in make test since 7 Dec (issue 14 asks the per-situation counterfactuals there; ~30 s idle)
def test_v9_follows_a_success_only_while_nobody_examined_why():
    """V9 read from behaviour (issue 14 items 1, 5; 002 L381-385, L3296-3299): a success since which nobody came to
    the issue's tables to examine how and why it worked (a joint reflection, 002 L2613-2672) and no next experiment
    was started ('it works, but one does not yet dare go for it'). The cause the source names, nobody examining why,
    is taken away upstream of that record: the partners take stock together every quarter
    (``governance.reflection_every = 13``; 003 L158-163); whether people come and whether the group starts again
    stays the model's. Stated before measuring: the weeks with V9 open at least halve. Measured 2026-12-06, seeds
    0-29 paired, jongeren_in_beeld (the working group evaluates only at the project's end, 002 L4244-4246): 0.34 ->
    0.07, drop +0.27 [0.20, 0.34] (95% paired bootstrap); V9 arises in 30 -> 27 of the runs (it still follows a
    success that comes more than three weeks before the next stock-taking: onsets per success 0.77 -> 0.56). Without
    the hesitation after an unexplained success (``innovation.hesitation = 0``) 0.34 -> 0.18. In buurtnetwerk before
    it took stock (the same day): 0.43 -> 0.07, +0.36 [0.29, 0.43]."""
    base = load_scenario("jongeren_in_beeld")
    quarterly = base.model_copy(update={"governance": base.governance.model_copy(update={"reflection_every": 13})})
    without = np.array([_v9_weeks(base, s) for s in range(30)])
    examined = np.array([_v9_weeks(quarterly, s) for s in range(30)])
    low = stats.bootstrap((without - examined,), np.mean, method="percentile", random_state=0).confidence_interval.low
    assert without.mean() >= 0.2 and examined.mean() <= 0.5 * without.mean() and low > 0, (without.mean(), examined.mean(), low)


def _no_representation(d: dict) -> dict:
    """Delegates who sit at the table for the shared task, not as their organisation's representative (002 V10)."""
    return {**d, "organisations": [{**o, "representation": 0.0} for o in d["organisations"]],
            "organisation_groups": [{**g, "representation": 0.0} for g in d.get("organisation_groups", [])]}


def _no_representatives_nor_officials(d: dict) -> dict:
    """Nobody at the table as representative or official (002 V10, L350-353): no brief from the own organisation, and
    no official's role that hierarchy adds to it (``leadership.representation`` 0; 003 L4455-4466 R12)."""
    d = _no_representation(d)
    return {**d, "parameters": {**d.get("parameters", {}), "leadership.representation": 0.0}}


def _with_mandate(d: dict) -> dict:
    """Delegates who can commit their organisation (002 V8): mandate 0.95 for every organisation."""
    return {**d, "organisations": [{**o, "mandate": 0.95} for o in d["organisations"]],
            "organisation_groups": [{**g, "mandate": 0.95} for g in d.get("organisation_groups", [])]}


def _everyone_a_stake(d: dict) -> dict:
    """Every organisation has some interest (0.2) in every issue: nobody at a table benefits from standstill (002 V11)."""
    ids = [i["id"] for i in d["issues"]]
    def stake(x):
        interests = x.get("interests")
        return x if not isinstance(interests, dict) else {**x, "interests": {i: max(interests.get(i, 0.0), 0.2) for i in ids}}
    return {**d, "organisations": [stake(o) for o in d["organisations"]],
            "organisation_groups": [stake(g) for g in d.get("organisation_groups", [])]}


def _parameters(**values):
    """A mechanism parameter at its neutral value, set in the scenario (any generated network)."""
    return lambda d: {**d, "parameters": {**d.get("parameters", {}), **values}}


CAUSES = {"mandate": _with_mandate, "stake": _everyone_a_stake,
          "representatives and officials": _no_representatives_nor_officials,
          # V14: the project money does not stop (the scenario's funding_ends events left out)
          "money that stops": lambda d: {**d, "events": [e for e in d["events"] if e["type"] != "funding_ends"]},
          # V7: the flood of ideas partners of different kinds bring (000 L305-351), as test_diversity_on_a_shared_...
          "diversity's ideas": _parameters(**{"innovation.diversity_ideas": 0.0}),
          # disagreement: the unfair division no longer heats the ties (003 L2423-2440), as tests/test_conflict_patterns
          "unfair division": _parameters(**{"conflict.unfairness": 0.0}),
          # V2: a setback does not sting (002 L405-408; the links setback_energy and setback_cynicism)
          "a setback's sting": _parameters(**{"innovation.setback_energy": 0.0, "energy.setback_loss": 0.0,
                                              "innovation.setback_negativity": 0.0}),
          # V5: the partners look for options to try instead of mapping the bottlenecks (002 L139-144)
          "bottleneck analysis": lambda d: {**d, "issues": [{**i, "approach": "open"} for i in d["issues"]]}}


@lru_cache(maxsize=None)
def _with_or_without(scenario: str, seed: int, without: str | None) -> Scenario:
    d = generate_network(seed) if scenario == "generated" else load_scenario(scenario).model_dump()
    return Scenario.model_validate(CAUSES[without](d) if without else d)


def _onsets_of(sid: str, scenario: str, seed: int, without: str | None = None) -> tuple[int, ...]:
    """Onset weeks of ``sid`` (a situation, or "disagreement": the thermometer rising to it) in one run of a bundled
    scenario or (``scenario == "generated"``) of generated network ``seed``, with the named cause taken away
    (``without``: a key of CAUSES) or not."""
    spec = _with_or_without(scenario, seed, without)
    if sid == "disagreement":
        return heated(spec, seed)
    return tuple(start for found, start in stuck(spec, seed) if found == sid)


def _paired_drop(sid, scenario, cause, seeds) -> tuple[float, float, float, float]:
    """Share of seeds where ``sid`` arises with and without its cause, and the 95% paired-bootstrap interval of the drop."""
    with_cause = np.array([float(bool(_onsets_of(sid, scenario, s))) for s in seeds])
    without = np.array([float(bool(_onsets_of(sid, scenario, s, cause))) for s in seeds])
    d = with_cause - without
    if np.ptp(d) == 0:
        return with_cause.mean(), without.mean(), float(d[0]), float(d[0])
    ci = stats.bootstrap((d,), np.mean, method="percentile", random_state=0).confidence_interval
    return with_cause.mean(), without.mean(), float(ci.low), float(ci.high)


CAUSE_SEEDS = range(30)
# Situations read from behaviour (observers/stuck.py FROM_BEHAVIOUR): (situation, scenario, the cause the source names
# taken away upstream of what the detector reads, the drop stated before measuring, whether it is reached). Measured
# 2026-12-06 (branch behaviour), seeds 0-39 paired, share with -> without and the 95% paired-bootstrap interval:
BEHAVIOUR_CAUSES = [
    # V8: delegates with a mandate (0.95 instead of the default 0.8): 0.65 -> 0.20, +0.45 [0.30, 0.60] (on main with the
    # collapse engineer's 326b7de, seeds 0-29: 0.57 -> 0.13, +0.43 [0.27, 0.60], below 0.6 there); lelytalent
    # 0.60 -> 0.12, +0.47 [0.33, 0.62]; buurtnetwerk 0.45 -> 0.17, +0.28 [0.10, 0.45]. Stated 0.5: direction only
    ("V8", "zorgnetwerk", "mandate", 0.5, False),
    # V10: nobody sits at the table as representative or official (002 L350-353: "als vertegenwoordiger of
    # functionaris"): no brief (representation 0) and no official's role under hierarchy (leadership.representation
    # 0), 7 Dec, seeds 0-29: 1.00 -> 0.00, +1.00. Until 7 Dec only the brief was taken away: 1.00 -> 0.57, +0.43
    # [0.27, 0.60], direction only, because hierarchy makes delegates officials too (seeds 0-39: 1.00 -> 0.50);
    # onsets from week 13 (60 of them by week 37)
    ("V10", "lelytalent", "representatives and officials", 0.5, True),
    # V11: everyone at the table has a stake in every issue: 0.90 -> 0.00, +0.90 [0.80, 0.97]
    ("V11", "roermond_actietafels", "stake", 0.5, True),
    # V14: the project money does not stop (no funding_ends in week 104; 002 L3287-3290: even less time and money).
    # Its onsets come when an experiment runs on too little effort (weeks 44-111 without the cut). Seeds 0-29, 7 Dec,
    # after funding_ends also takes the agency's pay away (project_pay; the agency then leaves): 0.80 -> 0.43, +0.37
    # [0.17, 0.57] (before: 0.87 -> 0.43, +0.43 [0.27, 0.60]): direction only. Whether the collaboration ends with the
    # money (002-10) is the registered pattern 002-funding-cliff
    ("V14", "matchmaker", "money that stops", 0.5, False),
    # V5 (since 7 Dec): the partners do not map the bottlenecks but look for options to try (002 L139-144,
    # L1183-1190: insight into the bottlenecks gave no view of solutions). Stated before measuring: a drop of 0.5.
    # Seeds 0-29: 0.80 -> 0.00, +0.80 [0.67, 0.93]; 38 onsets, first ones weeks 13-102 (median 16), 11 of the 38 in
    # week 13, none in weeks 1-4. Without the analysis the talk raises no insights, so V5 cannot open: the arm
    # without is empty by construction, and what the test can find false is that the analysing group gets stuck in
    # most runs and when (docs/model.md 7.15); the cause itself is tested upstream, on the experiments started
    # (test_a_bottleneck_analysis_slows_the_group_down)
    ("V5", "achterhoek_analyse", "bottleneck analysis", 0.5, True),
]


@pytest.mark.parametrize("sid, scenario, cause, stated, reached",   # the direction-only ones in make validate (6 Dec)
                         [c if c[4] else pytest.param(*c, marks=pytest.mark.validate) for c in BEHAVIOUR_CAUSES],
                         ids=[c[0] for c in BEHAVIOUR_CAUSES])
def test_a_situation_read_from_behaviour_falls_without_the_cause_the_source_names(sid, scenario, cause, stated, reached):
    """Issue 14 item 5 for the detectors that read behaviour (V8 proposals sent back, V10 positions argued, V11
    standstill argued): over 30 paired seeds the situation arises less often without its named cause (the interval
    of the drop lies above 0), and by the stated size where ``reached``; the others' size is not reproduced
    (docs/model.md 7.15). Its onsets are spread over the run: at most half in the first four weeks."""
    assert share(scenario, sid) >= 0.6          # it arises in most of seeds 0-19, the standard of WHERE
    with_cause, without, low, high = _paired_drop(sid, scenario, cause, CAUSE_SEEDS)
    message = f"{with_cause:.2f} -> {without:.2f}, drop [{low:+.2f}, {high:+.2f}]"
    assert low > 0, message
    if reached:
        assert with_cause - without >= stated, message
    starts = [w for s in CAUSE_SEEDS for w in _onsets_of(sid, scenario, s)]
    assert np.mean(np.array(starts) <= FIRST_WEEKS) <= MOST, sorted(starts)


def test_a_bottleneck_analysis_slows_the_group_down():
    """V5's row above cannot fail in its arm without the analysis (no analysis, no insights, no V5), so the cause is
    tested where it acts, upstream of the detector: mapping bottlenecks gives insight rather than options and
    demotivates (002 L1183-1190), so over 30 paired seeds the analysing group starts fewer experiments in its 104
    weeks (the direction the source gives; the paired interval lies below 0). Measured 7 Dec: 1.2 against 2.5 a run."""
    def started(without):
        return np.array([run(_with_or_without("achterhoek_analyse", s, without), seed=s).timeseries["experiments"].iloc[-1]
                         for s in CAUSE_SEEDS], float)
    d = started(None) - started("bottleneck analysis")
    high = stats.bootstrap((d,), np.mean, method="percentile", random_state=0).confidence_interval.high
    assert high < 0, (d.mean(), high)


# generated networks (netwerksim.generate_network, seeds 0-29, each run with its own seed), measured 2026-12-06: V8
# 0.37 -> 0.10 without the limited mandate, +0.27 [0.13, 0.43] (seeds 0-39: +0.25 [0.12, 0.40]); V11 0.67 -> 0.00 when everyone has a
# stake, +0.67 [0.50, 0.83].
# Re-measured 6 Dec after small_experiment puts proposals on the table and the group decides on the most willing
# partner's ownership and mandate (aaea0bb): V8 over seeds 0-29 0.50 -> 0.30, +0.20 [0.00, 0.40] (no longer excludes 0
# at 30 networks); seeds 30-59 alone 0.47 -> 0.23, +0.23 [0.07, 0.40]; seeds 0-59 0.48 -> 0.27, +0.22 [0.08, 0.35]. The
# effect is smaller than before: it is asserted over 60 generated networks in make validate; make test keeps V11
# (+0.67 over 30) at 30 networks.
# Issue 14 item 6, last sentence (7 Dec, main 95d545a): every situation against the cause the source names, switched
# off in every generated network upstream of what its detector reads (CAUSES), the direction (fewer networks where it
# opens) stated before measuring. Seeds, fixed before the runs: 0-59 where the situation opens in at least 10 of those
# 60 networks, 0-299 where it is rarer (V4 1, V7 8, V13 2, disagreement 4 of 60). Share with -> without the cause,
# the drop's 95% paired bootstrap interval, networks where it opens only with / only without the cause:
# - V2 (002 L405-408): a setback does not sting, neither its energy cost nor its cynicism (the links setback_energy
#   and setback_cynicism off), 0-59 0.80 -> 0.32, +0.48 [0.35, 0.62] (7 Dec, main 27b2335; in lelytalent 28 -> 6 of 30).
# - V7 (002 L366-368): no ideas from diversity (innovation.diversity_ideas = 0), 0-299 0.22 -> 0.05, +0.17 [0.13,
#   0.21] (51 / 0).
# - V8 re-measured, 0-59: 0.57 -> 0.23, +0.33 [0.22, 0.45] (20 / 0); V11, 0-29: 0.73 -> 0.00, +0.73 [0.57, 0.90].
# - V10 (002 L350-353): nobody as representative or official (brief 0, leadership.representation 0), 0-59 0.75 ->
#   0.53, +0.22 [0.12, 0.33] (7 Dec): the direction; in half the networks V10 opens without any representation, where
#   partners whose interests lie far apart never move towards each other (bounded confidence, 7.4), so a position
#   stays nearer the own organisation's interests than the partners' without anyone representing anything: V10's
#   reading is not specific to its cause there. Before, the brief alone:
#   0-59 0.75 -> 0.67, +0.08 [0.02, 0.17] (5 / 0): the direction, small;
#   over 0-29 alone 0.83 -> 0.77, [0.00, 0.17] (6 Dec 0.77 -> 0.67, [0.00, 0.23]): a generated network's brief is
#   small (0-0.3), and its delegates argue their own line from the lean-back and hierarchy the brief does not set.
# - disagreement, the conflict thermometer (003 L2423-2440): the unfair division does not heat the ties
#   (conflict.unfairness = 0), 0-299 0.08 -> 0.05, +0.03 [0.01, 0.05] (9 / 1): the direction; a generated network
#   seldom gets that hot (its partners' outside options -0.2 to 0.05).
# - V6 has its own test below (innovation.setback_negativity = 0): 0-59 0.68 -> 0.00, +0.68 [0.57, 0.80].
# Not reproduced (docs/model.md 7.15), so not asserted (same runs and measures):
# - V1 (002 L398-403: much talk, nothing gets off the ground; a group keeps talking until it names the problem as a
#   shared question, L413-426): not asserted, no cause upstream. Joint stock-taking every 4 weeks
#   (governance.reflection_every = 4, the bundled counterfactual), 0-59 0.97 -> 0.68, +0.28 [0.17, 0.40] (17 / 0),
#   works through a value V1 reads: each stock-taking adds depth / 4 x the tables' attendance to convergence
#   (innovation.hold_reflection), and V1 asks convergence < 0.3. In the 17 networks where V1 goes, no experiment had
#   started by week 13 in either arm (4 and 6 of 17 by week 26); convergence at week 13 is 0.24 without and 0.33 with
#   it (0.94 of their issues at or above 0.3): the same nothing happens, read differently (later stock-taking does
#   bring more experiments: 1.00 -> 1.65 a network by week 52). V1 opens in week 13, the first week its window
#   allows, in 57 of its 58 networks (AT_FIRST_POSSIBLE).
# - V2 (002 L405-408, L3237-3239) with only the energy a setback costs off (innovation.setback_energy =
#   energy.setback_loss = 0): 0-59 0.80 -> 0.75, +0.05 [0.00, 0.12] (3 / 0): the cynicism a failure breeds drains the
#   energy as well; the setback's whole sting off is asserted (above, 7 Dec).
# - V3 (002 L376-379): not tested, no cause upstream: its detector reads the competences at the tables
#   (issues.covered), and bringing the missing kind to the table sets exactly that; the model has no mechanism by
#   which a group finds and fetches a missing competence. It opens in 31 of 0-59.
# - V4 (002 L345-348): not tested, no cause upstream: where the lead decides, the rule gives the others no say in
#   the decision (leadership.decision_say), so every experiment started counts as the lead's in the record V4 reads
#   (issues.say_ratio). Consensus instead: 0-299 0.02 -> 0.00, +0.02 [0.01, 0.04] (6 / 0), mostly the rule in action:
#   5 of the 12 networks whose lead decides, 1 of the 288 others (seed 27, a lead organisation under majority).
# - V5 (002 L355-359, L3255-3258): not tested: a generated network describes no approach, so none maps its issues'
#   bottlenecks and its talk raises no insights, which V5 reads since 7 Dec (the Achterhoek story's cause, 002
#   L1183-1190: BEHAVIOUR_CAUSES above). While it read the idea pool and convergence it opened in 10 of 0-59.
# - V9 (002 L381-385): stock-taking every quarter (governance.reflection_every = 13), 0-59 0.70 -> 0.67, +0.03
#   [-0.03, 0.10] (3 / 1): a share of runs, as in jongeren_in_beeld (0.97 -> 0.93); its own test measures the
#   weeks open, which halve there.
# - V12 (002 L3265-3268, no cause named; the bundled counterfactual's room and mandate, workload 0.3 and mandate 1):
#   0-59 0.25 -> 0.28, -0.03 [-0.13, +0.07] (4 / 6): the other way.
# - V13 (002 L3275-3281): the owner without reluctance (innovation.owner_reluctance = 0), 0-299 0.01 -> 0.00, +0.01
#   [0.00, 0.02] (3 / 0): too rare to tell (a formal owner at a quarter of the issues, few of which reach
#   implementation).
# - V14 (002 L3287-3290: even less time and less money): room to work (workload 0.3 for every partner), 0-59 0.62 ->
#   0.53, +0.08 [0.00, 0.18] (7 / 2); 0-29 0.73 -> 0.70: more room also starts more experiments, which V14 needs;
#   a generated network has no money that stops.
GENERATED_CAUSES = [("V2", "a setback's sting"), ("V7", "diversity's ideas"), ("V8", "mandate"), ("V10", "representatives and officials"), ("V11", "stake"),
                    ("disagreement", "unfair division")]
GENERATED_SEEDS = {"V2": range(60), "V7": range(300), "V8": range(60), "V10": range(60), "V11": range(30), "disagreement": range(300)}


@pytest.mark.validate   # in make validate since 6 Dec (V11 was in make test): make test took 17:54 on 2 cores
@pytest.mark.parametrize("sid, cause", GENERATED_CAUSES, ids=[c[0] for c in GENERATED_CAUSES])
def test_on_generated_networks_a_situation_read_from_behaviour_goes_with_its_cause(sid, cause):
    """Unseen networks, paired: each situation (and the thermometer's disagreement) arises in fewer generated networks
    without the cause the source names, switched off upstream of what its detector reads (the 95% paired-bootstrap
    interval of the drop lies above 0; issue 14 item 6)."""
    with_cause, without, low, high = _paired_drop(sid, "generated", cause, GENERATED_SEEDS[sid])
    assert low > 0, f"{with_cause:.2f} -> {without:.2f}, drop [{low:+.2f}, {high:+.2f}]"


# Not reproduced (docs/model.md 7.15), so not asserted. Re-measured 7 Dec on main (seeds 0-29, paired, share of
# runs with -> without the named cause, 95% bootstrap interval of the drop; stated drop 0.5 as above):
# - V2 in lelytalent when a setback only costs no energy (innovation.setback_energy = energy.setback_loss = 0): 0.93 ->
#   0.80, +0.13 [0.03, 0.27]: the cynicism a failure breeds drains the energy too (negativity.energy_drain), so that
#   alone leaves it; the setback's whole sting off is asserted above (7 Dec).
# - V3 in matchmaker with the RMC at the table from week 0: 0.57 -> 0.30, +0.27 [0.13, 0.43]; those left open after
#   the money stops, when a partner leaves and its competence with it (6 Dec, while the scenario set the phase
#   "experiment": 1.00 -> 1.00, every run from week 1). The fact behind it (002-18, the isolated intermediary) is the
#   registered pattern 002-isolated-intermediary since 7 Dec, on behaviour (progress by week 59), not on V3, whose
#   detector reads the coverage the RMC's arrival sets: src/netwerksim/patterns/s002.py.
# - V5 in achterhoek_analyse with rested people and a normal caseload (drive 0.7, workload 0.5 instead of 0.35-0.4
#   and 0.75-0.85): 0.73 -> 0.87, -0.13 [-0.30, +0.03]: the other way; every onset in week 13, the first week the
#   window allows (5 Dec: 0.70 -> 0.43 over seeds 0-39). Since 7 Dec the scenario describes no tired people (the
#   source gives no such cause) and V5 reads what the talk brought up; its cause, the bottleneck analysis, is in
#   BEHAVIOUR_CAUSES above.
@pytest.mark.parametrize("sid, scenario, change, least", COUNTERFACTUALS, ids=[c[0] for c in COUNTERFACTUALS])
def test_a_stuck_situation_disappears_without_its_mechanism(sid, scenario, change, least):
    assert share(scenario, sid) >= 0.6
    counter = _changed(scenario, **change)
    found = [sid in dict(stuck(counter, s)) for s in SEEDS]
    assert share(scenario, sid) - np.mean(found) >= least, f"{share(scenario, sid):.2f} -> {np.mean(found):.2f}"


@pytest.mark.validate
@pytest.mark.parametrize("sid, scenario, change, least", COUNTERFACTUALS, ids=[c[0] for c in COUNTERFACTUALS])
def test_a_stuck_situation_disappears_without_its_mechanism_in_30_seeds(sid, scenario, change, least):
    """The same over seeds 0-29 (the standard's 30; make test runs the first 20), paired: the drop reaches the stated
    size and its 95% bootstrap interval lies above 0. Measured 7 Dec: V2 0.93 -> 0.20, V6 0.90 -> 0.00, V12 1.00 ->
    0.03 (docs/model.md 7.15)."""
    seeds = range(30)
    counter = _changed(scenario, **change)
    drop = np.array([float(sid in dict(stuck(scenario, s))) - float(sid in dict(stuck(counter, s))) for s in seeds])
    low = stats.bootstrap((drop,), np.mean, random_state=0).confidence_interval.low if drop.std() > 0 else drop.mean()
    assert drop.mean() >= least and low > 0, (drop.mean(), low)


DIVERSITY_OFF = (("innovation.diversity_friction", 0.0), ("innovation.diversity_ideas", 0.0))


def test_diversity_on_a_shared_base_brings_the_flood_of_ideas_of_v7():
    """V7, stuck in creative ideas (002 L366-368, L3292-3294), from the diversity mechanism (on by default since
    2026-12-06, docs/model.md §1 item 6): partners of different kinds bring more ideas on a shared base and chafe
    without one (000 L305-351; 001 L768-772, L1796-1800). V7 arises in most of seeds 0-19 of pilot_rijnmond (four
    partners of four kinds at one table; WHERE); without the ideas diversity brings (the friction kept) it falls by at
    least 0.5, the standard of COUNTERFACTUALS, and with the mechanism off it does not arise. Measured 2026-12-06:
    0.75 -> 0.00 (seeds 0-29: 0.70 -> 0.00; without the friction instead 0.70 -> 0.57)."""
    with_it = share("pilot_rijnmond", "V7")
    no_ideas = share("pilot_rijnmond", "V7", (("innovation.diversity_ideas", 0.0),))
    assert with_it >= 0.6 and with_it - no_ideas >= 0.5, (with_it, no_ideas)
    assert share("pilot_rijnmond", "V7", DIVERSITY_OFF) == 0.0


# back in make test since 7 Dec (issue 14 asks the per-situation counterfactuals there; ~30 s idle)
def test_one_dominant_owner_needs_one_partner_who_decides():
    """V4 read from behaviour (issue 14 items 1, 5; 002 L345-348): every experiment started in the window was decided
    by one partner. The owner who keeps cutting the knots is taken away: the alderman's table decides by consensus
    instead of the lead deciding (``decision_rule``); whether and when experiments start stays the model's. Read as
    a check of V4's definition, not as evidence of a cause upstream (docs/model.md 7.15, 7 Dec): under the lead's
    rule the others have no say, so every experiment started is the lead's in the record V4 reads. Stated: V4 no longer arises at all, and with the rule it arises in
    a share of the runs whose 95% Wilson interval lies above 0. Measured 2026-12-06, roermond_actietafels seeds 0-29:
    8 of 30 -> 0 of 30 (onsets weeks 15-34)."""
    seeds = range(30)
    consensus = _changed("roermond_actietafels", governance=lambda g: {**g, "decision_rule": "consensus"})
    with_rule = sum("V4" in dict(stuck("roermond_actietafels", s)) for s in seeds)
    without = sum("V4" in dict(stuck(consensus, s)) for s in seeds)
    low = stats.binomtest(with_rule, len(seeds)).proportion_ci(method="wilson").low
    assert without == 0 and low > 0, (with_rule, without)


def test_an_owner_that_lacks_ownership_and_mandate_leaves_the_result_waiting():
    """V13 (002 L3275-3281): a result waits in implementation for a formal owner that does not take it over. The
    detector reads what happened (phase, taken over or not, weeks waiting); the cause the source names, an owner
    whose people lack the ownership and mandate to take it on ('that is not how it works here'), is switched off
    upstream of the take-over (``innovation.owner_reluctance = 0``: it decides as any partner acts when all is
    ready); whether and when it takes over stays a chance. Stated before measuring (2026-12-07): the share of runs
    with V13 falls by at least 0.2. Measured, buurtnetwerk (its housing association's people have little mandate)
    seeds 0-29: 14 of 30 -> 7 of 30; with every partner's mandate 0.95 instead: 8 of 30."""
    seeds = range(30)
    def runs_with_v13(params):
        return sum("V13" in dict(stuck("buurtnetwerk", s, params)) for s in seeds)
    with_cause, without = runs_with_v13(()), runs_with_v13((("innovation.owner_reluctance", 0.0),))
    assert (with_cause - without) / len(seeds) >= 0.2, (with_cause, without)


def _generated(seed: int, params: tuple = ()) -> set[str]:
    """The stuck situations of generated network ``seed`` (netwerksim.generate_network), run with the same seed."""
    return {found for found, _ in stuck(_with_or_without("generated", seed, None), seed, params)}


# back in make test since 7 Dec (issue 14 asks the per-situation counterfactuals there; ~30 s idle)
def test_on_generated_networks_negative_energy_goes_with_the_cynicism_a_setback_breeds():
    """Unseen networks (generated seeds 0-29, paired): V6 arises in fewer of them when a failed experiment breeds no
    cynicism (innovation.setback_negativity = 0, upstream of the negativity the detector reads); the size (a drop of
    at least 0.15) was set before measuring. Measured 2026-12-05: 0.33 -> 0.00, +0.33 [0.17, 0.50] (95% paired
    bootstrap); 7 Dec (main 95d545a): 0.67 -> 0.00, +0.67 [0.50, 0.83] (seeds 0-59: 0.68 -> 0.00, +0.68 [0.57,
    0.80]; V2 and V14 re-measured above GENERATED_CAUSES); since V6 reads the negativity voiced at the table over the window
    (7 Dec, evening): 0.37 -> 0.00, +0.37 [0.20, 0.53]. Not reproduced on the same networks (docs/model.md 7.15): V2 without the energy a setback costs
    (0.67 -> 0.57, +0.10 [0.00, 0.23]) and V14 with workload 0.7 instead of 0.35 (0.53 vs 0.63: the opposite way,
    since fewer experiments start under casework pressure)."""
    seeds = range(30)
    with_cause = np.array([float("V6" in _generated(s)) for s in seeds])
    without = np.array([float("V6" in _generated(s, (("innovation.setback_negativity", 0.0),))) for s in seeds])
    d = with_cause - without
    low = stats.bootstrap((d,), np.mean, method="percentile", random_state=0).confidence_interval.low if np.ptp(d) else d[0]
    assert d.mean() >= 0.15 and low > 0, (with_cause.mean(), without.mean(), low)


INNOVATION = ["roermond_actietafels", "matchmaker", "lelytalent", "pilot_rijnmond", "wijkteam"]


def test_a_healthy_network_shows_fewer_stuck_situations():
    """Roermond with what the sources say a working network has: partners who all care about both issues, with
    mandate, time (workload 0.35), drive (0.8) and no representative brief, shared governance, a table meeting
    every two weeks with two delegates each, joint stock-taking every four weeks, no incident. Measured on the
    netwerkdip model (dip 4d8198d, 2026-12-06, seeds 0-19): distinct situations per run 3.05 (V9 in 19 runs, V2 in
    18, V6 and V5 in 12), against 5.30, 7.00, 6.70, 2.45 and 2.80 in the innovation scenarios (mean 4.85).
    **Size not reproduced** (docs/model.md 7.15): at most half their mean and fewer than in each of them (main:
    1.95 against a mean of 4.64); a success still leaves V9 and a failure V2/V6 behind (issue 14 item 6).
    Asserted: the direction, fewer than the innovation scenarios' mean."""
    healthy = _changed("roermond_actietafels",
                       organisations=_orgs(mandate=0.95, workload=0.35, drive=0.8, representation=0.0,
                                           interests={"thuiszitters": 0.5, "werk": 0.5}, rivals=[]),
                       forums=lambda forums: [{**f, "frequency": 2, "delegates": 2} for f in forums],
                       governance={"mode": "shared", "reflection_every": 4}, parameters={}, events=[])
    few = np.mean([len(dict(stuck(healthy, s))) for s in SEEDS])
    per_scenario = [np.mean([len(found) for found in situations(name)]) for name in INNOVATION]
    assert few < np.mean(per_scenario), (few, per_scenario)


# Issue 14 item 6, in its own measure: the share of a run's weeks with some situation open. Healthy networks: the
# neighbourhood network and generated networks designed well (shared leadership, consensus, joint agreements, mandate
# 0.95, room to work: workload 0.4, no joiners); the goal (<= 0.25, and <= a third of the innovation scenarios') is the
# issue's, stated before measuring. Measured 7 Dec (main 2ac827b, seeds 0-19): docs/model.md 7.15 "Discrimination".
HEALTHY_DESIGN = {"governance": "shared", "decision_rule": "consensus", "agreements": "joint", "mandate": 0.95,
                  "workload": 0.4, "growth": 0.0}


def _healthy_generated(seed: int) -> Scenario:
    return Scenario.model_validate(generate_network(seed, **HEALTHY_DESIGN))


def _shares_of_weeks_open() -> tuple[float, float, float]:
    """Mean share of weeks with some situation open: buurtnetwerk, the healthy generated networks, the innovation
    scenarios (the mean of their means), over SEEDS (generated network i run with seed i)."""
    innovation = np.mean([np.mean([weeks_open(name, s) for s in SEEDS]) for name in INNOVATION])
    return (float(np.mean([weeks_open("buurtnetwerk", s) for s in SEEDS])),
            float(np.mean([weeks_open(_healthy_generated(s), s) for s in SEEDS])), float(innovation))


def test_the_neighbourhood_network_is_stuck_in_fewer_weeks_than_the_innovation_scenarios():
    """The direction of item 6 where it holds: measured 0.49 against 0.72 (seeds 0-19; main 2ac827b), 0.41 against
    0.71 once V1, V5 and V6 read behaviour (main eca0c0c)."""
    neighbourhood, _, innovation = _shares_of_weeks_open()
    assert neighbourhood < innovation, (neighbourhood, innovation)


@pytest.mark.xfail(strict=True, reason="not reproduced (docs/model.md 7.15, Discrimination): healthy generated networks "
                   "are stuck in 0.78 of their weeks, more than the innovation scenarios (0.71); the neighbourhood network "
                   "0.41; the model's slow pace of starting leaves V9, V10, V11 and V1 open while a group waits")
def test_healthy_networks_are_stuck_in_at_most_a_quarter_of_their_weeks():
    """Issue 14 item 6's goal: <= 0.25 of the weeks and <= a third of the innovation scenarios' share, for the
    neighbourhood network and the healthy generated networks alike."""
    neighbourhood, generated, innovation = _shares_of_weeks_open()
    for share in (neighbourhood, generated):
        assert share <= 0.25 and share <= innovation / 3, (neighbourhood, generated, innovation)


def _remedy_trial(scenario: str, sid: str, remedy: str | None, params: dict, seed: int,
                  window: int) -> tuple[bool, bool, bool] | None:
    """Detect ``sid``; apply the remedy that week (or nothing); watch that issue for ``window`` weeks.

    Returns (a breakthrough: a jump in progress on that issue, as the detector counts it; a doorbraak of
    this very situation; the situation over) within the window, or None if the situation never arose.
    """
    m = NetwerkModel(scenario, rng=seed)
    event, applied, breakthrough = None, None, False
    while m.week < m.spec.meta.steps:
        m.step()
        if event is None:
            event = next((e for e in m.events if e["type"] == "vastloop" and e["id"] == sid), None)
            if event is not None:
                applied = m.week
                if remedy:
                    m.intervene(remedy, **params)
        else:
            breakthrough |= bool(jumped(m.state, m.params)[event["issue"]])
            if m.week >= applied + window:
                break
    if event is None:
        return None
    broke = any(e["type"] == "doorbraak" and e["id"] == sid and e["issue"] == event["issue"] for e in m.events)
    over = event["end"] is not None and event["end"] <= applied + window
    return breakthrough, broke, over


BREAKTHROUGH, DOORBRAAK, RESOLVED = 0, 1, 2
REMEDY_SEEDS = range(40)
# (situation, scenario, remedy, parameters, measure, weeks, least gain). Measured on the netwerkdip model (dip 4d8198d,
# 2026-12-06) over seeds 0-39 (pairs where the situation arose in both arms): nothing -> remedy, the paired gain and
# its 95% bootstrap interval; main's gain before it in brackets.
REMEDIES = [
    # V7 pilot_rijnmond small_experiment was 0.03 -> 0.53, +0.50 [0.35, 0.65] while its idea_rate parameter made V7;
    # not re-measured since diversity makes it (2026-12-06), so not asserted
    # V9 jongeren_in_beeld reflection (stated 0.1): not reproduced since diversity is on (2026-12-06, evening): seeds
    # 0-39 0.51 -> 0.59, gain [-0.05, +0.21] over 39 pairs (seeds 0-19: 0.60 -> 0.60, 20 pairs), so no longer asserted;
    # with innovation.diversity_ideas = 0 in that scenario (2026-12-07): 0.38 -> 0.62, +0.23 [0.08, 0.38] (39): the
    # ideas diversity brings lift the arm without the remedy, the remedied arm stays
    # (docs/model.md 7.15). With diversity off, since V9 reads behaviour and reflection is held by mechanism 10 with
    # whoever comes: 0.38 -> 0.60, +0.22 [0.07, 0.38] (40); buurtnetwerk before it took stock: 0.25 -> 0.38, +0.13
    # [0.03, 0.23]; while reflection wrote understanding +0.23
    # V13 buurtnetwerk mandate (stated 0.5): not reproduced since the owner's take-over is a weekly chance (2026-12-07):
    # 0.94 -> 0.94 over 18 pairs of seeds 0-39, as V13 ends on its own within 26 weeks (episodes of 3-12 weeks);
    # while the owner's mandate of 0.45 kept it under a take-over threshold of 0.5 for good: 0.00 -> 0.97 (37)
    # V10 read from behaviour: talking about drives first makes the delegates move with their partners, so the
    # situation is over within 26 weeks (RESOLVED; no breakthrough, see below), stated 0.2 before measuring (2026-12-06)
    ("V10", "lelytalent", "check_in", {}, RESOLVED, 26, 0.2),                       # 0.17 -> 0.78, +0.60 [0.45, 0.75] (40)
]
# direction reproduced, the stated size not (docs/model.md 7.15): the interval of the gain lies above 0
DIRECTION_ONLY: list = []
# small_experiment puts an experiment on the table since 2026-12-06 (issue 14 item 4; mechanism 10 starts it with the
# most willing partner's ownership and mandate, 002 L553-561, while it lies there, 6 weeks) instead of starting it.
# Not reproduced since then (seeds 0-39, paired; before, while the remedy started the experiment, in brackets):
# V2 lelytalent doorbraak within 26 weeks 0.16 -> 0.29, +0.13 [0.00, 0.26] (38 pairs; stated 0.3; 0.13 -> 0.55,
# +0.42 [0.24, 0.61]); V12 matchmaker breakthrough 0.10 -> 0.07, [-0.07, 0.00] (40; 0.10 -> 0.25, +0.15 [0.05, 0.28]);
# V5 achterhoek_analyse 0.07 -> 0.07, +0.00 (30; 0.03 -> 0.17, +0.13 [0.03, 0.27]): tired partners with little
# mandate seldom take up the small step within the weeks it lies on the table (docs/model.md 7.15); measured while
# V5 read the idea pool and the scenario described tired people (before 7 Dec). Since then (seeds 0-39, 33 pairs, a
# breakthrough within 26 weeks): small_experiment 0.27 -> 0.61, +0.33 [0.18, 0.48]; change_in_time 0.27 -> 0.45,
# [0.06, 0.33]; V5 over within 26 weeks 0.73 -> 0.91 and 0.88. No size stated beforehand: not asserted.
# not reproduced over seeds 0-39, neither size nor direction (docs/model.md 7.15), so not asserted. Since issue 14
# (roermond_actietafels: the lead decides instead of a starting hierarchy): V1 roermond_actietafels small_experiment
# 0.00 -> 0.00 (28 pairs; seeds 0-19: 17 pairs, 0.00 -> 0.00; before: +0.19 [0.08, 0.33], 36 pairs): its partners
# go dormant from week 12, V1 opens in week 13, so an experiment has nobody to carry it. Since V8, V10 and
# V11 read behaviour (2026-12-06): V8 zorgnetwerk mandate within 52 weeks 0.38 -> 0.38, +0.00 (26 pairs); V10
# lelytalent check_in 0.30 -> 0.35, +0.05 [0.00, 0.12] (40 pairs, stated 0.2); V11 zorgnetwerk change_of_thinking
# 0.00 -> 0.00 (19 pairs; V11 arises in 8 of seeds 0-19 there now, +0.20 while it read the interests) and
# roermond_actietafels 0.00 -> 0.00 (36 pairs: its partners go dormant; with the remedy writing interests only, the
# situation over within 26 weeks 0.94 -> 1.00, +0.06 [0.00, 0.14]); V8 over within 26 weeks 1.00 -> 1.00 (26 pairs:
# it ends on its own once no proposal is sent back for a window). On the netwerkdip
# model (2026-12-06): V4 roermond_actietafels change_of_persons 0.03 -> 0.05, +0.03 [0.00, 0.07] (main +0.15); V8
# roermond_actietafels mandate within 52 weeks 0.03 -> 0.03, +0.00 (main +0.12): there the partners go dormant within
# the first year (dip 4d8198d: all of them by week 27-50), so hardly anything breaks through; V6 lelytalent
# change_of_context 0.17 -> 0.24, +0.07 [-0.07, 0.21] (29) (main +0.22); on main 6675b1d (2026-12-06, 29 pairs of
# seeds 0-39) a doorbraak 0.07 -> 0.00 with its former direct cut of negativity, 0.07 -> 0.07 since it leaves
# negativity to mechanism 9 (issue 14 item 4), near_miss_framing 0.07 -> 0.07 either way; V6 is over within 26
# weeks in 29 of 29 without a remedy; V14 wijkteam flexible_budget 0.21 -> 0.29,
# +0.07 [0.00, 0.18] (28) (main +0.11, stated 0.2). On main, not re-measured since: V3 matchmaker invite_partner (RMC)
# 0.10 -> 0.15, +0.05 [0.00, 0.12], stated 0.1; V10 lelytalent check_in 0.40 -> 0.47, +0.07 [0.00, 0.17], stated 0.2.
# Seeds 0-19 alone show no gain for V5 (0.07 -> 0.07, 14 pairs) nor V12 (0.10 -> 0.10): asserted over 0-39 only.
# V1 pilot_rijnmond change_of_thinking (2026-12-06, 26 pairs of seeds 0-29, a breakthrough within 26 weeks): 0.46 ->
# 0.69, +0.23 [0.08, 0.38] while it wrote ideas and convergence; 0.46 -> 0.73, +0.27 [0.12, 0.46] since it acts through
# a fresh perspective and the design focus (issue 14 item 4); V1 is over within 26 weeks in 26 of 26 either way. Not
# asserted: no size was stated before measuring and seeds 0-39 / 0-19 were not run.
TOO_FEW_IN_TWENTY = {"V5", "V12"}


@lru_cache(maxsize=None)
def _pair(sid, scenario, remedy, params, measure, weeks, seed) -> tuple[float, float] | None:
    params = dict(params)
    a, b = _remedy_trial(scenario, sid, None, {}, seed, weeks), _remedy_trial(scenario, sid, remedy, params, seed, weeks)
    return None if a is None or b is None else (float(a[measure]), float(b[measure]))


def _gain(row, seeds) -> tuple[float, float, float, float, int]:
    """Paired over ``seeds`` (where the situation arose in both arms): share meeting the measure without and with
    the remedy, the mean gain's 95% percentile-bootstrap interval (scipy), and the number of pairs."""
    sid, scenario, remedy, params, measure, weeks, _ = row
    pairs = [p for s in seeds if (p := _pair(sid, scenario, remedy, tuple(sorted(params.items())), measure, weeks, s))]
    assert len(pairs) >= 10
    a, b = np.array(pairs).T
    d = b - a
    if np.ptp(d) == 0:
        low = high = float(d[0])
    else:
        ci = stats.bootstrap((d,), np.mean, confidence_level=0.95, method="percentile", random_state=0).confidence_interval
        low, high = float(ci.low), float(ci.high)
    return float(a.mean()), float(b.mean()), low, high, len(pairs)


@pytest.mark.validate
@pytest.mark.parametrize("row", REMEDIES + DIRECTION_ONLY, ids=[f"{r[0]}-{r[1]}" for r in REMEDIES + DIRECTION_ONLY])
def test_the_remedy_the_sources_link_to_a_stuck_situation_raises_the_chance_of_a_breakthrough(row):
    """Over seeds 0-39: the gain's interval lies above 0, and for REMEDIES the gain reaches its stated size."""
    nothing, remedied, low, high, n = _gain(row, REMEDY_SEEDS)
    message = f"nothing {nothing:.2f}, remedy {remedied:.2f}, gain [{low:+.2f}, {high:+.2f}] over {n} pairs"
    assert low > 0, message
    if row in REMEDIES:
        assert remedied - nothing >= row[-1], message


FAST = [r for r in REMEDIES + DIRECTION_ONLY if r[0] not in TOO_FEW_IN_TWENTY]
QUICK = ("V10",)   # make test takes one of them; the others run over 40 seeds in make validate (the test above)


@pytest.mark.parametrize("row", [r for r in FAST if r[0] in QUICK], ids=[f"{r[0]}-{r[1]}" for r in FAST if r[0] in QUICK])
def test_the_remedy_raises_the_chance_of_a_breakthrough_in_the_first_twenty_seeds(row):
    """make test's subset of the validate test: seeds 0-19, the direction only (a mean gain above 0; measured on the
    netwerkdip model +0.11 (V1) to +0.94 (V13)); 20 seeds are too few for the stated sizes, and for V5 and V12
    (TOO_FEW_IN_TWENTY) for the direction too."""
    nothing, remedied, low, high, n = _gain(row, range(20))
    assert remedied > nothing, f"nothing {nothing:.2f}, remedy {remedied:.2f} over {n} pairs"


# --- stylised facts (002 §8; 001; 004) ---------------------------------------------------------------
# 002-2 in lelytalent, with the causes the source names and their mutations, is the registered pattern 002-stuck-recurs
# (src/netwerksim/patterns/s002.py; its causes survive); this test keeps the five innovation scenarios
@pytest.mark.parametrize("scenario", INNOVATION)
def test_stuck_situations_recur_in_innovation_scenarios(scenario):
    counts = [len(found) for found in situations(scenario)]
    assert min(counts) >= 1 and np.mean(counts) >= 2


# make validate: its later half is also the registered pattern 002-paradox-of-talk (run there); make test time
@pytest.mark.validate
def test_talking_about_drives_first_slows_early_output_and_speeds_later_action():
    """002 L2058-2066: check-ins in weeks 1-8 of Lelytalent; 30 paired seeds (measured 2026-12-05 under keyed
    streams): the first month's output is lower with check-ins in 28 of 30 seeds, 95% interval of the paired
    difference [-0.00055, -0.00038] a week-sum of 0.063, i.e. x0.993: the direction holds, a size of x0.98 or more
    is not reproduced (docs/model.md 7.15); over weeks 1-12 x1.002. Experiments in weeks 12-60: 1.97 without,
    2.60 with check-ins (x1.32, paired difference [0.40, 0.86])."""
    early, later = {}, {}
    for arm, extra in (("none", []), ("check_in", [(1, "check_in", {"weeks": 8})])):
        runs = [run("lelytalent", seed=s, interventions=extra).timeseries for s in range(30)]
        early[arm] = np.array([ts["output"].iloc[1:5].sum() for ts in runs])
        later[arm] = np.array([ts["experiments"].iloc[60] - ts["experiments"].iloc[12] for ts in runs])
    assert np.mean(early["check_in"] < early["none"]) >= 0.8
    assert stats.ttest_rel(early["check_in"], early["none"]).confidence_interval(0.95).high < 0
    assert later["check_in"].mean() >= 1.2 * later["none"].mean()
    assert stats.ttest_rel(later["check_in"], later["none"]).confidence_interval(0.95).low > 0


def test_negativity_spreads_along_ties():
    """Make one organisation's people critical; those who meet them pick it up, unless contagion is off."""
    def partners(params):
        values = []
        for s in range(10):
            m = NetwerkModel("lelytalent", rng=s, params=params)
            m.step()
            critical = m.state.profs.org == 0
            m.state.profs.negativity[critical] = 1.0
            for _ in range(12):
                m.step()
            T = m.state.ties
            met_them = np.unique(T.dst[critical[T.src]])
            values.append(m.state.profs.negativity[met_them].mean())
        return np.mean(values)
    assert partners({}) >= partners({"negativity.spread": 0.0}) + 0.05


# Step-like progress (002 L304-337) and the wijkteam facts (001 L326-367: casework crowds out learning; 004
# L2622-2690: momentum fades when the facilitator steps back) are registered patterns now:
# src/netwerksim/patterns/s002.py, s001.py, s004.py (tests/test_patterns.py).
