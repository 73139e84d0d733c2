"""The workstation's retention purge: idle customers older than the window go, with their search rows;
customers with an open case, recent activity or pending outbox actions stay; held exits are released."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from advisor_desk.cache import retention
from advisor_desk.cache.store import LocalCache
from advisor_desk.domain import model
from advisor_desk.domain.channels import Channel
from advisor_desk.domain.wire import entity_id, entity_kind, to_wire

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
ADVISOR = model.User("u-alice", "alice", "Alice Martin", model.Role.ADVISOR, "north", "Europe/Paris")


def _feed(cache: LocalCache, *objects: object) -> None:
    cache.apply_page(
        [
            {
                "cursor": "1",
                "entity": entity_kind(o).value,
                "op": "upsert",
                "id": entity_id(o),
                "data": to_wire(o),
            }
            for o in objects
        ],
        "1",
    )


def _customer(cid: str, last: str, days_ago: int, status: model.CaseStatus) -> list[object]:
    at = NOW - timedelta(days=days_ago)
    return [
        model.Customer(cid, "Ann", last, emails=(f"{cid}@example.com",), team="north", updated_at=at),
        model.Case(
            f"{cid}-case",
            cid,
            model.CaseKind.COMPLAINT,
            model.ComplaintCategory.LATE_DELIVERY,
            status,
            Channel.EMAIL,
            "Late parcel",
            at,
            "north",
            updated_at=at,
        ),
        model.Interaction(
            f"{cid}-i", cid, Channel.EMAIL, model.Direction.INBOUND, at, "where is it", f"{cid}-case"
        ),
    ]


def _ids(cache: LocalCache) -> set[str]:
    with cache._read() as conn:
        return {r[0] for r in conn.exec_driver_sql("SELECT id FROM customers")}


def test_purge_removes_idle_customers_and_keeps_open_recent_and_pending(tmp_path: Path) -> None:
    cache = LocalCache.open(tmp_path / "c.sqlite3", clock=lambda: NOW)
    try:
        _feed(
            cache,
            *_customer("idle", "Oldclosed", 90, model.CaseStatus.CLOSED),
            *_customer("open", "Stillopen", 90, model.CaseStatus.IN_PROGRESS),
            *_customer("recent", "Recentclosed", 5, model.CaseStatus.CLOSED),
            *_customer("pending", "Waiting", 90, model.CaseStatus.CLOSED),
        )
        cache.add_note("pending", "pending-case", "called, no answer", ADVISOR)
        assert [h.customer.id for h in cache.search_customers("Oldclosed")] == ["idle"]
        report = retention.purge(cache, NOW, 30)
        assert report.expired == 1
        assert _ids(cache) == {"open", "recent", "pending"}
        assert cache.search_customers("Oldclosed") == []
        assert cache.timeline("idle") is None
        # The outbox was not touched.
        assert [e.kind for e in cache.pending_mutations()] == ["note"]
        # A longer window keeps everything that is left; a shorter one takes the recent one too.
        assert retention.purge(cache, NOW, 365).expired == 0
        assert retention.purge(cache, NOW, 1).expired == 1
        assert _ids(cache) == {"open", "pending"}
    finally:
        cache.close()


def test_held_exit_is_released_once_the_outbox_is_answered(tmp_path: Path) -> None:
    cache = LocalCache.open(tmp_path / "c.sqlite3", clock=lambda: NOW)
    try:
        _feed(cache, *_customer("leaving", "Leaving", 1, model.CaseStatus.CLOSED))
        cache.add_note("leaving", "leaving-case", "note", ADVISOR)
        page = [{"cursor": "2", "entity": "customer", "op": "delete", "id": "leaving", "data": None}]
        kept = retention.hold_back(cache, page)
        assert kept == []
        cache.apply_page(kept, "2")
        assert "leaving" in _ids(cache)
        assert retention.due(cache, NOW)
        assert retention.purge(cache, NOW, 30).still_held == 1
        assert "leaving" in _ids(cache), "still waiting for the centre's answer"
        entry = cache.pending_mutations()[0]
        cache.record_results([{"id": entry.id, "status": "applied", "reason": None, "data": None}])
        report = retention.purge(cache, NOW, 30)
        assert (report.released, report.still_held) == (1, 0)
        assert _ids(cache) == set()
        assert retention.held_customers(cache) == set()
        # A deletion with nothing pending goes straight through.
        assert retention.hold_back(cache, page) == page
    finally:
        cache.close()
