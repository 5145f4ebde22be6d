"""National scale (issue 20 item 3): the Dutch care and welfare sector, about 1.4 million professionals in 25 regions
(``netwerksim.generator.national_network``), built and run for 52 weeks, beside its references in one run.

Cases, each in its own fresh subprocess (BLAS on one thread), with wall and CPU seconds and the peak RSS:

* ``national``: ``national_network(1)`` built (``load_scenario`` + ``NetwerkModel``) and stepped 52 weeks; its
  organisations, professionals, ties and the share of ties inside a region.
* ``single region``: ``sized_network`` with the same number of professionals (organisations of 5-15, tables drawn
  from all organisations): the 1.4 million measured before the national scenario existed, much denser (more
  organisations and ties per professional), the same model.
* ``VirusOnNetwork`` (``--von``): Mesa's example with as many nodes (``avg_node_degree=6``,
  ``nx.fast_gnp_random_graph``, no layout), 52 steps: the issue's reference for large networks; off by default, as
  1.4 million Mesa agents and a networkx graph of 4.2 million edges take many minutes and gigabytes (not yet
  measured; ``bench_core.py`` compares the two up to 100,000).
* ``netwerksim run``: the national scenario written by ``netwerksim generate --national`` and run through the
  command (plots, report, and the counterfactual explanation of each netwerkdip), CPU and peak RSS of the command.

Targets (reported, not asserted): build + 52 weeks under 60 s and 4 GB; with ``--ten-million`` also the national
network scaled to 10 million professionals (and the single-region one of that size) under 16 GB. Run it alone.

Usage::

    .venv/bin/python benchmarks/bench_national.py                  # 1.4 million, its references (~3 min)
    .venv/bin/python benchmarks/bench_national.py --ten-million    # also 10 million (~10 min more, ~10 GB)
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
STEPS = 52
LIMIT_S, LIMIT_MB, LIMIT_BIG_MB = 60.0, 4096.0, 16384.0
ENV = {**os.environ, "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"}


def _peak_mb(who=resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def child_model(kind: str, scale: float, professionals: int) -> dict:
    """Build and step one network in this (fresh) process."""
    import numpy as np  # noqa: PLC0415

    from netwerksim import NetwerkModel, load_scenario  # noqa: PLC0415
    from netwerksim.generator import national_network, sized_network  # noqa: PLC0415

    w0, c0 = time.perf_counter(), time.process_time()
    d = national_network(1, scale=scale) if kind == "national" else sized_network(professionals)
    model = NetwerkModel(load_scenario(d), mesa_data=False)
    w1, c1 = time.perf_counter(), time.process_time()
    for _ in range(STEPS):
        model.step()
    w2, c2 = time.perf_counter(), time.process_time()
    st = model.state
    out = {"build_wall": w1 - w0, "build_cpu": c1 - c0, "step_wall": w2 - w1, "step_cpu": c2 - c1,
           "peak_mb": _peak_mb(), "organisations": len(st.orgs.name), "professionals": len(st.profs.org),
           "ties": len(st.ties.src), "forums": len(st.forums.id)}
    if kind == "national":
        region = np.array([int(name.split()[1]) for name in st.orgs.name])
        out["inside"] = float(np.mean(region[st.ties.src_org] == region[st.ties.dst_org]))
        out["regions"] = len(set(region.tolist()))
    return out


def child_von(nodes: int) -> dict:
    sys.path.insert(0, HERE)
    from bench_core import run_virus  # noqa: PLC0415

    r = run_virus("von", nodes, STEPS, 3600.0, True)
    return {"build_wall": r["build"], "build_cpu": None, "step_wall": r["step_seconds"], "step_cpu": r["cpu_seconds"],
            "peak_mb": r["peak_mb"], "professionals": nodes}


def spawn(spec: dict, label: str) -> dict:
    print(f"  {label} ...", file=sys.stderr, flush=True)
    proc = subprocess.run([sys.executable, __file__, "--child", json.dumps(spec)], capture_output=True, text=True,
                          env=ENV, check=False)
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("RESULT ")]
    if proc.returncode or not lines:
        print("\n".join(proc.stderr.strip().splitlines()[-6:]), file=sys.stderr)
        return {"error": f"exit {proc.returncode}"}
    return json.loads(lines[-1].removeprefix("RESULT "))


def run_command(scale: float) -> dict:
    """``netwerksim generate --national`` then ``netwerksim run`` on it: CPU and peak RSS of the run command."""
    cli = os.path.join(os.path.dirname(sys.executable), "netwerksim")
    with tempfile.TemporaryDirectory() as tmp:
        scenario = os.path.join(tmp, "nl.toml")
        subprocess.run([cli, "generate", "--national", "--seed", "1", "--scale", str(scale), "--out", scenario],
                       check=True, capture_output=True, env=ENV)
        print("  netwerksim run (the command) ...", file=sys.stderr, flush=True)
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        w = time.perf_counter()
        proc = subprocess.run([cli, "run", scenario, "--out", os.path.join(tmp, "out")], capture_output=True,
                              text=True, env=ENV, check=False)
        wall = time.perf_counter() - w
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode:
        return {"error": proc.stderr.strip().splitlines()[-1:]}
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return {"wall": wall, "cpu": cpu, "peak_mb": after.ru_maxrss / 1024}


def row(label: str, r: dict) -> str:
    if "error" in r:
        return f"{label:<28} {r['error']}"
    build_cpu = f"{r['build_cpu']:>7.1f}" if r.get("build_cpu") is not None else f"{'-':>7}"
    total_cpu = (r["build_cpu"] or 0) + r["step_cpu"]
    return (f"{label:<28} {r['professionals']:>11,} {r.get('organisations', 0):>9,} {r.get('ties', 0):>11,} "
            f"{r['build_wall']:>7.1f} {build_cpu} {r['step_wall']:>8.1f} {r['step_cpu']:>8.1f} {total_cpu:>8.1f} "
            f"{r['peak_mb']:>8,.0f}")


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--von", action="store_true", help="also Mesa's VirusOnNetwork of the same size (long)")
    parser.add_argument("--no-command", action="store_true", help="skip netwerksim run through the command")
    parser.add_argument("--ten-million", action="store_true", help="also 10 million professionals (memory target 16 GB)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        spec = json.loads(args.child)
        result = child_von(spec["nodes"]) if spec["kind"] == "von" else child_model(spec["kind"], spec["scale"],
                                                                                    spec["professionals"])
        print("RESULT " + json.dumps(result))
        return 0

    import subprocess as sp  # noqa: PLC0415

    commit = sp.run(["git", "-C", HERE, "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    print(f"national-scale benchmark at commit {commit}, {time.strftime('%Y-%m-%d %H:%M %Z')}; "
          f"load average {os.getloadavg()[0]:.2f}; {os.cpu_count()} CPUs", flush=True)
    results = {}
    results["national"] = spawn({"kind": "national", "scale": 1.0, "professionals": 0}, "national 1.4 million")
    size = results["national"].get("professionals", 1_400_000)
    results["single region"] = spawn({"kind": "sized", "scale": 1.0, "professionals": size}, "single region")
    if args.von:
        results["VirusOnNetwork"] = spawn({"kind": "von", "nodes": size}, "VirusOnNetwork")
    if args.ten_million:
        scale = 10_000_000 / 1_400_000
        results["national 10 M"] = spawn({"kind": "national", "scale": scale, "professionals": 0}, "national 10 M")
        results["single region 10 M"] = spawn({"kind": "sized", "scale": 1.0, "professionals": 10_000_000},
                                              "single region 10 M")
    command = None if args.no_command else run_command(1.0)

    print(f"\n{'':<28} {'agents':>11} {'orgs':>9} {'ties':>11} {'build s':>7} {'CPU':>7} {'52 wk s':>8} {'CPU':>8} "
          f"{'CPU sum':>8} {'peak MB':>8}")
    for label, r in results.items():
        print(row(label, r))
    nat = results["national"]
    if "error" not in nat:
        print(f"\nnational: {nat['regions']} regions, {nat['forums']:,} tables, {100 * nat['inside']:.2f} % of the ties "
              f"inside a region")
    if command:
        print("netwerksim run (generate --national, then run: plots, report, explanation of each dip): " +
              (f"{command['cpu']:.1f} s CPU, {command['wall']:.1f} s wall, peak {command['peak_mb']:,.0f} MB"
               if "error" not in command else str(command["error"])))
    print("\nTargets (reported, not asserted)")
    if "error" not in nat:
        cpu, wall = nat["build_cpu"] + nat["step_cpu"], nat["build_wall"] + nat["step_wall"]
        print(f"  [{verdict(cpu < LIMIT_S)}] national: build + {STEPS} weeks under {LIMIT_S:.0f} s: {cpu:.1f} s CPU "
              f"({wall:.1f} s wall)")
        print(f"  [{verdict(nat['peak_mb'] < LIMIT_MB)}] national: peak under 4 GB: {nat['peak_mb']:,.0f} MB")
    if command and "error" not in command:
        print(f"  [{verdict(command['cpu'] < LIMIT_S and command['peak_mb'] < LIMIT_MB)}] netwerksim run national: "
              f"{command['cpu']:.1f} s CPU, {command['peak_mb']:,.0f} MB")
    for label in ("national 10 M", "single region 10 M"):
        r = results.get(label)
        if r and "error" not in r:
            print(f"  [{verdict(r['peak_mb'] < LIMIT_BIG_MB)}] {label}: {r['professionals']:,} professionals in "
                  f"{r['peak_mb']:,.0f} MB (under 16 GB)")
    print(f"load average at the end {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
