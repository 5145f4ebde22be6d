"""Result folders (issue 12): --out replaces only a netwerksim result of its kind or an empty folder,
atomically, with umask permissions; leftovers of killed writers are cleaned; a resumed sweep touches
only its own files; bad --out and command-line values exit 2 before anything runs."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import netwerksim
from netwerksim import run, storage
from netwerksim.cli import main as cli_main
from netwerksim.storage import MARKER, OutputError, check_out, clean_leftovers, kind_of, result_folder
from netwerksim.sweeps import Store

ROOT = Path(__file__).resolve().parents[1]
FOREIGN = "bestaat al en is geen netwerksim-resultaat"


def main(capsys, *args) -> tuple[int, str, str]:
    status = cli_main([str(a) for a in args])
    out, err = capsys.readouterr()
    return status, out, err


def users_folder(folder: Path) -> Path:
    """A folder of someone's own work, as in the issue: a thesis and a subfolder."""
    (folder / "sub").mkdir(parents=True)
    (folder / "thesis.docx").write_bytes(b"precious\n")
    (folder / "sub" / "data.csv").write_bytes(b"a,b\n1,2\n")
    return folder


def snapshot(folder: Path) -> dict:
    """Every path under ``folder`` with its bytes and mode: equal snapshots mean nothing was touched."""
    return {str(p.relative_to(folder)): (p.read_bytes() if p.is_file() else None, p.stat().st_mode)
            for p in sorted(folder.rglob("*"))}


def sweep_file(folder: Path, name: str = "sweep.toml") -> Path:
    path = folder / name
    path.write_text('[sweep]\nscenario = "zorgnetwerk"\ndesign = "grid"\nlevels = 2\nreplications = 1\nseed = 1\n'
                    'steps = 5\nmetrics = ["trust_end"]\n[space]\n"trust.forgetting" = { low = 0.9, high = 1.0 }\n',
                    encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def finished_sweep(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("sweep")
    netwerksim.sweep(sweep_file(folder), out=folder / "out")
    return folder / "out"


COMMANDS = {
    "run": lambda out, sweep: ["run", "zorgnetwerk", "--steps", "5", "--no-plots", "--out", out],
    "compare": lambda out, sweep: ["compare", "zorgnetwerk", "--option", "x: trust.forgetting=0.9", "--replications",
                                   "2", "--steps", "5", "--workers", "1", "--no-plots", "--out", out],
    "analyse": lambda out, sweep: ["analyse", sweep, "--no-plots", "--out", out],
    "sweep": lambda out, sweep: ["sweep", sweep_file(Path(out).parent, "s.toml"), "--workers", "1", "--out", out],
}


# --- the reproductions of the issue: exit 2, the user's files byte-identical ------------------------------
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_out_at_a_users_folder_exits_2_and_touches_nothing(tmp_path, capsys, command, finished_sweep):
    users = users_folder(tmp_path / "U")
    before = snapshot(users)
    status, _, err = main(capsys, *COMMANDS[command](users, finished_sweep))
    assert status == 2 and f"--out {users}: exists and is not a netwerksim result ({FOREIGN})" in err
    assert snapshot(users) == before


def test_out_dot_refuses_the_working_folder_and_its_ancestors(tmp_path, capsys, monkeypatch):
    work = users_folder(tmp_path / "work")
    monkeypatch.chdir(work)
    before = snapshot(tmp_path)
    for out in (".", "..", str(tmp_path), "sub/.."):
        status, _, err = main(capsys, "run", "zorgnetwerk", "--steps", "5", "--no-plots", "--out", out)
        assert status == 2 and f"--out {out}: is the working folder or contains it" in err
    assert snapshot(tmp_path) == before


def test_a_scenario_file_named_dot_dot_toml_no_longer_makes_the_default_folder_results(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    users_folder(tmp_path / "results" / "mine")
    shutil.copy(ROOT / "src" / "netwerksim" / "scenarios" / "zorgnetwerk.toml", tmp_path / "..toml")
    before = snapshot(tmp_path / "results" / "mine")
    status, out, _ = main(capsys, "run", "..toml", "--steps", "5", "--no-plots")
    assert status == 0 and "results: results/result/" in out
    assert snapshot(tmp_path / "results" / "mine") == before and kind_of(tmp_path / "results" / "result") == "run"


def test_home_and_mount_points_are_never_replaced(tmp_path, capsys, monkeypatch):
    home = tmp_path / "home"
    home.mkdir()                                   # empty: it would be replaceable if it were not the home folder
    monkeypatch.setenv("HOME", str(home))
    status, _, err = main(capsys, "run", "zorgnetwerk", "--steps", "5", "--out", home)
    assert status == 2 and "is your home folder" in err and home.is_dir()
    with pytest.raises(OutputError, match="is a mount point"):
        check_out("/proc", "run")


def test_an_existing_file_a_link_or_a_path_below_a_file_exits_2(tmp_path, capsys):
    (tmp_path / "notes.txt").write_bytes(b"mine")
    (tmp_path / "link").symlink_to(tmp_path / "notes.txt")
    before = snapshot(tmp_path)
    for out, says in ((tmp_path / "notes.txt", "is an existing file"), (tmp_path / "link", "is a symbolic link"),
                      (tmp_path / "notes.txt" / "res", f"{tmp_path / 'notes.txt'} is a file, not a folder")):
        status, _, err = main(capsys, "run", "zorgnetwerk", "--steps", "5", "--out", out)
        assert status == 2 and f"--out {out}: {says}" in err
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("command", ["run", "compare", "sweep"])
def test_a_bad_out_is_refused_before_anything_runs(tmp_path, capsys, monkeypatch, command, finished_sweep):
    """The check comes before the simulation: with every way of running a model broken, still exit 2."""
    def no_simulation(*args, **kwargs):
        raise AssertionError("the simulation ran before --out was checked")

    if command == "run":
        monkeypatch.setattr(netwerksim.runner, "run", no_simulation)
    else:   # (loading a sweep file runs one week to learn the series columns: that is not the simulation)
        monkeypatch.setattr(netwerksim.experiment, "run_summary", no_simulation)
    (tmp_path / "file").write_bytes(b"x")
    status, _, err = main(capsys, *COMMANDS[command](tmp_path / "file", finished_sweep))
    assert status == 2 and "is an existing file" in err


def test_a_read_only_disk_is_refused_before_the_run(tmp_path):
    """A real read-only file system (tmpfs mounted ro in a user namespace); skipped where unshare cannot."""
    ro = tmp_path / "ro"
    ro.mkdir()
    command = (f"mount -t tmpfs -o ro none {ro} && exec {sys.executable} -m netwerksim.cli run zorgnetwerk "
               f"--steps 5 --out {ro}/res")
    try:
        proc = subprocess.run(["unshare", "-rm", "sh", "-c", command], capture_output=True, text=True, timeout=120)
    except FileNotFoundError:
        pytest.skip("no unshare")
    if "mount" in proc.stderr and "netwerksim" not in proc.stderr:
        pytest.skip(f"cannot mount a read-only file system here: {proc.stderr.strip()}")
    assert proc.returncode == 2, proc.stderr
    assert f"--out {ro}/res: cannot write in {ro} (Read-only file system)" in proc.stderr
    assert "Traceback" not in proc.stderr


# --- replacing a netwerksim result ----------------------------------------------------------------------------
def test_a_result_of_the_same_kind_is_replaced_and_no_temporary_folder_stays(tmp_path, capsys):
    out = tmp_path / "res"
    assert main(capsys, "run", "zorgnetwerk", "--steps", "5", "--no-plots", "--out", out)[0] == 0
    assert main(capsys, "run", "zorgnetwerk", "--steps", "7", "--no-plots", "--out", out)[0] == 0
    assert '"steps": 7' in (out / "manifest.json").read_text() and kind_of(out) == "run"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["res"]
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(capsys, "run", "zorgnetwerk", "--steps", "5", "--no-plots", "--out", empty)[0] == 0
    assert kind_of(empty) == "run"


def test_a_result_of_another_kind_is_not_replaced(tmp_path, capsys, finished_sweep):
    before = snapshot(finished_sweep)
    status, _, err = main(capsys, "run", "zorgnetwerk", "--steps", "5", "--out", finished_sweep)
    assert status == 2 and "holds a netwerksim sweep result, not a run result" in err
    assert snapshot(finished_sweep) == before


def test_an_interrupted_write_leaves_the_old_result_intact(tmp_path, monkeypatch):
    out = run("zorgnetwerk", steps=5).save(tmp_path / "res", plots=False)
    before = snapshot(out)
    with pytest.raises(KeyboardInterrupt):                 # interrupted while writing
        with result_folder(out, "run") as tmp:
            (tmp / "half.parquet").write_bytes(b"half")
            raise KeyboardInterrupt
    monkeypatch.setattr(storage, "exchange", lambda a, b: False)   # the two-rename way, where renameat2 is missing
    real_rename = os.rename

    def interrupted_at_the_second_rename(a, b):
        if str(a).endswith(".new"):
            raise KeyboardInterrupt
        real_rename(a, b)

    monkeypatch.setattr(os, "rename", interrupted_at_the_second_rename)
    with pytest.raises(KeyboardInterrupt):
        with result_folder(out, "run") as tmp:
            (tmp / "new.parquet").write_bytes(b"new")
    monkeypatch.undo()
    assert snapshot(out) == before and sorted(p.name for p in tmp_path.iterdir()) == ["res"]
    result = run("zorgnetwerk", steps=6).save(out, plots=False)     # and a good write replaces it
    assert '"steps": 6' in (result / "manifest.json").read_text()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["res"]


def test_the_swap_is_one_step_on_linux(tmp_path):
    """renameat2(RENAME_EXCHANGE): the old and the new result trade places; the target is never missing."""
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "from_a").touch()
    if not storage.exchange(tmp_path / "a", tmp_path / "b"):
        pytest.skip("no renameat2 exchange on this system or file system")
    assert (tmp_path / "b" / "from_a").exists() and not (tmp_path / "a" / "from_a").exists()


@pytest.mark.parametrize("one_step", [True, False])
def test_a_users_folder_that_takes_the_results_place_during_the_run_is_put_back_untouched(tmp_path, monkeypatch,
                                                                                          one_step):
    """The check before the swap and the swap itself are two steps: whatever stands at ``out`` when the swap
    happens is removed only if it is netwerksim's own (the exchange and the two-rename way alike)."""
    out = run("zorgnetwerk", steps=5).save(tmp_path / "res", plots=False)
    if not one_step:
        monkeypatch.setattr(storage, "exchange", lambda a, b: False)
    real_check = storage.check_out
    calls = []

    def users_folder_appears_after_the_last_check(path, kind, **kw):
        checked = real_check(path, kind, **kw)
        calls.append(path)
        if len(calls) == 2:                            # the check just before the swap
            shutil.rmtree(out)
            (out / "sub").mkdir(parents=True)
            (out / "thesis.docx").write_bytes(b"precious")
        return checked

    monkeypatch.setattr(storage, "check_out", users_folder_appears_after_the_last_check)
    with pytest.raises(OutputError, match="not a netwerksim result"):
        with result_folder(out, "run") as tmp:
            (tmp / "new.parquet").write_bytes(b"new")
    assert (out / "thesis.docx").read_bytes() == b"precious" and (out / "sub").is_dir() and kind_of(out) is None
    assert sorted(p.name for p in tmp_path.iterdir()) == ["res"]


def _dead_pid() -> int:
    proc = subprocess.Popen(["true"])
    proc.wait()
    return proc.pid


def test_leftovers_of_killed_writers_are_cleaned_and_an_old_result_left_aside_goes_back(tmp_path):
    host, dead = storage._host(), _dead_pid()
    with subprocess.Popen(["sleep", "60"]) as alive:
        new = tmp_path / f".res~netwerksim~{host}~{dead}~0123abcd.new"
        running = tmp_path / f".res~netwerksim~{host}~{alive.pid}~0123abcd.new"
        other_host = tmp_path / f".res~netwerksim~elsewhere~{dead}~0123abcd.new"
        aside = tmp_path / f".kept~netwerksim~{host}~{dead}~0123abcd.old"
        users = tmp_path / ".res.tmp"                  # looks temporary, but is not of netwerksim's naming
        named_alike = tmp_path / f".mine~netwerksim~{host}~{dead}~0123abcd.new"   # netwerksim's naming, no marker
        for folder in (new, running, other_host, aside, users, named_alike):
            (folder / "sub").mkdir(parents=True)
            (folder / "sub" / "f").write_bytes(b"x")
        for folder in (new, running, other_host, aside):
            (folder / MARKER).write_text('{"kind": "run"}')
        run("zorgnetwerk", steps=5).save(tmp_path / "res", plots=False)
        alive.kill()
    assert not new.exists() and running.exists() and other_host.exists() and users.exists()
    assert (named_alike / "sub" / "f").read_bytes() == b"x"                # not netwerksim's own: never removed
    assert not aside.exists() and kind_of(tmp_path / "kept") == "run"      # the kill between the two renames, mended
    assert clean_leftovers(tmp_path) == [running]                          # now that its writer has died


def test_folders_get_the_umask_permissions(tmp_path):
    old = os.umask(0o027)
    try:
        folder = run("zorgnetwerk", steps=5).save(tmp_path / "a" / "res", plots=False)
        netwerksim.sweep(sweep_file(tmp_path), out=tmp_path / "sw")
    finally:
        os.umask(old)
    for path in (folder, tmp_path / "a", tmp_path / "sw"):   # sw/runs is gone: its parts went into results.parquet
        assert path.stat().st_mode & 0o777 == 0o750, path


# --- sweeps: --resume touches only the sweep's own files --------------------------------------------------------
def test_resume_into_a_users_folder_exits_2_and_deletes_nothing(tmp_path, capsys):
    users = users_folder(tmp_path / "P")
    (users / "runs").mkdir()
    (users / "runs" / "part-000001.parquet").write_bytes(b"mine")
    (users / ".x.tmp").write_bytes(b"mine")
    (users / "runs" / ".y.tmp").write_bytes(b"mine")
    before = snapshot(users)
    status, _, err = main(capsys, "sweep", sweep_file(tmp_path), "--workers", "1", "--out", users, "--resume")
    assert status == 2 and FOREIGN in err
    assert snapshot(users) == before


def test_resume_removes_only_its_own_temporaries_and_reads_only_its_own_parts(tmp_path, capsys):
    path = sweep_file(tmp_path)
    out = tmp_path / "out"
    netwerksim.sweep(path, out=out)
    first = pd.read_parquet(out / "results.parquet").iloc[:1]
    (out / "results.parquet").unlink()
    Store(out).write_part(first.to_dict("records"))   # as if killed before the last part
    theirs = {"notes.txt": b"mine", ".notes.tmp": b"mine", "runs/part-mine.parquet": b"mine",
              "runs/.y.tmp": b"mine", "runs/part-1.parquet": b"mine"}
    for name, data in theirs.items():
        (out / name).write_bytes(data)
    (out / ".manifest.json.tmp").write_bytes(b"half")             # the sweep's own, half-written
    (out / "runs" / ".part-000007.parquet.tmp").write_bytes(b"half")
    status, _, err = main(capsys, "sweep", path, "--workers", "1", "--out", out, "--resume")
    assert status == 0, err
    assert {name: (out / name).read_bytes() for name in theirs} == theirs
    assert not (out / ".manifest.json.tmp").exists() and not (out / "runs" / ".part-000007.parquet.tmp").exists()
    assert sorted(Store(out).done().tolist()) == [0, 1]


# --- command-line values and the timeline ---------------------------------------------------------------------
@pytest.mark.parametrize("args, says", [
    (["sweep", "S", "--connect-timeout", "-1", "--dask-local", "1"],
     "--connect-timeout: value -1.0 is not allowed; a number of seconds in [0.1, 86400]"),
    (["sweep", "S", "--connect-timeout", "nan", "--scheduler", "tcp://127.0.0.1:1"],
     "--connect-timeout: value nan is not allowed"),
    (["sweep", "S", "--chunk", "0"], "--chunk: value 0 is not allowed; a whole number of runs >= 1"),
    (["sweep", "S", "--workers", "0"], "--workers: value 0 is not allowed"),
    (["sweep", "S", "--workers", "100000"], "--workers: value 100000 is not allowed"),
    (["sweep", "S", "--dask-local", "0"], "--dask-local: value 0 is not allowed"),
    (["compare", "zorgnetwerk_governance", "--workers", "-2"], "--workers: value -2 is not allowed"),
    (["run", "zorgnetwerk", "--seed", "-1"], "--seed: value -1 is not allowed; a whole number >= 0"),
    (["app", "--port", "70000"], "--port: value 70000 is not allowed; a port number in [0, 65535]"),
])
def test_command_line_values_out_of_range_exit_2_naming_the_allowed_range(tmp_path, capsys, args, says):
    args = [str(sweep_file(tmp_path)) if a == "S" else a for a in args]
    status, _, err = main(capsys, *args, *(["--out", tmp_path / "o"] if args[0] != "app" else []))
    assert status == 2 and says in err
    assert not (tmp_path / "o").exists()


def test_analyse_with_no_metric_named_exits_2(capsys, finished_sweep, tmp_path):
    status, _, err = main(capsys, "analyse", finished_sweep, "--metrics", ",", "--out", tmp_path / "a")
    assert status == 2 and "--metrics: no metric named; allowed: ['trust_end']" in err


def test_steps_shorter_than_the_timeline_names_the_dropped_events_and_runs_on(tmp_path, capsys):
    status, out, err = main(capsys, "run", "zorgnetwerk", "--steps", "25", "--no-plots", "--out", tmp_path / "r")
    assert status == 0 and "results:" in out
    assert "the simulation ends at week 25, before 1 event(s) of the scenario's timeline, which will not happen: " \
           "funding_ends (week 40)" in err
    status, _, err = main(capsys, "run", "zorgnetwerk", "--steps", "60", "--no-plots", "--out", tmp_path / "r")
    assert status == 0 and "will not happen" not in err


def test_only_a_marked_folder_is_removed_as_a_tree_an_unmarked_one_only_while_empty(tmp_path, monkeypatch):
    """storage._remove_own: only a folder under netwerksim's private temporary name, rmtree only on one with
    netwerksim's marker; an empty unmarked folder goes with os.rmdir, so a file put into it after the check stays
    (the rmdir refuses); a link, a file or a marked folder under its public name is never touched."""
    import shutil

    from netwerksim import storage

    trees = []
    monkeypatch.setattr(shutil, "rmtree", lambda p, *a, **k: trees.append(Path(p)))
    def temp(name: str) -> Path:
        return tmp_path / storage._temp_name(name, "new")

    empty = temp("empty")
    empty.mkdir()
    assert storage._remove_own(empty) and not empty.exists() and trees == []
    late = temp("late")
    late.mkdir()
    real_own = storage._own
    monkeypatch.setattr(storage, "_own", lambda p: real_own(p) and not (p / "thesis.docx").write_text("mine"))
    assert not storage._remove_own(late)                  # empty at the check, a file arrived before the removal
    assert (late / "thesis.docx").read_text() == "mine" and trees == []
    monkeypatch.setattr(storage, "_own", real_own)
    public = tmp_path / "resultaat"                       # a result under its own name (a user's copy, say)
    public.mkdir()
    (public / storage.MARKER).write_text('{"kind": "run", "format": 1}\n', encoding="utf-8")
    assert not storage._remove_own(public) and public.exists() and trees == []
    (tmp_path / "leeg").mkdir()
    assert not storage._remove_own(tmp_path / "leeg") and (tmp_path / "leeg").exists()
    marked = temp("marked")
    marked.mkdir()
    (marked / storage.MARKER).write_text('{"kind": "run", "format": 1}\n', encoding="utf-8")
    (marked / "timeseries.csv").write_text("week\n0\n")
    assert storage._remove_own(marked) and trees == [marked]
    link = temp("link")
    link.symlink_to(marked)
    assert not storage._remove_own(link) and trees == [marked]
    borrowed = temp("borrowed")                           # its marker a link to a marker elsewhere
    borrowed.mkdir()
    (borrowed / "data.csv").write_text("mine\n")
    (borrowed / storage.MARKER).symlink_to(marked / storage.MARKER)
    assert not storage._remove_own(borrowed) and (borrowed / "data.csv").exists() and trees == [marked]
