"""Fused kernels: the hot loops of a step compiled with numba, for large networks (issue 20 item 1).

A mechanism's readable numpy version stays the reference; a kernel does the same floating-point operations in
the same order, one pass over the ties instead of several passes and temporaries, so its results are bit for bit
the reference's (tests/test_kernels.py checks every kernel after a step on generated networks of 10 to 10,000
professionals, and whole runs). Random draws stay outside, in numpy's Generator, so seeds mean what they meant.
numba compiles with ``cache=True`` (the machine code is kept beside the module after the first run) and without
fastmath (no reordering, no fused multiply-add).

A kernel runs where it pays: from :data:`MIN_TIES` ties up, or over many runs in one process. Importing numba and
loading the cached code costs a fresh process 0.3-0.4 s CPU (1-4 s on a busy machine), which the fused trust update
(about 3x the numpy version) earns back within one run only over millions of ties (benchmarks/bench_kernels.py).
A small network's step is a fixed cost of numpy calls on short arrays, which a kernel pays once: the stuck
detector's conditions and streaks (``stuck_week``), trust's evidence, learning and pair trust, meetings, alignment,
contributions, production, accountability's numbers, value, conflict, context, energy and negativity, and the
recorded row's reductions (``indicator_numbers``) take the zorgnetwerk's step about a third down (issue 20's sixth and
seventh rounds, README), which repays the import over some 50 runs. Matrix products, ``exp`` and powers stay numpy
calls between the kernels (OpenBLAS's and numpy's SIMD code cannot be restated bit for bit), and so do the draws. A
kernel whose reference reads back a field it assigned runs only where that part of the state holds nothing
(:func:`unheld`). So :func:`..runner.run` counts the runs (:func:`counted_run`; the engines of sweeps, comparisons
and the patterns' validation call it, as do scripts and tests), and from :data:`MANY_RUNS` on the kernels run at
every size; a single ``netwerksim run`` never imports numba. ``NETWERKSIM_KERNELS=1`` runs the kernels at every
size, ``0`` never (the numpy reference everywhere); without numba (``pip install netwerksim[fast]``) the numpy
reference runs.
"""

from __future__ import annotations

import os
from functools import cache
from typing import Any

from .extras import missing

MIN_TIES = 2_000_000
MANY_RUNS = 50     # runs a process has made (:func:`counted_run`) before kernels run at every size
_runs = 0


_SWITCH = "NETWERKSIM_KERNELS"
_ENVIRON = getattr(os.environ, "_data", None)          # os.environ's own dict (POSIX: bytes keys and values)
_SWITCH_KEY = os.environ.encodekey(_SWITCH) if _ENVIRON is not None and hasattr(os.environ, "encodekey") else None


def switch() -> str:
    """``os.environ.get("NETWERKSIM_KERNELS", "")`` without the KeyError ``os.environ.get`` raises and catches inside
    when the variable is not set (1.1 against 0.2 us here, and a step asks about fifteen times): a look-up in the
    dict ``os.environ`` keeps (and updates on every assignment), where there is one."""
    if _SWITCH_KEY is None:     # pragma: no cover - an os.environ without its dict
        return os.environ.get(_SWITCH, "")
    value = _ENVIRON.get(_SWITCH_KEY)
    return "" if value is None else os.environ.decodevalue(value)


def wanted(n: int) -> bool:
    """Whether a kernel runs on ``n`` elements (ties): numba is installed and the size, the switch or the number of
    runs this process has made (:data:`MANY_RUNS`) says so."""
    switch_ = switch()
    if switch_ == "0" or not (switch_ == "1" or n >= MIN_TIES or _runs >= MANY_RUNS):
        return False
    return available()


def counted_run() -> None:
    """One more run (:func:`..runner.run`, which the engines of sweeps, comparisons and the patterns' validation call
    through :func:`..experiment.run_summary`). A process that has made :data:`MANY_RUNS` is making many, so it earns
    back numba's import and cache load (0.3-0.4 s CPU, once) and the kernels run on small networks too; a single
    ``netwerksim run`` never imports numba. The results are the same either way (the kernels are bit for bit their numpy references)."""
    global _runs
    _runs += 1


def unheld(*parts: Any) -> bool:
    """Whether no field of these parts of the state is held (:meth:`..model.NetwerkModel.hold`: an assignment to a held
    field is dropped, so a reference that reads a field after assigning it reads the held value; a kernel computes on
    from what it assigned). Kernels that assign fields their reference reads again run only on unheld parts."""
    return all("_holds" not in part.__dict__ for part in parts)


@cache
def available() -> bool:
    """numba is installed (``netwerksim[fast]``)."""
    return missing("fast") is None


@cache
def compiled() -> Any:
    """The module of compiled kernels (numba imported here, the first time a kernel is wanted)."""
    from . import _numba_kernels  # noqa: PLC0415

    return _numba_kernels
