"""Mutations on goodwill gestures: grants (re-checked here), revocations, reviews, escalations.

A grant is re-checked with :func:`advisor_desk.domain.authority.check_grant` — the same function the
workstation ran — against the granting user's envelope and the decisions the centre holds, under locks
that serialise grants of one user and of one customer (PostgreSQL: row locks on both; SQLite: the
writing transaction already excludes other writers), so two concurrent grants cannot both pass a
budget that fits one. A refused grant is kept, with status ``rejected``, so team leads see it.
A refund is bounded by its order line, a shipping refund by the shipping paid on its order
(:func:`~advisor_desk.server.services.authority.shipping_bound`); a grant on a line or an order the
centre does not know is refused outright, nothing written.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from sqlalchemy import func, or_, select

from advisor_desk.domain.authority import (
    CUSTOMER_WINDOW,
    GrantRequest,
    Usage,
    check_grant,
    day_bounds,
    usage_from_decisions,
)
from advisor_desk.domain.model import (
    Decision,
    DecisionStatus,
    Escalation,
    EscalationStatus,
    GestureCode,
    GestureType,
    Role,
)
from advisor_desk.domain.wire import EntityKind, from_wire
from advisor_desk.server import store
from advisor_desk.server.models import DecisionRow, OrderLineRow, OrderRow
from advisor_desk.server.services.authority import envelope_of, shipping_bound
from advisor_desk.server.services.mutations.context import MutationContext, Outcome, Refused, wire
from advisor_desk.server.services.mutations.payloads import (
    DecisionGrant,
    DecisionRevoke,
    EscalationAnswer,
    EscalationRequest,
    ReviewMark,
)

#: How far a grant's time may be ahead of the server clock (workstation clocks drift a little).
CLOCK_SKEW = timedelta(minutes=5)
#: How old an offline grant may be when it reaches the centre.
MAX_OFFLINE_AGE = timedelta(days=30)
_COUNTING = [s.value for s in DecisionStatus if s.counts_against_budget]


def _line_bound(ctx: MutationContext, p: DecisionGrant) -> tuple[int | None, int]:
    """What was paid for the order line and what was refunded of it (None when not line-bounded)."""
    if p.order_line_id is None:
        return None, 0
    line = ctx.session.execute(
        select(OrderLineRow.paid_cents, OrderLineRow.refunded_cents)
        .join(OrderRow, OrderRow.id == OrderLineRow.order_id)
        .where(OrderLineRow.id == p.order_line_id, OrderRow.customer_id == p.customer_id)
    ).one_or_none()
    if line is None:
        raise Refused("unknown_order_line")
    gesture_type: GestureType | None = store.load(ctx.session, EntityKind.GESTURE_TYPE, p.gesture.value)
    # A refund is bounded by the line whatever the catalogue says; other gestures when it says so.
    bounded = p.gesture is GestureCode.REFUND or (
        gesture_type is not None and gesture_type.bounded_by == "line"
    )
    if not bounded:
        return None, 0
    refunded_here = ctx.session.scalar(
        select(func.coalesce(func.sum(DecisionRow.amount_cents), 0)).where(
            DecisionRow.order_line_id == p.order_line_id,
            DecisionRow.gesture == p.gesture.value,
            DecisionRow.status.in_(_COUNTING),
        )
    )
    return int(line.paid_cents), int(line.refunded_cents) + int(refunded_here or 0)


def _usage_decisions(ctx: MutationContext, customer_id: str, p: DecisionGrant) -> list[Decision]:
    start, end = day_bounds(p.granted_at, ctx.user.time_zone)
    since = p.granted_at - CUSTOMER_WINDOW
    rows = ctx.session.scalars(
        select(DecisionRow.data).where(
            DecisionRow.status.in_(_COUNTING),
            or_(
                (DecisionRow.user_id == ctx.user.id)
                & (DecisionRow.granted_at >= start)
                & (DecisionRow.granted_at < end),
                # No upper bound: a grant dated later but recorded first is money already given.
                (DecisionRow.customer_id == customer_id) & (DecisionRow.granted_at > since),
            ),
        )
    )
    return [from_wire(Decision, data) for data in rows]


def _usage(ctx: MutationContext, p: DecisionGrant) -> Usage:
    """What the user spent on the grant's day, and what the customer received over 30 days.

    Grants reach the centre out of time order (offline desks, concurrent requests): the customer's
    window is taken up to the latest decision already recorded, so a grant dated a little earlier
    cannot ignore one recorded before it.
    """
    decisions = _usage_decisions(ctx, p.customer_id, p)
    tz = ctx.user.time_zone
    user_today = usage_from_decisions(
        decisions, ctx.user.id, p.customer_id, p.granted_at, tz
    ).user_today_cents
    latest = max([p.granted_at] + [d.granted_at for d in decisions if d.customer_id == p.customer_id])
    customer = usage_from_decisions(decisions, ctx.user.id, p.customer_id, latest, tz).customer_30d_cents
    return Usage(user_today, customer)


def grant(ctx: MutationContext, p: DecisionGrant) -> Outcome:
    # Locks first, always in this order (user, then customer), so concurrent grants cannot deadlock.
    ctx.lock_user(ctx.user.id)
    ctx.customer(p.customer_id, lock=True)
    case = ctx.case(p.case_id, p.customer_id) if p.case_id is not None else None
    ctx.ensure_new(EntityKind.DECISION, p.decision_id)
    if p.granted_at > ctx.now + CLOCK_SKEW:
        raise Refused("invalid_time: granted in the future")
    if p.granted_at < ctx.now - MAX_OFFLINE_AGE:
        raise Refused("invalid_time: too old to be accepted")
    receipt = ctx.receipt(p.chain)
    line_paid, line_refunded = _line_bound(ctx, p)
    shipping = shipping_bound(ctx.session, p.gesture, p.customer_id, case)
    if shipping.unknown is not None:
        raise Refused(shipping.unknown)
    envelope = envelope_of(ctx.session, ctx.user)
    if envelope is None:
        reason: str | None = "no_envelope: the role has no authority to grant"
    else:
        usage = _usage(ctx, p)
        request = GrantRequest(
            ctx.user.id,
            p.customer_id,
            p.gesture,
            p.amount_cents,
            p.currency,
            p.granted_at,
            line_paid_cents=line_paid,
            line_refunded_cents=line_refunded,
            shipping_paid_cents=shipping.paid_cents,
            shipping_refunded_cents=shipping.refunded_cents,
        )
        verdict = check_grant(envelope, request, usage)
        reason = None if verdict.allowed else verdict.reason()
    decision = Decision(
        id=p.decision_id,
        user_id=ctx.user.id,
        team=ctx.user.team,
        customer_id=p.customer_id,
        gesture=p.gesture,
        amount_cents=p.amount_cents,
        currency=p.currency,
        reason_code=p.reason_code,
        reason_text=p.reason_text,
        granted_at=p.granted_at,
        status=DecisionStatus.GRANTED if reason is None else DecisionStatus.REJECTED,
        case_id=p.case_id,
        order_line_id=p.order_line_id,
        voucher_code=p.voucher_code,
        offline=p.offline,
        rejection_reason=reason,
        workstation_id=ctx.workstation_id,
        chain_seq=p.chain.seq,
        chain_hash=p.chain.hash,
        updated_at=ctx.now,
    )
    store.save(ctx.session, decision)
    data = {"decision": wire(decision), "receipt": receipt}
    return Outcome("applied" if reason is None else "rejected", reason, data)


def _decision(ctx: MutationContext, decision_id: str) -> Decision:
    decision: Decision | None = store.load(ctx.session, EntityKind.DECISION, decision_id)
    if decision is None or not (ctx.user.role is Role.ADMIN or decision.team == ctx.user.team):
        raise Refused("unknown_decision")
    return decision


def revoke(ctx: MutationContext, p: DecisionRevoke) -> Outcome:
    ctx.lock_user(ctx.user.id)
    decision = _decision(ctx, p.decision_id)
    if not decision.status.counts_against_budget:
        raise Refused(f"not_revocable: the decision is {decision.status.value}")
    own_today = (
        decision.user_id == ctx.user.id and day_bounds(ctx.now, ctx.user.time_zone)[0] <= decision.granted_at
    )
    if not (ctx.is_lead or own_today):
        raise Refused("forbidden: a team lead revokes, or the granting user on the same day")
    receipt = ctx.receipt(p.chain)
    # The reason for a revocation is kept in rejection_reason (the decision's "why not").
    revoked = replace(
        decision, status=DecisionStatus.REVOKED, rejection_reason=p.reason_text, updated_at=ctx.now
    )
    store.save(ctx.session, revoked)
    return Outcome("applied", data={"decision": wire(revoked), "receipt": receipt})


def review_mark(ctx: MutationContext, p: ReviewMark) -> Outcome:
    if not ctx.is_lead:
        raise Refused("forbidden: only a team lead reviews decisions")
    decision = _decision(ctx, p.decision_id)
    reviewed = replace(
        decision, reviewed_by=ctx.user.id, reviewed_at=ctx.now, review_comment=p.comment, updated_at=ctx.now
    )
    store.save(ctx.session, reviewed)
    return Outcome("applied", data={"decision": wire(reviewed)})


def escalation(ctx: MutationContext, p: EscalationRequest) -> Outcome:
    ctx.customer(p.customer_id)
    if p.case_id is not None:
        ctx.case(p.case_id, p.customer_id)
    ctx.ensure_new(EntityKind.ESCALATION, p.escalation_id)
    receipt = ctx.receipt(p.chain)
    request = Escalation(
        id=p.escalation_id,
        user_id=ctx.user.id,
        team=ctx.user.team,
        customer_id=p.customer_id,
        gesture=p.gesture,
        amount_cents=p.amount_cents,
        currency=p.currency,
        reason_code=p.reason_code,
        reason_text=p.reason_text,
        requested_at=p.requested_at,
        case_id=p.case_id,
        updated_at=ctx.now,
    )
    store.save(ctx.session, request)
    return Outcome("applied", data={"escalation": wire(request), "receipt": receipt})


def escalation_answer(ctx: MutationContext, p: EscalationAnswer) -> Outcome:
    if not ctx.is_lead:
        raise Refused("forbidden: only a team lead answers escalations")
    request: Escalation | None = store.load(ctx.session, EntityKind.ESCALATION, p.escalation_id)
    if request is None or not ctx.may_see_team(request.team):
        raise Refused("unknown_escalation")
    if request.status is not EscalationStatus.OPEN:
        raise Refused(f"already_answered: {request.status.value}")
    answered = replace(
        request,
        status=EscalationStatus.APPROVED if p.approved else EscalationStatus.DECLINED,
        answered_by=ctx.user.id,
        answered_at=ctx.now,
        answer_comment=p.comment,
        updated_at=ctx.now,
    )
    store.save(ctx.session, answered)
    return Outcome("applied", data={"escalation": wire(answered)})
