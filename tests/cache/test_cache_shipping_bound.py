"""The cache's own check bounds a shipping refund by the shipping paid on its order, as the centre does.

The desk writes a grant to the cache first (offline included) and the cache runs the one domain check
on what it holds. For a shipping refund that means the centre's inputs: the order
:func:`~advisor_desk.domain.authority.shipping_order` picks (the case's order, else the customer's
latest) and every earlier shipping refund on that order that still counts (pending or granted). The
refusal reads as the centre's (``tests/server/test_grants_shipping.py`` asserts the same sentences), so
nothing the desk says yes to offline comes back refused for this reason.

``cust-1`` has one order, ``ord-1``, with 5.00 of shipping, and a case (``case-1``) naming no order.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from cache_builders import ADVISOR, ENVELOPE, NOW, Desk, case, customer, decision, order

from advisor_desk.cache.errors import GrantRefused, NotFound
from advisor_desk.domain.authority import LimitKind, shipping_refunded
from advisor_desk.domain.catalogue import GESTURE_CATALOGUE
from advisor_desk.domain.model import DecisionStatus, GestureCode, GestureLimit

SHIPPING = GestureCode.SHIPPING_REFUND
# 50.00 per shipping refund: only the order bounds the amounts tried here.
WITH_SHIPPING = replace(ENVELOPE, gestures=(*ENVELOPE.gestures, GestureLimit(SHIPPING, 5_000)))


@pytest.fixture
def shipping_desk(desk: Desk) -> Desk:
    desk.feed(WITH_SHIPPING)
    return desk


def grant(desk: Desk, amount: int, case_id: str | None = "case-1", customer_id: str = "cust-1", **kw: object):
    return desk.cache.grant_gesture(
        ADVISOR,
        customer_id,
        case_id,
        kw.pop("gesture", SHIPPING),
        amount,
        "EUR",
        "late_delivery",
        "colis en retard",
        **kw,
    )


def refused(desk: Desk, amount: int, **kw: object) -> GrantRefused:
    with pytest.raises(GrantRefused) as raised:
        grant(desk, amount, **kw)
    return raised.value


def shipping_decision(n: int, amount: int, case_id: str | None, **kw: object):
    return decision(n, "cust-1", amount, NOW - timedelta(days=2), gesture=SHIPPING, case_id=case_id, **kw)


@pytest.mark.parametrize("case_id", ["case-1", None], ids=["with_case", "without_case"])
@pytest.mark.parametrize(("amount", "allowed"), [(499, True), (500, True), (501, False)])
def test_under_at_and_over_the_shipping_paid_offline(
    shipping_desk: Desk, case_id: str | None, amount: int, allowed: bool
) -> None:
    desk = shipping_desk
    if allowed:
        granted = grant(desk, amount, case_id=case_id, offline=True)
        assert (granted.amount_cents, granted.status, granted.offline) == (
            amount,
            DecisionStatus.PENDING,
            True,
        )
        assert desk.cache.outbox_counts()[0] == 1  # waiting for the centre, nothing sent
        return
    exc = refused(desk, amount, case_id=case_id, offline=True)
    [refusal] = exc.verdict.refusals
    assert (refusal.limit, refusal.limit_cents, refusal.available_cents, refusal.over_by_cents) == (
        LimitKind.SHIPPING_PAID,
        500,
        500,
        1,
    )
    # The centre's reason, word for word.
    assert str(exc) == "shipping_paid: over by 1 cents (limit 500, available 500)"
    assert exc.verdict.max_grantable_cents == 500
    # Refused: nothing written, nothing chained, nothing to send.
    assert desk.cache.decisions(customer_id="cust-1") == []
    assert desk.cache.outbox_counts() == (0, 0, 0)
    assert desk.cache.decision_log_entries() == []


def test_earlier_shipping_refunds_on_the_order_count(shipping_desk: Desk) -> None:
    desk = shipping_desk
    grant(desk, 300, offline=True)  # this desk's, pending
    grant(desk, 150, case_id=None, offline=True)  # no case: the latest order, the same one
    exc = refused(desk, 51)
    assert str(exc) == "shipping_paid: over by 1 cents (limit 500, available 50)"
    assert grant(desk, 50).amount_cents == 50
    exc = refused(desk, 1)
    assert str(exc) == "shipping_paid: over by 1 cents (limit 500, available 0)"
    assert exc.verdict.max_grantable_cents == 0
    assert desk.cache.grant_preview(ADVISOR, "cust-1", SHIPPING, case_id="case-1").max_grantable_cents == 0


def test_what_counts_is_what_the_centre_counts(shipping_desk: Desk) -> None:
    desk = shipping_desk
    desk.feed(
        # a colleague's confirmed refund on the case: counts
        shipping_decision(1, 200, "case-1", user_id="u-bob"),
        # refused by the centre, revoked: given back
        shipping_decision(2, 300, "case-1", status=DecisionStatus.REJECTED),
        shipping_decision(3, 300, None, status=DecisionStatus.REVOKED),
        # on a case this desk does not hold: counted against the latest order, as at the centre
        shipping_decision(4, 100, "case-elsewhere"),
        # another gesture is not a shipping refund
        decision(5, "cust-1", 1_000, NOW - timedelta(days=2), case_id="case-1"),
    )
    assert desk.cache.grant_preview(ADVISOR, "cust-1", SHIPPING, case_id="case-1").max_grantable_cents == 200
    assert str(refused(desk, 201)) == "shipping_paid: over by 1 cents (limit 500, available 200)"
    assert grant(desk, 200).amount_cents == 200


def test_a_case_about_an_older_order_is_bounded_by_that_order(shipping_desk: Desk) -> None:
    desk = shipping_desk
    older = order(2, "cust-1", placed_at=NOW - timedelta(days=40), shipping_cents=599, lines=())
    desk.feed(older, case(2, "cust-1", order_id=older.id))
    # The older order's 5.99, not the latest's 5.00...
    assert str(refused(desk, 600, case_id="case-2")) == (
        "shipping_paid: over by 1 cents (limit 599, available 599)"
    )
    assert grant(desk, 599, case_id="case-2").amount_cents == 599
    # ...and what was refunded on it leaves the latest order's shipping whole.
    assert grant(desk, 500, case_id="case-1").amount_cents == 500
    assert str(refused(desk, 1, case_id="case-2")).endswith("(limit 599, available 0)")


def test_free_shipping_leaves_nothing_to_refund(shipping_desk: Desk) -> None:
    desk = shipping_desk
    desk.feed(replace(order(1, "cust-1"), shipping_cents=0))
    assert str(refused(desk, 1)) == "shipping_paid: over by 1 cents (limit 0, available 0)"


def test_no_order_to_refund_the_shipping_of_is_refused_outright(shipping_desk: Desk) -> None:
    desk = shipping_desk
    # The case names an order this desk does not hold (the centre refuses it as unknown_order).
    desk.feed(case(3, "cust-1", order_id="ord-nowhere"))
    with pytest.raises(NotFound, match="order is not in the local cache"):
        grant(desk, 100, case_id="case-3", offline=True)
    # A customer without any order: no shipping was ever paid.
    desk.feed(customer(2))
    with pytest.raises(NotFound, match="no order whose shipping"):
        grant(desk, 100, case_id=None, customer_id="cust-2", offline=True)
    assert desk.cache.outbox_counts() == (0, 0, 0)
    assert desk.cache.decision_log_entries() == []
    # Gestures not bounded by shipping need no order.
    assert (
        grant(desk, 100, case_id=None, customer_id="cust-2", gesture=GestureCode.VOUCHER).amount_cents == 100
    )


def test_the_synced_catalogue_can_bound_another_gesture_by_the_shipping(shipping_desk: Desk) -> None:
    desk = shipping_desk
    voucher = GESTURE_CATALOGUE[GestureCode.VOUCHER]
    assert voucher.bounded_by == ""
    assert grant(desk, 600, gesture=GestureCode.VOUCHER).amount_cents == 600  # not bounded
    desk.feed(replace(voucher, bounded_by="shipping"))
    exc = refused(desk, 501, gesture=GestureCode.VOUCHER)
    assert [r.limit for r in exc.verdict.refusals] == [LimitKind.SHIPPING_PAID]


def test_the_count_is_pure_and_shared() -> None:
    # The same function the Say yes panel uses on its snapshot.
    latest, older = order(1, "cust-1"), order(2, "cust-1", placed_at=NOW - timedelta(days=40))
    decisions = [
        shipping_decision(1, 100, "case-1"),  # case-1 names no order: the latest
        shipping_decision(2, 200, "case-2"),  # about the older order
        shipping_decision(3, 400, "case-unknown"),  # a case not held here: the latest
        shipping_decision(4, 800, None, status=DecisionStatus.PENDING),
        shipping_decision(5, 1_600, None, status=DecisionStatus.REJECTED),
    ]
    cases = {"case-1": None, "case-2": older.id}
    orders = [older, latest]
    assert shipping_refunded(latest, orders, decisions, cases, SHIPPING) == 1_300
    assert shipping_refunded(older, orders, decisions, cases, SHIPPING) == 200
    assert shipping_refunded(older, orders, decisions, cases, GestureCode.VOUCHER) == 0
