"""Words of the domain in the advisor's language: channels, case kinds, statuses, categories, states.

The domain's enum values are database words ("in_progress"); the UI says "En cours". Each function
builds its table on first use in the current language (``clear()`` after a language switch).
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QCoreApplication as Q
from PySide6.QtCore import QLocale

from advisor_desk.domain.channels import Channel, ResponseState
from advisor_desk.domain.model import (
    CaseKind,
    CaseStatus,
    ComplaintCategory,
    DecisionStatus,
    Direction,
    EscalationStatus,
    GestureCode,
    Role,
)


@cache
def _channels() -> dict[Channel, str]:
    return {
        Channel.PHONE: Q.translate("Labels", "Phone"),
        Channel.EMAIL: Q.translate("Labels", "E-mail"),
        Channel.CHAT: Q.translate("Labels", "Chat"),
        Channel.SMS: Q.translate("Labels", "SMS"),
        Channel.TWITTER: Q.translate("Labels", "X (Twitter)"),
        Channel.FACEBOOK: Q.translate("Labels", "Facebook"),
        Channel.REVIEW: Q.translate("Labels", "Review site"),
        Channel.STORE: Q.translate("Labels", "Store visit"),
        Channel.LETTER: Q.translate("Labels", "Letter"),
        Channel.CALLBACK: Q.translate("Labels", "Callback"),
        Channel.WEB_FORM: Q.translate("Labels", "Web form"),
        Channel.ORDER_EVENT: Q.translate("Labels", "Order"),
        Channel.NOTE: Q.translate("Labels", "Internal note"),
    }


@cache
def _kinds() -> dict[CaseKind, str]:
    return {
        CaseKind.COMPLAINT: Q.translate("Labels", "Complaint"),
        CaseKind.REQUEST: Q.translate("Labels", "Request"),
        CaseKind.INFORMATION: Q.translate("Labels", "Information"),
        CaseKind.PRAISE: Q.translate("Labels", "Praise"),
    }


@cache
def _statuses() -> dict[CaseStatus, str]:
    return {
        CaseStatus.NEW: Q.translate("Labels", "New"),
        CaseStatus.ACKNOWLEDGED: Q.translate("Labels", "Acknowledged"),
        CaseStatus.IN_PROGRESS: Q.translate("Labels", "In progress"),
        CaseStatus.WAITING_CUSTOMER: Q.translate("Labels", "Waiting for customer"),
        CaseStatus.RESOLVED: Q.translate("Labels", "Resolved"),
        CaseStatus.CLOSED: Q.translate("Labels", "Closed"),
    }


@cache
def _categories() -> dict[ComplaintCategory, str]:
    return {
        ComplaintCategory.LATE_DELIVERY: Q.translate("Labels", "Late delivery"),
        ComplaintCategory.DAMAGED_ITEM: Q.translate("Labels", "Damaged item"),
        ComplaintCategory.DEFECTIVE_PRODUCT: Q.translate("Labels", "Defective product"),
        ComplaintCategory.WRONG_ITEM: Q.translate("Labels", "Wrong item"),
        ComplaintCategory.BILLING_ERROR: Q.translate("Labels", "Billing error"),
        ComplaintCategory.REFUND_NOT_RECEIVED: Q.translate("Labels", "Refund not received"),
        ComplaintCategory.STAFF_BEHAVIOUR: Q.translate("Labels", "Staff behaviour"),
        ComplaintCategory.WEBSITE_APP: Q.translate("Labels", "Website or app"),
        ComplaintCategory.STORE_EXPERIENCE: Q.translate("Labels", "Store experience"),
        ComplaintCategory.OTHER: Q.translate("Labels", "Other"),
        ComplaintCategory.REQUEST: Q.translate("Labels", "Request"),
        ComplaintCategory.INFORMATION: Q.translate("Labels", "Information"),
        ComplaintCategory.PRAISE: Q.translate("Labels", "Praise"),
    }


@cache
def _states() -> dict[ResponseState, str]:
    return {
        ResponseState.ON_TIME: Q.translate("Labels", "On time"),
        ResponseState.NEAR_TARGET: Q.translate("Labels", "Near target"),
        ResponseState.PAST_TARGET: Q.translate("Labels", "Past target"),
        ResponseState.PAST_LIMIT: Q.translate("Labels", "Past limit"),
        ResponseState.DONE: Q.translate("Labels", "Done"),
    }


@cache
def _directions() -> dict[Direction, str]:
    return {
        Direction.INBOUND: Q.translate("Labels", "Received"),
        Direction.OUTBOUND: Q.translate("Labels", "Sent"),
        Direction.INTERNAL: Q.translate("Labels", "Internal"),
    }


@cache
def _roles() -> dict[Role, str]:
    return {
        Role.ADVISOR: Q.translate("Labels", "Advisor"),
        Role.STORE_STAFF: Q.translate("Labels", "Store staff"),
        Role.TEAM_LEAD: Q.translate("Labels", "Team lead"),
        Role.ADMIN: Q.translate("Labels", "Administrator"),
    }


@cache
def _tiers() -> dict[str, str]:
    return {
        "standard": Q.translate("Labels", "Standard"),
        "silver": Q.translate("Labels", "Silver"),
        "gold": Q.translate("Labels", "Gold"),
        "platinum": Q.translate("Labels", "Platinum"),
    }


@cache
def _decision_statuses() -> dict[DecisionStatus, str]:
    return {
        DecisionStatus.PENDING: Q.translate("Labels", "pending confirmation"),
        DecisionStatus.GRANTED: Q.translate("Labels", "granted"),
        DecisionStatus.REJECTED: Q.translate("Labels", "rejected by the centre"),
        DecisionStatus.REVOKED: Q.translate("Labels", "revoked"),
    }


@cache
def _escalation_statuses() -> dict[EscalationStatus, str]:
    return {
        EscalationStatus.OPEN: Q.translate("Labels", "waiting for the team lead"),
        EscalationStatus.APPROVED: Q.translate("Labels", "approved"),
        EscalationStatus.DECLINED: Q.translate("Labels", "declined"),
    }


def decision_status(value: DecisionStatus | str) -> str:
    return _decision_statuses()[DecisionStatus(value)]


def escalation_status(value: EscalationStatus | str) -> str:
    return _escalation_statuses()[EscalationStatus(value)]


def gesture(value: GestureCode | str) -> str:
    """The catalogue's name of a gesture in the desk's language."""
    from advisor_desk.domain.catalogue import gesture_name

    language = "fr" if QLocale().language() == QLocale.Language.French else "en"
    return gesture_name(GestureCode(value), language)


def channel(value: Channel | str) -> str:
    return _channels()[Channel(value)]


def kind(value: CaseKind | str) -> str:
    return _kinds()[CaseKind(value)]


def status(value: CaseStatus | str) -> str:
    return _statuses()[CaseStatus(value)]


def category(value: ComplaintCategory | str) -> str:
    return _categories()[ComplaintCategory(value)]


def state(value: ResponseState | str) -> str:
    return _states()[ResponseState(value)]


def direction(value: Direction | str) -> str:
    return _directions()[Direction(value)]


def role(value: Role | str) -> str:
    return _roles()[Role(value)]


def tier(value: str) -> str:
    return _tiers().get(value, value)


def language_name(value: str) -> str:
    return {"fr": Q.translate("Labels", "French"), "en": Q.translate("Labels", "English")}.get(value, value)


def clear() -> None:
    """Forget the tables after a language switch."""
    for table in (
        _channels,
        _kinds,
        _statuses,
        _categories,
        _states,
        _directions,
        _roles,
        _tiers,
        _decision_statuses,
        _escalation_statuses,
    ):
        table.cache_clear()
