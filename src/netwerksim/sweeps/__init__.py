"""The researcher's sweep: a parameter space, a design, replications, results that survive a kill.

A sweep file (a ``*.toml`` with a ``[sweep]`` table) names a scenario, a space of model
parameters (dotted names of ``params.py``, default bounds from their ranges) and scenario fields
(paths as in comparison files), a design (grid, random, Latin hypercube, Sobol/Saltelli, Morris:
samplers of SALib, anchors_mesa.md §5.3), replications and the metrics to keep (``metrics.py``).
:func:`run_sweep` runs every point x replication through :func:`experiment.run_stream` (serial, a
process pool, a Dask cluster: any ``concurrent.futures`` executor) and saves results in chunks as a
Parquet dataset, each part written to a temporary file, fsynced and renamed (anchors_mesa.md §5.4:
workers return summaries; seeds from ``SeedSequence.spawn``). A run is done when its row is in a
part, so a sweep killed at any moment (``kill -9``) resumes with every run present exactly once.
:func:`run_point` is the plain top-level run function for EMA workbench (``ReplicatorModel``).

The package's modules: :mod:`.spec` (the sweep file and its space), :mod:`.design` (design matrices),
:mod:`.store` (the results folder), :mod:`.running` (running and resuming), :mod:`.engines` (pool or Dask),
:mod:`.interop` (EMA workbench).
"""

from __future__ import annotations

from ..experiment import seeds
from .design import make_design, salib_problem
from .engines import engine
from .interop import ema_model, ema_name, run_point
from .running import SweepRun, check_target, finalise, run_sweep, sweep
from .spec import DESIGNS, Dimension, Sweep, SweepError, build, load_sweep, resolve_sweep
from .store import Store, code_digest, manifest_for

__all__ = ["DESIGNS", "Dimension", "Store", "Sweep", "SweepError", "SweepRun", "build", "check_target", "code_digest",
           "ema_model", "ema_name", "engine", "finalise", "load_sweep", "make_design", "manifest_for",
           "resolve_sweep", "run_point", "run_sweep", "salib_problem", "seeds", "sweep"]
