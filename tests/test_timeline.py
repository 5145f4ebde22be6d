"""The timeline's three timings (issue 17 item 1): a fixed week, a response to a detector's report, a shock process."""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import pytest

from netwerksim.compare.command_line import parse_option
from netwerksim.compare.loading import for_scenario
from netwerksim.compare.spec import ComparisonError
from netwerksim.model import NetwerkModel
from netwerksim.runner import fingerprint, run
from netwerksim.scenario import ScenarioError, load_scenario, validate
from netwerksim.scenario import Event
from netwerksim.timeline import REPORTS, condition, describe, draw, triggers_of, weekly_chance

SEED = 1   # zorgnetwerk seed 1 reports a netwerkdip (week 64 on issue 13's model; read from the run, not assumed)


@lru_cache(maxsize=None)
def _run(*events: tuple[tuple[str, object], ...]):
    entries = [{k: list(v) if isinstance(v, tuple) else v for k, v in e} for e in events]
    return run(load_scenario("zorgnetwerk"), seed=SEED, interventions=entries or None)


def _entry(**fields) -> tuple[tuple[str, object], ...]:
    return tuple(sorted(fields.items()))


def _applied(result, name: str) -> list[int]:
    return [e["step"] for e in result.events if e.get("name") == name and e["type"] in ("intervention", "shock")]


def _frames(result):
    return fingerprint(result.timeseries, result.organisations)


def _reports(result) -> list[tuple[int, str]]:
    return [(e["step"], t) for e in result.events for t in triggers_of(e)]


def test_a_response_comes_after_weeks_after_its_report_once_and_not_before():
    base = _run()
    dips = [w for w, t in _reports(base) if t == "netwerkdip"]
    assert dips, "zorgnetwerk seed 1 should report a netwerkdip"
    responded = _run(_entry(type="building_blocks", when="netwerkdip", after=2))
    assert _applied(responded, "building_blocks") == [dips[0] + 2]
    week = dips[0] + 1   # everything up to the week before the response is the same run
    assert responded.timeseries.iloc[:week + 1].equals(base.timeseries.iloc[:week + 1])
    assert not responded.timeseries.equals(base.timeseries)


def test_a_response_to_a_report_that_never_comes_changes_nothing():
    base = _run()
    absent = next(t for t in REPORTS if t not in {t for _, t in _reports(base)})
    assert _frames(_run(_entry(type="building_blocks", when=absent))) == _frames(base)


def test_a_repeated_response_follows_every_week_with_a_report_of_its_kind_once():
    result = _run(_entry(type="trust_dialogue", when="V2", repeat=True))
    opened = sorted({w for w, t in _reports(result) if t == "V2"})
    assert len(opened) >= 2
    assert _applied(result, "trust_dialogue") == [w + 1 for w in opened if w + 1 <= 156]


def test_a_conflict_level_is_reached_when_the_thermometer_rises_to_or_through_it():
    assert triggers_of({"type": "conflict", "previous": 0, "level": 2}) == ("vigilant", "disagreement")
    assert triggers_of({"type": "conflict", "previous": 3, "level": 1}) == ()
    assert triggers_of({"type": "doorbraak", "id": "V1"}) == ()


def test_a_shock_process_hits_exactly_the_weeks_its_own_stream_draws_and_disturbs_no_other_draw():
    rate, between = 0.1, (52, 130)
    result = _run(_entry(type="staff_shortage", rate=rate, between=between))
    key = NetwerkModel("zorgnetwerk", rng=SEED, mesa_data=False).streams   # the run's key comes from its seed
    expected = [w for w in range(between[0], between[1] + 1) if key("shock process", w).random(1)[0] < rate]
    scheduled = [w for w in _applied(result, "staff_shortage") if w != 20]   # week 20: the scenario's own
    assert scheduled == expected and 0 < len(expected) < between[1] - between[0]
    never = _run(_entry(type="staff_shortage", rate=1e-12))
    assert _frames(never) == _frames(_run())


def test_a_shock_process_runs_at_its_rate_over_many_weeks():
    """Over 40 seeds x 156 weeks the number of hits of a process with chance 0.05 a week is binomial: 312 expected."""
    from scipy.stats import binomtest

    hits = 0
    for seed in range(40):
        streams = NetwerkModel("zorgnetwerk", rng=seed, mesa_data=False).streams
        hits += sum(streams("shock process", w).random(1)[0] < 0.05 for w in range(1, 157))
    assert binomtest(hits, 40 * 156, 0.05).pvalue > 0.001


BAD = [
    ({"type": "staff_shortage"}, "events[0].at", "give exactly one of"),
    ({"type": "staff_shortage", "at": 3, "rate": 0.1}, "events[0].at", "given: at, rate"),
    ({"type": "building_blocks", "when": "dip"}, "events[0].when", "a report (netwerkdip"),
    ({"type": "building_blocks", "when": "budget < 3"}, "events[0].when", "of vitality, mean_trust"),
    ({"type": "building_blocks", "at": 5, "after": 2}, "events[0].after", "only with when"),
    ({"type": "staff_shortage", "when": "V4", "between": [1, 5]}, "events[0].between", "only with rate or per_year"),
    ({"type": "staff_shortage", "at": 4, "amount": [0.1, 0.3]}, "events[0].amount", "only in a shock process"),
    ({"type": "staff_shortage", "rate": 0.1, "amount": [0.3, 0.1]}, "events[0].amount", "low <= high"),
    ({"type": "staff_shortage", "rate": 0.1, "amount": [0.1, 1.3]}, "events[0].amount", "a number in [0.0, 1.0]"),
    ({"type": "staff_shortage", "per_year": 2, "target": ["Nergens"]}, "events[0].target", "'Nergens'"),
    ({"type": "staff_shortage", "per_year": 60}, "events[0].per_year", "less than or equal to 52"),
    ({"type": "staff_shortage", "rate": 0.1, "between": [60, 50]}, "events[0].between", "first <= last"),
    ({"type": "staff_shortage", "rate": 1.5}, "events[0].rate", "less than or equal to 1"),
]


@pytest.mark.parametrize("entry, field, message", BAD)
def test_a_bad_timing_names_the_field_and_what_is_allowed(entry, field, message):
    data = load_scenario("zorgnetwerk").model_dump(mode="json", exclude_none=True)
    data["events"] = [entry]
    with pytest.raises(ScenarioError) as caught:
        validate(data, "mijn.toml")
    assert field in str(caught.value) and message in str(caught.value)


def test_the_cli_refuses_an_unknown_report_with_status_2(validate_zorgnetwerk_with):
    proc = validate_zorgnetwerk_with('\n[[events]]\ntype = "building_blocks"\nwhen = "dipje"\n')
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "events[2].when" in proc.stderr and "'dipje'" in proc.stderr and "netwerkdip" in proc.stderr


def test_options_on_the_command_line_take_a_week_a_report_or_a_rate_and_read_in_plain_words():
    o = parse_option("reageer[Reageren]: building_blocks@netwerkdip(after=2), staff_shortage@0.02(between=[52, 156]), "
                     "mandate@26, funding_ends@1.5/jaar(cut=[0.1, 0.3]), trust_dialogue@vitality < 0.6")
    assert o["events"] == [{"when": "netwerkdip", "type": "building_blocks", "after": 2},
                           {"rate": 0.02, "type": "staff_shortage", "between": [52, 156]},
                           {"at": 26, "type": "mandate"},
                           {"per_year": 1.5, "type": "funding_ends", "cut": [0.1, 0.3]},
                           {"when": "vitality < 0.6", "type": "trust_dialogue"}]
    c = for_scenario("zorgnetwerk", [o], replications=2)
    option = next(x for x in c.options if x.name == "reageer")
    words = option.interventions("nl")
    assert "2 weken na een gemelde netwerkdip" in words[0]
    assert "kans 2% per week, gemiddeld eens per 50 weken (in week 52-156)" in words[1]
    assert words[2].endswith("vanaf week 26")
    assert words[3].endswith("op willekeurige momenten, gemiddeld 1,5 keer per jaar")
    assert words[4].endswith("na vitaliteit < 0,6")
    with pytest.raises(ComparisonError, match="when"):
        for_scenario("zorgnetwerk", ["x: building_blocks@dipje"], replications=2)


def test_describe_in_english():
    assert describe({"when": "V4", "repeat": True}, "Mandate", "en").startswith("Mandate after every stuck situation V4")
    assert describe({"rate": 0.25}, "Shock", "en") == "Shock: a chance of 25% a week, on average once every 4 weeks"
    assert len(REPORTS) == 3 + 14 + 3


def test_a_response_to_a_crossing_comes_the_week_after_the_indicator_first_crosses_the_value():
    base = _run()
    vitality = base.timeseries["vitality"].to_numpy()
    value = float(np.round(np.median(vitality), 2))
    crossings = [w for w in range(1, len(vitality)) if vitality[w] < value <= vitality[w - 1]]
    assert crossings, "the median is crossed downwards at least once"
    responded = _run(_entry(type="building_blocks", when=f"vitality < {value}"))
    assert _applied(responded, "building_blocks") == [crossings[0] + 1]


def test_dutch_level_names_and_the_comparison_form_mean_the_same_report():
    assert condition("conflict >= onenigheid") == condition("onenigheid") == condition("disagreement")
    assert condition("conflict >= ruzie") is None and condition("vitality <") is None
    assert condition("mean_trust >= 0.7").holds({"mean_trust": 0.7})


def test_a_shock_process_draws_its_size_and_its_target_anew_at_every_hit_from_its_own_stream():
    entry = _entry(type="funding_ends", per_year=6.0, cut=(0.1, 0.4),
                   target=("Gemeente Rivierstad", "GGZ Midden"))
    result = _run(entry)
    hits = [e for e in result.events if e.get("name") == "funding_ends" and e["step"] != 40]   # 40: the scenario's
    assert len(hits) >= 5
    cuts = [e["params"]["cut"] for e in hits]
    assert all(0.1 <= c <= 0.4 for c in cuts) and len(set(cuts)) == len(cuts)
    assert {e["params"]["target"] for e in hits} == {"Gemeente Rivierstad", "GGZ Midden"}
    streams = NetwerkModel("zorgnetwerk", rng=SEED, mesa_data=False).streams
    event = Event(**{k: list(v) if isinstance(v, tuple) else v for k, v in entry})
    index = len(load_scenario("zorgnetwerk").events)   # the added entry follows the scenario's own
    for e in hits:
        assert e["params"]["cut"] == draw(event, streams("shock size", e["step"], index))["cut"]
    chance = weekly_chance(event)
    assert chance == pytest.approx(1 - np.exp(-6 / 52))
    assert [e["step"] for e in hits] == [w for w in range(1, 157) if w != 40
                                          and streams("shock process", w).random(1)[0] < chance]
