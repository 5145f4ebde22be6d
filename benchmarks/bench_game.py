"""Game room benchmark (issue 19): 30 simulated participants deciding within a round, in one process.

Each participant is a thread that joins the room (``game.room.Room``) and, in every round, submits a choice
for its organisation (hours, tables, openness, stance) at the same moment as all the others; the room stores
each choice in sqlite before it answers. Per round the benchmark prints the wall time from opening the round
(which computes the model's own choices for the debrief) until the last of the 30 answers, the median and
slowest answer, closing the round (the round's weeks played), and the process's peak memory (RSS) and the
room's own memory (tracemalloc). These are the room's costs without HTTP or websockets (the Solara pages
are not built yet); the server's per-connection costs come on top.

Usage::

    .venv/bin/python benchmarks/bench_game.py [--participants 30] [--rounds 3] [--scenario zorgnetwerk | --generated 1000]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import tempfile
import threading
import time
import tracemalloc
from pathlib import Path

from netwerksim.choices import Choice
from netwerksim.game.room import AlreadyDecided, Room
from netwerksim.scenario import load_scenario


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--participants", type=int, default=30)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--scenario", default="zorgnetwerk")
    ap.add_argument("--generated", type=int, metavar="N", help="a generated network of about N professionals "
                    "(bench_core.generated_scenario) instead of --scenario")
    args = ap.parse_args()
    tracemalloc.start()
    with tempfile.TemporaryDirectory() as tmp:
        scenario = args.scenario
        if args.generated:
            sys.path.insert(0, str(Path(__file__).parent))
            from bench_core import generated_scenario  # noqa: PLC0415

            scenario = load_scenario(generated_scenario(args.generated))
        room = Room(scenario, Path(tmp) / "spel", seed=1,
                    max_share=-(-args.participants // 4))   # the trainer allows enough per organisation
        people = [room.join(room.code, f"p{k}") for k in range(args.participants)]
        print(f"{args.participants} participants on {len(room.organisations)} organisations, "
              f"{len(room.model.state.profs.org)} professionals")
        for _ in range(args.rounds):
            start = time.perf_counter()
            r = room.open_round(room.trainer_token)
            opened = time.perf_counter() - start
            answers: list[float] = []
            gate = threading.Barrier(len(people))

            def decide(p, k):
                tables = room.model.tables_of(p.organisation)
                choice = Choice(hours=float(k % 6), tables=tuple(tables[: 1 + k % max(len(tables), 1)]),
                                open=bool(k % 2), stance="stay")
                gate.wait()
                t0 = time.perf_counter()
                try:
                    room.submit(p.token, r, choice)
                except AlreadyDecided:
                    pass   # a co-player's choice was stored first: answered, nothing lost
                answers.append(time.perf_counter() - t0)

            threads = [threading.Thread(target=decide, args=(p, k)) for k, p in enumerate(people)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            decided = time.perf_counter() - start
            t0 = time.perf_counter()
            room.close_round(room.trainer_token)
            closed = time.perf_counter() - t0
            _, peak = tracemalloc.get_traced_memory()
            print(f"round {r}: open {opened:.2f} s, all {len(answers)} answered {decided:.2f} s after opening "
                  f"(answer median {statistics.median(answers) * 1000:.1f} ms, slowest {max(answers) * 1000:.1f} ms), "
                  f"{len(room.decided(r))} choices stored, close (4 weeks) {closed:.2f} s; "
                  f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB, "
                  f"traced peak {peak / 2**20:.1f} MB")
        room.close()


if __name__ == "__main__":
    main()
