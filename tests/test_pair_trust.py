"""Trust between two named parties (issue 17): ``trust[A->B]``, recorded only for the pairs asked for."""

from __future__ import annotations

import math

import numpy as np
import pytest

from netwerksim.cli import main
from netwerksim.compare import EXPERIMENT_DIR, build, run_comparison
from netwerksim.experiment import RunSpec, run_summary
from netwerksim.metrics import Derived, metric_of, metric_problems
from netwerksim.model import NetwerkModel
from netwerksim.runner import run
from netwerksim.scenario import load_scenario

CITY, HOSPITAL, GGZ = "Gemeente Rivierstad", "Ziekenhuis Rivierland", "GGZ Midden"


def _by_hand(model: NetwerkModel, first: str, second: str) -> float:
    """The mean trust of every tie from a professional of ``first`` to one of ``second``, from the state."""
    T, names = model.state.ties, model.state.orgs.name
    ties = (T.src_org == names.index(first)) & (T.dst_org == names.index(second))
    assert ties.sum() > 1
    return float(T.trust[ties].mean())


def test_trust_between_two_parties_is_the_mean_over_their_professionals_ties_in_that_week():
    pairs = (f"{CITY}->{HOSPITAL}", f"{HOSPITAL}->{CITY}")
    model = NetwerkModel("zorgnetwerk", rng=4, mesa_data=False, trust_pairs=pairs)
    expected = {}
    for _ in range(40):
        model.step()
        if model.week in (15, 40):
            expected[model.week] = (_by_hand(model, CITY, HOSPITAL), _by_hand(model, HOSPITAL, CITY))
    rows = {r["week"]: r for r in model.rows}
    for week, (city_in_hospital, hospital_in_city) in expected.items():
        assert rows[week][f"trust[{CITY}->{HOSPITAL}]"] == pytest.approx(city_in_hospital, abs=1e-12)
        assert rows[week][f"trust[{HOSPITAL}->{CITY}]"] == pytest.approx(hospital_in_city, abs=1e-12)
    assert expected[40][0] != expected[40][1]           # directed: the one's trust in the other is not the reverse
    assert expected[40][0] != 0.5                       # and it moved from the neutral start


def test_the_worker_reads_a_week_and_a_window_and_records_nothing_it_was_not_asked_for():
    name_week, name_window = f"trust[{CITY}->{HOSPITAL}]@20", "trust[kind:municipality->*]@10-30"
    out = run_summary(RunSpec("zorgnetwerk", 3, steps=30, metrics=(name_week, name_window)))
    plain = run(load_scenario("zorgnetwerk"), seed=3, steps=30)
    assert not any(c.startswith("trust[") for c in plain.timeseries.columns)     # only the pairs asked for
    asked = run(load_scenario("zorgnetwerk"), seed=3, steps=30, trust_pairs=(f"{CITY}->{HOSPITAL}",))
    assert asked.timeseries.drop(columns=f"trust[{CITY}->{HOSPITAL}]").equals(plain.timeseries)   # the run itself unchanged
    assert out[name_week] == asked.timeseries.set_index("week").loc[20, f"trust[{CITY}->{HOSPITAL}]"]
    # the municipality in all its partners: every tie from the city's professionals, weeks 10-30
    model = NetwerkModel("zorgnetwerk", rng=3, mesa_data=False)
    T, city = model.state.ties, model.state.orgs.name.index(CITY)
    means = []
    for _ in range(30):
        model.step()
        if model.week >= 10:
            means.append(T.trust[T.src_org == city].mean())
    assert out[name_window] == pytest.approx(np.mean(means), abs=1e-12)


def test_two_parties_that_share_no_table_have_no_trust_to_report():
    data = load_scenario("zorgnetwerk").model_dump()
    data["forums"] = [f for f in data["forums"] if f["id"] == "tafel_acuut"]     # the city sits at no table
    result = run(load_scenario(data), seed=1, steps=5, trust_pairs=(f"{CITY}->{HOSPITAL}",))
    assert math.isnan(Derived.parse(f"trust[{CITY}->{HOSPITAL}]@5").value(result))


@pytest.mark.parametrize("name, says", [
    ("trust[Gemeente Rivierstat->GGZ Midden]", "'Gemeente Rivierstat' in [Gemeente Rivierstat->GGZ Midden] chooses no organisation; allowed: a name (['Ziekenhuis Rivierland'"),
    ("trust[GGZ Midden->kind:school]@90", "'kind:school' in [GGZ Midden->kind:school] chooses no organisation"),
    ("trust[GGZ Midden->Gemeente Rivierstad->Thuiszorg Samen]", "names 3 parties; write two"),
    ("trust_given[GGZ Midden->Gemeente Rivierstad]", "'trust_given' is no indicator between two parties [A->B]; allowed: ['trust']"),
    ("trust[GGZ Midden->Gemeente Rivierstad]@200", "week 200 lies past the run's last week 156"),
    ("trust_rate[GGZ Midden->Gemeente Rivierstad]@10-20", "a rate of trust between two parties is not offered"),
])
def test_a_wrong_pair_is_named_with_the_organisations_allowed(name, says):
    problems = metric_problems((name,), load_scenario("zorgnetwerk"), "comparison.metrics", steps=156)
    assert len(problems) == 1 and problems[0][0] == "comparison.metrics[0]"
    assert says in problems[0][1] and repr(name) in problems[0][1]


def test_an_unknown_party_on_the_command_line_exits_2_before_anything_runs(capsys, tmp_path):
    out = tmp_path / "out"
    code = main(["compare", "zorgnetwerk_governance", "--metrics", "dip,trust[Gemeente X->GGZ Midden]@90",
                 "--workers", "1", "--out", str(out)])
    err = capsys.readouterr().err
    assert code == 2 and not out.exists() and "Traceback" not in err
    assert "comparison.metrics[1]" in err and "'Gemeente X'" in err and "'Gemeente Rivierstad'" in err


def test_trust_between_two_parties_in_a_comparison_gets_labels_and_a_paired_difference(tmp_path):
    name = f"trust[{GGZ}->{CITY}]@10-30"
    m = metric_of(name, load_scenario("zorgnetwerk"))
    assert m.label("nl") == f"vertrouwen van {GGZ} in {CITY}, gemiddeld week 10-30" and m.better == "higher"
    assert m.label("en") == f"trust of {GGZ} in {CITY}, mean week 10-30"
    c = build({"comparison": {"scenario": "zorgnetwerk", "replications": 3, "steps": 30, "metrics": [name, "dip"]},
               "options": {"lead": {}, "same": {"set": {"trust.forgetting": 0.98}}}}, "test", EXPERIMENT_DIR)
    result = run_comparison(c)
    row = result.summary.set_index(["option", "metric"]).loc[("same", name)]
    assert row["diff"] == 0 and row["diff_interval"] == "constant"
    assert 0 < row["mean"] < 1
    report = (result.save(tmp_path / "r", plots=False) / "report.md").read_text(encoding="utf-8")
    assert f"vertrouwen van {GGZ} in {CITY}" in report


def test_a_sweep_keeps_trust_between_two_parties_per_run_and_refuses_an_unknown_party(tmp_path):
    from netwerksim import sweep  # noqa: PLC0415
    from netwerksim.sweeps import SweepError, load_sweep  # noqa: PLC0415

    path = tmp_path / "sweep.toml"
    path.write_text('[sweep]\nscenario = "zorgnetwerk"\ndesign = "lhs"\nsamples = 2\nreplications = 1\nseed = 11\n'
                    f'steps = 12\nmetrics = ["trust[{CITY}->{GGZ}]@12", "dip"]\n'
                    '[space]\n"trust.forgetting" = { low = 0.9, high = 1.0 }\n', encoding="utf-8")
    table = sweep(path)
    for (_, row) in table.iterrows():
        one = run(load_scenario("zorgnetwerk"), seed=int(row["seed"]), steps=12,
                  params={"trust.forgetting": row["trust.forgetting"]}, trust_pairs=(f"{CITY}->{GGZ}",))
        assert row[f"trust[{CITY}->{GGZ}]@12"] == one.timeseries[f"trust[{CITY}->{GGZ}]"].iloc[-1]
    path.write_text(path.read_text(encoding="utf-8").replace(GGZ, "GGZ Noord"), encoding="utf-8")
    with pytest.raises(SweepError, match=r"sweep.metrics\[0\]: value .*'GGZ Noord' in \[.*chooses no organisation"):
        load_sweep(path)
