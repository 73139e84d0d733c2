"""Follow-up calls: scheduling one after a resolution or a gesture (:mod:`.schedule_dialog`) and
recording its outcome (:mod:`.outcome_dialog`). Due follow-ups show in the work queue with their own
badge (:func:`badge_text`)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication

from advisor_desk.domain.followups import Badge, badge
from advisor_desk.domain.model import FollowUp


def badge_text(followup: FollowUp, now: datetime, time_zone: str) -> str:
    """The work queue's badge of a follow-up: "Follow-up · overdue" or "Follow-up · today"."""
    return _text(badge(followup, now, time_zone))


def due_badge_text(due_at: datetime, now: datetime, time_zone: str) -> str:
    """The same badge from a queue row's due time (``QueueRow.due_at`` of a follow-up row)."""
    return _text(badge(FollowUp("", "", due_at, ""), now, time_zone))


def _text(kind: Badge) -> str:
    if kind is Badge.OVERDUE:
        return QCoreApplication.translate("FollowUps", "Follow-up · overdue")
    if kind is Badge.DUE_TODAY:
        return QCoreApplication.translate("FollowUps", "Follow-up · today")
    if kind is Badge.LATER:
        return QCoreApplication.translate("FollowUps", "Follow-up · later")
    return ""
