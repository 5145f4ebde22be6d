"""Result folders: what ``--out`` may replace, and how a folder is written and replaced without loss (issue 12).

A netwerksim result folder carries a marker file, :data:`MARKER`, naming its kind (``run``,
``compare``, ``sweep``, ``analysis``, ``validation``). A result may be written where nothing is yet, into an empty
folder, or over a result of the same kind, and nowhere else: a user's folder, a file, a symbolic
link, the home folder, a mount point, the working folder and every folder that contains it are
refused with an :class:`OutputError` (exit 2 in the CLI) before anything is computed or touched.

A result is written into a temporary folder beside its target and swapped in at the end: on Linux
in one step (``renameat2`` with ``RENAME_EXCHANGE``), so the target is never missing; elsewhere the
old folder is renamed aside, the new one renamed in, then the old one removed. Temporary folders
are named ``.<name>~netwerksim~<host>~<pid>~<random>.<new|old|probe>``: the next write into the same
parent removes those that a killed process of this host left (and puts back an old result that a
kill between the two renames left aside), never those of a process still running. Folders are made
with ``os.mkdir``, so they get the permissions the umask allows (``tempfile.mkdtemp`` gave 0700).
"""

from __future__ import annotations

import ctypes
import errno
import json
import os
import re
import secrets
import shutil
import socket
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Callable, Iterator

KINDS = ("run", "compare", "sweep", "analysis", "validation", "game")
MARKER = ".netwerksim-result"
FOREIGN = "exists and is not a netwerksim result (bestaat al en is geen netwerksim-resultaat)"
_TEMP = re.compile(r"^\.(?P<name>.+)~netwerksim~(?P<host>[^~]*)~(?P<pid>\d+)~[0-9a-f]{8}\.(?P<role>new|old|probe)$")


class OutputError(Exception):
    """An output path netwerksim may not write or replace; the message names the path and what to do."""


def kind_of(folder: str | Path) -> str | None:
    """The kind the marker of a netwerksim result folder names; None for any other path."""
    try:
        data = json.loads((Path(folder) / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    kind = data.get("kind") if isinstance(data, dict) else None
    return kind if kind in KINDS else None


def check_out(out: str | Path, kind: str, *, option: str = "--out") -> Path:
    """``out`` as a Path when a ``kind`` result may be written there; an :class:`OutputError` saying why not.

    Nothing is written but a probe folder, made and removed at once, that shows the place is writable.
    """
    out = Path(out)
    where = f"{option} {out}"
    _refuse_protected(out, where)
    if out.is_symlink():
        raise OutputError(f"{where}: is a symbolic link; netwerksim writes a results folder and never replaces a "
                          f"link: choose another {option}")
    if out.exists():
        if not out.is_dir():
            raise OutputError(f"{where}: is an existing file; netwerksim writes a results folder and never replaces "
                              f"a file: choose another {option}")
        found = kind_of(out)
        if found is None and any(out.iterdir()):
            raise OutputError(f"{where}: {FOREIGN}; netwerksim replaces only its own result folders and empty "
                              f"folders, so nothing of yours is lost: choose another {option}, or empty or remove "
                              "the folder yourself")
        if found is not None and found != kind:
            raise OutputError(f"{where}: holds a netwerksim {found} result, not a {kind} result; choose another "
                              f"{option}, or remove the folder yourself")
    _probe(out, where)
    return out


def _refuse_protected(out: Path, where: str) -> None:
    """The working folder, its ancestors, the home folder and mount points are never results folders."""
    target = out.resolve()
    cwd = Path.cwd().resolve()
    if target == cwd or target in cwd.parents:
        raise OutputError(f"{where}: is the working folder or contains it; netwerksim never replaces it: choose a "
                          "new folder for the results, e.g. results/NAME")
    try:
        home = Path.home().resolve()
    except RuntimeError:   # no home folder known
        home = None
    if target == home:
        raise OutputError(f"{where}: is your home folder; netwerksim never replaces it: choose a new folder")
    if os.path.ismount(target):
        raise OutputError(f"{where}: is a mount point; netwerksim never replaces it: choose a folder inside it")


def _probe(out: Path, where: str) -> None:
    """Make and remove a folder in the nearest existing folder above ``out``: refuse what cannot be written."""
    above = out.absolute().parent
    while not above.exists() and above != above.parent:
        above = above.parent
    if not above.is_dir():
        raise OutputError(f"{where}: {above} is a file, not a folder; choose another place for the results")
    probe = above / _temp_name(out.name, "probe")
    try:
        os.mkdir(probe)
        os.rmdir(probe)
    except OSError as exc:
        raise OutputError(f"{where}: cannot write in {above} ({exc.strerror}); choose a folder you can write "
                          "to") from None


@contextmanager
def result_folder(out: str | Path, kind: str) -> Iterator[Path]:
    """Yield a new, marked temporary folder beside ``out``; when the block ends well, swap it in as ``out``.

    ``out`` is checked first (:func:`check_out`) and again just before the swap (the block may run
    for hours). A failure or an interrupt removes the temporary folder and leaves ``out`` as it was.
    """
    if kind not in KINDS:
        raise ValueError(f"kind {kind!r}; allowed: {KINDS}")
    out = check_out(out, kind)
    out.parent.mkdir(parents=True, exist_ok=True)
    clean_leftovers(out.parent)
    tmp = _make_temp(out, "new")
    try:
        (tmp / MARKER).write_text(json.dumps({"kind": kind, "format": 1}) + "\n", encoding="utf-8")
        yield tmp
        check_out(out, kind)
        _swap_in(tmp, out)
    except BaseException:
        with suppress(OSError):
            _remove_own(tmp)
        raise


def _own(path: Path) -> bool:
    """Whether netwerksim may remove ``path``: a real folder (no link) that carries the marker, or an empty one."""
    if path.is_symlink() or not path.is_dir():
        return False
    return _marked(path) or not any(path.iterdir())


def _marked(path: Path) -> bool:
    """The folder carries netwerksim's marker as a file of its own (a link to a marker elsewhere does not count)."""
    return not (path / MARKER).is_symlink() and kind_of(path) is not None


def _remove_own(path: Path) -> bool:
    """Remove ``path`` if netwerksim made it (:func:`_own`), else leave it; the one place that removes a tree.

    Only a folder under netwerksim's private temporary name (:data:`_TEMP`: results are moved there before they
    are removed) is ever removed, so a user's folder, even a result folder they copied, cannot be named here.
    Only one with the marker goes as a tree; an unmarked one only with ``os.rmdir``, which refuses if anything
    was put into it after the check, so a file of someone else's can never be swept along."""
    if not _TEMP.match(path.name) or not _own(path):
        return False
    if not _marked(path):
        try:
            os.rmdir(path)
        except OSError:
            return False
        return True
    shutil.rmtree(path)
    return True


def _swap_in(new: Path, out: Path) -> None:
    """Put ``new`` in the place of ``out``; at every moment the old or the new result is complete on disk.

    What was at ``out`` is removed only once it is under a private name and still netwerksim's own: a folder
    of someone else's that took its place after the last check is put back, and the write refused."""
    if not os.path.lexists(out):
        os.rename(new, out)   # fails if a non-empty folder appeared meanwhile: nothing is lost
    elif exchange(new, out):
        if not _own(new):     # the old one, now under the temporary name
            exchange(new, out)
            raise OutputError(f"{out}: {FOREIGN} (it took the place of the result while netwerksim ran); "
                              "nothing of it was changed")
        _remove_own(new)
    else:
        aside = _make_temp(out, "old", make=False)
        os.rename(out, aside)
        if not _own(aside):
            os.rename(aside, out)
            raise OutputError(f"{out}: {FOREIGN} (it took the place of the result while netwerksim ran); "
                              "nothing of it was changed")
        try:
            os.rename(new, out)
        except BaseException:
            os.rename(aside, out)   # a kill right here is mended by the next clean_leftovers
            raise
        _remove_own(aside)


def exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step (Linux ``renameat2(RENAME_EXCHANGE)``); False where the system cannot."""
    renameat2 = getattr(_libc(), "renameat2", None)
    if renameat2 is None:
        return False
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP):   # a kernel or file system without it
        return False
    raise OSError(err, os.strerror(err), str(b))


def _libc():
    try:
        return ctypes.CDLL(None, use_errno=True)
    except OSError:
        return None


def clean_leftovers(parent: str | Path) -> list[Path]:
    """Remove the temporary folders that killed netwerksim processes of this host left in ``parent``.

    An old result left aside by a kill between the two renames of :func:`_swap_in` goes back to its
    place when that is still empty. Folders of processes still running stay. Returns what was removed.
    """
    removed = []
    host = _host()
    try:
        entries = list(os.scandir(parent))
    except OSError:
        return removed
    for entry in entries:
        m = _TEMP.match(entry.name)
        if not m or m["host"] != host or _alive(int(m["pid"])) or not entry.is_dir(follow_symlinks=False):
            continue
        path, home = Path(entry.path), Path(parent) / m["name"]
        if m["role"] == "old" and not os.path.lexists(home):
            os.rename(path, home)
            continue
        with suppress(OSError):
            if _remove_own(path):   # a folder of netwerksim's naming that is not its own stays
                removed.append(path)
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:   # PermissionError: alive, another user's
        return True
    return True


def _host() -> str:
    return re.sub(r"[~/\s]", "_", socket.gethostname())


def _temp_name(name: str, role: str) -> str:
    return f".{name}~netwerksim~{_host()}~{os.getpid()}~{secrets.token_hex(4)}.{role}"


def _make_temp(out: Path, role: str, *, make: bool = True) -> Path:
    """A fresh temporary path beside ``out``; made as a folder (umask permissions) unless ``make`` is False."""
    while True:
        path = out.parent / _temp_name(out.name, role)
        if not make:
            if not os.path.lexists(path):
                return path
            continue
        try:
            os.mkdir(path)
            return path
        except FileExistsError:
            continue


def fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomic(path: Path, write: Callable[[Path], object]) -> None:
    """``write(tmp)`` into a hidden temporary file beside ``path``, fsync it, rename it into place, fsync the folder.

    The temporary file is ``.<name>.tmp`` (:func:`temporary_file`): a resumed sweep removes only those of its own files.
    """
    tmp = temporary_file(path)
    try:
        write(tmp)
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fsync_dir(path.parent)


def temporary_file(path: Path) -> Path:
    """Where :func:`write_atomic` writes ``path`` before renaming it into place."""
    return path.with_name(f".{path.name}.tmp")


def write_new(path: Path, text: str, error: type[Exception], command: str, label: str = "") -> None:
    """Write ``text`` to ``path``, which must not exist: a user's file is never replaced, not even one that
    appears while writing (the file is linked in, which fails if the name is taken). ``error`` carries the
    message, starting with ``label`` (e.g. "--out: ")."""
    if path.exists() or path.is_symlink():
        raise error(f"{label}{path} already exists; {command} never replaces a file, choose another name")
    if not path.parent.is_dir():
        raise error(f"{label}folder {path.parent} does not exist")
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    try:
        tmp.write_text(text, encoding="utf-8")
        os.link(tmp, path)
    except FileExistsError:
        raise error(f"{label}{path} already exists; {command} never replaces a file") from None
    except OSError as exc:
        raise error(f"{label}cannot write {path} ({exc.strerror})") from None
    finally:
        tmp.unlink(missing_ok=True)
