"""Runs per minute of a comparison, serial vs a 2-worker process pool, and whether both agree.

Runs the bundled comparison ``zorgnetwerk_governance`` (five options, zorgnetwerk, 156 weeks) with a
few replications, once with ``--workers 1`` and once with 2, through the public API; prints runs per
minute, the speed-up, and whether the two result tables are identical bit for bit. Usage:

    .venv/bin/python benchmarks/bench_compare.py [replications (default 8)]

The spawn-context pool pays a start-up of about a second per worker (importing numpy, pandas, Mesa);
on a 2-core machine that others share, the speed-up depends on their load (printed beside it).
"""

from __future__ import annotations

import os
import sys
import time

import pandas as pd

from netwerksim import compare


def main() -> None:
    replications = int(sys.argv[1]) if len(sys.argv) > 1 else 8
    timings, tables = {}, {}
    for workers in (1, 2):
        load = os.getloadavg()[0]
        start = time.perf_counter()
        result = compare("zorgnetwerk_governance", replications=replications, workers=workers)
        seconds = time.perf_counter() - start      # includes the pool's start-up
        runs = len(result.table)
        timings[workers] = seconds
        tables[workers] = result.table
        print(f"workers={workers}: {runs} runs in {seconds:6.1f} s = {60 * runs / seconds:6.1f} runs/min "
              f"(load average before: {load:.1f})")
    print(f"speed-up with 2 workers: {timings[1] / timings[2]:.2f}x")
    try:
        pd.testing.assert_frame_equal(tables[1], tables[2], check_exact=True)
        print("serial and parallel tables identical: True")
    except AssertionError:
        print("serial and parallel tables identical: False")


if __name__ == "__main__":
    main()
