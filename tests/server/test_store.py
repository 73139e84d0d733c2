"""The store: every replicated entity round-trips, bulk saves feed the changes, deletions cascade."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from advisor_desk.domain import model
from advisor_desk.domain.channels import DEFAULT_TARGETS, Channel
from advisor_desk.domain.wire import ENTITY_TYPES, EntityKind, entity_id, entity_kind, to_wire
from advisor_desk.server import store
from advisor_desk.server.feed import current_position
from advisor_desk.server.models import FeedEntryRow, OrderLineRow

NOW = datetime(2026, 11, 23, 9, 15, tzinfo=UTC)


def one_of_each() -> list[object]:
    G = model.GestureCode
    customer = model.Customer(
        "c1",
        "Élodie",
        "Martin",
        ("e@x.fr",),
        ("06 11 22 33 44",),
        ("@elo",),
        "LC1",
        team="north",
        updated_at=NOW,
    )
    return [
        customer,
        model.Product("p1", "SKU1", "Kettle", 3.2, 14, "Alice", NOW),
        model.Order(
            "o1",
            "ORD1",
            "c1",
            NOW,
            "EUR",
            4_500,
            500,
            lines=(model.OrderLine("l1", "p1", 1, 4_000, 4_000, 100),),
        ),
        model.Case(
            "k1",
            "c1",
            model.CaseKind.COMPLAINT,
            model.ComplaintCategory.DAMAGED_ITEM,
            model.CaseStatus.NEW,
            Channel.PHONE,
            "Broken",
            NOW,
            "north",
        ),
        model.Interaction(
            "i1",
            "c1",
            Channel.PHONE,
            model.Direction.INBOUND,
            NOW,
            "It arrived broken",
            "k1",
            details={"duration_s": 95},
        ),
        model.GestureType(
            G.REFUND, "Remboursement", "Refund", "line", (model.ComplaintCategory.DAMAGED_ITEM,), (500, 1_000)
        ),
        model.AuthorityEnvelope(
            model.Role.ADVISOR, "EUR", 10_000, 8_000, (model.GestureLimit(G.REFUND, 5_000),)
        ),
        model.ReplyScript("s1", model.ComplaintCategory.DAMAGED_ITEM, model.Language.FR, 'title = "x"\n'),
        model.FollowUp("f1", "c1", NOW, "u1", case_id="k1", note="call"),
        model.Decision(
            "d1",
            "u1",
            "north",
            "c1",
            G.REFUND,
            1_000,
            "EUR",
            model.ReasonCode.DAMAGED_OR_DEFECTIVE,
            "broken",
            NOW,
            model.DecisionStatus.GRANTED,
        ),
        model.Escalation(
            "e1", "u1", "north", "c1", G.REFUND, 40_000, "EUR", model.ReasonCode.OTHER, "big", NOW
        ),
        model.SatisfactionRating("r1", "k1", "c1", 4, "survey", NOW),
        DEFAULT_TARGETS[Channel.EMAIL],
        model.Setting("product_watch_threshold", {"rating": 3, "count": 5}),
        model.ProductRating("pr1", "p1", 2, NOW, "review", "c1"),
    ]


def test_every_kind_round_trips(database) -> None:
    entities = one_of_each()
    assert {entity_kind(e) for e in entities} == set(ENTITY_TYPES)
    assert set(store.TABLES) == set(ENTITY_TYPES), "every replicated kind has its table"
    with database.write() as session:
        store.save_many(session, reversed(entities))  # parents are written first whatever the order
    with database.read() as session:
        for entity in entities:
            assert store.load(session, entity_kind(entity), entity_id(entity)) == entity
        assert store.load(session, EntityKind.CUSTOMER, "nobody") is None
        assert session.scalar(select(OrderLineRow.refunded_cents).where(OrderLineRow.id == "l1")) == 100
        assert session.scalar(select(func.count()).select_from(FeedEntryRow)) == len(entities)
        assert current_position(session) >= len(entities)


def test_the_fast_wire_form_is_the_wire_form() -> None:
    for entity in one_of_each():
        assert store.wire_form(entity) == to_wire(entity)


def test_save_records_one_feed_row_per_entity_at_its_latest_position(database) -> None:
    customer = model.Customer("c1", "A", "B", team="north")
    with database.write() as session:
        store.save(session, customer)
    with database.write() as session:
        store.save(session, model.Customer("c1", "A", "C", team="north"))
        store.save(session, model.Customer("c2", "D", "E", team="south"))
        store.save(session, model.Customer("c1", "A", "F", team="north"))
    with database.read() as session:
        rows = {r.entity_id: r.position for r in session.scalars(select(FeedEntryRow))}
        assert rows == {"c2": 2, "c1": 3}
        assert store.load(session, EntityKind.CUSTOMER, "c1").last_name == "F"


def test_a_rolled_back_transaction_leaves_no_feed_trace(database) -> None:
    with pytest.raises(RuntimeError):
        with database.write() as session:
            store.save(session, model.Customer("c1", "A", "B", team="north"))
            raise RuntimeError("changed my mind")
    with database.write() as session:
        store.save(session, model.Customer("c2", "A", "B", team="north"))
    with database.read() as session:
        assert [r.entity_id for r in session.scalars(select(FeedEntryRow))] == ["c2"]
        assert current_position(session) == 1


def test_attached_entities_need_their_customer(database) -> None:
    with pytest.raises(store.StoreError, match="unknown customer"):
        with database.write() as session:
            store.save(
                session, model.Interaction("i1", "ghost", Channel.SMS, model.Direction.INBOUND, NOW, "hi")
            )
    with pytest.raises(store.StoreError, match="not replicated"):
        with database.write() as session:
            store.save(session, model.User("u", "u", "U", model.Role.ADVISOR, "north"))


def test_bulk_save_and_erasure(database) -> None:
    customers = [
        model.Customer(f"c{n}", "F", f"L{n}", phones=(f"06 00 00 00 {n:02d}",), team="north")
        for n in range(50)
    ]
    interactions = [
        model.Interaction(f"i{n}-{k}", f"c{n}", Channel.EMAIL, model.Direction.INBOUND, NOW, "t")
        for n in range(50)
        for k in range(20)
    ]
    with database.write() as session:
        store.save_many(session, interactions + customers)  # parents first whatever the order given
    with database.read() as session:
        assert session.scalar(select(func.count()).select_from(FeedEntryRow)) == 1_050
    with database.write() as session:
        store.delete(session, EntityKind.CUSTOMER, "c7")
    with database.read() as session:
        assert store.load(session, EntityKind.CUSTOMER, "c7") is None
        assert store.load(session, EntityKind.INTERACTION, "i7-3") is None
        deleted = session.scalars(select(FeedEntryRow.entity_id).where(FeedEntryRow.op == "delete")).all()
        assert sorted(deleted) == sorted(["c7"] + [f"i7-{k}" for k in range(20)])
