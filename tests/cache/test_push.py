"""The push side: the outbox in order, and every kind of answer the centre can give."""

from __future__ import annotations

from typing import Any

import pytest
from cache_builders import ADVISOR, NOW, Desk, case

from advisor_desk.cache.errors import CacheError
from advisor_desk.cache.views import OutboxStatus
from advisor_desk.domain.model import CaseStatus
from advisor_desk.domain.wire import to_wire


def answer(entry_id: str, status: str, reason: str | None = None, data: Any = None) -> dict[str, Any]:
    return {"id": entry_id, "status": status, "reason": reason, "data": data}


def test_outbox_in_order_pending_only(desk: Desk) -> None:
    cache = desk.cache
    made = [cache.add_note("cust-1", None, f"note {n}", ADVISOR) for n in range(5)]
    entries = cache.pending_mutations()
    assert [e.payload["interaction_id"] for e in entries] == [m.id for m in made]
    assert [e.seq for e in entries] == sorted(e.seq for e in entries)
    assert len(cache.pending_mutations(limit=2)) == 2
    cache.record_results([answer(entries[0].id, "applied"), answer(entries[1].id, "duplicate")])
    assert [e.id for e in cache.pending_mutations()] == [e.id for e in entries[2:]]
    assert cache.outbox_counts() == (3, 0, 0)
    assert entries[0].as_mutation() == {"id": entries[0].id, "kind": "note", "payload": entries[0].payload}


def test_rejected_entry_never_blocks_the_ones_behind(desk: Desk) -> None:
    cache = desk.cache
    first = cache.add_note("cust-1", "case-1", "refusée", ADVISOR)
    cache.add_note("cust-1", "case-1", "acceptée", ADVISOR)
    e1, e2 = cache.pending_mutations()
    cache.record_results([answer(e1.id, "rejected", "case closed")])
    assert [e.id for e in cache.pending_mutations()] == [e2.id]
    [rejected] = cache.rejected_entries()
    assert rejected.reason == "case closed" and rejected.status is OutboxStatus.REJECTED
    # the refused note no longer shows as if it had been saved
    assert cache.interactions_by_ids([first.id]) == []
    assert cache.outbox_counts() == (1, 1, 0)


def test_rejected_status_change_restores_the_case(desk: Desk) -> None:
    cache = desk.cache
    cache.change_case_status("case-1", "in_progress", 1)
    [entry] = cache.pending_mutations()
    cache.record_results([answer(entry.id, "rejected", "transition refused")])
    fresh = cache.case("case-1")
    assert fresh.status is CaseStatus.NEW and fresh.version == 1


def test_conflict_refreshes_the_case_and_tells(desk: Desk) -> None:
    cache = desk.cache
    cache.change_case_status("case-1", "resolved", 1)
    [entry] = cache.pending_mutations()
    theirs = case(
        1, "cust-1", status=CaseStatus.WAITING_CUSTOMER, version=2, updated_by="u-bob", updated_at=NOW
    )
    counts = cache.record_results([answer(entry.id, "conflict", "version 2 expected", to_wire(theirs))])
    assert counts["conflict"] == 1
    assert cache.case("case-1") == theirs
    [conflict] = cache.conflict_entries()
    assert conflict.reason == "version 2 expected"
    assert cache.outbox_counts() == (0, 0, 1)


def test_conflict_with_unreadable_data_undoes_the_local_change(desk: Desk) -> None:
    cache = desk.cache
    cache.change_case_status("case-1", "resolved", 1)
    [entry] = cache.pending_mutations()
    cache.record_results([answer(entry.id, "conflict", None, {"garbage": True})])
    assert cache.case("case-1").status is CaseStatus.NEW
    assert cache.conflict_entries()[0].reason


def test_later_pending_change_survives_an_earlier_rejection(desk: Desk) -> None:
    cache = desk.cache
    cache.assign_case("case-1", ADVISOR.id)
    cache.change_case_status("case-1", "in_progress", 2)
    first, _ = cache.pending_mutations()
    cache.record_results([answer(first.id, "rejected", "not in your team")])
    fresh = cache.case("case-1")
    assert fresh.assignee_id is None and fresh.status is CaseStatus.IN_PROGRESS


@pytest.mark.parametrize(
    "results",
    [
        "applied",
        [None],
        [{"status": "applied"}],
        [{"id": 5, "status": "applied"}],
        [{"id": "x", "status": "accepted"}],
        [{"id": "x", "status": "applied", "reason": 12}],
    ],
)
def test_malformed_results_change_nothing(desk: Desk, results: Any) -> None:
    cache = desk.cache
    cache.add_note("cust-1", None, "attend", ADVISOR)
    entry = cache.pending_mutations()[0]
    with pytest.raises(CacheError):
        cache.record_results(
            [answer(entry.id, "applied"), *results] if isinstance(results, list) else results
        )
    assert cache.pending_mutations() == [entry]


def test_unknown_ids_are_ignored(desk: Desk) -> None:
    assert desk.cache.record_results([answer("never-sent", "applied")])["ignored"] == 1


def test_attempts_and_errors_are_counted(desk: Desk) -> None:
    cache = desk.cache
    cache.add_note("cust-1", None, "attend", ADVISOR)
    [entry] = cache.pending_mutations()
    cache.mark_attempt([entry.id], "connection refused")
    cache.mark_attempt([entry.id], "timeout")
    [again] = cache.pending_mutations()
    assert (again.attempts, again.last_error) == (2, "timeout")


def test_sync_facts(desk: Desk) -> None:
    cache = desk.cache
    assert cache.last_sync_at() is None
    cache.set_last_error("the server cannot be reached")
    assert cache.last_error() == "the server cannot be reached"
    cache.set_last_sync(NOW)
    assert cache.last_sync_at() == NOW and cache.last_error() is None
    with pytest.raises(CacheError):
        cache.save_me({"user": {"id": "x"}, "authority": {}})
    assert cache.authority_snapshot() is None
