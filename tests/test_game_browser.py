"""The game in a real browser (issue 19 step 4): ``netwerksim spel`` on a free localhost port, one projector
(1280x720) and twelve phones (390x844; three in ``make test``), each a browser of its own, in Debian's
chromium through Playwright.

Twelve people join zorgnetwerk's seven organisations in turn (five organisations get two players); in two
rounds the first player of six organisations decides and the second player of a shared one sees whose
choice counts; nobody decides for the seventh (the model's choice); one phone reloads between the rounds and
comes back to its organisation (with three phones: two decide, the third never does); the trainer ends the game and the debrief's sentence appears. What is
stored is read from the game's sqlite log. Screenshots (projector, phone, debrief) go to ``$NETWERKSIM_SHOTS``
when set (``NETWERKSIM_SHOTS=docs/img`` refreshes docs/spelleidersgids.md's pictures).
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import time
from pathlib import Path

import pytest
from test_app_browser import TIMEOUT_MS, VIEWPORT, browser, serve  # noqa: F401 (browser: a fixture)

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
ORGANISATIONS = 7      # zorgnetwerk's; phones join in turn: phone k plays organisation k % 7


class Room:
    """Who does what with ``phones`` phones: the last organisation with one player never decides; a second
    player of an organisation (phone k >= 7) leaves the choice to the first (phone k - 7)."""

    def __init__(self, phones: int):
        self.phones = phones
        self.played = min(phones, ORGANISATIONS)
        self.undecided = self.played - 1
        self.second = range(ORGANISATIONS, phones)
        self.deciders = [k for k in range(self.played) if k != self.undecided]


def stored(out: Path, sql: str, params: tuple = ()) -> list[tuple]:
    with sqlite3.connect(f"file:{out / 'game.sqlite'}?mode=ro", uri=True) as db:
        return db.execute(sql, params).fetchall()


def board(projector) -> dict[str, str]:
    """The projector's list: organisation -> '1' when it has decided this round."""
    return projector.evaluate("""() => Object.fromEntries([...document.querySelectorAll('.nwg-row')]
        .map(r => [r.dataset.org, r.dataset.decided]))""")


def play_round(projector, phones, room: Room, r: int, shots: Path | None = None) -> None:
    projector.get_by_role("button", name=re.compile(r"^Start ronde")).click()
    for k in room.deciders:
        phone = phones[k]
        phone.get_by_text(f"Ronde {r}", exact=True).wait_for()
        if k == 0 and r == 1:
            phone.get_by_text("Informatie open delen").click()   # one choice that differs from the defaults
        if shots is not None and k == 0:
            phone.screenshot(path=str(shots / "spel_telefoon.png"), full_page=True)
        phone.locator(".nwg-submit").click()
        phone.locator(".nwg-stored").wait_for()
    for k in room.second:                    # their organisation's choice is stored, by its first player
        phones[k].get_by_text(f"de keuze van speler{k - ORGANISATIONS} telt").wait_for()
        assert phones[k].locator(".nwg-submit").count() == 0
    projector.wait_for_function("n => document.querySelectorAll('.nwg-row[data-decided=\"1\"]').length == n",
                                arg=len(room.deciders))


# twelve phones (issue 19) take about 90 s on a loaded 2-core machine (28 s of CPU): make validate; three in make test
@pytest.mark.parametrize("phones", [3, pytest.param(12, marks=pytest.mark.slow)])
def test_a_projector_and_phones_play_two_rounds_and_the_debrief(browser, tmp_path, phones):  # noqa: F811
    room = Room(phones)
    times = {}
    shots = Path(os.environ["NETWERKSIM_SHOTS"]) if os.environ.get("NETWERKSIM_SHOTS") else tmp_path
    out = tmp_path / "spel"
    log = tmp_path / "server.log"
    started = time.monotonic()
    with serve(log, command=("spel", "zorgnetwerk", "--seed", "1", "--countdown", "300", "--out", str(out))) as (url, _):
        trainer = re.search(r"\?spelleider=(\S+)", log.read_text()).group(1)
        projector = browser.new_context(viewport=VIEWPORT).new_page()
        projector.set_default_timeout(TIMEOUT_MS)
        projector.goto(f"{url}?spelleider={trainer}")
        code = projector.locator(".nwg-code").inner_text().strip()
        assert re.fullmatch(r"[A-Z2-9]{5}", code)
        assert projector.locator(".nwg-qr svg").count() == 1
        assert projector.locator(".nwg-url").inner_text() == f"{url}?code={code}"

        times["projector"] = time.monotonic() - started
        phones = [browser.new_context(viewport=PHONE).new_page() for _ in range(room.phones)]
        for phone in phones:
            phone.set_default_timeout(TIMEOUT_MS)
            phone.goto(f"{url}?code={code}", wait_until="commit")
        shown = []
        for k, phone in enumerate(phones):                       # join one after the other: in turn
            phone.get_by_label("Bijnaam").fill(f"speler{k}")
            phone.get_by_role("button", name="Meedoen").click()
            shown.append(phone.locator(".nwg-my-org").inner_text())
        joined = dict(stored(out, "SELECT nickname, organisation FROM participants"))
        assert [joined[f"speler{k}"] for k in range(room.phones)] == shown     # each phone sees its organisation
        assert len(set(shown)) == room.played and [shown[k] for k in room.second] == shown[:len(room.second)]
        projector.wait_for_function("n => document.querySelector('.nwg-board').innerText.includes(n)",
                                    arg=f"speler{room.phones - 1}")
        times["joined"] = time.monotonic() - started

        play_round(projector, phones, room, 1, shots)
        assert board(projector)[shown[room.undecided]] == "0"                  # the projector: who decided
        projector.screenshot(path=str(shots / "spel_projector.png"))
        projector.get_by_role("button", name="Sluit de ronde nu").click()
        projector.get_by_text("Ronde 1 · week 4 van 156").wait_for()           # the round played 4 weeks

        times["round 1"] = time.monotonic() - started
        phones[1].reload()                                                     # a phone that slept comes back
        assert phones[1].locator(".nwg-my-org").inner_text() == shown[1]
        assert "speler=" in phones[1].url

        play_round(projector, phones, room, 2)
        projector.get_by_role("button", name="Sluit de ronde nu").click()
        projector.get_by_text("Ronde 2 · week 8 van 156").wait_for()
        projector.get_by_role("button", name=re.compile("^Einde")).click()
        sentence = projector.locator(".nwg-debrief-sentence")
        sentence.wait_for(timeout=60_000)
        times["debrief"] = time.monotonic() - started
        assert sentence.inner_text().startswith("Met jullie keuzes")
        assert "als de organisaties hadden gedaan wat het model doet" in sentence.inner_text()
        phones[0].get_by_text("Met jullie keuzes").wait_for()
        projector.wait_for_timeout(1500)                                       # the chart draws itself
        projector.screenshot(path=str(shots / "spel_nabespreking.png"))

        choices = stored(out, "SELECT round, organisation, participant, choice FROM choices ORDER BY round, organisation")
        nick = dict(stored(out, "SELECT token, nickname FROM participants"))
        by = {(r, org): nick[p] for r, org, p, _ in choices}
        assert by == {(r, shown[k]): f"speler{k}" for r in (1, 2) for k in room.deciders}   # the clicks, stored
        first = json.loads(next(c for r, org, _, c in choices if r == 1 and org == shown[0]))
        assert first["open"] is False and first["stance"] is None
        assert all(json.loads(c)["open"] is True for r, org, _, c in choices if (r, org) != (1, shown[0]))
        debrief = (out / "debrief" / "log.csv").read_text(encoding="utf-8")
        undecided = [line for line in debrief.splitlines() if line.split(",")[3] == shown[room.undecided]]
        assert len(undecided) == 2 and all(",model," in line for line in undecided)   # the model's choice
        assert stored(out, "SELECT COUNT(*) FROM own_choices WHERE organisation = ?", (shown[room.undecided],)) == [(2,)]
        assert f"speler{room.undecided}" in debrief and not any(token in debrief for token in nick)
    times["end"] = time.monotonic() - started
    print(f"\n{room.phones} phones, seconds since the start: " + ", ".join(f"{k} {v:.1f}" for k, v in times.items()))
