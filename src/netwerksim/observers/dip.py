"""The netwerkdip detector: reads the vitality index week by week and reports dips and doorstarts.

A netwerkdip (003 L4612-4672) is an energetic start followed by a fall of smoothed vitality of at
least ``dip.drop`` of its peak, after ``dip.warmup`` weeks. It starts at the peak, is detected when
the fall crosses the threshold, and ends with a *doorstart* (003 L4805-4815) once ``dip.recovery`` of
the fall is regained, or with the run. The narration names the drivers as measured in this run
between the peak and the detection: the causal chain of 003 L4626-4672 (meeting load, complexity,
accountability, hierarchy, trust, shared ambition, contribution, parties leaving). The detector only
reads the indicator rows; it never touches the state.
"""

from __future__ import annotations

import math
from typing import Any

from ..i18n import t
from ..params import Params

# The chain of 003 L4626-4672, in order: (indicator, how to report a change, smallest change worth naming)
DRIVERS = (
    ("meeting_hours", "ratio", 1.15),
    ("complexity", "up", 0.05),
    ("accountability", "up", 0.05),
    ("structure_demand", "up", 0.05),
    ("hierarchy", "up", 0.05),
    ("ownership", "down", 0.05),
    ("alignment", "down", 0.03),
    ("mean_trust", "down", 0.03),
    ("joint_contribution", "down", 0.05),
    ("mean_energy", "down", 0.05),
    ("active_organisations", "down", 1),
    ("existential_questions", "up", 0.1),
)


def _window_mean(rows: list[dict], key: str, end: int, width: int) -> float:
    values = [r.get(key, math.nan) for r in rows[max(0, end - width + 1):end + 1]]
    values = [v for v in values if not math.isnan(v)]
    return sum(values) / len(values) if values else math.nan


def drivers(rows: list[dict], start: int, now: int, width: int) -> dict[str, float]:
    """Change of each driver from the peak to now (a ratio for meeting hours, a difference otherwise)."""
    out = {}
    for key, kind, _ in DRIVERS:
        before, after = _window_mean(rows, key, start, width), _window_mean(rows, key, now, width)
        if math.isnan(before) or math.isnan(after):
            continue
        out[key] = after / before if kind == "ratio" and before > 0 else after - before
    return out


def narrate(measured: dict[str, float], lang: str) -> str:
    parts = []
    for key, kind, least in DRIVERS:
        if key not in measured:
            continue
        v = measured[key]
        name = t(key, lang)
        if kind == "ratio" and v >= least:
            parts.append(t("dip.ratio", lang, name=name, value=v))
        elif kind == "up" and v >= least:
            parts.append(t("dip.up", lang, name=name, value=v))
        elif kind == "down" and -v >= least:
            parts.append(t("dip.down", lang, name=name, value=-v))
    return t("dip.drivers", lang, drivers=", ".join(parts) if parts else t("dip.none", lang))


class DipDetector:
    """Online detector; call :meth:`observe` after each recorded row, :meth:`finish` at the end."""

    def __init__(self):
        self.p = None
        self.smoothed: list[float] = []
        self.peak, self.peak_week = -math.inf, 0
        self.open: dict[str, Any] | None = None

    def observe(self, rows: list[dict], params: Params) -> list[dict[str, Any]]:
        self.p = params.dip
        week = rows[-1]["week"]
        width = int(self.p.window)
        level = _window_mean(rows, "vitality", len(rows) - 1, width)
        self.smoothed.append(level)
        if math.isnan(level):
            return []
        if self.open is None:
            if level > self.peak:
                self.peak, self.peak_week = level, week
            if week >= self.p.warmup and self.peak > 0 and level <= self.peak * (1 - self.p.drop):
                return [self._start(rows, week, level, width)]
            return []
        dip = self.open
        if level < dip["trough"]:
            dip.update(trough=level, trough_week=week, depth=(dip["peak"] - level) / dip["peak"])
            self._label(dip)
        if level >= dip["trough"] + self.p.recovery * (dip["peak"] - dip["trough"]):
            return [self._doorstart(week, level)]
        return []

    def _start(self, rows, week, level, width) -> dict[str, Any]:
        start = self.peak_week
        measured = drivers(rows, rows.index(next(r for r in rows if r["week"] == start)), len(rows) - 1, width)
        depth = (self.peak - level) / self.peak
        self.open = {
            "step": week, "type": "netwerkdip", "start": start, "detected": week, "peak": self.peak,
            "trough": level, "trough_week": week, "depth": depth, "end": None, "duration": None,
            "drivers": measured,
        }
        self._label(self.open)
        return self.open

    @staticmethod
    def _label(dip: dict[str, Any]) -> None:
        for lang in ("nl", "en"):
            dip[f"label_{lang}"] = (t("dip.label", lang, depth=dip["depth"], start=dip["start"]) + " "
                                    + narrate(dip["drivers"], lang))

    def _doorstart(self, week, level) -> dict[str, Any]:
        dip = self.open
        dip.update(end=week, duration=week - dip["start"])
        self.open = None
        self.peak, self.peak_week = level, week
        fmt = dict(level=level, trough=dip["trough"], trough_week=dip["trough_week"])
        return {"step": week, "type": "doorstart", "dip_start": dip["start"], "trough": dip["trough"],
                "trough_week": dip["trough_week"], "level": level,
                "label_nl": t("doorstart.label", "nl", **fmt), "label_en": t("doorstart.label", "en", **fmt)}

    def finish(self, last_week: int) -> None:
        """Close an open dip at the end of the run: its duration runs to the last week."""
        if self.open is not None:
            self.open["duration"] = last_week - self.open["start"]
