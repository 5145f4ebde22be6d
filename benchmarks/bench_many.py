"""Many runs (issue 20 item 4): the same sweep and the same comparison serially, on a 2-process pool and on a Dask
LocalCluster of 2 workers, side by side in one run, with the ratios the issue asks for.

* sweep: a grid of 5 values of ``trust.forgetting`` x ``--replications`` seeds of the zorgnetwerk, ``--steps`` weeks
  (``sweeps.run_sweep``; results kept in memory);
* comparison: ``zorgnetwerk_governance`` (5 options) with ``--compare-replications`` paired seeds, ``--steps`` weeks;
* start-up: the same sweep of 4 one-week runs, i.e. what an engine costs before any work (pool: the forkserver and
  its workers' imports; Dask: the cluster and the workers' check).

Every case runs ``--rounds`` times, alternating; the table shows medians of wall seconds and of CPU seconds (this
process and all its descendants, sampled before they end). The issue's targets: 2 workers >= 1.8x serial on an
idle machine; a Dask LocalCluster <= 1.2x the pool's time for the same sweep. On a shared machine the wall clock
depends on the others' load (printed); the CPU columns say what the engines cost.

    .venv/bin/python benchmarks/bench_many.py [--replications 20] [--steps 52] [--rounds 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from pathlib import Path

from bench_sweep import cpu_seconds
from netwerksim.compare import compare
from netwerksim.sweeps import build, run_sweep
from netwerksim.sweeps.engines import engine

METRICS = ["dip", "vitality_mean", "trust_end", "progress_total"]


def grid(replications: int, steps: int):
    data = {"sweep": {"scenario": "zorgnetwerk", "design": "grid", "levels": 5, "replications": replications,
                      "seed": 7, "steps": steps, "metrics": METRICS},
            "space": {"trust.forgetting": {"low": 0.9, "high": 1.0}}}
    return build(data, "<bench_many>", Path.cwd())


class Clock:
    """Wall and CPU seconds (:func:`bench_sweep.cpu_seconds`: this process and every descendant). Call :meth:`stop`
    while a Dask cluster is still up: its workers' time is lost once they end."""

    def __init__(self):
        self.wall, self.cpu = time.perf_counter(), cpu_seconds()

    def stop(self) -> tuple[float, float]:
        return time.perf_counter() - self.wall, cpu_seconds() - self.cpu


def sweep_case(sweep, how: str) -> tuple[float, float, object]:
    if how == "serial":
        clock = Clock()
        table = run_sweep(sweep, None, workers=1).table
        return (*clock.stop(), table)
    clock = Clock()
    with engine(workers=2 if how == "pool" else 1, dask_local=2 if how == "dask" else None) as (ex, slots, label):
        table = run_sweep(sweep, None, workers=slots, executor=ex, engine=label).table
        wall, cpu = clock.stop()
    return wall, cpu, table


def compare_case(replications: int, steps: int, workers: int) -> tuple[float, float, object]:
    clock = Clock()
    result = compare("zorgnetwerk_governance", replications=replications, steps=steps, workers=workers)
    return (*clock.stop(), result.table)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--replications", type=int, default=20, help="seeds per point of the sweep (5 points)")
    ap.add_argument("--compare-replications", type=int, default=10, help="paired seeds per option (5 options)")
    ap.add_argument("--steps", type=int, default=52)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    sweep, tiny = grid(args.replications, args.steps), grid(1, 1)
    cases = {
        "sweep, serial": lambda: sweep_case(sweep, "serial"),
        "sweep, pool of 2": lambda: sweep_case(sweep, "pool"),
        "sweep, Dask LocalCluster(2)": lambda: sweep_case(sweep, "dask"),
        "comparison, serial": lambda: compare_case(args.compare_replications, args.steps, 1),
        "comparison, pool of 2": lambda: compare_case(args.compare_replications, args.steps, 2),
        "start-up, serial (5 x 1 week)": lambda: sweep_case(tiny, "serial"),
        "start-up, pool of 2": lambda: sweep_case(tiny, "pool"),
        "start-up, Dask LocalCluster(2)": lambda: sweep_case(tiny, "dask"),
    }
    print(f"load average at the start {os.getloadavg()[0]:.2f}; {os.cpu_count()} CPUs; sweep {sweep.runs} runs, "
          f"comparison {5 * args.compare_replications} runs, {args.steps} weeks each", flush=True)
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in cases}
    tables: dict[str, object] = {}
    for r in range(args.rounds):
        for name, fn in cases.items():
            wall, cpu, table = fn()
            times[name].append((wall, cpu))
            tables.setdefault(name, table)
            print(f"  round {r + 1} {name}: {wall:.2f} s wall, {cpu:.2f} s CPU (load {os.getloadavg()[0]:.1f})",
                  flush=True)
    med = {name: (statistics.median(w for w, _ in v), statistics.median(c for _, c in v)) for name, v in times.items()}
    print(f"\n| case | wall s | CPU s |\n|---|---:|---:|")
    for name, (wall, cpu) in med.items():
        print(f"| {name} | {wall:.2f} | {cpu:.2f} |")

    def ratio(a: str, b: str, i: int = 0) -> float:
        return med[a][i] / med[b][i]

    print(f"\n2 workers vs serial, sweep: {ratio('sweep, serial', 'sweep, pool of 2'):.2f}x by the wall clock; "
          f"comparison: {ratio('comparison, serial', 'comparison, pool of 2'):.2f}x (issue: >= 1.8x idle)")
    print(f"CPU of the pool / serial: sweep {ratio('sweep, pool of 2', 'sweep, serial', 1):.2f}, comparison "
          f"{ratio('comparison, pool of 2', 'comparison, serial', 1):.2f} (what parallel runs cost on top)")
    print(f"Dask LocalCluster / pool, same sweep: {ratio('sweep, Dask LocalCluster(2)', 'sweep, pool of 2'):.2f}x wall, "
          f"{ratio('sweep, Dask LocalCluster(2)', 'sweep, pool of 2', 1):.2f}x CPU (issue: <= 1.2x)")
    same = tables["sweep, serial"].equals(tables["sweep, pool of 2"]) and \
        tables["sweep, serial"].equals(tables["sweep, Dask LocalCluster(2)"])
    print(f"the three sweep tables identical: {same}; comparison tables identical: "
          f"{tables['comparison, serial'].equals(tables['comparison, pool of 2'])}")
    print(f"load average at the end {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
