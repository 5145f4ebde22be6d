"""What a participant's phone and the projector read from the room (issue 19 items 3-4)."""

from __future__ import annotations

import pytest

from netwerksim.choices import Choice
from netwerksim.game.briefing import board, briefing
from netwerksim.game.room import NotAllowed, Room


@pytest.fixture
def room(tmp_path):
    r = Room("zorgnetwerk", tmp_path / "spel", seed=7)
    yield r
    r.close()


def test_the_briefing_tells_the_organisation_its_own_situation(room):
    ans, bob = room.join(room.code, "Ans"), room.join(room.code, "Bob")
    room.open_round(room.trainer_token)
    room.intervene(room.trainer_token, "co_location")
    room.submit(ans.token, 1, Choice(hours=1.0))
    room.close_round(room.trainer_token)
    room.open_round(room.trainer_token)
    week, rows = room.model.week, len(room.model.rows)
    b = briefing(room, ans.token)
    i = room.organisations.index(ans.organisation)
    orgs = room.model.state.orgs
    assert (b.organisation, b.nickname, b.round, b.open) == (ans.organisation, "Ans", 2, True)
    assert b.hours_given == pytest.approx(1.0) and "1,0 uur" in b.lines[2]
    assert b.max_hours == pytest.approx(orgs.hours[i] * orgs.pledge[i])
    assert [tid for tid, _ in b.tables] == room.model.tables_of(i)
    assert len(b.partners) == len(room.organisations) - 1 and not any(b.organisation in p for p in b.partners)
    assert any("Samen op één plek" in line for line in b.last_round)       # pressed in the last round
    assert b.decided_by is None
    assert (room.model.week, len(room.model.rows)) == (week, rows)         # reading changes nothing
    room.close_round(room.trainer_token)
    room.open_round(room.trainer_token)
    assert not any("Samen op één plek" in line for line in briefing(room, bob.token).last_round)
    with pytest.raises(NotAllowed):
        briefing(room, "someone-else")


def test_the_stance_question_comes_only_when_the_value_falls_below_the_alternative(room):
    ans = room.join(room.code, "Ans")
    i = room.organisations.index(ans.organisation)
    orgs = room.model.state.orgs
    above = briefing(room, ans.token, "en")
    assert orgs.perceived_value[i] > orgs.outside_option[i] and not above.ask_stance
    assert "still pays" in above.lines[1]
    orgs.perceived_value[i] = orgs.outside_option[i] - 0.1     # the state as it would be after bad weeks
    below = briefing(room, ans.token)
    assert below.ask_stance and "blijven, slapend lid worden of afhaken" in below.lines[1]


def test_the_board_shows_who_plays_and_who_has_decided(room):
    ans, bob, cas = (room.join(room.code, n) for n in ("Ans", "Bob", "Cas"))
    assert not any(row.decided for row in board(room))
    room.open_round(room.trainer_token)
    room.submit(bob.token, 1, Choice(open=False))
    rows = {row.organisation: row for row in board(room)}
    assert rows[bob.organisation].decided and rows[bob.organisation].players == ["Bob"]
    assert not rows[ans.organisation].decided and not rows[cas.organisation].decided
    assert briefing(room, bob.token).decided_by == "Bob"
    unplayed = [row for row in rows.values() if not row.players]
    assert len(unplayed) == len(room.organisations) - 3 and all(r.status == "doet actief mee" for r in unplayed)
