"""A sweep's results folder: manifest, design, plan and Parquet parts that survive a kill; column meanings."""

from __future__ import annotations

import hashlib
import json
import platform
import re
from datetime import datetime, timezone
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..experiment import seeds
from ..metrics import METRICS, Derived, yes_no
from ..observers.stuck import SITUATIONS
from ..params import PARAMETERS
from ..storage import temporary_file, write_atomic
from .spec import FORMAT, RESERVED, SERIES_PREFIX, Sweep, SweepError, _plain


class Store:
    """A sweep's results folder: ``manifest.json``, ``design.parquet``, ``plan.parquet`` and ``runs/part-*.parquet``.

    It reads and removes only files of these names (and their ``write_atomic`` temporaries): whatever
    else is in the folder is not the sweep's and stays untouched.
    """

    FILES = ("manifest.json", "design.parquet", "plan.parquet", "results.parquet")
    PART = re.compile(r"part-\d{6}\.parquet")

    def __init__(self, out: str | Path):
        self.out = Path(out)
        self.parts = self.out / "runs"

    @property
    def manifest_path(self) -> Path:
        return self.out / "manifest.json"

    def manifest(self) -> dict[str, Any] | None:
        try:
            manifest = json.loads(self.manifest_path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as exc:
            raise SweepError(f"{self.manifest_path}: cannot be read as a sweep manifest ({exc.__class__.__name__}: "
                             f"{exc}); the folder is damaged") from None
        if not isinstance(manifest, dict):
            raise SweepError(f"{self.manifest_path}: not a sweep manifest (a JSON object); the folder is damaged")
        return manifest

    def write_manifest(self, manifest: dict[str, Any]) -> None:
        write_atomic(self.manifest_path, lambda tmp: tmp.write_text(
            json.dumps(manifest, indent=2, ensure_ascii=False, default=_plain), encoding="utf-8"))

    def part_files(self) -> list[Path]:
        return sorted(p for p in self.parts.glob("part-*.parquet") if self.PART.fullmatch(p.name))

    def clean_temporaries(self) -> None:
        """Remove what a killed writer left half-written: the hidden temporaries of the sweep's own files only."""
        for name in self.FILES:
            temporary_file(self.out / name).unlink(missing_ok=True)
        for part in self.parts.glob(".part-*.parquet.tmp"):
            if self.PART.fullmatch(part.name[1:-len(".tmp")]):
                part.unlink(missing_ok=True)

    @property
    def results_path(self) -> Path:
        return self.out / "results.parquet"

    def done(self) -> np.ndarray:
        """The run ids saved so far: those of ``results.parquet`` once the sweep is complete (written only
        then, it holds every run), else every part's (duplicates kept, so they can be caught)."""
        import pyarrow.parquet as pq  # noqa: PLC0415

        files = [self.results_path] if self.results_path.is_file() else self.part_files()
        ids = [pq.read_table(p, columns=["run_id"]).column("run_id").to_numpy() for p in files]
        return np.concatenate(ids) if ids else np.zeros(0, dtype=np.int64)

    def write_part(self, rows: list[dict[str, Any]]) -> Path:
        """Save finished runs as the next part, atomically."""
        self.parts.mkdir(parents=True, exist_ok=True)
        existing = self.part_files()
        number = int(existing[-1].stem.split("-")[1]) + 1 if existing else 0
        path = self.parts / f"part-{number:06d}.parquet"
        write_table(pd.DataFrame(rows), path, self.manifest())
        return path

    def compact(self, table: pd.DataFrame, manifest: dict[str, Any]) -> None:
        """Write every run to ``results.parquet``, then remove the parts (and ``runs/`` when nothing else is in it)."""
        write_table(table, self.results_path, manifest)
        for part in self.part_files():
            part.unlink()
        try:
            self.parts.rmdir()
        except OSError:   # not there, or holding files that are not the sweep's
            pass

    def read(self) -> pd.DataFrame:
        """Every saved run, sorted by ``run_id``."""
        if self.results_path.is_file():
            return pd.read_parquet(self.results_path)
        files = self.part_files()
        if not files:
            return pd.DataFrame(columns=list(RESERVED))
        return pd.concat([pd.read_parquet(p) for p in files], ignore_index=True).sort_values(
            "run_id", ignore_index=True)


RESERVED_MEANING = {
    "run_id": ("the run: point x replications + replication", "index"),
    "point": ("the design point (a row of design.parquet)", "index"),
    "replication": ("the replication at this point", "index"),
    "seed": ("the run's seed (numpy SeedSequence, see manifest.json)", "seed"),
}


def column_meaning(column: str, manifest: dict[str, Any] | None) -> tuple[str, str]:
    """(description, unit) of a result column: a reserved column, an axis of the space, a metric or a series."""
    if column in RESERVED_MEANING:
        return RESERVED_MEANING[column]
    axes = {d["name"]: d for d in (manifest or {}).get("space", [])}
    if column in PARAMETERS:
        p = PARAMETERS[column]
        return f"model parameter: {p.doc} ({p.source})", p.unit
    if column in axes:
        return f"scenario field {column}, varied by the sweep", "as in the scenario file"
    if column in METRICS:
        m = METRICS[column]
        return m.meaning_en, m.unit
    if Derived.parse(column) is not None:
        return (f"derived outcome {column}: an indicator at a week, the mean over a window or (_rate) its change "
                "per week, of the network or of the organisations in [...] (docs/adviseursgids.md)", "as the indicator")
    if column.startswith(SERIES_PREFIX):
        return f"weekly time series of {column[len(SERIES_PREFIX):]}, week 0 first", "per week"
    if column.startswith("progress_"):
        return f"progress on issue {column[len('progress_'):]} at the end of the run", "progress"
    if yes_no(column):
        sid = column[len("stuck_"):]
        return f"stuck situation {sid} ({SITUATIONS[sid].name_en}) occurred in the run", "true/false"
    return "", ""


def write_table(frame: pd.DataFrame, path: Path, manifest: dict[str, Any] | None) -> None:
    """Write ``frame`` to ``path`` atomically as Parquet, each column's description and unit in its schema field."""
    import pyarrow as pa  # noqa: PLC0415
    import pyarrow.parquet as pq  # noqa: PLC0415

    table = pa.Table.from_pandas(frame, preserve_index=False)
    fields = []
    for f in table.schema:
        description, unit = column_meaning(f.name, manifest)
        fields.append(f.with_metadata({"description": description, "unit": unit}))
    table = pa.Table.from_arrays(table.columns, schema=pa.schema(fields, metadata=table.schema.metadata))
    write_atomic(path, lambda tmp: pq.write_table(table, tmp))


def code_digest() -> str:
    """SHA-256 of netwerksim's own source files: two machines or two sessions run the same model iff equal."""
    package = Path(__file__).resolve().parent.parent      # netwerksim/, not this subpackage
    h = hashlib.sha256()
    for path in sorted(package.rglob("*.py")):
        h.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def _versions() -> dict[str, str]:
    packages = ("netwerksim", "mesa", "numpy", "pandas", "pyarrow", "SALib")
    return {"python": platform.python_version(), **{p: _version_of(p) for p in packages}}


def _version_of(package: str) -> str:
    try:
        return version(package)
    except PackageNotFoundError:   # SALib without the [sweep] extra: grid and random designs need none
        return "not installed"


def manifest_for(sweep: Sweep) -> dict[str, Any]:
    """Provenance of a sweep: what was asked, the design, the seeds, the versions; written before any run."""
    crn = sweep.header.get("common_random_numbers", True)
    return {
        "kind": "netwerksim sweep", "format": FORMAT, "source": sweep.source, "sweep_sha256": sweep.sha256,
        "name_nl": sweep.text("name", "nl"), "name_en": sweep.text("name", "en"), "sweep": sweep.header,
        "scenario": sweep.scenario.meta.name_en, "scenario_nl": sweep.scenario.meta.name_nl,
        "scenario_en": sweep.scenario.meta.name_en, "scenario_hash": sweep.scenario.digest(),
        "space": [{"name": d.name, "kind": d.kind, "low": d.low, "high": d.high,
                   "values": list(d.values) if d.values is not None else None, "integer": d.integer}
                  for d in sweep.dimensions],
        "design": sweep.design, "points": sweep.points, "replications": sweep.replications, "runs": sweep.runs,
        "steps": sweep.steps, "metrics": list(sweep.metrics), "series": list(sweep.series),
        "base_seed": sweep.seed, "common_random_numbers": crn,
        "seeds": seeds(sweep.seed, sweep.replications) if crn else "per run, in plan.parquet",
        "seeding": "numpy.random.SeedSequence(base_seed).spawn(n); run_id = point * replications + replication",
        "files": {"design.parquet": "one row per point: values and unit coordinates u:<name>",
                  "plan.parquet": "one row per run: run_id, point, replication, seed",
                  "runs/part-*.parquet": "finished runs, written atomically in chunks while the sweep runs",
                  "results.parquet": "every run sorted by run_id, once the sweep is complete (the parts are then "
                                     "removed); each column's description and unit in the Parquet schema"},
        "versions": _versions(), "code_sha256": code_digest(),
        "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "complete": False,
    }


def _check_resumable(store: Store, sweep: Sweep, manifest: dict[str, Any]) -> None:
    where = f"--resume {store.out}"
    if manifest.get("kind") != "netwerksim sweep" or manifest.get("format") != FORMAT:
        raise SweepError(f"{where}: {store.manifest_path} is not the manifest of a netwerksim sweep (format {FORMAT})")
    if manifest["sweep_sha256"] != sweep.sha256:
        changed = [k for k in sorted(set(manifest.get("sweep", {})) | set(sweep.header))
                   if manifest.get("sweep", {}).get(k) != _jsonable(sweep.header.get(k))]
        what = f" (changed in [sweep]: {', '.join(changed)})" if changed else ""
        raise SweepError(f"{where}: the sweep file {sweep.source} changed since this sweep started{what}: its SHA-256 "
                         f"was {manifest['sweep_sha256'][:12]}…, now {sweep.sha256[:12]}…. Resuming would mix two "
                         "sweeps; restore the file, or run the changed sweep into another --out folder")
    if manifest["scenario_hash"] != sweep.scenario.digest():
        raise SweepError(f"{where}: the scenario {sweep.header['scenario']!r} changed since this sweep started "
                         "(its content hash differs); restore it, or run the sweep into another --out folder")
    if manifest.get("code_sha256") != code_digest():
        raise SweepError(f"{where}: the netwerksim code changed since this sweep started (source SHA-256 "
                         f"{str(manifest.get('code_sha256'))[:12]}…, now {code_digest()[:12]}…); resuming would mix "
                         "runs of two models. Finish it with the code it started with, or run it into another --out")
    stored = pd.read_parquet(store.out / "design.parquet")
    if not np.array_equal(stored[[f"u:{n}" for n in sweep.names]].to_numpy(), sweep.unit):
        raise SweepError(f"{where}: the design computed now differs from the stored one (another SALib or numpy "
                         f"version? stored: {manifest['versions']}); finish it with the versions it started with")


def _jsonable(value: Any) -> Any:
    return json.loads(json.dumps(value, default=_plain))
