"""The room of the game (issue 19): joining, rounds, stored choices and the server's checks, without a browser."""

from __future__ import annotations

import sqlite3
import threading

import numpy as np
import pytest

from netwerksim.choices import Choice
from netwerksim.game.room import AlreadyDecided, NotAllowed, Room, RoomError
from netwerksim.mechanisms.production import given_hours
from netwerksim.runner import run
from netwerksim.state import Status
from netwerksim.storage import OutputError

SCENARIO, SEED = "zorgnetwerk", 5


class Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def room(tmp_path):
    r = Room(SCENARIO, tmp_path / "spel", seed=SEED, clock=Clock())
    yield r
    r.close()


def test_join_code_nicknames_and_assignment_in_turn(room):
    assert len(room.code) == 5 and not set(room.code) & set("01OIL")
    with pytest.raises(NotAllowed):
        room.join("WRONG", "Ans")
    with pytest.raises(RoomError, match="bijnaam"):
        room.join(room.code, "   ")
    people = [room.join(room.code.lower(), f"speler {k}") for k in range(10)]
    orgs = room.organisations
    assert [p.organisation for p in people] == orgs + orgs[:3]      # in turn: fewest players first
    assert room.participant(people[8].token) == people[8]           # a phone that slept comes back
    with pytest.raises(NotAllowed):
        room.participant("not-a-token")


def test_assignment_by_choice_shares_up_to_three(tmp_path):
    room = Room(SCENARIO, tmp_path / "spel", seed=SEED, assignment="choice")
    org = room.organisations[2]
    for k in range(3):
        assert room.join(room.code, f"p{k}", org).organisation == org
    with pytest.raises(RoomError, match="al 3 spelers"):
        room.join(room.code, "p3", org)
    with pytest.raises(RoomError, match="onbekende organisatie"):
        room.join(room.code, "p4", "Nergens")
    room.close()


def test_trainer_actions_need_the_trainer_token(room):
    participant = room.join(room.code, "Ans")
    for token in (participant.token, "", "x" * 22):
        with pytest.raises(NotAllowed):
            room.open_round(token)
        with pytest.raises(NotAllowed):
            room.intervene(token, "co_location")
    room.open_round(room.trainer_token, seconds=60)
    with pytest.raises(NotAllowed):          # before the deadline only the trainer closes a round
        room.close_round(participant.token)


def test_a_choice_is_for_the_participants_own_organisation_and_counts_once(room):
    ans, bob = room.join(room.code, "Ans"), room.join(room.code, "Bob")
    r = room.open_round(room.trainer_token)
    first = room.submit(ans.token, r, Choice(hours=10.0))
    again = room.submit(ans.token, r, Choice(hours=10.0))      # a double tap or a retry
    assert again == first and first.organisation == ans.organisation
    with pytest.raises(AlreadyDecided):
        room.submit(ans.token, r, Choice(hours=12.0))
    room.submit(bob.token, r, Choice(stance="leave"))
    stored = sqlite3.connect(room.folder / "game.sqlite").execute(
        "SELECT round, organisation, participant FROM choices ORDER BY organisation").fetchall()
    assert sorted(stored) == sorted([(r, ans.organisation, ans.token), (r, bob.organisation, bob.token)])
    with pytest.raises(ValueError, match="allowed: 0-"):     # checked as the model checks it, nothing stored
        room.submit(room.join(room.code, "Cas").token, r, Choice(hours=1e6))
    assert len(room.decided()) == 2


def test_a_closed_or_other_round_takes_no_choice(room):
    ans = room.join(room.code, "Ans")
    with pytest.raises(RoomError, match="niet open"):
        room.submit(ans.token, 1, Choice(hours=5.0))
    r = room.open_round(room.trainer_token, seconds=30)
    with pytest.raises(RoomError, match="niet open"):
        room.submit(ans.token, r + 1, Choice(hours=5.0))
    room.clock.now = 31.0
    with pytest.raises(RoomError, match="niet open"):
        room.submit(ans.token, r, Choice(hours=5.0))
    assert room.tick() and not room.is_open and room.model.week == 4


def test_a_round_plays_the_stored_choices_and_the_model_for_everyone_else(room):
    ans, bob = room.join(room.code, "Ans"), room.join(room.code, "Bob")
    a, b = (room.organisations.index(p.organisation) for p in (ans, bob))
    plain = room.model.branch()
    r = room.open_round(room.trainer_token)
    room.submit(ans.token, r, Choice(hours=3.0))
    room.submit(bob.token, r, Choice(stance="leave"))
    room.close_round(room.trainer_token)
    for _ in range(4):
        plain.step()
    assert room.model.week == 4
    assert given_hours(room.model.state)[a] == pytest.approx(3.0)
    assert room.model.state.orgs.status[b] == Status.EXITED
    r = room.open_round(room.trainer_token)
    with pytest.raises(RoomError, match="verlaten"):        # nothing left to choose once it has left
        room.submit(bob.token, r, Choice(stance="stay"))
    assert room.model.state.choices is None or np.isnan(room.model.state.choices.hours).all()   # for one round
    assert given_hours(plain.state)[a] > 6.0                # the model would have given more
    own = sqlite3.connect(room.folder / "game.sqlite").execute(
        "SELECT organisation FROM own_choices WHERE round = ?", (1,)).fetchall()
    assert sorted(o for (o,) in own) == sorted(room.organisations)


def test_a_game_nobody_decides_is_the_plain_run_with_that_seed(room):
    room.join(room.code, "Ans")
    for _ in range(3):
        room.open_round(room.trainer_token)
        room.close_round(room.trainer_token)
    plain = run(SCENARIO, seed=SEED, steps=12)
    assert [row["vitality"] for row in room.model.rows] == plain.timeseries["vitality"].tolist()
    assert room.model.rows[-1] == pytest.approx(plain.timeseries.iloc[-1].to_dict())


def test_the_game_folder_is_new_or_empty(tmp_path):
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("van mij")
    with pytest.raises(OutputError):
        Room(SCENARIO, tmp_path / "mine")
    assert (tmp_path / "mine" / "notes.txt").read_text() == "van mij"
    Room(SCENARIO, tmp_path / "spel").close()
    with pytest.raises(OutputError, match="never replaced"):   # not even by another game
        Room(SCENARIO, tmp_path / "spel")


def test_thirty_participants_deciding_at_once_are_all_stored(tmp_path):
    room = Room(SCENARIO, tmp_path / "spel", seed=SEED, max_share=5)
    people = [room.join(room.code, f"p{k}") for k in range(30)]
    r = room.open_round(room.trainer_token)
    answers: list[object] = []

    def decide(p):
        try:
            answers.append(room.submit(p.token, r, Choice(hours=5.0, open=bool(len(p.nickname) % 2))))
        except AlreadyDecided as refused:
            answers.append(refused)

    threads = [threading.Thread(target=decide, args=(p,)) for p in people]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    receipts = [a for a in answers if not isinstance(a, Exception)]
    assert len(answers) == 30
    assert len(receipts) == len(room.organisations)          # one per organisation, the rest told why
    assert set(room.decided()) == {x.organisation for x in receipts}
    room.close_round(room.trainer_token)
    room.close()


def test_a_stopped_server_resumes_the_room_as_it_was(tmp_path):
    """Participants, tokens, the closed rounds' weeks, the open round and its stored choices and presses come back."""
    room = Room(SCENARIO, tmp_path / "spel", seed=SEED)
    ans, bob = room.join(room.code, "Ans"), room.join(room.code, "Bob")
    for r in (1, 2):
        room.open_round(room.trainer_token)
        room.submit(ans.token, r, Choice(hours=2.0, open=False))
        if r == 2:
            room.intervene(room.trainer_token, "co_location")
        room.close_round(room.trainer_token)
    room.open_round(room.trainer_token)
    room.submit(bob.token, 3, Choice(stance="dormant"))
    room.intervene(room.trainer_token, "joint_fact_finding")
    twin = room.model.branch()               # what the room would have gone on to play
    room.close()                             # the server stops

    back = Room.resume(tmp_path / "spel", clock=Clock())
    assert (back.code, back.trainer_token, back.round, back.is_open) == (room.code, room.trainer_token, 3, True)
    assert back.participant(ans.token) == ans and back.players(bob.organisation) == ["Bob"]
    assert back.model.week == 8 and back.hours_given[4][room.organisations.index(ans.organisation)] == pytest.approx(2.0)
    assert back.submit(bob.token, 3, Choice(stance="dormant")).nickname == "Bob"    # the stored one, once
    with pytest.raises(AlreadyDecided):
        back.submit(bob.token, 3, Choice(stance="stay"))
    back.close_round(back.trainer_token)
    twin.choose(bob.organisation, Choice(stance="dormant"))
    for _ in range(4):
        twin.step()
    assert [r["vitality"] for r in back.model.rows] == [r["vitality"] for r in twin.rows]
    assert [(w, n) for w, n, _ in back.model.pressed] == [(5, "co_location"), (9, "joint_fact_finding")]
    back.close()
    with pytest.raises(RoomError, match="geen spel"):
        Room.resume(tmp_path)


def test_the_trainer_sets_the_weeks_of_a_round(room):
    room.open_round(room.trainer_token, weeks=2)
    room.close_round(room.trainer_token)
    assert room.model.week == 2
    with pytest.raises(ValueError, match="allowed: 1-52"):
        room.open_round(room.trainer_token, weeks=0)
    assert not room.is_open and room.round == 1          # a refused opening opens nothing
    room.open_round(room.trainer_token)                   # the last length stays
    room.close_round(room.trainer_token)
    assert room.model.week == 4
    assert [row[1:3] for row in room.read("SELECT * FROM rounds")] == [(1, 2), (3, 4)]
