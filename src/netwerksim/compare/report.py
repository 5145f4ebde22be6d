"""The report an advisor hands to a client: the answer first, in Dutch or English, as Markdown and HTML.

Page one: the question, one sentence per option answering it on the first key outcome (with the paired
difference from the baseline and its 95% interval), and a small table of options by key outcomes. Then
one section per option, the course over time, the caveats; field paths, the method and the sources
are in the appendices, never in the client's text.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from ..i18n import number, t
from ..interventions import REGISTRY
from ..metrics import Metric
from .document import Block, Bullets, Figure, Heading, PageBreak, Paragraph, Table, markdown, to_html, to_pdf

if TYPE_CHECKING:
    from .running import ComparisonResult


class _Rows:
    """The summary looked up by (option, metric)."""

    def __init__(self, summary: pd.DataFrame):
        self._rows = {(r.option, r.metric): r for r in summary.itertuples(index=False)}

    def __getitem__(self, key: tuple[str, str]):
        return self._rows[key]


def estimate(row, metric: Metric, lang: str) -> str:
    """'47% (33–62%)', '2,30 (2,06–2,53)', '0,00 (alle runs)': the value with its 95% interval."""
    value = number(row.mean, metric.fmt, lang)
    if row.interval == "constant":
        return f"{value} ({t('compare.every_run', lang)})"
    if row.interval == "none":
        return value
    low, high = number(row.low, metric.fmt, lang), number(row.high, metric.fmt, lang)
    if low == high:                   # a spread smaller than the last digit shown: no 'x–x' interval
        return f"{value} ({t('compare.nearly_every_run', lang)})"
    return f"{value} ({low}–{high})"


def difference(row, metric: Metric, lang: str) -> str:
    """'−20 procentpunt (−35 tot −5)': the paired difference with its 95% interval."""
    d = number(row.diff, metric.fmt, lang, signed=True)
    if row.diff_interval == "constant":
        return t("compare.same_every_run", lang) if row.diff == 0 else f"{d} ({t('compare.every_run', lang)})"
    if row.diff_interval == "none":
        return d
    unit = t("compare.pp", lang)      # named once, after the difference: "−20 procentpunt, 95%: −35 tot −5"
    low = number(row.diff_low, metric.fmt, lang, signed=True).removesuffix(unit)
    high = number(row.diff_high, metric.fmt, lang, signed=True).removesuffix(unit)
    if low == high:                   # as printed, no interval: '0,00, 95%: 0,00 tot 0,00' says nothing
        return f"{d} ({t('compare.nearly_every_run', lang)})"
    return t("compare.diff_interval", lang, diff=d, low=low, high=high)


def clear(row, metric: Metric, lang: str) -> bool:
    """The difference is clear (its interval excludes 0) and shows as more than 0 at the precision printed: a
    difference that prints as '0,00' or '0 procentpunt' is never called favourable or put in bold."""
    return bool(row.clear) and number(row.diff, metric.fmt, lang, signed=True) != number(0.0, metric.fmt, lang,
                                                                                          signed=True)


def verdict(row, metric: Metric, lang: str) -> str:
    """'gunstig', 'ongunstig', 'anders' (clear, no better direction), 'verwaarloosbaar' (clear, but below the
    precision printed) or 'geen duidelijk verschil'; with a smallest relevant difference, its reading:
    'verwaarloosbaar', 'onzeker' or 'relevant' with the direction ('relevant, gunstig')."""
    if row.relevance:
        word = t(f"compare.relevance_{row.relevance}", lang)
        if row.relevance != "relevant" or metric.better is None:
            return word
        good = (row.diff > 0) == (metric.better == "higher")
        return f"{word}, {t('compare.favourable' if good else 'compare.unfavourable', lang)}"
    if row.clear and not clear(row, metric, lang):
        return t("compare.negligible", lang)
    if not row.clear:
        return t("compare.not_clear", lang)
    if metric.better is None:
        return t("compare.different", lang)
    good = (row.diff > 0) == (metric.better == "higher")
    return t("compare.favourable" if good else "compare.unfavourable", lang)


def answer(result: "ComparisonResult", option: str, lang: str) -> str:
    """One sentence: how the option differs from the baseline on the first key outcome, and what else is clear."""
    c, rows = result.comparison, _Rows(result.summary)
    head = c.key_metrics[0]
    metric = c.metric(head)
    r, base = rows[option, head], rows[c.baseline, head]
    label = c.option(option).label(lang)
    up = r.diff > 0
    if not r.diff_n >= 2:   # too few runs where both have a value (no partner left to measure, for instance)
        sentence = t("compare.answer_unmeasured", lang, option=label, noun=metric.noun(lang), n=int(r.n or 0),
                     base_n=int(base.n or 0), replications=c.replications)
        return _also(sentence[0].upper() + sentence[1:], c, rows, option, lang)
    if metric.yes_no:
        how = (t("compare.more_often" if up else "compare.less_often", lang) if clear(r, metric, lang)
               else t("compare.not_more_or_less_often", lang))
        key = "compare.answer_share"
    else:
        how = (t("compare.higher" if up else "compare.lower", lang) if clear(r, metric, lang)
               else t("compare.not_different", lang))
        key = "compare.answer_mean"
    sentence = t(key, lang, option=label, noun=metric.noun(lang), how=how, value=number(r.mean, metric.fmt, lang),
                 base=number(base.mean, metric.fmt, lang), difference=difference(r, metric, lang))
    sentence = sentence[0].upper() + sentence[1:]
    if r.relevance:
        sentence += "; " + t("compare.relevance_answer", lang, threshold=threshold(c.relevant[head], metric, lang),
                            word=t(f"compare.relevance_{r.relevance}", lang))
    return _also(sentence, c, rows, option, lang)


def _also(sentence: str, c, rows: "_Rows", option: str, lang: str) -> str:
    """The answer sentence ended with what else is clear among the key outcomes."""
    also = {"compare.favourable": [], "compare.unfavourable": [], "compare.different": []}
    for m in c.key_metrics[1:]:
        other, mm = rows[option, m], c.metric(m)
        if clear(other, mm, lang):
            word = "compare.different" if mm.better is None else (
                "compare.favourable" if (other.diff > 0) == (mm.better == "higher") else "compare.unfavourable")
            also[word].append(f"{mm.label(lang)} {t('compare.higher' if other.diff > 0 else 'compare.lower', lang)}")
    parts = [t(f"{w}_on", lang, outcomes=_join(found, lang)) for w, found in also.items() if found]
    if parts:
        sentence += "; " + t("compare.also", lang) + " " + "; ".join(parts)
    return sentence + "."


def threshold(relevant: float, metric: Metric, lang: str) -> str:
    """'±5 procentpunt', '±0,05': the smallest relevant difference as the report prints differences."""
    return "±" + number(relevant, metric.fmt, lang, signed=True).lstrip("+")


def _join(items: list[str], lang: str) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + t("compare.and", lang) + items[-1]


def key_table(result: "ComparisonResult", lang: str) -> Table:
    """Options by key outcomes: each value with its 95% interval, bold where clearly different from the baseline."""
    c, rows = result.comparison, _Rows(result.summary)
    body = []
    for o in c.options:
        cells = []
        for m in c.key_metrics:
            r = rows[o.name, m]
            text = estimate(r, c.metric(m), lang)
            cells.append(f"**{text}**" if clear(r, c.metric(m), lang) else text)
        mark = f" ({t('compare.baseline_mark', lang)})" if o.name == c.baseline else ""
        body.append((o.label(lang) + mark, *cells))
    return Table((t("compare.option", lang), *(c.metric(m).label(lang) for m in c.key_metrics)), tuple(body),
                 (False, *(True,) * len(c.key_metrics)))


def option_section(result: "ComparisonResult", option: str, lang: str) -> list[Block]:
    """What the option is, and every reported outcome beside the baseline's with the paired difference."""
    c, rows = result.comparison, _Rows(result.summary)
    o = c.option(option)
    is_base = option == c.baseline
    blocks: list[Block] = [Heading(3, o.label(lang) + (f" ({t('compare.baseline_mark', lang)})" if is_base else ""))]
    said = [o.description(lang)] if o.description(lang) else []
    if o.events:
        said.append(t("compare.what_happens", lang, what=_join(o.interventions(lang), lang)))
    if o.fields or o.params:
        said.append(t("compare.see_appendix", lang))
    if is_base and not (o.fields or o.params or o.events):
        said.append(t("compare.as_it_is", lang))
    blocks.append(Paragraph(" ".join(said)))
    if is_base:
        body = tuple((c.metric(m).label(lang), estimate(rows[option, m], c.metric(m), lang)) for m in c.metrics)
        blocks.append(Table((t("compare.outcome", lang), t("compare.value", lang)), body, (False, True)))
        return blocks
    body = []
    for m in c.metrics:
        metric, r = c.metric(m), rows[option, m]
        body.append((metric.label(lang), estimate(r, metric, lang), estimate(rows[c.baseline, m], metric, lang),
                     difference(r, metric, lang), verdict(r, metric, lang)))
    base = c.option(c.baseline).label(lang)
    blocks.append(Table((t("compare.outcome", lang), t("compare.this_option", lang), base,
                         t("compare.difference", lang), t("compare.verdict", lang)), tuple(body),
                        (False, True, True, True, False)))
    return blocks


def report_blocks(result: "ComparisonResult", lang: str, figures: list[str]) -> list[Block]:
    """The whole report: the answer on page one, then the options, the course, caveats and appendices."""
    c = result.comparison
    base = c.option(c.baseline).label(lang)
    years = number(c.steps / 52, ".1f", lang)
    blocks: list[Block] = [
        Heading(1, c.text("name", lang)),
        Paragraph(f"**{t('compare.the_question', lang)}** {c.text('question', lang)}"),
        Heading(2, t("compare.the_answer", lang)),
        Paragraph(t("compare.answer_intro", lang, baseline=base, replications=c.replications, years=years)),
        Bullets(tuple(answer(result, o.name, lang) for o in c.others())),
        key_table(result, lang),
        Paragraph(t("compare.table_note", lang, baseline=base)),
        PageBreak(),
        Heading(2, t("compare.per_option", lang)),
    ]
    for o in [c.option(c.baseline), *c.others()]:
        blocks += option_section(result, o.name, lang)
    if figures:
        blocks += [Heading(2, t("compare.course", lang)), Paragraph(t("compare.course_note", lang, baseline=base))]
        blocks += [Figure(f, t(f"compare.figure_{f.removeprefix('fan_').removesuffix('.png')}", lang))
                   for f in figures]
    others = len(c.others()) * len(c.metrics)
    caveats = [t("compare.caveat_model", lang), t("compare.caveat_interval", lang),
               t("compare.caveat_multiple", lang, count=others)]
    total = len(result.table)
    for m in c.metrics:
        n = int(result.table[m].notna().sum())
        if n < total:
            caveats.append(t("compare.caveat_missing", lang, metric=c.metric(m).label(lang), n=n, total=total))
    blocks += [Heading(2, t("compare.caveats", lang)), Bullets(tuple(caveats)), PageBreak()]
    return blocks + appendices(result, lang)


def appendices(result: "ComparisonResult", lang: str) -> list[Block]:
    """Method, what each option changes in the model, what the outcomes mean, the sources, the files."""
    c = result.comparison
    sc = c.scenario
    description = sc.meta.description_nl if lang == "nl" else sc.meta.description_en
    blocks: list[Block] = [
        Heading(2, t("compare.appendix_method", lang)),
        Paragraph(t("compare.method", lang, scenario=sc.meta.name_nl if lang == "nl" else sc.meta.name_en,
                    replications=c.replications, steps=c.steps, years=number(c.steps / 52, ".1f", lang),
                    runs=c.replications * len(c.options), seed=c.seed)),
    ]
    if description:
        blocks.append(Paragraph(description))
    blocks.append(Paragraph(t("compare.method_intervals", lang)))
    if c.relevant:
        thresholds = "; ".join(f"{c.metric(m).label(lang)} {threshold(r, c.metric(m), lang)}" for m, r in c.relevant.items())
        blocks.append(Paragraph(t("compare.method_relevant", lang, thresholds=thresholds)))
    blocks += [
               Heading(2, t("compare.appendix_settings", lang)),
               Bullets(tuple(f"**{o.label(lang)}** ({o.name}): " + "; ".join(o.settings(lang)) for o in c.options)),
               Heading(2, t("compare.appendix_meanings", lang)),
               Bullets(tuple(f"**{c.metric(m).label(lang)}** ({m}): {c.metric(m).meaning(lang)}" for m in c.metrics))]
    used = sorted({e["type"] for o in c.options for e in o.events} | {e.type for e in sc.events})
    if used:
        items = []
        for name in used:
            entry = REGISTRY[name]
            label, text = (entry.label_nl, entry.description_nl) if lang == "nl" else (entry.label_en, entry.description_en)
            items.append(f"**{label}** ({name}): {text} ({t('compare.source', lang)}: {entry.source})")
        blocks += [Heading(2, t("compare.appendix_entries", lang)), Bullets(tuple(items))]
    blocks += [Heading(2, t("compare.appendix_files", lang)), Paragraph(t("compare.files_list", lang))]
    return blocks


def first_page(blocks: list[Block]) -> list[Block]:
    """The blocks before the first page break: what a director reads."""
    return blocks[:next(i for i, b in enumerate(blocks) if isinstance(b, PageBreak))]


def write_report(result: "ComparisonResult", folder: Path, lang: str, figures: list[str], pdf: bool = False) -> None:
    """``report.md`` and ``report.html`` (the same report; the HTML with the charts inside, to send as one file);
    with ``pdf`` also ``report.pdf`` (the ``[pdf]`` extra)."""
    blocks = report_blocks(result, lang, figures)
    title = result.comparison.text("name", lang)
    (folder / "report.md").write_text(markdown(blocks), encoding="utf-8")
    (folder / "report.html").write_text(to_html(blocks, folder, title, lang), encoding="utf-8")
    if pdf:
        (folder / "report.pdf").write_bytes(to_pdf(blocks, folder, title, lang))


def answers(result: "ComparisonResult", lang: str) -> list[str]:
    """The answer sentences of page one, without markup (for the command line's summary)."""
    return [answer(result, o.name, lang) for o in result.comparison.others()]
