"""The game's JSON requests (app/game_api.py, issue 19 item 6): the same checks as the pages, answered in JSON.

The endpoints are called as Starlette calls them (a Request on an ASGI scope) on a real room; one test serves
``netwerksim spel`` on a free localhost port and makes the requests over HTTP, as the load benchmark does."""

from __future__ import annotations

import asyncio
import json
import re
import sqlite3
import urllib.error
import urllib.request

import pytest
from starlette.requests import Request

from netwerksim.app import game_api, game_host
from netwerksim.app.game_host import Game
from netwerksim.game.room import Room
from test_app_browser import serve
from test_game_room import Clock

TRAINER = "trainer-token-for-tests"


@pytest.fixture
def game(tmp_path):
    room = Room("zorgnetwerk", tmp_path / "spel", seed=1, round_seconds=60, trainer_token=TRAINER, clock=Clock())
    g = Game(room, "http://127.0.0.1:8765/")
    game_host.set_game(g)
    yield g
    game_host.set_game(None)
    room.close()


def call(path: str, body=None, query: str = "") -> tuple[int, dict]:
    """(status, JSON answer) of the endpoint at ``path`` for a POST of ``body`` (a GET when None)."""
    route = next(r for r in game_api.ROUTES if r.path == game_api.PREFIX + path)
    raw = body if isinstance(body, bytes) else json.dumps(body).encode()
    scope = {"type": "http", "method": "GET" if body is None else "POST", "path": route.path,
             "query_string": query.encode(), "headers": []}

    async def receive():
        return {"type": "http.request", "body": raw, "more_body": False}

    response = asyncio.run(route.endpoint(Request(scope, receive)))
    return response.status_code, json.loads(response.body)


def test_a_participant_joins_decides_once_and_is_answered_only_once_the_choice_is_stored(game):
    status, joined = call("/join", {"code": game.room.code.lower(), "nickname": "Kim"})
    assert status == 200 and joined["organisation"] == game.room.organisations[0]
    token = joined["token"]
    assert call("/round", {"trainer": TRAINER, "action": "open"}) == (200, {"round": 1, "week": 0})
    status, state = call("/state", query=f"token={token}")
    assert status == 200 and state["open"] and state["round"] == 1 and state["decided_by"] is None
    assert state["tables"] == game.room.model.tables_of(joined["organisation"])
    choice = {"token": token, "round": 1, "hours": 3, "open": False}
    assert call("/choice", choice) == (200, {"stored": True, "round": 1, "organisation": joined["organisation"],
                                             "nickname": "Kim"})
    assert game.room.read("SELECT organisation, participant, choice FROM choices") == \
        [(joined["organisation"], token, '{"hours": 3, "open": false, "stance": null, "tables": null}')]
    assert call("/choice", choice)[0] == 200                                       # a double submit counts once
    assert call("/choice", {**choice, "hours": 4})[0] == 409                       # a different one is refused
    assert game.room.read("SELECT COUNT(*) FROM choices") == [(1,)]
    assert call("/state", query=f"token={token}")[1]["decided_by"] == "Kim"
    assert call("/round", {"trainer": TRAINER, "action": "close"}) == (200, {"round": 1, "week": 4})


@pytest.mark.parametrize("path, body, status, says", [
    ("/join", {"code": "ZZZZZ", "nickname": "Kim"}, 403, "onbekende code"),
    ("/join", {"code": None, "nickname": "Kim", "age": 40}, 400, "unknown fields ['age']"),
    ("/round", {"trainer": "not-the-trainer", "action": "open"}, 403, "alleen de spelleider"),
    ("/round", {"trainer": TRAINER, "action": "pause"}, 400, "action: 'open' or 'close'"),
    ("/round", {"trainer": TRAINER, "action": "open", "seconds": -1}, 400, "allowed: 5-3600 seconds"),
    ("/choice", {"token": "not-a-token", "round": 1}, 403, "onbekende deelnemer"),
    ("/choice", b"not json", 400, "the body is not JSON"),
    ("/choice", [1, 2], 400, "not a JSON object"),
])
def test_a_request_the_room_refuses_gets_its_reason_and_changes_nothing(game, path, body, status, says):
    answer = call(path, body)
    assert answer[0] == status and says in answer[1]["error"]
    assert game.room.read("SELECT COUNT(*) FROM participants") == [(0,)] and game.room.round == 0


@pytest.mark.parametrize("field, value, says", [
    ("hours", "many", "hours: a number"), ("hours", True, "hours: a number"), ("hours", 999, "allowed: 0-"),
    ("tables", "stuurgroep", "tables: a list"), ("tables", ["nowhere"], "allowed:"), ("open", "yes", "open: true or false"),
    ("stance", "maybe", "allowed: ['dormant', 'leave', 'stay']"), ("round", 2, "ronde 2 is niet open"),
])
def test_a_choice_outside_what_is_allowed_is_refused_naming_the_field_and_not_stored(game, field, value, says):
    token = call("/join", {"code": game.room.code, "nickname": "Kim"})[1]["token"]
    call("/round", {"trainer": TRAINER, "action": "open"})
    status, answer = call("/choice", {"token": token, "round": 1, field: value})
    assert status == 400 and says in answer["error"]
    assert game.room.read("SELECT COUNT(*) FROM choices") == [(0,)]


def test_netwerksim_spel_answers_the_json_requests_beside_its_pages(tmp_path):
    out, log = tmp_path / "spel", tmp_path / "server.log"
    with serve(log, command=("spel", "zorgnetwerk", "--seed", "1", "--out", str(out))) as (url, _):
        trainer = re.search(r"\?spelleider=(\S+)", log.read_text()).group(1)

        def post(path: str, body: dict) -> tuple[int, dict]:
            request = urllib.request.Request(url + "spel/api" + path, json.dumps(body).encode(), method="POST")
            try:
                with urllib.request.urlopen(request, timeout=30) as answer:
                    return answer.status, json.load(answer)
            except urllib.error.HTTPError as refused:
                return refused.code, json.load(refused)

        assert post("/join", {"code": "ZZZZZ", "nickname": "Kim"})[0] == 403     # (the game starts on first use)
        with sqlite3.connect(f"file:{out / 'game.sqlite'}?mode=ro", uri=True) as db:
            code = db.execute("SELECT value FROM meta WHERE key = 'code'").fetchone()[0]
        token = post("/join", {"code": code, "nickname": "Kim"})[1]["token"]
        assert post("/round", {"trainer": trainer, "action": "open"}) == (200, {"round": 1, "week": 0})
        assert post("/choice", {"token": token, "round": 1, "hours": 2.5})[0] == 200
        assert post("/choice", {"token": token, "round": 1, "hours": 3})[0] == 409
        assert post("/round", {"trainer": trainer, "action": "close"}) == (200, {"round": 1, "week": 4})
        with urllib.request.urlopen(url, timeout=30) as page:                    # the pages are still served
            assert page.status == 200 and b"solara" in page.read().lower()
        with sqlite3.connect(f"file:{out / 'game.sqlite'}?mode=ro", uri=True) as db:
            assert db.execute("SELECT round, choice FROM choices").fetchall() == \
                [(1, '{"hours": 2.5, "open": null, "stance": null, "tables": null}')]
