"""Plots and the human-readable report of one run, in Dutch or English.

Every plot shades the netwerkdips the detector found (from peak to doorstart or to the end of the
run) and marks every event (shocks, interventions, organisations going dormant, leaving or joining)
as a vertical line, so cause and course can be read together. The report tells the run's story:
start, dips and why they happened (the counterfactual replay of explain.py, a table per dip),
doorstarts, and where the network ends.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import TYPE_CHECKING

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from .i18n import decimal, t  # noqa: E402
from .observers.indicators import CONDITIONS, VITALITY_COMPONENTS  # noqa: E402

if TYPE_CHECKING:
    from .runner import RunResult

MAIN_INDICATORS = ("mean_trust", "mean_energy", "joint_contribution", "attendance", "perceived_value",
                   "coordination_load")
CHAIN = ("complexity", "coordination_load", "accountability", "structure_demand", "hierarchy", "ownership",
         "alignment", "existential_questions")   # the netwerkdip's causal chain, 003 L4626-4672
WEEKLY_RHYTHM = {"attendance", "coordination_load", "meeting_hours", "condition_organising"}
EVENT_COLOURS = {"shock": "#c0392b", "intervention": "#27ae60", "governance": "#2980b9", "status": "#7f8c8d"}
DIP_COLOUR = "#e67e22"
DOORSTART_COLOUR = "#117a8b"   # not the interventions' green: a doorstart is what the network did itself


def dips(result: "RunResult") -> list[tuple[int, int]]:
    """(start, end) of each netwerkdip; an open dip ends with the run."""
    return dip_spans(result.events, int(result.timeseries["week"].iloc[-1]))


def dip_spans(events: list[dict], last: int) -> list[tuple[int, int]]:
    """(start, end) of each netwerkdip in ``events``; an open dip ends at week ``last``."""
    return [(e["start"], e["end"] if e["end"] is not None else last) for e in events if e["type"] == "netwerkdip"]


def mark_dips_and_events(ax, result: "RunResult") -> None:
    """Shade the netwerkdips and draw a line at every shock, intervention, doorstart and start that never got
    going (report and app)."""
    for start, end in dips(result):
        ax.axvspan(start, end, color=DIP_COLOUR, alpha=0.15, lw=0)
    # one line per week and kind of event: a national network has thousands of status events in a few weeks,
    # and a line per event made its plots take minutes (84k lines for 4,677 events)
    marked = {*EVENT_COLOURS, "doorstart", "never_gets_going"}
    for step, kind in dict.fromkeys((e["step"], e["type"]) for e in result.events if e["type"] in marked):
        if kind in EVENT_COLOURS:
            ax.axvline(step, color=EVENT_COLOURS[kind], lw=0.8, ls="--", alpha=0.6)
        elif kind == "doorstart":
            ax.axvline(step, color=DOORSTART_COLOUR, lw=1.5)
        elif kind == "never_gets_going":
            ax.axvline(step, color=DIP_COLOUR, lw=1.5, ls=":")


def plot_indicator(ax, ts, col, **kw) -> None:
    """One time-series column against the week; what meets every few weeks also as a 4-week mean."""
    series = ts[["week", col]].dropna()   # weeks without a meeting have no attendance
    if col in WEEKLY_RHYTHM:  # tables meet every few weeks: the raw weeks faintly, a 4-week mean on top
        ax.plot(series["week"], series[col], alpha=0.25, lw=0.8, color=kw.get("color", "#34495e"))
        ax.plot(series["week"], series[col].rolling(4, min_periods=1).mean(), **{"color": "#34495e", **kw})
    else:
        ax.plot(series["week"], series[col], **{"color": "#34495e", **kw})


def _grid(result, folder, lang, columns, shape, title_key, name) -> str:
    ts = result.timeseries
    fig, axes = plt.subplots(*shape, figsize=(3.3 * shape[1], 3.2 * shape[0]), sharex=True)
    for ax, col in zip(axes.flat, columns):
        plot_indicator(ax, ts, col)
        ax.set_title(t(col, lang), fontsize=10)
        mark_dips_and_events(ax, result)
    for ax in axes[-1]:
        ax.set_xlabel(t("week", lang))
    fig.suptitle(t(title_key, lang))
    fig.tight_layout()
    fig.savefig(folder / name, dpi=110)
    plt.close(fig)
    return name


def _overlay(result, folder, lang, lines, title_key, name, height) -> str:
    """Several 0-1 indicators in one panel, with dips shaded and events marked."""
    fig, ax = plt.subplots(figsize=(11, height))
    for col, style in lines:
        plot_indicator(ax, result.timeseries, col, label=t(col, lang), **style)
    mark_dips_and_events(ax, result)
    ax.set_ylim(0, 1.02)
    ax.set_xlabel(t("week", lang))
    ax.set_title(t(title_key, lang))
    ax.legend(loc="lower left", fontsize=8, ncol=5)
    fig.tight_layout()
    fig.savefig(folder / name, dpi=110)
    plt.close(fig)
    return name


def write_plots(result: "RunResult", folder: Path, lang: str) -> list[str]:
    """Write the run's PNG plots into ``folder``; return their file names."""
    ts = result.timeseries
    names = []

    thin = dict(lw=0.9, alpha=0.7)
    lines = [(c, dict(color=colour, **thin)) for c, colour in zip(VITALITY_COMPONENTS, ("#8e44ad", "#2980b9", "#16a085", "#d35400"))]
    names.append(_overlay(result, folder, lang, [*lines, ("vitality", dict(color="#2c3e50", lw=2.5))],
                          "plot.vitality", "vitality.png", height=4.2))
    names.append(_grid(result, folder, lang, CHAIN, (2, 4), "plot.chain", "chain.png"))
    names.append(_grid(result, folder, lang, MAIN_INDICATORS, (2, 3), "plot.indicators", "indicators.png"))
    names.append(_overlay(result, folder, lang, [(c, dict(color=None)) for c in CONDITIONS],
                          "plot.conditions", "conditions.png", height=3.8))

    fig, (left, right) = plt.subplots(1, 2, figsize=(13, 4.5))
    labels = {f"progress_{i.id}": (i.name_nl if lang == "nl" else i.name_en) for i in result.scenario.issues}
    for col, label in labels.items():
        left.plot(ts["week"], ts[col], label=label)
    left.set_title(t("report.issues", lang))
    left.legend(fontsize=8)
    for col in ("economic_capital", "social_capital", "cultural_capital"):
        right.plot(ts["week"], ts[col] / max(ts[col].abs().max(), 1e-9), label=t(col, lang))
    right.set_title(t("plot.progress", lang))
    right.legend(fontsize=8)
    for ax in (left, right):
        ax.set_xlabel(t("week", lang))
        mark_dips_and_events(ax, result)
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


def summary_table(result: "RunResult", lang: str, columns=None) -> list[tuple[str, float, float, float, float]]:
    """(label, start, end, lowest, highest) for vitality and each main indicator (or the columns given)."""
    ts = result.timeseries
    rows = []
    for c in columns or ("vitality", *MAIN_INDICATORS):
        known = ts[c].dropna()
        rows.append((t(c, lang), known.iloc[0], known.iloc[-1], known.min(), known.max()) if len(known)
                    else (t(c, lang),) + (float("nan"),) * 4)
    return rows


def story(result: "RunResult", lang: str) -> list[str]:
    """The course of the run in a few sentences: start, each dip and doorstart, the end."""
    ts = result.timeseries
    v = ts["vitality"]
    key = f"label_{lang}"
    first_dip = next((e for e in result.events if e["type"] == "netwerkdip"), None)
    first_fall = next((e for e in result.events if e["type"] in ("netwerkdip", "never_gets_going")), None)
    if first_fall:   # the detector's (smoothed) peak, so story and event agree
        peak, peak_week = first_fall["peak"], first_fall["start"]
    else:
        peak, peak_week = v.max(), int(ts["week"].iloc[v.idxmax()])
    lines = [t("story.start_peak" if peak_week == 0 else "story.start", lang, v0=v.iloc[0], peak=peak, week=peak_week)]
    for e in result.events:
        if e["type"] == "netwerkdip":
            lines.append(t("story.dip", lang, week=e["detected"], text=e[key],
                           trough=decimal(e["trough"], lang), trough_week=e["trough_week"]))
        elif e["type"] in ("doorstart", "never_gets_going"):
            lines.append(t("story.doorstart", lang, week=e["step"], text=e[key]))
    if first_dip is None:
        lines.append(t("story.no_dip", lang))
    last = ts.iloc[-1]
    lines.append(t("story.end", lang, week=int(last["week"]), v=last["vitality"], active=int(last["active_organisations"]),
                   total=len(result.scenario.organisations) + sum(g.count for g in result.scenario.organisation_groups),
                   hierarchy=last["hierarchy"], alignment=last["alignment"]))
    return lines


def attribution_rows(attribution: dict, lang: str) -> list[tuple[str, float, float]]:
    """(what, vitality saved, share of the fall) per link, then all links together, the rest (overlap or
    reinforcement; not for Shapley values, which have none), what fell outside the chain and what switching off
    each cause besides the chain saved (explain.py)."""
    a = attribution
    rows = [(d[f"label_{lang}"], d["saved"], d["share"]) for d in a["drivers"]]
    rows.append((t("why.together", lang), a["together"], a["together"] / a["fall"] if a["fall"] > 0 else math.nan))
    if a["method"] == "drop_one":
        rows.append((t("why.rest", lang), a["rest"], a["rest_share"]))
    rows.append((t("why.rest_outside", lang), a["outside"], a["outside_share"]))
    rows += [(t("why.besides_row", lang, cause=d[f"label_{lang}"]), d["saved"], d["share"]) for d in a.get("besides", ())]
    return rows


def why_lines(dip: dict, n: int, lang: str) -> list[str]:
    """A dip's attribution as a heading, the method in one sentence and a Markdown table (report.md)."""
    a = dip["attribution"]
    lines = [f"### {t('why.head', lang, n=n, start=dip['start'], detected=dip['detected'])}", "",
             t(f"why.method_{a['method']}", lang, t0=a["snapshot_week"], lead=a["lead"], week=a["measured_week"],
               fall=decimal(a["fall"], lang)), "",
             f"| {t('why.link', lang)} | {t('why.saved', lang)} | {t('why.share', lang)} |", "|---|---:|---:|"]
    lines += [f"| {what} | {decimal(saved, lang, '.3f')} | {decimal(share, lang, '.0%')} |"
              for what, saved, share in attribution_rows(a, lang)]
    return lines + [""]


def write_report(result: "RunResult", folder: Path, lang: str, figures: list[str], *, out: Path | None = None) -> None:
    """report.md in ``folder`` (``out``: where the folder will be, for the commands it names)."""
    sc, m = result.scenario, result.manifest
    name = sc.meta.name_nl if lang == "nl" else sc.meta.name_en
    description = sc.meta.description_nl if lang == "nl" else sc.meta.description_en
    lines = [f"# {t('report.title', lang)}: {name}", "", description, "",
             f"{t('report.scenario', lang)} `{m['scenario_hash'][:12]}`, {t('report.seed', lang)} {m['seed']}, "
             f"{m['steps']} {t('report.weeks', lang)}; {m['organisations']} org., {m['professionals']} prof.", "",
             f"## {t('report.story', lang)}", ""]
    lines += [f"{s}\n" for s in story(result, lang)]
    if "vitality.png" in figures:
        lines += ["![vitality.png](vitality.png)", ""]
    for n, dip in enumerate((e for e in result.events if e["type"] == "netwerkdip"), 1):
        lines += why_lines(dip, n, lang) if dip.get("attribution") else [
            t("why.not_computed", lang, folder=out or folder, n=n), ""]
    lines += [f"## {t('report.summary', lang)}", "",
              f"| | {t('report.start', lang)} | {t('report.end', lang)} | {t('report.min', lang)} | {t('report.max', lang)} |",
              "|---|---:|---:|---:|---:|"]
    lines += [f"| {label} | {a:.2f} | {b:.2f} | {lo:.2f} | {hi:.2f} |" for label, a, b, lo, hi in summary_table(result, lang)]
    lines += ["", f"## {t('plot.conditions', lang)}", "",
              f"| | {t('report.start', lang)} | {t('report.end', lang)} | {t('report.min', lang)} | {t('report.max', lang)} |",
              "|---|---:|---:|---:|---:|"]
    lines += [f"| {label} | {a:.2f} | {b:.2f} | {lo:.2f} | {hi:.2f} |"
              for label, a, b, lo, hi in summary_table(result, lang, CONDITIONS)]
    stuck = sorted({e["id"] for e in result.events if e["type"] == "vastloop"}, key=lambda i: int(i[1:]))
    lines += ["", f"{t('report.stuck', lang)}: {', '.join(stuck) if stuck else '-'}; "
              f"{t('report.doorbraken', lang)}: {sum(e['type'] == 'doorbraak' for e in result.events)}."]
    lines += ["", f"## {t('report.issues', lang)}", ""]
    last = result.timeseries.iloc[-1]
    for issue in sc.issues:
        lines.append(f"- {issue.name_nl if lang == 'nl' else issue.name_en}: {last[f'progress_{issue.id}']:.2f}")
    lines += ["", f"## {t('report.events', lang)}", ""]
    key = "label_nl" if lang == "nl" else "label_en"
    lines += [f"- {t('week', lang)} {e['step']}: {e[key]}" for e in result.events] or [t("report.no_events", lang)]
    final = result.organisations[result.organisations["week"] == result.organisations["week"].max()]
    lines += ["", f"## {t('report.organisations', lang)}", "",
              "| | status | " + " | ".join(t(c, lang) for c in ("org.contribution", "perceived_value", "org.trust_given")) + " |",
              "|---|---|---:|---:|---:|"]
    for row in final.head(40).itertuples():
        status = t(f"status.{['active', 'dormant', 'exited', 'pending'].index(row.status)}", lang)
        lines.append(f"| {row.organisation} | {status} | {row.contribution:.2f} | {row.perceived_value:.2f} | {row.trust_given:.2f} |")
    rest = [f for f in figures if f != "vitality.png"]
    if rest:
        lines += ["", f"## {t('report.plots', lang)}", ""] + [f"![{f}]({f})" for f in rest]
    lines += ["", f"## {t('report.files', lang)}", "",
              "- `timeseries.parquet`, `organisations.parquet`, `events.jsonl`, `manifest.json`, `scenario.json`", ""]
    (folder / "report.md").write_text("\n".join(lines), encoding="utf-8")
