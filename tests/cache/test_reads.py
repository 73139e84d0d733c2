"""Reads for the UI: the work queue with its countdowns, the timeline, lazily loaded interactions."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from cache_builders import ADVISOR, NOW, Desk, case, customer, interaction

from advisor_desk.cache.views import QueueRow, QueueRowKind
from advisor_desk.domain.channels import Channel, ResponseState, ResponseTarget
from advisor_desk.domain.model import CaseKind, CaseStatus, FollowUp, Product
from advisor_desk.domain.wire import to_wire


def _queue_fixture(desk: Desk) -> None:
    desk.feed(
        customer(2, first_name="Bruno", last_name="Caron"),
        # chat: 5 min target, 30 min limit -> opened 40 min ago: past the limit
        case(2, "cust-2", channel=Channel.CHAT, opened_at=NOW - timedelta(minutes=40)),
        # twitter: 30 min target -> opened 25 min ago: near the target (5 min left)
        case(
            3,
            "cust-2",
            channel=Channel.TWITTER,
            opened_at=NOW - timedelta(minutes=25),
            assignee_id=ADVISOR.id,
        ),
        # letter: 48 h target -> on time
        case(4, "cust-2", channel=Channel.LETTER, kind=CaseKind.REQUEST, opened_at=NOW - timedelta(hours=1)),
        case(5, "cust-2", status=CaseStatus.CLOSED),  # not in the queue
        case(6, "cust-2", team="team-paris"),  # another team's
        FollowUp("f-due", "cust-2", NOW - timedelta(minutes=10), ADVISOR.id, note="rappeler"),
        FollowUp("f-later", "cust-2", NOW + timedelta(days=1), ADVISOR.id),
    )


def test_queue_sorted_overdue_first_by_time_left(desk: Desk) -> None:
    _queue_fixture(desk)
    rows = desk.cache.work_queue(ADVISOR.id, ADVISOR.team, NOW)
    assert [(r.case_id or r.followup_id) for r in rows] == ["case-2", "f-due", "case-3", "case-1", "case-4"]
    states = {r.case_id: r.state for r in rows if r.kind is QueueRowKind.CASE}
    assert states == {
        "case-2": ResponseState.PAST_LIMIT,
        "case-3": ResponseState.NEAR_TARGET,
        "case-1": ResponseState.ON_TIME,
        "case-4": ResponseState.ON_TIME,
    }
    assert rows[0].customer_name == "Bruno Caron"
    assert rows[1].kind is QueueRowKind.FOLLOWUP and rows[1].note == "rappeler"


def test_queue_filters_and_counts(desk: Desk) -> None:
    _queue_fixture(desk)
    cache = desk.cache
    mine = cache.work_queue(ADVISOR.id, ADVISOR.team, NOW, mine_only=True)
    assert [r.case_id or r.followup_id for r in mine] == ["f-due", "case-3"]
    chat = cache.work_queue(ADVISOR.id, ADVISOR.team, NOW, channels=["chat"])
    assert [r.case_id for r in chat] == ["case-2"]
    requests = cache.work_queue(ADVISOR.id, ADVISOR.team, NOW, kinds=[CaseKind.REQUEST])
    assert [r.case_id for r in requests] == ["case-4"]
    new = cache.work_queue(ADVISOR.id, ADVISOR.team, NOW, statuses=["new"])
    assert len(new) == 4 and all(r.kind is QueueRowKind.CASE for r in new)
    counts = cache.queue_counts(ADVISOR.id, ADVISOR.team, NOW)
    assert (counts.total, counts.mine, counts.followups) == (5, 2, 1)
    assert counts.by_state == {"past_limit": 1, "near_target": 1, "on_time": 2}
    assert counts.by_kind == {"complaint": 3, "request": 1}


def test_badges_cross_states_as_time_passes(desk: Desk) -> None:
    cache = desk.cache
    states = []
    # e-mail: 2 h target, 24 h limit; the case was opened 30 minutes before NOW
    for minutes in (0, 61, 91, 24 * 60 - 30):
        [row] = cache.work_queue(
            ADVISOR.id, ADVISOR.team, NOW + timedelta(minutes=minutes), include_followups=False
        )
        states.append(row.state)
    assert states == [
        ResponseState.ON_TIME,
        ResponseState.NEAR_TARGET,
        ResponseState.PAST_TARGET,
        ResponseState.PAST_LIMIT,
    ]


def test_response_targets_from_the_centre_override_defaults(desk: Desk) -> None:
    desk.feed(ResponseTarget(Channel.EMAIL, 10, 20, 60))
    [row] = desk.cache.work_queue(ADVISOR.id, ADVISOR.team, NOW)
    assert row.state is ResponseState.PAST_LIMIT  # opened 30 min ago, limit 20 min


def test_timeline_newest_first_and_lazy(desk: Desk) -> None:
    many = [interaction(100 + n, "cust-1", "case-1" if n % 2 else None,
                        occurred_at=NOW - timedelta(hours=n), channel=Channel.PHONE if n % 3 == 0 else Channel.EMAIL)
            for n in range(300)]  # fmt: skip
    desk.feed(*many)
    timeline = desk.cache.timeline("cust-1", first_page=50)
    assert len(timeline.interaction_ids) == 301
    assert [i.id for i in timeline.interactions] == list(timeline.interaction_ids[:50])
    times = [i.occurred_at for i in desk.cache.interactions_by_ids(list(timeline.interaction_ids))]
    assert times == sorted(times, reverse=True)
    assert [c.id for c in timeline.cases] == ["case-1"] and timeline.orders[0].number == "CMD-2026-000001"
    phone = desk.cache.interaction_ids("cust-1", channels=[Channel.PHONE])
    assert len(phone) == 100
    in_case = desk.cache.interaction_ids("cust-1", case_id="case-1")
    assert len(in_case) == 151  # 150 odd ones and the first e-mail
    some = desk.cache.interactions_by_ids(["int-105", "missing", "int-101"])
    assert [i.id for i in some] == ["int-105", "int-101"]
    assert desk.cache.timeline("nobody") is None


def test_followups_due(desk: Desk) -> None:
    _queue_fixture(desk)
    assert [f.id for f in desk.cache.followups_due(ADVISOR.id, NOW)] == ["f-due"]
    done = desk.cache.record_followup_outcome("f-due", "not_reached", "messagerie")
    assert done.outcome is not None
    assert desk.cache.followups_due(ADVISOR.id, NOW) == []


def test_queue_lists_every_follow_up_of_the_local_day(desk: Desk) -> None:
    # NOW is 10:00 UTC, 11:00 in Paris; Paris's day ends at 23:00 UTC
    desk.feed(
        customer(2, first_name="Bruno", last_name="Caron"),
        FollowUp("f-yesterday", "cust-2", NOW - timedelta(days=1), ADVISOR.id),
        FollowUp("f-this-morning", "cust-2", NOW - timedelta(hours=2), ADVISOR.id),
        FollowUp("f-tonight", "cust-2", NOW + timedelta(hours=12, minutes=59), ADVISOR.id),  # 23:59 Paris
        FollowUp("f-tomorrow", "cust-2", NOW + timedelta(hours=13), ADVISOR.id),  # 00:00 Paris next day
    )
    cache = desk.cache

    def work_queue(**kw: str) -> list[QueueRow]:
        rows = cache.work_queue(ADVISOR.id, ADVISOR.team, NOW, **kw)
        return [r for r in rows if r.kind is QueueRowKind.FOLLOWUP]

    today = ["f-yesterday", "f-this-morning", "f-tonight"]
    rows = work_queue(time_zone="Europe/Paris")
    assert [r.followup_id for r in rows] == today
    later = {r.followup_id: r for r in rows}["f-tonight"]
    assert later.state is ResponseState.ON_TIME and later.seconds_left > 0
    assert later.customer_name == "Bruno Caron" and later.channel is Channel.PHONE
    counts = cache.queue_counts(ADVISOR.id, ADVISOR.team, NOW, time_zone="Europe/Paris")
    assert counts.followups == 3
    assert [f.id for f in cache.followups_due(ADVISOR.id, NOW, "Europe/Paris")] == today
    # in Tokyo (19:00 at NOW) the day ends at 15:00 UTC: tonight's Paris call is tomorrow there
    tokyo = work_queue(time_zone="Asia/Tokyo")
    assert [r.followup_id for r in tokyo] == ["f-yesterday", "f-this-morning"]
    # without a time zone: the one ``now`` carries (UTC here, whose day ends at midnight UTC)...
    rows = work_queue()
    assert [r.followup_id for r in rows] == [*today, "f-tomorrow"]
    # ... until /me has told the signed-in user's
    authority = {"currency": "EUR", "daily_budget_cents": 0, "remaining_today_cents": 0, "per_customer_30d_cents": 0,
                 "gestures": []}  # fmt: skip
    cache.save_me({"user": to_wire(replace(ADVISOR, time_zone="Asia/Tokyo")), "authority": authority})
    rows = work_queue()
    assert [r.followup_id for r in rows] == ["f-yesterday", "f-this-morning"]


def test_product_ids_lists_the_whole_catalogue(desk: Desk) -> None:
    assert desk.cache.product_ids() == []
    desk.feed(Product("prod-2", "SKU-2", "Tente"), Product("prod-1", "SKU-1", "Vélo"))
    assert desk.cache.product_ids() == ["prod-1", "prod-2"]
    desk.feed(Product("prod-1", "SKU-1", "Vélo de ville"))
    assert desk.cache.product_ids() == ["prod-1", "prod-2"]


def test_the_kind_filter_can_ask_for_follow_ups_alone_or_with_case_kinds(desk: Desk) -> None:
    desk.feed(
        customer(2, first_name="Bruno", last_name="Caron"),
        case(2, "cust-2", kind=CaseKind.COMPLAINT, opened_at=NOW - timedelta(hours=1)),
        case(3, "cust-2", kind=CaseKind.REQUEST, opened_at=NOW - timedelta(hours=1)),
        FollowUp("f-today", "cust-2", NOW - timedelta(hours=1), ADVISOR.id),
    )
    cache = desk.cache

    def listed(kinds: list[CaseKind | str]) -> list[str | None]:
        rows = cache.work_queue(ADVISOR.id, ADVISOR.team, NOW, kinds=kinds, time_zone="UTC")
        return sorted((r.followup_id or r.case_id or "") for r in rows)

    assert listed(["followup"]) == ["f-today"]
    assert listed(["followup", CaseKind.REQUEST]) == ["case-3", "f-today"]
    assert "f-today" not in listed([CaseKind.COMPLAINT]) and "case-2" in listed([CaseKind.COMPLAINT])
    counts = cache.queue_counts(ADVISOR.id, ADVISOR.team, NOW, kinds=["followup"], time_zone="UTC")
    assert counts.total == 1 and counts.followups == 1
    try:
        cache.work_queue(ADVISOR.id, ADVISOR.team, NOW, kinds=["nonsense"])
    except ValueError:
        pass  # an unknown kind is the caller's mistake, named by the enum
    else:
        raise AssertionError("an unknown kind must be refused")


def test_a_case_row_carries_every_field_in_its_place(desk: Desk) -> None:
    """work_queue builds rows positionally (for speed): each field must land where it belongs."""
    opened = NOW - timedelta(minutes=25)
    acked = NOW - timedelta(minutes=20)
    desk.feed(
        customer(2, first_name="Bruno", last_name="Caron"),
        case(
            7,
            "cust-2",
            channel=Channel.TWITTER,
            kind=CaseKind.REQUEST,
            status=CaseStatus.IN_PROGRESS,
            opened_at=opened,
            acknowledged_at=acked,
            assignee_id=ADVISOR.id,
            subject="Où est mon colis ?",
        ),
    )
    [row] = [r for r in desk.cache.work_queue(ADVISOR.id, ADVISOR.team, NOW) if r.case_id == "case-7"]
    assert row.kind is QueueRowKind.CASE and row.customer_id == "cust-2"
    assert row.customer_name == "Bruno Caron" and row.channel is Channel.TWITTER
    assert row.case_kind is CaseKind.REQUEST and row.status is CaseStatus.IN_PROGRESS
    assert row.subject == "Où est mon colis ?" and row.assignee_id == ADVISOR.id
    assert row.opened_at == opened and row.acknowledged_at == acked and row.first_response_at is None
    assert row.countdown is not None and row.countdown.clock == "resolution"  # acknowledged
    assert row.state is row.countdown.state and row.seconds_left == row.countdown.seconds_left
    assert row.due_at == row.countdown.due_at and row.version >= 1
    assert row.category is not None and row.followup_id is None and row.note == ""
