"""The full validation (make validate; issue 15): every registered pattern holds at the defaults, every named cause
switched off kills its pattern, and the defaults lie in the region where all patterns hold at once.

``make validate`` runs ``netwerksim patterns`` with the mutation matrix, robustness and the all-patterns sweep and
points ``NETWERKSIM_VALIDATION`` at its results folder; these tests read that folder. Without it they run the
registry themselves (mutation matrix and an 8-point sweep: slow).
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

import pandas as pd
import pytest

from netwerksim.params import PARAMETERS
from netwerksim.patterns import evaluate, load_all
from netwerksim.patterns.report import table

pytestmark = pytest.mark.validate


@lru_cache(maxsize=1)
def results() -> tuple[pd.DataFrame, pd.DataFrame]:
    """(patterns.csv, calibration.csv) of the validation run."""
    folder = os.environ.get("NETWERKSIM_VALIDATION")
    if folder:
        return pd.read_csv(Path(folder) / "patterns.csv"), pd.read_csv(Path(folder) / "calibration.csv")
    v = evaluate(list(load_all().values()), calibration=8, calibration_seeds=10, workers=os.cpu_count() or 1)
    return table(v), v.calibration


def test_every_registered_pattern_was_run_and_holds_at_the_defaults():
    """...except those registered as not reproduced (``reproduced=False``), which must still fail: strict."""
    rows, _ = results()
    base = rows[rows["variant"] == "baseline"].set_index("pattern")
    assert set(base.index) == set(load_all())
    expected = pd.Series({pid: p.reproduced for pid, p in load_all().items()})
    holds = base["holds"].astype(bool)
    assert (holds == expected[holds.index]).all(), {pid: (bool(holds[pid]), bool(expected[pid]))
                                                    for pid in holds.index if holds[pid] != expected[pid]}


def test_switching_off_any_named_cause_makes_its_pattern_fail_but_where_declared_it_survives():
    """Each named cause switched off kills its pattern, except the survivors a pattern declares (``survives``: measured,
    its cause not earned, flagged in the report and the ledger), and exactly those."""
    rows, _ = results()
    off = rows[rows["variant"].str.startswith("off:")]
    expected = {(p.id, f"off:{n}") for p in load_all().values() for n in p.links}
    assert set(zip(off["pattern"], off["variant"])) == expected
    survivors = off[off["holds"].astype(bool)]
    declared = {(p.id, f"off:{n}") for p in load_all().values() for n in p.survives}
    found = set(zip(survivors["pattern"], survivors["variant"]))
    assert found == declared, {"survived, not declared": sorted(found - declared),
                               "declared, now killed (the cause is earned: drop it from survives)": sorted(declared - found)}


@pytest.mark.xfail(strict=True, reason=(
    "not reproduced (docs/model.md §1 item 14, 7 Dec, main 8b4faed): 64 points over the Morris parameters' bounds, 10 "
    "seeds a pattern: no point keeps every pattern (0 of 64, 95% 0-6%; 14-31 of 35 hold at a point), and none without "
    "the four that miss their thresholds at the defaults with 10 seeds. Strict: the day a region is found with the "
    "defaults inside this turns red and the marker goes."))
def test_the_defaults_lie_in_the_region_where_all_patterns_hold():
    rows, calibration = results()
    accepted = calibration[calibration["all_hold"].astype(bool)]
    assert len(accepted) > 0, "no point of the sweep keeps every pattern"
    space = [c for c in calibration.columns if c in PARAMETERS]
    for name in space:
        assert accepted[name].min() <= PARAMETERS[name].default <= accepted[name].max(), name
    reproduced = [pid for pid, p in load_all().items() if p.reproduced]
    base = rows[rows["variant"] == "baseline"].set_index("pattern")
    assert base.loc[reproduced, "holds"].astype(bool).all()


@pytest.mark.xfail(strict=True, reason=(
    "not reproduced (docs/model.md 7.21, 200 networks, 7 Dec, diversity on, fitted over the 88 that got going): "
    "accountability +1.19 [+0.34, +2.05] and a changing context +1.14 [+0.16, +2.11] are supported; size +0.79 "
    "[-0.10, +1.67], a lead organisation +0.39 [-0.46, +1.25], separate agreements +0.87 [-0.08, +1.82] and routines "
    "-0.42 [-1.59, +0.74] point the source's way but their intervals include 0 (74 of the 88 dip); with 5 run seeds a "
    "network (1,000 runs, pooled) a lead organisation +0.38 [-0.36, +1.13] and routines -0.41 [-0.98, +0.15] still do: "
    "weak effects, not too few runs. "
    "Strict: the day the model earns the claim this turns red and the marker goes."))
def test_across_generated_networks_the_chance_of_a_dip_follows_every_driver_the_source_names():
    """Issue 13 item 7: over >= 200 generated networks (one run each) the logistic regression of a dip on the design
    values, among the networks that got going (a dip follows an energetic start, 003 L4604-4606), puts each claimed
    driver's whole 95% interval on the side 003 L4612-4672 gives (size, accountability
    demand, a changing context, a lead organisation instead of shared leadership, separate performance agreements;
    and, protecting, an existing network's anchored light routines: 003 L2591-2611, L4856-4894)."""
    folder = os.environ.get("NETWERKSIM_VALIDATION")
    if folder:
        frame, fitted = pd.read_csv(Path(folder) / "ensemble.csv"), pd.read_csv(Path(folder) / "ensemble_fit.csv")
    else:
        from netwerksim.patterns.ensemble import fit, run_ensemble

        frame = run_ensemble(200, workers=os.cpu_count() or 1)
        fitted = fit(frame)
    assert len(frame) >= 200
    claimed = fitted[fitted["sign"] != 0]
    assert set(claimed["driver"]) == {"size", "accountability", "turbulence", "lead_organisation", "separate_agreements",
                                      "routines"}
    unsupported = claimed[~claimed["supported"].astype(bool)]
    assert unsupported.empty, unsupported[["driver", "sign", "coef", "low", "high"]].to_string()
