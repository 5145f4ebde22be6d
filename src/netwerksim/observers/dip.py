"""The netwerkdip detector: reads the vitality index week by week and reports dips and doorstarts.

A netwerkdip (003 L4612-4672) is an energetic start followed by a fall: smoothed vitality first rises
at least ``dip.rise`` above where it started, then falls at least ``dip.drop`` below its peak, after
``dip.warmup`` weeks. It starts at the peak, is detected when the fall crosses the threshold, and ends
with a *doorstart* (003 L4805-4815) once ``dip.recovery`` of the fall is regained, or with the run.
A network that falls as far without having risen first never got going: that is reported as its own
event, ``never_gets_going`` ("komt niet op gang"), not as a dip; the detector then watches again from
the level reached, so a network that gets going later can still dip. For a network that already existed
before week 0 (its history) the same event is worded as one that wears down from where it stood, not as a
start that never came. The detector only reads the
indicator rows; it never touches the state. Why the network fell is not read from the rows:
:mod:`netwerksim.explain` replays the run with each link of the chain held (counterfactual replay) and
:func:`narrate` says what it found. The indicator changes from the peak to the detection stay on the
event as data (``indicator_changes``): they move together with the fall, and some of them after it, so
they do not say why.
"""

from __future__ import annotations

import math
from functools import partial
from typing import Any

from ..i18n import decimal, t
from ..params import Params

# indicators of the chain of 003 L4626-4672 whose change from the peak to the detection is kept as data:
# (indicator, "ratio" for a factor, "diff" for a difference)
CHANGES = (
    ("meeting_hours", "ratio"), ("complexity", "diff"), ("accountability", "diff"), ("structure_demand", "diff"),
    ("hierarchy", "diff"), ("ownership", "diff"), ("alignment", "diff"), ("mean_trust", "diff"),
    ("joint_contribution", "diff"), ("mean_energy", "diff"), ("active_organisations", "diff"),
    ("existential_questions", "diff"),
)


def window_mean(rows: list[dict], key: str, end: int, width: int) -> float:
    """Mean of ``key`` over the ``width`` rows up to row ``end`` (NaNs left out): the detector's smoothing."""
    values = [r.get(key, math.nan) for r in rows[max(0, end - width + 1):end + 1]]
    values = [v for v in values if not math.isnan(v)]
    return sum(values) / len(values) if values else math.nan


def indicator_changes(rows: list[dict], start: int, now: int, width: int) -> dict[str, float]:
    """Change of each chain indicator from the peak to now (a ratio for meeting hours, a difference otherwise)."""
    out = {}
    for key, kind in CHANGES:
        before, after = window_mean(rows, key, start, width), window_mean(rows, key, now, width)
        if math.isnan(before) or math.isnan(after):
            continue
        out[key] = after / before if kind == "ratio" and before > 0 else after - before
    return out


NAMED = 0.005   # a saving is named when it shows at two decimals


def narrate(attribution: dict[str, Any], lang: str) -> str:
    """Two or three plain sentences on why vitality fell, from an attribution (:mod:`netwerksim.explain`).

    The links whose holding saved most (at most three, each at least 0.01 when rounded), then what all links
    held together saved against the sum of the single ones (overlap or reinforcement), then what fell anyway, and
    what switching off each cause besides the chain saved (:data:`~netwerksim.chain.BESIDES`; attributions made
    before they were added have none).
    """
    num = partial(decimal, lang=lang)
    method, fall, week = attribution["method"], attribution["fall"], attribution["measured_week"]
    named = sorted((d for d in attribution["drivers"] if d["saved"] >= NAMED), key=lambda d: -d["saved"])[:3]
    if named:
        first, *more = named
        text = t(f"why.first_{method}", lang, link=first[f"label_{lang}"], saved=num(first["saved"]),
                 fall=num(fall), week=week)
        if more:
            parts = [t(f"why.more_{method}", lang, link=d[f"label_{lang}"], saved=num(d["saved"])) for d in more]
            links = ", ".join(parts[:-1]) + t("why.and", lang) + parts[-1] if len(parts) > 1 else parts[0]
            text = text[:-1] + t("why.more", lang, links=links)
    else:
        text = t("why.none", lang, fall=num(fall), week=week)
    rest = attribution["rest"]
    key = "why.overlap" if rest <= -NAMED else "why.reinforce" if rest >= NAMED else "why.adds_up"
    text += " " + t(key, lang, together=num(attribution["together"]), rest=num(abs(rest)))
    if attribution["outside"] >= NAMED:
        text += " " + t("why.outside", lang, outside=num(attribution["outside"]))
    besides = sorted((d for d in attribution.get("besides", ()) if d["saved"] >= NAMED), key=lambda d: -d["saved"])
    if besides:
        parts = [t("why.without", lang, cause=d[f"label_{lang}"], saved=num(d["saved"])) for d in besides]
        text += " " + t("why.besides", lang, causes=t("why.and", lang).join(parts))
    return text


def label(dip: dict[str, Any], lang: str) -> str:
    """The dip event's sentence: its depth and peak, and why when it has been attributed."""
    text = t("dip.label", lang, depth=dip["depth"], start=dip["start"])
    return text + " " + narrate(dip["attribution"], lang) if dip.get("attribution") else text


class DipDetector:
    """Online detector; call :meth:`observe` after each recorded row, :meth:`finish` at the end."""

    def __init__(self, existing: bool = False):
        # the scenario's history says the network existed before week 0: it chooses the words of a fall without a
        # rise, nothing of what is detected (that reads the rows alone)
        self.existing = existing
        self.p = None
        self.smoothed: list[float] = []
        self.peak, self.peak_week = -math.inf, 0
        self.base, self.base_week = math.nan, 0    # where the network started (or restarted after a failed start)
        self.failed = False                         # reported as never getting going; quiet until it rises again
        self.open: dict[str, Any] | None = None

    def observe(self, rows: list[dict], params: Params) -> list[dict[str, Any]]:
        self.p = params.dip
        week = rows[-1]["week"]
        width = int(self.p.window)
        level = window_mean(rows, "vitality", len(rows) - 1, width)
        self.smoothed.append(level)
        if math.isnan(level):
            return []
        if self.open is None:
            if math.isnan(self.base):
                self.base, self.base_week = level, week
            if level > self.peak:
                self.peak, self.peak_week = level, week
            if week >= self.p.warmup and self.peak > 0 and level <= self.peak * (1 - self.p.drop):
                if self.peak >= self.base * (1 + self.p.rise):
                    self.failed = False
                    return [self._start(rows, week, level, width)]
                if not self.failed:
                    return [self._failed_start(rows, week, level, width)]
                self.base, self.base_week = level, week   # still going down: follow it quietly
                self.peak, self.peak_week = level, week
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
        changes = indicator_changes(rows, rows.index(next(r for r in rows if r["week"] == start)), len(rows) - 1, width)
        depth = (self.peak - level) / self.peak
        self.open = {
            "step": week, "type": "netwerkdip", "start": start, "detected": week, "peak": self.peak,
            "trough": level, "trough_week": week, "depth": depth, "end": None, "duration": None,
            "indicator_changes": changes,
        }
        self._label(self.open)
        return self.open

    def _failed_start(self, rows, week, level, width) -> dict[str, Any]:
        """The network fell without having risen first: it never got going (not a netwerkdip)."""
        start = self.base_week
        changes = indicator_changes(rows, rows.index(next(r for r in rows if r["week"] == start)), len(rows) - 1, width)
        depth = (self.peak - level) / self.peak
        event = {"step": week, "type": "never_gets_going", "start": start, "detected": week, "level_start": self.base,
                 "peak": self.peak, "level": level, "depth": depth, "indicator_changes": changes}
        key = "never_gets_going.label_existing" if self.existing else "never_gets_going.label"
        for lang in ("nl", "en"):
            event[f"label_{lang}"] = t(key, lang, depth=depth, start=start)
        self.base, self.base_week = level, week      # watch again from here: it may still get going
        self.peak, self.peak_week = level, week
        self.failed = True
        return event

    @staticmethod
    def _label(dip: dict[str, Any]) -> None:
        for lang in ("nl", "en"):
            dip[f"label_{lang}"] = label(dip, lang)

    def _doorstart(self, week, level) -> dict[str, Any]:
        dip = self.open
        dip.update(end=week, duration=week - dip["start"])
        self.open = None
        self.peak, self.peak_week = level, week
        self.base, self.base_week = level, week
        labels = {f"label_{lang}": t("doorstart.label", lang, level=decimal(level, lang),
                                     trough=decimal(dip["trough"], lang), trough_week=dip["trough_week"])
                  for lang in ("nl", "en")}
        return {"step": week, "type": "doorstart", "dip_start": dip["start"], "trough": dip["trough"],
                "trough_week": dip["trough_week"], "level": level, **labels}

    def finish(self, last_week: int) -> None:
        """Close an open dip at the end of the run: its duration runs to the last week."""
        if self.open is not None:
            self.open["duration"] = last_week - self.open["start"]
