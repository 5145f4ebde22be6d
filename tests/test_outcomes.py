"""Outcomes at a week, over a window and of chosen organisations (issue 17 item 3): parsed, checked, computed."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

import netwerksim
from netwerksim.compare import EXPERIMENT_DIR, ComparisonError, build, run_comparison
from netwerksim.experiment import RunSpec, run_summary
from netwerksim.metrics import Derived, compute, metric_of, metric_problems
from netwerksim.runner import RunResult
from netwerksim.scenario import load_scenario
from netwerksim.sweeps import SweepError, load_sweep


def _run() -> RunResult:
    """11 weeks written by hand: vitality falls linearly from 1.0 to 0.5, progress rises 0.1 a week; two
    organisations, the municipality trusted 0.3 in every week and the hospital from 0.6 to 0.8."""
    weeks = np.arange(11)
    ts = pd.DataFrame({"week": weeks, "vitality": np.linspace(1.0, 0.5, 11), "progress": 0.1 * weeks,
                       "progress_ouderen": 0.05 * weeks})
    orgs = pd.DataFrame({"week": np.repeat(weeks, 2), "organisation": ["Gemeente Rivierstad", "Ziekenhuis Rivierland"] * 11,
                         "kind": ["municipality", "hospital"] * 11,
                         "trust_received": np.ravel([[0.3, 0.6 + 0.02 * w] for w in weeks])})
    return RunResult(ts, orgs, [], {}, load_scenario("zorgnetwerk"))


@pytest.mark.parametrize("name, expected", [
    ("vitality@4", 0.8),                                   # the value in week 4
    ("vitality@2-4", 0.85),                                # the mean over weeks 2, 3 and 4
    ("progress_rate@2-6", 0.1),                            # the change per week
    ("progress_ouderen@10", 0.5),                          # one issue's progress
    ("trust_received[Gemeente Rivierstad]", 0.3),          # the last week
    ("trust_received[kind:hospital]@5", 0.7),
    ("trust_received[*]@0-10", (0.3 + 0.7) / 2),           # both organisations, every week
])
def test_a_derived_outcome_reads_the_week_or_window_asked_for(name, expected):
    assert Derived.parse(name).value(_run()) == pytest.approx(expected)


def test_a_week_past_the_runs_end_gives_no_value_rather_than_a_wrong_one():
    assert math.isnan(Derived.parse("vitality@20").value(_run()))


def test_plain_metric_names_are_not_derived_ones():
    assert Derived.parse("trust_end") is None and Derived.parse("progress_ouderen") is None
    assert Derived.parse("stuck_V4") is None


@pytest.mark.parametrize("name, says", [
    ("vitalty@90", "'vitalty' is no indicator of the time series"),
    ("vitality@200", "past the run's last week 156"),
    ("vitality@104-52", "window 104-52 is empty"),
    ("progress_rate", "a rate needs a window"),
    ("progress_rate@52", "a rate needs a window"),
    ("trust_received[GGZ Noord]", "[GGZ Noord] chooses no organisation"),
    ("trust_received[kind:school]", "chooses no organisation"),
    ("mean_trust[GGZ Midden]", "'mean_trust' is no indicator of organisations"),
])
def test_a_wrong_derived_outcome_is_named_with_what_is_allowed(name, says):
    problems = metric_problems((name,), load_scenario("zorgnetwerk"), "comparison.metrics", steps=156)
    assert len(problems) == 1 and problems[0][0] == "comparison.metrics[0]"
    assert says in problems[0][1] and name in problems[0][1]


def test_a_derived_outcome_has_labels_and_a_direction_in_both_languages():
    m = metric_of("trust_received[kind:municipality]@52-104", load_scenario("zorgnetwerk"))
    assert m.label("nl") == "ontvangen vertrouwen (soort: gemeente), gemiddeld week 52-104"
    assert m.label("en") == "trust received (kind: municipality), mean week 52-104"
    assert m.better == "higher" and not m.yes_no
    assert metric_of("heat@90", load_scenario("zorgnetwerk")).better == "lower"


def test_the_worker_computes_derived_outcomes_equal_to_the_runs_own_frames():
    spec = RunSpec("zorgnetwerk", 3, steps=30, metrics=("vitality@20", "progress_rate@10-30",
                                                        "trust_received[kind:municipality]@10-20"))
    out = run_summary(spec)
    from netwerksim.runner import run  # noqa: PLC0415
    result = run(load_scenario("zorgnetwerk"), seed=3, steps=30)
    ts = result.timeseries.set_index("week")
    assert out["vitality@20"] == ts.loc[20, "vitality"]
    assert out["progress_rate@10-30"] == pytest.approx((ts.loc[30, "progress"] - ts.loc[10, "progress"]) / 20)
    o = result.organisations
    municipality = o[(o["kind"] == "municipality") & o["week"].between(10, 20)]["trust_received"].mean()
    assert out["trust_received[kind:municipality]@10-20"] == pytest.approx(municipality)
    assert set(compute(result)) < set(out)          # the fixed metrics are there too


def test_a_comparison_reports_a_derived_outcome_with_a_paired_difference(tmp_path):
    c = build({"comparison": {"scenario": "zorgnetwerk", "replications": 3, "steps": 30,
                              "metrics": ["vitality@20", "trust_received[kind:municipality]@10-30", "dip"]},
               "options": {"lead": {}, "same": {"set": {"trust.forgetting": 0.98}}}}, "test", EXPERIMENT_DIR)
    result = run_comparison(c)
    row = result.summary.set_index(["option", "metric"]).loc[("same", "vitality@20")]
    assert row["diff"] == 0 and row["diff_interval"] == "constant"     # the default value: the same runs
    report = (result.save(tmp_path / "r", plots=False) / "report.md").read_text(encoding="utf-8")
    assert "vitaliteit, week 20" in report


def test_a_comparison_with_a_wrong_derived_outcome_names_file_field_and_value():
    with pytest.raises(ComparisonError, match=r"test: field comparison.metrics\[0\]: .*'vitality@999'"):
        build({"comparison": {"scenario": "zorgnetwerk", "metrics": ["vitality@999"]},
               "options": {"a": {}, "b": {}}}, "test", EXPERIMENT_DIR)


def test_a_sweep_keeps_a_derived_outcome_per_run_equal_to_the_runs_own_series(tmp_path):
    path = tmp_path / "sweep.toml"
    path.write_text('[sweep]\nscenario = "zorgnetwerk"\ndesign = "lhs"\nsamples = 2\nreplications = 1\nseed = 11\n'
                    'steps = 12\nmetrics = ["vitality@6-12", "dip"]\nseries = ["vitality"]\n'
                    '[space]\n"trust.forgetting" = { low = 0.9, high = 1.0 }\n', encoding="utf-8")
    table = netwerksim.sweep(path)
    assert [v == pytest.approx(s[6:13].mean()) for v, s in zip(table["vitality@6-12"], table["series_vitality"])] \
        == [True, True]
    bad = tmp_path / "bad.toml"
    bad.write_text(path.read_text(encoding="utf-8").replace("vitality@6-12", "vitality@6-40"), encoding="utf-8")
    with pytest.raises(SweepError, match=r"sweep.metrics\[0\]: value 'vitality@6-40': week 40 lies past"):
        load_sweep(bad)


def test_each_issue_s_innovation_state_is_recorded_and_usable_as_an_outcome():
    """ideas_<issue>, experiments_<issue>, understood_<issue>: the per-issue experiments add up to the network's."""
    from netwerksim.runner import run  # noqa: PLC0415
    result = run(load_scenario("zorgnetwerk"), seed=2, steps=60)
    ts = result.timeseries.set_index("week")
    ids = [i.id for i in result.scenario.issues]
    assert (ts[[f"experiments_{i}" for i in ids]].sum(axis=1) == ts["experiments"]).all()
    assert ts["experiments"].iloc[-1] > 0 and ts[[f"ideas_{i}" for i in ids]].to_numpy().max() > 0
    assert ts[[f"understood_{i}" for i in ids]].to_numpy().min() >= 0 and ts[[f"understood_{i}" for i in ids]].to_numpy().max() <= 1
    assert Derived.parse("understood_ouderen@30").value(result) == ts.loc[30, "understood_ouderen"]
    m = metric_of("ideas_ggz@52-104", result.scenario)
    assert m.label("nl") == "ideeën: Mentale gezondheid in de wijk, gemiddeld week 52-104" and m.better == "higher"
    assert metric_of("experiments_acuut@60", result.scenario).better is None
    problems = metric_problems(("understood_school@10",), result.scenario, "comparison.metrics", steps=60)
    assert "'understood_school' is no indicator of the time series" in problems[0][1]
