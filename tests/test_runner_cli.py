"""`netwerksim run` and the results folder people open."""

import json
import subprocess
import sys

import pandas as pd

from netwerksim import load_result, run
from netwerksim.report import story


def test_run_writes_every_output_and_the_files_agree(tmp_path):
    out = tmp_path / "res"
    proc = subprocess.run([sys.executable, "-m", "netwerksim.cli", "run", "zorgnetwerk", "--steps", "70",
                           "--seed", "4", "--out", str(out), "--lang", "en"], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert "results:" in proc.stdout
    names = {p.name for p in out.iterdir()}
    assert {"timeseries.parquet", "organisations.parquet", "events.jsonl", "manifest.json", "report.md",
            "indicators.png", "progress.png", "organisations.png", "scenario.json"} <= names
    ts = pd.read_parquet(out / "timeseries.parquet")
    assert list(ts["week"]) == list(range(71))
    orgs = pd.read_parquet(out / "organisations.parquet")
    assert len(orgs) == 71 * 7
    events = [json.loads(line) for line in (out / "events.jsonl").read_text().splitlines()]
    assert events and all({"step", "type", "label_nl", "label_en"} <= e.keys() for e in events)
    assert {"staff_shortage", "funding_ends"} <= {e.get("name") for e in events}
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["seed"] == 4 and manifest["steps"] == 70 and len(manifest["scenario_hash"]) == 64
    assert manifest["parameters"]["trust.forgetting"] == 0.98
    report = (out / "report.md").read_text()
    assert "Simulation report" in report and "Staff shortage" in report
    again = load_result(out)
    pd.testing.assert_frame_equal(again.timeseries, run("zorgnetwerk", seed=4, steps=70).timeseries)


def test_report_in_dutch(tmp_path):
    folder = run("zorgnetwerk", seed=1, steps=40).save(tmp_path / "nl", lang="nl", plots=False)
    text = (folder / "report.md").read_text()
    assert "Verslag van de simulatie" in text and "Personeelstekort" in text


def test_the_story_names_the_peak_week_or_says_the_start_was_the_peak():
    # falls from week 0 (wijkteam seed 0; achterhoek_analyse seed 3 until 7 Dec, when its people were no longer
    # described as tired)
    rising, falling = run("zorgnetwerk", seed=1), run("wijkteam", seed=0)
    assert rising.timeseries["vitality"].idxmax() > 0 and falling.timeseries["vitality"].idxmax() == 0
    assert "reaches" in story(rising, "en")[0] and "in week" in story(rising, "en")[0]
    assert story(falling, "en")[0].endswith("it never gets higher.") and "week" not in story(falling, "en")[0]


def test_list_and_validate():
    listing = subprocess.run([sys.executable, "-m", "netwerksim.cli", "list"], capture_output=True, text=True)
    assert listing.returncode == 0 and "zorgnetwerk" in listing.stdout and "Regionaal zorgnetwerk" in listing.stdout
    ok = subprocess.run([sys.executable, "-m", "netwerksim.cli", "validate", "zorgnetwerk"], capture_output=True, text=True)
    assert ok.returncode == 0 and "valid" in ok.stdout
