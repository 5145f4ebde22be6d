"""The play loop of the workshop app: a thread that steps the model one week per frame and hands each week
to the page, never more than one frame ahead of the screen.

Why this shape (research note ``solara_app.md`` §1): a state change from a thread renders the page in the
thread that sets it, or, while another thread renders, in that other thread; a loop that keeps setting state
faster than the page renders captures the thread that handles the browser's clicks, so clicks queue unread.
Here the loop waits until the page has drawn the week it was given before it steps the next one: the server
has rendered it (the page calls :meth:`Player.rendered` from an effect, which runs after a render) and the
browser has put it on screen (it answers with :meth:`Player.drawn`; ``widgets.LiveFrame``). At most one frame
is outstanding, the model never runs more than one week ahead of what the room sees, a slow browser slows the
play instead of falling behind it, and a click is read between two frames. Pause is an Event that the
click sets before anything else; the loop looks at it before every week, so a pause takes effect within the
week on screen. The thread is a daemon and also ends when the browser tab's kernel closes or no browser is
connected any more (issue 12 item 4).
"""

from __future__ import annotations

import threading
import time
from typing import Callable

MIN_SPEED, MAX_SPEED = 1, 10     # weeks per second, the speed slider's range
POLL_S = 0.1                     # how often a waiting loop looks whether it should end
ACK_TIMEOUT_S = 10.0             # a browser silent this long is not waited for (then one week per ACK_TIMEOUT_S)
MIN_GAP_S = 0.02                 # after a frame is drawn, time left for clicks before the next week

FINISHED, PAUSE_AT, DISCONNECTED = "finished", "pause_at", "disconnected"


class Player:
    """Plays one Session: :meth:`start` and :meth:`stop` from the page, :meth:`drawn` after each frame."""

    def __init__(self, session):
        self.session = session
        self.speed = 4                    # weeks per second; read every frame, so a change acts at once
        self.pause_at: int | None = None  # stop after stepping to this week (the trainer's "pause at week N")
        self._stop = threading.Event()
        self._stop.set()
        self._rendered = threading.Event()
        self._drawn = threading.Event()
        self._shown = -1                  # the last week handed to the page
        self._thread: threading.Thread | None = None

    @property
    def playing(self) -> bool:
        return not self._stop.is_set()

    def start(self, show: Callable[[int], None], done: Callable[[str], None], *, browser: bool = False,
              closed: threading.Event | None = None, connected: Callable[[], bool] = lambda: True) -> None:
        """Play from the current week in a new thread.

        ``show(week)`` is called after each week stepped (it sets the page's state); ``done(reason)`` when the
        loop ends by itself: FINISHED (the horizon), PAUSE_AT (the week asked for) or DISCONNECTED (no browser
        connected). ``browser``: wait for the browser's :meth:`drawn` too, not only for the server's render.
        ``closed`` (the kernel's closed event) ends the loop without a word."""
        self.stop()
        previous = self._thread
        stop = self._stop = threading.Event()
        closed = closed or threading.Event()
        self._rendered.set()              # nothing outstanding yet
        self._drawn.set()

        def run():
            if previous is not None:
                previous.join()           # the last loop finishes its week first: never two loops on one model
            reason = self._loop(stop, closed, connected, show, browser)
            stop.set()
            if reason is not None:
                done(reason)

        self._thread = threading.Thread(target=run, name="netwerksim-play", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop after the week being stepped, if any; returns at once."""
        self._stop.set()

    def rendered(self) -> None:
        """The server has rendered the page with the last week it was handed."""
        self._rendered.set()

    def drawn(self, week: int) -> None:
        """The browser shows ``week`` (an answer about an earlier week is ignored)."""
        if week >= self._shown:
            self._drawn.set()

    def join(self, timeout: float | None = None) -> bool:
        """Wait for the loop's thread to end; True if it has (tests, shutdown)."""
        if self._thread is not None:
            self._thread.join(timeout)
        return self._thread is None or not self._thread.is_alive()

    def _loop(self, stop: threading.Event, closed: threading.Event, connected: Callable[[], bool],
              show: Callable[[int], None], browser: bool) -> str | None:
        session, generation = self.session, self.session.generation
        due = time.monotonic()
        while True:
            while not self._rendered.wait(POLL_S):        # the server has not rendered the last week yet
                if stop.is_set() or closed.is_set():
                    return None
            asked = time.monotonic()
            while browser and not self._drawn.wait(POLL_S) and time.monotonic() - asked < ACK_TIMEOUT_S:
                if stop.is_set() or closed.is_set():      # ... nor has the browser shown it
                    return None
            due = max(due, time.monotonic() + MIN_GAP_S)
            while not stop.wait(min(POLL_S, max(0.0, due - time.monotonic()))):
                if closed.is_set():
                    return None
                if not connected():
                    return DISCONNECTED
                if time.monotonic() >= due:
                    break
            else:
                return None                                # paused
            with session.lock:
                if stop.is_set() or session.generation != generation:
                    return None                            # paused or reset while we waited for the lock
                if not session.step():
                    return FINISHED
                week = session.week
            self._shown = week
            self._rendered.clear()
            self._drawn.clear()
            show(week)
            due += 1.0 / min(max(self.speed, MIN_SPEED), MAX_SPEED)
            if week == self.pause_at:
                return PAUSE_AT
