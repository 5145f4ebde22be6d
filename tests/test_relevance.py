"""A smallest relevant difference (issue 17): a difference reads 'verwaarloosbaar', 'relevant' or 'onzeker'
against it, from its 95% interval; constructed data, so the reading is known beforehand."""

from __future__ import annotations

import math

import numpy as np
import pytest

from netwerksim.cli import main
from netwerksim.compare import ComparisonError, comparison_for
from netwerksim.compare.command_line import parse_relevant
from netwerksim.compare import report as compare_report
from netwerksim.compare.document import markdown
from netwerksim.compare.statistics import relevance

from test_compare_report import _result as _comparison_result
from test_compare_report import _table


@pytest.mark.parametrize("low, high, reading", [
    (-0.03, 0.04, "negligible"),          # wholly inside ±0.05
    (0.06, 0.20, "relevant"), (-0.30, -0.05, "relevant"),   # wholly beyond, the edge included
    (0.01, 0.08, "uncertain"), (-0.34, -0.04, "uncertain"),  # across the edge
    (-0.05, 0.02, "uncertain"),           # touching the edge is not inside
    (-0.2, 0.3, "uncertain"),             # wider than the band on both sides
    (math.nan, math.nan, "uncertain"),    # no interval
])
def test_a_difference_reads_against_the_smallest_relevant_one_by_its_whole_interval(low, high, reading):
    assert relevance(low, high, 0.05) == reading


def _result(relevant):
    """Dips 14 against 20 of 30 paired runs, progress +0.4 in every pair, trust +0.001: clear but tiny."""
    table = _table(20, 14)
    table.loc[table["option"] == "shared", "trust_end"] = 0.601 + np.linspace(0, 1e-4, 30)
    return _comparison_result(table, relevant)


def test_the_report_reads_each_difference_against_the_threshold():
    result = _result(0.05)
    rows = result.summary.set_index(["option", "metric"])
    dip = rows.loc[("shared", "dip")]
    assert -0.40 < dip["diff_low"] < -0.05 < dip["diff_high"] < 0       # clear, but not wholly beyond 5 points
    assert rows.loc[("shared", "dip"), "relevance"] == "uncertain"
    assert rows.loc[("shared", "progress_total"), "relevance"] == "relevant"      # +0.4 in every pair
    assert rows.loc[("shared", "trust_end"), "relevance"] == "negligible"         # +0.001
    assert rows.loc[("lead", "dip"), "relevance"] == ""                          # the baseline: no difference
    text = markdown(compare_report.report_blocks(result, "nl", []))
    verdicts = {line.split(" | ")[0].lstrip("| "): line.rstrip(" |").rsplit(" | ", 1)[1]
                for line in text.splitlines() if line.startswith("| ") and line.count(" | ") == 4}
    assert verdicts["netwerkdip opgetreden"] == "onzeker"
    assert verdicts["voortgang opgaven"] == "relevant, gunstig"
    assert verdicts["vertrouwen aan het einde"] == "verwaarloosbaar"
    assert "bij een drempel van ±5 procentpunt: onzeker" in compare_report.answers(result, "nl")[0]
    assert "netwerkdip opgetreden ±5 procentpunt; voortgang opgaven ±0,05" in text        # the method says it
    english = compare_report.answers(result, "en")[0]
    assert "against a threshold of ±5 percentage points: uncertain" in english


def test_per_outcome_thresholds_and_none_leave_the_others_as_they_were():
    result = _result({"dip": 0.03})
    rows = result.summary.set_index(["option", "metric"])
    assert rows.loc[("shared", "dip"), "relevance"] == "relevant"        # wholly beyond 3 points
    assert rows.loc[("shared", "progress_total"), "relevance"] == ""
    plain = _result(None)
    assert (plain.summary["relevance"] == "").all()
    text = markdown(compare_report.report_blocks(plain, "nl", []))
    assert "bij een drempel van" not in text and "is opgegeven:" not in text


@pytest.mark.parametrize("relevant, field, says", [
    (0, "comparison.relevant", "greater than 0"),
    (2, "comparison.relevant", "value 2.0 for 'dip', a yes/no outcome"),
    ({"vitality@90": 0.1}, "comparison.relevant.vitality@90", "not an outcome of this comparison"),
    ({"dip": 1.5}, "comparison.relevant.dip", "give a share, e.g. 0.05 for 5 percentage points"),
])
def test_a_wrong_threshold_is_named_by_field_and_value(relevant, field, says):
    with pytest.raises(ComparisonError, match=r"test: field " + field.replace(".", r"\.").replace("@", "@") + ".*" + says):
        _result(relevant)


@pytest.mark.parametrize("value", ["0", "nan", "-0.1", "inf"])
def test_relevant_on_the_command_line_is_checked_before_anything_runs(value, capsys, tmp_path):
    out = tmp_path / "out"
    assert main(["compare", "zorgnetwerk", "--option", "a: mediation@1", "--relevant", value, "--workers", "1",
                 "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "comparison.relevant" in err and "Traceback" not in err and not out.exists()


@pytest.mark.parametrize("value, field", [("abc", "--relevant"), ("dip=0,05; vitality@90=x", "--relevant"),
                                          ("dip=0.05, vitality@90=0.02", "comparison.relevant.vitality@90"),
                                          ("dip=0", "comparison.relevant.dip")])
def test_relevant_per_outcome_on_the_command_line_is_checked_before_anything_runs(value, field, capsys, tmp_path):
    out = tmp_path / "out"
    assert main(["compare", "zorgnetwerk", "--option", "a: mediation@1", "--relevant", value, "--workers", "1",
                 "--metrics", "dip,progress_total", "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert field in err and "Traceback" not in err and not out.exists()


@pytest.mark.parametrize("text, expected", [
    ("0.05", 0.05), ("0,05", 0.05),
    ("dip=0.05, trust[A->B]@52-104=0.02", {"dip": 0.05, "trust[A->B]@52-104": 0.02}),
    ("dip=0,05; vitality@52-104=0,02", {"dip": 0.05, "vitality@52-104": 0.02}),
])
def test_relevant_is_one_number_or_one_per_outcome(text, expected):
    assert parse_relevant(text) == expected


def test_an_outcome_without_a_threshold_gets_no_reading_when_others_have_one():
    c = comparison_for("zorgnetwerk", options=["a: mediation@1"], metrics=["dip", "progress_total"],
                       relevant={"dip": 0.05})
    assert c.relevant == {"dip": 0.05}
