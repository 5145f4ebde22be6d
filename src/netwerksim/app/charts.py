"""The app's charts: vitality and its components, the five conditions, the three capitals.

On the page they are drawn in the browser (:func:`chart_option`, an ECharts option for
``solara.FigureEcharts``; echarts ships in solara-assets): one chart at a time over the scenario's whole
horizon (the axes stay put while the run grows), the netwerkdips shaded, a line at every shock,
intervention, governance decision, netwerkdip reported and doorstart, and their names in a strip above the
chart in the line's colour (the interventions of one week in one label), so that the room sees what was
pressed without a label over the data. In a debrief a black line marks the week shown. Fonts are sized for a
projector. :func:`draw_charts` draws all three as one matplotlib figure (the PNG download), with the same
lines and labels.
"""

from __future__ import annotations

from matplotlib.figure import Figure

import math

from ..i18n import decimal, t
from ..observers.dip import window_mean
from ..observers.indicators import CONDITIONS, VITALITY_COMPONENTS
from ..report import DIP_COLOUR, DOORSTART_COLOUR, EVENT_COLOURS, WEEKLY_RHYTHM, dip_spans, mark_dips_and_events, plot_indicator

COMPONENT_COLOURS = ("#8e44ad", "#2980b9", "#16a085", "#d35400")
CONDITION_COLOURS = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd")
CAPITALS = ("economic_capital", "social_capital", "cultural_capital")
CAPITAL_COLOURS = ("#b7950b", "#16a085", "#7d3c98")
MARKED = ("shock", "intervention", "governance")
CHARTS = ("vitality", "conditions", "capitals")   # i18n keys app.chart.<name>
LABEL_ROWS = 3                     # rows of event names above the chart (more only where they crowd)
CHART_WIDTH_PX = 640               # about the chart's width on a 1280-pixel screen, to keep names and legend apart


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


def event_marks(events: list[dict], lang: str) -> list[tuple[int, str, str]]:
    """(week, colour, text) for every line the charts draw: what was pressed (shocks, interventions and
    governance decisions of one week and kind in one label), each netwerkdip where it was reported, each
    doorstart."""
    marks: dict[tuple[int, str], list[str]] = {}
    for e in events:
        if e["type"] in MARKED:
            marks.setdefault((e["step"], EVENT_COLOURS[e["type"]]), []).append(e[f"label_{lang}"])
        elif e["type"] == "netwerkdip":
            marks.setdefault((e["step"], DIP_COLOUR), []).append(t("app.mark.dip", lang))
        elif e["type"] == "doorstart":
            marks.setdefault((e["step"], DOORSTART_COLOUR), []).append(t("app.event.doorstart", lang))
    return [(week, colour, _grouped(list(dict.fromkeys(texts)), lang)) for (week, colour), texts in sorted(marks.items())]


def _grouped(texts: list[str], lang: str) -> str:
    """One label for what was pressed in one week: two names in full, more as the first and how many more
    (the log names them all; four names ran past the chart's end)."""
    return " + ".join(texts) if len(texts) <= 2 else t("app.mark.more", lang, first=texts[0], n=len(texts) - 1)


def label_rows(marks: list[tuple[int, str, str]], horizon: int, font_px: int,
               rows: int = LABEL_ROWS) -> list[tuple[int, str]]:
    """(row, side) for each mark's name so that names never overlap (estimated from their length at
    ``CHART_WIDTH_PX``): right of its line, or left of it where it would run past the chart's end; a row
    more above the ``rows`` when a crowded stretch has filled them all."""
    weeks_per_px = horizon / CHART_WIDTH_PX
    taken: list[list[tuple[float, float]]] = [[] for _ in range(rows)]
    out = []
    for week, _, text in marks:
        width = (len(text) * 0.55 * font_px + 12) * weeks_per_px
        side = "left" if week + width > horizon and week - width >= 0 else "right"
        span = (week - width, week) if side == "left" else (week, week + width)
        row = next((r for r, spans in enumerate(taken) if all(span[1] <= a or b <= span[0] for a, b in spans)), None)
        if row is None:
            taken.append([])
            row = len(taken) - 1
        taken[row].append(span)
        out.append((row, side))
    return out


def _label_events(ax, events: list[dict], lang: str) -> None:
    """Name each mark at the top of its line: what the trainer pressed, readable; one label per week and kind."""
    for week, colour, text in event_marks(events, lang):
        ax.axvline(week, color=colour, lw=2.0, alpha=0.9)
        ax.annotate(text, (week, 1.0), xytext=(3, -4), textcoords="offset points", rotation=90, va="top",
                    ha="left", fontsize=11, color=colour,
                    bbox=dict(boxstyle="round,pad=0.15", fc="white", ec="none", alpha=0.8))


def _columns(which: str, lang: str, window: int = 1) -> list[tuple[str, str, str, float]]:
    """(column, colour, label, line width) of one chart."""
    if which == "vitality":
        return [*((c, k, t(c, lang), 2.0) for c, k in zip(VITALITY_COMPONENTS, COMPONENT_COLOURS)),
                ("vitality", "#2c3e50", t("app.chart.vitality_mean", lang, weeks=window), 5.0)]
    if which == "conditions":
        return [(c, k, t(c, lang), 2.5) for c, k in zip(CONDITIONS, CONDITION_COLOURS)]
    return [(c, k, t(c, lang), 2.5) for c, k in zip(CAPITALS, CAPITAL_COLOURS)]


def _points(rows: list[dict], col: str, window: int) -> list[list[float]]:
    """[week, value] of a column; what meets every few weeks as a 4-week mean (as report.plot_indicator);
    vitality as the netwerkdip detector smooths it (its mean over ``window`` weeks)."""
    if col == "vitality":
        return [[r["week"], round(window_mean(rows, col, i, window), 3)] for i, r in enumerate(rows)]
    values = [(r["week"], r.get(col)) for r in rows]
    values = [(w, v) for w, v in values if v is not None and not math.isnan(v)]
    if col in WEEKLY_RHYTHM:
        values = [(w, sum(x for _, x in values[max(0, i - 3):i + 1]) / len(values[max(0, i - 3):i + 1]))
                  for i, (w, _) in enumerate(values)]
    elif col in CAPITALS:
        top = max((abs(v) for _, v in values), default=0.0) or 1e-9
        values = [(w, v / top) for w, v in values]
    return [[w, round(float(v), 3)] for w, v in values]


def chart_lines(rows: list[dict], which: str, window: int = 6) -> list[list[list[float]]]:
    """The data of each line of one chart (``which`` in CHARTS), in the order of :func:`chart_option`'s series."""
    return [_points(rows, col, window) for col, *_ in _columns(which, "nl", window)]


def chart_shaded(rows: list[dict], events: list[dict]) -> list:
    """The netwerkdips as ECharts mark areas, up to the last recorded week (an open dip grows with the run)."""
    last = rows[-1]["week"] if rows else 0
    return [[{"xAxis": start}, {"xAxis": min(end, last)}] for start, end in dip_spans(events, last)]


def chart_update(option: dict, rows: list[dict], events: list[dict], which: str, window: int = 6) -> dict:
    """What changed in ``option`` (made by :func:`chart_option` some weeks ago with the same events) now that
    ``rows`` has grown: for each line its first changed point and the points from there (a 4-week mean or
    a normalised capital may change earlier points too), and the netwerkdips' shading. The browser splices
    them into the option it has (``widgets.LiveChart``): a frame sends the new weeks, not the whole run."""
    lines = []
    for data, line in zip(chart_lines(rows, which, window), option["series"]):
        old = line["data"]
        start = next((i for i, (a, b) in enumerate(zip(data, old)) if a != b), min(len(data), len(old)))
        lines.append([start, data[start:]])
    return {"lines": lines, "shaded": chart_shaded(rows, events)}


def chart_option(rows: list[dict], events: list[dict], horizon: int, lang: str, which: str = "vitality", *,
                 cursor: int | None = None, font_px: int = 16, window: int = 6) -> dict:
    """The ECharts option of one chart (``which`` in CHARTS) for the recorded ``rows`` and ``events``: a strip
    with the names of the marks above a grid with the lines, the netwerkdips shaded and the marks as lines.
    The values along the axis are written by the option itself (a decimal comma in Dutch)."""
    marks = event_marks(events, lang)
    placed = label_rows(marks, horizon, font_px)
    strip_rows = max((row for row, _ in placed), default=-1) + 1
    strip_px = strip_rows * (font_px + 8)
    axis = {"type": "value", "min": 0, "max": horizon}
    lines = [{"xAxis": week, "lineStyle": {"color": colour, "width": 2, "type": "solid"}} for week, colour, _ in marks]
    if cursor is not None:
        lines.append({"xAxis": cursor, "lineStyle": {"color": "#000", "width": 3, "type": "solid"}})
    shaded = chart_shaded(rows, events)
    series = []
    for k, ((col, colour, label, width), data) in enumerate(zip(_columns(which, lang, window),
                                                                chart_lines(rows, which, window))):
        line = {"type": "line", "name": label, "data": data, "showSymbol": False, "z": 3 + k,
                "color": colour, "lineStyle": {"width": width, "color": colour}, "emphasis": {"disabled": True},
                "xAxisIndex": 1, "yAxisIndex": 1}
        if k == 0:
            line["markLine"] = {"symbol": "none", "silent": True, "label": {"show": False}, "data": lines,
                                "animation": False}
            line["markArea"] = {"silent": True, "itemStyle": {"color": DIP_COLOUR, "opacity": 0.15}, "data": shaded}
        series.append(line)
    series.append({"type": "scatter", "name": "marks", "symbolSize": 0, "silent": True, "xAxisIndex": 0,
                   "yAxisIndex": 0, "legendHoverLink": False,
                   "data": [{"value": [week, strip_rows - 1 - row + 0.5],
                             "label": {"show": True, "position": side, "distance": 2, "formatter": text,
                                       "color": colour, "fontSize": font_px, "fontWeight": "bold"}}
                            for (week, colour, text), (row, side) in zip(marks, placed)]})
    series.append({"type": "scatter", "name": "axis", "symbolSize": 0, "silent": True, "xAxisIndex": 1,
                   "yAxisIndex": 1, "clip": False,
                   "data": [{"value": [0, k / 5], "label": {"show": True, "position": "left", "distance": 8,
                                                            "formatter": decimal(k / 5, lang, ".1f"),
                                                            "fontSize": font_px, "color": "#555"}}
                            for k in range(6)]})
    labels = [label for _, _, label, _ in _columns(which, lang, window)]
    legend_rows = math.ceil(sum(len(x) * 0.45 * font_px + 35 for x in labels) / CHART_WIDTH_PX)
    legend_px = legend_rows * (font_px + 10) + 4
    return {
        "animation": False,
        "textStyle": {"fontSize": font_px},
        "legend": {"top": 0, "left": 0, "itemWidth": 18, "itemGap": 12, "textStyle": {"fontSize": font_px},
                   "data": labels},
        "grid": [{"top": legend_px, "height": max(strip_px, 1), "left": 52, "right": 24, "show": False},
                 {"top": legend_px + strip_px + 6, "bottom": font_px + 30, "left": 52, "right": 24}],
        "xAxis": [{**axis, "gridIndex": 0, "show": False},
                  {**axis, "gridIndex": 1, "name": t("week", lang), "nameLocation": "middle", "nameGap": font_px + 8,
                   "nameTextStyle": {"fontSize": font_px}, "axisLabel": {"fontSize": font_px},
                   "splitLine": {"show": False}}],
        "yAxis": [{"type": "value", "min": 0, "max": max(strip_rows, 1), "gridIndex": 0, "show": False},
                  {"type": "value", "min": 0, "max": 1, "interval": 0.2, "gridIndex": 1,
                   "axisLabel": {"show": False}}],
        "series": series,
    }
