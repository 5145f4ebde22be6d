"""The app's play loop (app/player.py) without a browser: one week per frame, never ahead of the screen, Pause
within the week, "pause at week N", the end of the run, a reset, a closed tab and a lost browser."""

from __future__ import annotations

import json
import threading
import time

import ipyvuetify as v
import pytest
import solara

from netwerksim.app import Page, Session
from netwerksim.app import player as player_module
from netwerksim.app.player import DISCONNECTED, FINISHED, PAUSE_AT, Player
from netwerksim.app.widgets import LiveFrame

WAIT_S = 20.0


def until(condition, timeout: float = WAIT_S) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)


class Screen:
    """Stands in for the page: records the weeks shown, and renders them at once or when told to."""

    def __init__(self, player: Player, render_at_once: bool = True):
        self.player, self.render_at_once = player, render_at_once
        self.shown: list[int] = []
        self.ended: list[str] = []

    def show(self, week: int) -> None:
        self.shown.append(week)
        if self.render_at_once:
            self.player.rendered()

    def done(self, reason: str) -> None:
        self.ended.append(reason)


def playing(session: Session | None = None, speed: int = 10, **start) -> tuple[Player, Screen]:
    player = Player(session or Session())
    player.speed = speed
    screen = Screen(player, start.pop("render_at_once", True))
    player.start(screen.show, screen.done, **start)
    return player, screen


def test_every_week_is_shown_once_in_order_and_pause_stops_at_once():
    player, screen = playing()
    until(lambda: len(screen.shown) >= 5)
    player.stop()
    assert player.join(WAIT_S)
    assert screen.shown == list(range(1, len(screen.shown) + 1))   # one week per frame, none skipped
    assert player.session.week == screen.shown[-1]                 # the model is where the screen is
    time.sleep(0.3)
    assert player.session.week == screen.shown[-1] and screen.ended == []


def test_the_model_waits_for_the_screen():
    player, screen = playing(render_at_once=False)
    until(lambda: screen.shown == [1])
    time.sleep(0.5)                                    # nothing rendered: no second week
    assert player.session.week == 1
    player.rendered()
    until(lambda: screen.shown == [1, 2])
    player.stop()
    assert player.join(WAIT_S)


def test_a_browser_that_answers_paces_the_play_and_one_that_does_not_slows_it_to_a_week_at_a_time(monkeypatch):
    monkeypatch.setattr(player_module, "ACK_TIMEOUT_S", 1.0)
    player, screen = playing(browser=True)
    until(lambda: screen.shown == [1])
    time.sleep(0.5)
    assert screen.shown == [1]                         # rendered on the server, not yet on screen
    player.drawn(0)                                    # an answer about an earlier week does not count
    time.sleep(0.3)
    assert screen.shown == [1]
    player.drawn(1)
    until(lambda: screen.shown == [1, 2])
    until(lambda: screen.shown == [1, 2, 3], timeout=5.0)   # no answer at all: on after ACK_TIMEOUT_S (1 s here)
    player.stop()
    assert player.join(WAIT_S)


def test_speed_sets_the_weeks_per_second():
    rates = {}
    for speed in (2, 8):
        player, screen = playing(speed=speed)
        until(lambda: len(screen.shown) >= 2)
        start, first = time.monotonic(), len(screen.shown)
        time.sleep(1.5)
        rates[speed] = (len(screen.shown) - first) / (time.monotonic() - start)
        player.stop()
        assert player.join(WAIT_S)
    assert rates[2] == pytest.approx(2, abs=0.7) and rates[8] > 2.5 * rates[2], rates


def test_pause_at_a_week_and_the_end_of_the_run():
    player, screen = playing()
    player.pause_at = 6
    until(lambda: screen.ended == [PAUSE_AT])
    assert screen.shown[-1] == 6 and player.session.week == 6 and not player.playing
    session = Session("zorgnetwerk")
    for _ in range(session.horizon - 3):
        session.step()
    player, screen = playing(session)
    until(lambda: screen.ended == [FINISHED])
    assert session.week == session.horizon and screen.shown[-1] == session.horizon


def test_a_reset_while_playing_leaves_the_new_model_alone():
    player, screen = playing()
    until(lambda: len(screen.shown) >= 3)
    player.stop()
    player.session.reset()
    assert player.join(WAIT_S)
    time.sleep(0.3)
    assert player.session.week == 0


def test_a_closed_tab_ends_the_loop_and_a_lost_browser_pauses_it():
    closed = threading.Event()
    player, screen = playing(closed=closed)
    until(lambda: len(screen.shown) >= 2)
    closed.set()
    assert player.join(WAIT_S) and screen.ended == []
    connected = threading.Event()
    connected.set()
    player, screen = playing(connected=connected.is_set)
    until(lambda: len(screen.shown) >= 2)
    connected.clear()
    until(lambda: screen.ended == [DISCONNECTED])
    assert player.join(WAIT_S)


def test_starting_again_never_runs_two_loops_on_one_model():
    player, screen = playing()
    for _ in range(5):
        player.start(screen.show, screen.done)
    until(lambda: len(screen.shown) >= 8)
    player.stop()
    assert player.join(WAIT_S)
    assert screen.shown == list(range(1, len(screen.shown) + 1))
    assert [t.name for t in threading.enumerate()].count("netwerksim-play") == 0


def test_the_page_plays_and_pauses():
    session = Session()

    @solara.component
    def Wrapper():
        with solara.AppLayout():
            Page(session)

    _, rc = solara.render(Wrapper(), handle_error=False)

    def week_shown() -> int:
        return json.loads(rc.find(LiveFrame).widget.frame_json)["week"]

    rc.find(v.Btn, children=["Start"]).widget.click()
    until(lambda: week_shown() >= 3)
    rc.find(v.Btn, children=["Pauze"]).widget.click()
    until(lambda: rc.find(v.Btn, children=["Start"]).widgets != [])
    until(lambda: "netwerksim-play" not in [t.name for t in threading.enumerate()])
    assert week_shown() == session.week
    rc.close()
