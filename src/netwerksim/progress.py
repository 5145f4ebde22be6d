"""Progress on stderr wherever a command runs: a tqdm bar on a terminal, plain lines everywhere else.

Off a terminal (nohup, a pipe, a SLURM log) tqdm's bar is hidden, which left a sweep silent for
minutes (issue 18). There a line ``name: 120/5000 runs (2.4%), 3.1 runs/s, about 26 min left`` is
written when something finished and at least ``interval`` seconds (default 30; the environment
variable ``NETWERKSIM_PROGRESS_SECONDS`` sets it) have passed, and by a timer at least that often
while nothing finishes, so a log never goes quiet for longer than the interval.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from typing import TextIO

INTERVAL_VARIABLE = "NETWERKSIM_PROGRESS_SECONDS"
DEFAULT_INTERVAL = 30.0


def interval() -> float:
    """Seconds between progress lines off a terminal: ``NETWERKSIM_PROGRESS_SECONDS`` or 30."""
    try:
        value = float(os.environ.get(INTERVAL_VARIABLE, DEFAULT_INTERVAL))
    except ValueError:
        return DEFAULT_INTERVAL
    return value if value > 0 else DEFAULT_INTERVAL


def _duration(seconds: float) -> str:
    if seconds < 90:
        return f"{seconds:.0f} s"
    if seconds < 90 * 60:
        return f"{seconds / 60:.0f} min"
    return f"{seconds / 3600:.1f} h"


class Progress:
    """Count finished units of work and show it: ``with Progress(total, desc, unit) as p: p.update()``.

    ``enabled``: None shows a bar on a terminal and lines elsewhere; True the same; False shows nothing.
    ``initial`` counts work already done before (a resumed sweep); the rate is of this session's work.
    """

    def __init__(self, total: int, desc: str = "", unit: str = "run", *, initial: int = 0,
                 enabled: bool | None = None, stream: TextIO | None = None, seconds: float | None = None):
        self.total, self.desc, self.unit = total, desc, unit
        self.done = self.initial = initial
        self.stream = stream if stream is not None else sys.stderr
        self.seconds = interval() if seconds is None else seconds
        self.enabled = enabled is not False
        self._bar = None
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._timer: threading.Thread | None = None
        self._start = self._last = time.monotonic()

    def __enter__(self) -> "Progress":
        if not self.enabled:
            return self
        if _is_terminal(self.stream):
            from tqdm import tqdm  # noqa: PLC0415 (only on a terminal)

            self._bar = tqdm(total=self.total, initial=self.initial, desc=self.desc, unit=self.unit, file=self.stream,
                             smoothing=0.05)
        else:
            self._timer = threading.Thread(target=self._tick, daemon=True, name="netwerksim-progress")
            self._timer.start()
        return self

    def update(self, n: int = 1) -> None:
        with self._lock:
            self.done += n
            if self._bar is not None:
                self._bar.update(n)
            elif self.enabled and time.monotonic() - self._last >= self.seconds:
                self._line()

    def line(self) -> str:
        """The progress line as it would be written now."""
        elapsed = time.monotonic() - self._start
        new = self.done - self.initial
        share = f" ({100 * self.done / self.total:.1f}%)" if self.total else ""
        text = f"{self.desc + ': ' if self.desc else ''}{self.done}/{self.total} {self.unit}s{share}"
        if new > 0 and elapsed > 0:
            rate = new / elapsed
            text += f", {rate:.3g} {self.unit}s/s" if rate >= 1 else f", {rate * 60:.3g} {self.unit}s/min"
            text += f", about {_duration((self.total - self.done) / rate)} left"
        else:
            text += f", {_duration(elapsed)} running, none finished yet"
        return text

    def _line(self) -> None:
        self._last = time.monotonic()
        print(self.line(), file=self.stream, flush=True)

    def _tick(self) -> None:
        while not self._stop.wait(max(0.05, self.seconds - (time.monotonic() - self._last))):
            with self._lock:
                if time.monotonic() - self._last >= self.seconds:
                    self._line()

    def __exit__(self, *exc) -> None:
        self._stop.set()
        if self._timer is not None:
            self._timer.join()
            with self._lock:
                if self.done > self.initial and exc[0] is None:
                    self._line()   # the last line: how it ended
        if self._bar is not None:
            self._bar.close()


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
