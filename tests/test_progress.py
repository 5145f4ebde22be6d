"""Progress off a terminal (issue 18 item 4): a line at least every interval, from the pool and from Dask."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
import textwrap
import time

import pytest

from netwerksim.progress import INTERVAL_VARIABLE, Progress

LINE = re.compile(r"^(?P<desc>.*): (?P<done>\d+)/(?P<total>\d+) runs \((?P<share>[\d.]+)%\), (?P<rest>.*)$")


def sweep_file(folder, runs_per_point: int = 2):
    path = folder / "sweep.toml"
    path.write_text(textwrap.dedent(f"""
        [sweep]
        scenario = "zorgnetwerk"
        design = "random"
        samples = 6
        replications = {runs_per_point}
        seed = 3
        steps = 30
        metrics = ["dip", "vitality_mean"]
        [space]
        "trust.forgetting" = {{ low = 0.9, high = 1.0 }}
        """), encoding="utf-8")
    return path


def progress_lines(stderr: str) -> list[re.Match]:
    return [m for m in map(LINE.match, stderr.splitlines()) if m]


def test_lines_come_while_nothing_finishes():
    """The timer writes a line every interval even when no run finishes in it; the rate appears once one has."""
    out = io.StringIO()
    with Progress(10, "sweep", "run", seconds=0.1, stream=out) as p:
        time.sleep(0.35)
        p.update(2)
        time.sleep(0.25)
    lines = out.getvalue().splitlines()
    assert len(lines) >= 4, lines
    assert "none finished yet" in lines[0] and "0/10 runs (0.0%)" in lines[0]
    assert "2/10 runs (20.0%)" in lines[-1] and "left" in lines[-1]


def test_disabled_progress_writes_nothing():
    out = io.StringIO()
    with Progress(3, "x", seconds=0.01, stream=out, enabled=False) as p:
        p.update(3)
        time.sleep(0.05)
    assert out.getvalue() == ""


@pytest.mark.parametrize("engine", [["--workers", "2"], pytest.param(["--dask-local", "1"], marks=pytest.mark.slow)])
def test_piped_sweep_prints_progress_lines(tmp_path, engine):
    """`netwerksim sweep ... | cat`: stderr is no terminal, yet progress lines come at the interval set."""
    env = {**os.environ, INTERVAL_VARIABLE: "0.5"}
    done = subprocess.run([sys.executable, "-m", "netwerksim.cli", "sweep", str(sweep_file(tmp_path, 4)), *engine,
                           "--out", str(tmp_path / "out")], capture_output=True, text=True, timeout=600, env=env)
    assert done.returncode == 0, done.stderr
    lines = progress_lines(done.stderr)
    assert len(lines) >= 2, done.stderr
    assert all(int(m["total"]) == 24 for m in lines)
    counts = [int(m["done"]) for m in lines]
    assert counts == sorted(counts) and counts[-1] == 24
    assert "runs/" in lines[-1]["rest"] and "left" in lines[-1]["rest"]
