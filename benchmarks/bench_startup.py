"""CPU time of starting the command, side by side with `python -c pass` (issue 18 item 5).

Each command runs ``repeat`` times (default 7) in a fresh process; the median user+system CPU time of
the child is reported (CPU, not wall time, so a busy machine changes the figure little), with the
modules each imports. Usage:

    .venv/bin/python benchmarks/bench_startup.py [repeat]

The target: ``netwerksim --help`` <= 0.3 s CPU; ``validate`` imports pydantic but not numpy or Mesa.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
from pathlib import Path

BIN = Path(sys.executable).parent
COMMANDS = {
    "python -c pass": [sys.executable, "-c", "pass"],
    "python -c 'import netwerksim'": [sys.executable, "-c", "import netwerksim"],
    "netwerksim --help": [str(BIN / "netwerksim"), "--help"],
    "netwerksim sweep --help": [str(BIN / "netwerksim"), "sweep", "--help"],
    "netwerksim validate zorgnetwerk": [str(BIN / "netwerksim"), "validate", "zorgnetwerk"],
    "netwerksim list": [str(BIN / "netwerksim"), "list"],
}
PROBE = ("import sys, runpy; sys.argv = {argv!r}\ntry:\n    runpy.run_module('netwerksim.cli', run_name='__main__')\n"
         "except SystemExit:\n    pass\nprint(len(sys.modules), *sorted(m for m in ('numpy', 'pandas', 'mesa', 'pydantic', "
         "'matplotlib') if m in sys.modules), file=sys.stderr)")


def cpu_seconds(command: list[str]) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def imported(command: list[str]) -> str:
    """Number of modules loaded and which heavy ones, for a netwerksim command."""
    if Path(command[0]).name != "netwerksim":
        return ""
    probe = subprocess.run([sys.executable, "-c", PROBE.format(argv=["netwerksim", *command[1:]])],
                           capture_output=True, text=True)
    return probe.stderr.strip().splitlines()[-1] if probe.stderr.strip() else ""


def main() -> None:
    repeat = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    print(f"median CPU seconds of {repeat} starts (load average {os.getloadavg()[0]:.1f})")
    for label, command in COMMANDS.items():
        times = [cpu_seconds(command) for _ in range(repeat)]
        print(f"  {label:<34} {statistics.median(times):6.3f} s   (min {min(times):.3f})   {imported(command)}")


if __name__ == "__main__":
    main()
