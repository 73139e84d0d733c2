"""What a grant is checked against, read once from the cache off the GUI thread, then checked as the user types.

:func:`load_grant_context` runs in the "db" lane: it reads the user's envelope, what was already spent
(today in the user's time zone, for this customer over 30 days, the offline ceiling of the last sync
included: ``LocalCache.usage``), the customer's orders with what is left to refund on each line, the
case, and the customer's decisions and escalations. :meth:`GrantContext.verdict` then runs the one
domain authority check (:func:`advisor_desk.domain.authority.check_grant`) on that snapshot: pure and
instant, so the verdict follows each keystroke without touching the database. The cache checks again,
under its write lock, when the user says yes; the centre checks a third time on arrival.

The order bounds are given to the check with the inputs the cache and the centre give it, never checked
here a second way: a refund's line (what was paid, minus the order's refunds and every counting refund
of the line) and a shipping refund's order (:func:`~advisor_desk.domain.authority.shipping_order`, and
the earlier shipping refunds on it counted by :func:`advisor_desk.domain.authority.shipping_refunded`).

No Qt here: this module is the same for the side panel and the store counter screen.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from advisor_desk.domain.authority import (
    GrantRequest,
    LimitKind,
    Refusal,
    Usage,
    Verdict,
    check_grant,
    is_shipping_bound,
    shipping_order,
    shipping_refunded,
)
from advisor_desk.domain.catalogue import GESTURE_CATALOGUE, GESTURE_TYPES, suggested_gestures
from advisor_desk.domain.model import (
    AuthorityEnvelope,
    Case,
    Customer,
    Decision,
    DecisionStatus,
    Escalation,
    GestureCode,
    Order,
    User,
)

#: Gestures whose amount is bounded by one order line (the authority check enforces it).
LINE_BOUND = frozenset({GestureCode.REFUND})


@dataclass(frozen=True, slots=True)
class RefundableLine:
    """One order line and what is left to refund on it (the order's figure or newer local grants)."""

    order_id: str
    order_number: str
    line_id: str
    product_name: str
    quantity: int
    paid_cents: int
    refunded_cents: int
    currency: str

    @property
    def left_cents(self) -> int:
        return max(0, self.paid_cents - self.refunded_cents)


@dataclass(frozen=True, slots=True)
class GrantContext:
    """Everything the authority check needs about one customer (and case), as of ``at``."""

    user: User
    customer: Customer
    case: Case | None
    envelope: AuthorityEnvelope | None
    usage: Usage
    at: datetime
    lines: tuple[RefundableLine, ...]
    orders: tuple[Order, ...]
    decisions: tuple[Decision, ...]  # this customer's, newest first
    escalations: tuple[Escalation, ...]  # this customer's, newest first
    #: The order each case of an earlier shipping refund names (the cases held here), so earlier
    #: refunds are put on the order the centre puts them on.
    case_orders: Mapping[str, str | None] = field(default_factory=dict)
    #: Gestures the synced catalogue bounds by the shipping paid, besides the shipping refund itself.
    shipping_gestures: frozenset[GestureCode] = frozenset()

    @property
    def currency(self) -> str:
        return self.envelope.currency if self.envelope else "EUR"

    @property
    def order(self) -> Order | None:
        """The order the case is about, else the customer's latest."""
        if self.case is not None and self.case.order_id:
            for o in self.orders:
                if o.id == self.case.order_id:
                    return o
        return self.orders[0] if self.orders else None

    def gestures(self) -> list[GestureCode]:
        """The gestures the envelope allows: suggested ones first (most fitting first), then the rest."""
        if self.envelope is None:
            return []
        allowed = [g.code for g in GESTURE_TYPES if self.envelope.limit_for(g.code) is not None]
        suggested = [c for c in self.suggested() if c in allowed]
        return suggested + [c for c in allowed if c not in suggested]

    def suggested(self) -> list[GestureCode]:
        if self.case is None:
            return []
        return suggested_gestures(self.case.category, self.order)

    def line(self, line_id: str | None) -> RefundableLine | None:
        for line in self.lines:
            if line.line_id == line_id:
                return line
        return None

    def shipping_bound(self, gesture: GestureCode) -> tuple[int | None, int]:
        """The shipping paid and already refunded on the order a shipping refund applies to, as the
        cache and the centre work them out; (None, 0) for a gesture the shipping does not bound.

        With no such order here (the case's order is not held, or the customer has none) nothing can be
        refunded: (0, 0), where the cache and the centre refuse the grant outright.
        """
        if not (is_shipping_bound(gesture) or gesture in self.shipping_gestures):
            return None, 0
        order = shipping_order(self.orders, self.case.order_id if self.case else None)
        if order is None:
            return 0, 0
        return order.shipping_cents, shipping_refunded(
            order, self.orders, self.decisions, self.case_orders, gesture
        )

    def verdict(self, gesture: GestureCode, amount_cents: int, line_id: str | None = None) -> Verdict:
        """The authority check on this snapshot (what the cache will answer, barring newer grants)."""
        if self.envelope is None:
            return Verdict((Refusal(LimitKind.GESTURE_NOT_ALLOWED),), 0, 0, 0)
        line = self.line(line_id) if gesture in LINE_BOUND else None
        shipping_paid, shipping_refunded_cents = self.shipping_bound(gesture)
        request = GrantRequest(
            self.user.id,
            self.customer.id,
            gesture,
            amount_cents,
            self.currency,
            self.at,
            line.paid_cents if line is not None else None,
            line.refunded_cents if line is not None else 0,
            shipping_paid_cents=shipping_paid,
            shipping_refunded_cents=shipping_refunded_cents,
        )
        return check_grant(self.envelope, request, self.usage)

    def ceiling(self, gesture: GestureCode, line_id: str | None = None) -> Verdict:
        """The verdict for one cent: remaining budgets and the most this gesture may be now."""
        return self.verdict(gesture, 1, line_id)

    def presets(self, gesture: GestureCode, line_id: str | None = None) -> list[int]:
        """The catalogue presets of the gesture, plus "the whole line" for a refund."""
        values = list(GESTURE_CATALOGUE[gesture].presets_cents)
        line = self.line(line_id) if gesture in LINE_BOUND else None
        if line is not None and line.left_cents > 0:
            values = [v for v in values if v < line.left_cents] + [line.left_cents]
        return values

    def pending_decisions(self) -> list[Decision]:
        return [d for d in self.decisions if d.status is DecisionStatus.PENDING]


def _refundable_lines(
    orders: list[Order], decisions: list[Decision], products: dict[str, str]
) -> list[RefundableLine]:
    spent: dict[str, int] = {}
    for d in decisions:
        if d.gesture is GestureCode.REFUND and d.order_line_id and d.status.counts_against_budget:
            spent[d.order_line_id] = spent.get(d.order_line_id, 0) + d.amount_cents
    lines = []
    for o in orders:
        for line in o.lines:
            lines.append(
                RefundableLine(
                    order_id=o.id,
                    order_number=o.number,
                    line_id=line.id,
                    product_name=products.get(line.product_id, line.product_id),
                    quantity=line.quantity,
                    paid_cents=line.paid_cents,
                    # as the cache and the centre count it: what was refunded outside the desk
                    # (the order's figure) plus every counting decision on the line
                    refunded_cents=line.refunded_cents + spent.get(line.id, 0),
                    currency=o.currency,
                )
            )
    return lines


def load_grant_context(
    cache: Any, user: User, customer_id: str, case_id: str | None, at: datetime
) -> GrantContext | None:
    """Read what the check needs (blocking: run it in the "db" lane). None when the customer is unknown."""
    customer = cache.customer(customer_id)
    if customer is None:
        return None
    case = cache.case(case_id) if case_id else None
    if case is not None and case.customer_id != customer_id:
        case = None
    orders = cache.orders(customer_id)
    decisions = cache.decisions(customer_id=customer_id)
    shipping_gestures = frozenset(g.code for g in cache.gesture_types() if g.bounded_by == "shipping")
    # Only the cases of earlier shipping refunds: a customer may have hundreds of cases.
    case_orders: dict[str, str | None] = {}
    for earlier in sorted(
        {
            d.case_id
            for d in decisions
            if d.case_id and (is_shipping_bound(d.gesture) or d.gesture in shipping_gestures)
        }
    ):
        held = case if case is not None and case.id == earlier else cache.case(earlier)
        if held is not None:
            case_orders[earlier] = held.order_id
    product_ids = sorted({line.product_id for o in orders for line in o.lines})
    products = {p.id: p.name for p in cache.products(product_ids)}
    escalations = [e for e in cache.escalations(user_id=user.id) if e.customer_id == customer_id]
    return GrantContext(
        user=user,
        customer=customer,
        case=case,
        envelope=cache.envelope(user.role),
        usage=cache.usage(user.id, customer_id, at, user.time_zone),
        at=at,
        lines=tuple(_refundable_lines(orders, decisions, products)),
        orders=tuple(orders),
        decisions=tuple(decisions),
        escalations=tuple(escalations),
        case_orders=case_orders,
        shipping_gestures=shipping_gestures,
    )
