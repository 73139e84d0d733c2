"""The in-process bell long-polling feed readers wait on: rung after every commit that moved the feed.

A commit hook (:mod:`advisor_desk.server.feed`) rings it from whatever thread committed, with the
feed position it reached; each waiting request (an ``asyncio`` task) is woken on its own event loop at
once, so a change reaches the workstations waiting on this worker without any polling. Commits of
other server processes do not ring it: for them one waiter per process and per ``feed_poll_seconds``
looks at the feed counter (:meth:`FeedBell.claim_poll`) and rings the bell when it moved past what
this process last heard — one small query per interval, however many workstations wait.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading


class FeedBell:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._waiters: set[tuple[asyncio.AbstractEventLoop, asyncio.Event]] = set()
        self.rung = 0
        #: The highest feed position this process heard of (its commits, or the shared poll).
        self.top = 0
        self._next_poll = 0.0

    def claim_poll(self, now: float, interval: float) -> bool:
        """True for the one caller that should look at the feed counter now (others wait)."""
        with self._lock:
            if now < self._next_poll:
                return False
            self._next_poll = now + interval
            return True

    def heard(self, top: int) -> bool:
        """A polled counter value: rings when it is past what this process knew. True when rung."""
        with self._lock:
            if top <= self.top:
                return False
        self.ring(top)
        return True

    def ring(self, top: int = 0) -> None:
        with self._lock:
            self.rung += 1
            self.top = max(self.top, top)
            waiters = list(self._waiters)
        for loop, event in waiters:
            # A loop that closed meanwhile has nobody left to wake.
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(event.set)

    async def wait(self, timeout: float) -> bool:
        """Wait until the next ring or ``timeout`` seconds; True when rung."""
        entry = (asyncio.get_running_loop(), asyncio.Event())
        with self._lock:
            self._waiters.add(entry)
        try:
            await asyncio.wait_for(entry[1].wait(), max(timeout, 0.0))
        except TimeoutError:
            return False
        finally:
            with self._lock:
                self._waiters.discard(entry)
        return True

    @property
    def waiting(self) -> int:
        with self._lock:
            return len(self._waiters)


#: One per process: commits ring it whatever database or app they belong to (a waiter re-reads).
BELL = FeedBell()
