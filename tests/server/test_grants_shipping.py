"""The centre refuses a shipping refund above the shipping the customer paid, sent straight to the API.

Each customer of the small world has one order (``<customer>-o1``) with 5.00 of shipping, and a case
about it; the advisor's envelope allows 50.00 per shipping refund, so only the order bounds it here.
Runs on SQLite and, with ``ADVISOR_DESK_TEST_POSTGRES_URL`` set, on PostgreSQL.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from advisor_desk.domain.decision_chain import EntryKind
from advisor_desk.domain.model import Case, Order
from advisor_desk.domain.wire import EntityKind
from advisor_desk.server import store
from server.support import Workstation, mutation


def _stored(live_server, decision_id: str):
    with live_server.database.read() as session:
        return store.load(session, EntityKind.DECISION, decision_id)


def _load(live_server, kind: EntityKind, entity_id: str):
    with live_server.database.read() as session:
        return store.load(session, kind, entity_id)


def test_a_shipping_refund_over_the_shipping_paid_is_refused(live_server) -> None:
    live_server.seed_world()
    client = live_server.client("advisor")
    station = Workstation()
    case = "c-north-1-case"
    [over] = station.send(client, station.grant("c-north-1", 501, "shipping_refund", case_id=case))
    assert over["status"] == "rejected"
    assert over["reason"] == "shipping_paid: over by 1 cents (limit 500, available 500)"
    # Kept, refused, for the team lead's review; nothing spent.
    assert _stored(live_server, over["data"]["decision"]["id"]).status.value == "rejected"
    assert client.get("/api/v1/me").json()["authority"]["remaining_today_cents"] == 10_000
    [at] = station.send(client, station.grant("c-north-1", 500, "shipping_refund", case_id=case))
    assert at["status"] == "applied"


def test_what_was_refunded_of_the_shipping_counts(live_server) -> None:
    live_server.seed_world()
    client = live_server.client("advisor")
    station = Workstation()
    case = "c-north-1-case"
    results = station.send(
        client,
        station.grant("c-north-1", 300, "shipping_refund", case_id=case),
        # No case: the customer's latest order, the same one.
        station.grant("c-north-1", 200, "shipping_refund"),
        station.grant("c-north-1", 1, "shipping_refund", case_id=case),
    )
    assert [r["status"] for r in results] == ["applied", "applied", "rejected"]
    assert results[2]["reason"] == "shipping_paid: over by 1 cents (limit 500, available 0)"
    # Another customer's shipping is another bound; a voucher is not bounded by shipping at all.
    other = station.send(
        client,
        station.grant("c-north-2", 500, "shipping_refund", case_id="c-north-2-case"),
        station.grant("c-north-1", 700, "voucher", case_id=case),
    )
    assert [r["status"] for r in other] == ["applied", "applied"]


def test_a_revoked_shipping_refund_gives_the_shipping_back(live_server) -> None:
    live_server.seed_world()
    client = live_server.client("advisor")
    station = Workstation()
    [first] = station.send(client, station.grant("c-north-1", 500, "shipping_refund"))
    assert first["status"] == "applied"
    # The granting advisor revokes it the same day (wrong order): the shipping is refundable again.
    revoke = mutation(
        "decision.revoke",
        {
            "decision_id": first["data"]["decision"]["id"],
            "reason_text": "Wrong order",
            "chain": station.link(EntryKind.REVOCATION, {"decision_id": first["data"]["decision"]["id"]}),
        },
    )
    [revoked] = station.send(client, revoke)
    assert revoked["status"] == "applied", revoked
    [again] = station.send(client, station.grant("c-north-1", 500, "shipping_refund"))
    assert again["status"] == "applied"


def test_free_shipping_leaves_nothing_to_refund(live_server) -> None:
    live_server.seed_world()
    order: Order = _load(live_server, EntityKind.ORDER, "c-north-1-o1")
    live_server.save(replace(order, shipping_cents=0, total_cents=4_000))
    station = Workstation()
    [result] = station.send(
        live_server.client("advisor"),
        station.grant("c-north-1", 1, "shipping_refund", case_id="c-north-1-case"),
    )
    assert result["status"] == "rejected"
    assert result["reason"] == "shipping_paid: over by 1 cents (limit 0, available 0)"


def test_a_shipping_refund_on_an_order_the_centre_does_not_know_is_refused(live_server) -> None:
    live_server.seed_world()
    client = live_server.client("advisor")
    station = Workstation()
    # The case names an order the centre does not hold: refused outright, nothing written, as a refund
    # on an unknown order line is.
    case: Case = _load(live_server, EntityKind.CASE, "c-north-1-case")
    live_server.save(replace(case, order_id="o-nowhere"))
    sent = station.grant("c-north-1", 100, "shipping_refund", case_id=case.id)
    [unknown] = station.send(client, sent)
    assert unknown["status"] == "rejected"
    assert unknown["reason"] == "unknown_order: the case's order is not known to the centre"
    assert _stored(live_server, sent["payload"]["decision_id"]) is None
    # A customer without any order: no shipping was ever paid.
    live_server.delete(EntityKind.ORDER, "c-north-2-o1")
    sent = station.grant("c-north-2", 100, "shipping_refund")
    [none] = station.send(client, sent)
    assert none["status"] == "rejected" and none["reason"].startswith("unknown_order:")
    assert _stored(live_server, sent["payload"]["decision_id"]) is None
    # Other gestures do not need an order.
    [voucher] = station.send(client, station.grant("c-north-2", 100, "voucher"))
    assert voucher["status"] == "applied"


def test_the_latest_order_bounds_a_shipping_refund_without_a_case(live_server) -> None:
    live_server.seed_world()
    newer = Order(
        "c-north-1-o2",
        "ORD-NEWER",
        "c-north-1",
        datetime.now(UTC) - timedelta(days=1),
        "EUR",
        1_299,
        1_299 - 1_000,
        lines=(),
    )
    live_server.save(newer)
    station = Workstation()
    client = live_server.client("advisor")
    results = station.send(
        client,
        station.grant("c-north-1", 299, "shipping_refund"),  # the newer order's 2.99
        station.grant("c-north-1", 1, "shipping_refund"),
        station.grant("c-north-1", 500, "shipping_refund", case_id="c-north-1-case"),  # the case's order
    )
    assert [r["status"] for r in results] == ["applied", "rejected", "applied"]
    assert results[1]["reason"].startswith("shipping_paid")
