"""Several caches opened at once from several threads, each on its own file, all come up whole.

Alembic keeps its migration context in one process-wide place: two threads migrating two different
files at the same moment used to run each other's steps ("table customers already exists"). The
desk opens a cache per server and user, and the sync thread may open one while the UI opens another.
"""

from __future__ import annotations

import threading
from pathlib import Path

from advisor_desk.cache.store import LocalCache, schema_revision

THREADS = 4
ROUNDS = 3  # new files each round: every open runs the whole migration chain


def _open_all_at_once(folder: Path) -> tuple[list[LocalCache], list[BaseException]]:
    barrier = threading.Barrier(THREADS)
    opened: list[LocalCache] = []
    errors: list[BaseException] = []
    guard = threading.Lock()

    def open_one(n: int) -> None:
        barrier.wait()
        try:
            cache = LocalCache.open(folder / f"desk-{n}.cache.sqlite3")
        except BaseException as exc:  # collected: the test shows every failure, not the first
            with guard:
                errors.append(exc)
            return
        with guard:
            opened.append(cache)

    threads = [threading.Thread(target=open_one, args=(n,)) for n in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(t.is_alive() for t in threads), "an open never returned"
    return opened, errors


def test_four_caches_opened_in_four_threads_all_migrate_and_work(tmp_path: Path) -> None:
    for round_ in range(ROUNDS):
        folder = tmp_path / f"round-{round_}"
        opened, errors = _open_all_at_once(folder)
        try:
            assert errors == [], errors
            assert len(opened) == THREADS
            workstations = set()
            for cache in opened:
                assert schema_revision(cache._writer) is not None
                assert cache.integrity_check() == "ok"
                cache.set_meta("opened_in_round", str(round_))
                assert cache.meta("opened_in_round") == str(round_)
                workstations.add(cache.workstation_id)
            assert len(workstations) == THREADS  # each file its own cache, none written twice
        finally:
            for cache in opened:
                cache.close()
