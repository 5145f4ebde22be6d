"""A real wheel in a clean venv (issue 18 item 1): built from the repository, installed with its declared
dependencies from the package index, first without extras and then with [sweep]."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.slow


def sh(*args: str | Path, check: bool = True, **kw) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    done = subprocess.run([str(a) for a in args], capture_output=True, text=True, timeout=1200, env=env, **kw)
    if check and done.returncode != 0:
        raise AssertionError(f"{args} -> {done.returncode}\n{done.stdout[-2000:]}\n{done.stderr[-3000:]}")
    return done


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    dist = tmp_path_factory.mktemp("dist")
    sh(sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", dist, ROOT)
    (found,) = dist.glob("netwerksim-*.whl")
    return found


def installer(venv: Path) -> list:
    """How the clean venv gets the wheel and its declared dependencies: ``uv pip`` where make venv installed uv
    (several times faster, the same resolution of the wheel's metadata against the lock), else its own pip."""
    uv = Path(sys.executable).with_name("uv")
    if uv.is_file():
        return [uv, "pip", "install", "--quiet", "--python", venv / "bin" / "python", "-c", ROOT / "requirements.lock"]
    return [venv / "bin" / "python", "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
            "-c", ROOT / "requirements.lock"]


def test_the_wheel_runs_in_a_clean_venv_without_and_with_extras(wheel, tmp_path):
    venv = tmp_path / "venv"
    sh(sys.executable, "-m", "venv", venv)
    pip = installer(venv)
    sh(*pip, wheel)
    ns = venv / "bin" / "netwerksim"
    work = tmp_path / "work"            # not the repository: only the installed package is found
    work.mkdir()

    listed = sh(ns, "list", cwd=work).stdout
    assert "zorgnetwerk" in listed and "Regionaal zorgnetwerk" in listed and listed.count("\n\n") >= 10
    ran = sh(ns, "run", "zorgnetwerk", "--steps", "6", "--no-plots", "--out", work / "res", cwd=work)
    assert "zorgnetwerk" in ran.stdout.lower() and (work / "res" / "timeseries.parquet").is_file()
    assert "netwerksim sweep" in sh(ns, "sweep", "--help", cwd=work).stdout
    missing = sh(ns, "sweep", "sweep_zorgnetwerk_morris", "--out", work / "sw", check=False, cwd=work)
    assert missing.returncode == 2 and missing.stderr.strip().count("\n") == 0
    assert "installeer netwerksim[sweep]" in missing.stderr and "Traceback" not in missing.stderr
    grid = sh(ns, "compare", "zorgnetwerk_governance", "--replications", "2", "--steps", "30", "--workers", "1",
              "--no-plots", "--out", work / "cmp", cwd=work)
    assert (work / "cmp" / "results.parquet").is_file(), grid.stderr

    sh(*pip, f"{wheel}[sweep]")         # now with the extra
    done = sh(ns, "sweep", "sweep_zorgnetwerk_morris", "--replications", "1", "--steps", "3", "--workers", "1",
              "--out", work / "sw", cwd=work)
    assert "new runs" in done.stdout and (work / "sw" / "results.parquet").is_file()
    assert "installeer" not in done.stderr
