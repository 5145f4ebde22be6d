"""What the room reads beside the picture: the situation in a given week and the narrated event log.

Everything is read from the model's recorded rows and events, so the same functions serve the live
run and the debrief (any earlier week): the stuck situations open in that week (observers/stuck.py's
names and one-line explanations), the conflict thermometer's level (observers/thermometer.py's names
and signatures, from the recorded network heat), the netwerkdip if one is open, and the log.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..i18n import TEXT, t
from ..mechanisms.conflict import LEVELS, level
from ..observers.stuck import SITUATIONS
from ..observers.thermometer import LEVEL_NAMES, SIGNATURES

APPLIED = ("shock", "intervention", "governance")


@dataclass(frozen=True)
class Stuck:
    id: str
    name: str
    explanation: str
    issue: str
    since: int


@dataclass(frozen=True)
class Situation:
    week: int
    vitality: float
    dip_since: int | None
    conflict_level: int
    conflict_name: str
    conflict_signature: str
    stuck: list[Stuck]


def _open_at(event: dict, week: int) -> bool:
    """Reported by ``week`` and not yet ended in it."""
    return event["step"] <= week and (event.get("end") is None or event["end"] > week)


def situation(rows: list[dict], events: list[dict], week: int, issue_names: list[str], lang: str) -> Situation:
    """The network's situation in ``week`` (a recorded week)."""
    row = rows[week]
    lvl = int(level(row["heat"]))
    name = LEVELS[lvl]
    i = 0 if lang == "nl" else 1
    dips = [e for e in events if e["type"] == "netwerkdip" and _open_at(e, week)]
    stuck = []
    for e in events:
        if e["type"] == "vastloop" and _open_at(e, week):
            s = SITUATIONS[e["id"]]
            stuck.append(Stuck(s.id, s.name_nl if lang == "nl" else s.name_en,
                               s.explain_nl if lang == "nl" else s.explain_en, issue_names[e["issue"]], e["start"]))
    stuck.sort(key=lambda s: (int(s.id[1:]), s.issue))
    return Situation(week, float(row["vitality"]), dips[-1]["start"] if dips else None, lvl,
                     LEVEL_NAMES[name][i], SIGNATURES[name][i], stuck)


def narrate(event: dict, lang: str) -> str:
    """One event as a plain sentence: its kind, then what happened (and for a pressed entry, what it does)."""
    key = f"app.event.{event['type']}"
    kind = t(key, lang) if key in TEXT else event["type"]
    if event["type"] in APPLIED:
        text = t("event.applied", lang, label=event[f"label_{lang}"], description=event[f"description_{lang}"])
    else:
        text = event[f"label_{lang}"]
    return text if text.lower().startswith(kind.lower()) else f"{kind}: {text}"   # no "Doorbraak: Doorbraak"


def log_lines(events: list[dict], week: int, lang: str) -> list[tuple[int, str, str]]:
    """(week, type, sentence) for every event up to ``week``, newest first."""
    return [(e["step"], e["type"], narrate(e, lang)) for e in reversed(events) if e["step"] <= week]
