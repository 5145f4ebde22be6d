"""Sweeps (issue 7): sweep files and their errors, designs, seeds, resumable Parquet results, analysis (EMA: test_ema.py)."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pandas as pd
import pytest

import netwerksim
from netwerksim.cli import main as cli_main
from netwerksim.experiment import seeds
from netwerksim.params import PARAMETERS
from netwerksim.sweeps import SweepError, Store, load_sweep, run_point, run_sweep

ROOT = Path(__file__).resolve().parents[1]
CLI = [sys.executable, "-m", "netwerksim.cli"]


def write(folder: Path, body: str, name: str = "sweep.toml") -> Path:
    path = folder / name
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


def small_sweep(folder: Path, *, design: str = "lhs", samples: int = 6, replications: int = 2, steps: int = 12,
                extra: str = "", name: str = "sweep.toml") -> Path:
    return write(folder, f"""
        [sweep]
        scenario = "zorgnetwerk"
        design = "{design}"
        samples = {samples}
        replications = {replications}
        seed = 11
        steps = {steps}
        metrics = ["vitality_mean", "trust_end", "dip", "dip_start"]
        {extra}
        [space]
        "trust.forgetting" = {{ low = 0.9, high = 1.0 }}
        "governance.mode" = {{ values = ["shared", "nao"] }}
        """, name)


def cli(*args: str, **kw) -> subprocess.CompletedProcess:
    """The command line in its own process (for kill -9 and for Dask)."""
    return subprocess.run([*CLI, *args], capture_output=True, text=True, timeout=300, **kw)


def main(capsys, *args: str) -> tuple[int, str, str]:
    """The command line in this process: (exit status, stdout, stderr)."""
    status = cli_main([str(a) for a in args])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


# --- the sweep file ------------------------------------------------------------------------------------
@pytest.mark.parametrize("body, field, value, allowed", [
    ('design = "lhs"\nsamples = 4\n[space]\n"trust.forgeting" = {}', 'space."trust.forgeting"', "trust.forgeting",
     "trust.forgetting"),
    ('design = "lhs"\nsamples = 4\n[space]\n"trust.forgetting" = { low = 0.2, high = 1 }', 'space."trust.forgetting".low',
     "0.2", "[0.5, 1]"),
    ('design = "sobol"\nsamples = 12\n[space]\n"trust.forgetting" = {}', "sweep.samples", "12", "power of 2"),
    ('design = "halton"\n[space]\n"trust.forgetting" = {}', "sweep.design", "halton", "'sobol'"),
    ('design = "grid"\nmetrics = ["vitality"]\n[space]\n"trust.forgetting" = {}', "sweep.metrics[0]", "vitality",
     "vitality_mean"),
    ('design = "grid"\n[space]\n"governance.mode" = { values = ["shared", "anarchy"] }', 'space."governance.mode"',
     "anarchy", "lead_organisation"),
    ('design = "grid"\n[space]\n"governance.mode" = { low = 0, high = 1 }', 'space."governance.mode"', "0", "shared"),
    ('design = "morris"\n[space]\n"trust.forgetting" = {}', "sweep.samples", "required", "trajectories"),
    ('design = "grid"\n[space]\n"trust.forgetting" = { values = [0.9, "x"] }', 'space."trust.forgetting".values',
     "'x'", "all numbers"),
])
def test_a_bad_sweep_file_names_file_field_value_and_what_is_allowed(tmp_path, body, field, value, allowed):
    path = write(tmp_path, f'[sweep]\nscenario = "zorgnetwerk"\n{body}\n')
    with pytest.raises(SweepError) as err:
        load_sweep(path)
    message = str(err.value)
    assert str(path) in message and field in message and value in message and allowed in message, message


def test_a_comparison_file_is_not_taken_for_a_sweep():
    with pytest.raises(SweepError, match="a comparison file, not a sweep file"):
        load_sweep(ROOT / "src" / "netwerksim" / "experiments" / "zorgnetwerk_governance.toml")


def test_bounds_default_to_the_parameter_range_and_the_scenario_may_sit_beside_the_file(tmp_path):
    shutil.copy(ROOT / "src" / "netwerksim" / "scenarios" / "zorgnetwerk.toml", tmp_path / "mijn_netwerk.toml")
    path = write(tmp_path, """
        [sweep]
        scenario = "mijn_netwerk.toml"
        design = "random"
        samples = 200
        [space]
        "trust.negative_weight" = {}
        """)
    sweep = load_sweep(path)
    p = PARAMETERS["trust.negative_weight"]
    values = sweep.design_table()["trust.negative_weight"]
    assert (sweep.dimensions[0].low, sweep.dimensions[0].high) == (p.low, p.high)
    assert p.low <= values.min() < p.low + 0.2 and p.high - 0.2 < values.max() <= p.high


@pytest.mark.parametrize("design, samples, points", [
    ("grid", None, 3 * 2), ("random", 7, 7), ("lhs", 5, 5), ("sobol", 8, 8 * (2 + 2)), ("morris", 3, 3 * (2 + 1))])
def test_each_design_has_the_size_of_its_method(tmp_path, design, samples, points):
    path = write(tmp_path, f"""
        [sweep]
        scenario = "zorgnetwerk"
        design = "{design}"
        {f"samples = {samples}" if samples else "levels = 3"}
        [space]
        "trust.forgetting" = {{ low = 0.9, high = 1.0 }}
        "governance.mode" = {{ values = ["shared", "nao"] }}
        """)
    sweep = load_sweep(path)
    table = sweep.design_table()
    assert sweep.points == points == len(table)
    assert table["trust.forgetting"].between(0.9, 1.0).all()
    assert set(table["governance.mode"]) <= {"shared", "nao"}
    if design == "grid":
        assert sorted(set(table["trust.forgetting"].round(9))) == [0.9, 0.95, 1.0]
        assert len(table.drop_duplicates(["trust.forgetting", "governance.mode"])) == 6


def test_seeds_come_from_seedsequence_spawn_shared_by_points_unless_asked_otherwise(tmp_path):
    crn = load_sweep(small_sweep(tmp_path, samples=3, replications=4))
    plan = crn.plan()
    assert plan["seed"].tolist() == seeds(11, 4) * 3
    own = load_sweep(small_sweep(tmp_path, samples=3, replications=4, extra="common_random_numbers = false",
                                 name="own.toml"))
    assert own.plan()["seed"].tolist() == seeds(11, 12) and len(set(own.plan()["seed"])) == 12


# --- running and saving --------------------------------------------------------------------------------
def test_the_python_api_returns_one_row_per_run_and_the_pool_matches_serial(tmp_path):
    path = small_sweep(tmp_path, samples=4, replications=2)
    serial = netwerksim.sweep(path)
    pooled = netwerksim.sweep(path, workers=2, out=tmp_path / "out", chunk=3)
    assert list(serial["run_id"]) == list(range(8))
    assert {"point", "replication", "seed", "trust.forgetting", "governance.mode", "vitality_mean"} <= set(serial.columns)
    pd.testing.assert_frame_equal(serial, pooled, check_exact=True)
    store = Store(tmp_path / "out")
    assert store.part_files() == [] and store.manifest()["complete"] is True   # parts compacted into results
    analysis = netwerksim.analyse(tmp_path / "out", plots=False, lang="en")
    assert analysis.indices.empty and "A lhs design gives no sensitivity indices" in (
        tmp_path / "out" / "analysis" / "analysis.md").read_text()
    pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / "out" / "results.parquet"), serial, check_exact=True)
    # a scenario field really changes the run: the same seed under another governance mode differs
    by_mode = serial.groupby("governance.mode")["trust_end"].mean()
    assert len(by_mode) == 2


def test_time_series_are_kept_as_arrays_when_asked(tmp_path):
    path = small_sweep(tmp_path, samples=2, replications=1, steps=10, extra='series = ["vitality", "mean_trust"]')
    table = netwerksim.sweep(path)
    assert len(table["series_vitality"].iloc[0]) == 11 and len(table["series_mean_trust"].iloc[1]) == 11
    with pytest.raises(SweepError, match=r"sweep.series\[0\]: value 'vitalty' is not a time-series column"):
        load_sweep(small_sweep(tmp_path, extra='series = ["vitalty"]', name="bad.toml"))


def _kill_when(process: subprocess.Popen, store: Store, parts: int, timeout: float = 120) -> None:
    """kill -9 the CLI and its pool workers (its own process group) once ``parts`` parts are saved."""
    deadline = time.monotonic() + timeout
    while len(store.part_files()) < parts:
        assert process.poll() is None, "the sweep ended before it could be killed"
        assert time.monotonic() < deadline, "no part saved in time"
        time.sleep(0.02)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=30)


@pytest.mark.slow
def test_kill_9_at_any_moment_then_resume_has_every_run_exactly_once(tmp_path):
    path = small_sweep(tmp_path, samples=12, replications=3, steps=12)   # 36 runs
    out = tmp_path / "out"
    store = Store(out)
    args = [*CLI, "sweep", str(path), "--out", str(out), "--workers", "2", "--chunk", "3"]
    for session in (1, 2):   # killed twice, the second time while resuming
        parts = len(store.part_files()) + (1 if session == 1 else 2)
        process = subprocess.Popen([*args, "--resume"] if session > 1 else args, stderr=subprocess.DEVNULL,
                                   start_new_session=True)
        _kill_when(process, store, parts)
        assert process.returncode == -signal.SIGKILL
        saved = store.done()
        assert 0 < len(saved) < 36 and len(set(saved.tolist())) == len(saved)
        assert not (out / "results.parquet").exists()
    finished = cli("sweep", str(path), "--out", str(out), "--workers", "2", "--chunk", "3", "--resume")
    assert finished.returncode == 0, finished.stderr
    ids = store.done()
    assert sorted(ids.tolist()) == list(range(36))   # every run, each exactly once
    straight = netwerksim.sweep(path)                 # the same sweep, never interrupted
    pd.testing.assert_frame_equal(pd.read_parquet(out / "results.parquet"), straight, check_exact=True)
    assert not list(out.rglob(".*.tmp"))


def test_resuming_with_a_changed_sweep_file_refuses(tmp_path, capsys):
    path = small_sweep(tmp_path, samples=2, replications=1, steps=8)
    out = tmp_path / "out"
    assert main(capsys, "sweep", path, "--out", out, "--workers", "1")[0] == 0
    status, _, err = main(capsys, "sweep", path, "--out", out, "--workers", "1")
    assert status == 2 and "already holds a sweep (2 of 2 runs saved); add --resume" in err
    path.write_text(path.read_text().replace("replications = 1", "replications = 3"), encoding="utf-8")
    status, _, err = main(capsys, "sweep", path, "--out", out, "--workers", "1", "--resume")
    assert status == 2
    assert f"the sweep file {path} changed since this sweep started (changed in [sweep]: replications)" in err
    assert len(Store(out).done()) == 2   # nothing was touched


def test_a_bad_sweep_on_the_command_line_exits_2_with_the_field(tmp_path, capsys):
    path = write(tmp_path, '[sweep]\nscenario = "zorgnetwerk"\ndesign = "grid"\n[space]\n"trust.forgetting" = { low = 2 }\n')
    status, _, err = main(capsys, "sweep", path, "--out", tmp_path / "out")
    assert status == 2
    assert f'{path}: field space."trust.forgetting".low: value 2.0 is outside the parameter\'s range [0.5, 1]' in err
    assert not (tmp_path / "out").exists()


# --- analysis ------------------------------------------------------------------------------------------
def test_sobol_indices_rank_a_parameter_that_matters_above_one_that_cannot(tmp_path, capsys):
    path = write(tmp_path, """
        [sweep]
        scenario = "zorgnetwerk"
        design = "sobol"
        samples = 8
        replications = 1
        steps = 12
        metrics = ["trust_end", "dip"]
        [space]
        "trust.forgetting" = { low = 0.8, high = 1.0 }
        "dip.recovery" = {}                  # a detector threshold: cannot change trust
        """)
    netwerksim.sweep(path, out=tmp_path / "out", workers=1)
    status, printed, _ = main(capsys, "analyse", tmp_path / "out", "--lang", "en")
    assert status == 0 and "trust_end" in printed and "trust.forgetting ST=" in printed
    sobol = pd.read_csv(tmp_path / "out" / "analysis" / "sobol.csv").set_index(["metric", "parameter"])
    assert {"S1", "S1_conf", "ST", "ST_conf"} <= set(sobol.columns)
    assert sobol.loc[("trust_end", "trust.forgetting"), "ST"] > 0.5
    assert sobol.loc[("trust_end", "dip.recovery"), "ST"] < 0.05
    report = (tmp_path / "out" / "analysis" / "analysis.md").read_text()
    assert "## Sobol: S1, ST" in report and "`dip`: no indices: the outcome is the same at every point" in report
    for figure in ("sobol_trust_end.png", "outcome_trust_end.png", "outcome2_trust_end.png"):
        assert (tmp_path / "out" / "analysis" / figure).stat().st_size > 5_000


def test_morris_screening_gives_mu_star_and_sigma_per_parameter(tmp_path):
    path = small_sweep(tmp_path, design="morris", samples=4, replications=1, steps=12)
    netwerksim.sweep(path, out=tmp_path / "out")
    result = netwerksim.analyse(tmp_path / "out", metrics=["trust_end"], plots=False)
    morris = result.indices.set_index("parameter")
    assert list(morris.columns) == ["metric", "mu", "mu_star", "mu_star_conf", "sigma", "mu_star_uncertain"]
    assert morris.loc["trust.forgetting", "mu_star"] > 0 and (morris["sigma"] >= 0).all()
    assert (tmp_path / "out" / "analysis" / "morris.csv").exists()


def test_analysing_an_unfinished_sweep_says_how_to_finish_it(tmp_path, capsys):
    path = small_sweep(tmp_path, samples=2, replications=1, steps=8)
    netwerksim.sweep(path, out=tmp_path / "out")
    (tmp_path / "out" / "results.parquet").unlink()   # as if killed before anything was saved
    status, _, err = main(capsys, "analyse", tmp_path / "out")
    assert status == 2 and "0 of 2 runs saved; finish the sweep first" in err and "--resume" in err


# --- interoperability ----------------------------------------------------------------------------------
def test_run_point_takes_dotted_or_ema_names_and_rejects_unknown_ones():
    dotted = run_point("zorgnetwerk", seed=5, steps=8, **{"trust.forgetting": 0.93})
    ema = run_point("zorgnetwerk", seed=5, steps=8, trust__forgetting=0.93)
    assert dotted == ema and isinstance(dotted["vitality_mean"], float)
    assert dotted != run_point("zorgnetwerk", seed=5, steps=8, trust__forgetting=0.99)
    with pytest.raises(SweepError, match="'trust.forgeting' is not a model parameter .did you mean 'trust.forgetting'"):
        run_point("zorgnetwerk", trust__forgeting=0.9)


# --- the distributed engine ----------------------------------------------------------------------------
def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.slow
def test_a_dask_scheduler_with_two_workers_gives_the_process_pool_results_bit_for_bit(tmp_path):
    path = small_sweep(tmp_path, design="sobol", samples=4, replications=2, steps=12)   # 16 points, 32 runs
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    dask = [str(Path(sys.executable).with_name("dask"))]
    started = [subprocess.Popen([*dask, "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard",
                                 "--dashboard-address", "127.0.0.1:0"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)]
    try:
        for _ in range(2):
            started.append(subprocess.Popen(
                [*dask, "worker", address, "--nthreads", "1", "--nworkers", "1", "--host", "127.0.0.1",
                 "--no-dashboard"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True))
        via_dask = cli("sweep", str(path), "--scheduler", address, "--out", str(tmp_path / "dask"), "--chunk", "5")
        assert via_dask.returncode == 0, via_dask.stderr
        assert "Dask scheduler" in via_dask.stderr and "2 thread(s)" in via_dask.stderr
        with __import__("distributed").Client(address, timeout=20) as client:
            assert len(client.scheduler_info()["workers"]) == 2
            assert sum(client.run(os.getpid).values()) > 0
    finally:
        for process in reversed(started):
            os.killpg(process.pid, signal.SIGTERM)
        for process in started:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=10)
    via_pool = cli("sweep", str(path), "--workers", "2", "--out", str(tmp_path / "pool"))
    assert via_pool.returncode == 0, via_pool.stderr
    dask_table = pd.read_parquet(tmp_path / "dask" / "results.parquet")
    pd.testing.assert_frame_equal(dask_table, pd.read_parquet(tmp_path / "pool" / "results.parquet"), check_exact=True)
    assert len(dask_table) == 32


def test_a_dask_local_cluster_matches_serial(tmp_path):
    path = small_sweep(tmp_path, samples=4, replications=2, steps=10)
    pd.testing.assert_frame_equal(netwerksim.sweep(path, dask_local=2), netwerksim.sweep(path), check_exact=True)


def _profiling() -> bool:
    import dask
    import distributed  # noqa: F401 (its defaults join Dask's config on import)
    return bool(dask.config.get("distributed.worker.profile.enabled"))


def test_a_dask_local_cluster_starts_its_workers_without_the_profiler():
    """Issue 20 item 4: Dask's statistical profiler (a look at the task's stack every 10 ms) cost a run 7% CPU, so
    the LocalCluster netwerksim starts runs without it; in this process Dask's default stays as it was."""
    from netwerksim.sweeps.engines import engine

    before = _profiling()
    with engine(dask_local=1) as (executor, _, _):
        assert executor.submit(_profiling).result() is False
    assert _profiling() == before


def test_an_unreachable_scheduler_is_a_clear_error(tmp_path, capsys):
    path = small_sweep(tmp_path, samples=2, replications=1)
    status, _, err = main(capsys, "sweep", path, "--scheduler", f"tcp://127.0.0.1:{_free_port()}", "--out",
                          tmp_path / "o", "--connect-timeout", "2")
    assert status == 2 and "cannot reach a Dask scheduler at" in err and "dask scheduler" in err
    assert not (tmp_path / "o").exists()


def test_a_failing_run_stops_the_sweep_with_its_run_id_and_keeps_what_finished(tmp_path, monkeypatch):
    import netwerksim.experiment as experiment

    real = experiment.run_summary

    def fails_on_seed(spec):
        if spec.params["trust.forgetting"] > 0.95:
            raise FloatingPointError("trust overflowed")
        return real(spec)

    monkeypatch.setattr(experiment, "run_summary", fails_on_seed)
    path = small_sweep(tmp_path, design="grid", extra="levels = 3", replications=1, steps=6).read_text()
    path = write(tmp_path, path.replace("samples = 6\n", ""), "grid.toml")
    with pytest.raises(SweepError, match=r"a run failed \(in run 4\): FloatingPointError: trust overflowed; the runs "
                                         r"finished so far are saved in .*--resume"):
        run_sweep(load_sweep(path), tmp_path / "out", chunk=100)
    assert sorted(Store(tmp_path / "out").done().tolist()) == [0, 1, 2, 3]


def test_the_code_digest_covers_every_source_file_of_the_package_not_only_the_sweeps():
    import hashlib
    from pathlib import Path

    import netwerksim
    from netwerksim.sweeps import code_digest

    package = Path(netwerksim.__file__).resolve().parent
    files = sorted(package.rglob("*.py"))
    assert any(f.parent == package / "mechanisms" for f in files) and any(f.parent == package / "sweeps" for f in files)
    h = hashlib.sha256()
    for path in files:
        h.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    assert code_digest() == h.hexdigest()


def test_resuming_after_the_model_code_changed_refuses(tmp_path, capsys, monkeypatch):
    import netwerksim.sweeps.store as store   # where the manifest is made

    path = small_sweep(tmp_path, samples=2, replications=1, steps=6)
    assert main(capsys, "sweep", path, "--out", tmp_path / "out", "--workers", "1")[0] == 0
    assert Store(tmp_path / "out").manifest()["code_sha256"] == store.code_digest()
    monkeypatch.setattr(store, "code_digest", lambda: "f" * 64)
    status, _, err = main(capsys, "sweep", path, "--out", tmp_path / "out", "--workers", "1", "--resume")
    assert status == 2 and "the netwerksim code changed since this sweep started" in err and "mix runs of two models" in err


def test_a_pool_worker_starts_with_the_model_imported():
    """The forkserver imports the runner, the model and Mesa once (experiment._pool_context), so a worker's first
    run does not import them again (it did: 0.8 s CPU a worker, 1.6-2 s before a pool's first result)."""
    from concurrent.futures import ProcessPoolExecutor  # noqa: PLC0415

    from netwerksim.experiment import _pool_context  # noqa: PLC0415

    # eval: a builtin, so nothing of this module has to be imported by the worker to answer
    with ProcessPoolExecutor(1, mp_context=_pool_context()) as pool:
        loaded = pool.submit(eval, "sorted(m for m in ('netwerksim.runner', 'netwerksim.model', 'mesa') "
                                   "if m in __import__('sys').modules)").result()
    assert loaded == ["mesa", "netwerksim.model", "netwerksim.runner"]
