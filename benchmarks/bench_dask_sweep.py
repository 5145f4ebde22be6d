"""A 10,000-run sweep on a real Dask cluster on this machine: throughput and memory (issue 18 item 7).

Starts ``dask scheduler`` and ``dask worker`` processes (one thread each) on 127.0.0.1, then runs the
command line ``netwerksim sweep FILE --scheduler tcp://127.0.0.1:PORT`` with its output piped (so the
progress comes as lines), and samples every second the resident memory of the sweep's own process, the
scheduler and each worker. Runs are short (a random design over two parameters of the zorgnetwerk,
``--steps`` weeks each) so the figure is about the engine: submitting, collecting and saving 10,000 runs.
Reported: wall time, runs per second and per CPU-second of the workers, peak and final memory of each
process, progress lines seen, and whether the results file holds every run once. Usage:

    .venv/bin/python benchmarks/bench_dask_sweep.py [--runs 10000] [--steps 4] [--workers 2]
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from pathlib import Path

import pandas as pd
import psutil

BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def sweep_file(folder: Path, runs: int, steps: int) -> Path:
    path = folder / "sweep_10k.toml"
    path.write_text(textwrap.dedent(f"""
        [sweep]
        scenario = "zorgnetwerk"
        design = "random"
        samples = {runs // 2}
        replications = 2
        seed = 10
        steps = {steps}
        metrics = ["dip", "vitality_mean", "trust_end", "progress_total"]
        [space]
        "trust.forgetting" = {{ low = 0.9, high = 1.0 }}
        "meeting.accountability_share" = {{ low = 0, high = 1 }}
        """), encoding="utf-8")
    return path


class Sampler(threading.Thread):
    """Resident memory (MB) and CPU seconds of named processes with all their children (a `dask worker` is a
    nanny and the worker process it starts), sampled every second: peak and last memory, last CPU."""

    def __init__(self, processes: dict[str, psutil.Process]):
        super().__init__(daemon=True)
        self.processes, self.peak, self.last, self.cpu = processes, {}, {}, {}
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.wait(1.0):
            for name, p in self.processes.items():
                try:
                    tree = [p, *p.children(recursive=True)]
                    rss = sum(q.memory_info().rss for q in tree) / 2**20
                    self.cpu[name] = sum(sum(q.cpu_times()[:2]) for q in tree)
                except psutil.Error:
                    continue
                self.peak[name] = max(self.peak.get(name, 0.0), rss)
                self.last[name] = rss


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=10_000)
    ap.add_argument("--steps", type=int, default=4)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    port = free_port()
    env = {**os.environ, "NETWERKSIM_PROGRESS_SECONDS": "30"}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        started: list[subprocess.Popen] = []
        try:
            scheduler = subprocess.Popen([str(BIN / "dask"), "scheduler", "--host", "127.0.0.1", "--port", str(port),
                                          "--dashboard-address", ":0"], stderr=subprocess.DEVNULL, cwd=folder)
            started.append(scheduler)
            time.sleep(2)
            workers = [subprocess.Popen([str(BIN / "dask"), "worker", f"tcp://127.0.0.1:{port}", "--nthreads", "1",
                                         "--nworkers", "1", "--no-dashboard", "--local-directory", str(folder)],
                                        stderr=subprocess.DEVNULL, cwd=folder) for _ in range(args.workers)]
            started += workers
            time.sleep(3)
            processes = {"scheduler": psutil.Process(scheduler.pid)}
            processes.update({f"worker {i + 1} (nanny+worker)": psutil.Process(w.pid) for i, w in enumerate(workers)})
            path, out = sweep_file(folder, args.runs, args.steps), folder / "out"
            load = os.getloadavg()[0]
            start = time.perf_counter()
            sweep = subprocess.Popen([str(BIN / "netwerksim"), "sweep", str(path), "--scheduler", f"tcp://127.0.0.1:{port}",
                                      "--out", str(out)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                     env=env, cwd=folder)
            processes["netwerksim sweep"] = psutil.Process(sweep.pid)
            sampler = Sampler(processes)
            sampler.start()
            stdout, stderr = sweep.communicate()
            seconds = time.perf_counter() - start
            sampler.stop.set()
            sampler.join()
            if sweep.returncode != 0:
                sys.exit(f"sweep failed ({sweep.returncode}):\n{stderr[-2000:]}")
            table = pd.read_parquet(out / "results.parquet")
            worker_cpu = sum(v for k, v in sampler.cpu.items() if k.startswith("worker"))
            print(f"{len(table):,} runs of {args.steps} weeks on `dask scheduler` + {args.workers} `dask worker` "
                  f"(1 thread each), 127.0.0.1; load average before {load:.1f}")
            print(f"  wall {seconds:.1f} s = {len(table) / seconds:.1f} runs/s; worker CPU {worker_cpu:.1f} s "
                  f"({len(table) / max(worker_cpu, 1e-9):.1f} runs per worker CPU-second); sweep process CPU "
                  f"{sampler.cpu.get('netwerksim sweep', float('nan')):.1f} s")
            for name in processes:
                print(f"  {name:<28} peak {sampler.peak.get(name, float('nan')):7.1f} MB, at the end "
                      f"{sampler.last.get(name, float('nan')):7.1f} MB")
            lines = [line for line in stderr.splitlines() if " runs (" in line]
            print(f"  progress lines on the piped stderr: {len(lines)}; last: {lines[-1] if lines else '-'}")
            complete = table["run_id"].tolist() == list(range(args.runs))
            print(f"  results.parquet: every run once: {complete}; parts left: {len(list(out.glob('runs/*.parquet')))}")
        finally:
            for p in reversed(started):
                p.terminate()
            for p in started:
                try:
                    p.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    p.kill()


if __name__ == "__main__":
    main()
