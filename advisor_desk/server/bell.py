"""The in-process bell long-polling feed readers wait on: rung after every commit that moved the feed.

A commit hook (:mod:`advisor_desk.server.feed`) rings it from whatever thread committed; each waiting
request (an ``asyncio`` task) is woken on its own event loop at once, so a change reaches the
workstations waiting on this worker without any polling. Other workers of a multi-process deployment
are not rung: their waiters still look at the feed counter every ``feed_poll_seconds`` (the fallback).
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

    def ring(self) -> None:
        with self._lock:
            self.rung += 1
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
