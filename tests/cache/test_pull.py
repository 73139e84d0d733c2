"""The pull side: each page of the feed with its cursor, all or nothing; deletions; full re-pull."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from cache_builders import (
    ADVISOR,
    ENVELOPE,
    NOW,
    Desk,
    case,
    change,
    customer,
    decision,
    delete,
    interaction,
    order,
)

from advisor_desk.cache.errors import CacheError
from advisor_desk.domain.model import CaseStatus, DecisionStatus, FollowUp, SatisfactionRating


def _snapshot(desk: Desk) -> tuple[Any, ...]:
    cache = desk.cache
    return (
        cache.cursor(),
        cache.stats()["rows"],
        [h.customer.id for h in cache.search_customers("martin")],
        cache.timeline("cust-1"),
    )


def test_page_applied_with_its_cursor(desk: Desk) -> None:
    counts = desk.cache.apply_page(
        [change(customer(2)), change(case(2, "cust-2")), delete("interaction", "int-1")], "42"
    )
    assert counts == {"upsert": 2, "delete": 1, "customer": 1, "case": 1, "interaction": 1}
    assert desk.cache.cursor() == "42"
    assert desk.cache.customer("cust-2") is not None
    assert desk.cache.interaction_ids("cust-1") == []


def _bad_pages() -> list[tuple[str, list[Any]]]:
    good = change(customer(2, last_name="Martin-Neuf"))
    wrong_type = change(customer(3))
    wrong_type["data"]["phones"] = "0612345678"
    missing = change(case(3, "cust-1"))
    del missing["data"]["status"]
    unknown_enum = change(case(4, "cust-1"))
    unknown_enum["data"]["status"] = "archived"
    bad_time = change(interaction(9, "cust-1"))
    bad_time["data"]["occurred_at"] = "yesterday"
    naive_time = change(interaction(10, "cust-1"))
    naive_time["data"]["occurred_at"] = "2026-11-23T10:00:00"
    mismatched = change(customer(5))
    mismatched["id"] = "cust-6"
    bad_rating = change(SatisfactionRating("r1", "case-1", "cust-1", 5, "survey", NOW))
    bad_rating["data"]["score"] = 9
    return [
        ("not an object", [good, "customer"]),
        ("unknown entity", [good, {"entity": "invoice", "op": "upsert", "id": "x", "data": {}}]),
        ("unknown op", [good, {"entity": "customer", "op": "merge", "id": "x", "data": {}}]),
        ("delete without id", [good, {"entity": "customer", "op": "delete", "id": None, "data": None}]),
        ("wrong type", [good, wrong_type]),
        ("missing field", [good, missing]),
        ("unknown enum", [good, unknown_enum]),
        ("bad time", [good, bad_time]),
        ("naive time", [good, naive_time]),
        ("id mismatch", [good, mismatched]),
        ("rating out of range", [good, bad_rating]),
        ("null data", [good, {"entity": "customer", "op": "upsert", "id": "cust-7", "data": None}]),
    ]


@pytest.mark.parametrize(("problem", "page"), _bad_pages(), ids=[p for p, _ in _bad_pages()])
def test_bad_page_changes_nothing(desk: Desk, problem: str, page: list[Any]) -> None:
    before = _snapshot(desk)
    with pytest.raises(CacheError) as raised:
        desk.cache.apply_page(page, "77")
    assert "change 1" in str(raised.value)
    assert _snapshot(desk) == before
    assert desk.cache.integrity_check() == "ok"


@pytest.mark.parametrize("cursor", [None, "", 5, "x" * 500])
def test_bad_cursor_refused(desk: Desk, cursor: Any) -> None:
    with pytest.raises(CacheError):
        desk.cache.apply_page([change(customer(2))], cursor)
    assert desk.cache.cursor() == "1"
    assert desk.cache.customer("cust-2") is None


def test_failure_while_writing_rolls_back_the_page(desk: Desk) -> None:
    """A real SQLite error half-way through a page (a trigger standing for a full disk)."""
    import sqlite3

    with sqlite3.connect(desk.path) as conn:
        conn.execute(
            "CREATE TRIGGER disk_full BEFORE INSERT ON cases BEGIN SELECT RAISE(ABORT, 'disk full'); END"
        )
    conn.close()
    before = _snapshot(desk)
    with pytest.raises(Exception, match="disk full"):
        desk.cache.apply_page([change(customer(2)), change(case(2, "cust-2"))], "5")
    assert _snapshot(desk) == before


def test_same_page_twice_is_harmless(desk: Desk) -> None:
    page = [change(customer(2)), change(order(2, "cust-2")), change(interaction(2, "cust-2"))]
    desk.cache.apply_page(page, "2")
    first = _snapshot(desk), desk.cache.search_customers("CMD-2026-000002")
    desk.cache.apply_page(page, "2")
    assert (_snapshot(desk), desk.cache.search_customers("CMD-2026-000002")) == first
    assert desk.cache.stats()["rows"]["interactions"] == 2


def test_erased_customer_leaves_nothing(desk: Desk) -> None:
    cache = desk.cache
    desk.feed(
        FollowUp("f1", "cust-1", NOW, ADVISOR.id),
        SatisfactionRating("r1", "case-1", "cust-1", 4, "survey", NOW),
        decision(1, "cust-1", 500, NOW),
        customer(2),
        case(2, "cust-2"),
    )
    cache.add_note("cust-1", None, "to be erased", ADVISOR)
    cache.save_draft("case-1", {"text": "Bonjour Élodie, votre colis…"})
    cache.save_draft("case-2", {"text": "Bonjour"})
    cache.apply_page([delete("customer", "cust-1")], "9")
    # the unsent reply to her goes with her, and a save still on its way does not bring it back
    assert cache.load_draft("case-1") is None
    cache.save_draft("case-1", {"text": "Bonjour Élodie, votre colis est"})
    assert cache.load_draft("case-1") is None
    assert cache.load_draft("case-2") == {"text": "Bonjour"}
    assert cache.customer("cust-1") is None
    assert cache.timeline("cust-1") is None
    assert cache.search_customers("elodie") == []
    assert cache.search_customers("CMD-2026-000001") == []
    assert cache.search_customers("message") == []
    rows = cache.stats()["rows"]
    assert rows["customers"] == 1 and rows["cases"] == 1
    assert rows["interactions"] == rows["orders"] == rows["order_lines"] == 0
    assert rows["followups"] == rows["satisfaction"] == rows["decisions"] == 0
    # the unsent note stays in the outbox: the centre decides what happens to it
    assert cache.outbox_counts() == (1, 0, 0)


def test_reset_keeps_outbox_log_and_drafts(desk: Desk) -> None:
    cache = desk.cache
    note = cache.add_note("cust-1", "case-1", "rappeler demain", ADVISOR)
    grant = cache.grant_gesture(
        ADVISOR, "cust-1", "case-1", "voucher", 1_000, "EUR", "late_delivery", "retard"
    )
    cache.save_draft("case-1", {"text": "Bonjour Madame"})
    cache.reset_for_full_pull()
    assert cache.cursor() == "0"
    assert cache.customer("cust-1") is None
    assert cache.search_customers("elodie") == []
    assert [e.kind for e in cache.pending_mutations()] == ["note", "decision.grant"]
    assert len(cache.decision_log_entries()) == 1
    assert cache.load_draft("case-1") == {"text": "Bonjour Madame"}
    # typing goes on while the re-pull brings the case back: the draft keeps being saved
    cache.save_draft("case-1", {"text": "Bonjour Madame, nous"})
    assert cache.load_draft("case-1") == {"text": "Bonjour Madame, nous"}
    # what the advisor did is still shown while it waits (the grant counts against the budget)
    assert cache.decision(grant.id) is not None
    assert cache.interactions_by_ids([note.id])[0].text == "rappeler demain"
    assert cache.usage(ADVISOR.id, "cust-1", NOW, ADVISOR.time_zone).user_today_cents == 1_000
    desk.feed(ENVELOPE, customer(1, first_name="Élodie", last_name="Martin"))
    assert [h.customer.id for h in cache.search_customers("elodie")] == ["cust-1"]


def test_pending_local_change_survives_an_older_copy_from_the_feed(desk: Desk) -> None:
    cache = desk.cache
    cache.change_case_status("case-1", CaseStatus.IN_PROGRESS, expected_version=1)
    # the feed still carries the centre's copy (the push has not happened yet)
    desk.feed(case(1, "cust-1", subject="Sujet corrigé au centre"))
    fresh = cache.case("case-1")
    assert fresh is not None
    assert fresh.status is CaseStatus.IN_PROGRESS and fresh.version == 2
    assert fresh.subject == "Sujet corrigé au centre"


def test_fetched_on_demand_is_kept_and_searchable(desk: Desk) -> None:
    cache = desk.cache
    other = customer(900, first_name="Gaspard", last_name="Lointain", team="team-paris")
    counts = cache.upsert_entities(
        [other, order(900, other.id), {"entity": "case", "data": change(case(900, other.id))["data"]}]
    )
    assert counts == {"customer": 1, "order": 1, "case": 1}
    assert [h.customer.id for h in cache.search_customers("gaspard")] == [other.id]
    with pytest.raises(CacheError):
        cache.upsert_entities([{"entity": "case", "data": {"id": "broken"}}])
    with pytest.raises(CacheError):
        cache.upsert_entities([object()])


def test_decision_from_the_feed_replaces_the_local_pending_one(desk: Desk) -> None:
    """The centre applied the grant but its answer was lost: the feed's copy is the truth."""
    cache = desk.cache
    grant = cache.grant_gesture(ADVISOR, "cust-1", None, "voucher", 1_000, "EUR", "late_delivery", "retard")
    confirmed = decision(0, "cust-1", 1_000, grant.granted_at, id=grant.id, status=DecisionStatus.GRANTED)
    desk.feed(confirmed)
    assert cache.decision(grant.id).status is DecisionStatus.GRANTED
    entry = cache.pending_mutations()[0]
    cache.record_results([{"id": entry.id, "status": "duplicate", "reason": None, "data": None}])
    assert cache.outbox_counts() == (0, 0, 0)
    assert cache.decision(grant.id).status is DecisionStatus.GRANTED
    assert cache.usage(ADVISOR.id, "cust-1", NOW, ADVISOR.time_zone).user_today_cents == 1_000


def test_every_replicated_kind_has_a_table() -> None:
    from advisor_desk.cache.replica import TABLES
    from advisor_desk.domain.wire import EntityKind

    assert set(TABLES) == set(EntityKind)


def test_product_ratings_and_team_reads(desk: Desk) -> None:
    from advisor_desk.domain.model import Product, ProductRating

    cache = desk.cache
    desk.feed(
        Product("prod-1", "SKU-1", "Vélo"),
        ProductRating("pr-1", "prod-1", 2, NOW - timedelta(days=3), customer_id="cust-1"),
        ProductRating("pr-2", "prod-1", 5, NOW - timedelta(days=1)),
        ProductRating("pr-3", "prod-9", 4, NOW - timedelta(days=2)),
        SatisfactionRating("r1", "case-1", "cust-1", 4, "survey", NOW),
        case(2, "cust-1", team="team-paris"),
    )
    assert [r.id for r in cache.product_ratings(["prod-1"])] == ["pr-1", "pr-2"]
    assert [r.id for r in cache.product_ratings(since=NOW - timedelta(days=2))] == ["pr-3", "pr-2"]
    assert cache.product_ratings([]) == []
    assert [c.id for c in cache.team_cases(ADVISOR.team)] == ["case-1"]
    assert [c.id for c in cache.team_cases(ADVISOR.team, kind="request")] == []
    assert [i.id for i in cache.team_interactions(ADVISOR.team)] == ["int-1"]
    assert [s.id for s in cache.team_satisfaction(ADVISOR.team)] == ["r1"]
    cache.apply_page([delete("customer", "cust-1")], "50")
    assert [r.id for r in cache.product_ratings()] == ["pr-3", "pr-2"]
