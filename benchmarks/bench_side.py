"""Small networks, two checkouts side by side in one process: the CPU of a 156-week run of the zorgnetwerk (98
professionals) and of a generated network of ~100 professionals through the engines' ``run_summary`` with the fused
kernels on (a process past ``kernels.MANY_RUNS``, as every worker of a sweep, a comparison or ``netwerksim patterns``),
and the cost of a step (``NetwerkModel.step``, 156 weeks). The other checkout's package is imported under another name
(``netwerksim_other``), so both run in the same interpreter, alternating run by run: the same machine state for both.

Usage::

    .venv/bin/python benchmarks/bench_side.py /tmp/ref/src          # medians of --rounds (default 7) per row
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import statistics
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(os.path.dirname(HERE), "src")


def load(src: str, name: str):
    """The package ``netwerksim`` of ``src`` imported as ``name`` (its relative imports stay inside it)."""
    spec = importlib.util.spec_from_file_location(name, os.path.join(src, "netwerksim", "__init__.py"),
                                                  submodule_search_locations=[os.path.join(src, "netwerksim")])
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("other", help="the other checkout's src folder")
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    sys.path.insert(0, SRC)
    packages = {"this": load(SRC, "netwerksim"), "other": load(args.other, "netwerksim_other")}
    cases = {}
    for label, pkg in packages.items():
        kernels = importlib.import_module(f"{pkg.__name__}.kernels")
        experiment = importlib.import_module(f"{pkg.__name__}.experiment")
        model = importlib.import_module(f"{pkg.__name__}.model")
        generator = importlib.import_module(f"{pkg.__name__}.generator")
        kernels._runs = kernels.MANY_RUNS          # a process making many runs: the kernels on at every size
        generated = generator.sized_network(100, steps=156)
        zorg = pkg.load_scenario("zorgnetwerk").with_changes(steps=156)
        cases[label] = {
            "zorgnetwerk 156 weeks, engines (ms CPU)": (experiment.run_summary, experiment.RunSpec("zorgnetwerk", seed=0, steps=156)),
            "generated ~100 professionals 156 weeks, engines (ms CPU)": (experiment.run_summary,
                                                                          experiment.RunSpec(generated, seed=0, steps=156)),
            "zorgnetwerk ms/step": (model.NetwerkModel, zorg),
            "generated ~100 professionals ms/step": (model.NetwerkModel, pkg.load_scenario(generated)),
        }
        for row, (call, what) in cases[label].items():      # warm: imports, numba's cache, first-call costs
            call(what) if "engines" in row else call(what, mesa_data=False).step()
    results = {label: {row: [] for row in cases[label]} for label in cases}
    print(f"load average {os.getloadavg()[0]:.2f}", flush=True)
    for _ in range(args.rounds):
        for label in cases:
            for row, (call, what) in cases[label].items():
                if "engines" in row:
                    c = time.process_time()
                    call(what)
                    results[label][row].append((time.process_time() - c) * 1000)
                else:
                    m = call(what, mesa_data=False)
                    c = time.process_time()
                    for _ in range(156):
                        m.step()
                    results[label][row].append((time.process_time() - c) * 1000 / 156)
    print(f"{'(CPU, medians of ' + str(args.rounds) + '; min-max)':<58}{'this':>22}{'other':>22}{'ratio':>8}")
    for row in results["this"]:
        cells = [f"{statistics.median(results[label][row]):>9.3f} ({min(results[label][row]):.2f}-{max(results[label][row]):.2f})"
                 for label in ("this", "other")]
        ratio = statistics.median(results["this"][row]) / statistics.median(results["other"][row])
        print(f"{row:<58}{cells[0]:>22}{cells[1]:>22}{ratio:>8.2f}")
    print(f"load average {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
