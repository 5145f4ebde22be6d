"""The debrief of a game (issue 19 item 5): the same network played by the model, side by side with the room's.

:func:`replay` plays the game's network again from week 0 with the same seed, the trainer's interventions in
the same weeks and every organisation left to the model's rules; with keyed streams (:mod:`..streams`) the
two runs share their random numbers, so the difference is what the choices did. :func:`log_frame` lists, per
round and organisation, the choice that was played (by whom, nicknames only) next to what the model's rule
chose in the same situation (stored when the round opened), with both runs' hours given and vitality;
:func:`write_log` saves it as CSV and Parquet in the game's folder; :func:`sentence` says it in one line and
:func:`difference` where the two runs parted most.
"""

from __future__ import annotations

import json
from pathlib import Path

from dataclasses import dataclass

import numpy as np
import pandas as pd

from .. import i18n
from ..i18n import decimal, t
from ..mechanisms.production import given_hours
from ..model import NetwerkModel
from ..state import Status
from .room import Room, _from_json

CHOICE_FIELDS = ("hours", "tables", "open", "stance")


@dataclass
class Replay:
    """The all-model run of a game: the model at the game's week and the hours each organisation gave per week."""

    model: NetwerkModel
    hours_given: list[np.ndarray]


def replay(room: Room) -> Replay:
    """The game's network from week 0 to the game's week, same seed and interventions, every choice the model's."""
    model = NetwerkModel(room.scenario, rng=room.seed, mesa_data=False)
    pressed, hours = room.model.pressed, []
    while model.week < room.model.week:
        week = model.week + 1
        for at, name, params in pressed:
            if at == week:
                model.intervene(name, **params)
        model.step()
        hours.append(given_hours(model.state))
    return Replay(model, hours)


def _fields(prefix: str, text: str | None) -> dict[str, object]:
    if text is None:
        return {f"{prefix}_{f}": None for f in CHOICE_FIELDS}
    choice = _from_json(text)
    return {f"{prefix}_{f}": (";".join(v) if f == "tables" and v is not None else v)
            for f in CHOICE_FIELDS for v in [getattr(choice, f)]}


def log_frame(room: Room, model_run: Replay | None = None) -> pd.DataFrame:
    """One row per round and organisation: who played it (nicknames), the choice played and the model's own,
    the hours it gave a week on average over the round in the game and in the all-model replay."""
    model_run = model_run or replay(room)
    rounds = room.read("SELECT round, first_week, last_week, vitality FROM rounds ORDER BY round")
    nickname = dict(room.read("SELECT token, nickname FROM participants"))
    rows = []
    for r, first, last, vitality in rounds:
        played = {org: (who, text) for org, who, text in
                  room.read("SELECT organisation, participant, choice FROM choices WHERE round = ?", (r,))}
        own = dict(room.read("SELECT organisation, choice FROM own_choices WHERE round = ?", (r,)))
        game_hours = np.mean(room.hours_given[first - 1:last], axis=0)
        model_hours = np.mean(model_run.hours_given[first - 1:last], axis=0)
        for k, org in enumerate(room.organisations):
            who, text = played.get(org, (None, None))
            rows.append({"round": r, "first_week": first, "last_week": last, "organisation": org,
                         "players": ", ".join(room.players(org)),
                         "decided_by": nickname[who] if who else i18n.t("game.by_model"),
                         **_fields("chosen", text), **_fields("model", own.get(org)),
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


def difference(room: Room, model_run: Replay, lang: str = "nl") -> str:
    """Where the two runs parted most: the organisation whose hours given (mean a week over the game) differ
    most from the replay's, and how many organisations had left or gone dormant at the end in each run."""
    game, model = np.mean(room.hours_given, axis=0), np.mean(model_run.hours_given, axis=0)
    k = int(np.argmax(np.abs(game - model)))
    text = t("game.diff.hours", lang, org=room.organisations[k], h=decimal(float(game[k]), lang, ".1f"),
             m=decimal(float(model[k]), lang, ".1f"))
    quiet = [int(np.isin(run.state.orgs.status, (Status.DORMANT, Status.EXITED)).sum())
             for run in (room.model, model_run.model)]
    return f"{text} {t('game.diff.quiet', lang, n=quiet[0], m=quiet[1])}"


def write_log(room: Room, model_run: Replay | None = None) -> Path:
    """``debrief/log.csv`` and ``log.parquet`` (nicknames only, no tokens) and ``summary.json`` in the game's folder."""
    model_run = model_run or replay(room)
    out = room.folder / "debrief"
    out.mkdir(exist_ok=True)
    frame = log_frame(room, model_run)
    frame.to_csv(out / "log.csv", index=False)
    frame.to_parquet(out / "log.parquet", index=False)
    (out / "summary.json").write_text(json.dumps(
        {"seed": room.seed, "weeks": room.model.week, "sentence_nl": sentence(room, model_run, "nl"),
         "sentence_en": sentence(room, model_run, "en"), "difference_nl": difference(room, model_run, "nl"),
         "difference_en": difference(room, model_run, "en"), "vitality": room.model.rows[-1]["vitality"],
         "vitality_model": model_run.model.rows[-1]["vitality"]}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return out
