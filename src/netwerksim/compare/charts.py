"""The comparison's charts: per indicator, one small panel per option against the baseline, on the same axes.

Each panel shows the baseline (grey) and one option (a colour of the Okabe-Ito palette, safe for colour
blindness): the median over the runs and the band of the middle 80%. The y-axis is labelled with what is
measured and starts at 0 (no network, no trust, no hours, no progress); trust marks its neutral 0.5.
Events are vertical lines named in the picture; where networks fall apart (fewer than two active
partners, vitality 0) the panel says from which week and in how many runs.
"""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import TYPE_CHECKING

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402
from matplotlib.patches import Patch  # noqa: E402

from ..i18n import t  # noqa: E402
from ..interventions import REGISTRY  # noqa: E402
from ..metrics import SERIES  # noqa: E402

if TYPE_CHECKING:
    from .running import ComparisonResult

# Okabe & Ito (2008), without black (the baseline is grey) and yellow (too light on white)
PALETTE = ("#E69F00", "#0072B2", "#009E73", "#D55E00", "#CC79A7", "#56B4E9")
BASELINE = "#7a7a7a"
AXIS = {   # indicator: (y-axis label key, bottom, top or None for the data's highest, reference line)
    "vitality": ("compare.axis_vitality", 0.0, 1.0, None),
    "mean_trust": ("compare.axis_trust", 0.0, 1.0, 0.5),
    "joint_contribution": ("compare.axis_contribution", 0.0, None, None),
    "progress": ("compare.axis_progress", 0.0, None, None),
}
COLUMNS = 2


def _label(kind: str, lang: str) -> str:
    entry = REGISTRY[kind]
    return entry.label_nl if lang == "nl" else entry.label_en


def _events(result: "ComparisonResult", option, colour: str, lang: str) -> dict[int, list[tuple[str, str]]]:
    """Week -> [(label, colour)]: the scenario's own events (dark grey) and the option's interventions (its colour)."""
    weeks: dict[int, list[tuple[str, str]]] = {}
    for e in result.comparison.scenario.events:   # a response or a shock process has no week of its own
        if e.at is not None:
            weeks.setdefault(e.at, []).append((_label(e.type, lang), "#555555"))
    for e in option.events:
        if e.get("at") is not None:
            weeks.setdefault(e["at"], []).append((_label(e["type"], lang), colour))
    return weeks


def _ended_note(b, lang: str) -> str | None:
    """'3 van de 10 runs zonder werkend netwerk (vanaf week 120)', or None when no run's network falls apart."""
    ended = b[b["ended"] > 0]
    if ended.empty:
        return None
    first = ended.iloc[0]
    return t("compare.ended_note", lang, week=int(first["week"]), n=int(b["ended"].max()), runs=int(first["runs"]))


def _label_rows(weeks: list[int], steps: int) -> dict[int, int]:
    """A text row per event week so that labels of nearby events stack instead of overlapping (rows 0-3)."""
    rows: dict[int, int] = {}
    last: list[float] = []             # per row: the last week labelled there
    for week in weeks:
        row = next((i for i, w in enumerate(last) if week - w > 0.22 * steps), None)
        if row is None:
            row = len(last) if len(last) < 4 else min(range(len(last)), key=lambda i: last[i])
            if row == len(last):
                last.append(week)
        last[row] = week
        rows[week] = row
    return rows


def write_charts(result: "ComparisonResult", folder: Path, lang: str) -> list[str]:
    """One PNG per indicator (``fan_<indicator>.png``): a panel per option against the baseline."""
    names = []
    for indicator in SERIES:
        fig = figure(result, indicator, lang)
        name = f"fan_{indicator}.png"
        fig.savefig(folder / name, dpi=120)
        plt.close(fig)
        names.append(name)
    return names


def figure(result: "ComparisonResult", indicator: str, lang: str) -> plt.Figure:
    """The small multiples of one indicator: a panel per option against the baseline, shared axes."""
    c, bands = result.comparison, result.bands
    others = c.others()
    rows, columns = -(-len(others) // COLUMNS), min(COLUMNS, len(others))
    key, bottom, top, reference = AXIS[indicator]
    own = bands[bands["indicator"] == indicator]
    if top is None:
        top = max(float(own["p90"].max()), float(own["p50"].max())) * 1.08 or 1.0
    fig, axes = plt.subplots(rows, columns, figsize=(5.2 * columns, 3.3 * rows + 0.7), sharex=True, sharey=True,
                             squeeze=False)
    base = c.option(c.baseline)
    for i, (ax, option) in enumerate(zip(axes.flat, others)):
        _panel(ax, result, own, option, PALETTE[i % len(PALETTE)], (bottom, top), reference, lang)
    for i, ax in enumerate(axes.flat):
        if i >= len(others):
            ax.set_visible(False)
        if i % columns == 0:
            ax.set_ylabel(textwrap.fill(t(key, lang), 30), fontsize=8.5)
        if i < len(others) and i + columns >= len(others):       # the lowest panel of its column
            ax.xaxis.set_tick_params(labelbottom=True)
            ax.set_xlabel(t("week", lang), fontsize=8.5)
    legend = [Line2D([], [], color=BASELINE, lw=1.8, ls="--", label=f"{base.label(lang)} ({t('compare.median', lang)})"),
              Patch(facecolor=BASELINE, alpha=0.22, edgecolor=BASELINE, ls=":", label=t("compare.band", lang)),
              Line2D([], [], color=PALETTE[0], lw=2.2, label=t("compare.option_line", lang))]
    fig.legend(handles=legend, loc="lower center", ncol=3, fontsize=7.5, frameon=False)
    fig.suptitle(t(f"compare.figure_{indicator}", lang), fontsize=11, x=0.01, ha="left")
    fig.tight_layout(rect=(0, 0.06 if rows == 1 else 0.035, 1, 1))
    return fig


def _panel(ax, result: "ComparisonResult", bands, option, colour: str, limits: tuple[float, float],
           reference: float | None, lang: str) -> None:
    """One option's median and band over the baseline's, the events named, and where networks fell apart."""
    c = result.comparison
    steps, (bottom, top) = c.steps, limits
    b0, b = bands[bands["option"] == c.baseline], bands[bands["option"] == option.name]
    ax.fill_between(b0["week"], b0["p10"], b0["p90"], color=BASELINE, alpha=0.22, lw=0)
    ax.plot(b0["week"], b0["p50"], color=BASELINE, lw=1.8, ls="--")
    ax.fill_between(b["week"], b["p10"], b["p90"], color=colour, alpha=0.28, lw=0)
    for edge in ("p10", "p90"):            # the baseline's band stays visible where the option's covers it
        ax.plot(b0["week"], b0[edge], color=BASELINE, lw=0.9, ls=(0, (1, 1.5)))
    ax.plot(b["week"], b["p50"], color=colour, lw=2.2)
    if reference is not None:
        ax.axhline(reference, color="#999999", lw=0.8, ls=":")
        ax.text(steps, reference, " " + t("compare.neutral", lang), va="center", ha="left", fontsize=7,
                color="#666666", clip_on=False)
    events = _events(result, option, colour, lang)
    row_of = _label_rows(sorted(events), steps)
    for week, labelled in sorted(events.items()):
        ax.axvline(week, color=labelled[-1][1], lw=1.0, ls=":")
        ax.text(week + steps * 0.008, top - (top - bottom) * (0.02 + 0.13 * row_of[week]),
                " + ".join(label for label, _ in labelled), va="top", ha="left", fontsize=6.5,
                color=labelled[-1][1], bbox={"facecolor": "white", "alpha": 0.75, "lw": 0, "pad": 0.5})
    for k, (runs_of, who) in enumerate(((b0, BASELINE), (b, colour))):
        note = _ended_note(runs_of, lang)
        if note:
            ax.text(0.01, 0.03 + 0.075 * k, note, transform=ax.transAxes, fontsize=6.5, va="bottom",
                    color=who, bbox={"facecolor": "white", "alpha": 0.8, "lw": 0, "pad": 0.5})
    ax.set_title(textwrap.fill(option.label(lang), 48), fontsize=9, color=colour, loc="left")
    ax.set_xlim(0, steps)
    ax.set_ylim(bottom, top)
    ax.set_axisbelow(True)                 # grid lines behind the bands, not through them
    ax.grid(axis="y", color="#e5e5e5", lw=0.6)
    ax.spines[["top", "right"]].set_visible(False)
