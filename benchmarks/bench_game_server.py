"""The game's server under a room of phones (issue 19 item 6): ``netwerksim spel`` with N phones in real browsers.

A generated network of N organisations (``netwerksim generate``), so that every phone plays an organisation of
its own and every choice is stored; one projector (1280x720) and N phones (390x844), each a browser context of
its own in Debian's chromium (Playwright), over HTTP and Solara's websocket as in a room. It prints the time to
load the phones' pages and join, and per round: from the trainer's Start until every phone shows the round,
from the first submit until all N choices are in game.sqlite and every phone says "stored", and closing the
round; and the server's memory (VmRSS, VmHWM from /proc). The browsers run on the same machine as the server,
so the times are an upper bound for a laptop whose phones are elsewhere.

Usage::

    .venv/bin/python benchmarks/bench_game_server.py [--phones 30] [--rounds 2]
"""

from __future__ import annotations

import argparse
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from test_app_browser import CHROMIUM, CHROMIUM_ARGS, VIEWPORT, serve  # noqa: E402

PHONE = {"width": 390, "height": 844}
NETWERKSIM = str(Path(sys.executable).with_name("netwerksim"))


def memory_mb(pid: int) -> tuple[float, float]:
    """The server's resident memory now and at its peak (MB)."""
    status = Path(f"/proc/{pid}/status").read_text()
    value = lambda key: int(re.search(rf"{key}:\s+(\d+) kB", status).group(1)) / 1024   # noqa: E731
    return value("VmRSS"), value("VmHWM")


def count(out: Path, sql: str, params: tuple = ()) -> int:
    with sqlite3.connect(f"file:{out / 'game.sqlite'}?mode=ro", uri=True) as db:
        return db.execute(sql, params).fetchone()[0]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--phones", type=int, default=30)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--seed", type=int, default=1, help="which generated network")
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright  # noqa: PLC0415

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        network = tmp / "net.toml"
        subprocess.run([NETWERKSIM, "generate", "--organisations", str(args.phones), "--seed", str(args.seed),
                        "--out", str(network)], check=True, capture_output=True)
        out = tmp / "spel"
        log = tmp / "server.log"
        t0 = time.monotonic()
        with serve(log, command=("spel", str(network), "--countdown", "600", "--out", str(out))) as (url, pid), \
                sync_playwright() as p:
            print(f"{args.phones} phones, a generated network of {args.phones} organisations; load average "
                  f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; server up in {time.monotonic() - t0:.1f} s, "
                  f"{memory_mb(pid)[0]:.0f} MB")
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            trainer = re.search(r"\?spelleider=(\S+)", log.read_text()).group(1)
            projector = browser.new_context(viewport=VIEWPORT).new_page()
            projector.set_default_timeout(120_000)
            projector.goto(f"{url}?spelleider={trainer}")
            code = projector.locator(".nwg-code").inner_text().strip()
            t0 = time.monotonic()
            phones = [browser.new_context(viewport=PHONE).new_page() for _ in range(args.phones)]
            for phone in phones:
                phone.set_default_timeout(120_000)
                phone.goto(f"{url}?code={code}", wait_until="commit")
            for k, phone in enumerate(phones):
                phone.get_by_label("Bijnaam").fill(f"p{k}")
                phone.get_by_role("button", name="Meedoen").click()
            for phone in phones:
                phone.locator(".nwg-my-org").wait_for()
            joined = count(out, "SELECT COUNT(DISTINCT organisation) FROM participants")
            print(f"loaded and joined: {time.monotonic() - t0:.1f} s ({joined} organisations played); server "
                  "%.0f MB (peak %.0f MB)" % memory_mb(pid))
            for r in range(1, args.rounds + 1):
                t0 = time.monotonic()
                projector.get_by_role("button", name=re.compile(r"^Start ronde")).click()
                for phone in phones:
                    phone.locator(".nwg-submit").wait_for()
                shown = time.monotonic() - t0
                t1 = time.monotonic()
                for phone in phones:
                    phone.locator(".nwg-submit").click()
                clicked = time.monotonic() - t1
                while count(out, "SELECT COUNT(*) FROM choices WHERE round = ?", (r,)) < args.phones:
                    time.sleep(0.05)
                stored = time.monotonic() - t1
                for phone in phones:
                    phone.locator(".nwg-stored").wait_for()
                acknowledged = time.monotonic() - t1
                t2 = time.monotonic()
                projector.get_by_role("button", name="Sluit de ronde nu").click()
                projector.get_by_text(re.compile(rf"Ronde {r} · week {4 * r} van")).wait_for()
                closed = time.monotonic() - t2
                print(f"round {r}: every phone shows it {shown:.1f} s after Start; {args.phones} submits clicked in "
                      f"{clicked:.1f} s, all stored {stored:.1f} s and all acknowledged {acknowledged:.1f} s after the "
                      f"first click; closed (4 weeks, projector updated) in {closed:.1f} s; server %.0f MB (peak "
                      "%.0f MB)" % memory_mb(pid))
            browser.close()


if __name__ == "__main__":
    main()
