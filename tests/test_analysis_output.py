"""Analysis you can trust (issue 18 item 6): labels apart, uncertain indices flagged, typed and described
columns, one results file, the report in the language asked for."""

from __future__ import annotations

import textwrap
from itertools import combinations

import matplotlib
import pandas as pd
import pyarrow.parquet as pq
import pytest

import netwerksim
from netwerksim.sensitivity import index_figure, uncertain
from netwerksim.sweeps import Store

matplotlib.use("Agg")


def morris_rows(points: list[tuple[str, float, float, float]]) -> pd.DataFrame:
    rows = pd.DataFrame(points, columns=["parameter", "mu_star", "sigma", "mu_star_conf"])
    rows["mu"] = rows["mu_star"]
    rows["mu_star_uncertain"] = uncertain(rows["mu_star"], rows["mu_star_conf"])
    return rows


def test_morris_labels_never_overlap_even_for_equal_points():
    """Four parameters at the same (mu*, sigma) and two close by: no two drawn label boxes intersect."""
    rows = morris_rows([("trust.forgetting", 0.1, 0.05, 0.01), ("meeting.accountability_share", 0.1, 0.05, 0.01),
                        ("context.turbulence_decay", 0.1, 0.05, 0.2), ("meeting.base_attendance", 0.1, 0.05, 0.01),
                        ("dip.drop", 0.101, 0.0505, 0.01), ("value.exit_threshold", 0.3, 0.2, 0.05)])
    fig = index_figure(rows, "morris", "dip", "en")
    renderer = fig.canvas.get_renderer()
    names = set(rows["parameter"])
    boxes = [t.get_window_extent(renderer) for t in fig.axes[0].texts if t.get_text() in names]
    assert len(boxes) == 6
    assert not [(a, b) for a, b in combinations(boxes, 2) if a.overlaps(b)]


def test_interval_that_includes_zero_or_exceeds_the_index_is_uncertain():
    index = pd.Series([0.447, 0.5, -0.106, 0.3, 0.02])
    conf = pd.Series([0.756, 0.1, 0.05, 0.29, 0.01])
    assert uncertain(index, conf).tolist() == [True, False, True, False, False]


@pytest.fixture(scope="module")
def small_sobol(tmp_path_factory):
    folder = tmp_path_factory.mktemp("sobol")
    path = folder / "sweep.toml"
    path.write_text(textwrap.dedent("""
        [sweep]
        scenario = "zorgnetwerk"
        name_nl = "Kleine Sobol"
        name_en = "Small Sobol"
        design = "sobol"
        samples = 8
        replications = 1
        seed = 4
        steps = 40
        metrics = ["dip", "vitality_mean", "stuck_V1"]
        [space]
        "trust.forgetting" = { low = 0.9, high = 1.0 }
        "meeting.accountability_share" = { low = 0, high = 1 }
        """), encoding="utf-8")
    out = folder / "out"
    netwerksim.sweep(path, out=out, workers=2, chunk=7)
    return out


def test_results_are_one_file_with_booleans_units_and_descriptions(small_sobol):
    out = small_sobol
    assert not (out / "runs").exists()       # the parts were compacted into results.parquet
    table = pd.read_parquet(out / "results.parquet")
    assert len(table) == 8 * 4 and table["run_id"].tolist() == list(range(32))
    assert table["dip"].dtype == bool and table["stuck_V1"].dtype == bool
    assert table["vitality_mean"].dtype == float
    schema = pq.read_schema(out / "results.parquet")
    meta = {f.name: {k.decode(): v.decode() for k, v in (f.metadata or {}).items()} for f in schema}
    assert meta["trust.forgetting"]["unit"] == "1/week" and "trust" in meta["trust.forgetting"]["description"]
    assert meta["dip"]["unit"] == "true/false" and "vitality" in meta["dip"]["description"]
    assert meta["seed"]["description"] and all(m.get("description") for m in meta.values())
    assert sorted(Store(out).done().tolist()) == list(range(32))


def test_report_flags_wide_intervals_and_speaks_the_language_asked(small_sobol, tmp_path):
    result = netwerksim.analyse(small_sobol, lang="nl", out=tmp_path / "nl", metrics=["vitality_mean"])
    report = (tmp_path / "nl" / "analysis.md").read_text(encoding="utf-8")
    assert "Regionaal zorgnetwerk" in report
    assert "Regional care network" not in report
    flagged = result.indices[result.indices["S1_uncertain"] | result.indices["ST_uncertain"]]
    assert len(flagged) > 0          # N = 8: too few runs for sure indices
    assert "(?)" in report and "verhoog samples (nu 8)" in report and "32" in report
    english = netwerksim.analyse(small_sobol, lang="en", out=tmp_path / "en", metrics=["vitality_mean"])
    text = (tmp_path / "en" / "analysis.md").read_text(encoding="utf-8")
    assert "Regional care network" in text and "raise samples (now 8)" in text
    assert list(english.indices.columns[-2:]) == ["S1_uncertain", "ST_uncertain"]
