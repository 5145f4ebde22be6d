"""The game over plain HTTP (issue 19 item 6): what a phone and the trainer do, as small JSON requests.

Solara's pages talk to the server over one websocket per tab that carries the Jupyter kernel protocol with
ipywidgets' comm messages (solara/server/kernel.py, server.py): a page is a tree of widget models, each opened
with a ``comm_open``, and a click is a ``comm_msg`` to one button's model id. A client that drives a page that
way has to rebuild the widget tree to find the button: a widget front end of its own. So ``netwerksim spel``
also answers a few JSON requests, which go through the same :class:`~.game_host.Game` as the pages, with the
room's checks (the join code, the participant's token and organisation, the trainer's token; a double submit
counts once; a choice is answered only once it is stored). The load benchmark (benchmarks/bench_game_api.py)
drives these; a phone without JavaScript could too.

- ``POST /spel/api/join`` ``{"code", "nickname", "organisation"?}`` -> ``{"token", "organisation"}``
- ``GET /spel/api/state?token=T`` -> the round, whether it is open, seconds left, who decided, hours allowed,
  tables, whether stay/dormant/leave is asked, whether the organisation has left
- ``POST /spel/api/choice`` ``{"token", "round", "hours"?, "tables"?, "open"?, "stance"?}`` (what it leaves
  out, the model decides) -> ``{"stored": true, "round", "organisation", "nickname"}``
- ``POST /spel/api/round`` ``{"trainer", "action": "open" | "close", "seconds"?}`` (5-3600) -> ``{"round", "week"}``

Refusals: 403 (a token or code that does not allow it), 409 (already decided differently), 400 (anything
else the room refuses, with its message); never a traceback.
"""

from __future__ import annotations

import json
import sys
from typing import Any, Callable

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from ..choices import Choice
from ..game.room import AlreadyDecided, NotAllowed, RoomError
from .game_host import current_game

PREFIX = "/spel/api"
CHOICE_TYPES = {"hours": ((int, float), "a number of hours a week"), "tables": (list, "a list of table ids"),
                "open": (bool, "true or false"), "stance": (str, "'stay', 'dormant' or 'leave'")}
CHOICE_KEYS = {"token", "round", *CHOICE_TYPES}


class BadRequest(Exception):
    """A request whose body is not what the endpoint takes."""


async def _body(request: Request, allowed: set[str]) -> dict[str, Any]:
    try:
        body = json.loads(await request.body() or b"{}")
    except ValueError:
        raise BadRequest("the body is not JSON") from None
    if not isinstance(body, dict):
        raise BadRequest("the body is not a JSON object")
    unknown = set(body) - allowed
    if unknown:
        raise BadRequest(f"unknown fields {sorted(unknown)}; allowed: {sorted(allowed)}")
    return body


def _answer(action: Callable[[dict], dict], fields: set[str]) -> Callable:
    """An endpoint that runs ``action`` on the request's arguments (``fields`` allowed) in a worker thread (the
    room's lock may wait while a round is played) and answers in JSON."""
    async def endpoint(request: Request) -> JSONResponse:
        try:
            args = dict(request.query_params) if request.method == "GET" else await _body(request, fields)
            return JSONResponse(await run_in_threadpool(action, args))
        except NotAllowed as exc:
            return JSONResponse({"error": str(exc)}, status_code=403)
        except AlreadyDecided as exc:
            return JSONResponse({"error": str(exc)}, status_code=409)
        except (RoomError, BadRequest, ValueError, TypeError) as exc:
            return JSONResponse({"error": str(exc)}, status_code=400)
    return endpoint


def _join(args: dict) -> dict:
    p = current_game().join(args.get("code", ""), args.get("nickname", ""), args.get("organisation"))
    return {"token": p.token, "organisation": p.organisation}


def _state(args: dict) -> dict:
    b = current_game().brief(args.get("token", ""), "nl")
    return {"round": b.round, "open": b.open, "seconds_left": b.seconds_left, "organisation": b.organisation,
            "decided_by": b.decided_by, "max_hours": b.max_hours, "tables": [f for f, _ in b.tables],
            "ask_stance": b.ask_stance, "exited": b.exited}


def _choice(args: dict) -> dict:
    if not isinstance(args.get("round"), int):
        raise BadRequest("round: a whole number (the round the choice is for)")
    for key, (kind, says) in CHOICE_TYPES.items():
        value = args.get(key)
        if value is not None and (not isinstance(value, kind) or (key == "hours" and isinstance(value, bool))
                                  or (key == "tables" and not all(isinstance(f, str) for f in value))):
            raise BadRequest(f"{key}: {says}")
    choice = Choice(**{k: args[k] for k in CHOICE_TYPES if k in args})
    receipt = current_game().submit(args.get("token", ""), args["round"], choice)
    return {"stored": True, "round": receipt.round, "organisation": receipt.organisation, "nickname": receipt.nickname}


def _round(args: dict) -> dict:
    game, trainer = current_game(), args.get("trainer", "")
    if args.get("action") == "open":
        seconds = args.get("seconds")
        r = game.open_round(trainer, None if seconds is None else game.room._seconds(seconds))
    elif args.get("action") == "close":
        r = game.close_round(trainer)
    else:
        raise BadRequest("action: 'open' or 'close'")
    return {"round": r, "week": game.room.model.week}


ROUTES = [Route(f"{PREFIX}/join", _answer(_join, {"code", "nickname", "organisation"}), methods=["POST"]),
          Route(f"{PREFIX}/state", _answer(_state, {"token"}), methods=["GET"]),
          Route(f"{PREFIX}/choice", _answer(_choice, CHOICE_KEYS), methods=["POST"]),
          Route(f"{PREFIX}/round", _answer(_round, {"trainer", "action", "seconds"}), methods=["POST"])]


def install() -> None:
    """Put the routes in front of Solara's own (whose last route answers every path with the page), when this
    process is Solara's server; in any other process (tests that render the pages) nothing happens."""
    server = sys.modules.get("solara.server.starlette")
    if server is None:
        return
    routes = server.app.router.routes
    if not any(getattr(r, "path", "").startswith(PREFIX) for r in routes):
        routes[:0] = ROUTES
