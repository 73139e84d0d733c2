"""The power to say yes on the workstation: every bound at, one cent under and one cent over."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from cache_builders import ADVISOR, ENVELOPE, NOW, Desk, customer, decision, order

from advisor_desk.cache.errors import GrantRefused, InvalidAction, NoAuthority, NotFound
from advisor_desk.cache.views import OutboxStatus
from advisor_desk.domain import decision_chain
from advisor_desk.domain.authority import LimitKind
from advisor_desk.domain.decision_chain import EntryKind
from advisor_desk.domain.model import DecisionStatus, GestureCode, OrderLine, Role, User


def grant(desk: Desk, amount: int, gesture: str = "voucher", customer_id: str = "cust-1", **kw: object):
    return desk.cache.grant_gesture(
        ADVISOR,
        customer_id,
        None,
        gesture,
        amount,
        kw.pop("currency", "EUR"),
        "late_delivery",
        "retard",
        **kw,
    )


def refused(desk: Desk, amount: int, **kw: object) -> GrantRefused:
    with pytest.raises(GrantRefused) as raised:
        grant(desk, amount, **kw)
    return raised.value


@pytest.mark.parametrize(("amount", "allowed"), [(4_999, True), (5_000, True), (5_001, False)])
def test_per_decision_bound(desk: Desk, amount: int, allowed: bool) -> None:
    if allowed:
        assert grant(desk, amount).amount_cents == amount
    else:
        refusal = refused(desk, amount).verdict.refusals[0]
        assert (refusal.limit, refusal.over_by_cents) == (LimitKind.PER_DECISION, 1)
        assert desk.cache.outbox_counts() == (0, 0, 0)
        assert desk.cache.decision_log_entries() == []


@pytest.mark.parametrize(("spent", "allowed"), [(14_999, True), (15_000, True), (15_001, False)])
def test_daily_budget_bound(desk: Desk, spent: int, allowed: bool) -> None:
    # spent today on other customers, some confirmed by the centre, some still local
    desk.feed(customer(2), customer(3), decision(1, "cust-2", spent - 4_000, NOW - timedelta(hours=2)))
    grant(desk, 4_000, customer_id="cust-3")
    if allowed:
        grant(desk, 5_000)
    else:
        refusal = refused(desk, 5_000).verdict.refusals[0]
        assert (refusal.limit, refusal.over_by_cents, refusal.available_cents) == (
            LimitKind.DAILY_BUDGET,
            1,
            4_999,
        )


@pytest.mark.parametrize(("spent", "allowed"), [(2_999, True), (3_000, True), (3_001, False)])
def test_customer_30_day_bound(desk: Desk, spent: int, allowed: bool) -> None:
    other = "u-bob"  # what colleagues granted this customer counts too
    desk.feed(decision(1, "cust-1", spent, NOW - timedelta(days=20), user_id=other))
    if allowed:
        grant(desk, 5_000)
    else:
        refusal = refused(desk, 5_000).verdict.refusals[0]
        assert (refusal.limit, refusal.over_by_cents) == (LimitKind.PER_CUSTOMER_30D, 1)


@pytest.mark.parametrize(("amount", "allowed"), [(3_999, True), (4_000, True), (4_001, False)])
def test_refund_never_above_what_the_line_paid(desk: Desk, amount: int, allowed: bool) -> None:
    # line-1 was paid 40.00 €; the refund gesture allows 100.00 € per decision
    if allowed:
        assert grant(desk, amount, "refund", order_line_id="line-1").order_line_id == "line-1"
    else:
        refusal = refused(desk, amount, gesture="refund", order_line_id="line-1").verdict.refusals[0]
        assert (refusal.limit, refusal.over_by_cents) == (LimitKind.LINE_PAID, 1)


def test_refunds_pending_on_a_line_count_against_it(desk: Desk) -> None:
    desk.feed(
        order(1, "cust-1", lines=(OrderLine("line-1", "prod-1", 1, 11_500, 4_000, refunded_cents=1_000),))
    )
    grant(desk, 2_000, "refund", order_line_id="line-1")
    verdict = refused(desk, 1_001, gesture="refund", order_line_id="line-1").verdict
    assert verdict.refusals[0].limit is LimitKind.LINE_PAID
    grant(desk, 1_000, "refund", order_line_id="line-1")


def test_line_must_be_the_customers(desk: Desk) -> None:
    desk.feed(customer(2), order(2, "cust-2"))
    with pytest.raises(InvalidAction):
        grant(desk, 100, "refund", order_line_id="line-2")
    with pytest.raises(NotFound):
        grant(desk, 100, "refund", order_line_id="line-404")


@pytest.mark.parametrize(
    ("kwargs", "limit"),
    [
        ({"amount": 0}, LimitKind.INVALID_AMOUNT),
        ({"amount": -100}, LimitKind.INVALID_AMOUNT),
        ({"amount": 100, "currency": "USD"}, LimitKind.CURRENCY),
        ({"amount": 100, "gesture": "gift"}, LimitKind.GESTURE_NOT_ALLOWED),
    ],
)
def test_other_refusals(desk: Desk, kwargs: dict, limit: LimitKind) -> None:
    amount = kwargs.pop("amount")
    assert refused(desk, amount, **kwargs).verdict.refusals[0].limit is limit


def test_day_window_follows_the_users_time_zone(desk: Desk) -> None:
    # 23:59 in Paris yesterday does not count today; 00:00 in Paris today does
    desk.feed(
        customer(2),
        decision(1, "cust-2", 10_000, datetime(2026, 11, 22, 22, 59, 59, tzinfo=UTC)),
        decision(2, "cust-2", 5_000, datetime(2026, 11, 22, 23, 0, tzinfo=UTC)),
    )
    usage = desk.cache.usage(ADVISOR.id, "cust-1", NOW, ADVISOR.time_zone)
    assert usage.user_today_cents == 5_000
    verdict = desk.cache.grant_preview(ADVISOR, "cust-1", "voucher")
    assert verdict.remaining_today_cents == 15_000 and verdict.max_grantable_cents == 5_000


def test_customer_window_edge(desk: Desk) -> None:
    desk.feed(
        decision(1, "cust-1", 1_000, NOW - timedelta(days=30), user_id="u-bob"),
        decision(2, "cust-1", 2_000, NOW - timedelta(days=30) + timedelta(seconds=1), user_id="u-bob"),
    )
    assert desk.cache.usage(ADVISOR.id, "cust-1", NOW, ADVISOR.time_zone).customer_30d_cents == 2_000


def test_offline_never_more_than_what_remained_at_last_sync(desk: Desk) -> None:
    """/me said 10.00 € remained today (grants on another desk the cache has not seen yet)."""
    desk.cache.save_me(
        {
            "user": {"id": ADVISOR.id, "username": "alice", "display_name": "Alice Martin", "role": "advisor",
                     "team": ADVISOR.team, "time_zone": "Europe/Paris"},
            "authority": {"currency": "EUR", "daily_budget_cents": 20_000, "remaining_today_cents": 1_000,
                          "per_customer_30d_cents": 8_000,
                          "gestures": [{"code": "voucher", "max_per_decision_cents": 5_000}]},
        }
    )  # fmt: skip
    assert refused(desk, 1_001, offline=True).verdict.refusals[0].limit is LimitKind.DAILY_BUDGET
    grant(desk, 600, offline=True)
    assert refused(desk, 401, offline=True).verdict.refusals[0].over_by_cents == 1
    assert grant(desk, 400, offline=True).offline is True
    # the next day the snapshot no longer applies
    desk.clock.advance(days=1)
    assert grant(desk, 5_000, customer_id="cust-1").amount_cents == 5_000


def test_snapshot_of_another_day_is_not_a_ceiling(desk: Desk) -> None:
    desk.clock.now = NOW - timedelta(days=1)
    desk.cache.save_me(
        {
            "user": {"id": ADVISOR.id, "username": "alice", "display_name": "Alice", "role": "advisor",
                     "team": ADVISOR.team, "time_zone": "Europe/Paris"},
            "authority": {"currency": "EUR", "daily_budget_cents": 20_000, "remaining_today_cents": 0,
                          "per_customer_30d_cents": 8_000, "gestures": []},
        }
    )  # fmt: skip
    desk.clock.now = NOW
    assert grant(desk, 5_000).status is DecisionStatus.PENDING


def test_no_envelope_no_grant(desk: Desk) -> None:
    store_seller = User("u-sam", "sam", "Sam", Role.STORE_STAFF, ADVISOR.team)
    with pytest.raises(NoAuthority):
        desk.cache.grant_gesture(store_seller, "cust-1", None, "voucher", 100, "EUR", "other", "geste")


def test_grant_writes_decision_chain_and_outbox(desk: Desk) -> None:
    first = grant(desk, 1_000)
    second = grant(desk, 2_000, offline=True)
    entries = desk.cache.decision_log_entries()
    assert [e.seq for e in entries] == [1, 2] and all(e.kind is EntryKind.GRANT for e in entries)
    assert decision_chain.verify(entries).ok
    assert (second.chain_seq, second.chain_hash) == (2, entries[1].hash)
    assert first.voucher_code and first.voucher_code != second.voucher_code
    [m1, m2] = desk.cache.pending_mutations()
    assert m2.payload["chain"] == {"seq": 2, "prev_hash": entries[0].hash, "hash": entries[1].hash}
    assert m2.payload["offline"] is True and m2.payload["decision_id"] == second.id
    assert desk.cache.usage(ADVISOR.id, "cust-1", NOW, ADVISOR.time_zone).user_today_cents == 3_000


def test_applied_grant_gets_its_receipt(desk: Desk) -> None:
    made = grant(desk, 1_000)
    entry = desk.cache.pending_mutations()[0]
    chain = entry.payload["chain"]
    confirmed = decision(0, "cust-1", 1_000, made.granted_at, id=made.id, status=DecisionStatus.GRANTED)
    from advisor_desk.domain.wire import to_wire

    desk.cache.record_results(
        [
            {
                "id": entry.id,
                "status": "applied",
                "reason": None,
                "data": {
                    "decision": to_wire(confirmed),
                    "receipt": {
                        "seq": chain["seq"],
                        "hash": chain["hash"],
                        "received_at": "2026-11-23T10:00:01Z",
                    },
                },
            }
        ]
    )
    assert desk.cache.outbox_counts() == (0, 0, 0)
    assert desk.cache.decision(made.id).status is DecisionStatus.GRANTED
    assert desk.cache.decision_receipts() == {1: chain["hash"]}
    assert decision_chain.verify(desk.cache.decision_log_entries(), desk.cache.decision_receipts()).ok


@pytest.mark.parametrize("answer", ["rejected", "duplicate-of-rejected", "conflict"])
def test_refused_grant_is_recorded_never_dropped(desk: Desk, answer: str) -> None:
    made = grant(desk, 5_000)
    entry = desk.cache.pending_mutations()[0]
    from advisor_desk.domain.wire import to_wire

    rejected = decision(0, "cust-1", 5_000, made.granted_at, id=made.id, status=DecisionStatus.REJECTED)
    status = "duplicate" if answer == "duplicate-of-rejected" else answer
    reason = "daily_budget: over by 500 cents (limit 20000, available 4500)"
    counts = desk.cache.record_results(
        [{"id": entry.id, "status": status, "reason": reason, "data": {"decision": to_wire(rejected)}}]
    )
    assert counts["rejected"] == 1
    [shown] = desk.cache.rejected_entries()
    assert shown.status is OutboxStatus.REJECTED and shown.reason == reason
    local = desk.cache.decision(made.id)
    assert local.status is DecisionStatus.REJECTED and local.rejection_reason == reason
    assert local.chain_seq == 1  # still points at its grant entry
    entries = desk.cache.decision_log_entries()
    assert [e.kind for e in entries] == [EntryKind.GRANT, EntryKind.REJECTION]
    assert entries[1].fields["decision_id"] == made.id
    assert decision_chain.verify(entries).ok
    # a rejected grant no longer counts against the budget
    assert desk.cache.usage(ADVISOR.id, "cust-1", NOW, ADVISOR.time_zone).user_today_cents == 0
    # the same answer delivered again changes nothing
    again = desk.cache.record_results([{"id": entry.id, "status": status, "reason": reason, "data": None}])
    assert again["ignored"] == 1 and len(desk.cache.decision_log_entries()) == 2


def test_escalation_and_answer_are_chained(desk: Desk) -> None:
    from cache_builders import LEAD

    esc = desk.cache.request_escalation(
        ADVISOR, "cust-1", None, "voucher", 9_000, "EUR", "service_failure", "trop"
    )
    desk.cache.answer_escalation(LEAD, esc.id, False, "non")
    entries = desk.cache.decision_log_entries()
    assert [e.kind for e in entries] == [EntryKind.ESCALATION, EntryKind.ESCALATION_ANSWER]
    assert decision_chain.verify(entries).ok
    with pytest.raises(InvalidAction):
        desk.cache.answer_escalation(LEAD, esc.id, True)


def test_envelope_from_feed(desk: Desk) -> None:
    assert desk.cache.envelope("advisor") == ENVELOPE
    assert desk.cache.envelope("store_staff") is None


def test_line_bound_adds_the_centre_refunds_the_colleagues_and_this_desks(desk: Desk) -> None:
    # line-1: paid 40.00 €, 10.00 € refunded outside the desk (the order's figure)
    desk.feed(
        order(1, "cust-1", lines=(OrderLine("line-1", "prod-1", 1, 11_500, 4_000, refunded_cents=1_000),)),
        # a colleague's refund on the line, confirmed by the centre
        decision(7, "cust-1", 1_500, NOW - timedelta(hours=1), user_id="u-bob", gesture=GestureCode.REFUND,
                 order_line_id="line-1"),
    )  # fmt: skip
    mine = grant(desk, 500, "refund", order_line_id="line-1")  # pending here
    # left: 40.00 - (10.00 + 15.00 + 5.00) = 10.00
    refusal = refused(desk, 1_001, gesture="refund", order_line_id="line-1").verdict.refusals[0]
    assert (refusal.limit, refusal.over_by_cents) == (LimitKind.LINE_PAID, 1)
    preview = desk.cache.grant_preview(ADVISOR, "cust-1", "refund", 1_000, order_line_id="line-1")
    assert preview.allowed
    # the centre confirms this desk's refund: the same decision, now granted, counted once
    desk.feed(replace(mine, status=DecisionStatus.GRANTED))
    assert [d.status for d in desk.cache.decisions(customer_id="cust-1") if d.id == mine.id] == [
        DecisionStatus.GRANTED
    ]
    refusal = refused(desk, 1_001, gesture="refund", order_line_id="line-1").verdict.refusals[0]
    assert (refusal.limit, refusal.over_by_cents) == (LimitKind.LINE_PAID, 1)
    grant(desk, 1_000, "refund", order_line_id="line-1")
    assert refused(desk, 1, gesture="refund", order_line_id="line-1").verdict.refusals[0].limit is (
        LimitKind.LINE_PAID
    )


@pytest.mark.parametrize("answer", ["rejected", "duplicate-of-rejected"])
def test_refused_grant_keeps_its_receipt(desk: Desk, answer: str) -> None:
    from advisor_desk.domain.wire import to_wire

    made = grant(desk, 5_000)
    entry = desk.cache.pending_mutations()[0]
    chain = entry.payload["chain"]
    rejected = decision(0, "cust-1", 5_000, made.granted_at, id=made.id, status=DecisionStatus.REJECTED)
    receipt = {"seq": chain["seq"], "hash": chain["hash"], "received_at": "2026-11-23T10:00:01Z"}
    status = "duplicate" if answer == "duplicate-of-rejected" else "rejected"
    reason = "daily_budget: over by 500 cents (limit 20000, available 4500)"
    data = {"decision": to_wire(rejected), "receipt": receipt}
    assert (
        desk.cache.record_results([{"id": entry.id, "status": status, "reason": reason, "data": data}])[
            "rejected"
        ]
        == 1
    )
    assert desk.cache.decision_receipts() == {1: chain["hash"]}
    [row, _rejection] = desk.cache.decision_log_rows()
    assert row.receipt_at == datetime(2026, 11, 23, 10, 0, 1, tzinfo=UTC)
    assert decision_chain.verify(desk.cache.decision_log_entries(), desk.cache.decision_receipts()).ok
