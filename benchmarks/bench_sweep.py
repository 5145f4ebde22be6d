"""Sweep throughput and memory: serial vs a 2-process pool, side by side with Mesa's batch_run.

The same runs (a grid over ``trust.forgetting`` x seeds of the zorgnetwerk) go through netwerksim's
sweep engine (``sweeps.run_sweep``) serially and with 2 workers, and through ``mesa.batch_run``
with 1 and 2 processes (a thin subclass of NetwerkModel whose DataCollector reports the same
metrics at the last week; anchors_mesa.md §5.1). Reported per case: runs per minute by the wall
clock and per CPU-minute (user + system of this process and its children, see cpu_seconds), the parallel
speed-up and efficiency, and the load average before and after; the machine is shared, so the
CPU-time figures say what the code does whatever else runs. Then 2,000 runs through the 2-worker
engine into a results folder, with the peak resident memory of the parent and of the workers per
block of runs: it must stay flat.

    .venv/bin/python benchmarks/bench_sweep.py [--runs 100] [--steps 52] [--memory-runs 2000]
"""

from __future__ import annotations

import argparse
import os
import resource
import tempfile
import threading
import time
import warnings
from pathlib import Path

import mesa
import numpy as np
import pandas as pd
import psutil

from netwerksim.metrics import compute
from netwerksim.model import NetwerkModel
from netwerksim.runner import collect
from netwerksim.scenario import load_scenario
from netwerksim.sweeps import Store, build, run_sweep

METRICS = ["dip", "dip_depth", "vitality_mean", "vitality_end", "trust_end", "progress_total", "stuck_count"]
LEVELS = 5


def grid_sweep(replications: int, steps: int, seed: int = 7):
    """A grid sweep of LEVELS values of trust.forgetting x ``replications`` seeds."""
    data = {"sweep": {"scenario": "zorgnetwerk", "design": "grid", "levels": LEVELS, "replications": replications,
                      "seed": seed, "steps": steps, "metrics": METRICS},
            "space": {"trust.forgetting": {"low": 0.9, "high": 1.0}}}
    return build(data, "<bench_sweep>", Path.cwd())


class BatchNetwerk(NetwerkModel):
    """NetwerkModel for ``mesa.batch_run``: keyword parameters, metrics collected after the last week."""

    def __init__(self, forgetting: float = 0.98, steps: int = 52, rng=None):
        super().__init__(load_scenario("zorgnetwerk").with_changes(steps=steps), rng=rng,
                         params={"trust.forgetting": forgetting})
        self.last_week = steps
        self.metrics: dict = {}
        self.datacollector = mesa.DataCollector(model_reporters={m: (lambda model, m=m: model.metrics.get(m))
                                                                 for m in METRICS})

    def step(self):
        super().step()
        if self.week >= self.last_week:
            self.metrics = compute(collect(self))
            self.datacollector.collect(self)
            self.running = False


def cpu_seconds() -> float:
    """CPU seconds of this process, its reaped children, and every live descendant with what it reaped: the
    pool's workers are forked by a forkserver that outlives them, so their time lands with the server; a Dask
    LocalCluster's workers are its nannies' children (bench_many.py)."""
    me, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    total = me.ru_utime + me.ru_stime + children.ru_utime + children.ru_stime
    for child in psutil.Process().children(recursive=True):
        try:
            t = child.cpu_times()
            total += t.user + t.system + t.children_user + t.children_system
        except psutil.NoSuchProcess:
            pass
    return total


def measure(label: str, fn) -> dict:
    load_before = os.getloadavg()[0]
    cpu, wall = cpu_seconds(), time.perf_counter()
    table = fn()
    wall, cpu = time.perf_counter() - wall, cpu_seconds() - cpu
    return {"case": label, "runs": len(table), "wall_s": wall, "cpu_s": cpu, "runs_per_min": len(table) / wall * 60,
            "runs_per_cpu_min": len(table) / cpu * 60, "load_before": load_before, "load_after": os.getloadavg()[0],
            "table": table}


def ours(sweep, workers: int) -> pd.DataFrame:
    return run_sweep(sweep, None, workers=workers).table


def mesa_batch(sweep, processes: int) -> pd.DataFrame:
    values = sorted(set(sweep.design_table()["trust.forgetting"]))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        rows = mesa.batch_run(BatchNetwerk, {"forgetting": values, "steps": sweep.steps}, number_processes=processes,
                              data_collection_period=-1, max_steps=sweep.steps + 1, display_progress=False,
                              rng=sweep.run_seeds()[:sweep.replications])
    return pd.DataFrame(rows)


def same_numbers(a: pd.DataFrame, b: pd.DataFrame) -> bool:
    """Whether batch_run's rows hold exactly our metrics for the same (forgetting, seed) runs."""
    ours_ = a.rename(columns={"trust.forgetting": "forgetting"}).sort_values(["forgetting", "seed"])
    seeds = sorted(set(a["seed"]), key=list(a["seed"]).index)
    theirs = b.assign(seed=[seeds[i] for i in b["iteration"]]).sort_values(["forgetting", "seed"])
    return bool(np.array_equal(ours_[METRICS].to_numpy(), theirs[METRICS].to_numpy(dtype=float), equal_nan=True))


def memory_over(runs: int, steps: int, block: int) -> list[dict]:
    """Peak RSS of the parent and of the pool workers per ``block`` runs of a 2-worker sweep into a folder."""
    sweep = grid_sweep(max(1, runs // LEVELS), steps, seed=11)
    me = psutil.Process()
    peaks: dict[int, list[float]] = {}
    stop = threading.Event()
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "sweep")

        def sample() -> None:
            while not stop.is_set():
                done = len(store.part_files()) * 20
                workers = sum(c.memory_info().rss for c in me.children(recursive=True) if _alive(c))
                peak = peaks.setdefault(done // block, [0.0, 0.0])
                peak[0] = max(peak[0], me.memory_info().rss / 2**20)
                peak[1] = max(peak[1], workers / 2**20)
                time.sleep(0.25)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        start = time.perf_counter()
        run_sweep(sweep, store.out, workers=2, chunk=20)
        seconds = time.perf_counter() - start
        stop.set()
        sampler.join()
    return [{"runs": f"{i * block}-{(i + 1) * block}", "parent_MB": p[0], "workers_MB": p[1]}
            for i, p in sorted(peaks.items()) if i * block < sweep.runs] + [{"runs": "seconds", "parent_MB": seconds,
                                                                           "workers_MB": sweep.runs}]


def _alive(process: psutil.Process) -> bool:
    try:
        return process.is_running() and process.status() != psutil.STATUS_ZOMBIE
    except psutil.Error:
        return False


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=100, help="runs per case (a multiple of 5)")
    ap.add_argument("--steps", type=int, default=52, help="weeks per run")
    ap.add_argument("--memory-runs", type=int, default=2000, help="runs of the memory test (0: skip)")
    ap.add_argument("--memory-steps", type=int, default=26, help="weeks per run of the memory test")
    args = ap.parse_args()
    sweep = grid_sweep(args.runs // LEVELS, args.steps)
    cases = [measure("netwerksim sweep, serial", lambda: ours(sweep, 1)),
             measure("netwerksim sweep, 2 workers", lambda: ours(sweep, 2)),
             measure("mesa.batch_run, 1 process", lambda: mesa_batch(sweep, 1)),
             measure("mesa.batch_run, 2 processes", lambda: mesa_batch(sweep, 2))]
    print(f"{sweep.runs} runs of the zorgnetwerk, {sweep.steps} weeks; {os.cpu_count()} cores\n")
    print("| case | runs/min (wall) | runs per CPU-minute | wall s | CPU s | load avg before -> after |")
    print("|---|---:|---:|---:|---:|---|")
    for c in cases:
        print(f"| {c['case']} | {c['runs_per_min']:.0f} | {c['runs_per_cpu_min']:.0f} | {c['wall_s']:.1f} | "
              f"{c['cpu_s']:.1f} | {c['load_before']:.2f} -> {c['load_after']:.2f} |")
    for first, second in ((0, 1), (2, 3)):
        a, b = cases[first], cases[second]
        speedup = a["wall_s"] / b["wall_s"]
        per_run = a["cpu_s"] / a["runs"], b["cpu_s"] / b["runs"]
        print(f"\n{b['case']}: speed-up {speedup:.2f}x by the wall clock (efficiency {speedup / 2:.0%}); CPU seconds "
              f"per run {per_run[0]:.3f} serial, {per_run[1]:.3f} in parallel (start-up included), so on two idle cores "
              f"{2 * per_run[0] / per_run[1]:.2f}x; it got {b['cpu_s'] / b['wall_s']:.2f} of the 2 cores on average")
    identical = cases[0]["table"].equals(cases[1]["table"])
    print(f"\nserial and 2-worker tables identical: {identical}; batch_run's metrics identical to ours: "
          f"{same_numbers(cases[0]['table'], cases[2]['table'])}")
    print(f"batch_run with 2 processes vs our 2 workers: {cases[1]['runs_per_min'] / cases[3]['runs_per_min']:.2f}x")
    if args.memory_runs:
        rows = memory_over(args.memory_runs, args.memory_steps, block=max(100, args.memory_runs // 10))
        seconds, total = rows[-1]["parent_MB"], rows[-1]["workers_MB"]
        print(f"\nmemory over {total} runs ({args.memory_steps} weeks each, 2 workers, parts of 20 runs saved to disk; "
              f"{seconds:.0f} s, {total / seconds * 60:.0f} runs/min; load avg now {os.getloadavg()[0]:.2f}):\n")
        print("| runs | peak RSS parent MB | peak RSS both workers MB |\n|---|---:|---:|")
        for r in rows[:-1]:
            print(f"| {r['runs']} | {r['parent_MB']:.0f} | {r['workers_MB']:.0f} |")


if __name__ == "__main__":
    main()
