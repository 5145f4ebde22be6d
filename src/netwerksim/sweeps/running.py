"""Running a sweep: every point x replication through the one engine, saved in chunks, resumable."""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .. import resources
from ..experiment import run_stream
from ..metrics import yes_no
from ..storage import check_out, kind_of, result_folder
from .engines import engine
from .spec import SERIES_PREFIX, Sweep, SweepError, _plain, load_sweep
from .store import Store, _check_resumable, manifest_for


@dataclass
class SweepRun:
    """What :func:`run_sweep` did: the results table, the folder, and this session's counts and time."""

    sweep: Sweep
    table: pd.DataFrame
    out: Path | None
    new_runs: int
    seconds: float
    engine: str


def run_sweep(sweep: Sweep, out: str | Path | None = None, *, resume: bool = False, workers: int = 1,
              executor=None, engine: str | None = None, chunk: int = 100, flush_seconds: float = 10.0,
              progress: bool | None = False) -> SweepRun:
    """Run every point x replication not saved yet; save parts as they finish; return every run.

    Without ``out`` nothing is written and the table is kept in memory. With ``out``: a new folder
    (an existing sweep there needs ``resume=True``), the manifest first, then parts of ``chunk``
    runs (or whatever finished within ``flush_seconds``), finally ``results.parquet``.
    """
    from ..progress import Progress  # noqa: PLC0415

    if chunk < 1:
        raise SweepError(f"--chunk: value {chunk} is not allowed; a whole number of runs >= 1")
    if sweep.per_run is not None and executor is None:   # a pool on this machine: its workers' runs at once
        resources.guard_runs(sweep.per_run, sweep.runs, workers, sweep.source, extra_bytes=sweep.table_bytes())
    store = Store(out) if out is not None else None
    skip: set[int] = set()
    if store is not None:
        skip = _prepare(store, sweep, resume)
    engine = engine or (f"{workers} worker(s)" if executor is None else type(executor).__name__)
    rows: list[dict[str, Any]] = []
    kept: list[dict[str, Any]] = []
    plan = sweep.plan()
    design = sweep.design_table().set_index("point")
    start = last_flush = time.perf_counter()
    new = 0

    def flush() -> None:
        nonlocal last_flush
        if rows and store is not None:
            store.write_part(rows)
        elif rows:
            kept.extend(rows)
        rows.clear()
        last_flush = time.perf_counter()

    with Progress(sweep.runs, sweep.text("name", "nl"), "run", initial=len(skip), enabled=progress) as bar:
        try:
            for run_id, out_ in run_stream(sweep.jobs(skip), workers=workers, executor=executor):
                rows.append(_row(sweep, plan, design, run_id, out_))
                new += 1
                bar.update(1)
                if len(rows) >= chunk or time.perf_counter() - last_flush >= flush_seconds:
                    flush()
        except Exception as exc:   # a run that fails (a model error at some point of the space) stops the sweep
            flush()
            where = "; ".join(getattr(exc, "__notes__", []))
            saved = f"the runs finished so far are saved in {store.parts}; " if store is not None else ""
            raise SweepError(f"{sweep.source}: a run failed ({where or 'run unknown'}): {exc.__class__.__name__}: {exc}"
                             f"; {saved}fix the cause, then run the sweep again with --resume") from exc
        finally:   # an interrupt: what finished is saved before it goes up
            flush()
    seconds = time.perf_counter() - start
    if store is None:
        table = pd.DataFrame(kept).sort_values("run_id", ignore_index=True) if kept else pd.DataFrame()
        return SweepRun(sweep, table, None, new, seconds, engine)
    table = finalise(store, sweep, engine=engine, seconds=seconds)
    return SweepRun(sweep, table, store.out, new, seconds, engine)


def check_target(out: str | Path, resume: bool) -> Path:
    """Refuse an ``out`` the sweep may not use, before anything runs: ``--resume`` continues a sweep
    in its folder (a folder whose marker says ``sweep``); a new sweep goes where nothing is yet or into
    an empty folder (``storage.check_out``): never over a sweep, nor over anything of the user's."""
    out = Path(out)
    if not out.is_symlink() and kind_of(out) == "sweep":
        store = Store(out)
        manifest = store.manifest()
        if manifest is None:
            raise SweepError(f"--out {out}: a netwerksim sweep folder without its manifest.json; the folder is damaged")
        if not resume:
            raise SweepError(f"--out {out}: already holds a sweep ({len(store.done())} of {manifest.get('runs')} runs "
                             "saved); add --resume to finish it, or choose another --out folder")
        return out
    return check_out(out, "sweep")


def _prepare(store: Store, sweep: Sweep, resume: bool) -> set[int]:
    """Open the results folder: check a resumed sweep is the same sweep; return the run ids already saved.

    A new sweep's folder appears whole, with its marker, manifest, design and plan (``storage.result_folder``).
    """
    check_target(store.out, resume)
    if kind_of(store.out) != "sweep":
        with result_folder(store.out, "sweep") as tmp:
            sweep.design_table().to_parquet(tmp / "design.parquet", index=False)
            sweep.plan().to_parquet(tmp / "plan.parquet", index=False)
            Store(tmp).write_manifest(manifest_for(sweep))
        return set()
    store.clean_temporaries()
    _check_resumable(store, sweep, store.manifest())
    return set(store.done().tolist())


def _row(sweep: Sweep, plan: pd.DataFrame, design: pd.DataFrame, run_id: int, out: dict[str, Any]) -> dict[str, Any]:
    point = int(plan.at[run_id, "point"])
    row: dict[str, Any] = {"run_id": run_id, "point": point, "replication": int(plan.at[run_id, "replication"]),
                           "seed": int(plan.at[run_id, "seed"])}
    row.update({n: _plain(design.at[point, n]) for n in sweep.names})
    row.update({m: bool(out[m]) if yes_no(m) else out[m] for m in sweep.metrics})
    for name, values in out.get("series", {}).items():
        row[SERIES_PREFIX + name] = np.asarray(values, dtype=float)
    return row


def finalise(store: Store, sweep: Sweep | None = None, *, engine: str = "", seconds: float = 0.0) -> pd.DataFrame:
    """Check the saved runs (each run id once, none missing) and, when complete, write ``results.parquet``."""
    manifest = store.manifest()
    table = store.read()
    ids = table["run_id"].to_numpy()
    duplicated = np.unique(ids[pd.Series(ids).duplicated().to_numpy()])
    if len(duplicated):
        raise SweepError(f"{store.out}: runs saved more than once: {duplicated[:10].tolist()}; the folder is damaged")
    if len(table) == manifest["runs"]:
        store.compact(table, manifest)
        manifest.update(complete=True, finished=datetime.now(timezone.utc).isoformat(timespec="seconds"),
                        last_engine=engine, last_seconds=round(seconds, 2))
        store.write_manifest(manifest)
    return table




def sweep(source: str | Path | Sweep = "sweep_zorgnetwerk_morris", *, out: str | Path | None = None,
          resume: bool = False, workers: int = 1, dask_local: int | None = None, scheduler: str | None = None,
          executor=None, chunk: int = 100, progress: bool | None = False, **overrides: Any) -> pd.DataFrame:
    """Run a sweep file (path or bundled name) and return its runs as a DataFrame (one row per run).

    Columns: ``run_id``, ``point``, ``replication``, ``seed``, one per axis of the space, one per
    metric (and ``series_<name>`` arrays when asked). ``out`` saves the results folder (resumable
    with ``resume=True``); ``workers``, ``dask_local``, ``scheduler`` or any ``executor`` choose
    the engine; ``overrides`` replace fields of ``[sweep]`` (e.g. ``replications=2``).
    """
    s = source if isinstance(source, Sweep) else load_sweep(source, **overrides)
    if executor is not None:
        return run_sweep(s, out, resume=resume, executor=executor, chunk=chunk, progress=progress).table
    with engine(workers=workers, dask_local=dask_local, scheduler=scheduler) as (ex, slots, label):
        return run_sweep(s, out, resume=resume, workers=slots, executor=ex, engine=label, chunk=chunk,
                         progress=progress).table
