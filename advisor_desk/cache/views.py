"""Read models the cache hands to the sync engine and the UI: plain frozen dataclasses, no SQL."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from advisor_desk.domain.channels import Channel, Countdown, ResponseState
from advisor_desk.domain.model import (
    Case,
    CaseKind,
    CaseStatus,
    ComplaintCategory,
    Customer,
    Decision,
    Escalation,
    FollowUp,
    Interaction,
    Order,
    SatisfactionRating,
)


class OutboxStatus(StrEnum):
    PENDING = "pending"
    CONFIRMED = "confirmed"
    REJECTED = "rejected"
    CONFLICT = "conflict"


@dataclass(frozen=True, slots=True)
class OutboxEntry:
    """One advisor action waiting for (or answered by) the centre. ``id`` is the idempotency key."""

    id: str
    seq: int
    kind: str
    payload: dict[str, Any]
    created_at: datetime
    status: OutboxStatus
    attempts: int = 0
    last_error: str | None = None
    reason: str | None = None

    def as_mutation(self) -> dict[str, Any]:
        """The shape ``POST /mutations`` expects for this entry."""
        return {"id": self.id, "kind": self.kind, "payload": self.payload}


class MatchedField(StrEnum):
    NAME = "name"
    EMAIL = "email"
    PHONE = "phone"
    HANDLE = "handle"
    LOYALTY_CARD = "loyalty_card"
    ORDER = "order"
    INTERACTION = "interaction"


@dataclass(frozen=True, slots=True)
class CustomerHit:
    """A search result: the customer, and what the typed text matched (to show it under the name)."""

    customer: Customer
    matched: MatchedField
    matched_text: str


class QueueRowKind(StrEnum):
    CASE = "case"
    FOLLOWUP = "followup"


@dataclass(slots=True)
class QueueRow:
    """One line of the work queue: an open case, or a follow-up that is due.

    Not frozen, unlike the other views: a queue holds thousands of rows and a frozen dataclass
    costs three times as much to build. Treat it as read-only all the same.
    """

    kind: QueueRowKind
    customer_id: str
    customer_name: str
    channel: Channel
    state: ResponseState
    seconds_left: float  # negative when overdue; the queue is sorted on it
    due_at: datetime | None
    case_id: str | None = None
    case_kind: CaseKind | None = None
    category: ComplaintCategory | None = None
    status: CaseStatus | None = None
    subject: str = ""
    opened_at: datetime | None = None
    acknowledged_at: datetime | None = None
    first_response_at: datetime | None = None
    assignee_id: str | None = None
    version: int = 0
    countdown: Countdown | None = None
    followup_id: str | None = None
    note: str = ""


@dataclass(frozen=True, slots=True)
class QueueCounts:
    total: int
    mine: int
    followups: int
    by_state: dict[str, int] = field(default_factory=dict)
    by_channel: dict[str, int] = field(default_factory=dict)
    by_kind: dict[str, int] = field(default_factory=dict)
    by_status: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Timeline:
    """A customer's whole story. ``interaction_ids`` holds every id newest first; ``interactions``
    only the first ones, the rest loaded on demand with ``LocalCache.interactions_by_ids``."""

    customer: Customer
    cases: tuple[Case, ...]
    interaction_ids: tuple[str, ...]
    interactions: tuple[Interaction, ...]
    orders: tuple[Order, ...]
    followups: tuple[FollowUp, ...]
    satisfaction: tuple[SatisfactionRating, ...]
    decisions: tuple[Decision, ...]
    escalations: tuple[Escalation, ...]


@dataclass(frozen=True, slots=True)
class AuthoritySnapshot:
    """What ``GET /me`` said at the last sync: the offline ceiling for grants."""

    currency: str
    daily_budget_cents: int
    remaining_today_cents: int
    per_customer_30d_cents: int
    gestures: dict[str, int]
    taken_at: datetime


@dataclass(frozen=True, slots=True)
class LogRow:
    """A decision-log entry with the centre's receipt when it has acknowledged it."""

    seq: int
    kind: str
    fields: dict[str, Any]
    prev_hash: str
    hash: str
    receipt_hash: str | None
    receipt_at: datetime | None


@dataclass(frozen=True, slots=True)
class RecoveryReport:
    """What happened when the cache file was found damaged at start-up (shown to the user)."""

    problem: str
    set_aside: str  # where the damaged file now is
    recovered_outbox: int
    recovered_log_entries: int
    recovered_drafts: int
    unreadable: tuple[str, ...] = ()  # what could not be read back (table names)

    @property
    def lost_nothing(self) -> bool:
        return not self.unreadable
