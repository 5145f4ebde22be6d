"""The debrief of a game (issue 19 item 5): the same network played by the model, side by side with the room's.

:func:`play_again` plays the game's network again from week 0 with the same seed, the trainer's interventions in
the same weeks and the stored choices of every round, except the organisations it is told to leave to the
model's rules; with keyed streams (:mod:`..streams`) all these runs share their random numbers, so a difference
between two of them is what the choices left out did. :func:`replay` leaves every organisation to the model
(the all-model run, equal to a plain run with that seed); :func:`weigh` leaves one organisation at a time to the
model, so the debrief can say whose choices made the difference. :func:`log_frame` lists, per round and
organisation, the choice that was played (by whom, nicknames only) next to what the model's rule would have chosen
in the same situation, averaged over the round's weeks (:func:`mean_choice`), with both runs' hours given and
vitality; :func:`write_log` saves it as CSV and Parquet with a short report in Markdown (:func:`report`) in the
game's folder; :func:`sentence` says it in one line and :func:`difference` what made the difference.
"""

from __future__ import annotations

import json
from pathlib import Path

from dataclasses import dataclass, field
from typing import Iterable

import numpy as np
import pandas as pd

from .. import i18n
from ..i18n import decimal, t
from ..mechanisms.production import given_hours
from ..model import NetwerkModel
from ..state import Status
from ..choices import Choice
from .room import Room, _as_json, _from_json

CHOICE_FIELDS = ("hours", "tables", "open", "stance")


@dataclass
class Replay:
    """A run of a game's network: the model at the game's week, the hours each organisation gave per week and,
    when asked for, per round and organisation the round's mean of what the model's rules would have chosen."""

    model: NetwerkModel
    hours_given: list[np.ndarray]
    own: dict[int, dict[str, Choice]] = field(default_factory=dict)


def mean_choice(weekly: list[Choice]) -> Choice:
    """A round's weekly choices as one: the mean hours, the tables gone to in at least half of the weeks, open
    when open in at least half, and the last week's stance (leaving is final)."""
    half = len(weekly) / 2
    tables = dict.fromkeys(f for c in weekly for f in c.tables or ())
    return Choice(hours=float(np.mean([c.hours for c in weekly])),
                  tables=tuple(f for f in tables if sum(f in (c.tables or ()) for c in weekly) >= half),
                  open=sum(c.open is not False for c in weekly) >= half, stance=weekly[-1].stance)


def play_again(room: Room, model_plays: Iterable[str] | None = None, *, own: bool = False) -> Replay:
    """The game's network from week 0 to the game's week: the same seed, the trainer's presses in their weeks and
    every stored choice, except those of ``model_plays`` (None: every organisation), whom the model's rules play.
    ``own``: also what the model's rules would have had each organisation do in each week of the game (for one
    that chose, a branch with its choice dropped, :meth:`~netwerksim.model.NetwerkModel.own_choice`; for one
    that did not, what it did), as each round's mean."""
    model = NetwerkModel(room.scenario, rng=room.seed, mesa_data=False)
    run = Replay(model, [])
    for r, last in room.read("SELECT round, last_week FROM rounds ORDER BY round"):
        chosen = {} if model_plays is None else {org: c for org, c in room.decided(r).items()
                                                 if org not in set(model_plays)}
        for org in room.organisations:
            model.choose(org, chosen.get(org))
        weekly = []
        while model.week < last:
            for at, name, params in room.model.pressed:
                if at == model.week + 1:
                    model.intervene(name, **params)
            if own:
                weekly.append({org: model.own_choice(org) for org in chosen})
            model.step()
            if own:   # those nobody chose for did what the model's rules decide
                weekly[-1].update(model.decisions([o for o in room.organisations if o not in chosen]))
            run.hours_given.append(given_hours(model.state))
        if own:
            run.own[r] = {org: mean_choice([w[org] for w in weekly]) for org in room.organisations}
    for org in room.organisations:
        model.choose(org, None)
    return run


def replay(room: Room) -> Replay:
    """The game's network from week 0 to the game's week, same seed and interventions, every choice the model's."""
    return play_again(room, None)


def weigh(room: Room) -> list[tuple[str, float]]:
    """Per organisation that chose in some round: the vitality at the game's end had the model's rules played it
    (everyone else as in the game; paired: the same random numbers), the largest change first."""
    played = [org for org in room.organisations if room.read(
        "SELECT 1 FROM choices WHERE organisation = ? LIMIT 1", (org,))]
    end = room.model.rows[-1]["vitality"]
    without = [(org, float(play_again(room, [org]).model.rows[-1]["vitality"])) for org in played]
    return sorted(without, key=lambda ov: -abs(ov[1] - end))


def _fields(prefix: str, text: str | None) -> dict[str, object]:
    if text is None:
        return {f"{prefix}_{f}": None for f in CHOICE_FIELDS}
    choice = _from_json(text)
    return {f"{prefix}_{f}": (";".join(v) if f == "tables" and v is not None else v)
            for f in CHOICE_FIELDS for v in [getattr(choice, f)]}


def log_frame(room: Room, model_run: Replay | None = None, own_run: Replay | None = None) -> pd.DataFrame:
    """One row per round and organisation: who played it (nicknames), the choice played and what the model's rule
    would have chosen in the game's situation (the round's mean; ``own_run``: :func:`play_again` with ``own``),
    the hours it gave a week on average over the round in the game and in the all-model replay."""
    model_run = model_run or replay(room)
    own = (own_run or play_again(room, (), own=True)).own
    rounds = room.read("SELECT round, first_week, last_week, vitality FROM rounds ORDER BY round")
    nickname = dict(room.read("SELECT token, nickname FROM participants"))
    rows = []
    for r, first, last, vitality in rounds:
        played = {org: (who, text) for org, who, text in
                  room.read("SELECT organisation, participant, choice FROM choices WHERE round = ?", (r,))}
        game_hours = np.mean(room.hours_given[first - 1:last], axis=0)
        model_hours = np.mean(model_run.hours_given[first - 1:last], axis=0)
        for k, org in enumerate(room.organisations):
            who, text = played.get(org, (None, None))
            rows.append({"round": r, "first_week": first, "last_week": last, "organisation": org,
                         "players": ", ".join(room.players(org)),
                         "decided_by": nickname[who] if who else i18n.t("game.by_model"),
                         **_fields("chosen", text), **_fields("model", _as_json(own[r][org])),
                         "hours_given": game_hours[k], "hours_given_model": model_hours[k],
                         "vitality": vitality, "vitality_model": model_run.model.rows[last]["vitality"]})
    return pd.DataFrame(rows)


def sentence(room: Room, model_run: Replay, lang: str = "nl") -> str:
    """Both vitalities at the game's end in one sentence (Dutch decimal commas in Dutch)."""
    start = room.model.rows[0]["vitality"]
    parts = []
    for who, run in (("you", room.model), ("model", model_run.model)):
        end = run.rows[-1]["vitality"]
        parts.append(i18n.t(f"game.{who}_{'fell' if end < start else 'rose'}", lang, v=i18n.decimal(end, lang)))
    return "; ".join(parts) + "."


def difference(room: Room, model_run: Replay, lang: str = "nl", weights: list[tuple[str, float]] | None = None) -> str:
    """What made the difference: the organisation whose hours given (mean a week over the game) differ most from
    the replay's; how many organisations had left or gone dormant at the end in each run; and, with ``weights``
    (:func:`weigh`), whose choices mattered most: the vitality had the model played that organisation."""
    game, model = np.mean(room.hours_given, axis=0), np.mean(model_run.hours_given, axis=0)
    k = int(np.argmax(np.abs(game - model)))
    text = t("game.diff.hours", lang, org=room.organisations[k], h=decimal(float(game[k]), lang, ".1f"),
             m=decimal(float(model[k]), lang, ".1f"))
    quiet = [int(np.isin(run.state.orgs.status, (Status.DORMANT, Status.EXITED)).sum())
             for run in (room.model, model_run.model)]
    parts = [text, t("game.diff.quiet", lang, n=quiet[0], m=quiet[1])]
    if weights:
        org, without = weights[0]
        end = float(room.model.rows[-1]["vitality"])
        fmt = ".2f" if f"{without:.2f}" != f"{end:.2f}" else ".3f"     # a small difference still shows
        parts.append(t("game.diff.most", lang, org=org, who=", ".join(room.players(org)),
                       v=decimal(without, lang, fmt), g=decimal(end, lang, fmt)))
    return " ".join(parts)


def report(room: Room, frame: pd.DataFrame, model_run: Replay, weights: list[tuple[str, float]],
           lang: str = "nl") -> str:
    """The game in short, as Markdown (nicknames only): the network and seed, who played what, both vitalities,
    what made the difference, per organisation the vitality had the model played it, and per round the choices
    beside the model's."""
    end = float(room.model.rows[-1]["vitality"])
    lines = [f"# {t('game.report.title', lang)}", "",
             t("game.report.about", lang, scenario=getattr(room.scenario.meta, f"name_{lang}"), seed=room.seed,
               rounds=int(frame["round"].max()) if len(frame) else 0, weeks=room.model.week), "",
             f"**{sentence(room, model_run, lang)[0].upper() + sentence(room, model_run, lang)[1:]}**", "",
             difference(room, model_run, lang, weights), "", f"## {t('game.report.players', lang)}", ""]
    lines += [f"- {org}: {', '.join(room.players(org)) or t('game.page.model_plays', lang)}" for org in room.organisations]
    if weights:
        lines += ["", f"## {t('game.report.weights', lang)}", "",
                  f"| {t('game.page.col_org', lang)} | {t('game.report.without', lang)} | {t('game.report.change', lang)} |",
                  "|---|---|---|"]
        lines += [f"| {org} | {decimal(v, lang)} | {decimal(end - v, lang)} |" for org, v in weights]
        lines += ["", t("game.report.pairs", lang)]
    head = [t(k, lang) for k in ("game.page.col_round", "game.page.col_org", "game.page.col_by",
                                 "game.report.chosen_hours", "game.report.model_hours", "game.report.open")]
    lines += ["", f"## {t('game.report.choices', lang)}", "", "| " + " | ".join(head) + " |", "|---" * len(head) + "|"]
    for _, r in frame[frame["decided_by"] != t("game.by_model")].iterrows():
        lines.append(f"| {r['round']} | {r['organisation']} | {r['decided_by']} | "
                     f"{decimal(float(r['chosen_hours']), lang, '.1f') if pd.notna(r['chosen_hours']) else '–'} | "
                     f"{decimal(float(r['model_hours']), lang, '.1f')} | "
                     f"{t('game.report.yes' if r['chosen_open'] is not False else 'game.report.no', lang)} |")
    return "\n".join(lines) + "\n"


def write_log(room: Room, model_run: Replay | None = None, frame: pd.DataFrame | None = None,
              weights: list[tuple[str, float]] | None = None) -> Path:
    """``debrief/log.csv`` and ``log.parquet`` (nicknames only, no tokens), the report ``verslag.md`` (Dutch) and
    ``report.md`` (English), and ``summary.json`` in the game's folder."""
    model_run = model_run or replay(room)
    frame = log_frame(room, model_run) if frame is None else frame
    weights = weigh(room) if weights is None else weights
    out = room.folder / "debrief"
    out.mkdir(exist_ok=True)
    frame.to_csv(out / "log.csv", index=False)
    frame.to_parquet(out / "log.parquet", index=False)
    for name, lang in (("verslag.md", "nl"), ("report.md", "en")):
        (out / name).write_text(report(room, frame, model_run, weights, lang), encoding="utf-8")
    (out / "summary.json").write_text(json.dumps(
        {"seed": room.seed, "weeks": room.model.week, "sentence_nl": sentence(room, model_run, "nl"),
         "sentence_en": sentence(room, model_run, "en"), "difference_nl": difference(room, model_run, "nl", weights),
         "difference_en": difference(room, model_run, "en", weights), "vitality": room.model.rows[-1]["vitality"],
         "vitality_model": model_run.model.rows[-1]["vitality"],
         "vitality_had_the_model_played": dict(weights)}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return out
