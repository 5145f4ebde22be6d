"""No orphans (issue 12): kill -9 of the CLI ends its workers, the forkserver and the resource tracker.

The real CLI runs in its own session; once its worker processes are up, its whole descendant tree
is read from /proc, only the CLI process itself is killed with SIGKILL, and every descendant must be
gone (or a zombie waiting to be reaped) within a few seconds.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads the process tree from /proc")]

CLI = [sys.executable, "-m", "netwerksim.cli"]
SWEEP = """[sweep]
scenario = "zorgnetwerk"
design = "random"
samples = 400
replications = 1
seed = 1
steps = 156
metrics = ["trust_end"]
[space]
"trust.forgetting" = { low = 0.9, high = 1.0 }
"""


def _stat(pid: int) -> tuple[str, int] | None:
    """(state, parent pid) of a process, None when it is gone."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except (FileNotFoundError, ProcessLookupError):
        return None
    fields = text[text.rindex(")") + 2:].split()
    return fields[0], int(fields[1])


def descendants(root: int) -> set[int]:
    """Every living process below ``root``, by the /proc parent chain."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and (stat := _stat(int(entry.name))) is not None:
            children.setdefault(stat[1], []).append(int(entry.name))
    found, todo = set(), [root]
    while todo:
        for child in children.get(todo.pop(), []):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


def alive(pids: set[int]) -> set[int]:
    return {p for p in pids if (stat := _stat(p)) is not None and stat[0] != "Z"}


@pytest.mark.parametrize("command", ["sweep --workers 2", "compare --workers 2", "sweep --dask-local 2"])
def test_kill_9_of_the_cli_leaves_no_process_behind(tmp_path, command):
    (tmp_path / "sweep.toml").write_text(SWEEP, encoding="utf-8")
    name, *engine = command.split()
    source = (["compare", "zorgnetwerk_governance", "--replications", "40", "--no-plots"] if name == "compare"
              else ["sweep", str(tmp_path / "sweep.toml")])
    process = subprocess.Popen([*CLI, *source, *engine, "--out", str(tmp_path / "out")], start_new_session=True,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        tree: set[int] = set()
        # the two workers and the resource tracker; for a process pool also the forkserver (Dask's nannies
        # run inside the CLI's own process)
        expected = 3 if "--dask-local" in engine else 4
        while len(tree) < expected:
            assert process.poll() is None, "the CLI ended before it could be killed"
            assert time.monotonic() < deadline, f"the workers did not start: {tree}"
            time.sleep(0.2)
            tree = descendants(process.pid)
        time.sleep(2)                      # the workers are running the model now
        tree = descendants(process.pid)
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
        deadline = time.monotonic() + 15
        while alive(tree) and time.monotonic() < deadline:
            time.sleep(0.1)
        survivors = {p: Path(f"/proc/{p}/cmdline").read_bytes()[:120] for p in alive(tree)}
        assert not survivors, f"{len(survivors)} of {len(tree)} child processes outlived the CLI: {survivors}"
    finally:
        try:
            os.killpg(process.pid, signal.SIGKILL)   # whatever the test found alive must not outlive it either
        except ProcessLookupError:
            pass
