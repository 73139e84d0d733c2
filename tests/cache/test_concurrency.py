"""The UI reads while the sync thread writes and the advisor acts: nobody waits on an error."""

from __future__ import annotations

import threading
from pathlib import Path

from cache_builders import ADVISOR, Clock, change, customer, interaction, open_desk

from advisor_desk.cache.store import LocalCache


def test_readers_and_writers_side_by_side(tmp_path: Path) -> None:
    desk = open_desk(tmp_path / "desk.cache.sqlite3", Clock())
    cache = desk.cache
    errors: list[BaseException] = []
    stop = threading.Event()

    def guard(work):  # type: ignore[no-untyped-def]
        def run() -> None:
            try:
                work()
            except BaseException as exc:  # noqa: BLE001 - reported by the test below
                errors.append(exc)
                stop.set()

        return run

    def sync_thread() -> None:
        for page in range(30):
            objs = [customer(1000 + page * 20 + n) for n in range(20)]
            objs += [interaction(5000 + page * 20 + n, o.id) for n, o in enumerate(objs)]
            cache.apply_page([change(o) for o in objs], str(page + 2))

    def advisor_thread() -> None:
        for n in range(40):
            cache.add_note("cust-1", "case-1", f"note {n}", ADVISOR)
            if n % 4 == 0:
                cache.grant_gesture(ADVISOR, "cust-1", None, "voucher", 10, "EUR", "other", "geste")

    def ui_thread() -> None:
        while not stop.is_set():
            cache.search_customers("nom10")
            cache.work_queue(ADVISOR.id, ADVISOR.team, desk.clock.now)
            cache.timeline("cust-1")
            cache.outbox_counts()

    writers = [threading.Thread(target=guard(sync_thread)), threading.Thread(target=guard(advisor_thread))]
    reader = threading.Thread(target=guard(ui_thread))
    reader.start()
    for t in writers:
        t.start()
    for t in writers:
        t.join(timeout=120)
    stop.set()
    reader.join(timeout=30)
    assert errors == []
    assert cache.cursor() == "31"
    assert cache.stats()["rows"]["customers"] == 601
    assert cache.outbox_counts() == (50, 0, 0)
    assert cache.integrity_check() == "ok"
    cache.close()


def test_two_caches_share_one_file(tmp_path: Path) -> None:
    """Two openers of one file (the desk and ``advisor-desk sync`` do this): each sees the other's writes."""
    path = tmp_path / "desk.cache.sqlite3"
    desk = open_desk(path, Clock())
    other = LocalCache.open(path, clock=desk.clock)
    try:
        desk.cache.add_note("cust-1", None, "depuis le bureau", ADVISOR)
        assert [e.payload["text"] for e in other.pending_mutations()] == ["depuis le bureau"]
        other.apply_page([change(customer(2, last_name="Nouveau"))], "2")
        assert [h.customer.id for h in desk.cache.search_customers("nouveau")] == ["cust-2"]
    finally:
        other.close()
        desk.cache.close()
