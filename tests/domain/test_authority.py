"""The one authority check, at and around every bound."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from advisor_desk.domain.authority import GrantRequest, LimitKind, Usage, check_grant, usage_from_decisions
from advisor_desk.domain.model import (
    AuthorityEnvelope,
    Decision,
    DecisionStatus,
    GestureCode,
    GestureLimit,
    ReasonCode,
    Role,
)

ENVELOPE = AuthorityEnvelope(
    role=Role.ADVISOR,
    currency="EUR",
    daily_budget_cents=20_000,
    per_customer_30d_cents=8_000,
    gestures=(GestureLimit(GestureCode.VOUCHER, 5_000), GestureLimit(GestureCode.REFUND, 10_000)),
)
NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)


def request(amount: int, gesture: GestureCode = GestureCode.VOUCHER, **kw: object) -> GrantRequest:
    return GrantRequest("u1", "c1", gesture, amount, kw.pop("currency", "EUR"), NOW, **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize(("amount", "allowed"), [(4_999, True), (5_000, True), (5_001, False)])
def test_per_decision_bound(amount: int, allowed: bool) -> None:
    verdict = check_grant(ENVELOPE, request(amount), Usage(0, 0))
    assert verdict.allowed is allowed
    if not allowed:
        assert verdict.refusals[0].limit is LimitKind.PER_DECISION
        assert verdict.refusals[0].over_by_cents == 1


@pytest.mark.parametrize(("spent", "allowed"), [(14_999, True), (15_000, True), (15_001, False)])
def test_daily_budget_bound(spent: int, allowed: bool) -> None:
    verdict = check_grant(ENVELOPE, request(5_000), Usage(spent, 0))
    assert verdict.allowed is allowed
    if not allowed:
        assert [r.limit for r in verdict.refusals] == [LimitKind.DAILY_BUDGET]


@pytest.mark.parametrize(("spent", "allowed"), [(2_999, True), (3_000, True), (3_001, False)])
def test_customer_30d_bound(spent: int, allowed: bool) -> None:
    verdict = check_grant(ENVELOPE, request(5_000), Usage(0, spent))
    assert verdict.allowed is allowed


def test_refund_never_above_what_was_paid_for_the_line() -> None:
    ok = check_grant(
        ENVELOPE,
        request(3_000, GestureCode.REFUND, line_paid_cents=4_000, line_refunded_cents=1_000),
        Usage(0, 0),
    )
    over = check_grant(
        ENVELOPE,
        request(3_001, GestureCode.REFUND, line_paid_cents=4_000, line_refunded_cents=1_000),
        Usage(0, 0),
    )
    assert ok.allowed
    assert [r.limit for r in over.refusals] == [LimitKind.LINE_PAID]


@pytest.mark.parametrize("amount", [0, -1])
def test_non_positive_amounts_refused(amount: int) -> None:
    assert check_grant(ENVELOPE, request(amount), Usage(0, 0)).refusals[0].limit is LimitKind.INVALID_AMOUNT


def test_gesture_outside_envelope_and_wrong_currency() -> None:
    assert (
        check_grant(ENVELOPE, request(100, GestureCode.GIFT), Usage(0, 0)).refusals[0].limit
        is LimitKind.GESTURE_NOT_ALLOWED
    )
    assert (
        check_grant(ENVELOPE, request(100, currency="USD"), Usage(0, 0)).refusals[0].limit
        is LimitKind.CURRENCY
    )


def _decision(
    at: datetime,
    amount: int,
    user: str = "u1",
    customer: str = "c1",
    status: DecisionStatus = DecisionStatus.GRANTED,
) -> Decision:
    return Decision(
        id=f"d{at.isoformat()}{amount}",
        user_id=user,
        team="t",
        customer_id=customer,
        gesture=GestureCode.VOUCHER,
        amount_cents=amount,
        currency="EUR",
        reason_code=ReasonCode.OTHER,
        reason_text="",
        granted_at=at,
        status=status,
    )


def test_day_window_follows_the_users_time_zone_across_midnight() -> None:
    # 23:30 in Paris on the 22nd is 22:30 UTC; 00:30 Paris on the 23rd is 23:30 UTC on the 22nd.
    before_midnight = datetime(2026, 11, 22, 22, 30, tzinfo=UTC)
    after_midnight = datetime(2026, 11, 22, 23, 30, tzinfo=UTC)
    decisions = [_decision(before_midnight, 1_000)]
    assert usage_from_decisions(decisions, "u1", "c9", after_midnight, "Europe/Paris").user_today_cents == 0
    assert usage_from_decisions(decisions, "u1", "c9", after_midnight, "UTC").user_today_cents == 1_000


def test_thirty_day_window_edges_and_statuses() -> None:
    edge = NOW - timedelta(days=30)
    decisions = [
        _decision(edge, 1_000),  # exactly 30 days ago: out of the window
        _decision(edge + timedelta(seconds=1), 2_000),
        _decision(NOW - timedelta(days=1), 4_000, status=DecisionStatus.REJECTED),
        _decision(NOW - timedelta(days=1), 8_000, status=DecisionStatus.PENDING, user="u2"),
    ]
    usage = usage_from_decisions(decisions, "u1", "c1", NOW, "Europe/Paris")
    assert usage.customer_30d_cents == 10_000


def test_a_later_dated_grant_counts_against_an_earlier_one() -> None:
    """An offline grant dated before one the customer already received must still see it."""
    later = _decision(NOW + timedelta(hours=2), 7_000)
    assert usage_from_decisions([later], "u1", "c1", NOW, "Europe/Paris").customer_30d_cents == 7_000
