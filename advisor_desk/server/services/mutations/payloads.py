"""The payload of each mutation kind (API.md, Mutations), checked strictly: unknown fields, wrong
types and unknown enum values are refused."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StrictBool, StrictInt

from advisor_desk.domain.channels import Channel
from advisor_desk.domain.model import CaseStatus, FollowUpOutcome, GestureCode, ReasonCode, RootCause
from advisor_desk.domain.money import MAX_AMOUNT_CENTS
from advisor_desk.domain.mutations import MutationKind

MAX_TEXT = 100_000


def _text_time(value: object) -> object:
    # Times travel as ISO 8601 text; a bare number would be read as a Unix time by pydantic.
    if not isinstance(value, (str, datetime)):
        raise ValueError("expected an ISO 8601 time")
    return value


def _aware(value: datetime) -> datetime:
    if value.tzinfo is None:
        raise ValueError("a time needs its zone (UTC with a Z suffix)")
    return value


def _no_nul(value: str) -> str:
    if "\x00" in value:
        raise ValueError("text cannot contain NUL characters")
    return value


Id = Annotated[str, Field(min_length=1, max_length=64), AfterValidator(_no_nul)]
Text = Annotated[str, Field(max_length=MAX_TEXT), AfterValidator(_no_nul)]
Time = Annotated[datetime, BeforeValidator(_text_time), AfterValidator(_aware)]
Cents = Annotated[StrictInt, Field(gt=0, le=MAX_AMOUNT_CENTS)]
Currency = Annotated[str, Field(pattern=r"^[A-Z]{3}$")]
Hash = Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]


class Payload(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Chain(Payload):
    seq: Annotated[StrictInt, Field(ge=1)]
    prev_hash: Hash
    hash: Hash


class Reply(Payload):
    interaction_id: Id
    case_id: Id
    customer_id: Id
    channel: Channel
    text: Text
    sent_at: Time
    new_status: CaseStatus | None = None


class Note(Payload):
    interaction_id: Id
    customer_id: Id
    case_id: Id | None = None
    text: Text
    created_at: Time


class CaseStatusChange(Payload):
    case_id: Id
    status: CaseStatus
    expected_version: Annotated[StrictInt, Field(ge=1)]
    root_cause: RootCause | None = None
    product_id: Id | None = None


class CaseAcknowledge(Payload):
    case_id: Id
    interaction_id: Id
    channel: Channel
    text: Text
    at: Time


class CaseAssign(Payload):
    case_id: Id
    assignee_id: Id | None
    expected_version: Annotated[StrictInt, Field(ge=1)]


class DecisionGrant(Payload):
    decision_id: Id
    customer_id: Id
    case_id: Id | None = None
    order_line_id: Id | None = None
    gesture: GestureCode
    amount_cents: Cents
    currency: Currency
    reason_code: ReasonCode
    reason_text: Text
    granted_at: Time
    offline: StrictBool = False
    voucher_code: Annotated[str, Field(max_length=64), AfterValidator(_no_nul)] | None = None
    chain: Chain


class DecisionRevoke(Payload):
    decision_id: Id
    reason_text: Text
    chain: Chain


class Csat(Payload):
    rating_id: Id
    case_id: Id
    customer_id: Id
    score: Annotated[StrictInt, Field(ge=1, le=5)]
    source: Literal["survey", "advisor"]
    recorded_at: Time


class FollowUpCreate(Payload):
    followup_id: Id
    customer_id: Id
    case_id: Id | None = None
    due_at: Time
    note: Text = ""


class FollowUpOutcomeRecord(Payload):
    followup_id: Id
    outcome: FollowUpOutcome
    note: Text = ""
    at: Time
    reschedule_at: Time | None = None


class ReviewMark(Payload):
    decision_id: Id
    comment: Text | None = None


class EscalationRequest(Payload):
    escalation_id: Id
    customer_id: Id
    case_id: Id | None = None
    gesture: GestureCode
    amount_cents: Cents
    currency: Currency
    reason_code: ReasonCode
    reason_text: Text
    requested_at: Time
    chain: Chain


class EscalationAnswer(Payload):
    escalation_id: Id
    approved: StrictBool
    comment: Text | None = None


PAYLOADS: dict[MutationKind, type[Payload]] = {
    MutationKind.REPLY: Reply,
    MutationKind.NOTE: Note,
    MutationKind.CASE_STATUS: CaseStatusChange,
    MutationKind.CASE_ACKNOWLEDGE: CaseAcknowledge,
    MutationKind.CASE_ASSIGN: CaseAssign,
    MutationKind.DECISION_GRANT: DecisionGrant,
    MutationKind.DECISION_REVOKE: DecisionRevoke,
    MutationKind.CSAT: Csat,
    MutationKind.FOLLOWUP: FollowUpCreate,
    MutationKind.FOLLOWUP_OUTCOME: FollowUpOutcomeRecord,
    MutationKind.REVIEW_MARK: ReviewMark,
    MutationKind.ESCALATION: EscalationRequest,
    MutationKind.ESCALATION_ANSWER: EscalationAnswer,
}
