"""EMA workbench done properly (issue 18 item 3): levers and constants, replacing assignment, one outcome per
replication, a pool that ends when runs fail, and the guide's PRIM example."""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest

from netwerksim.experiment import seeds
from netwerksim.scenario import load_scenario
from netwerksim.sweeps import SweepError, run_point
from netwerksim.sweeps import ema_model as ema_model_via_sweeps

pytestmark = pytest.mark.filterwarnings("ignore:ipyparallel not installed:UserWarning")
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def ema():
    """EMA workbench, imported when a test of this module runs, not at collection: its import logs the calling frames
    of every decorated method (about 10 s here), which every pytest process that collects the suite would pay."""
    return pytest.importorskip("ema_workbench")


@pytest.fixture(scope="module")
def ours(ema):
    """netwerksim.ema (it imports EMA workbench as it loads)."""
    import netwerksim.ema  # noqa: PLC0415

    return netwerksim.ema


SPACE = ('"trust.forgetting" = { low = 0.9, high = 1.0 }\n"meeting.accountability_share" = { low = 0, high = 1 }\n'
         '"governance.mode" = { values = ["shared", "nao"] }')


def sweep_file(folder: Path, steps: int = 8, space: str = SPACE) -> Path:
    """A small zorgnetwerk sweep file for EMA workbench: 2 replications, seed 4, ``space`` as given."""
    path = folder / "ema.toml"
    path.write_text(textwrap.dedent("""
        [sweep]
        scenario = "zorgnetwerk"
        design = "lhs"
        samples = 3
        replications = 2
        seed = 4
        steps = {steps}
        metrics = ["dip", "trust_end", "vitality_mean"]
        [space]
        """).format(steps=steps) + space + "\n", encoding="utf-8")
    return path


def test_levers_constants_and_assignment_that_replaces(tmp_path, ema, ours):
    model = ours.ema_model(sweep_file(tmp_path), levers=["governance.mode"])
    assert [u.name for u in model.uncertainties] == ["trust__forgetting", "meeting__accountability_share"]
    assert [x.name for x in model.levers] == ["field__governance_mode"]
    assert {c.name for c in model.constants} == {"scenario", "steps", "fields", "metrics"}
    model.uncertainties = [ema.RealParameter("trust__forgetting", 0.95, 1.0)]      # the EMA way: replaces
    assert [(u.name, u.lower_bound) for u in model.uncertainties] == [("trust__forgetting", 0.95)]
    with pytest.raises(SweepError, match=r"\['field__governance_mode'\] are both uncertainties and levers"):
        model.uncertainties = [ema.CategoricalParameter("field__governance_mode", ["shared", "nao"])]
    with pytest.raises(SweepError, match=r"trust__forgetting = \[0.1, 0.3\] leaves the parameter's range \[0.5, 1\]"):
        model.uncertainties = [ema.RealParameter("trust__forgetting", 0.1, 0.3)]
    with pytest.raises(SweepError, match="levers \\['governance.mood'\\] are not axes"):
        ours.ema_model(sweep_file(tmp_path), levers=["governance.mood"])


def test_every_replication_keeps_its_own_outcome(tmp_path, ema, ours):
    model = ours.ema_model(sweep_file(tmp_path), levers=["governance.mode"])
    policies = [ema.Sample(m, field__governance_mode=m) for m in ("shared", "nao")]
    with ema.SequentialEvaluator(model) as evaluator:
        experiments, outcomes = evaluator.perform_experiments(scenarios=2, policies=policies)
    assert outcomes["dip"].shape == (4, 2) and set(np.unique(outcomes["dip"])) <= {0.0, 1.0}
    runs = ours.per_replication(experiments, outcomes, model)
    assert len(runs) == 8 and runs["dip"].dtype == bool and ours.FAILED not in runs
    row = runs.iloc[3]          # experiment 1, replication 1: the same run by hand
    assert (row["replication"], row["seed"]) == (1, seeds(4, 2)[1])
    scenario = model.constants["scenario"].value
    by_hand = run_point(scenario, seed=int(row["seed"]), steps=8, fields={"m": "governance.mode"},
                        m=row["field__governance_mode"], trust__forgetting=row["trust__forgetting"],
                        meeting__accountability_share=row["meeting__accountability_share"])
    assert row["trust_end"] == by_hand["trust_end"] and row["dip"] == bool(by_hand["dip"])


def test_a_small_ema_workbench_experiment_runs_our_model(tmp_path, ema):
    path = sweep_file(tmp_path, space='"trust.forgetting" = { low = 0.9, high = 1.0 }\n"trust.negative_weight" = { low = 1.5, high = 4 }')
    model = ema_model_via_sweeps(path)
    with ema.SequentialEvaluator(model) as evaluator:
        experiments, outcomes = evaluator.perform_experiments(scenarios=3)
    assert len(experiments) == 3 and outcomes["trust_end"].shape == (3, 2)   # one value per replication
    first = experiments.iloc[0]
    by_hand = [run_point("zorgnetwerk", seed=s, steps=8, trust__forgetting=first["trust__forgetting"],
                         trust__negative_weight=first["trust__negative_weight"])["trust_end"] for s in seeds(4, 2)]
    assert outcomes["trust_end"][0].tolist() == pytest.approx(by_hand, rel=1e-12)


def test_scenario_fields_are_ema_workbench_uncertainties_too(tmp_path, ema):
    path = sweep_file(tmp_path, space='"trust.forgetting" = { low = 0.9, high = 1.0 }\n'
                               '"organisations[Ziekenhuis Rivierland].mandate" = { low = 0.2, high = 0.9 }\n'
                               '"governance.mode" = { values = ["shared", "nao"] }')
    model = ema_model_via_sweeps(path)
    mandate, mode = "field__organisations_Ziekenhuis_Rivierland__mandate", "field__governance_mode"
    assert {u.name for u in model.uncertainties} == {"trust__forgetting", mandate, mode}
    with ema.SequentialEvaluator(model) as evaluator:
        experiments, outcomes = evaluator.perform_experiments(scenarios=2)
    first = experiments.iloc[0]
    changed = load_scenario("zorgnetwerk").model_dump(mode="json")     # the fields set by hand
    changed["governance"]["mode"] = first[mode]
    next(o for o in changed["organisations"] if o["name"] == "Ziekenhuis Rivierland")["mandate"] = first[mandate]
    by_hand = [run_point(changed, seed=s, steps=8, trust__forgetting=first["trust__forgetting"])["vitality_mean"]
               for s in seeds(4, 2)]
    assert outcomes["vitality_mean"][0].tolist() == pytest.approx(by_hand, rel=1e-12)
    with pytest.raises(SweepError, match="invalid scenario"):
        run_point("zorgnetwerk", fields={"m": "governance.mode"}, m="anarchy")


FAILING = """
import sys
from ema_workbench import Constant, MultiprocessingEvaluator
from netwerksim.ema import ema_model, per_replication
if __name__ == "__main__":
    model = ema_model(sys.argv[1])
    model.constants = [*[c for c in model.constants if c.name != "fields"],
                       Constant("fields", {"trust__forgetting": "governance.mode"})]   # every run fails
    with MultiprocessingEvaluator(model, n_processes=2) as evaluator:
        experiments, outcomes = evaluator.perform_experiments(scenarios=3)
    print("returned")
    per_replication(experiments, outcomes)
"""


@pytest.mark.usefixtures("ema")
def test_failing_runs_end_the_pool_with_a_clear_error(tmp_path):
    """In EMA workbench 3.0 a raising run ends its pool worker unanswered and the pool waits forever;
    here the runs are reported as failed, the pool returns and per_replication names the failures."""
    script = tmp_path / "failing.py"
    script.write_text(FAILING, encoding="utf-8")
    done = subprocess.run([sys.executable, str(script), str(sweep_file(tmp_path, steps=4))], capture_output=True,
                          text=True, timeout=240)
    assert "returned" in done.stdout and done.returncode == 1
    assert "6 of 6 EMA runs failed" in done.stderr and done.stderr.count("netwerksim: EMA run failed") == 6


def guide_example() -> str:
    text = (ROOT / "docs" / "onderzoekersgids.md").read_text(encoding="utf-8")
    block = next(b for b in re.findall(r"```python\n(.*?)```", text, re.S) if "prim.Prim" in b)
    return block


@pytest.mark.slow
@pytest.mark.usefixtures("ema")
def test_the_guides_prim_example_runs(tmp_path):
    """The guide's scenario-discovery example, made small (4 scenarios, 30 weeks, 2 replications, 2 processes)."""
    code = guide_example()
    assert "SCENARIOS = 100" in code and 'ema_model("sweep_zorgnetwerk_ema"' in code
    code = code.replace("SCENARIOS = 100", "SCENARIOS = 4").replace(
        'ema_model("sweep_zorgnetwerk_ema"', 'ema_model(load_sweep("sweep_zorgnetwerk_ema", steps=30, replications=2)')
    script = tmp_path / "prim_example.py"
    script.write_text("from netwerksim.sweeps import load_sweep\n" + code, encoding="utf-8")
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=900, cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-3000:]
    assert re.search(r"\d+% van 24 runs heeft een netwerkdip", done.stdout), done.stdout
    assert "shared" in done.stdout and "nao" in done.stdout
