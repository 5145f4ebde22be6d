"""The debrief of the game (issue 19 item 5): the all-model replay, the log and the sentence."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from netwerksim import i18n
from netwerksim.choices import Choice
from netwerksim.game.debrief import difference, log_frame, mean_choice, play_again, replay, sentence, weigh, write_log
from netwerksim.game.room import Room
from netwerksim.runner import run

SCENARIO, SEED = "zorgnetwerk", 7


@pytest.fixture(scope="module")
def played(tmp_path_factory):
    """Three rounds: four participants hold back hours and information, the trainer presses co-location in round 2."""
    room = Room(SCENARIO, tmp_path_factory.mktemp("g") / "spel", seed=SEED)
    people = [room.join(room.code, name) for name in ("Ans", "Bob", "Cas", "Dirk")]
    for r in range(1, 4):
        room.open_round(room.trainer_token)
        if r == 2:
            room.intervene(room.trainer_token, "co_location")
        for p in people[: 3 if r == 3 else 4]:           # Dirk does not decide in round 3: the model does
            room.submit(p.token, r, Choice(hours=0.5, open=False))
        room.close_round(room.trainer_token)
    yield room, people, replay(room)
    room.close()


def test_the_all_model_replay_is_the_plain_run_with_that_seed_and_the_trainers_interventions(played):
    room, _, model_run = played
    assert [(w, n) for w, n, _ in room.model.pressed] == [(5, "co_location")]
    plain = run(SCENARIO, seed=SEED, steps=12, interventions=[(5, "co_location", {})])
    assert [r["vitality"] for r in model_run.model.rows] == plain.timeseries["vitality"].tolist()
    assert model_run.model.rows[-1] == pytest.approx(plain.timeseries.iloc[-1].to_dict())
    # the room's choices made a difference the replay does not have
    assert room.model.rows[-1]["joint_contribution"] < model_run.model.rows[-1]["joint_contribution"] - 0.05


def test_the_log_sets_each_played_choice_beside_the_models_with_nicknames_only(played):
    room, people, model_run = played
    frame = log_frame(room, model_run)
    assert len(frame) == 3 * len(room.organisations)
    dirk = people[3].organisation
    row = frame[(frame["round"] == 2) & (frame["organisation"] == dirk)].iloc[0]
    assert row["decided_by"] == "Dirk" and row["chosen_hours"] == 0.5 and row["chosen_open"] == False  # noqa: E712
    assert row["model_hours"] > 0.5 and row["model_open"] == True                                       # noqa: E712
    # the model's choice is the round's mean of what its rule does in the game's situation, week by week
    own = play_again(room, (), own=True).own[2][dirk]
    assert row["model_hours"] == pytest.approx(own.hours)
    assert row["hours_given"] == pytest.approx(0.5) and row["hours_given_model"] > 5
    later = frame[(frame["round"] == 3) & (frame["organisation"] == dirk)].iloc[0]
    assert later["decided_by"] == i18n.t("game.by_model") and pd.isna(later["chosen_hours"])
    unplayed = frame[~frame["organisation"].isin([p.organisation for p in people])]
    assert (unplayed["decided_by"] == "model").all() and (unplayed["players"] == "").all()
    assert frame["vitality_model"].tolist()[-1] == model_run.model.rows[12]["vitality"]
    out = write_log(room, model_run)
    text = (out / "log.csv").read_text(encoding="utf-8")
    assert "Ans" in text and not any(p.token in text for p in people)
    for report in ("verslag.md", "report.md"):                    # the short report: nicknames, never tokens
        text = (out / report).read_text(encoding="utf-8")
        assert "Dirk" in text and not any(p.token in text for p in people)
    assert "Wiens keuzes maakten het verschil" in (out / "verslag.md").read_text(encoding="utf-8")
    pd.testing.assert_frame_equal(pd.read_parquet(out / "log.parquet"), frame)


def test_the_sentence_gives_both_vitalities(played):
    room, _, model_run = played
    you, model = room.model.rows[-1]["vitality"], model_run.model.rows[-1]["vitality"]
    nl, en = sentence(room, model_run, "nl"), sentence(room, model_run, "en")
    assert nl.startswith("met jullie keuzes ") and "als de organisaties hadden gedaan wat het model doet" in nl
    assert f"{you:.2f}".replace(".", ",") in nl and f"{model:.2f}".replace(".", ",") in nl
    assert f"{you:.2f}" in en and f"{model:.2f}" in en


def test_the_difference_names_the_organisation_whose_hours_differ_most(played):
    room, people, model_run = played
    game, model = np.mean(room.hours_given, axis=0), np.mean(model_run.hours_given, axis=0)
    k = int(np.argmax(np.abs(game - model)))
    assert room.organisations[k] in {p.organisation for p in people}     # one the room played
    nl = difference(room, model_run, "nl")
    assert nl.startswith(f"Het grootste verschil: {room.organisations[k]} gaf gemiddeld {game[k]:.1f}".replace(".", ","))
    assert f"{model[k]:.1f}".replace(".", ",") in nl and "slapend of afgehaakt" in nl
    assert len(room.hours_given) == len(model_run.hours_given) == 12


def test_playing_again_with_every_stored_choice_is_the_game_and_without_them_the_plain_run(played):
    room, _, model_run = played
    again = play_again(room, ())
    assert [r["vitality"] for r in again.model.rows] == [r["vitality"] for r in room.model.rows]
    assert [r["vitality"] for r in play_again(room, None).model.rows] == [r["vitality"] for r in model_run.model.rows]
    # the model's own choices, recorded along, do not change the run
    assert [r["vitality"] for r in play_again(room, (), own=True).model.rows] == [r["vitality"] for r in room.model.rows]


def test_a_rounds_model_choice_is_the_mean_of_its_weeks():
    weekly = [Choice(hours=h, tables=tb, open=True, stance=st) for h, tb, st in
              ((2.0, ("a", "b"), "stay"), (4.0, ("a",), "stay"), (6.0, ("a",), "stay"), (8.0, ("a", "c"), "leave"))]
    mean = mean_choice(weekly)
    assert mean.hours == 5.0 and mean.tables == ("a",) and mean.open is True and mean.stance == "leave"
    assert mean_choice(weekly[:2]).tables == ("a", "b")          # half of the weeks is enough


def test_whose_choices_mattered_most_is_the_organisation_whose_swap_to_the_model_moves_vitality_most(played):
    room, people, model_run = played
    weights = weigh(room)
    assert [org for org, _ in weights] != [] and {org for org, _ in weights} == {p.organisation for p in people}
    end = room.model.rows[-1]["vitality"]
    changes = [abs(v - end) for _, v in weights]
    assert changes == sorted(changes, reverse=True) and changes[0] > 0
    org, without = weights[0]
    assert without == play_again(room, [org]).model.rows[-1]["vitality"]
    nl = difference(room, model_run, "nl", weights)
    assert f"De keuzes van {org} ({', '.join(room.players(org))}) maakten het meeste verschil" in nl
    fmt = ".2f" if f"{without:.2f}" != f"{end:.2f}" else ".3f"      # three decimals when two would not differ
    assert f"{without:{fmt}}".replace(".", ",") in nl and f"{end:{fmt}}".replace(".", ",") in nl
