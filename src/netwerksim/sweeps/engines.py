"""The engines of sweeps and patterns: serial, a process pool, a Dask LocalCluster or a scheduler."""

from __future__ import annotations

from contextlib import contextmanager
from importlib.metadata import version
from typing import Any, Iterator

from ..extras import require
from .spec import SweepError
from .store import code_digest


def check_workers(client) -> dict[str, str]:
    """netwerksim's version and code hash on every Dask worker; a clear error when one differs or lacks it."""
    try:
        found = client.run(_worker_version)
    except Exception as exc:   # the worker's own error: ModuleNotFoundError, a version conflict, ...
        raise SweepError(f"a Dask worker cannot run netwerksim ({exc.__class__.__name__}: {exc}); install the same "
                         "netwerksim and Python packages on every worker (see docs/onderzoekersgids.md)") from None
    mine = _worker_version()
    wrong = {w: v for w, v in found.items() if v != mine}
    if wrong:
        raise SweepError(f"Dask workers run other netwerksim code than this machine ({mine}): {wrong}; install the "
                         "same version on every worker, or results would depend on where a run happens")
    return found


def _worker_version() -> str:
    return f"{version('netwerksim')} (code {code_digest()[:12]})"


@contextmanager
def engine(*, workers: int = 1, dask_local: int | None = None, scheduler: str | None = None,
           connect_timeout: float = 20.0) -> Iterator[tuple[Any, int, str]]:
    """``(executor or None, parallel slots, label)`` for a process pool, a Dask LocalCluster or a scheduler."""
    if dask_local is None and scheduler is None:
        if workers < 1:
            raise SweepError(f"--workers: value {workers} is not allowed; a whole number >= 1 (1: serial)")
        yield None, workers, f"{workers} process(es)" if workers > 1 else "serial"
        return
    require("sweep", "dask", "distributed")
    from distributed import Client, LocalCluster  # noqa: PLC0415 (Dask only when asked for)

    if scheduler is not None:
        try:
            client = Client(scheduler, timeout=connect_timeout)
        except (OSError, TimeoutError, ValueError) as exc:
            raise SweepError(f"--scheduler: cannot reach a Dask scheduler at {scheduler!r} ({exc.__class__.__name__}: "
                             f"{exc}); start one with `dask scheduler` and workers with `dask worker {scheduler}`") from None
        cluster, label = None, f"Dask scheduler {scheduler}"
    else:
        if dask_local < 1:
            raise SweepError(f"--dask-local: value {dask_local} is not allowed; a whole number of workers >= 1")
        # ":0": the scheduler's HTTP server (always started) on a free port, not 8787, which another may hold.
        # Without the workers' statistical profiler (a look at the running task's stack every 10 ms, for the
        # dashboard's profile page): it cost a run 7% more CPU here (a 100-run sweep 22.0 -> 20.5 s; issue 20 item 4).
        # A user's own cluster (--scheduler) keeps its own settings.
        import dask  # noqa: PLC0415

        with dask.config.set({"distributed.worker.profile.enabled": False}):
            cluster = LocalCluster(n_workers=dask_local, threads_per_worker=1, processes=True, dashboard_address=":0")
        client, label = Client(cluster), f"Dask LocalCluster({dask_local})"
    try:
        try:
            client.wait_for_workers(1, timeout=connect_timeout)
        except TimeoutError:
            raise SweepError(f"--scheduler {scheduler}: no Dask worker joined within {connect_timeout:g} s; start "
                             f"workers with `dask worker {scheduler}`") from None
        check_workers(client)
        slots = sum(client.nthreads().values())
        yield client.get_executor(pure=False), slots, f"{label}, {slots} thread(s)"
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
