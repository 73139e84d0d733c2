"""Pulling the changes feed from the real reference server into a real cache."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

from sync_support import cache_contents, server_view

from advisor_desk.domain import model
from advisor_desk.domain.channels import Channel
from advisor_desk.domain.wire import EntityKind
from advisor_desk.sync.engine import SyncState


def test_initial_sync_holds_exactly_what_the_server_exposes(live_server, desks) -> None:
    live_server.seed_world()
    desk = desks(live_server.url, "advisor", page_size=3)  # small pages: many page boundaries
    report = desk.engine.sync_once()
    assert report.ok, report.errors
    assert report.pulled > 0
    held = cache_contents(desk.path)
    assert held == server_view(live_server, "advisor")
    # nothing of the other team
    assert ("customer", "c-south-1") not in held
    assert ("customer", "c-north-1") in held
    assert desk.engine.state is SyncState.ONLINE
    assert desk.cache.current_user().username == "advisor"
    assert desk.cache.authority_snapshot() is not None
    assert desk.cache.integrity_check() == "ok"


def test_delta_sync_brings_changes_and_deletions(live_server, desks) -> None:
    world = live_server.seed_world()
    desk = desks(live_server.url, "advisor")
    assert desk.engine.sync_once().ok
    cursor = desk.cache.cursor()

    customer = desk.cache.customer("c-north-2")
    live_server.save(dataclasses.replace(customer, tier="gold", updated_at=datetime.now(UTC)))
    # a new customer with an open case in the team enters the advisor's scope (API.md, "Scope");
    # one without is not replicated
    now = datetime.now(UTC)
    live_server.save(
        model.Customer("c-north-9", "Nouveau", "Client", team="north", updated_at=now),
        model.Case(
            "c-north-9-case",
            "c-north-9",
            model.CaseKind.REQUEST,
            model.ComplaintCategory.REQUEST,
            model.CaseStatus.NEW,
            Channel.PHONE,
            "Question",
            now,
            "north",
        ),
        model.Customer("c-north-10", "Sans", "Dossier", team="north", updated_at=now),
    )
    live_server.delete(EntityKind.PRODUCT, "p2")
    report = desk.engine.sync_once()
    assert report.ok, report.errors
    assert 0 < report.pulled <= 4
    assert desk.cache.cursor() != cursor
    assert desk.cache.customer("c-north-2").tier == "gold"
    assert desk.cache.customer("c-north-9") is not None
    assert desk.cache.case("c-north-9-case") is not None
    assert desk.cache.customer("c-north-10") is None
    assert ("product", "p2") not in cache_contents(desk.path)
    assert cache_contents(desk.path) == server_view(live_server, "advisor")
    assert world.customers["north"]

    # nothing new: nothing pulled
    again = desk.engine.sync_once()
    assert again.ok and again.pulled == 0


def test_an_erased_customer_disappears_with_everything_attached(live_server, desks) -> None:
    live_server.seed_world()
    desk = desks(live_server.url, "advisor")
    assert desk.engine.sync_once().ok
    assert desk.cache.cases("c-north-1")
    live_server.delete(EntityKind.CUSTOMER, "c-north-1")
    assert desk.engine.sync_once().ok
    assert desk.cache.customer("c-north-1") is None
    assert not [k for k in cache_contents(desk.path) if "c-north-1" in k[1]]
    assert cache_contents(desk.path) == server_view(live_server, "advisor")


def test_an_unknown_cursor_triggers_a_full_pull_that_keeps_the_outbox(live_server, desks) -> None:
    live_server.seed_world()
    desk = desks(live_server.url, "advisor")
    assert desk.engine.sync_once().ok
    user = desk.user
    desk.cache.add_note("c-north-1", None, "called back, no answer", user)
    # the server lost track of this position (restored from a backup, retention...)
    desk.cache.set_meta("cursor", "999999999")
    offline_pending = desk.cache.outbox_counts()[0]
    assert offline_pending == 1
    report = desk.engine.sync_once()
    assert report.ok, report.errors
    assert report.resets == 1
    assert report.applied == 1
    assert cache_contents(desk.path) == server_view(live_server, "advisor")


def test_a_customer_missing_from_the_cache_is_fetched_on_demand_and_kept(live_server, desks) -> None:
    import pytest

    from advisor_desk.sync.client import NotFound, SyncError

    live_server.seed_world()
    desk = desks(live_server.url, "advisor")  # never synced: the cache holds nobody
    assert desk.cache.customer("c-north-1") is None
    stored = desk.engine.fetch_customer("c-north-1")
    assert stored >= 5  # the customer, the order, the case, the interactions
    assert desk.cache.customer("c-north-1") is not None
    assert desk.cache.cases("c-north-1")
    assert desk.cache.integrity_check() == "ok"
    with pytest.raises(SyncError) as caught:
        desk.engine.fetch_customer("c-south-1")  # another team's customer: not for this advisor
    assert caught.value.user_message
    with pytest.raises(NotFound):
        desk.engine.fetch_customer("no-such-customer")
    # a later sync keeps it and brings the rest
    assert desk.engine.sync_once().ok
    assert desk.cache.customer("c-north-1") is not None


def test_the_report_says_what_changed(live_server, desks) -> None:
    from advisor_desk.domain.channels import Channel

    live_server.seed_world()
    desk = desks(live_server.url, "advisor")
    first = desk.engine.sync_once()
    assert first.ok and ("c-north-1" in first.changed["customer"] or first.changed_everything)
    message = model.Interaction(
        "i-new",
        "c-north-1",
        Channel.EMAIL,
        model.Direction.INBOUND,
        datetime.now(UTC),
        "Any news?",
        case_id="c-north-1-case",
    )
    live_server.save(message)
    report = desk.engine.sync_once()
    assert report.changed == {"interaction": {"i-new"}}
    assert not report.changed_everything
