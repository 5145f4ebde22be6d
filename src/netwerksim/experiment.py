"""Many runs at once: the run specification, the picklable worker and the executor loop.

Shared by comparisons (``compare/``, issue 6) and sweeps (issue 7). A :class:`RunSpec` names
everything one run needs (scenario, seed, parameter overrides, extra timeline events, weeks);
:func:`run_summary` is a plain top-level function, so a spawned process, a Dask worker or EMA
workbench can call it; it returns the run's scalar metrics (and, when asked, a thin time series),
never agent-level frames (anchors_mesa.md §5.1, §5.4). Seeds come from
``numpy.random.SeedSequence(base).spawn(n)``: independent streams, the same for every option
of a comparison (common random numbers, so differences are paired).
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from concurrent.futures import FIRST_COMPLETED, Executor, ProcessPoolExecutor, wait
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from typing import Any, Callable, Hashable, Iterable, Iterator, Mapping, Sequence

import numpy as np
from .metrics import Derived, compute, series
from .progress import Progress


@dataclass(frozen=True)
class RunSpec:
    """One run: a scenario (a bundled name, a file path or a scenario dict), a seed, overrides, weeks.

    ``events`` are extra timeline entries ``{"at": week, "type": registry name, **params}``;
    ``series`` names the time-series columns to return beside the metrics (empty: none);
    ``measures`` are top-level functions of the run's RunResult (picklable, so they run in the worker:
    a pattern's measure, :mod:`netwerksim.patterns`), returned as ``"measures"``, one float each;
    ``metrics`` are derived outcomes computed beside the fixed ones (``vitality@90``, :class:`metrics.Derived`).
    """

    scenario: str | Mapping[str, Any]
    seed: int
    params: Mapping[str, float] = field(default_factory=dict)
    events: tuple[Mapping[str, Any], ...] = ()
    steps: int | None = None
    series: tuple[str, ...] = ()
    measures: tuple[Callable[[Any], float], ...] = ()
    metrics: tuple[str, ...] = ()


def run_summary(spec: RunSpec | Mapping[str, Any]) -> dict[str, Any]:
    """Run one spec and return its metrics (``metrics.compute``); with ``spec.series``, also ``"series"``."""
    from .runner import run            # noqa: PLC0415 (keeps the import of this module light for workers)
    from .scenario import load_scenario  # noqa: PLC0415

    if not isinstance(spec, RunSpec):
        spec = RunSpec(**spec)
    scenario = load_scenario(dict(spec.scenario) if isinstance(spec.scenario, Mapping) else spec.scenario)
    extra = [dict(e) for e in spec.events]
    pairs = tuple(d.who for d in map(Derived.parse, spec.metrics) if d is not None and d.pair)
    result = run(scenario, seed=spec.seed, steps=spec.steps, params=dict(spec.params), interventions=extra or None,
                 trust_pairs=pairs, fingerprinted=False)     # what it returns never holds the manifest
    out = compute(result, spec.metrics)
    if spec.series:
        out["series"] = series(result, spec.series)
    if spec.measures:
        out["measures"] = [float(measure(result)) for measure in spec.measures]
    return out


def seeds(base_seed: int, n: int) -> list[int]:
    """``n`` independent seeds from one base seed (SeedSequence.spawn), each a non-negative 63-bit int."""
    return [int(child.generate_state(1, np.uint64)[0] >> np.uint64(1))
            for child in np.random.SeedSequence(base_seed).spawn(n)]


_ONE_THREAD = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


@contextmanager
def _single_threaded_children() -> Iterator[None]:
    """Spawned workers inherit one BLAS thread each: N workers on N cores, not N x cores threads."""
    before = {k: os.environ.get(k) for k in _ONE_THREAD}
    os.environ.update({k: "1" for k in _ONE_THREAD})
    try:
        yield
    finally:
        for k, v in before.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def run_many(specs: Sequence[RunSpec], *, workers: int = 1, executor: Executor | None = None,
             desc: str | None = None, progress: bool | None = None) -> list[dict[str, Any]]:
    """Run every spec; the results come back in the order of ``specs`` whatever the executor.

    ``workers == 1`` runs in this process; more starts a process pool of that size (:func:`_pool_context`).
    Any ``concurrent.futures.Executor`` (e.g. a Dask client's ``get_executor()``) can be passed
    instead. ``progress``: on stderr, a bar on a terminal and a line every 30 s elsewhere (:mod:`.progress`;
    None or True: shown, False: not).
    """
    results: list[dict[str, Any] | None] = [None] * len(specs)
    with Progress(len(specs), desc or "", "run", enabled=progress) as bar:
        for i, out in run_stream(enumerate(specs), workers=min(workers, max(1, len(specs))), executor=executor):
            results[i] = out
            bar.update(1)
    return results  # type: ignore[return-value]


def run_stream(jobs: Iterable[tuple[Hashable, RunSpec]], *, workers: int = 1, executor: Executor | None = None,
               window: int | None = None) -> Iterator[tuple[Hashable, dict[str, Any]]]:
    """Run ``(key, spec)`` jobs and yield ``(key, result)`` as each run finishes, in any order.

    At most ``window`` runs (default: four per worker) are submitted at a time and a finished
    run's future is dropped once yielded, so memory stays flat over any number of runs and a
    consumer can save results as they come (sweeps, issue 7). Executors as in :func:`run_many`.
    """
    if executor is None and workers <= 1:
        for key, spec in jobs:
            yield key, _naming(key, lambda: run_summary(spec))   # noqa: B023 (called at once)
        return
    window = window or 4 * max(1, workers)
    if executor is not None:
        yield from _stream(executor, iter(jobs), window)
        return
    with _single_threaded_children(), ProcessPoolExecutor(max_workers=workers, mp_context=_pool_context(),
                                                          initializer=end_with_parent) as pool:
        yield from _stream(pool, iter(jobs), window)


def _pool_context():
    """Workers forked from a server that imported netwerksim once, so each starts in milliseconds instead
    of importing numpy, pandas and Mesa again (1.5-2 s a worker when spawned); spawn where there is no
    forkserver. Both start clean processes: no state of the caller leaks into a run. The server imports
    what a run needs, the runner and the model with Mesa too, and the caller's main module as every worker
    would (``__main__``: a researcher's script is imported once, not by each worker): preloading only this
    module and the metrics left each worker 0.8 s CPU of imports at its first run, and every pool 1.6-2 s
    before its first result; now the first pool of a process 1.2 s, the next ones 0.09 s (issue 20 item 4)."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["__main__", "netwerksim.experiment", "netwerksim.metrics", "netwerksim.runner"])
    return context


def end_with_parent() -> None:
    """Pool worker initializer: the worker ends as soon as the process that started the pool dies, however.

    Without it a kill -9 of ``netwerksim sweep --workers 2`` left the workers, the forkserver and the
    resource tracker running (~430 MB, issue 12): each worker waits for work on a queue whose write end
    it holds itself, and holds the forkserver's "alive" pipe open, so the forkserver never sees its
    client go. A daemon thread waits on multiprocessing's parent sentinel, a pipe whose write end only
    the parent holds: it reads end-of-file the moment the parent is gone (kill -9 included; no polling,
    no pid that could be reused) and the thread ends the worker with ``os._exit``. Once the workers are
    gone the forkserver reads end-of-file on its "alive" pipe and exits, and then the resource tracker.
    Chosen over ``prctl(PR_SET_PDEATHSIG)``: that fires when the parent *thread* ends, the forkserver
    (not the CLI) is a forked worker's parent, and it exists on Linux only; this works for spawn and
    forkserver on every POSIX system. Dask's LocalCluster needs nothing: its workers end by themselves.
    """
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_exit_with, args=(parent,), daemon=True, name="netwerksim-end-with-parent").start()


def _exit_with(parent) -> None:
    parent.join()    # returns when the parent's sentinel reads end-of-file: the parent has died
    os._exit(1)


def _naming(key: Hashable, result):
    """``result()``; an error it raises gets a note naming the run, so the caller can say which failed."""
    try:
        return result()
    except Exception as exc:
        exc.add_note(f"in run {key!r}")
        raise


def _stream(executor: Executor, jobs: Iterator[tuple[Hashable, RunSpec]], window: int):
    pending = {executor.submit(run_summary, spec): key for key, spec in islice(jobs, window)}
    try:
        while pending:
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            finished = []
            for future in done:
                key = pending.pop(future)
                finished.append((key, _naming(key, future.result)))
            for key, spec in islice(jobs, len(done)):   # keep the workers busy while the consumer saves
                pending[executor.submit(run_summary, spec)] = key
            yield from finished
    finally:
        for future in pending:
            future.cancel()
