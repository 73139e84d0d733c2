"""Words of the domain in the advisor's language: channels, case kinds, statuses, categories, states.

The domain's enum values are database words ("in_progress"); the UI says "En cours". Each function
builds its table on first use in the current language (``clear()`` after a language switch).
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QCoreApplication

from advisor_desk.domain.channels import Channel, ResponseState
from advisor_desk.domain.model import CaseKind, CaseStatus, ComplaintCategory, Direction, Role


def _t(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


@cache
def _channels() -> dict[Channel, str]:
    return {
        Channel.PHONE: _t("Phone"),
        Channel.EMAIL: _t("E-mail"),
        Channel.CHAT: _t("Chat"),
        Channel.SMS: _t("SMS"),
        Channel.TWITTER: _t("X (Twitter)"),
        Channel.FACEBOOK: _t("Facebook"),
        Channel.REVIEW: _t("Review site"),
        Channel.STORE: _t("Store visit"),
        Channel.LETTER: _t("Letter"),
        Channel.CALLBACK: _t("Callback"),
        Channel.WEB_FORM: _t("Web form"),
        Channel.ORDER_EVENT: _t("Order"),
        Channel.NOTE: _t("Internal note"),
    }


@cache
def _kinds() -> dict[CaseKind, str]:
    return {
        CaseKind.COMPLAINT: _t("Complaint"),
        CaseKind.REQUEST: _t("Request"),
        CaseKind.INFORMATION: _t("Information"),
        CaseKind.PRAISE: _t("Praise"),
    }


@cache
def _statuses() -> dict[CaseStatus, str]:
    return {
        CaseStatus.NEW: _t("New"),
        CaseStatus.ACKNOWLEDGED: _t("Acknowledged"),
        CaseStatus.IN_PROGRESS: _t("In progress"),
        CaseStatus.WAITING_CUSTOMER: _t("Waiting for customer"),
        CaseStatus.RESOLVED: _t("Resolved"),
        CaseStatus.CLOSED: _t("Closed"),
    }


@cache
def _categories() -> dict[ComplaintCategory, str]:
    return {
        ComplaintCategory.LATE_DELIVERY: _t("Late delivery"),
        ComplaintCategory.DAMAGED_ITEM: _t("Damaged item"),
        ComplaintCategory.DEFECTIVE_PRODUCT: _t("Defective product"),
        ComplaintCategory.WRONG_ITEM: _t("Wrong item"),
        ComplaintCategory.BILLING_ERROR: _t("Billing error"),
        ComplaintCategory.REFUND_NOT_RECEIVED: _t("Refund not received"),
        ComplaintCategory.STAFF_BEHAVIOUR: _t("Staff behaviour"),
        ComplaintCategory.WEBSITE_APP: _t("Website or app"),
        ComplaintCategory.STORE_EXPERIENCE: _t("Store experience"),
        ComplaintCategory.OTHER: _t("Other"),
        ComplaintCategory.REQUEST: _t("Request"),
        ComplaintCategory.INFORMATION: _t("Information"),
        ComplaintCategory.PRAISE: _t("Praise"),
    }


@cache
def _states() -> dict[ResponseState, str]:
    return {
        ResponseState.ON_TIME: _t("On time"),
        ResponseState.NEAR_TARGET: _t("Near target"),
        ResponseState.PAST_TARGET: _t("Past target"),
        ResponseState.PAST_LIMIT: _t("Past limit"),
        ResponseState.DONE: _t("Done"),
    }


@cache
def _directions() -> dict[Direction, str]:
    return {
        Direction.INBOUND: _t("Received"),
        Direction.OUTBOUND: _t("Sent"),
        Direction.INTERNAL: _t("Internal"),
    }


@cache
def _roles() -> dict[Role, str]:
    return {
        Role.ADVISOR: _t("Advisor"),
        Role.STORE_STAFF: _t("Store staff"),
        Role.TEAM_LEAD: _t("Team lead"),
        Role.ADMIN: _t("Administrator"),
    }


@cache
def _tiers() -> dict[str, str]:
    return {
        "standard": _t("Standard"),
        "silver": _t("Silver"),
        "gold": _t("Gold"),
        "platinum": _t("Platinum"),
    }


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
    return {"fr": _t("French"), "en": _t("English")}.get(value, value)


def clear() -> None:
    """Forget the tables after a language switch."""
    for table in (_channels, _kinds, _statuses, _categories, _states, _directions, _roles, _tiers):
        table.cache_clear()
