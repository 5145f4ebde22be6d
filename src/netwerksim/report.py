"""Plots and the human-readable report of one run, in Dutch or English.

Plots mark every event of the run (shocks, interventions, organisations leaving) as a vertical line,
so cause and course can be read together.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from .i18n import t  # noqa: E402

if TYPE_CHECKING:
    from .runner import RunResult

MAIN_INDICATORS = ("mean_trust", "mean_energy", "joint_contribution", "attendance", "perceived_value",
                   "coordination_load")
WEEKLY_RHYTHM = {"attendance", "coordination_load"}
EVENT_COLOURS = {"shock": "#c0392b", "intervention": "#27ae60", "governance": "#2980b9", "status": "#7f8c8d"}


def _mark_events(ax, result: "RunResult") -> None:
    for e in result.events:
        ax.axvline(e["step"], color=EVENT_COLOURS.get(e["type"], "#555"), lw=0.8, ls="--", alpha=0.6)


def write_plots(result: "RunResult", folder: Path, lang: str) -> list[str]:
    """Write the run's PNG plots into ``folder``; return their file names."""
    ts = result.timeseries
    names = []

    fig, axes = plt.subplots(2, 3, figsize=(13, 6.5), sharex=True)
    for ax, col in zip(axes.flat, MAIN_INDICATORS):
        series = ts[["week", col]].dropna()   # weeks without a meeting have no attendance
        if col in WEEKLY_RHYTHM:  # tables meet every few weeks: show the raw weeks faintly, a 4-week mean on top
            ax.plot(series["week"], series[col], color="#34495e", alpha=0.25, lw=0.8)
            ax.plot(series["week"], series[col].rolling(4, min_periods=1).mean(), color="#34495e")
        else:
            ax.plot(series["week"], series[col], color="#34495e")
        ax.set_title(t(col, lang))
        _mark_events(ax, result)
    for ax in axes[1]:
        ax.set_xlabel(t("week", lang))
    fig.suptitle(t("plot.indicators", lang))
    fig.tight_layout()
    fig.savefig(folder / "indicators.png", dpi=110)
    plt.close(fig)
    names.append("indicators.png")

    fig, (left, right) = plt.subplots(1, 2, figsize=(13, 4.5))
    issue_cols = [c for c in ts.columns if c.startswith("progress_")]
    labels = {f"progress_{i.id}": (i.name_nl if lang == "nl" else i.name_en) for i in result.scenario.issues}
    for col in issue_cols:
        left.plot(ts["week"], ts[col], label=labels.get(col, col))
    left.set_title(t("report.issues", lang))
    left.legend(fontsize=8)
    for col in ("economic_capital", "social_capital", "cultural_capital"):
        right.plot(ts["week"], ts[col] / max(ts[col].abs().max(), 1e-9), label=t(col, lang))
    right.set_title(t("plot.progress", lang))
    right.legend(fontsize=8)
    for ax in (left, right):
        ax.set_xlabel(t("week", lang))
        _mark_events(ax, result)
    fig.tight_layout()
    fig.savefig(folder / "progress.png", dpi=110)
    plt.close(fig)
    names.append("progress.png")

    fig, ax = plt.subplots(figsize=(8, 3.5))
    ax.stackplot(ts["week"], ts["active_organisations"], ts["dormant_organisations"], ts["exited_organisations"],
                 labels=[t("status.0", lang), t("status.1", lang), t("status.2", lang)],
                 colors=["#27ae60", "#f1c40f", "#c0392b"], alpha=0.8)
    ax.set_title(t("plot.organisations", lang))
    ax.set_xlabel(t("week", lang))
    ax.legend(loc="lower left", fontsize=8)
    fig.tight_layout()
    fig.savefig(folder / "organisations.png", dpi=110)
    plt.close(fig)
    names.append("organisations.png")
    return names


def summary_table(result: "RunResult", lang: str) -> list[tuple[str, float, float, float, float]]:
    """(label, start, end, lowest, highest) for each main indicator."""
    ts = result.timeseries
    rows = []
    for c in MAIN_INDICATORS:
        known = ts[c].dropna()
        rows.append((t(c, lang), known.iloc[0], known.iloc[-1], known.min(), known.max()) if len(known)
                    else (t(c, lang),) + (float("nan"),) * 4)
    return rows


def write_report(result: "RunResult", folder: Path, lang: str, figures: list[str]) -> None:
    sc, m = result.scenario, result.manifest
    name = sc.meta.name_nl if lang == "nl" else sc.meta.name_en
    description = sc.meta.description_nl if lang == "nl" else sc.meta.description_en
    lines = [f"# {t('report.title', lang)}: {name}", "", description, "",
             f"{t('report.scenario', lang)} `{m['scenario_hash'][:12]}`, {t('report.seed', lang)} {m['seed']}, "
             f"{m['steps']} {t('report.weeks', lang)}; {m['organisations']} org., {m['professionals']} prof.", "",
             f"## {t('report.summary', lang)}", "",
             f"| | {t('report.start', lang)} | {t('report.end', lang)} | {t('report.min', lang)} | {t('report.max', lang)} |",
             "|---|---:|---:|---:|---:|"]
    lines += [f"| {label} | {a:.2f} | {b:.2f} | {lo:.2f} | {hi:.2f} |" for label, a, b, lo, hi in summary_table(result, lang)]
    lines += ["", f"## {t('report.issues', lang)}", ""]
    last = result.timeseries.iloc[-1]
    for issue in sc.issues:
        lines.append(f"- {issue.name_nl if lang == 'nl' else issue.name_en}: {last[f'progress_{issue.id}']:.2f}")
    lines += ["", f"## {t('report.events', lang)}", ""]
    key = "label_nl" if lang == "nl" else "label_en"
    lines += [f"- {t('week', lang)} {e['step']}: {e[key]}" for e in result.events] or [t("report.no_events", lang)]
    final = result.organisations[result.organisations["week"] == result.organisations["week"].max()]
    lines += ["", f"## {t('report.organisations', lang)}", "",
              "| | status | " + " | ".join(t(c, lang) for c in ("joint_contribution", "perceived_value", "mean_trust")) + " |",
              "|---|---|---:|---:|---:|"]
    for row in final.head(40).itertuples():
        status = t(f"status.{['active', 'dormant', 'exited', 'pending'].index(row.status)}", lang)
        lines.append(f"| {row.organisation} | {status} | {row.contribution:.2f} | {row.perceived_value:.2f} | {row.trust_given:.2f} |")
    if figures:
        lines += ["", f"## {t('report.plots', lang)}", ""] + [f"![{f}]({f})" for f in figures]
    lines += ["", f"## {t('report.files', lang)}", "",
              "- `timeseries.parquet`, `organisations.parquet`, `events.jsonl`, `manifest.json`, `scenario.json`", ""]
    (folder / "report.md").write_text("\n".join(lines), encoding="utf-8")
