"""The things Advisor Desk works with: customers, their orders, cases and interactions, gestures.

Plain frozen dataclasses, no I/O. Times are timezone-aware UTC datetimes; money is integer cents with
a currency. :mod:`advisor_desk.domain.wire` turns these into the JSON shapes of the changes feed, so
the server, the sync client and the local cache agree on one format.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from advisor_desk.domain.channels import Channel


class Role(StrEnum):
    ADVISOR = "advisor"
    STORE_STAFF = "store_staff"
    TEAM_LEAD = "team_lead"
    ADMIN = "admin"


class Language(StrEnum):
    FR = "fr"
    EN = "en"


class CaseKind(StrEnum):
    COMPLAINT = "complaint"
    REQUEST = "request"
    INFORMATION = "information"
    PRAISE = "praise"


class CaseStatus(StrEnum):
    NEW = "new"
    ACKNOWLEDGED = "acknowledged"
    IN_PROGRESS = "in_progress"
    WAITING_CUSTOMER = "waiting_customer"
    RESOLVED = "resolved"
    CLOSED = "closed"

    @property
    def is_open(self) -> bool:
        return self not in (CaseStatus.RESOLVED, CaseStatus.CLOSED)


#: Which status may follow which. A resolved case can be reopened (a dissatisfied follow-up); a closed
#: one is final: a new case is opened instead.
CASE_TRANSITIONS: dict[CaseStatus, frozenset[CaseStatus]] = {
    CaseStatus.NEW: frozenset(
        {CaseStatus.ACKNOWLEDGED, CaseStatus.IN_PROGRESS, CaseStatus.WAITING_CUSTOMER, CaseStatus.RESOLVED}
    ),
    CaseStatus.ACKNOWLEDGED: frozenset(
        {CaseStatus.IN_PROGRESS, CaseStatus.WAITING_CUSTOMER, CaseStatus.RESOLVED}
    ),
    CaseStatus.IN_PROGRESS: frozenset({CaseStatus.WAITING_CUSTOMER, CaseStatus.RESOLVED}),
    CaseStatus.WAITING_CUSTOMER: frozenset({CaseStatus.IN_PROGRESS, CaseStatus.RESOLVED}),
    CaseStatus.RESOLVED: frozenset({CaseStatus.CLOSED, CaseStatus.IN_PROGRESS}),
    CaseStatus.CLOSED: frozenset(),
}


def can_transition(current: CaseStatus, new: CaseStatus) -> bool:
    return new in CASE_TRANSITIONS[current]


class ComplaintCategory(StrEnum):
    """Categories of cases; complaints use the first ten, requests, information and praise the last."""

    LATE_DELIVERY = "late_delivery"
    DAMAGED_ITEM = "damaged_item"
    DEFECTIVE_PRODUCT = "defective_product"
    WRONG_ITEM = "wrong_item"
    BILLING_ERROR = "billing_error"
    REFUND_NOT_RECEIVED = "refund_not_received"
    STAFF_BEHAVIOUR = "staff_behaviour"
    WEBSITE_APP = "website_app"
    STORE_EXPERIENCE = "store_experience"
    OTHER = "other"
    REQUEST = "request"
    INFORMATION = "information"
    PRAISE = "praise"


class RootCause(StrEnum):
    """Why a complaint happened, asked for when it is resolved (ISO 10002: feed improvement)."""

    PRODUCT_QUALITY = "product_quality"
    PRODUCT_DESIGN = "product_design"
    CARRIER = "carrier"
    WAREHOUSE = "warehouse"
    INFORMATION_ERROR = "information_error"
    BILLING_SYSTEM = "billing_system"
    STAFF = "staff"
    WEBSITE = "website"
    SUPPLIER = "supplier"
    CUSTOMER_MISUNDERSTANDING = "customer_misunderstanding"
    OTHER = "other"


class Direction(StrEnum):
    INBOUND = "inbound"
    OUTBOUND = "outbound"
    INTERNAL = "internal"


class GestureCode(StrEnum):
    REFUND = "refund"
    SHIPPING_REFUND = "shipping_refund"
    VOUCHER = "voucher"
    FREE_SHIPPING = "free_shipping"
    REPLACEMENT = "replacement"
    EXCHANGE = "exchange"
    LOYALTY_POINTS = "loyalty_points"
    GIFT = "gift"


class ReasonCode(StrEnum):
    """Reason category a goodwill gesture is granted for (the short text says the rest)."""

    LATE_DELIVERY = "late_delivery"
    DAMAGED_OR_DEFECTIVE = "damaged_or_defective"
    WRONG_ITEM = "wrong_item"
    BILLING_ERROR = "billing_error"
    SERVICE_FAILURE = "service_failure"
    LOYALTY = "loyalty"
    COMMERCIAL = "commercial"
    OTHER = "other"


class DecisionStatus(StrEnum):
    PENDING = "pending"  # written locally, not yet confirmed by the centre
    GRANTED = "granted"  # confirmed by the centre
    REJECTED = "rejected"  # the centre's re-check refused it
    REVOKED = "revoked"

    @property
    def counts_against_budget(self) -> bool:
        return self in (DecisionStatus.PENDING, DecisionStatus.GRANTED)


class FollowUpOutcome(StrEnum):
    SATISFIED = "satisfied"
    NOT_SATISFIED = "not_satisfied"
    NOT_REACHED = "not_reached"


class FollowUpStatus(StrEnum):
    SCHEDULED = "scheduled"
    DONE = "done"
    CANCELLED = "cancelled"


class EscalationStatus(StrEnum):
    OPEN = "open"
    APPROVED = "approved"
    DECLINED = "declined"


@dataclass(frozen=True, slots=True)
class User:
    id: str
    username: str
    display_name: str
    role: Role
    team: str
    time_zone: str = "Europe/Paris"


@dataclass(frozen=True, slots=True)
class Customer:
    id: str
    first_name: str
    last_name: str
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    social_handles: tuple[str, ...] = ()
    loyalty_card: str | None = None
    language: Language = Language.FR
    preferred_channel: Channel = Channel.EMAIL
    tier: str = "standard"
    title: str = ""  # "M.", "Mme", "Mr", "Ms"... used for the form of address
    team: str = ""
    updated_at: datetime | None = None

    @property
    def display_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


@dataclass(frozen=True, slots=True)
class Product:
    id: str
    sku: str
    name: str
    rating_average: float = 0.0  # display only; the watch rule uses the ratings themselves
    rating_count: int = 0
    manager: str = ""
    updated_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class OrderLine:
    id: str
    product_id: str
    quantity: int
    unit_price_cents: int
    paid_cents: int  # what the customer actually paid for the line: a refund never exceeds it
    refunded_cents: int = 0


@dataclass(frozen=True, slots=True)
class Order:
    id: str
    number: str
    customer_id: str
    placed_at: datetime
    currency: str
    total_cents: int
    shipping_cents: int = 0
    status: str = "delivered"
    lines: tuple[OrderLine, ...] = ()
    updated_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Case:
    id: str
    customer_id: str
    kind: CaseKind
    category: ComplaintCategory
    status: CaseStatus
    channel: Channel
    subject: str
    opened_at: datetime
    team: str
    version: int = 1
    product_id: str | None = None
    order_id: str | None = None
    assignee_id: str | None = None
    acknowledged_at: datetime | None = None
    first_response_at: datetime | None = None
    resolved_at: datetime | None = None
    root_cause: RootCause | None = None
    updated_at: datetime | None = None
    updated_by: str | None = None

    @property
    def is_open(self) -> bool:
        return self.status.is_open

    @property
    def first_response_clock_stopped_at(self) -> datetime | None:
        """An acknowledgement of receipt counts as the first response for the response-time clock."""
        times = [t for t in (self.acknowledged_at, self.first_response_at) if t is not None]
        return min(times) if times else None


@dataclass(frozen=True, slots=True)
class Interaction:
    id: str
    customer_id: str
    channel: Channel
    direction: Direction
    occurred_at: datetime
    text: str
    case_id: str | None = None
    author: str = ""  # customer name, advisor display name, or system
    author_id: str | None = None
    #: Channel details: call duration (``duration_s``), review ``stars``, order ``amount_cents``,
    #: ``currency``, ``subject`` of an e-mail, ``handle`` on a social network...
    details: dict[str, object] = field(default_factory=dict)
    updated_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class GestureType:
    code: GestureCode
    name_fr: str
    name_en: str
    #: Whether the amount is bounded by an order line (refunds) or the shipping paid.
    bounded_by: str = ""  # "", "line", "shipping"
    suggested_for: tuple[ComplaintCategory, ...] = ()
    presets_cents: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class GestureLimit:
    code: GestureCode
    max_per_decision_cents: int


@dataclass(frozen=True, slots=True)
class AuthorityEnvelope:
    """What one role may grant without asking anyone."""

    role: Role
    currency: str
    daily_budget_cents: int
    per_customer_30d_cents: int
    gestures: tuple[GestureLimit, ...]

    def limit_for(self, code: GestureCode) -> GestureLimit | None:
        for g in self.gestures:
            if g.code == code:
                return g
        return None


@dataclass(frozen=True, slots=True)
class Decision:
    """A goodwill gesture (or its rejection, revocation) as recorded in the decision log."""

    id: str
    user_id: str
    team: str
    customer_id: str
    gesture: GestureCode
    amount_cents: int
    currency: str
    reason_code: ReasonCode
    reason_text: str
    granted_at: datetime
    status: DecisionStatus
    case_id: str | None = None
    order_line_id: str | None = None
    voucher_code: str | None = None
    offline: bool = False
    rejection_reason: str | None = None
    reviewed_by: str | None = None
    reviewed_at: datetime | None = None
    review_comment: str | None = None
    workstation_id: str | None = None
    chain_seq: int | None = None
    chain_hash: str | None = None
    updated_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class FollowUp:
    id: str
    customer_id: str
    due_at: datetime
    created_by: str
    status: FollowUpStatus = FollowUpStatus.SCHEDULED
    case_id: str | None = None
    note: str = ""
    outcome: FollowUpOutcome | None = None
    done_at: datetime | None = None
    updated_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class SatisfactionRating:
    id: str
    case_id: str
    customer_id: str
    score: int  # 1..5
    source: str  # "survey" or "advisor"
    recorded_at: datetime
    updated_at: datetime | None = None

    def __post_init__(self) -> None:
        if not 1 <= self.score <= 5:
            raise ValueError("satisfaction is rated from 1 to 5")


@dataclass(frozen=True, slots=True)
class Escalation:
    """A request to the team lead for a gesture beyond the advisor's envelope."""

    id: str
    user_id: str
    team: str
    customer_id: str
    gesture: GestureCode
    amount_cents: int
    currency: str
    reason_code: ReasonCode
    reason_text: str
    requested_at: datetime
    status: EscalationStatus = EscalationStatus.OPEN
    case_id: str | None = None
    answered_by: str | None = None
    answered_at: datetime | None = None
    answer_comment: str | None = None
    updated_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class ReplyScript:
    """A reply script as served by the centre (overrides the shipped file with the same key)."""

    id: str
    category: ComplaintCategory
    language: Language
    body_toml: str  # the same human-editable format as the files shipped in resources/scripts
    updated_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Setting:
    """A central setting workstations follow (product-watch threshold, retention window...)."""

    key: str
    value: object
    updated_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class ProductRating:
    """One customer rating of a product (1 to 5 stars), the input of the product-watch rule."""

    id: str
    product_id: str
    stars: int  # 1..5
    rated_at: datetime
    source: str = "review"  # "review" (review site, shop), "survey", "advisor"
    customer_id: str | None = None
    updated_at: datetime | None = None

    def __post_init__(self) -> None:
        if isinstance(self.stars, bool) or not 1 <= self.stars <= 5:
            raise ValueError("a product is rated from 1 to 5 stars")
