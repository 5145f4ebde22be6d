"""The advisor's comparison: metrics of a run, comparison files, paired seeds, parallel runs, outputs."""

from __future__ import annotations

import math
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import netwerksim
from netwerksim.cli import main
from netwerksim.compare import (EXPERIMENT_DIR, Comparison, ComparisonError, _set_field, build, load_comparison,
                                parse_option, run_comparison, summarise)
from netwerksim.compare import report as compare_report
from netwerksim.compare.statistics import mean_interval
from netwerksim.experiment import RunSpec, run_summary, seeds
from netwerksim.metrics import METRICS, compute, registry
from netwerksim.runner import RunResult
from netwerksim.scenario import ScenarioError, load_scenario


# --- metrics on a crafted run ----------------------------------------------------------------------------
def _crafted(small, *, progress_a, successes, events) -> RunResult:
    """A RunResult written by hand: 11 weeks of a two-issue network, with the events given."""
    weeks = np.arange(11)
    n = len(weeks)
    ts = pd.DataFrame({
        "week": weeks, "progress_a": progress_a, "progress_b": np.linspace(0, 0.05, n),
        "successes": successes, "economic_capital": np.linspace(0, 2, n), "social_capital": np.full(n, 0.3),
        "cultural_capital": np.full(n, 0.4), "exited_organisations": [0] * 9 + [1, 1],
        "dormant_organisations": [0] * 10 + [1], "mean_trust": np.linspace(0.5, 0.62, n),
        "heat": [0.1] * 5 + [0.8] + [0.55] * 5, "vitality": np.linspace(0.8, 0.6, n),
        "joint_contribution": np.full(n, 0.5),
    })
    ts["progress"] = ts["progress_a"] + ts["progress_b"]
    scenario = load_scenario(small)
    manifest = {"parameters": {"innovation.breakthrough": 0.12}}
    return RunResult(ts, pd.DataFrame(), events, manifest, scenario)


DIPS = [
    {"step": 3, "type": "netwerkdip", "start": 2, "depth": 0.2, "duration": 4},
    {"step": 6, "type": "doorstart"},
    {"step": 8, "type": "netwerkdip", "start": 7, "depth": 0.35, "duration": 3},
    {"step": 4, "type": "vastloop", "id": "V4", "issue": 0},
    {"step": 5, "type": "vastloop", "id": "V10", "issue": 1},
    {"step": 9, "type": "vastloop", "id": "V4", "issue": 1},
    {"step": 9, "type": "doorbraak", "id": "V4", "issue": 1},
]


def test_metrics_of_a_crafted_run(small):
    # issue a jumps by 0.07 in week 4: over half the breakthrough (0.12 / difficulty 1); a success only in week 6
    progress_a = [0, 0.01, 0.02, 0.03, 0.10, 0.11, 0.12, 0.13, 0.14, 0.15, 0.16]
    m = compute(_crafted(small, progress_a=progress_a, successes=[0] * 6 + [1] * 5, events=DIPS))
    assert m["dip"] == 1.0 and m["doorstart"] == 1.0
    assert m["dip_depth"] == 0.35                          # the deepest dip, not the first
    assert m["dip_weeks"] == 7.0 and m["dip_start"] == 2.0
    assert m["weeks_to_first_result"] == 4.0
    assert m["stuck_count"] == 2.0 and m["stuck_situations"] == "V4 V10"   # distinct, in V order
    assert m["stuck_V4"] == 1.0 and m["stuck_V10"] == 1.0 and m["stuck_V1"] == 0.0
    assert m["doorbraken"] == 1.0
    assert m["organisations_left"] == 1.0 and m["organisations_dormant"] == 1.0
    assert m["conflict_level_end"] == 2.0 and m["heat_max"] == 0.8          # 0.55 is 'disagreement'
    assert m["trust_end"] == pytest.approx(0.62) and m["vitality_end"] == pytest.approx(0.6)
    assert m["vitality_mean"] == pytest.approx(0.7)
    assert m["progress_a"] == pytest.approx(0.16) and m["progress_total"] == pytest.approx(0.21)
    assert m["economic_capital"] == 2.0 and m["social_capital"] == 0.3 and m["cultural_capital"] == 0.4
    assert set(m) - {"stuck_situations"} == set(registry(load_scenario(small)))


def test_first_result_is_a_success_without_a_jump_and_nan_without_either(small):
    smooth = list(np.linspace(0, 0.2, 11))                  # 0.02 a week: never a clear jump
    with_success = compute(_crafted(small, progress_a=smooth, successes=[0] * 6 + [1] * 5, events=[]))
    assert with_success["weeks_to_first_result"] == 6.0
    nothing = compute(_crafted(small, progress_a=smooth, successes=[0] * 11, events=[]))
    assert math.isnan(nothing["weeks_to_first_result"])
    assert nothing["dip"] == 0.0 and nothing["dip_depth"] == 0.0 and math.isnan(nothing["dip_start"])
    assert nothing["stuck_count"] == 0.0 and nothing["stuck_situations"] == ""


def test_metrics_of_a_real_run_agree_with_its_events():
    result = netwerksim.run("zorgnetwerk", seed=5, steps=90)
    m = compute(result)
    dips = [e for e in result.events if e["type"] == "netwerkdip"]
    assert m["dip"] == float(bool(dips))
    assert m["stuck_count"] == len({e["id"] for e in result.events if e["type"] == "vastloop"})
    assert m["progress_total"] == pytest.approx(sum(m[f"progress_{i}"] for i in ("ouderen", "acuut", "ggz")))


def test_every_metric_has_labels_and_a_meaning_in_both_languages(small):
    for metric in registry(load_scenario(small)).values():
        assert metric.label_nl and metric.label_en and metric.meaning_nl and metric.meaning_en, metric.name
        format(0.5, metric.fmt)


# --- statistics (more in test_compare_report.py) ---------------------------------------------------------
def test_mean_interval_is_scipys_t_interval_and_skips_missing_values():
    est = mean_interval(np.array([1.0, 2.0, 3.0, 4.0, 5.0, np.nan]))
    half = 2.7764 * math.sqrt(2.5) / math.sqrt(5)                         # t(0.975, 4) from a printed table
    assert est.n == 5 and est.value == 3.0 and est.method == "t"
    assert est.low == pytest.approx(3 - half, abs=1e-3) and est.high == pytest.approx(3 + half, abs=1e-3)
    assert mean_interval(np.array([2.0, 2.0, 2.0])).method == "constant"   # no spread: no interval, said so


# --- comparison files and options -----------------------------------------------------------------------
def _data(**options) -> dict:
    return {"comparison": {"scenario": "zorgnetwerk", "replications": 3, "seed": 11, "steps": 30,
                           "metrics": ["dip", "vitality_mean", "trust_end"]}, "options": options}


def test_the_bundled_example_is_valid():
    c = load_comparison(EXPERIMENT_DIR / "zorgnetwerk_governance.toml")
    assert c.baseline == "leidende_organisatie" and len(c.options) >= 4
    shared = c.option("gedeelde_regie").scenario["governance"]
    assert shared["mode"] == "shared" and shared.get("lead") is None


def test_errors_name_the_file_the_field_the_value_and_what_is_allowed(tmp_path):
    path = tmp_path / "advies.toml"
    path.write_text('[comparison]\nscenario = "zorgnetwerk"\nbaseline = "geen"\nmetrics = ["dip", "dipp"]\n'
                    '[options.a]\nset = { "trust.forgeting" = 0.97, "governance.mode" = "centraal" }\n'
                    '[options.b]\nevents = [{ at = 10, type = "mandat" }, { at = 3, type = "mandate", mandate = 3 }]\n',
                    encoding="utf-8")
    with pytest.raises(ComparisonError) as info:
        load_comparison(path)
    text = str(info.value)
    for expected in (f"{path}: field comparison.baseline: value 'geen'", "allowed: ['a', 'b']",
                     "comparison.metrics[1]: value 'dipp' is not a metric (did you mean 'dip'?)",
                     "options.a.set.\"trust.forgeting\": unknown name", "Did you mean 'trust.forgetting'?",
                     "governance.mode: value 'centraal' is not allowed; allowed: 'shared', 'lead_organisation' or 'nao'",
                     "options.b.events[0].type: value 'mandat' is not an intervention or shock (did you mean 'mandate'?)",
                     "options.b.events[1].mandate: value 3 is not allowed; a number in [0.0, 1.0]"):
        assert expected in text, expected
    assert isinstance(info.value, ScenarioError)   # the CLI's exit status 2


def test_a_parameter_out_of_range_and_an_unknown_organisation_are_errors():
    with pytest.raises(ComparisonError, match=r"options.b.set.\"trust.forgetting\": value 2.0: .*outside its range"):
        build(_data(a={}, b={"set": {"trust.forgetting": 2.0}}), "x.toml", EXPERIMENT_DIR)
    with pytest.raises(ComparisonError, match=r"no element of 'organisations' matches \[Nergens\]"):
        build(_data(a={}, b={"set": {"organisations[Nergens].mandate": 0.5}}), "x.toml", EXPERIMENT_DIR)


def test_option_strings_as_on_the_command_line():
    o = parse_option("team: governance.mode=shared, governance.lead=, trust.forgetting=0.97, "
                     "shared_leadership_team@26(strength=0.6, absorption=0.3), mandate@0, "
                     "organisations[kind:municipality].mandate=0.9")
    assert o["name"] == "team"
    assert o["set"] == {"governance.mode": "shared", "governance.lead": "", "trust.forgetting": 0.97,
                        "organisations[kind:municipality].mandate": 0.9}
    assert o["events"] == [{"at": 26, "type": "shared_leadership_team", "strength": 0.6, "absorption": 0.3},
                           {"at": 0, "type": "mandate"}]
    with pytest.raises(ComparisonError, match="start with a name and a colon"):
        parse_option("governance.mode=shared")


def test_scenario_fields_by_path_with_selectors_and_defaults():
    data = load_scenario("zorgnetwerk").model_dump(mode="json")
    _set_field(data, "organisations[kind:municipality].mandate", 0.95)
    _set_field(data, "forums[stuurgroep].frequency", 8)
    _set_field(data, "governance.lead", "")
    mandates = {o["name"]: o["mandate"] for o in data["organisations"]}
    assert mandates["Gemeente Rivierstad"] == 0.95 and mandates["GGZ Midden"] == 0.8
    assert data["forums"][0]["frequency"] == 8 and "lead" not in data["governance"]
    with pytest.raises(ValueError, match="is a list: choose elements"):
        _set_field(data, "organisations.mandate", 0.5)


# --- running: paired seeds, serial == parallel ---------------------------------------------------------------
def _small_comparison() -> Comparison:
    return build(_data(lead={}, shared={"set": {"governance.mode": "shared", "governance.lead": ""}},
                       same={"set": {"trust.forgetting": 0.98}}),        # the default: changes nothing
                 "test", EXPERIMENT_DIR)


def test_a_mean_interval_stays_within_what_a_run_can_give_and_a_share_gets_a_wilson_interval():
    """Three runs with 0, 0 and 1 exits: the t-interval of the mean reaches below 0 and is cut at 0; a share of
    dips gets a Wilson interval (inside 0-100% by construction) and its paired difference Newcombe's."""
    c = build({**_data(lead={}, shared={"set": {"governance.mode": "shared", "governance.lead": ""}}),
               "comparison": {**_data()["comparison"], "metrics": ["dip", "organisations_left"]}}, "test", EXPERIMENT_DIR)
    table = pd.DataFrame({"option": ["lead"] * 3 + ["shared"] * 3, "replication": [0, 1, 2] * 2,
                          "dip": [1.0, 1.0, 0.0, 0.0, 0.0, 0.0], "organisations_left": [0, 0, 1, 0, 0, 0]})
    s = summarise(table, ["lead", "shared"], "lead", {m: c.metric(m) for m in c.metrics}).set_index(["option", "metric"])
    raw = mean_interval(np.array([0.0, 0.0, 1.0]))
    assert raw.low < 0 and s.loc[("lead", "organisations_left"), "low"] == 0.0
    assert s.loc[("lead", "organisations_left"), "high"] == pytest.approx(raw.high)
    dip = s.loc[("lead", "dip")]
    assert dip["interval"] == "wilson" and dip["count"] == 2 and 0 < dip["low"] < 2 / 3 < dip["high"] < 1
    shared = s.loc[("shared", "dip")]
    assert shared["diff_interval"] == "newcombe" and shared["diff"] == pytest.approx(-2 / 3)
    assert -1 <= shared["diff_low"] < shared["diff"] < shared["diff_high"] <= 1


def test_every_option_runs_with_the_same_seeds_so_an_option_that_changes_nothing_differs_by_exactly_zero():
    c = _small_comparison()
    by_option = {}
    for option, replication, seed, spec in c.specs():
        by_option.setdefault(option, []).append(seed)
        assert spec.seed == seed and spec.steps == 30
    assert by_option["lead"] == by_option["shared"] == by_option["same"] == seeds(11, 3)
    assert len(set(by_option["lead"])) == 3
    result = run_comparison(c)
    same = result.summary[result.summary["option"] == "same"]
    assert (same["diff"] == 0).all() and not same["clear"].any()
    t = result.table
    assert list(t[t["option"] == "lead"]["seed"]) == list(t[t["option"] == "shared"]["seed"])
    # and the lever really changes the runs: shared governance is not the lead organisation
    assert not np.array_equal(t[t["option"] == "lead"]["vitality_mean"], t[t["option"] == "shared"]["vitality_mean"])


def test_serial_and_parallel_give_the_same_table_bit_for_bit():
    c = _small_comparison()
    serial, parallel = run_comparison(c, workers=1), run_comparison(c, workers=2)
    pd.testing.assert_frame_equal(serial.table, parallel.table, check_exact=True)
    pd.testing.assert_frame_equal(serial.summary, parallel.summary, check_exact=True)
    pd.testing.assert_frame_equal(serial.bands, parallel.bands, check_exact=True)


def test_run_summary_takes_a_plain_dict_and_returns_scalars_and_a_thin_series():
    out = run_summary({"scenario": "zorgnetwerk", "seed": 2, "steps": 20, "params": {"trust.forgetting": 0.97},
                       "events": ({"at": 5, "type": "mandate"},), "series": ("vitality",)})
    series = out.pop("series")
    assert list(series) == ["vitality"] and len(series["vitality"]) == 21
    assert all(isinstance(v, (float, str)) for v in out.values())
    again = run_summary(RunSpec("zorgnetwerk", 2, {"trust.forgetting": 0.97}, ({"at": 5, "type": "mandate"},), 20))
    pd.testing.assert_series_equal(pd.Series(out), pd.Series(again), check_exact=True)


# --- outputs -----------------------------------------------------------------------------------------------
def test_cli_writes_every_file_and_a_report_naming_every_option(tmp_path):
    out = tmp_path / "vergelijking"
    proc = subprocess.run([sys.executable, "-m", "netwerksim.cli", "compare", "zorgnetwerk", "--option",
                           "gedeeld: governance.mode=shared, governance.lead=", "--option",
                           "team: shared_leadership_team@10", "--replications", "3", "--steps", "30",
                           "--workers", "1", "--out", str(out)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert "results:" in proc.stdout
    names = {p.name for p in out.iterdir()}
    assert {"results.parquet", "results.csv", "summary.csv", "bands.parquet", "comparison.json", "report.md",
            "report.html", "fan_vitality.png", "fan_mean_trust.png", "fan_joint_contribution.png",
            "fan_progress.png"} <= names
    table = pd.read_parquet(out / "results.parquet")
    assert len(table) == 9 and list(table["option"].unique()) == ["basis", "gedeeld", "team"]
    assert len(pd.read_csv(out / "results.csv")) == 9
    summary = pd.read_csv(out / "summary.csv")
    assert {"option", "metric", "n", "mean", "low", "high", "diff", "diff_low", "diff_high", "clear"} <= set(summary)
    report = (out / "report.md").read_text(encoding="utf-8")
    for text in ("Zoals het nu is", "gedeeld", "team", "Team voor gedeeld leiderschap vanaf week 10", "De vraag",
                 "Het antwoord", "Kanttekeningen", "geen voorspelling", "fan_vitality.png"):
        assert text in report, text


def test_report_in_english(tmp_path):
    result = run_comparison(_small_comparison())
    folder = result.save(tmp_path / "en", lang="en", plots=False)
    report = (folder / "report.md").read_text(encoding="utf-8")
    assert "The answer" in report and "not a forecast" in report and "### lead (baseline)" in report
    assert all(f"### {o}" in report for o in ("lead", "shared", "same"))
    assert "With shared, a netwerkdip occurs" in report


def test_cli_bad_comparison_exits_2_without_a_traceback_and_writes_nothing(tmp_path):
    out = tmp_path / "nooit"
    proc = subprocess.run([sys.executable, "-m", "netwerksim.cli", "compare", "zorgnetwerk", "--option",
                           "x: trust.forgeting=0.9", "--out", str(out)], capture_output=True, text=True)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr and "options.x.set.\"trust.forgeting\"" in proc.stderr
    assert not out.exists()


def test_a_failed_write_leaves_no_half_folder_and_keeps_the_old_one(tmp_path, monkeypatch):
    result = run_comparison(build(_data(a={}, b={"set": {"trust.forgetting": 0.97}}), "test", EXPERIMENT_DIR))
    out = result.save(tmp_path / "res", plots=False)
    before = (out / "summary.csv").read_bytes()

    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(compare_report, "write_report", broken)
    with pytest.raises(OSError, match="disk full"):
        result.save(tmp_path / "res", plots=False)
    with pytest.raises(OSError, match="disk full"):
        result.save(tmp_path / "new", plots=False)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["res"]     # no temporary folder, no half 'new'
    assert (out / "summary.csv").read_bytes() == before


def test_python_api_returns_the_tidy_table_and_the_summary():
    result = netwerksim.compare("zorgnetwerk", options=["gedeeld: governance.mode=shared, governance.lead="],
                                replications=2, steps=20, metrics=["dip", "progress_total"])
    assert set(result.table["option"]) == {"basis", "gedeeld"} and len(result.table) == 4
    assert set(result.summary["metric"]) == {"dip", "progress_total"}
    assert set(METRICS) <= set(result.table.columns)


def test_the_advisors_guide_names_every_metric_and_the_bundled_comparison():
    guide = (Path(__file__).resolve().parents[1] / "docs" / "adviseursgids.md").read_text(encoding="utf-8")
    missing = [m for m in METRICS if f"`{m}`" not in guide]
    assert not missing, f"metrics not described in docs/adviseursgids.md: {missing}"
    assert "src/netwerksim/experiments/zorgnetwerk_governance.toml" in guide


@pytest.mark.parametrize("args, words", [
    (["--option", "a: trust.forgetting=true"], "parameter 'trust.forgetting' must be a number, got True"),
    (["--option", "a: trust.forgetting=nan"], 'set."trust.forgetting": value nan is not allowed: a finite number'),
    (["--option", "a: trust.forgetting=\"0.9\""], "must be a number, got '0.9'"),
    (["--option", "a: organisations[*].mandate=inf"], "mandate\": value inf is not allowed: a finite number is required"),
    (["--option", "a: governance.room=true"], "governance.room: value True is not allowed: a number is required"),
    (["--option", "a: staff_shortage@3(amount=1e400)"], "events[0].amount: value inf is not allowed"),
    (["--option", "a: external_facilitator@3(weeks=2.5)"], "events[0].weeks: value 2.5 is not allowed; a whole number in [1, 520]"),
    (["--option", "a: mediation@1", "--replications", "1"], "field comparison.replications: value 1 is not allowed"),
    (["--option", "a: mediation@1", "--steps", "99999"], "field comparison.steps: value 99999 is not allowed"),
])
def test_values_on_the_command_line_are_as_strict_as_in_a_file(args, words, capsys, tmp_path):
    out = tmp_path / "out"
    assert main(["compare", "zorgnetwerk", *args, "--workers", "1", "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert words in err and "Traceback" not in err and not out.exists()
