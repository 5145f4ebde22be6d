"""What the room reads beside the picture: the situation in a given week and the narrated event log.

Everything is read from the model's recorded rows and events, so the same functions serve the live
run and the debrief (any earlier week): the stuck situations open in that week (observers/stuck.py's
names and one-line explanations), the conflict thermometer's level (observers/thermometer.py's names
and signatures, from the recorded network heat), the netwerkdip if one is open, and the log.

Vitality is the netwerkdip detector's: the mean over its smoothing window (``dip.window`` weeks,
observers/dip.py ``window_mean``), so that the panel, the log, the chart and the report give the same
number for the same week. A shock, intervention or governance decision is told as what it did here:
the choice made (which decision rule), and the organisations, tables and issues it changed
(app/effects.py); a press that changes nothing in this network says so. Numbers in Dutch take a comma.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..i18n import TEXT, decimal, t
from ..interventions import REGISTRY, TARGET
from ..mechanisms.conflict import LEVELS, level
from ..observers.dip import window_mean
from ..observers.indicators import VITALITY_COMPONENTS
from ..observers.stuck import SITUATIONS
from ..observers.thermometer import LEVEL_NAMES, SIGNATURES
from .effects import Effect

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


def situation(rows: list[dict], events: list[dict], week: int, issue_names: list[str], lang: str,
              window: int) -> Situation:
    """The network's situation in ``week`` (a recorded week); vitality as the dip detector smooths it over
    ``window`` weeks."""
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
    return Situation(week, window_mean(rows, "vitality", week, window), dips[-1]["start"] if dips else None, lvl,
                     LEVEL_NAMES[name][i], SIGNATURES[name][i], stuck)


@dataclass(frozen=True)
class Names:
    """The names the log uses, in one language."""

    organisations: list[str]
    forums: list[str]
    issues: list[str]


def _listed(names: list[str], lang: str, most: int = 3) -> str:
    """'A', 'A en B', 'A, B en C', 'A, B, C en 2 andere'."""
    shown, rest = names[:most], len(names) - most
    if rest > 0:
        return ", ".join(shown) + t("app.and_others", lang, n=rest)
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + t("app.and", lang) + shown[-1]


def what_it_did(event: dict, effect: Effect | None, names: Names, lang: str) -> str:
    """A pressed or scheduled entry as what it did: the choice made, then where it acted."""
    name, params = event.get("name"), event.get("params") or {}
    entry = REGISTRY.get(name)
    choice = next((f"app.choice.{name}.{params[k]}" for k, o in (entry.options.items() if entry else ())
                   if o.choices and o.choices != TARGET and f"app.choice.{name}.{params.get(k)}" in TEXT), None)
    if name == "existential_threat":
        choice = "app.choice.existential_threat." + ("lifted" if params.get("strength") == 0 else "on")
    text = t(choice, lang) if choice else event[f"description_{lang}"]
    if effect is None:
        return text
    if effect.nothing:
        return f"{text} {t('app.effect.nothing', lang)}"
    where = []
    if effect.organisations and len(effect.organisations) < len(names.organisations):
        where.append(t("app.effect.organisations", lang,
                       names=_listed([names.organisations[o] for o in effect.organisations], lang)))
    if effect.forums and len(effect.forums) < len(names.forums):
        where.append(t("app.effect.forums", lang, names=_listed([names.forums[f] for f in effect.forums], lang)))
    if effect.issues and len(effect.issues) < len(names.issues):
        where.append(t("app.effect.issues", lang, names=_listed([names.issues[k] for k in effect.issues], lang)))
    if effect.ties:
        where.append(t("app.effect.ties", lang, n=effect.ties))
    return text if not where else f"{text} {t('app.effect.where', lang, where='; '.join(where))}"


def doorstart_text(event: dict, rows: list[dict], events: list[dict], window: int, lang: str) -> str:
    """A doorstart in plain sentences: recovery from the trough, what rose most since, what was done since the
    dip began (from the measured indicators and the log; the model does not attribute a doorstart)."""
    num = lambda v: decimal(v, lang)   # noqa: E731
    week, trough_week = event["step"], event["trough_week"]
    text = t("app.doorstart", lang, week=week, level=num(event["level"]), trough=num(event["trough"]),
             trough_week=trough_week)
    rises = sorted(((window_mean(rows, c, week, window) - window_mean(rows, c, trough_week, window), c)
                    for c in VITALITY_COMPONENTS), reverse=True)
    risen = [t("app.doorstart.rise", lang, name=t(c, lang), by=num(d)) for d, c in rises[:2] if d >= 0.005]
    if risen:
        text += " " + t("app.doorstart.risen", lang, rises=t("app.and", lang).join(risen))
    done = [e[f"label_{lang}"] for e in events if e["type"] in ("intervention", "governance")
            and event["dip_start"] <= e["step"] <= week]
    text += " " + (t("app.doorstart.done", lang, done=_listed(list(dict.fromkeys(done)), lang, most=4)) if done
                   else t("app.doorstart.nothing_done", lang))
    return text


def narrate(event: dict, lang: str, *, effect: Effect | None = None, names: Names | None = None,
            rows: list[dict] | None = None, events: list[dict] | None = None, window: int = 6) -> str:
    """One event as plain sentences: its kind, then what happened."""
    key = f"app.event.{event['type']}"
    kind = t(key, lang) if key in TEXT else event["type"]
    if event["type"] in APPLIED:
        body = what_it_did(event, effect, names, lang) if names else event[f"description_{lang}"]
        text = f"{event[f'label_{lang}']}: {body}"
    elif event["type"] == "doorstart" and rows is not None:
        text = doorstart_text(event, rows, events or [], window, lang)
    else:
        text = event[f"label_{lang}"]
    return text if text.lower().startswith(kind.lower()) else f"{kind}: {text}"   # no "Doorbraak: Doorbraak"


def log_lines(events: list[dict], week: int, lang: str, **context) -> list[tuple[int, str, str]]:
    """(week, type, sentence) for every event up to ``week``, newest first; ``context``: ``effects`` (event
    index -> Effect), ``names``, ``rows``, ``window`` for the richer sentences (see :func:`narrate`)."""
    effects = context.pop("effects", {})
    return [(e["step"], e["type"], narrate(e, lang, effect=effects.get(i), events=events, **context))
            for i, e in reversed(list(enumerate(events))) if e["step"] <= week]
