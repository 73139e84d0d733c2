"""A user's authority as the centre sees it: envelope of the role, what was spent today, and the shipping
a shipping refund is bounded by."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from advisor_desk.domain.authority import (
    day_bounds,
    is_shipping_bound,
    shipping_order,
    shipping_refunded,
    usage_from_decisions,
)
from advisor_desk.domain.model import (
    AuthorityEnvelope,
    Case,
    Decision,
    DecisionStatus,
    GestureCode,
    GestureType,
    Order,
    User,
)
from advisor_desk.domain.wire import EntityKind, from_wire
from advisor_desk.server import store
from advisor_desk.server.models import CaseRow, DecisionRow, OrderRow

_COUNTING = [s.value for s in DecisionStatus if s.counts_against_budget]


def envelope_of(session: Session, user: User) -> AuthorityEnvelope | None:
    envelope: AuthorityEnvelope | None = store.load(session, EntityKind.ENVELOPE, user.role.value)
    return envelope


def decisions_of_user_on_day(session: Session, user: User, at: datetime) -> list[Decision]:
    start, end = day_bounds(at, user.time_zone)
    rows = session.scalars(
        select(DecisionRow.data).where(
            DecisionRow.user_id == user.id,
            DecisionRow.status.in_(_COUNTING),
            DecisionRow.granted_at >= start,
            DecisionRow.granted_at < end,
        )
    )
    return [from_wire(Decision, data) for data in rows]


def authority_summary(session: Session, user: User, at: datetime, default_currency: str) -> dict[str, Any]:
    """The ``authority`` object of ``GET /me``; an empty envelope when the role has none."""
    envelope = envelope_of(session, user)
    if envelope is None:
        return {
            "currency": default_currency,
            "daily_budget_cents": 0,
            "remaining_today_cents": 0,
            "per_customer_30d_cents": 0,
            "gestures": [],
        }
    usage = usage_from_decisions(decisions_of_user_on_day(session, user, at), user.id, "", at, user.time_zone)
    return {
        "currency": envelope.currency,
        "daily_budget_cents": envelope.daily_budget_cents,
        "remaining_today_cents": max(0, envelope.daily_budget_cents - usage.user_today_cents),
        "per_customer_30d_cents": envelope.per_customer_30d_cents,
        "gestures": [
            {"code": g.code.value, "max_per_decision_cents": g.max_per_decision_cents}
            for g in envelope.gestures
        ],
    }


@dataclass(frozen=True, slots=True)
class ShippingBound:
    """What a shipping refund is checked against (the ``shipping_paid_*`` of the grant request).

    ``paid_cents`` is None when the gesture is not bounded by shipping. ``unknown`` says why there is
    no order to bound by (the grant is then refused, as a grant on an unknown order line is).
    """

    paid_cents: int | None = None
    refunded_cents: int = 0
    unknown: str | None = None


def shipping_bound(
    session: Session, gesture: GestureCode, customer_id: str, case: Case | None
) -> ShippingBound:
    """The shipping paid on the order a shipping refund applies to, and what was already refunded of it.

    The order is the one :func:`~advisor_desk.domain.authority.shipping_order` picks (the case's order,
    else the customer's latest), the same the desk picks. Already refunded: every decision of this
    gesture that counts (pending or granted) on that order, the order found by the same rule.
    """
    gesture_type: GestureType | None = store.load(session, EntityKind.GESTURE_TYPE, gesture.value)
    # A shipping refund is bounded by the shipping whatever the centre's catalogue says; other
    # gestures when it says so (as refunds and the line bound).
    bounded = is_shipping_bound(gesture) or (
        gesture_type is not None and gesture_type.bounded_by == "shipping"
    )
    if not bounded:
        return ShippingBound()
    orders = [
        from_wire(Order, data)
        for data in session.scalars(select(OrderRow.data).where(OrderRow.customer_id == customer_id))
    ]
    case_order_id = case.order_id if case is not None else None
    order = shipping_order(orders, case_order_id)
    if order is None:
        if case_order_id:
            return ShippingBound(unknown="unknown_order: the case's order is not known to the centre")
        return ShippingBound(
            unknown="unknown_order: the customer has no order whose shipping could be refunded"
        )
    earlier = [
        from_wire(Decision, data)
        for data in session.scalars(
            select(DecisionRow.data).where(
                DecisionRow.customer_id == customer_id,
                DecisionRow.gesture == gesture.value,
                DecisionRow.status.in_(_COUNTING),
            )
        )
    ]
    case_ids = sorted({d.case_id for d in earlier if d.case_id})
    case_orders: dict[str, str | None] = {}
    if case_ids:
        for case_id, data in session.execute(
            select(CaseRow.id, CaseRow.data).where(CaseRow.id.in_(case_ids))
        ):
            case_orders[case_id] = from_wire(Case, data).order_id
    # Counted as the desk counts it; a decision whose case the centre no longer holds is counted
    # against the latest order.
    return ShippingBound(
        order.shipping_cents, shipping_refunded(order, orders, earlier, case_orders, gesture)
    )
