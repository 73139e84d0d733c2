"""The power to say yes: may this user grant this gesture of this amount to this customer now?

This is the one authority check of Advisor Desk. The workstation runs it before writing a grant (so a
yes inside the envelope is immediate, offline included), and the central API runs it again, on what it
holds, before accepting the grant. Both sides call :func:`check_grant`; neither has a copy of the rules.

Bounds from the order: a refund of an order line never exceeds what is left of what the customer paid
for that line (``line_paid_*``), a shipping refund never exceeds what is left of the shipping the
customer paid on the order (``shipping_paid_*``, the catalogue's ``bounded_by="shipping"``). The caller
looks the order up; :func:`shipping_order` says which order a shipping refund applies to, so both sides
pick the same one.

Windows: the per-user budget is per calendar day *in the user's time zone* (a Lyon advisor's day ends
at midnight in Lyon, not in UTC); the per-customer cap is over the rolling 30 days before the grant.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from advisor_desk.domain.catalogue import GESTURE_CATALOGUE
from advisor_desk.domain.model import AuthorityEnvelope, Decision, GestureCode, Order

CUSTOMER_WINDOW = timedelta(days=30)


class LimitKind(StrEnum):
    """Which limit a grant would break; the UI names it and says by how much."""

    GESTURE_NOT_ALLOWED = "gesture_not_allowed"
    PER_DECISION = "per_decision"
    DAILY_BUDGET = "daily_budget"
    PER_CUSTOMER_30D = "per_customer_30d"
    LINE_PAID = "line_paid"
    SHIPPING_PAID = "shipping_paid"
    CURRENCY = "currency"
    INVALID_AMOUNT = "invalid_amount"


@dataclass(frozen=True, slots=True)
class Refusal:
    limit: LimitKind
    limit_cents: int = 0
    available_cents: int = 0
    over_by_cents: int = 0

    def describe(self) -> str:
        """A plain English reason for logs and API answers; the UI builds a translated one."""
        if self.limit is LimitKind.GESTURE_NOT_ALLOWED:
            return "this gesture is not in the role's authority"
        if self.limit is LimitKind.CURRENCY:
            return "the amount is not in the organisation's currency"
        if self.limit is LimitKind.INVALID_AMOUNT:
            return "the amount must be positive"
        return (
            f"{self.limit.value}: over by {self.over_by_cents} cents "
            f"(limit {self.limit_cents}, available {self.available_cents})"
        )


@dataclass(frozen=True, slots=True)
class GrantRequest:
    user_id: str
    customer_id: str
    gesture: GestureCode
    amount_cents: int
    currency: str
    at: datetime
    #: For a refund of an order line: what the customer paid for it and what was already refunded.
    line_paid_cents: int | None = None
    line_refunded_cents: int = 0
    #: For a shipping refund: the shipping the customer paid on the order (0 when it was free) and what
    #: was already refunded of it. None when the caller gives no order figure; the centre always gives
    #: it for a shipping-bound gesture and refuses a grant whose order it does not know, as it refuses
    #: an unknown order line.
    shipping_paid_cents: int | None = None
    shipping_refunded_cents: int = 0


@dataclass(frozen=True, slots=True)
class Usage:
    """What has already been spent, as the checking side knows it."""

    user_today_cents: int
    customer_30d_cents: int


@dataclass(frozen=True, slots=True)
class Verdict:
    refusals: tuple[Refusal, ...]
    remaining_today_cents: int
    remaining_customer_cents: int
    max_for_gesture_cents: int

    @property
    def allowed(self) -> bool:
        return not self.refusals

    @property
    def max_grantable_cents(self) -> int:
        """The largest amount that would pass now (0 when nothing can be granted)."""
        return max(
            0, min(self.remaining_today_cents, self.remaining_customer_cents, self.max_for_gesture_cents)
        )

    def reason(self) -> str:
        return "; ".join(r.describe() for r in self.refusals)


def day_bounds(at: datetime, time_zone: str) -> tuple[datetime, datetime]:
    """The user's calendar day containing ``at``, as [start, end) aware datetimes."""
    tz = ZoneInfo(time_zone)
    local_day = at.astimezone(tz).date()
    start = datetime.combine(local_day, time.min, tzinfo=tz)
    end = datetime.combine(local_day + timedelta(days=1), time.min, tzinfo=tz)
    return start, end


def usage_from_decisions(
    decisions: Iterable[Decision], user_id: str, customer_id: str, at: datetime, time_zone: str
) -> Usage:
    """Sum what counts against the budgets (pending and granted decisions) around ``at``."""
    start, end = day_bounds(at, time_zone)
    since = at - CUSTOMER_WINDOW
    user_today = customer_30d = 0
    for d in decisions:
        if not d.status.counts_against_budget:
            continue
        if d.user_id == user_id and start <= d.granted_at < end:
            user_today += d.amount_cents
        # Every grant after the window's start counts, including one dated later than ``at``: an offline
        # grant arriving late must not slip past a cap that later grants already used.
        if d.customer_id == customer_id and since < d.granted_at:
            customer_30d += d.amount_cents
    return Usage(user_today, customer_30d)


def is_shipping_bound(gesture: GestureCode) -> bool:
    """Whether the catalogue bounds this gesture by the shipping paid (a shipping refund)."""
    entry = GESTURE_CATALOGUE.get(gesture)
    return entry is not None and entry.bounded_by == "shipping"


def shipping_order(orders: Sequence[Order], case_order_id: str | None) -> Order | None:
    """The order a shipping refund applies to: the case's order when the case names one, else the
    customer's latest order. None when there is no such order (the case's order is unknown here, or the
    customer has none): a shipping refund then has no shipping paid to be bounded by."""
    if case_order_id:
        return next((o for o in orders if o.id == case_order_id), None)
    return max(orders, key=lambda o: (o.placed_at, o.id), default=None)


def shipping_refunded(
    order: Order,
    orders: Sequence[Order],
    decisions: Iterable[Decision],
    case_orders: Mapping[str, str | None],
    gesture: GestureCode,
) -> int:
    """What earlier decisions already refunded of ``order``'s shipping: every decision of this gesture
    that counts (pending or granted) whose own order, picked by :func:`shipping_order` from its case,
    is ``order``. The centre and the desk both count with this.

    ``case_orders`` maps the case ids known to the caller to the order each case names; a decision on a
    case not known there, or with no case, counts against the customer's latest order.
    """
    refunded = 0
    for d in decisions:
        if d.gesture is not gesture or not d.status.counts_against_budget:
            continue
        on = shipping_order(orders, case_orders.get(d.case_id) if d.case_id else None)
        if on is not None and on.id == order.id:
            refunded += d.amount_cents
    return refunded


def check_grant(envelope: AuthorityEnvelope, request: GrantRequest, usage: Usage) -> Verdict:
    """Check a grant against an envelope and what was already spent. Pure: no clock, no I/O."""
    refusals: list[Refusal] = []
    amount = request.amount_cents
    remaining_today = envelope.daily_budget_cents - usage.user_today_cents
    remaining_customer = envelope.per_customer_30d_cents - usage.customer_30d_cents
    limit = envelope.limit_for(request.gesture)
    max_for_gesture = limit.max_per_decision_cents if limit else 0
    if request.line_paid_cents is not None:
        max_for_gesture = min(max_for_gesture, request.line_paid_cents - request.line_refunded_cents)
    if request.shipping_paid_cents is not None:
        max_for_gesture = min(max_for_gesture, request.shipping_paid_cents - request.shipping_refunded_cents)

    if isinstance(amount, bool) or not isinstance(amount, int) or amount <= 0:
        refusals.append(Refusal(LimitKind.INVALID_AMOUNT))
    elif request.currency != envelope.currency:
        refusals.append(Refusal(LimitKind.CURRENCY))
    elif limit is None:
        refusals.append(Refusal(LimitKind.GESTURE_NOT_ALLOWED))
    else:
        if amount > limit.max_per_decision_cents:
            refusals.append(
                Refusal(
                    LimitKind.PER_DECISION,
                    limit.max_per_decision_cents,
                    limit.max_per_decision_cents,
                    amount - limit.max_per_decision_cents,
                )
            )
        if request.line_paid_cents is not None:
            left_on_line = request.line_paid_cents - request.line_refunded_cents
            if amount > left_on_line:
                refusals.append(
                    Refusal(
                        LimitKind.LINE_PAID,
                        request.line_paid_cents,
                        max(0, left_on_line),
                        amount - left_on_line,
                    )
                )
        if request.shipping_paid_cents is not None:
            left_of_shipping = request.shipping_paid_cents - request.shipping_refunded_cents
            if amount > left_of_shipping:
                refusals.append(
                    Refusal(
                        LimitKind.SHIPPING_PAID,
                        request.shipping_paid_cents,
                        max(0, left_of_shipping),
                        amount - left_of_shipping,
                    )
                )
        if amount > remaining_today:
            refusals.append(
                Refusal(
                    LimitKind.DAILY_BUDGET,
                    envelope.daily_budget_cents,
                    max(0, remaining_today),
                    amount - remaining_today,
                )
            )
        if amount > remaining_customer:
            refusals.append(
                Refusal(
                    LimitKind.PER_CUSTOMER_30D,
                    envelope.per_customer_30d_cents,
                    max(0, remaining_customer),
                    amount - remaining_customer,
                )
            )
    return Verdict(tuple(refusals), remaining_today, remaining_customer, max_for_gesture)
