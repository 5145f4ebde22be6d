"""What the attribution of netwerkdips costs: one run against the same run with ``explain=True``, side by side.

For each scenario and seed, runs ``netwerksim.run`` without and with the attribution (the best of a few
repeats each, interleaved so both see the same machine load), checks that the factual results are the
same (fingerprint), and prints the seconds, the ratio (run + attribution) / run and the attribution's own
cost in runs, with the number of dips and branch weeks. Usage:

    .venv/bin/python benchmarks/bench_explain.py [seeds (default 3)] [scenario ...]
"""

from __future__ import annotations

import os
import statistics
import sys
import time

from netwerksim import run

SCENARIOS = ("zorgnetwerk", "wijkteam", "roermond_actietafels", "penvoerder", "ziekenhuisalliantie")
REPEATS = 3


def timed(scenario: str, seed: int, explain: bool):
    start = time.perf_counter()
    result = run(scenario, seed=seed, explain=explain)
    return time.perf_counter() - start, result


def main() -> None:
    seeds = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    scenarios = sys.argv[2:] or SCENARIOS
    print(f"load average before: {os.getloadavg()[0]:.1f}")
    print(f"{'scenario':<22} {'seed':>4} {'dips':>4} {'run s':>7} {'+attr s':>8} {'ratio':>6} {'attr/run':>8} "
          f"{'branch wk':>9} {'same':>5}")
    ratios = []
    for scenario in scenarios:
        for seed in range(seeds):
            plain, explained = [], []
            for _ in range(REPEATS):
                plain.append(timed(scenario, seed, False))
                explained.append(timed(scenario, seed, True))
            t_run, r_run = min(plain, key=lambda x: x[0])
            t_all, r_all = min(explained, key=lambda x: x[0])
            dips = [e for e in r_all.events if e["type"] == "netwerkdip"]
            weeks = sum(e["attribution"]["branch_weeks"] for e in dips)
            same = r_run.manifest["fingerprint"] == r_all.manifest["fingerprint"]
            ratio = t_all / t_run
            ratios.append(ratio)
            print(f"{scenario:<22} {seed:>4} {len(dips):>4} {t_run:7.3f} {t_all:8.3f} {ratio:6.2f} {ratio - 1:8.2f} "
                  f"{weeks:>9} {same!s:>5}")
    print(f"(run + attribution) / run: median {statistics.median(ratios):.2f}, max {max(ratios):.2f} "
          f"over {len(ratios)} runs")


if __name__ == "__main__":
    main()
