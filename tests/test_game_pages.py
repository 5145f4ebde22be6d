"""The game's pages without a browser (issue 19 step 4): the projector, the phone and the debrief rendered with
``solara.render`` on a real room, the shared Game behind them, and `netwerksim spel`'s checks of its input.
The same pages in Debian's chromium, a projector and twelve phones: tests/test_game_browser.py."""

from __future__ import annotations

import html
import json
import os
import re
import threading
import time
from pathlib import Path

import ipyvuetify as v
import pytest
import solara

from netwerksim.app import game_host
from netwerksim.app.game_host import PLAYED_MARK, Game, choice_text, participants_url
from netwerksim.app.game_page import Page
from netwerksim.app.widgets import NetworkView
from netwerksim.choices import Choice
from netwerksim.cli import main
from netwerksim.game.room import Room
from test_game_room import Clock

TRAINER = "trainer-token-for-tests"


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def game(tmp_path, clock):
    room = Room("zorgnetwerk", tmp_path / "spel", seed=1, round_seconds=60, trainer_token=TRAINER, clock=clock)
    g = Game(room, "http://10.1.2.3:8765/")
    yield g
    g.stop()
    room.close()


def render(game: Game, address: str):
    """The page at ``address`` (``/?...``) inside Solara's routing, as ``solara run`` serves it."""
    @solara.component
    def Wrapper():
        return solara.RoutingProvider(children=[Page(game)], routes=[solara.Route("/")], pathname=address)

    box, rc = solara.render(Wrapper(), handle_error=False)
    return rc


def widgets(rc):
    """Every widget on the page, depth first."""
    todo = list(rc.find().widgets[:1])
    while todo:
        w = todo.pop(0)
        yield w
        todo[:0] = [c for c in getattr(w, "children", []) or [] if not isinstance(c, str)]


def texts(rc, cls: str) -> list[str]:
    """The texts of the elements that carry the class ``cls`` (among others)."""
    return ["".join(c for c in w.children if isinstance(c, str)) for w in widgets(rc)
            if isinstance(w, v.Html) and cls in (w.class_ or "").split()]


def all_text(rc) -> str:
    parts = [c for w in widgets(rc) for c in getattr(w, "children", []) or [] if isinstance(c, str)]
    parts += [html.unescape(w.unsafe_innerHTML) for w in widgets(rc) if isinstance(w, solara.widgets.HTML)]
    return "\n".join(parts)


def button(rc, label: str):
    return rc.find(v.Btn, children=[label]).widget


def wait_until(predicate, timeout: float, step: float = 0.05) -> bool:
    """Poll ``predicate`` until it is true or ``timeout`` seconds passed."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            return False
        time.sleep(step)
    return True


def eventually(check, timeout: float = 10.0) -> None:
    """The page follows the game in a thread of its own: wait until it shows what ``check`` asks."""
    assert wait_until(check, timeout), "the page did not show it within the time"


# --- the phone -------------------------------------------------------------------------------------------
def join_on_phone(game: Game, nickname: str):
    rc = render(game, f"/?code={game.room.code}")
    rc.find(v.TextField, label="Bijnaam").widget.v_model = nickname
    button(rc, "Meedoen").click()
    return rc


def test_a_phone_joins_with_the_code_sees_its_organisation_and_comes_back_with_its_token(game):
    rc = join_on_phone(game, "  Kim  ")
    joined = [p for p in game.room._participants.values() if p.nickname == "Kim"]
    assert len(joined) == 1
    token, organisation = joined[0].token, joined[0].organisation
    assert organisation == game.room.organisations[0]          # in turn: the first organisation first
    eventually(lambda: texts(rc, "nwg-my-org") == [organisation])
    assert "Wacht tot de spelleider de eerste ronde start." in all_text(rc)
    rc.close()

    again = render(game, f"/?speler={token}")                   # a reload, or a phone that slept
    assert texts(again, "nwg-my-org") == [organisation]
    assert len(game.room._participants) == 1
    again.close()

    stranger = render(game, "/?speler=not-a-token")
    assert "Dit adres hoort bij geen deelnemer" in all_text(stranger) and not texts(stranger, "nwg-my-org")
    stranger.close()


def test_a_wrong_code_or_an_empty_nickname_is_said_on_the_phone_and_nobody_joins(game):
    rc = render(game, "/?code=ZZZZZ")
    rc.find(v.TextField, label="Bijnaam").widget.v_model = "Kim"
    button(rc, "Meedoen").click()
    assert "onbekende code" in rc.find(v.Alert).widget.children[0]
    rc.find(v.TextField, label="Code van het scherm").widget.v_model = game.room.code.lower()
    rc.find(v.TextField, label="Bijnaam").widget.v_model = "   "
    button(rc, "Meedoen").click()
    assert "kies een bijnaam" in rc.find(v.Alert).widget.children[0]
    assert not game.room._participants
    rc.close()


def test_the_phone_stores_the_four_choices_and_says_stored_only_once_the_room_has_them(game):
    rc = join_on_phone(game, "Kim")
    token = next(iter(game.room._participants))
    org = game.room.participant(token).organisation
    game.open_round(TRAINER)
    eventually(lambda: bool(rc.find(v.Btn, children=["Keuze vastleggen"]).widgets))
    assert "Ronde 1" in all_text(rc)
    tables = game.room.model.tables_of(org)
    assert len(tables) >= 2
    rc.find(v.Slider).widget.v_model = 12.5
    rc.find(v.Checkbox).widgets[0].v_model = False               # stays away from its first table
    rc.find(v.Switch, label="Informatie open delen").widget.v_model = False
    assert "Opgeslagen" not in all_text(rc)
    button(rc, "Keuze vastleggen").click()
    stored = game.room.decided()[org]
    assert stored == Choice(hours=12.5, tables=tuple(tables[1:]), open=False, stance=None)
    eventually(lambda: texts(rc, "nwg-stored") == ["✓ Opgeslagen: de keuze van Kim telt voor deze ronde."])
    rc.close()


def test_a_second_player_of_the_same_organisation_sees_whose_choice_counts(game):
    for k in range(len(game.room.organisations)):
        game.join(game.room.code, f"p{k}")
    rc = join_on_phone(game, "Sam")                             # shares the first organisation with p0
    first = game.room.organisations[0]
    assert game.room.players(first) == ["p0", "Sam"]
    game.open_round(TRAINER)
    p0 = next(p.token for p in game.room._participants.values() if p.nickname == "p0")
    game.submit(p0, 1, Choice(hours=3.0))
    eventually(lambda: texts(rc, "nwg-stored") == ["✓ Opgeslagen: de keuze van p0 telt voor deze ronde."])
    assert not rc.find(v.Btn, children=["Keuze vastleggen"]).widgets
    rc.close()


def test_the_phone_can_let_the_model_choose_and_that_is_stored_as_its_choice(game):
    rc = join_on_phone(game, "Kim")
    kim = next(iter(game.room._participants.values()))
    game.open_round(TRAINER)
    eventually(lambda: bool(rc.find(v.Btn, children=["Laat het model kiezen"]).widgets))
    button(rc, "Laat het model kiezen").click()
    assert game.room.decided() == {kim.organisation: Choice()}          # every decision left to the model
    assert game.room.read("SELECT participant FROM choices") == [(kim.token,)]
    eventually(lambda: texts(rc, "nwg-stored") == ["✓ Opgeslagen: Kim laat het model kiezen voor deze ronde."])
    game.close_round(TRAINER)
    assert game.room.model.state.choices is None                       # the model decided for everyone
    rc.close()


def test_a_phone_whose_organisation_left_the_network_says_so_and_offers_no_choice(game):
    rc = join_on_phone(game, "Kim")
    kim = next(iter(game.room._participants.values()))
    game.open_round(TRAINER)
    game.submit(kim.token, 1, Choice(stance="leave"))
    game.close_round(TRAINER)
    game.open_round(TRAINER)
    eventually(lambda: bool(texts(rc, "nwg-left")))
    assert texts(rc, "nwg-left")[0].startswith(f"{kim.organisation} heeft het netwerk verlaten")
    assert not rc.find(v.Btn, children=["Keuze vastleggen"]).widgets
    assert not rc.find(v.Btn, children=["Laat het model kiezen"]).widgets
    assert "Hoe het de partners gaat" in all_text(rc)                   # what the participant can still do
    rc.close()


# --- the projector ---------------------------------------------------------------------------------------
def test_the_projector_shows_the_code_the_qr_code_who_joined_and_who_decided(game):
    rc = render(game, f"/?spelleider={TRAINER}")
    assert texts(rc, "nwg-code") == [game.room.code]
    assert texts(rc, "nwg-url") == [f"http://10.1.2.3:8765/?code={game.room.code}"]
    qr = rc.find(solara.widgets.HTML, attributes={"class": "nwg-qr"}).widget.unsafe_innerHTML
    assert qr.startswith("<svg") and "path" in qr
    kim = game.join(game.room.code, "Kim")
    game.open_round(TRAINER)
    game.submit(kim.token, 1, Choice(hours=5.0))

    def board() -> dict[str, str]:
        table = rc.find(solara.widgets.HTML, attributes={"class": "nwg-board"}).widget.unsafe_innerHTML
        return dict(zip(*[[html.unescape(x) for x in re.findall(f'data-{a}="([^"]*)"', table)]
                          for a in ("org", "decided")]))

    eventually(lambda: board().get(kim.organisation) == "1")
    assert sum(d == "1" for d in board().values()) == 1
    table = html.unescape(rc.find(solara.widgets.HTML, attributes={"class": "nwg-board"}).widget.unsafe_innerHTML)
    assert "Kim" in table and table.count("het model speelt") == len(game.room.organisations) - 1
    frame = json.loads(rc.find(NetworkView).widget.frame_json)
    marked = [n.startswith(PLAYED_MARK) for n in frame["names"]]
    assert marked == [o == kim.organisation for o in game.room.organisations]
    rc.close()


def test_the_trainer_sets_the_round_length_and_countdown_between_rounds(game, clock):
    rc = render(game, f"/?spelleider={TRAINER}")

    def enter(label: str, value: str):
        field = rc.find(v.TextField, label=label).widget
        field.v_model = value
        field.fire_event("keyup.enter", None)

    enter("weken per ronde", "2")
    enter("seconden", "90")
    assert (game.room.weeks_per_round, game.room.round_seconds) == (2, 90.0)
    assert dict(game.room.read("SELECT key, value FROM meta WHERE key IN ('weeks_per_round', 'round_seconds')")) == \
        {"weeks_per_round": "2", "round_seconds": "90.0"}
    eventually(lambda: bool(rc.find(v.Btn, children=["Start ronde (2 weken)"]).widgets))
    enter("weken per ronde", "0")                                      # refused by the room, said on the projector
    assert "allowed: 1-52" in rc.find(v.Alert).widget.children[0] and game.room.weeks_per_round == 2
    button(rc, "Start ronde (2 weken)").click()
    assert game.room.seconds_left() == 90
    eventually(lambda: not rc.find(v.TextField, label="weken per ronde").widgets)   # not while a round is open
    button(rc, "Sluit de ronde nu").click()
    assert game.room.model.week == 2
    rc.close()


def test_a_wrong_trainer_token_gets_no_buttons(game):
    rc = render(game, "/?spelleider=guess")
    assert "de code in het adres klopt niet" in rc.find(v.Alert).widget.children[0]
    assert not rc.find(v.Btn, children=["Sluit de ronde nu"]).widgets
    assert not [w for w in rc.find(v.Btn).widgets if w.children and "Start ronde" in str(w.children[0])]
    rc.close()


def test_the_trainer_starts_closes_presses_between_rounds_and_ends_with_the_debrief(game):
    kim = game.join(game.room.code, "Kim")
    rc = render(game, f"/?spelleider={TRAINER}")
    button(rc, "Start ronde (4 weken)").click()
    assert game.room.is_open and game.room.round == 1
    eventually(lambda: bool(rc.find(v.Btn, children=["Sluit de ronde nu"]).widgets))
    game.submit(kim.token, 1, Choice(hours=5.0))
    button(rc, "Sluit de ronde nu").click()
    assert game.room.model.week == 4 and not game.room.is_open
    eventually(lambda: "Ronde 1 · week 4 van 156" in texts(rc, "nwg-week"))
    eventually(lambda: any(isinstance(w, v.Select) for w in widgets(rc)))
    next(w for w in widgets(rc) if isinstance(w, v.Select)).v_model = "mediation"
    button(rc, "Indrukken").click()
    assert game.room.read("SELECT week, name FROM pressed") == [(5, "mediation")]
    eventually(lambda: texts(rc, "nwg-pending") == ["'Bemiddeling' gaat in vanaf week 5."])
    button(rc, "Einde → nabespreking").click()
    eventually(lambda: bool(texts(rc, "nwg-debrief-sentence")), timeout=60)
    sentence = texts(rc, "nwg-debrief-sentence")[0]
    d = game.debrief
    assert sentence.startswith("Met jullie keuzes") and "als de organisaties hadden gedaan wat het model doet" in sentence
    assert f"{d.vitality[-1]:.2f}".replace(".", ",") in sentence and f"{d.vitality_model[-1]:.2f}".replace(".", ",") in sentence
    rows = html.unescape(rc.find(solara.widgets.HTML).widgets[-1].unsafe_innerHTML)
    assert rows.count('class="nwg-log-row"') == len(game.room.organisations)
    assert f'data-org="{kim.organisation}" data-round="1" data-by="Kim"' in rows
    assert rows.count('data-by="model"') == len(game.room.organisations) - 1
    log = (game.room.folder / "debrief" / "log.csv").read_text(encoding="utf-8")
    assert "Kim" in log and kim.token not in log and d.files["csv"].decode("utf-8") == log
    assert d.files["nl"].decode("utf-8").startswith("# Verslag van het netwerkspel")   # the report, to download
    rc.close()


# --- the shared game -------------------------------------------------------------------------------------
def test_the_clock_closes_a_round_at_its_deadline_and_the_undecided_get_the_models_choice(game, clock):
    kim = game.join(game.room.code, "Kim")
    game.open_round(TRAINER)
    seen = game.version
    clock.now = 59.0
    assert not wait_until(lambda: game.room.model.week > 0, 0.6)    # still a second left
    clock.now = 60.0
    assert wait_until(lambda: game.room.model.week == 4 and game.version > seen, 10)   # played, then told
    assert not game.room.is_open
    assert game.room.decided(1) == {}                                # nobody decided: the model played them all
    assert game.room.read("SELECT COUNT(*) FROM own_choices WHERE round = 1")[0][0] == len(game.room.organisations)
    assert kim.organisation in game.room.organisations


def test_phones_open_the_machines_address_on_the_local_network():
    assert participants_url("127.0.0.1", 8765, "ABCDE") == "http://127.0.0.1:8765/?code=ABCDE"
    lan = participants_url("0.0.0.0", 9000)
    assert lan.startswith("http://") and lan.endswith(":9000/") and "0.0.0.0" not in lan


def test_choice_text_says_a_choice_in_a_few_dutch_words():
    row = {"chosen_hours": 12.5, "chosen_open": False, "chosen_stance": "dormant"}
    assert choice_text(row, "chosen", "nl") == "12,5 uur, info dicht, slapend lid"
    assert choice_text(row, "chosen", "en") == "12.5 hours, info held back, go dormant"
    assert choice_text({"model_hours": None, "model_open": True, "model_stance": "stay"}, "model", "nl") == "–"


# --- `netwerksim spel` ------------------------------------------------------------------------------------
@pytest.mark.parametrize("args, says", [
    (["--round-weeks", "0"], "--round-weeks: value 0 is not allowed"),
    (["--round-weeks", "500"], "--round-weeks: value 500 is not allowed"),
    (["--countdown", "1"], "--countdown: value 1.0 is not allowed"),
    (["--port", "70000"], "--port: value 70000 is not allowed"),
    (["--seed", "-3"], "--seed: value -3 is not allowed"),
])
def test_spel_refuses_bad_numbers_naming_the_option(args, says, capsys, monkeypatch, tmp_path):
    monkeypatch.setattr(os, "execve", lambda *a: pytest.fail("the server must not start"))
    assert main(["spel", "zorgnetwerk", "--out", str(tmp_path / "g"), *args]) == 2
    assert says in capsys.readouterr().err and not (tmp_path / "g").exists()


def test_spel_refuses_an_unknown_scenario_and_a_folder_with_a_users_files(capsys, monkeypatch, tmp_path):
    monkeypatch.setattr(os, "execve", lambda *a: pytest.fail("the server must not start"))
    assert main(["spel", "no_such_network", "--out", str(tmp_path / "g")]) == 2
    assert "no_such_network" in capsys.readouterr().err
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("keep me")
    assert main(["spel", "zorgnetwerk", "--out", str(mine)]) == 2
    assert "--out" in capsys.readouterr().err and (mine / "notes.txt").read_text() == "keep me"
    assert sorted(p.name for p in mine.iterdir()) == ["notes.txt"]


def test_spel_serves_the_game_page_on_localhost_with_the_game_in_its_environment(capsys, monkeypatch, tmp_path):
    started = {}
    monkeypatch.setattr(os, "execve", lambda path, argv, env: started.update(argv=argv, env=env))
    assert main(["spel", "wijkteam", "--out", str(tmp_path / "g"), "--round-weeks", "2", "--countdown", "90",
                 "--seed", "7"]) == 0
    argv, env = started["argv"], started["env"]
    assert argv[1:5] == ["-m", "solara", "run", "netwerksim.app.game_page:Page"]
    assert argv[argv.index("--host") + 1] == "127.0.0.1" and "--no-check-version" in argv
    E = game_host.ENV
    assert Path(env[E["scenario"]]).name == "wijkteam.toml" and env[E["out"]] == str((tmp_path / "g").absolute())
    assert (env[E["weeks"]], env[E["countdown"]], env[E["seed"]]) == ("2", "90.0", "7")
    assert env["SOLARA_TELEMETRY_MIXPANEL_ENABLE"] == "False"
    err = capsys.readouterr().err
    assert f"?spelleider={env[E['trainer']]}" in err and len(env[E["trainer"]]) >= 20
    assert not (tmp_path / "g").exists()     # the server makes the folder when the room opens


def test_spel_resume_carries_on_a_stopped_game_with_its_code_trainer_players_and_rounds(capsys, monkeypatch, tmp_path):
    folder = tmp_path / "spel"
    room = Room("zorgnetwerk", folder, seed=1, trainer_token=TRAINER)
    kim = room.join(room.code, "Kim")
    room.open_round(TRAINER)
    room.submit(kim.token, 1, Choice(hours=2.0))
    room.close_round(TRAINER)
    code = room.code
    room.close()                                        # the server stopped

    started = {}
    monkeypatch.setattr(os, "execve", lambda path, argv, env: started.update(argv=argv, env=env))
    assert main(["spel", "--resume", str(folder), "--host", "0.0.0.0", "--port", "9001"]) == 0
    env, err = started["env"], capsys.readouterr().err
    assert f"http://127.0.0.1:9001/?spelleider={TRAINER}" in err and env[game_host.ENV["resume"]] == str(folder.absolute())
    for variable, value in env.items():
        if variable.startswith("NETWERKSIM_GAME_"):
            monkeypatch.setenv(variable, value)
    game_host.set_game(None)
    resumed = game_host.current_game()
    try:
        assert (resumed.room.code, resumed.room.trainer_token, resumed.room.model.week) == (code, TRAINER, 4)
        assert resumed.room.participant(kim.token).organisation == kim.organisation
        assert resumed.room.decided(1) == {kim.organisation: Choice(hours=2.0)}
        assert resumed.url.endswith(":9001/") and "0.0.0.0" not in resumed.url
    finally:
        game_host.set_game(None)
        resumed.room.close()


def test_spel_resume_refuses_a_folder_without_a_game_and_a_scenario_beside_it(capsys, monkeypatch, tmp_path):
    monkeypatch.setattr(os, "execve", lambda *a: pytest.fail("the server must not start"))
    (tmp_path / "empty").mkdir()
    assert main(["spel", "--resume", str(tmp_path / "empty")]) == 2
    assert "holds no game" in capsys.readouterr().err
    assert main(["spel", "zorgnetwerk", "--resume", str(tmp_path / "empty")]) == 2
    assert "not both" in capsys.readouterr().err
    assert main(["spel"]) == 2
    assert "SCENARIO" in capsys.readouterr().err


def test_a_page_stops_following_the_game_once_the_game_stops(game):
    """A page follows the game in a thread of its own (game_page.use_game); when the game stops, that thread ends, so
    it never renders a page over a room that is being closed."""
    def following() -> int:
        return sum(t.name == "netwerksim-game-follow" and t.is_alive() for t in threading.enumerate())

    before = following()
    render(game, f"/?spelleider={TRAINER}")
    deadline = time.monotonic() + 5
    while following() == before and time.monotonic() < deadline:
        time.sleep(0.05)
    assert following() > before
    game.stop()
    deadline = time.monotonic() + 5
    while following() > before and time.monotonic() < deadline:
        time.sleep(0.05)
    assert following() == before
