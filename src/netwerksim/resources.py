"""What a run will cost, known before anything is built: memory and time estimated from a scenario's sizes.

:func:`sizes` counts from the validated scenario alone what :func:`state.build_state` will allocate:
organisations, professionals, forums, forum seats (memberships), the pairs of professionals of
different organisations that share a forum (incidences; every tie has at least one), and the
organisation rows the run records. A generated group counts with its expected numbers
(``Distribution.mean_and_sd``). :func:`estimate` turns the sizes into bytes and seconds with
coefficients measured by ``benchmarks/bench_memory.py`` (peak RSS of a real ``netwerksim run`` above
that of the smallest scenario; see the README's table), rounded up, so the estimate errs on the high
side. :func:`guard` refuses a scenario whose estimate exceeds the limit: the memory available now
(psutil, else /proc/meminfo ``MemAvailable``, and a cgroup's limit where one is set), or the value of
``--max-memory`` / ``NETWERKSIM_MAX_MEMORY``. Comparisons and sweeps multiply the per-run figures by
the runs in parallel (:func:`guard_runs`); a sweep's design is sized before it is built.
"""

from __future__ import annotations

import math
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .scenario import ScenarioError, field_range

if TYPE_CHECKING:
    from .scenario import Scenario

LIMIT_VARIABLE = "NETWERKSIM_MAX_MEMORY"
_UNITS = {"": 1, "K": 2**10, "M": 2**20, "G": 2**30, "T": 2**40}


class ResourceError(ScenarioError):
    """A scenario, comparison or sweep that would need more memory than the limit; the message says how much."""


@dataclass(frozen=True)
class Sizes:
    """Counts a run of a scenario allocates (expected counts for generated groups)."""

    organisations: float
    professionals: float
    issues: int
    forums: float
    memberships: float
    incidences: float     # pairs of professionals of different organisations at the same forum (>= ties)
    weeks: int
    records: float        # organisation frames kept: organisations x recorded weeks (meta.record_every)
    organisation_weeks: float   # organisations x weeks: the DataCollector keeps every organisation every week


# Bytes and CPU seconds per unit of each size: non-negative least squares (relative error) on the cases of
# benchmarks/bench_memory.py (memory: the 15 cases that vary one size at a time; time: all 28), times 1.3
# for memory and 1.5 for time, so the estimate errs on the high side. Forums and their seats could not be
# told apart (two seats per forum in the cases); seats get 200 bytes of arrays and build lists, times 1.3.
# The state lives for the whole run; the build's temporaries (per pair meeting at a forum) are gone before
# the records pile up, so the peak is the state plus the larger of the two. Mesa's DataCollector keeps
# every organisation every week (organisation_weeks), the run's own frames only every record_every weeks.
BYTES = {"base": 16e6, "organisations": 1_260, "professionals": 350, "forums": 600, "memberships": 260,
         "incidences": 130, "organisation_issues": 71, "build_incidences": 75, "records": 480,
         "organisation_weeks": 590, "weeks": 21_000, "issue_weeks": 300}
# A week's row of network indicators has four columns per issue (progress_, ideas_, experiments_, understood_);
# the cases had 3 issues, so "weeks" holds those of 3 issues. Every further issue: 178 bytes a week in the row's
# dict and numbers (tests/test_resources.py, 300 issues), 32 in the final frame's four float64 columns, times 1.3,
# rounded up: "issue_weeks".
MEASURED_ISSUES = 3
SECONDS = {"base": 0.01, "organisations": 2.7e-5, "professionals": 7.4e-6, "forums": 5.6e-5, "incidences": 5e-7,
           "weeks": 0.0036, "weekly_organisations": 1.35e-5, "weekly_incidences": 4.3e-8, "weekly_forums": 1.1e-5,
           "weekly_organisation_issues": 9e-8}


# The attribution of a dip (explain.py) replays the run beside it and branches from the replay: up to three
# models at once, and at most explain.BUDGET = 3 times the run's weeks more for the chain's branches, plus the two
# branches of the causes besides the chain, each at most the run's weeks (tests/test_resources.py checks).
EXPLAIN_COPIES = 3
EXPLAIN_WEEKS = 6


@dataclass(frozen=True)
class Estimate:
    """Memory (bytes above the interpreter's own) and time (seconds) one run needs, and the sizes behind them."""

    sizes: Sizes
    bytes: float
    seconds: float

    def text(self) -> str:
        """``about 120 MB and 3 s (7 organisations, 98 professionals, ...)``."""
        return f"about {human_bytes(self.bytes)} and {human_seconds(self.seconds)} ({self.sizes_text()})"

    def sizes_text(self) -> str:
        s = self.sizes
        return (f"{_count(s.organisations)} organisations, {_count(s.professionals)} professionals, "
                f"{_count(s.memberships)} forum seats, {_count(s.incidences)} pairs meeting at forums, {s.weeks} weeks")


def sizes(s: "Scenario", steps: int | None = None) -> Sizes:
    """What :func:`state.build_state` and the run will hold, counted without building anything."""
    steps = steps or s.meta.steps
    listed = [(o.kind, o.name, float(o.professionals)) for o in s.organisations]
    groups = s.organisation_groups
    organisations = len(listed) + sum(g.count for g in groups)
    professionals = sum(n for *_, n in listed) + sum(g.count * _expected_professionals(g) for g in groups)

    def seats(delegates: int, members: list[str], among: list[str] | None = None) -> tuple[float, float]:
        """Seats at a forum of these members (or of the organisation groups named ``among``) and the sum of
        squared delegations (same-organisation pairs)."""
        everyone = "all" in members and not among
        kinds = {m.removeprefix("kind:") for m in members if m.startswith("kind:")}
        names = set(members)
        seated = sq = 0.0
        for kind, name, n in ([] if among else listed):
            if everyone or kind in kinds or name in names:
                d = min(delegates, n)
                seated, sq = seated + d, sq + d * d
        for g in groups:
            if everyone or g.kind in kinds or g.name in (among or ()):
                d = _expected_seats(g, delegates)
                seated, sq = seated + g.count * d, sq + g.count * d * d
        return seated, sq

    memberships = incidences = 0.0
    for f in s.forums:
        seated, sq = seats(f.delegates, f.members)
        memberships += seated
        incidences += seated * seated - sq
    for g in s.forum_groups:
        per_org, sq = seats(g.delegates, ["all"], g.among)
        pool = sum(x.count for x in groups if x.name in g.among) if g.among else organisations
        size = min(g.organisations_per_forum, pool)
        mean_seats, mean_sq = per_org / max(pool, 1), sq / max(pool, 1)
        seated = size * mean_seats
        memberships += g.count * seated
        incidences += g.count * (seated * seated - size * mean_sq)
    forums = len(s.forums) + sum(g.count for g in s.forum_groups)
    records = organisations * (steps // s.meta.record_every + 1)
    return Sizes(organisations, professionals, len(s.issues), forums, memberships, incidences, steps, records,
                 organisations * (steps + 1))


def _expected_professionals(group) -> float:
    """Expected professionals of one generated organisation (drawn, rounded and clipped as state.py does;
    rounding adds no bias), plus three standard errors of the group's mean, so a group is rarely underestimated."""
    value = group.professionals
    if isinstance(value, int):
        return float(value)
    low, high = field_range("professionals")
    return min(high, value.clipped_mean(low, high) + 3 * value.spread() / math.sqrt(group.count))


def _expected_seats(group, delegates: int) -> float:
    """Expected professionals one generated organisation sends to a forum: E[min(delegates, professionals)]."""
    value = group.professionals
    if isinstance(value, int):
        return float(min(delegates, value))
    low, high = field_range("professionals")
    return value.clipped_mean(low, min(delegates, high))


def estimate(s: "Scenario", steps: int | None = None, *, mesa_data: bool = False, explain: bool = False) -> Estimate:
    """Peak memory above the interpreter's and CPU time of one run of ``s`` (``steps`` weeks): as ``run`` does it,
    with Mesa's DataCollector (``mesa_data``, ``NetwerkModel``'s default) and with the attribution of its dips
    (``explain``, what ``netwerksim run`` does unless ``--no-explain``)."""
    z = sizes(s, steps)
    b = BYTES
    state = (b["base"] + b["organisations"] * z.organisations + b["professionals"] * z.professionals
             + b["forums"] * z.forums + b["memberships"] * z.memberships + b["incidences"] * z.incidences
             + b["organisation_issues"] * z.organisations * z.issues)
    row = b["weeks"] + b["issue_weeks"] * max(z.issues - MEASURED_ISSUES, 0)
    records = b["records"] * z.records + row * z.weeks + mesa_data * b["organisation_weeks"] * z.organisation_weeks
    memory = state + max(b["build_incidences"] * z.incidences, records)
    if explain:
        memory = b["base"] + EXPLAIN_COPIES * (memory - b["base"])
    c = SECONDS
    weekly = (c["weeks"] + c["weekly_organisations"] * z.organisations + c["weekly_incidences"] * z.incidences
              + c["weekly_forums"] * z.forums + c["weekly_organisation_issues"] * z.organisations * z.issues)
    seconds = (c["base"] + c["organisations"] * z.organisations + c["professionals"] * z.professionals
               + c["forums"] * z.forums + c["incidences"] * z.incidences + z.weeks * weekly * (EXPLAIN_WEEKS if explain else 1))
    return Estimate(z, memory, seconds)


# --- the limit -------------------------------------------------------------------------------------------
def parse_size(text: str, where: str = "--max-memory") -> int:
    """``"8G"``, ``"512M"``, ``"1.5GB"``, ``"8GiB"`` or a number of bytes -> bytes (K, M, G, T: powers of 1024)."""
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([KMGT]?)(?:i?B)?\s*", str(text), flags=re.IGNORECASE)
    if not m or float(m.group(1)) <= 0:
        raise ResourceError(f"{where}: value {text!r} is not allowed; a size such as 8G, 512M or 1.5G "
                            "(K, M, G, T: powers of 1024; a plain number: bytes)")
    return int(float(m.group(1)) * _UNITS[m.group(2).upper()])


def available_memory() -> int | None:
    """Bytes of memory available now: psutil if installed, else /proc/meminfo; a cgroup's limit caps it."""
    found = _memory("available", "MemAvailable")
    room = _cgroup_room()
    if room is not None:
        found = room if found is None else min(found, room)
    return found


def _memory(psutil_field: str, meminfo_key: str) -> int | None:
    """A figure of psutil.virtual_memory(), or the same line of /proc/meminfo; None where neither exists."""
    try:
        import psutil  # noqa: PLC0415 (optional)

        return int(getattr(psutil.virtual_memory(), psutil_field))
    except ImportError:
        try:
            meminfo = Path("/proc/meminfo").read_text()
            return int(re.search(rf"^{meminfo_key}:\s+(\d+) kB", meminfo, re.M).group(1)) * 1024
        except (OSError, AttributeError):
            return None


def _cgroup_room() -> int | None:
    """What the cgroup (v2) this process runs in still allows, or None without a limit."""
    try:
        limit = Path("/sys/fs/cgroup/memory.max").read_text().strip()
        if limit == "max":
            return None
        return int(limit) - int(Path("/sys/fs/cgroup/memory.current").read_text())
    except (OSError, ValueError):
        return None


def memory_limit() -> tuple[int | None, str]:
    """The limit a run must fit in, and where it comes from (None: unknown, nothing is refused)."""
    given = os.environ.get(LIMIT_VARIABLE)
    if given:
        return parse_size(given, LIMIT_VARIABLE), f"--max-memory / {LIMIT_VARIABLE}"
    return available_memory(), "the memory available now"


def check_memory(need: float, claim: str) -> None:
    """Refuse when ``need`` bytes exceed the limit; ``claim`` ("<file>: a run needs about ...") starts the message."""
    limit, source = memory_limit()
    if limit is None or need <= limit:
        return
    smaller = ("make it smaller (fewer organisations, professionals, delegates, forum members or runs at once, "
               "or meta.record_every > 1)")
    total = _memory("total", "MemTotal")
    if total is not None and need > total:
        how = f"this machine has {human_bytes(total)} in all: {smaller}, or use a larger machine"
    else:
        how = f"{smaller}, or raise the limit with --max-memory {_suggest(need)} (swap makes it slow)"
    raise ResourceError(f"{claim}: more than the limit of {human_bytes(limit)} ({source}); {how}")


def guard(s: "Scenario", steps: int | None = None, where: str | None = None, *, mesa_data: bool = False,
          explain: bool = False) -> Estimate:
    """The estimate of one run of ``s`` (see :func:`estimate`); a :class:`ResourceError` if it does not fit the limit."""
    e = estimate(s, steps, mesa_data=mesa_data, explain=explain)
    plain = f"; --no-explain: about {human_bytes(estimate(s, steps).bytes)}" if explain else ""
    check_memory(e.bytes, f"{where or s.meta.name_en}: a run needs about {human_bytes(e.bytes)} of memory "
                          f"({e.sizes_text()}; about {human_seconds(e.seconds)}"
                          f"{', with the attribution of its dips' if explain else ''}{plain})")
    return e


def guard_runs(per_run: Estimate, runs: int, parallel: int, where: str, extra_bytes: float = 0.0) -> float:
    """Check ``runs`` runs, ``parallel`` at a time, against the limit; returns the estimated seconds."""
    parallel = max(1, min(parallel, runs))
    need = parallel * per_run.bytes + extra_bytes
    seconds = runs * per_run.seconds / parallel
    check_memory(need, f"{where}: {runs:,} runs, {parallel} at a time, need about {human_bytes(need)} of memory "
                       f"(one run {per_run.text()}; all runs about {human_seconds(seconds)})")
    return seconds


# --- how to say it -----------------------------------------------------------------------------------------
def human_bytes(n: float) -> str:
    for unit, size in (("TB", 2**40), ("GB", 2**30), ("MB", 2**20)):
        if n >= size:
            return f"{n / size:.3g} {unit}"
    return f"{max(n, 0) / 2**10:.3g} KB"


def human_seconds(s: float) -> str:
    if s < 60:
        return f"{s:.2g} s"
    if s < 3600:
        return f"{s / 60:.2g} min"
    if s < 86400 * 2:
        return f"{s / 3600:.2g} h"
    return f"{s / 86400:.3g} days"


def _count(x: float) -> str:
    return f"{x:,.0f}" if x < 1e6 else f"{x:.3g}"


def _suggest(need: float) -> str:
    gb = math.ceil(need * 1.1 / 2**30)
    return f"{gb}G"
