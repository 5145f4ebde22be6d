"""The comparison's fan charts and the report an advisor can hand to a client, in Dutch or English.

The report answers in plain words: the question, the options, the key outcomes with 95% intervals,
which differences from the baseline are clear (the interval of the paired difference excludes 0)
and which are not, the course over time, and the caveats of a model that is not a forecast.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import TYPE_CHECKING

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from .i18n import t  # noqa: E402
from .interventions import REGISTRY  # noqa: E402
from .metrics import SERIES, Metric  # noqa: E402

if TYPE_CHECKING:
    from .compare import ComparisonResult

COLOURS = ("#2c3e50", "#e67e22", "#27ae60", "#8e44ad", "#c0392b", "#2980b9", "#16a085", "#d35400", "#7f8c8d",
           "#f1c40f")


def number(value: float, fmt: str, lang: str, *, signed: bool = False) -> str:
    """A value as the metric prints it; a Dutch decimal comma; a difference of a share in percentage points.

    A share (format ``%``) stays within its natural bounds, [0, 1] or [-1, 1] for a difference: the
    t-interval of a 0/1 outcome over few runs can reach past them.
    """
    if value != value:
        return "–"
    if fmt.endswith("%"):
        value = min(max(value, -1.0 if signed else 0.0), 1.0)
    if signed and fmt.endswith("%"):
        text, unit = f"{value * 100:+.0f}", t("compare.pp", lang)
    else:
        text, unit = format(value, ("+" if signed else "") + fmt), ""
    text = text.replace("-", "−")
    return (text.replace(".", ",") if lang == "nl" else text) + unit


def write_fan_charts(result: "ComparisonResult", folder: Path, lang: str) -> list[str]:
    """One PNG per indicator: each option's median over the weeks and its 10-90% band."""
    c, bands = result.comparison, result.bands
    names = []
    for indicator in SERIES:
        fig, ax = plt.subplots(figsize=(10, 4.2))
        for e in c.scenario.events:      # the scenario's own timeline: the same for every option
            ax.axvline(e.at, color="#95a5a6", lw=0.8, ls="--")
        for colour, option in zip(COLOURS * 4, c.options):
            b = bands[(bands["option"] == option.name) & (bands["indicator"] == indicator)]
            ax.fill_between(b["week"], b["p10"], b["p90"], color=colour, alpha=0.15, lw=0)
            ax.plot(b["week"], b["p50"], color=colour, lw=2, label=option.label(lang))
            for e in option.events:
                ax.axvline(e["at"], color=colour, lw=1.2, ls=":")
        ax.set_title(t("compare.fan_title", lang, indicator=t(indicator, lang).capitalize()))
        ax.set_xlabel(t("week", lang))
        ax.set_xlim(0, c.steps)
        ax.legend(fontsize=8, loc="best")
        fig.tight_layout()
        name = f"fan_{indicator}.png"
        fig.savefig(folder / name, dpi=110)
        plt.close(fig)
        names.append(name)
    return names


def _difference(row, option_label: str, metric: Metric, lang: str) -> str:
    direction = t("compare.higher" if row.diff > 0 else "compare.lower", lang)
    verdict = ""
    if metric.better is not None:
        good = (row.diff > 0) == (metric.better == "higher")
        verdict = t("compare.favourable" if good else "compare.unfavourable", lang)
    return t("compare.diff_line", lang, option=option_label, metric=metric.label(lang), direction=direction,
             diff=number(row.diff, metric.fmt, lang, signed=True),
             low=number(row.diff_low, metric.fmt, lang, signed=True),
             high=number(row.diff_high, metric.fmt, lang, signed=True), verdict=verdict)


def report_lines(result: "ComparisonResult", lang: str, figures: list[str]) -> list[str]:
    """The report as Markdown lines."""
    c, s = result.comparison, result.summary
    metrics = {m: c.metric(m) for m in c.metrics}
    base = c.option(c.baseline)
    sc = c.scenario
    lines = [f"# {t('compare.title', lang)}: {c.text('name', lang)}", "",
             f"## {t('compare.the_question', lang)}", "", c.text("question", lang), "",
             f"## {t('compare.method_head', lang)}", "",
             t("compare.method", lang, scenario=sc.meta.name_nl if lang == "nl" else sc.meta.name_en,
               replications=c.replications, steps=c.steps, years=number(c.steps / 52, ".1f", lang),
               runs=c.replications * len(c.options)),
             ""]
    description = sc.meta.description_nl if lang == "nl" else sc.meta.description_en
    if description:
        lines += [f"> {description}", ""]
    lines += [f"## {t('compare.options', lang)}", ""]
    for o in c.options:
        mark = f" ({t('compare.baseline_mark', lang)})" if o.name == c.baseline else ""
        text = o.description(lang)
        lines.append(f"- **{o.label(lang)}**{mark}{': ' + text if text else ''}  \n"
                     f"  _{t('compare.changes', lang)}: {o.changes(lang)}_")
    lines += ["", f"## {t('compare.outcomes', lang)}", "", t("compare.outcomes_note", lang), "",
              f"| {t('compare.outcome', lang)} | " + " | ".join(o.label(lang) for o in c.options) + " |",
              "|---|" + "---:|" * len(c.options)]
    for m, metric in metrics.items():
        cells = []
        for o in c.options:
            r = s[(s["option"] == o.name) & (s["metric"] == m)].iloc[0]
            cells.append(f"{number(r['mean'], metric.fmt, lang)}<br><small>"
                         f"{number(r['low'], metric.fmt, lang)} – {number(r['high'], metric.fmt, lang)}</small>")
        lines.append(f"| {metric.label(lang)} | " + " | ".join(cells) + " |")
    lines += ["", f"**{t('compare.meanings', lang)}**", ""]
    lines += [f"- *{metric.label(lang)}*: {metric.meaning(lang)}" for metric in metrics.values()]

    lines += ["", f"## {t('compare.differences', lang, baseline=base.label(lang))}", "",
              t("compare.differences_note", lang, baseline=base.label(lang)), ""]
    others = s[s["option"] != c.baseline]
    labels = {o.name: o.label(lang) for o in c.options}
    clear = others[others["clear"]]
    lines += [f"### {t('compare.clear', lang)}", ""]
    lines += [f"- {_difference(r, labels[r.option], metrics[r.metric], lang)}" for r in clear.itertuples()] or \
             [t("compare.none_clear", lang)]
    lines += ["", f"### {t('compare.unclear', lang)}", ""]
    unclear = others[~others["clear"]]
    by_option = [(name, [metrics[m].label(lang) for m in unclear[unclear["option"] == name]["metric"]])
                 for name in labels if name != c.baseline]
    lines += [f"- **{labels[name]}**: {', '.join(found)}" for name, found in by_option if found] or \
             [t("compare.none_unclear", lang)]

    if figures:
        lines += ["", f"## {t('compare.course', lang)}", "", t("compare.course_note", lang), ""]
        lines += [f"![{f}]({f})" for f in figures]
    lines += ["", f"## {t('compare.caveats', lang)}", "", f"- {t('compare.caveat_model', lang)}",
              f"- {t('compare.caveat_interval', lang)}", f"- {t('compare.caveat_method', lang)}",
              f"- {t('compare.caveat_multiple', lang, count=len(others))}"]
    total = len(result.table)
    for m, metric in metrics.items():
        n = int(result.table[m].notna().sum())
        if n < total:
            lines.append(f"- {t('compare.caveat_missing', lang, metric=metric.label(lang), n=n, total=total)}")
    used = sorted({e["type"] for o in c.options for e in o.events} | {e.type for e in sc.events})
    if used:
        lines += ["", f"## {t('compare.entries', lang)}", ""]
        for name in used:
            entry = REGISTRY[name]
            label = entry.label_nl if lang == "nl" else entry.label_en
            text = entry.description_nl if lang == "nl" else entry.description_en
            lines.append(f"- **{label}**: {text} _({entry.source})_")
    lines += ["", f"## {t('compare.files', lang)}", "", t("compare.files_list", lang), ""]
    return lines


def write_report(result: "ComparisonResult", folder: Path, lang: str, figures: list[str]) -> None:
    (folder / "report.md").write_text("\n".join(report_lines(result, lang, figures)), encoding="utf-8")


def clear_differences(result: "ComparisonResult", lang: str) -> list[str]:
    """The clear differences as sentences (for the command line's summary)."""
    c, s = result.comparison, result.summary
    labels = {o.name: o.label(lang) for o in c.options}
    rows = s[(s["option"] != c.baseline) & s["clear"]]
    return [_difference(r, labels[r.option], c.metric(r.metric), lang).replace("**", "") for r in rows.itertuples()
            if not math.isnan(r.diff)]
