"""Contact channels and their response-time targets.

Response time decides satisfaction: an answer within an hour or two satisfies, half a day is
acceptable, later risks a public fight. Channels differ (minutes on social networks, days for a
letter), so each channel has a *target* (answer by then) and a *limit* (past it the case is in
trouble). Acknowledging receipt stops the first-response clock; the resolution clock keeps running.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from functools import cache


class Channel(StrEnum):
    PHONE = "phone"
    EMAIL = "email"
    CHAT = "chat"
    SMS = "sms"
    TWITTER = "twitter"
    FACEBOOK = "facebook"
    REVIEW = "review"
    STORE = "store"
    LETTER = "letter"
    CALLBACK = "callback"
    WEB_FORM = "web_form"
    ORDER_EVENT = "order_event"
    NOTE = "note"

    @property
    def is_social(self) -> bool:
        return self in (Channel.TWITTER, Channel.FACEBOOK)

    @property
    def customer_facing(self) -> bool:
        """Whether a reply can be sent on this channel (notes and order events are not conversations)."""
        return self not in (Channel.NOTE, Channel.ORDER_EVENT)


@dataclass(frozen=True, slots=True)
class ResponseTarget:
    """Time allowed on one channel: first response by ``target``, never later than ``limit``.

    ``resolution`` is the time allowed from opening to resolution; it keeps running after an
    acknowledgement of receipt.
    """

    channel: Channel
    target_minutes: int
    limit_minutes: int
    resolution_minutes: int

    def __post_init__(self) -> None:
        if not 0 < self.target_minutes <= self.limit_minutes:
            raise ValueError("a response target must be positive and not after its limit")
        if self.resolution_minutes < self.limit_minutes:
            raise ValueError("resolution time cannot be shorter than the first-response limit")


_H = 60
_D = 24 * _H

#: Defaults drawn from practice (Qualiweb study; a bank answering on Twitter within 30 minutes).
DEFAULT_TARGETS: dict[Channel, ResponseTarget] = {
    t.channel: t
    for t in (
        ResponseTarget(Channel.TWITTER, 30, 2 * _H, 2 * _D),
        ResponseTarget(Channel.FACEBOOK, 30, 2 * _H, 2 * _D),
        ResponseTarget(Channel.CHAT, 5, 30, 1 * _D),
        ResponseTarget(Channel.CALLBACK, 1 * _H, 4 * _H, 2 * _D),
        ResponseTarget(Channel.PHONE, 1 * _H, 4 * _H, 2 * _D),
        ResponseTarget(Channel.EMAIL, 2 * _H, 24 * _H, 3 * _D),
        ResponseTarget(Channel.SMS, 2 * _H, 24 * _H, 3 * _D),
        ResponseTarget(Channel.WEB_FORM, 2 * _H, 24 * _H, 3 * _D),
        ResponseTarget(Channel.REVIEW, 24 * _H, 72 * _H, 5 * _D),
        ResponseTarget(Channel.LETTER, 48 * _H, 7 * _D, 14 * _D),
        ResponseTarget(Channel.STORE, 2 * _H, 24 * _H, 3 * _D),
        ResponseTarget(Channel.ORDER_EVENT, 24 * _H, 72 * _H, 5 * _D),
        ResponseTarget(Channel.NOTE, 24 * _H, 72 * _H, 5 * _D),
    )
}

#: Share of the target left under which a case is "near the target".
NEAR_TARGET_SHARE = 0.25


class ResponseState(StrEnum):
    """Urgency of an open case; ordered from least to most urgent by :data:`URGENCY`."""

    ON_TIME = "on_time"
    NEAR_TARGET = "near_target"
    PAST_TARGET = "past_target"
    PAST_LIMIT = "past_limit"
    DONE = "done"


URGENCY: dict[ResponseState, int] = {
    ResponseState.DONE: 0,
    ResponseState.ON_TIME: 1,
    ResponseState.NEAR_TARGET: 2,
    ResponseState.PAST_TARGET: 3,
    ResponseState.PAST_LIMIT: 4,
}


@dataclass(frozen=True, slots=True)
class Countdown:
    """Where an open case stands against its clock at a given moment."""

    state: ResponseState
    clock: str  # "first_response" or "resolution"
    due_at: datetime | None  # the deadline that matters now (target, or limit once past the target)
    seconds_left: float  # negative when overdue; +inf when done

    @property
    def sort_key(self) -> float:
        """Smaller is more urgent: overdue cases first, then by time left."""
        return self.seconds_left


def countdown(
    target: ResponseTarget,
    opened_at: datetime,
    now: datetime,
    first_response_at: datetime | None = None,
    resolved_at: datetime | None = None,
) -> Countdown:
    """Compute the badge of a case from its times.

    Before the first response (an acknowledgement counts) the first-response clock runs against the
    channel's target and limit. After it, the resolution clock runs until the case is resolved.
    """
    if resolved_at is not None:
        return Countdown(ResponseState.DONE, "resolution", None, float("inf"))
    if first_response_at is None:
        clock = "first_response"
        to_target, to_limit, near = _spans(target.target_minutes, target.limit_minutes)
    else:
        # The resolution clock: the target is the resolution time, and the limit half as long again.
        clock = "resolution"
        to_target, to_limit, near = _spans(target.resolution_minutes, target.resolution_minutes * 3 // 2)
    target_at = opened_at + to_target
    limit_at = opened_at + to_limit
    left = (target_at - now).total_seconds()
    if now >= limit_at:
        return Countdown(ResponseState.PAST_LIMIT, clock, limit_at, left)
    if now >= target_at:
        return Countdown(ResponseState.PAST_TARGET, clock, limit_at, left)
    if left <= near:
        return Countdown(ResponseState.NEAR_TARGET, clock, target_at, left)
    return Countdown(ResponseState.ON_TIME, clock, target_at, left)


@cache
def _spans(target_minutes: int, limit_minutes: int) -> tuple[timedelta, timedelta, float]:
    """A clock's target and limit as durations, and the seconds left under which it is "near"
    (a work queue computes thousands of badges: these are made once per channel)."""
    to_target = timedelta(minutes=target_minutes)
    return to_target, timedelta(minutes=limit_minutes), to_target.total_seconds() * NEAR_TARGET_SHARE
