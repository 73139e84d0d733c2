"""A desk in a process of its own, for the crash-point tests: the real cache, client and engine.

    python crash_driver.py SERVER_URL CACHE_PATH USERNAME POINT

``POINT`` says where this process stops to be killed (it prints ``AT <point>`` and sleeps):

- ``local_commit``: three notes and a grant written to the cache (with their outbox entries),
  nothing sent yet
- ``send`` / ``server_commit``: the sync is under way; the test's proxy holds the request (``stall``)
  or the answer (``hold``) and the test kills this process there
- ``answer_received``: the push's answer is in hand, not yet recorded in the cache
- ``local_ack``: the answer is recorded (outbox entries confirmed), the pull not started
- ``finish``: no actions; sync until the outbox is empty, print ``DONE``

The engine is the product's, untouched; the driver only wraps the cache it is given, to stop at
"answer received" and "local acknowledgement" (the engine has no hook there).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

from advisor_desk.cache.store import LocalCache
from advisor_desk.sync.client import ApiClient
from advisor_desk.sync.engine import SyncEngine

TARGET = ("c-north-1", "c-north-1-case")


def stop_at(point: str) -> None:
    print(f"AT {point}", flush=True)
    time.sleep(120)  # the test kills us here
    raise SystemExit(f"not killed at {point}")


class StoppingCache:
    """The real cache, stopping before or after recording a push's results."""

    def __init__(self, cache: LocalCache, point: str) -> None:
        self._cache = cache
        self._point = point

    def record_results(self, results: list[dict[str, Any]]) -> Any:
        if self._point == "answer_received":
            stop_at("answer_received")
        done = self._cache.record_results(results)
        if self._point == "local_ack":
            stop_at("local_ack")
        return done

    def __getattr__(self, name: str) -> Any:
        return getattr(self._cache, name)


def main(url: str, path: str, username: str, point: str) -> int:
    cache = LocalCache.open(Path(path))
    client = ApiClient(url, timeout=(2, 30))
    client.login(username, "pw")
    if point == "finish":
        engine = SyncEngine(cache, client, long_poll_wait=0)
        for _ in range(20):
            report = engine.sync_once()
            if report.ok and cache.outbox_counts()[0] == 0:
                print("DONE", flush=True)
                return 0
            time.sleep(0.3)
        print(f"NOT DONE {cache.outbox_counts()}", flush=True)
        return 1
    engine = SyncEngine(cache, client, long_poll_wait=0)
    assert engine.sync_once().ok  # the cache knows its user, envelope and customers
    user = cache.current_user()
    assert user is not None
    for n in range(3):
        cache.add_note(*TARGET, f"crash-{point}-{n}", user)
    cache.grant_gesture(user, *TARGET, "voucher", 300, "EUR", "late_delivery", f"crash-{point}")
    print("WRITTEN", flush=True)
    if point == "local_commit":
        stop_at("local_commit")
    engine.cache = StoppingCache(cache, point)  # type: ignore[assignment]
    print("SYNCING", flush=True)
    engine.sync_once()
    stop_at(point)
    return 1


if __name__ == "__main__":
    raise SystemExit(main(*sys.argv[1:5]))
