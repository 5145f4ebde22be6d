"""Fused kernels: the hot loops of a step compiled with numba, for large networks (issue 20 item 1).

A mechanism's readable numpy version stays the reference; a kernel does the same floating-point operations in
the same order, one pass over the ties instead of several passes and temporaries, so its results are bit for bit
the reference's (tests/test_kernels.py checks every kernel after a step on generated networks of 10 to 10,000
professionals, and whole runs). Random draws stay outside, in numpy's Generator, so seeds mean what they meant.
numba compiles with ``cache=True`` (the machine code is kept beside the module after the first run) and without
fastmath (no reordering, no fused multiply-add).

A kernel runs where it pays: from :data:`MIN_TIES` ties up. Importing numba and loading the cached code costs a
fresh process 1-4 s, which the fused trust update (about 3x the numpy version) earns back only over millions of
ties (benchmarks/bench_kernels.py), or over many runs in one process: the engines of sweeps, comparisons and the
patterns' validation count their runs (:func:`counted_run`), and from :data:`MANY_RUNS` on the kernels run at every
size, where the stuck detector's conditions (``stuck_week``) and pair trust take a small network's step 4-5 % down
(a fixed cost of numpy calls per week, which a kernel pays once). ``NETWERKSIM_KERNELS=1`` runs the kernels at every size, ``0`` never (the
numpy reference everywhere); without numba (``pip install netwerksim[fast]``) the numpy reference runs.
"""

from __future__ import annotations

import os
from functools import cache
from typing import Any

from .extras import missing

MIN_TIES = 2_000_000
MANY_RUNS = 50     # runs a process has made through the engines (:func:`counted_run`) before kernels run at every size
_runs = 0


def wanted(n: int) -> bool:
    """Whether a kernel runs on ``n`` elements (ties): numba is installed and the size, the switch or the number of
    runs this process has made (:data:`MANY_RUNS`) says so."""
    switch = os.environ.get("NETWERKSIM_KERNELS", "")
    if switch == "0" or not (switch == "1" or n >= MIN_TIES or _runs >= MANY_RUNS):
        return False
    return available()


def counted_run() -> None:
    """One more run made by the engines of many runs (:func:`..experiment.run_summary`: sweeps, comparisons, the
    patterns' validation). A process that has made :data:`MANY_RUNS` is making many, so it earns back numba's import
    and cache load (0.3-0.4 s CPU, once) and the kernels run on small networks too; a single ``netwerksim run`` never
    imports numba. The results are the same either way (the kernels are bit for bit their numpy references)."""
    global _runs
    _runs += 1


@cache
def available() -> bool:
    """numba is installed (``netwerksim[fast]``)."""
    return missing("fast") is None


@cache
def compiled() -> Any:
    """The module of compiled kernels (numba imported here, the first time a kernel is wanted)."""
    from . import _numba_kernels  # noqa: PLC0415

    return _numba_kernels
