"""Follow-up calls ("nursing calls"): when one is due, what its outcome does, when to suggest one.

A proactive call after a resolution or a gesture checks the customer is really satisfied: a customer
who does not complain is not necessarily a satisfied one. The work queue shows due follow-ups with
their own badge; the outcome decides what happens next:

- reached and satisfied: nothing more;
- reached and not satisfied: the case is reopened (a resolved case goes back to ``in_progress``) or,
  when it is closed or there is no case, a new case is opened;
- not reached: the call is rescheduled (by default the next working day at the same local time).

Days are the user's calendar days in their time zone: a follow-up due at 23:30 in Paris is due that
Paris day even though it is the next day in UTC. Working days are Monday to Friday, minus the
holidays the caller names.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from advisor_desk.domain.model import CaseStatus, FollowUp, FollowUpOutcome, FollowUpStatus

#: Working days after the resolution at which a follow-up is suggested.
DEFAULT_DELAY_WORKING_DAYS = 3
#: Local time a suggested follow-up is placed at: mid-morning, when people take calls.
DEFAULT_CALL_TIME = time(10, 0)
#: Status a reopened case goes back to (allowed from ``resolved`` by ``CASE_TRANSITIONS``).
REOPEN_STATUS = CaseStatus.IN_PROGRESS


class FollowUpError(ValueError):
    """A time or time zone a follow-up cannot be scheduled with."""


def _zone(time_zone: str) -> ZoneInfo:
    try:
        return ZoneInfo(time_zone)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise FollowUpError(f"unknown time zone: {time_zone!r}") from exc


def _aware(value: datetime, name: str) -> None:
    if value.tzinfo is None:
        raise FollowUpError(f"{name} must carry its time zone")


def is_due(followup: FollowUp, now: datetime) -> bool:
    """A scheduled follow-up whose time has come (done and cancelled ones never are)."""
    _aware(now, "now")
    return followup.status is FollowUpStatus.SCHEDULED and followup.due_at <= now


class Badge(StrEnum):
    """How the work queue marks a scheduled follow-up."""

    OVERDUE = "overdue"  # due on an earlier local day and still not done
    DUE_TODAY = "due_today"  # due today (earlier or later today)
    LATER = "later"
    NONE = "none"  # done or cancelled


def badge(followup: FollowUp, now: datetime, time_zone: str) -> Badge:
    _aware(now, "now")
    if followup.status is not FollowUpStatus.SCHEDULED:
        return Badge.NONE
    tz = _zone(time_zone)
    today = now.astimezone(tz).date()
    day = followup.due_at.astimezone(tz).date()
    if day < today:
        return Badge.OVERDUE
    if day == today:
        return Badge.DUE_TODAY
    return Badge.LATER


def due_today(followups: Iterable[FollowUp], now: datetime, time_zone: str) -> list[FollowUp]:
    """Scheduled follow-ups due on the user's current day or left over from earlier days (still to
    call), earliest first: what the work queue shows."""
    found = [f for f in followups if badge(f, now, time_zone) in (Badge.OVERDUE, Badge.DUE_TODAY)]
    return sorted(found, key=lambda f: (f.due_at, f.id))


class OutcomeEffect(StrEnum):
    NONE = "none"
    REOPEN = "reopen"  # the resolved case goes back to REOPEN_STATUS
    NEW_CASE = "new_case"  # the case is closed (final) or there is none: open a new one
    RESCHEDULE = "reschedule"


def outcome_effect(outcome: FollowUpOutcome, case_status: CaseStatus | None) -> OutcomeEffect:
    """What a follow-up's outcome does to its case (``case_status`` None: not attached to a case).

    A dissatisfied customer on a case still open needs nothing new: the case is being handled.
    """
    if outcome is FollowUpOutcome.NOT_REACHED:
        return OutcomeEffect.RESCHEDULE
    if outcome is FollowUpOutcome.SATISFIED:
        return OutcomeEffect.NONE
    if case_status is None or case_status is CaseStatus.CLOSED:
        return OutcomeEffect.NEW_CASE
    if case_status is CaseStatus.RESOLVED:
        return OutcomeEffect.REOPEN
    return OutcomeEffect.NONE


def is_working_day(day: date, holidays: Collection[date] = ()) -> bool:
    return day.weekday() < 5 and day not in holidays


def add_working_days(day: date, count: int, holidays: Collection[date] = ()) -> date:
    """The ``count``-th working day after ``day`` (``day`` itself never counts)."""
    if count < 1:
        raise FollowUpError("a follow-up is at least one working day later")
    while count:
        day += timedelta(days=1)
        if is_working_day(day, holidays):
            count -= 1
    return day


def _at_local(day: date, at: time, tz: ZoneInfo) -> datetime:
    # A wall time skipped by a DST change (02:30 on the spring-forward night) is read with the offset
    # in force before the change, i.e. an hour later on the clock: still that day, never an error.
    return datetime.combine(day, at, tzinfo=tz).astimezone(UTC)


def suggest_follow_up(
    resolved_at: datetime,
    time_zone: str,
    working_days: int = DEFAULT_DELAY_WORKING_DAYS,
    at: time = DEFAULT_CALL_TIME,
    holidays: Collection[date] = (),
) -> datetime:
    """The default follow-up time (UTC): ``working_days`` working days after the local day of the
    resolution, at ``at`` local time. Resolved on a Friday → the next Wednesday; on a Saturday →
    the next Wednesday too (Monday is the first working day after it)."""
    _aware(resolved_at, "the resolution time")
    tz = _zone(time_zone)
    day = add_working_days(resolved_at.astimezone(tz).date(), working_days, holidays)
    return _at_local(day, at, tz)


def suggest_reschedule(now: datetime, time_zone: str, holidays: Collection[date] = ()) -> datetime:
    """For a customer not reached: the next working day at the same local time of day."""
    _aware(now, "now")
    tz = _zone(time_zone)
    local = now.astimezone(tz)
    day = add_working_days(local.date(), 1, holidays)
    return _at_local(day, local.time().replace(tzinfo=None, fold=0), tz)


def check_reschedule(reschedule_at: datetime, now: datetime) -> None:
    """A rescheduled call must be in the future; raises :class:`FollowUpError` otherwise."""
    _aware(reschedule_at, "the new time")
    _aware(now, "now")
    if reschedule_at <= now:
        raise FollowUpError("a follow-up is rescheduled to a later time")
