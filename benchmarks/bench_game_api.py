"""The game's server under a room of 30 participants as HTTP clients (issue 19 item 6): ``netwerksim spel`` and
its JSON requests (app/game_api.py), one real projector page.

Why HTTP clients and not Solara's websocket: a Solara page is a tree of ipywidgets models over the Jupyter kernel
protocol, and a click is a comm message to one button's model id; driving that means a widget front end of its
own. The JSON requests go through the same Game and Room as the phone page's buttons (the same checks, the same
lock, the same sqlite commit before the answer), so what they measure is the server's side of a choice; what
they leave out is the phone pages' own rendering (bench_game_server.py measures that with real browsers).

A generated network of N organisations (``netwerksim generate``): every participant plays one of their own, so
every choice is stored. The projector is a real browser page (1280x720, Debian's chromium) that renders every
change as in a room, unless ``--no-projector``. Each round: the trainer opens it (countdown ``--countdown``,
default 60 s); each participant thread polls its state every ``--poll`` seconds as a phone would, thinks a
random 0-``--think`` seconds, submits (every fifth sends its choice twice: a double tap) and retries after a
timeout or a lost connection until the answer says stored. It prints per round: when every participant saw
the round open, the answer times of the submits (median, 95th percentile, max), when all were answered, the
count of choices in game.sqlite (must equal N), and how long closing the round took (4 weeks and the
projector); the server's memory (VmRSS, VmHWM); and whether every choice was stored within the countdown.

Usage::

    .venv/bin/python benchmarks/bench_game_api.py [--participants 30] [--rounds 3] [--think 20]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from test_app_browser import CHROMIUM, CHROMIUM_ARGS, VIEWPORT, serve  # noqa: E402

NETWERKSIM = str(Path(sys.executable).with_name("netwerksim"))


def memory_mb(pid: int) -> tuple[float, float]:
    """The server's resident memory now and at its peak (MB)."""
    status = Path(f"/proc/{pid}/status").read_text()
    value = lambda key: int(re.search(rf"{key}:\s+(\d+) kB", status).group(1)) / 1024   # noqa: E731
    return value("VmRSS"), value("VmHWM")


def request(url: str, body: dict | None = None, timeout: float = 30) -> tuple[int, dict]:
    """(status, JSON) of a GET (``body`` None) or POST."""
    data = None if body is None else json.dumps(body).encode()
    try:
        with urllib.request.urlopen(urllib.request.Request(url, data, method="GET" if data is None else "POST"),
                                    timeout=timeout) as answer:
            return answer.status, json.load(answer)
    except urllib.error.HTTPError as refused:
        return refused.code, json.load(refused)


class Participant(threading.Thread):
    """One phone: waits for round ``r`` to open, thinks, submits until the answer says stored."""

    def __init__(self, api: str, token: str, r: int, think: float, poll: float, double: bool, seen_open: list,
                 answers: list):
        super().__init__(daemon=True)
        self.api, self.token, self.r, self.think, self.poll, self.double = api, token, r, think, poll, double
        self.seen_open, self.answers, self.retries, self.error = seen_open, answers, 0, None

    def run(self) -> None:
        try:
            while True:
                status, state = request(f"{self.api}/state?token={self.token}")
                if status == 200 and state["open"] and state["round"] == self.r:
                    break
                time.sleep(self.poll)
            self.seen_open.append(time.monotonic())
            time.sleep(random.uniform(0, self.think))
            choice = {"token": self.token, "round": self.r, "hours": round(random.uniform(0, state["max_hours"]), 1),
                      "open": random.random() < 0.8}
            for _ in range(2 if self.double else 1):
                while True:
                    sent = time.monotonic()
                    try:
                        status, answer = request(f"{self.api}/choice", choice, timeout=10)
                    except OSError:           # a lost answer: send the same choice again (it counts once)
                        self.retries += 1
                        continue
                    if status != 200 or not answer.get("stored"):
                        raise RuntimeError(f"refused: {status} {answer}")
                    self.answers.append((sent, time.monotonic()))
                    break
        except Exception as exc:  # noqa: BLE001 (reported by the main thread)
            self.error = exc


def count(out: Path, sql: str, params: tuple = ()) -> int:
    with sqlite3.connect(f"file:{out / 'game.sqlite'}?mode=ro", uri=True) as db:
        return db.execute(sql, params).fetchone()[0]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--participants", type=int, default=30)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--countdown", type=float, default=60)
    ap.add_argument("--think", type=float, default=20, help="each participant thinks 0-THINK seconds")
    ap.add_argument("--poll", type=float, default=1.0, help="seconds between a phone's looks at its state")
    ap.add_argument("--no-projector", action="store_true", help="no projector page in a browser")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    random.seed(args.seed)
    n = args.participants

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        network = tmp / "net.toml"
        subprocess.run([NETWERKSIM, "generate", "--organisations", str(n), "--seed", str(args.seed),
                        "--out", str(network)], check=True, capture_output=True)
        out, log = tmp / "spel", tmp / "server.log"
        t0 = time.monotonic()
        with serve(log, command=("spel", str(network), "--countdown", str(args.countdown), "--out", str(out)),
                   wait_s=300) as (url, pid):
            api = url + "spel/api"
            trainer = re.search(r"\?spelleider=(\S+)", log.read_text()).group(1)
            print(f"{n} participants as HTTP clients, a generated network of {n} organisations; load average "
                  f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; server up in {time.monotonic() - t0:.1f} s, "
                  f"{memory_mb(pid)[0]:.0f} MB")
            browser = projector = None
            if not args.no_projector:
                from playwright.sync_api import sync_playwright  # noqa: PLC0415
                playwright = sync_playwright().start()
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                projector = browser.new_context(viewport=VIEWPORT).new_page()
                projector.set_default_timeout(120_000)
                projector.goto(f"{url}?spelleider={trainer}")
                code = projector.locator(".nwg-code").inner_text().strip()
            else:                                                           # the game starts on first use
                request(f"{api}/join", {"code": "-", "nickname": "-"})
                with sqlite3.connect(f"file:{out / 'game.sqlite'}?mode=ro", uri=True) as db:
                    code = db.execute("SELECT value FROM meta WHERE key = 'code'").fetchone()[0]
            t0 = time.monotonic()
            tokens, joins = [None] * n, []

            def join(k: int) -> None:
                sent = time.monotonic()
                status, answer = request(f"{api}/join", {"code": code, "nickname": f"p{k}"})
                joins.append(time.monotonic() - sent)
                tokens[k] = answer["token"] if status == 200 else None

            threads = [threading.Thread(target=join, args=(k,)) for k in range(n)]
            for th in threads:
                th.start()
            for th in threads:
                th.join()
            assert all(tokens), "not every participant joined"
            print(f"joined: all {n} in {time.monotonic() - t0:.2f} s (answers: median {percentile(joins, 0.5):.3f} s, "
                  f"max {max(joins):.3f} s); {count(out, 'SELECT COUNT(DISTINCT organisation) FROM participants')} "
                  "organisations played; server %.0f MB (peak %.0f MB)" % memory_mb(pid))
            within = True
            for r in range(1, args.rounds + 1):
                seen, answers = [], []
                phones = [Participant(api, tokens[k], r, args.think, args.poll, k % 5 == 0, seen, answers)
                          for k in range(n)]
                for phone in phones:
                    phone.start()
                opened = time.monotonic()
                status, answer = request(f"{api}/round", {"trainer": trainer, "action": "open"})
                assert status == 200, answer
                for phone in phones:
                    phone.join(args.countdown + 60)
                errors = [p.error for p in phones if p.error is not None]
                assert not errors, errors
                last = max(t for _, t in answers) - opened
                stored = count(out, "SELECT COUNT(*) FROM choices WHERE round = ?", (r,))
                within = within and last < args.countdown and stored == n
                latency = [t - s for s, t in answers]
                t1 = time.monotonic()
                status, closed = request(f"{api}/round", {"trainer": trainer, "action": "close"}, timeout=120)
                assert status == 200, closed
                closing = time.monotonic() - t1
                if projector is not None:
                    projector.get_by_text(re.compile(rf"Ronde {r} · week {closed['week']} van")).wait_for()
                shown = time.monotonic() - t1
                print(f"round {r}: all {n} saw it open {max(seen) - opened:.1f} s after Start; {len(answers)} submits "
                      f"({sum(p.double for p in phones)} sent twice, {sum(p.retries for p in phones)} retries) answered "
                      f"in median {percentile(latency, 0.5):.3f} s, p95 {percentile(latency, 0.95):.3f} s, max "
                      f"{max(latency):.3f} s; the last answered {last:.1f} s after Start; {stored} choices stored "
                      f"(of {n}); closed (4 weeks) in {closing:.2f} s, on the projector after {shown:.2f} s; "
                      "server %.0f MB (peak %.0f MB)" % memory_mb(pid))
            print(f"every choice stored and answered within the {args.countdown:.0f}-second countdown: "
                  f"{'yes' if within else 'NO'}")
            if browser is not None:
                browser.close()
                playwright.stop()


if __name__ == "__main__":
    main()
