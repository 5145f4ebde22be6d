"""Run a scenario to a RunResult (time series, organisation frames, events, manifest); save and load it.

Saving writes into a temporary folder beside the target and renames it into place at the end, so a
failed or interrupted save never leaves a half-written results folder.
"""

from __future__ import annotations

import functools
import hashlib
import json
import platform
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path
from typing import Any, Callable, Mapping

import numpy as np
import pandas as pd

from . import kernels
from .model import NetwerkModel
from .observers.indicators import ORGANISATION_COLUMNS
from .scenario import KINDS, Scenario, load_scenario
from .state import Status
from .storage import OutputError, result_folder


@dataclass
class RunResult:
    """Everything one run produced: tidy frames for code, events and a manifest for provenance."""

    timeseries: pd.DataFrame
    organisations: pd.DataFrame
    events: list[dict[str, Any]]
    manifest: dict[str, Any]
    scenario: Scenario = field(repr=False)

    def save(self, out: str | Path, *, lang: str = "nl", plots: bool = True) -> Path:
        """Write the results folder atomically (``storage.result_folder``: only over a run result); returns its path."""
        from .report import write_plots, write_report  # noqa: PLC0415 (matplotlib only when saving)

        with result_folder(out, "run") as tmp:
            self.timeseries.to_parquet(tmp / "timeseries.parquet", index=False)
            self.organisations.to_parquet(tmp / "organisations.parquet", index=False)
            with open(tmp / "events.jsonl", "w", encoding="utf-8") as fh:
                for e in self.events:
                    fh.write(json.dumps(e, ensure_ascii=False, default=_plain) + "\n")
            (tmp / "scenario.json").write_text(self.scenario.model_dump_json(indent=2), encoding="utf-8")
            (tmp / "manifest.json").write_text(json.dumps(self.manifest, indent=2, default=_plain), encoding="utf-8")
            figures = write_plots(self, tmp, lang) if plots else []
            write_report(self, tmp, lang, figures, out=Path(out))
        return Path(out)


def _plain(x):
    if hasattr(x, "item"):
        return x.item()
    if hasattr(x, "tolist"):
        return x.tolist()
    raise TypeError(f"cannot write {type(x).__name__} to JSON")


def run(
    scenario: Scenario | str | Path = "zorgnetwerk",
    *,
    seed: int | None = None,
    steps: int | None = None,
    params: Mapping[str, float] | None = None,
    interventions: list[tuple[int, str, dict] | Mapping[str, Any]] | None = None,
    on_step: Callable[[int, int], None] | None = None,
    explain: bool = False,
    trust_pairs: tuple[str, ...] = (),
    fingerprinted: bool = True,
) -> RunResult:
    """Run one scenario for ``steps`` weeks (default: the scenario's) and return its RunResult.

    ``interventions`` adds ``(week, name, params)`` entries, or entries as a scenario's ``[[events]]`` (a dict
    with ``type`` and ``at``, ``when`` or ``rate``; :mod:`.timeline`), on top of the scenario's timeline.
    ``explain`` attributes every netwerkdip by counterfactual replay (:mod:`.explain`; up to about 1.5 times
    the cost of the run per dip): its event gets an ``attribution`` and labels that say why. The run's
    results are the same with or without it, apart from those fields. ``trust_pairs`` (``"A->B"``) adds
    a column ``trust[A->B]`` per pair to the time series (:class:`~.model.NetwerkModel`). ``fingerprinted=False``
    leaves the manifest's ``fingerprint`` out (hashing the two frames costs a small run 3-5 %; the engines of many
    runs return metrics and measures, never the manifest). Counted (:func:`.kernels.counted_run`): a process
    that makes many runs (sweeps, comparisons, the patterns' validation, a script or a test session) runs the fused
    kernels on small networks too, with the same results.
    """
    kernels.counted_run()
    sc = scenario if isinstance(scenario, Scenario) else load_scenario(scenario)
    if interventions:
        extra = [dict(e) if isinstance(e, Mapping) else {"at": e[0], "type": e[1], **e[2]} for e in interventions]
        sc = Scenario.model_validate({**sc.model_dump(), "events": [*(e.model_dump() for e in sc.events), *extra]})
    sc = sc.with_changes(steps=steps, seed=seed)
    model = NetwerkModel(sc, params=params, mesa_data=False, trust_pairs=trust_pairs)   # the array-backed record is the fast path
    n = sc.meta.steps
    for done in range(1, n + 1):
        model.step()
        if on_step:
            on_step(done, n)
    if explain:
        from .explain import attribute  # noqa: PLC0415 (explain imports the model)

        attribute(model)
    return collect(model, fingerprinted)


@functools.cache
def installed(package: str) -> str:
    """The installed version of ``package``, read once per process (a lookup costs a few ms, as much as a small run)."""
    return version(package)


def versions() -> dict[str, str]:
    """The versions of Python and the packages that make a run's numbers."""
    return {"python": platform.python_version(), **{p: installed(p) for p in ("mesa", "numpy", "pandas", "pyarrow")}}


def collect(model: NetwerkModel, fingerprinted: bool = True) -> RunResult:
    """Turn a model's records into a RunResult (``fingerprinted``: with the manifest's fingerprint of its frames)."""
    st = model.state
    model.dip_detector.finish(model.week)
    organisations = organisation_frame(model.organisation_rows, st.orgs.name, st.orgs.kind)
    sc = model.spec
    manifest = {
        "scenario": sc.meta.name_en,
        "scenario_hash": sc.digest(),
        "seed": model.seed if isinstance(model.seed, int) else repr(model.seed),
        "steps": model.week,
        "package_version": installed("netwerksim"),
        "versions": versions(),
        "parameters": model.initial_params,
        "organisations": len(st.orgs.name),
        "professionals": len(st.profs.org),
        "ties": len(st.ties.src),
        "forums": len(st.forums.id),
    }
    timeseries = pd.DataFrame(model.rows)
    if fingerprinted:
        manifest["fingerprint"] = fingerprint(timeseries, organisations)
    return RunResult(timeseries, organisations, list(model.events), manifest, sc)


def fingerprint(timeseries: pd.DataFrame, organisations: pd.DataFrame) -> str:
    """A short hash of every number and label of a run's two frames: equal fingerprints, equal results."""
    h = hashlib.sha256()
    for frame in (timeseries, organisations):
        h.update(",".join(frame.columns).encode())
        h.update(pd.util.hash_pandas_object(frame, index=False).values.tobytes())
    return h.hexdigest()[:16]


STATUS_NAMES = np.array([s.name.lower() for s in sorted(Status)])


def organisation_frame(rows: list[tuple[int, dict[str, np.ndarray]]], names: list[str], kinds: np.ndarray) -> pd.DataFrame:
    """The organisation frame: one row per organisation per recorded week, built from the stacked records at
    once (one DataFrame per week cost as much as the run itself)."""
    n = len(names)
    weeks = np.repeat(np.array([w for w, _ in rows], dtype=np.int64), n)
    data = {"week": weeks, "organisation": np.tile(np.array(names, dtype=object), len(rows)),
            "kind": np.tile(np.array([KINDS[k] for k in kinds], dtype=object), len(rows))}
    for c in ORGANISATION_COLUMNS:
        data[c] = np.concatenate([cols[c] for _, cols in rows])
    data["status"] = STATUS_NAMES[data["status"].astype(np.int64)].astype(object)
    return pd.DataFrame(data)


def load_result(folder: str | Path) -> RunResult:
    """Read a results folder written by :meth:`RunResult.save`."""
    folder = Path(folder)
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    events = [json.loads(line) for line in (folder / "events.jsonl").read_text(encoding="utf-8").splitlines() if line]
    scenario = Scenario.model_validate(json.loads((folder / "scenario.json").read_text(encoding="utf-8")))
    return RunResult(pd.read_parquet(folder / "timeseries.parquet"), pd.read_parquet(folder / "organisations.parquet"),
                     events, manifest, scenario)


def rerun(result: RunResult) -> NetwerkModel:
    """The model of a saved run, made again from its scenario, seed and parameters and stepped to its last week;
    an :class:`~.storage.OutputError` if it does not give the same results (fingerprint), e.g. because another
    version of netwerksim made them. For :mod:`.explain`, which needs the model itself."""
    m = result.manifest
    model = NetwerkModel(result.scenario, params=m["parameters"])
    for _ in range(m["steps"]):
        model.step()
    again = collect(model)
    saved = m.get("fingerprint") or fingerprint(result.timeseries, result.organisations)
    if again.manifest["fingerprint"] != saved:
        raise OutputError(f"the run made again from its scenario, seed {m['seed']} and parameters differs from the saved "
                          f"one (fingerprint {again.manifest['fingerprint']}, saved {saved}): it was made by netwerksim "
                          f"{m.get('package_version', '?')} (this is {version('netwerksim')}) or its files were changed, "
                          "so its course cannot be explained by replaying it")
    return model
