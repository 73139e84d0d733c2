"""Follow-up calls across days, time zones and DST changes; what their outcome does to the case."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest

from advisor_desk.domain.followups import (
    REOPEN_STATUS,
    Badge,
    FollowUpError,
    OutcomeEffect,
    add_working_days,
    badge,
    check_reschedule,
    due_today,
    is_due,
    outcome_effect,
    suggest_follow_up,
    suggest_reschedule,
)
from advisor_desk.domain.model import (
    CaseStatus,
    FollowUp,
    FollowUpOutcome,
    FollowUpStatus,
    can_transition,
)

PARIS = "Europe/Paris"


def utc(y: int, mo: int, d: int, h: int = 0, mi: int = 0) -> datetime:
    return datetime(y, mo, d, h, mi, tzinfo=UTC)


def fu(id: str, due_at: datetime, status: FollowUpStatus = FollowUpStatus.SCHEDULED) -> FollowUp:
    return FollowUp(id=id, customer_id="c1", due_at=due_at, created_by="u1", status=status)


def test_is_due() -> None:
    now = utc(2026, 11, 23, 9)
    assert is_due(fu("a", now), now)  # due this very minute
    assert is_due(fu("b", utc(2026, 11, 20, 9)), now)
    assert not is_due(fu("c", utc(2026, 11, 23, 9, 1)), now)
    assert not is_due(fu("d", utc(2026, 11, 20), FollowUpStatus.DONE), now)
    assert not is_due(fu("e", utc(2026, 11, 20), FollowUpStatus.CANCELLED), now)
    with pytest.raises(FollowUpError, match="time zone"):
        is_due(fu("a", now), datetime(2026, 11, 23, 9))


def _day_set() -> list[FollowUp]:
    return [
        fu("f1", utc(2026, 11, 23, 22, 30)),  # 23:30 in Paris, 23 Nov
        fu("f2", utc(2026, 11, 23, 23, 30)),  # 00:30 in Paris, 24 Nov (same UTC day)
        fu("f3", utc(2026, 11, 22, 22, 59)),  # 23:59 in Paris, 22 Nov
        fu("f4", utc(2026, 11, 22, 23, 0)),  # 00:00 in Paris, 23 Nov (previous UTC day)
        fu("f5", utc(2026, 11, 22, 9), FollowUpStatus.DONE),
        fu("f6", utc(2026, 11, 23, 9), FollowUpStatus.CANCELLED),
    ]


def test_badges_and_due_today_in_the_users_day() -> None:
    now = utc(2026, 11, 23, 9)  # 10:00 in Paris
    badges = {f.id: badge(f, now, PARIS) for f in _day_set()}
    assert badges == {
        "f1": Badge.DUE_TODAY,
        "f2": Badge.LATER,
        "f3": Badge.OVERDUE,
        "f4": Badge.DUE_TODAY,
        "f5": Badge.NONE,
        "f6": Badge.NONE,
    }
    assert [f.id for f in due_today(_day_set(), now, PARIS)] == ["f3", "f4", "f1"]


def test_due_today_elsewhere_and_in_utc() -> None:
    # 22:00 on 22 November in New York (UTC-5): f3 and f4 are that evening, f1 and f2 tomorrow
    now = utc(2026, 11, 23, 3)
    assert [f.id for f in due_today(_day_set(), now, "America/New_York")] == ["f3", "f4"]
    # in UTC at 09:00 on 23 November: f3 is yesterday, f4 ... f2 all today
    assert [f.id for f in due_today(_day_set(), utc(2026, 11, 23, 9), "UTC")] == ["f3", "f4", "f1", "f2"]
    assert due_today([], utc(2026, 11, 23, 9), PARIS) == []
    with pytest.raises(FollowUpError, match="unknown time zone"):
        due_today(_day_set(), utc(2026, 11, 23, 9), "Paris")


def test_due_today_on_dst_days() -> None:
    # 29 March 2026 in Paris runs from 23:00 UTC on the 28th to 22:00 UTC on the 29th (23 hours)
    now = utc(2026, 3, 29, 21, 30)  # 23:30 CEST
    followups = [
        fu("early", utc(2026, 3, 28, 23, 30)),  # 00:30 CET on the 29th
        fu("before", utc(2026, 3, 28, 22, 59)),  # 23:59 CET on the 28th: overdue
        fu("next", utc(2026, 3, 29, 22, 0)),  # 00:00 CEST on the 30th
    ]
    assert {f.id: badge(f, now, PARIS) for f in followups} == {
        "early": Badge.DUE_TODAY,
        "before": Badge.OVERDUE,
        "next": Badge.LATER,
    }
    # 25 October 2026 runs from 22:00 UTC on the 24th to 23:00 UTC on the 25th (25 hours)
    now = utc(2026, 10, 25, 22, 30)  # 23:30 CET
    late = [fu("late", utc(2026, 10, 25, 22, 45)), fu("first", utc(2026, 10, 24, 22, 0))]
    assert [f.id for f in due_today(late, now, PARIS)] == ["first", "late"]


@pytest.mark.parametrize(
    ("outcome", "status", "effect"),
    [
        (FollowUpOutcome.SATISFIED, CaseStatus.RESOLVED, OutcomeEffect.NONE),
        (FollowUpOutcome.SATISFIED, None, OutcomeEffect.NONE),
        (FollowUpOutcome.NOT_SATISFIED, CaseStatus.RESOLVED, OutcomeEffect.REOPEN),
        (FollowUpOutcome.NOT_SATISFIED, CaseStatus.CLOSED, OutcomeEffect.NEW_CASE),
        (FollowUpOutcome.NOT_SATISFIED, None, OutcomeEffect.NEW_CASE),
        (FollowUpOutcome.NOT_SATISFIED, CaseStatus.IN_PROGRESS, OutcomeEffect.NONE),
        (FollowUpOutcome.NOT_SATISFIED, CaseStatus.WAITING_CUSTOMER, OutcomeEffect.NONE),
        (FollowUpOutcome.NOT_REACHED, CaseStatus.RESOLVED, OutcomeEffect.RESCHEDULE),
        (FollowUpOutcome.NOT_REACHED, None, OutcomeEffect.RESCHEDULE),
    ],
)
def test_outcome_effect(outcome: FollowUpOutcome, status: CaseStatus | None, effect: OutcomeEffect) -> None:
    assert outcome_effect(outcome, status) is effect


def test_reopening_is_an_allowed_transition() -> None:
    assert can_transition(CaseStatus.RESOLVED, REOPEN_STATUS)
    assert not can_transition(CaseStatus.CLOSED, REOPEN_STATUS)  # hence a new case when closed


@pytest.mark.parametrize(
    ("resolved_at", "expected"),
    [
        # Monday afternoon -> Thursday 10:00 in Paris (09:00 UTC)
        (utc(2026, 11, 23, 15), utc(2026, 11, 26, 9)),
        # Friday -> Wednesday: the weekend does not count
        (utc(2026, 11, 27, 15), utc(2026, 12, 2, 9)),
        # Saturday -> Wednesday as well
        (utc(2026, 11, 28, 10), utc(2026, 12, 2, 9)),
        # Thursday 23:30 UTC is already Friday 00:30 in Paris: Wednesday, not Tuesday
        (utc(2026, 11, 26, 23, 30), utc(2026, 12, 2, 9)),
        # across the spring change: Thursday 26 March -> Tuesday 31 March, 10:00 CEST = 08:00 UTC
        (utc(2026, 3, 26, 15), utc(2026, 3, 31, 8)),
        # across the autumn change: Wednesday 21 Oct -> Monday 26 Oct, 10:00 CET = 09:00 UTC
        (utc(2026, 10, 21, 15), utc(2026, 10, 26, 9)),
    ],
)
def test_suggested_follow_up_three_working_days_later(resolved_at: datetime, expected: datetime) -> None:
    assert suggest_follow_up(resolved_at, PARIS) == expected


def test_suggested_follow_up_options() -> None:
    christmas = {date(2026, 12, 25)}
    # Tuesday 22 Dec: Wed 23, Thu 24, (Fri 25 off), Mon 28
    assert suggest_follow_up(utc(2026, 12, 22, 15), PARIS, holidays=christmas) == utc(2026, 12, 28, 9)
    assert suggest_follow_up(utc(2026, 11, 23, 15), PARIS, working_days=1, at=time(14, 30)) == utc(
        2026, 11, 24, 13, 30
    )
    # New York, Friday 27 Nov 20:00 local (01:00 UTC Saturday) -> Wednesday 2 Dec 10:00 EST
    assert suggest_follow_up(utc(2026, 11, 28, 1), "America/New_York") == utc(2026, 12, 2, 15)
    with pytest.raises(FollowUpError, match="at least one"):
        suggest_follow_up(utc(2026, 11, 23), PARIS, working_days=0)
    with pytest.raises(FollowUpError, match="time zone"):
        suggest_follow_up(datetime(2026, 11, 23), PARIS)
    with pytest.raises(FollowUpError, match="unknown time zone"):
        suggest_follow_up(utc(2026, 11, 23), "Europe/Atlantis")


def test_add_working_days() -> None:
    assert add_working_days(date(2026, 11, 27), 1) == date(2026, 11, 30)  # Friday -> Monday
    assert add_working_days(date(2026, 11, 29), 1) == date(2026, 11, 30)  # Sunday -> Monday
    assert add_working_days(date(2026, 11, 23), 5) == date(2026, 11, 30)


def test_reschedule_next_working_day_same_local_time() -> None:
    # Friday 15:15 in Paris -> Monday 15:15
    assert suggest_reschedule(utc(2026, 11, 27, 14, 15), PARIS) == utc(2026, 11, 30, 14, 15)
    # Friday 27 March 15:15 CET -> Monday 30 March 15:15 CEST, an hour earlier in UTC
    assert suggest_reschedule(utc(2026, 3, 27, 14, 15), PARIS) == utc(2026, 3, 30, 13, 15)
    check_reschedule(utc(2026, 11, 30, 14, 15), utc(2026, 11, 27, 14, 15))
    with pytest.raises(FollowUpError, match="later time"):
        check_reschedule(utc(2026, 11, 27, 14, 15), utc(2026, 11, 27, 14, 15))
    with pytest.raises(FollowUpError, match="time zone"):
        check_reschedule(datetime(2026, 11, 30), utc(2026, 11, 27))
