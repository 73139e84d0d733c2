"""A shipping refund never exceeds the shipping the customer paid: the one authority check says so.

The catalogue bounds a shipping refund by the shipping paid (``bounded_by="shipping"``). The check
enforces it from the figures the caller looked up on the order (``shipping_paid_cents``, and what was
already refunded of it), exactly as it enforces a refund's order-line bound.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from advisor_desk.domain.authority import (
    GrantRequest,
    LimitKind,
    Usage,
    check_grant,
    is_shipping_bound,
    shipping_order,
)
from advisor_desk.domain.catalogue import GESTURE_TYPES
from advisor_desk.domain.model import AuthorityEnvelope, GestureCode, GestureLimit, Order, Role

ENVELOPE = AuthorityEnvelope(
    role=Role.ADVISOR,
    currency="EUR",
    daily_budget_cents=20_000,
    per_customer_30d_cents=8_000,
    gestures=(
        GestureLimit(GestureCode.SHIPPING_REFUND, 1_500),
        GestureLimit(GestureCode.VOUCHER, 3_000),
        GestureLimit(GestureCode.REFUND, 8_000),
    ),
)
NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)


def shipping_refund(amount: int, paid: int | None, refunded: int = 0) -> GrantRequest:
    return GrantRequest(
        "u1",
        "c1",
        GestureCode.SHIPPING_REFUND,
        amount,
        "EUR",
        NOW,
        shipping_paid_cents=paid,
        shipping_refunded_cents=refunded,
    )


@pytest.mark.parametrize(("amount", "allowed"), [(498, True), (499, True), (500, False)])
def test_under_at_and_over_the_shipping_paid(amount: int, allowed: bool) -> None:
    verdict = check_grant(ENVELOPE, shipping_refund(amount, 499), Usage(0, 0))
    assert verdict.allowed is allowed
    assert verdict.max_grantable_cents == 499
    if not allowed:
        [refusal] = verdict.refusals
        assert refusal.limit is LimitKind.SHIPPING_PAID
        assert (refusal.limit_cents, refusal.available_cents, refusal.over_by_cents) == (499, 499, 1)
        # The API's reason, worded as the line bound's ("line_paid: over by ...").
        assert verdict.reason() == "shipping_paid: over by 1 cents (limit 499, available 499)"


def test_what_was_already_refunded_of_the_shipping_counts() -> None:
    ok = check_grant(ENVELOPE, shipping_refund(200, 599, refunded=399), Usage(0, 0))
    over = check_grant(ENVELOPE, shipping_refund(201, 599, refunded=399), Usage(0, 0))
    assert ok.allowed and ok.max_grantable_cents == 200
    [refusal] = over.refusals
    assert (refusal.limit, refusal.limit_cents, refusal.available_cents, refusal.over_by_cents) == (
        LimitKind.SHIPPING_PAID,
        599,
        200,
        1,
    )


def test_nothing_left_when_the_shipping_was_refunded_in_full() -> None:
    verdict = check_grant(ENVELOPE, shipping_refund(1, 599, refunded=599), Usage(0, 0))
    assert [r.limit for r in verdict.refusals] == [LimitKind.SHIPPING_PAID]
    assert verdict.max_grantable_cents == 0


def test_free_shipping_leaves_nothing_to_refund() -> None:
    verdict = check_grant(ENVELOPE, shipping_refund(1, 0), Usage(0, 0))
    [refusal] = verdict.refusals
    assert (refusal.limit, refusal.limit_cents, refusal.available_cents, refusal.over_by_cents) == (
        LimitKind.SHIPPING_PAID,
        0,
        0,
        1,
    )
    assert verdict.max_grantable_cents == 0


def test_both_the_envelope_and_the_shipping_are_named_when_both_are_broken() -> None:
    # 1,500 per decision for a shipping refund; the shipping paid is 999.
    verdict = check_grant(ENVELOPE, shipping_refund(1_600, 999), Usage(0, 0))
    assert [r.limit for r in verdict.refusals] == [LimitKind.PER_DECISION, LimitKind.SHIPPING_PAID]
    assert verdict.refusals[1].over_by_cents == 601
    # The envelope bound is the tighter one when the shipping paid is larger.
    assert check_grant(ENVELOPE, shipping_refund(1, 2_500), Usage(0, 0)).max_grantable_cents == 1_500


def test_an_invalid_amount_is_said_once_not_as_a_shipping_excess() -> None:
    verdict = check_grant(ENVELOPE, shipping_refund(0, 499), Usage(0, 0))
    assert [r.limit for r in verdict.refusals] == [LimitKind.INVALID_AMOUNT]


def test_without_an_order_figure_only_the_envelope_bounds() -> None:
    # No shipping figure from the caller: the check cannot bound by the order (as a refund with no
    # line). The centre never asks so for a shipping refund: it refuses one whose order it cannot find
    # (tests/server/test_grants_shipping.py), and the desk has no order to offer it on.
    verdict = check_grant(ENVELOPE, shipping_refund(1_500, None), Usage(0, 0))
    assert verdict.allowed and verdict.max_grantable_cents == 1_500


def test_the_shipping_bound_is_the_catalogues() -> None:
    bound = {g.code for g in GESTURE_TYPES if g.bounded_by == "shipping"}
    assert bound == {GestureCode.SHIPPING_REFUND}
    assert all(is_shipping_bound(g.code) is (g.code in bound) for g in GESTURE_TYPES)


def _order(order_id: str, days_ago: int, shipping: int = 499) -> Order:
    placed = NOW - timedelta(days=days_ago)
    return Order(order_id, order_id.upper(), "c1", placed, "EUR", 4_000 + shipping, shipping)


def test_the_order_a_shipping_refund_applies_to() -> None:
    older, latest = _order("o-old", 20), _order("o-new", 2)
    orders = [latest, older]
    # The case's order when the case names one...
    assert shipping_order(orders, "o-old") is older
    # ...else the customer's latest, whatever order they come in.
    assert shipping_order(orders, None) is latest
    assert shipping_order([older, latest], None) is latest


def test_a_missing_order_is_no_order() -> None:
    # The case's order is unknown here, or the customer has no order: nothing to bound by, and the
    # caller refuses rather than guessing another order.
    assert shipping_order([_order("o1", 3)], "o-unknown") is None
    assert shipping_order([], None) is None
    assert shipping_order([], "o1") is None
