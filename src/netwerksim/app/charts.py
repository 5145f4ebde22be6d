"""The app's charts: vitality and its components, the five conditions, the three capitals.

One matplotlib figure with three panels over the scenario's whole horizon (the axes stay put while the
run grows). The lines, the shaded netwerkdips and the event marks come from report.py's helpers, as in
the CLI's plots; on top, every shock, intervention and governance decision is labelled by name on the
vitality panel so that the room sees what was pressed, and in a debrief a cursor marks the week shown.
Fonts and lines are sized for a projector.
"""

from __future__ import annotations

from matplotlib.figure import Figure

from ..i18n import t
from ..observers.indicators import CONDITIONS, VITALITY_COMPONENTS
from ..report import EVENT_COLOURS, mark_dips_and_events, plot_indicator

COMPONENT_COLOURS = ("#8e44ad", "#2980b9", "#16a085", "#d35400")
CONDITION_COLOURS = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd")
CAPITALS = ("economic_capital", "social_capital", "cultural_capital")
CAPITAL_COLOURS = ("#b7950b", "#16a085", "#7d3c98")
MARKED = ("shock", "intervention", "governance")


def draw_charts(record, horizon: int, lang: str, *, cursor: int | None = None,
                size: tuple[float, float] = (15.0, 9.0)) -> Figure:
    """The three panels for ``record`` (``timeseries`` and ``events``, as ``Session.record()`` gives)."""
    ts = record.timeseries
    fig = Figure(figsize=size)   # fixed margins: a constrained layout costs a second text layout pass
    grid = fig.add_gridspec(2, 2, height_ratios=(1.25, 1), left=0.04, right=0.99, top=0.96, bottom=0.07,
                            hspace=0.25, wspace=0.08)
    vitality = fig.add_subplot(grid[0, :])
    conditions = fig.add_subplot(grid[1, 0], sharex=vitality)
    capitals = fig.add_subplot(grid[1, 1], sharex=vitality)

    for col, colour in zip(VITALITY_COMPONENTS, COMPONENT_COLOURS):
        plot_indicator(vitality, ts, col, color=colour, lw=1.6, alpha=0.85, label=t(col, lang))
    plot_indicator(vitality, ts, "vitality", color="#2c3e50", lw=3.5, label=t("vitality", lang))
    for col, colour in zip(CONDITIONS, CONDITION_COLOURS):
        plot_indicator(conditions, ts, col, color=colour, lw=2.2, label=t(col, lang))
    for col, colour in zip(CAPITALS, CAPITAL_COLOURS):
        top = max(float(ts[col].abs().max()), 1e-9)
        capitals.plot(ts["week"], ts[col] / top, color=colour, lw=2.2, label=t(col, lang))

    for ax, key in ((vitality, "plot.vitality"), (conditions, "plot.conditions"), (capitals, "app.plot.capitals")):
        mark_dips_and_events(ax, record)
        ax.set_xlim(0, horizon)
        ax.set_ylim(0, 1.02)
        ax.set_title(t(key, lang), fontsize=15, loc="left")
        ax.tick_params(labelsize=12)
        ax.grid(alpha=0.25)
        if cursor is not None:
            ax.axvline(cursor, color="black", lw=2.5)
    vitality.legend(loc="lower left", fontsize=12, ncol=5, framealpha=0.9)
    conditions.legend(loc="lower left", fontsize=11, ncol=2, framealpha=0.9)
    capitals.legend(loc="lower right", fontsize=11, framealpha=0.9)
    for ax in (conditions, capitals):
        ax.set_xlabel(t("week", lang), fontsize=13)
    _label_events(vitality, record.events, lang)
    return fig


def _label_events(ax, events: list[dict], lang: str) -> None:
    """Name each shock and intervention at the top of its line: what the trainer pressed, readable.
    Several pressed in the same week stand side by side."""
    same_week: dict[int, int] = {}
    for e in events:
        if e["type"] in MARKED:
            nth = same_week.get(e["step"], 0)
            same_week[e["step"]] = nth + 1
            ax.axvline(e["step"], color=EVENT_COLOURS[e["type"]], lw=2.0, alpha=0.9)
            ax.annotate(e[f"label_{lang}"], (e["step"], 1.0), xytext=(3 + 14 * nth, -4), textcoords="offset points",
                        rotation=90, va="top", ha="left", fontsize=11, color=EVENT_COLOURS[e["type"]],
                        bbox=dict(boxstyle="round,pad=0.15", fc="white", ec="none", alpha=0.8))
