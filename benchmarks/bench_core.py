"""Core benchmark: netwerksim against Mesa's VirusOnNetwork example, from the bundled scenario to 100,000 agents.

What it measures
----------------
Cases (rows of the main table):

* ``zorgnetwerk``: the bundled default scenario (``netwerksim.load_scenario("zorgnetwerk")``).
* ``gen 1k`` / ``gen 10k`` / ``gen 100k``: generated networks of about 1,000, 10,000 and 100,000
  professionals (organisation groups of 5-15 professionals over three kinds, about one organisation per
  ten professionals, one forum per three organisations; see :func:`generated_scenario`).

For every case netwerksim is compared with Mesa's own ``VirusOnNetwork`` example at the same number of
agents (``num_nodes`` = number of professionals, ``avg_node_degree=6``). Per model and case:

* ``build s``: construction time. netwerksim: ``load_scenario`` + ``NetwerkModel(...)``.
  VirusOnNetwork: its constructor, with the network's ``nx.spring_layout`` switched off (``layout=None``),
  which would otherwise dominate (about 4 s at 1,000 nodes, minutes at 10,000).
* ``steps`` / ``step s``: the number of ``model.step()`` calls timed and the seconds they took; both
  models run 52 steps (a year of weeks). Running VirusOnNetwork for fewer steps would flatter or
  punish it: its cost per step follows the epidemic (about 9 ms at 10,000 agents in step 1, 46 ms at the
  peak around step 5, 10 ms by step 50), so only the same number of steps gives comparable figures.
* ``agent-steps/s``: agents x steps / step seconds; this is the figure to compare between the models.
  For netwerksim the agents counted are the professionals (the organisations come on top). The target
  line also gives it per CPU second of the stepping (``time.process_time``) and judges the ratio on
  that: both models run on one core (the children get ``OPENBLAS_NUM_THREADS=1``), so on an idle
  machine wall and CPU time agree, while on a shared one CPU time leaves out the waits for a core.
* ``peak MB``: the peak resident set size (``ru_maxrss``) of the case's own fresh subprocess, so cases
  do not contaminate each other. It includes the interpreter and imports; ``base MB`` is the same figure
  taken just after the imports, so ``peak - base`` is roughly what the model itself costs.
* ``ratio``: netwerksim agent-steps/s divided by VirusOnNetwork agent-steps/s at that size.

Cases below 100,000 agents run ``--repeat`` times (default 3), each in a fresh subprocess; the table
shows the median construction and step times and the highest peak memory. The 100,000 cases run once.

VirusOnNetwork builds its graph with ``nx.erdos_renyi_graph``, which is O(n^2); when its construction
exceeds ``--von-timeout`` seconds (default 120) the case is reported as skipped, and the same example is
run again with ``nx.fast_gnp_random_graph`` (the same G(n, p) random-graph model, built in O(n + m)) so
that its stepping speed can still be compared; that row is marked ``*``.

Below the main table: the targets (PASS/FAIL, nothing is asserted), where netwerksim's time goes per
generated size (construction phases, then the mechanisms of the step, measured by wrapping the functions
``NetwerkModel`` calls: ``build_state``, every function it imports from ``netwerksim.mechanisms`` and
``_record``; the wrapping costs well under 1 %), and a cProfile of a 10,000-professional
network built and stepped 20 times (top 15 functions by cumulative time, then top 10 by own time).

Usage::

    .venv/bin/python benchmarks/bench_core.py            # everything, several minutes
    .venv/bin/python benchmarks/bench_core.py --quick    # skip the 100,000-agent cases

Numbers depend on the machine; compare ratios and orders of magnitude rather than single timings. Run it
on an otherwise idle machine: the load average is printed at the start and the end, and on a busy or
shared machine the step times can double (numpy's matrix products also use a BLAS thread pool that
suffers from competing processes; ``OPENBLAS_NUM_THREADS=1`` steadies them). To benchmark another
checkout, pass its ``src`` folder as ``--src``; the header says which netwerksim was measured.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from typing import Any

SIZES = {"gen 1k": 1_000, "gen 10k": 10_000, "gen 100k": 100_000}
STEPS = 52                      # one year of weekly steps, for both models and every case
BIG = 100_000                   # cases of this size are skipped by --quick and run only once
PROFILE_SIZE, PROFILE_STEPS = 10_000, 20

TARGET_RATIO_AT = ("gen 10k", 5.0)          # netwerksim at least 5x VirusOnNetwork agent-steps/s
TARGET_BIG = ("gen 100k", 60.0, 4096.0)     # construction + 52 steps under 60 s, peak under 4 GB

CONSTRUCTION_PHASES = ("load_scenario", "build_state", "Mesa agents & rest", "initial record")
REST = "events & the rest"       # step time outside the mechanisms and the recording
CHILD_SRC: str | None = None     # --src: the children import netwerksim from there


# --------------------------------------------------------------------------------------------------
# scenarios
def generated_scenario(professionals: int, *, steps: int = STEPS, seed: int = 1) -> dict[str, Any]:
    """:func:`netwerksim.generator.sized_network` (organisations of 5-15 professionals, one forum per three
    organisations), made by the parent process so that another checkout (``--src``) without it runs the same."""
    from netwerksim.generator import sized_network  # noqa: PLC0415

    return sized_network(professionals, steps=steps, seed=seed)


# --------------------------------------------------------------------------------------------------
# child processes: one case each
def _rss_mb() -> float:
    """Peak resident set size of this process so far, in MB (ru_maxrss is in KB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def _instrument(timings: dict[str, float]) -> None:
    """Wrap what ``NetwerkModel`` calls so that the seconds spent in each land in ``timings``."""
    from netwerksim import model as nm  # noqa: PLC0415

    def timed(label: str, fn):
        def wrapper(*args, **kwargs):
            t0 = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                timings[label] = timings.get(label, 0.0) + time.perf_counter() - t0
        return wrapper

    nm.build_state = timed("build_state", nm.build_state)
    # every mechanism function the model module imported, whatever the current set of mechanisms is
    for name, obj in list(vars(nm).items()):
        if callable(obj) and getattr(obj, "__module__", "").startswith("netwerksim.mechanisms."):
            setattr(nm, name, timed(name, obj))
    nm.NetwerkModel._record = timed("record", nm.NetwerkModel._record)


def run_netwerksim(case: str, scenario_dict: dict | None, steps: int) -> dict[str, Any]:
    import netwerksim  # noqa: PLC0415

    timings: dict[str, float] = {}
    _instrument(timings)
    base = _rss_mb()
    t0 = time.perf_counter()
    scenario = netwerksim.load_scenario(scenario_dict or "zorgnetwerk")
    t1 = time.perf_counter()
    model = netwerksim.NetwerkModel(scenario)
    t2 = time.perf_counter()
    construction = {
        "load_scenario": t1 - t0,
        "build_state": timings.pop("build_state", 0.0),
        "initial record": timings.pop("record", 0.0),
    }
    construction["Mesa agents & rest"] = (t2 - t1) - construction["build_state"] - construction["initial record"]
    timings.clear()
    t3, c3 = time.perf_counter(), time.process_time()
    for _ in range(steps):
        model.step()
    step_seconds, cpu_seconds = time.perf_counter() - t3, time.process_time() - c3
    stepping = {k: v for k, v in timings.items() if k != "record"}     # mechanisms, in the order they ran
    stepping["record"] = timings.get("record", 0.0)
    stepping[REST] = step_seconds - sum(stepping.values())
    st = model.state
    return {
        "case": case, "model": "netwerksim", "agents": len(model.professionals), "build": t2 - t0,
        "steps": steps, "step_seconds": step_seconds, "cpu_seconds": cpu_seconds, "base_mb": base, "peak_mb": _rss_mb(),
        "construction": construction, "stepping": stepping,
        "network": {"organisations": len(model.organisations), "forums": len(st.forums.id),
                    "memberships": len(st.forums.member_prof), "ties": len(st.ties.src)},
    }


class _ConstructionTimeout(Exception):
    pass


def run_virus(case: str, agents: int, steps: int, timeout: float, fast_graph: bool) -> dict[str, Any]:
    import contextlib  # noqa: PLC0415
    import functools  # noqa: PLC0415
    import signal  # noqa: PLC0415
    from unittest import mock  # noqa: PLC0415

    import networkx as nx  # noqa: PLC0415
    from mesa.examples import VirusOnNetwork  # noqa: PLC0415
    from mesa.examples.basic.virus_on_network import model as vm  # noqa: PLC0415

    result: dict[str, Any] = {"case": case, "model": "VirusOnNetwork", "agents": agents, "fast_graph": fast_graph}
    base = _rss_mb()

    def alarm(signum, frame):
        raise _ConstructionTimeout

    signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, timeout)
    t0 = time.perf_counter()
    try:
        with contextlib.ExitStack() as patches:
            patches.enter_context(mock.patch.object(vm, "Network", functools.partial(vm.Network, layout=None)))
            if fast_graph:
                patches.enter_context(mock.patch.object(vm.nx, "erdos_renyi_graph", nx.fast_gnp_random_graph))
            model = VirusOnNetwork(num_nodes=agents, avg_node_degree=6, rng=1)
    except _ConstructionTimeout:
        result["skipped"] = (f"construction exceeded {timeout:.0f} s (nx.erdos_renyi_graph is O(n^2): "
                             f"{agents:,}^2/2 candidate edges)")
        return result
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    build = time.perf_counter() - t0
    t1, c1 = time.perf_counter(), time.process_time()
    for _ in range(steps):
        model.step()
    step_seconds, cpu_seconds = time.perf_counter() - t1, time.process_time() - c1
    result.update(build=build, steps=steps, step_seconds=step_seconds, cpu_seconds=cpu_seconds, base_mb=base,
                  peak_mb=_rss_mb())
    return result


def run_profile(scenario_dict: dict, steps: int) -> dict[str, Any]:
    import cProfile  # noqa: PLC0415
    import io  # noqa: PLC0415
    import pstats  # noqa: PLC0415

    import mesa  # noqa: PLC0415
    import numpy  # noqa: PLC0415

    import netwerksim  # noqa: PLC0415

    profiler = cProfile.Profile()
    profiler.enable()
    model = netwerksim.NetwerkModel(netwerksim.load_scenario(scenario_dict))
    for _ in range(steps):
        model.step()
    profiler.disable()
    # file names relative to their package roots, so that mesa/model.py and netwerksim/model.py stay apart
    roots = {os.path.dirname(os.path.dirname(m.__file__)) + os.sep for m in (netwerksim, mesa, numpy)}
    text = {}
    for key, n in (("cumulative", 15), ("tottime", 10)):
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats(key).print_stats(n)
        body = out.getvalue()
        for root in sorted(roots, key=len, reverse=True):
            body = body.replace(root, "")
        text[key] = body
    return {"professionals": len(model.professionals), "steps": steps, "text": text}


def child_main(spec: dict[str, Any]) -> None:
    kind = spec["kind"]
    if kind == "netwerksim":
        result = run_netwerksim(spec["case"], spec["scenario"], spec["steps"])
    elif kind == "virus":
        result = run_virus(spec["case"], spec["agents"], spec["steps"], spec["timeout"], spec["fast_graph"])
    else:
        result = run_profile(spec["scenario"], spec["steps"])
    print("RESULT " + json.dumps(result))


# --------------------------------------------------------------------------------------------------
# parent: run the cases in fresh subprocesses and print the tables
def run_child(spec: dict[str, Any], label: str) -> dict[str, Any]:
    print(f"  running {label} ...", file=sys.stderr, flush=True)
    t0 = time.perf_counter()
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"}   # one core per model, as Mesa uses
    if CHILD_SRC:
        env["PYTHONPATH"] = CHILD_SRC
    proc = subprocess.run([sys.executable, __file__, "--child", json.dumps(spec)],
                          capture_output=True, text=True, check=False, env=env)
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("RESULT ")]
    if proc.returncode != 0 or not lines:
        tail = "\n".join((proc.stderr or proc.stdout).strip().splitlines()[-8:])
        print(f"    failed (exit {proc.returncode}):\n{tail}", file=sys.stderr)
        return {"error": f"child exited with {proc.returncode}"}
    print(f"    done in {time.perf_counter() - t0:.1f} s", file=sys.stderr, flush=True)
    return json.loads(lines[-1].removeprefix("RESULT "))


def run_repeated(spec: dict[str, Any], label: str, repeat: int) -> dict[str, Any]:
    """Median construction and step time over ``repeat`` fresh subprocesses; the highest peak memory."""
    runs = []
    for i in range(repeat):
        r = run_child(spec, label if repeat == 1 else f"{label} [{i + 1}/{repeat}]")
        if "step_seconds" not in r:
            return r            # an error or a skipped case: no point in repeating
        runs.append(r)
    by_steps = sorted(runs, key=lambda r: r["step_seconds"])
    result = dict(by_steps[len(runs) // 2])
    result["build"] = statistics.median(r["build"] for r in runs)
    result["cpu_seconds"] = statistics.median(r["cpu_seconds"] for r in runs)
    result["peak_mb"] = max(r["peak_mb"] for r in runs)
    result["runs"] = len(runs)
    return result


def rate(r: dict[str, Any] | None, clock: str = "step_seconds") -> float | None:
    """Agent-steps per second of wall time (``step_seconds``) or of CPU time (``cpu_seconds``)."""
    if not r or clock not in r or r[clock] <= 0:
        return None
    return r["agents"] * r["steps"] / r[clock]


def fmt_cells(r: dict[str, Any] | None) -> str:
    """build s, steps, step s, agent-steps/s, base MB, peak MB: 58 characters."""
    if not r or "step_seconds" not in r:
        return f"{'-':>8} {'-':>5} {'-':>8} {'-':>13} {'-':>7} {'-':>7}  "
    return (f"{r['build']:>8.3f} {r['steps']:>5d} {r['step_seconds']:>8.3f} {rate(r):>13,.0f} "
            f"{r['base_mb']:>7.0f} {r['peak_mb']:>7.0f}  ")


def print_main_table(rows: list[tuple[str, dict, dict | None]]) -> None:
    cols = f"{'build s':>8} {'steps':>5} {'step s':>8} {'agent-steps/s':>13} {'base MB':>7} {'peak MB':>7}  "
    width = len(cols)
    print(f"{'':<11}{'':>8}  {' netwerksim '.center(width - 2, '-')}  {' VirusOnNetwork '.center(width - 2, '-')}")
    print(f"{'case':<11}{'agents':>8}  {cols}{cols}{'ratio':>7}")
    for case, ns, von in rows:
        agents = ns.get("agents", 0) if ns else 0
        mark = "*" if von and von.get("fast_graph") else " "
        ratio = rate(ns) / rate(von) if rate(ns) and rate(von) else None
        ratio_text = f"{ratio:>6.1f}x" if ratio else f"{'-':>7}"
        print(f"{case:<11}{agents:>8,}  {fmt_cells(ns)}{fmt_cells(von)}{ratio_text}{mark}")


def print_breakdown(results: dict[str, dict[str, Any]]) -> None:
    cases = [c for c in results if "construction" in results[c]]
    if not cases:
        return
    print("\nWhere netwerksim's time goes (seconds; share of construction resp. of stepping)")
    head = "".join(f"{c:>20}" for c in cases)
    print(f"{'':<24}{head}")
    for key in ("organisations", "forums", "memberships", "ties"):
        print(f"{key:<24}" + "".join(f"{results[c]['network'][key]:>20,}" for c in cases))

    def block(title: str, part: str, phases: tuple[str, ...], total_key: str) -> None:
        print(f"{title:<24}" + "".join(f"{results[c][total_key]:>13.3f} s {'':>5}" for c in cases))
        for phase in phases:
            cells = []
            for c in cases:
                sec, total = results[c][part][phase], results[c][total_key]
                cells.append(f"{sec:>13.3f} {100 * sec / total if total else 0:>4.0f} %")
            print(f"  {phase:<22}" + "".join(cells))

    block("construction", "construction", CONSTRUCTION_PHASES, "build")
    print(f"{f'stepping ({STEPS} steps)':<24}" + "".join(f"{results[c]['step_seconds']:>13.3f} s {'':>5}" for c in cases))
    phases = list(dict.fromkeys(k for c in cases for k in results[c]["stepping"] if k not in ("record", REST)))
    for phase in [*phases, "record", REST]:
        cells = []
        for c in cases:
            sec, total = results[c]["stepping"].get(phase, 0.0), results[c]["step_seconds"]
            cells.append(f"{sec:>13.3f} {100 * sec / total if total else 0:>4.0f} %")
        print(f"  {phase:<22}" + "".join(cells))
    print(f"{'ms per step':<24}" + "".join(f"{1000 * results[c]['step_seconds'] / results[c]['steps']:>15.2f} {'':>4}"
                                          for c in cases))


def print_targets(results: dict[str, dict], von: dict[str, dict], quick: bool) -> bool:
    print("\nTargets (reported, not asserted)")
    ok = True
    case, wanted = TARGET_RATIO_AT
    ns, vr = results.get(case), von.get(case)
    if rate(ns, "cpu_seconds") and rate(vr, "cpu_seconds"):
        ratio = rate(ns, "cpu_seconds") / rate(vr, "cpu_seconds")
        verdict = "PASS" if ratio >= wanted else "FAIL"
        ok &= verdict == "PASS"
        print(f"  [{verdict}] {case}: agent-steps per CPU second at least {wanted:.0f}x VirusOnNetwork: {ratio:.1f}x "
              f"({rate(ns, 'cpu_seconds'):,.0f} vs {rate(vr, 'cpu_seconds'):,.0f}); by wall time "
              f"{rate(ns) / rate(vr):.1f}x ({rate(ns):,.0f} vs {rate(vr):,.0f})")
        print("         (judged on CPU time: both models run single-threaded, so on an idle machine the two agree;"
              " on a busy one CPU time leaves out the waits for a core)")
    else:
        print(f"  [ -- ] {case}: ratio not available")
    case, limit_s, limit_mb = TARGET_BIG
    ns = results.get(case)
    if quick:
        print(f"  [ -- ] {case}: skipped (--quick)")
    elif ns and "step_seconds" in ns:
        total = ns["build"] + ns["step_seconds"]
        verdict = "PASS" if total < limit_s and ns["steps"] >= STEPS else "FAIL"
        ok &= verdict == "PASS"
        print(f"  [{verdict}] {case}: {ns['agents']:,} professionals, construction + {ns['steps']} steps under "
              f"{limit_s:.0f} s: {total:.1f} s ({ns['build']:.1f} s construction + {ns['step_seconds']:.1f} s steps)")
        verdict = "PASS" if ns["peak_mb"] < limit_mb else "FAIL"
        ok &= verdict == "PASS"
        print(f"  [{verdict}] {case}: peak RSS under {limit_mb / 1024:.0f} GB: {ns['peak_mb']:,.0f} MB")
    else:
        print(f"  [FAIL] {case}: the case did not run")
        ok = False
    return ok


def source_description() -> str:
    """Where the benchmarked netwerksim comes from, with its git commit when there is one."""
    import importlib.util  # noqa: PLC0415

    spec = importlib.util.find_spec("netwerksim")
    folder = os.path.dirname(spec.origin) if spec and spec.origin else "?"
    if CHILD_SRC:
        folder = os.path.join(CHILD_SRC, "netwerksim")
    try:
        run = lambda *cmd: subprocess.run(["git", "-C", folder, *cmd], capture_output=True, text=True,  # noqa: E731
                                          check=True, timeout=10).stdout.strip()
        commit = run("rev-parse", "--short", "HEAD")
        dirty = " with uncommitted changes" if run("status", "--porcelain", "--", ".") else ""
        return f"{folder} (commit {commit}{dirty})"
    except (OSError, subprocess.SubprocessError):
        return folder


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="skip the 100,000-agent cases")
    parser.add_argument("--von-timeout", type=float, default=120.0, metavar="S",
                        help="give up on VirusOnNetwork's own construction after S seconds (default 120)")
    parser.add_argument("--repeat", type=int, default=3, metavar="N",
                        help="fresh subprocesses per case below 100,000 agents; medians are shown (default 3)")
    parser.add_argument("--no-profile", action="store_true", help="skip the cProfile run")
    parser.add_argument("--src", metavar="DIR", help="benchmark the netwerksim in DIR (another checkout's src) instead; "
                        "the generated networks are still made by this one")
    parser.add_argument("--child", metavar="JSON", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    global CHILD_SRC
    CHILD_SRC = args.src
    if args.child:
        child_main(json.loads(args.child))
        return 0

    import mesa  # noqa: PLC0415
    import numpy  # noqa: PLC0415

    print(f"netwerksim core benchmark: Python {platform.python_version()}, numpy {numpy.__version__}, "
          f"mesa {mesa.__version__}, {platform.machine()} with {os.cpu_count()} CPUs")
    print(f"netwerksim from {source_description()}; load average {os.getloadavg()[0]:.2f}", flush=True)
    cases: list[tuple[str, int | None]] = [("zorgnetwerk", None)]
    cases += [(c, n) for c, n in SIZES.items() if not (args.quick and n >= BIG)]

    results: dict[str, dict] = {}
    von: dict[str, dict] = {}
    skipped: list[str] = []
    for case, size in cases:
        repeat = 1 if (size or 0) >= BIG else max(1, args.repeat)
        scenario = None if size is None else generated_scenario(size)
        ns = run_repeated({"kind": "netwerksim", "case": case, "scenario": scenario, "steps": STEPS},
                          f"netwerksim {case}", repeat)
        results[case] = ns
        agents = ns.get("agents") or size or 100
        spec = {"kind": "virus", "case": case, "agents": agents, "steps": STEPS, "timeout": args.von_timeout,
                "fast_graph": False}
        vr = run_repeated(spec, f"VirusOnNetwork {case} ({agents:,} nodes)", repeat)
        if "skipped" in vr:
            skipped.append(f"VirusOnNetwork {case}: skipped, {vr['skipped']}")
            vr = run_repeated({**spec, "fast_graph": True, "timeout": 3600.0},
                              f"VirusOnNetwork {case} with nx.fast_gnp_random_graph", repeat)
        von[case] = vr

    profile = None if args.no_profile else run_child(
        {"kind": "profile", "scenario": generated_scenario(PROFILE_SIZE), "steps": PROFILE_STEPS}, "cProfile")

    print()
    print_main_table([(c, results[c], von.get(c)) for c, _ in cases])
    print("\nagents = professionals (netwerksim) = num_nodes (VirusOnNetwork, avg_node_degree=6); "
          "ratio = netwerksim / VirusOnNetwork agent-steps/s")
    print("VirusOnNetwork built without spring_layout (layout=None); base MB = RSS after imports, "
          "peak MB = peak RSS of the case's own subprocess")
    print(f"times are medians of {max(1, args.repeat)} fresh subprocesses per case "
          f"(one for the {BIG:,}-agent cases)")
    for line in skipped:
        print(f"* {line}; the row shows the same example on nx.fast_gnp_random_graph (same G(n, p) model, O(n + m))")

    order = [c for c in results if c != "zorgnetwerk"] + ["zorgnetwerk"]     # generated sizes first
    print_breakdown({c: results[c] for c in order})
    ok = print_targets(results, von, args.quick)

    if profile and "text" in profile:
        print(f"\ncProfile: {profile['professionals']:,} professionals, construction + {profile['steps']} steps")
        for key, title in (("cumulative", "top 15 by cumulative time"), ("tottime", "top 10 by own time")):
            body = profile["text"][key]
            start = body.find("   ncalls")
            print(f"\n-- {title} --")
            print(body[start:].rstrip() if start >= 0 else body.rstrip())
    print(f"\nload average at the end {os.getloadavg()[0]:.2f} (1 minute)")
    if not ok:
        print("some targets NOT met")
    else:
        print("all checked targets met" + (f" (the {BIG:,}-agent target was skipped: --quick)" if args.quick else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
