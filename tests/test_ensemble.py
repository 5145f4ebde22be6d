"""The generalisation study's parts (issue 13 item 7): designs drawn without running, the regression's verdicts.

The study itself (>= 200 generated networks run) is in tests/test_validation.py (make validate)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from netwerksim.cli import main
from netwerksim.generator import draw_design
from netwerksim.patterns.ensemble import DRIVERS, designs, fit


def test_designs_are_the_generators_own_design_values_and_repeat():
    frame = designs(30, seed=5)
    assert list(frame["network"]) == list(range(5, 35))
    assert frame.equals(designs(30, seed=5))
    for row in frame.itertuples():
        d = draw_design(row.network)
        assert row.organisations == d["organisations"] and row.governance == d["governance"]
        assert row.size == pytest.approx(np.log(d["organisations"]))
        assert row.separate_agreements == float(d["agreements"] == "separate")


def _synthetic(true: dict[str, float], n: int = 600, seed: int = 3) -> pd.DataFrame:
    """Designs of real generated networks with a dip drawn from a known logistic law of the standardised drivers."""
    frame = designs(n)
    z = sum(c * (frame[k] - frame[k].mean()) / frame[k].std() for k, c in true.items())
    frame["dip"] = (np.random.default_rng(seed).random(n) < 1 / (1 + np.exp(-(z - 0.3)))).astype(float)
    frame["got_going"] = 1.0
    return frame


def test_the_fit_finds_a_law_it_was_given_and_reports_a_wrong_direction_as_unsupported():
    fitted = fit(_synthetic({"size": 1.0, "accountability": 0.8, "turbulence": -0.8})).set_index("driver")
    assert fitted.loc["size", "low"] > 0.5 and fitted.loc["size", "supported"]
    assert fitted.loc["accountability", "low"] > 0.3 and fitted.loc["accountability", "supported"]
    assert fitted.loc["turbulence", "high"] < 0 and not fitted.loc["turbulence", "supported"]   # claimed +, given -
    # a claimed driver without effect: its interval straddles 0, so it is not supported either
    assert fitted.loc["separate_agreements", "low"] < 0 < fitted.loc["separate_agreements", "high"]
    assert not fitted.loc["separate_agreements", "supported"]
    assert fitted.loc["mandate", "sign"] == 0 and np.isnan(fitted.loc["mandate", "supported"])


def test_the_fit_reads_only_the_networks_that_got_going():
    """003 L4604-4606: a dip follows an energetic start; networks that never rose do not enter the fit."""
    frame = _synthetic({"size": 1.0}, n=400)
    flat = designs(200, seed=400).assign(dip=0.0, got_going=0.0)   # never rose: no dip, whatever their size
    flat.loc[flat["size"] < flat["size"].median(), "dip"] = 1.0     # would reverse the law if they counted
    alone, mixed = fit(frame), fit(pd.concat([frame, flat], ignore_index=True))
    assert np.allclose(alone["coef"], mixed["coef"]) and np.allclose(alone["low"], mixed["low"])
    assert not np.allclose(fit(pd.concat([frame, flat], ignore_index=True), among=None)["coef"], alone["coef"])


def test_every_claimed_driver_names_its_source_and_controls_claim_nothing():
    for d in DRIVERS:
        assert d.sign in (-1, 0, 1)
        assert bool(d.source) == bool(d.sign), d.name
        if d.sign:
            assert d.source.startswith("003 L"), d.name


@pytest.mark.parametrize("value", ["-1", "100001"])
def test_a_bad_ensemble_size_exits_2_naming_the_option(value, tmp_path, capsys):
    assert main(["patterns", "--ensemble", value, "--out", str(tmp_path / "v")]) == 2
    assert "--ensemble" in capsys.readouterr().err


def test_the_report_shows_each_driver_with_its_interval_and_verdict(tmp_path):
    from netwerksim.patterns.engine import Validation
    from netwerksim.patterns.report import ensemble_section

    frame = _synthetic({"size": 1.0})
    frame["never_gets_going"] = 0.0
    v = Validation(results=[], settings={}, ensemble=frame, ensemble_fit=fit(frame))
    nl = "\n".join(ensemble_section(v, "nl"))
    assert f"{len(frame)} gegenereerde netwerken" in nl and f"{int(frame['dip'].sum())} met een netwerkdip" in nl
    assert f"de {len(frame)} die op gang kwamen" in nl
    rows = [line for line in nl.splitlines() if line.startswith("| ") and "003 L" in line]
    assert len(rows) == sum(1 for d in DRIVERS if d.sign) and all(line.endswith(("| ja |", "| nee |")) for line in rows)
    assert "omvang (log aantal organisaties) (003 L4628-4630" in nl and "," in rows[0]   # Dutch decimal commas
    assert ensemble_section(Validation(results=[], settings={}), "nl") == []


def test_too_few_networks_to_estimate_support_nothing():
    frame = designs(12)
    frame["dip"] = (np.arange(12) % 2).astype(float)          # 11 drivers, 12 networks: perfectly separable
    frame["got_going"] = 1.0
    fitted = fit(frame)
    assert fitted["coef"].isna().all() and not fitted.loc[fitted["sign"] != 0, "supported"].any()
    frame["dip"] = 0.0
    assert fit(frame)["coef"].isna().all()


@pytest.mark.slow
def test_patterns_command_runs_the_ensemble_and_writes_it(tmp_path, monkeypatch):
    import dataclasses

    from netwerksim import cli
    from netwerksim.patterns import load_all

    registry = load_all()
    p = registry["003-separate-agreements"]   # a cheap copy: 3 seeds, 6 weeks; the ensemble is what is tested
    short = {k: dataclasses.replace(v, steps=6) for k, v in (("arm", p.arm), ("contrast", p.contrast)) if v}
    monkeypatch.setitem(registry, "003-tiny", dataclasses.replace(p, id="003-tiny", seeds=3, **short))
    out = tmp_path / "v"
    assert cli.main(["patterns", "003-tiny", "--no-mutations", "--ensemble", "12", "--workers", "2",
                     "--out", str(out)]) == 0
    frame = pd.read_csv(out / "ensemble.csv")
    assert list(frame["network"]) == list(range(12)) and set(frame["dip"]) <= {0.0, 1.0}
    assert len(pd.read_csv(out / "ensemble_fit.csv")) == len(DRIVERS)
    report = (out / "validation.md").read_text(encoding="utf-8")
    assert "## Generalisatie: gegenereerde netwerken" in report and "12 gegenereerde netwerken" in report
    assert "Te weinig netwerken om te schatten" in report      # 11 drivers over 12 networks cannot be estimated
