"""The comparison's intervals (coverage checked by simulation) and the report's first page as a client reads it."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from netwerksim.compare import EXPERIMENT_DIR, build
from netwerksim.compare import report as compare_report
from netwerksim.compare.document import PageBreak, markdown
from netwerksim.compare.running import ComparisonResult
from netwerksim.compare.statistics import paired_share_difference, share_interval, summarise

REPETITIONS = 1000


# --- yes/no outcomes: Wilson and Newcombe ----------------------------------------------------------------------
@pytest.mark.parametrize("yes, n, low, high", [(30, 30, 0.886, 1.0), (2, 30, 0.018, 0.213), (0, 30, 0.0, 0.114)])
def test_a_share_of_runs_gets_a_wilson_interval_never_a_single_point(yes, n, low, high):
    """30 dips in 30 runs is 89-100%, not '100% - 100%'; 2 of 30 is 2-21% (Wilson; exact Clopper-Pearson 0.8-22%)."""
    est = share_interval(np.array([1.0] * yes + [0.0] * (n - yes)))
    assert est.method == "wilson" and est.count == yes and est.value == yes / n
    assert est.low == pytest.approx(low, abs=1e-3) and est.high == pytest.approx(high, abs=1e-3)
    assert est.high - est.low > 0.1


@pytest.mark.parametrize("p", [0.47, 0.67])   # the example: a netwerkdip in 47% against 67% of 30 runs
def test_the_wilson_interval_covers_a_known_share_in_93_to_97_percent_of_1000_repetitions(p):
    rng = np.random.default_rng(17)
    hits = 0
    for _ in range(REPETITIONS):
        est = share_interval((rng.random(30) < p).astype(float))
        hits += est.low <= p <= est.high
    assert 0.93 <= hits / REPETITIONS <= 0.97


def test_the_wilson_interval_s_exact_coverage_over_every_share_at_30_runs():
    """Exact, not simulated: Wilson's coverage oscillates with the share (a known property, Brown, Cai & DasGupta
    2001) but stays within 92-98% at 30 runs and averages 95%; a clipped t-interval drops to 0 near 0% and 100%."""
    n, ks = 30, np.arange(31)
    bounds = [stats.binomtest(int(k), n).proportion_ci(0.95, "wilson") for k in ks]
    coverage = []
    for p in np.linspace(0.02, 0.98, 49):
        inside = np.array([b.low <= p <= b.high for b in bounds])
        coverage.append(stats.binom.pmf(ks, n, p)[inside].sum())
    assert 0.92 <= min(coverage) and max(coverage) <= 0.985
    assert np.mean(coverage) == pytest.approx(0.95, abs=0.01)


@pytest.mark.parametrize("pairing", ["independent", "same seed"])
def test_newcombes_paired_difference_covers_the_true_difference_in_93_to_97_percent(pairing):
    """47% against 67% of 30 paired runs, pairs independent or as strongly tied as common random numbers make them."""
    rng = np.random.default_rng(15)
    hits = 0
    for _ in range(REPETITIONS):
        u = rng.random(30)
        v = u if pairing == "same seed" else rng.random(30)
        d = paired_share_difference((u < 0.47).astype(float), (v < 0.67).astype(float))
        hits += d.low <= -0.20 <= d.high
    assert 0.93 <= hits / REPETITIONS <= 0.97


def test_a_paired_difference_of_all_against_none_is_not_a_point():
    d = paired_share_difference(np.zeros(30), np.ones(30))
    assert d.value == -1.0 and d.low == -1.0 and -1.0 < d.high < -0.8 and d.clear


def test_identical_runs_have_no_clear_difference():
    runs = np.array([1.0, 0, 1, 1, 0, 0, 1, 0, 1, 1])
    d = paired_share_difference(runs, runs)
    assert d.value == 0 and d.low < 0 < d.high and not d.clear


# --- the report ----------------------------------------------------------------------------------------------
def _result(table: pd.DataFrame, relevant=None) -> ComparisonResult:
    c = build({"comparison": {"scenario": "zorgnetwerk", "replications": 30, "steps": 20, "relevant": relevant,
                              "question_nl": "Komt er minder vaak een netwerkdip met gedeelde regie?",
                              "metrics": ["dip", "progress_total", "trust_end", "organisations_left"]},
               "options": {"lead": {"label_nl": "Leidende organisatie"},
                           "shared": {"label_nl": "Gedeelde regie",
                                      "set": {"governance.mode": "shared", "governance.lead": ""}}}},
              "test", EXPERIMENT_DIR)
    summary = summarise(table, ["lead", "shared"], "lead", {m: c.metric(m) for m in c.metrics}, c.relevant)
    return ComparisonResult(c, table, summary, pd.DataFrame(), 0.0, 1)


def _table(dips_lead: int, dips_shared: int) -> pd.DataFrame:
    """30 paired runs: the first ``dips_*`` of each option with a dip; progress a little higher with shared."""
    rng = np.random.default_rng(3)
    progress = rng.normal(2.0, 0.3, 30)
    rows = []
    for option, dips, shift in (("lead", dips_lead, 0.0), ("shared", dips_shared, 0.4)):
        for r in range(30):
            rows.append({"option": option, "replication": r, "dip": float(r < dips),
                         "progress_total": progress[r] + shift, "trust_end": 0.6, "organisations_left": 0.0})
    return pd.DataFrame(rows)


def test_page_one_answers_the_question_in_one_sentence_per_option_with_the_paired_difference():
    blocks = compare_report.report_blocks(_result(_table(20, 14)), "nl", [])
    page = markdown(compare_report.first_page(blocks))
    assert "Komt er minder vaak een netwerkdip met gedeelde regie?" in page
    sentence = compare_report.answers(_result(_table(20, 14)), "nl")[0]
    # 14 against 20 of 30 paired runs: -20 percentage points, Newcombe's interval inside (-1, 0)
    assert sentence.startswith("Met Gedeelde regie komt een netwerkdip minder vaak voor: 47% tegen 67% van de runs")
    low, high = (int(x) for x in re.search(r"95%: −(\d+) tot −(\d+)\)", sentence).groups())
    assert 20 < low < 40 and 0 < high < 20
    assert "gunstig: voortgang opgaven hoger" in sentence          # the other clear key outcome, named
    # what a director must not meet on page one: field paths, code, HTML, source references, point intervals
    for text in ("governance.", "`", "<br>", "<small>", " L4", "100% – 100%", "100%–100%"):
        assert text not in page, text
    assert sum(isinstance(b, PageBreak) for b in blocks) >= 2


def test_a_first_outcome_that_has_no_value_in_the_runs_is_said_to_be_unmeasured_not_printed_as_dashes():
    """Trust at the end in a network where every partner left: no value to compare (seen in ziekenhuisalliantie,
    where the sentence read 'gemiddeld – tegen – (verschil –)')."""
    table = _table(20, 14)
    table.loc[table.replication >= 1, "trust_end"] = np.nan                   # a value in 1 of the 30 runs each
    c = build({"comparison": {"scenario": "zorgnetwerk", "replications": 30, "steps": 20,
                              "metrics": ["trust_end", "dip", "progress_total"]},
               "options": {"lead": {}, "shared": {"label_nl": "Gedeelde regie",
                                                  "set": {"governance.mode": "shared", "governance.lead": ""}}}},
              "test", EXPERIMENT_DIR)
    summary = summarise(table, ["lead", "shared"], "lead", {m: c.metric(m) for m in c.metrics}, c.relevant)
    sentence = compare_report.answers(ComparisonResult(c, table, summary, pd.DataFrame(), 0.0, 1), "nl")[0]
    assert sentence.startswith("Met Gedeelde regie is het vertrouwen aan het einde niet te vergelijken: er is een waarde "
                               "in 1 van de 30 runs, tegen 1 in de vergelijkingsbasis")
    assert "–" not in sentence.split(":")[1].split(";")[0]
    assert "gunstig: netwerkdip opgetreden lager en voortgang opgaven hoger" in sentence   # the rest still said


def test_an_outcome_in_every_run_reads_as_such_and_never_as_a_point_interval():
    result = _result(_table(30, 30))
    text = markdown(compare_report.report_blocks(result, "nl", []))
    assert "100% (89%–100%)" in text and "100%–100%" not in text and "100% – 100%" not in text
    assert "0,60 (alle runs)" in text                                   # trust 0.6 in every run: said, no interval
    sentence = compare_report.answers(result, "nl")[0]
    assert "niet duidelijk vaker of minder vaak" in sentence


def test_the_appendix_not_the_client_text_holds_the_field_paths():
    text = markdown(compare_report.report_blocks(_result(_table(20, 14)), "nl", []))
    appendix = text[text.index("## Bijlage A"):]
    assert "governance.mode = shared" in appendix
    assert text.count("governance.mode") == appendix.count("governance.mode")


def test_a_spread_below_the_last_digit_shown_is_said_in_words_not_as_an_interval_from_x_to_x():
    table = _table(20, 14)
    table.loc[table["option"] == "shared", "trust_end"] = 0.6 + np.linspace(0, 1e-4, 30)   # the same to 2 digits
    text = markdown(compare_report.report_blocks(_result(table), "nl", []))
    assert "0,60 (vrijwel gelijk in alle runs)" in text and "0,60–0,60" not in text
    assert "+0,40 (alle runs)" in text            # progress differs by 0.4 in every pair (up to float rounding)
    table.loc[table["option"] == "shared", "trust_end"] = 0.6 + np.linspace(-1e-4, 1e-4, 30)  # around 0 either way
    text = markdown(compare_report.report_blocks(_result(table), "nl", []))
    assert "0,00 (vrijwel gelijk in alle runs)" in text and "0,00 tot 0,00" not in text
    assert not re.search(r"(\d+%?)–\1\)", text) and not re.search(r"([+−]\d+,\d+) tot \1\b", text)


def test_a_clear_difference_below_the_decimals_shown_is_called_negligible_not_favourable():
    """Trust higher by 0.001 in every pair: the interval excludes 0, but the report prints 0,00, so it must not say
    'gunstig', put the value in bold or name it in the answer."""
    table = _table(20, 14)
    table.loc[table["option"] == "shared", "trust_end"] = 0.601 + np.linspace(0, 1e-4, 30)
    result = _result(table)
    row = result.summary.set_index(["option", "metric"]).loc[("shared", "trust_end")]
    assert row["clear"] and row["diff_low"] > 0
    text = markdown(compare_report.report_blocks(result, "nl", []))
    negligible = [x for x in text.splitlines() if "verwaarloosbaar" in x]
    assert len(negligible) == 1 and negligible[0].startswith("| vertrouwen aan het einde |")
    assert "**0,60" not in text and "**2," in text                # trust not in bold, the clear progress is
    assert "vertrouwen" not in compare_report.answers(result, "nl")[0]
