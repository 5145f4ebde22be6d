"""Small networks: CPU of a 156-week run of the bundled zorgnetwerk (98 professionals) through ``run()``, and the
per-step fixed cost (ms per step of a generated network of 10 professionals), side by side for several checkouts
in one run; also the same 156 weeks through the engines' ``run_summary`` in a process that has made many runs (the
fused kernels on, where the checkout has them).

Every checkout runs in its own fresh subprocess, alternating, ``--repeat`` times; the table shows medians of CPU
time (``time.process_time``) and wall time. The issue asks <= 30 ms CPU for the 156 weeks and <= 0.15 ms a step.

Usage::

    .venv/bin/python benchmarks/bench_small.py                       # this checkout
    .venv/bin/python benchmarks/bench_small.py --src /tmp/ref/src     # ... beside another checkout's src
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(os.path.dirname(HERE), "src")


def medians_ms(call, repeat: int) -> tuple[float, float]:
    """Median CPU and wall time of ``repeat`` calls, in ms."""
    cpu, wall = [], []
    for _ in range(repeat):
        c, w = time.process_time(), time.perf_counter()
        call()
        cpu.append(time.process_time() - c)
        wall.append(time.perf_counter() - w)
    return statistics.median(cpu) * 1000, statistics.median(wall) * 1000


def child(tiny_network: dict, repeat: int) -> dict:
    import netwerksim  # noqa: PLC0415
    from netwerksim.runner import run  # noqa: PLC0415

    out = {}
    zorg = netwerksim.load_scenario("zorgnetwerk").with_changes(steps=156)
    tiny = netwerksim.load_scenario(tiny_network)
    run(zorg)   # warm: imports, caches
    out["zorgnetwerk 156 weeks run()"] = medians_ms(lambda: run(zorg), repeat)
    # the engines' path (sweeps, comparisons, the patterns' validation): run_summary in a process that has made many
    # runs, so the fused kernels run where this checkout has the switch (kernels.MANY_RUNS; none before issue 20's
    # sixth round), and without the manifest's fingerprint where it skips it
    from netwerksim import kernels  # noqa: PLC0415
    from netwerksim.experiment import RunSpec, run_summary  # noqa: PLC0415

    if hasattr(kernels, "MANY_RUNS"):
        kernels._runs = kernels.MANY_RUNS
    spec = RunSpec("zorgnetwerk", seed=0, steps=156)
    run_summary(spec)   # warm: numba's import and cache load where the kernels run
    out["zorgnetwerk 156 weeks, engines"] = medians_ms(lambda: run_summary(spec), repeat)
    for name, sc in (("zorgnetwerk ms/step", zorg), ("10 professionals ms/step", tiny)):
        model = netwerksim.NetwerkModel(sc, mesa_data=False)
        c, w = time.process_time(), time.perf_counter()
        for _ in range(156):
            model.step()
        out[name] = ((time.process_time() - c) * 1000 / 156, (time.perf_counter() - w) * 1000 / 156)
    c, w = time.process_time(), time.perf_counter()
    for _ in range(repeat):
        netwerksim.NetwerkModel(zorg, mesa_data=False)
    out["zorgnetwerk build ms"] = ((time.process_time() - c) * 1000 / repeat, (time.perf_counter() - w) * 1000 / repeat)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--src", action="append", default=[], help="another checkout's src folder to run beside")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=3, help="fresh subprocesses per checkout, alternating")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print("RESULT " + json.dumps(child(json.loads(args.child), args.repeat)))
        return 0
    from netwerksim.generator import sized_network  # noqa: PLC0415 (this checkout's; the others may not have it)

    tiny = json.dumps(sized_network(10, steps=156))
    sources = [SRC, *args.src]
    results: dict[str, list[dict]] = {s: [] for s in sources}
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"}
    print(f"load average {os.getloadavg()[0]:.2f}", flush=True)
    for _ in range(args.rounds):
        for src in sources:
            proc = subprocess.run([sys.executable, __file__, "--child", tiny, "--repeat", str(args.repeat)],
                                  capture_output=True, text=True, check=True,
                                  env={**env, "PYTHONPATH": src})
            line = [ln for ln in proc.stdout.splitlines() if ln.startswith("RESULT ")][-1]
            results[src].append(json.loads(line.removeprefix("RESULT ")))
    rows = list(results[SRC][0])
    print(f"{'(ms, medians; CPU / wall)':<32}" + "".join(f"{os.path.basename(os.path.dirname(s)) or s:>24}" for s in sources))
    for row in rows:
        cells = []
        for s in sources:
            cpu = statistics.median(r[row][0] for r in results[s])
            wall = statistics.median(r[row][1] for r in results[s])
            cells.append(f"{cpu:>11.2f} / {wall:>9.2f}")
        print(f"{row:<32}" + "".join(cells))
    print(f"load average {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
