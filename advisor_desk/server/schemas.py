"""Request and response bodies of the central API (pydantic), one family per resource.

Requests forbid unknown fields. Entities travel as their wire dicts (``advisor_desk.domain.wire``),
typed here as plain JSON objects; the contract documents their shapes.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from advisor_desk.domain.model import Role, User

MAX_TEXT = 100_000


def _no_nul(value: str) -> str:
    # PostgreSQL text cannot hold NUL characters; refuse them at the door, everywhere alike.
    if "\x00" in value:
        raise ValueError("text cannot contain NUL characters")
    return value


Text = Annotated[str, AfterValidator(_no_nul)]


class Request(BaseModel):
    model_config = ConfigDict(extra="forbid", str_max_length=MAX_TEXT)


class UserPublic(BaseModel):
    id: str
    username: str
    display_name: str
    role: Role
    team: str
    time_zone: str

    @classmethod
    def of(cls, user: User) -> UserPublic:
        return cls(
            id=user.id,
            username=user.username,
            display_name=user.display_name,
            role=user.role,
            team=user.team,
            time_zone=user.time_zone,
        )


class LoginRequest(Request):
    username: Text = Field(min_length=1, max_length=150)
    password: str = Field(min_length=1, max_length=1024)


class RefreshRequest(Request):
    refresh_token: Text = Field(min_length=1, max_length=200)


class TokenResponse(BaseModel):
    access_token: str
    refresh_token: str
    token_type: Literal["bearer"] = "bearer"
    expires_in: int
    user: UserPublic


class GestureAllowance(BaseModel):
    code: str
    max_per_decision_cents: int


class AuthorityPublic(BaseModel):
    currency: str
    daily_budget_cents: int
    remaining_today_cents: int
    per_customer_30d_cents: int
    gestures: list[GestureAllowance]


class MeResponse(BaseModel):
    user: UserPublic
    authority: AuthorityPublic


class Change(BaseModel):
    cursor: str
    entity: str
    op: Literal["upsert", "delete"]
    id: str
    data: dict[str, Any] | None


class ChangesResponse(BaseModel):
    changes: list[Change]
    next: str
    has_more: bool


class MutationIn(BaseModel):
    # The payload is checked per mutation (a bad one is rejected alone, the batch goes on).
    model_config = ConfigDict(extra="forbid")

    id: Text = Field(min_length=1, max_length=36)
    kind: Text = Field(min_length=1, max_length=40)
    payload: dict[str, Any]


class MutationBatch(Request):
    workstation_id: Text = Field(min_length=1, max_length=100)
    mutations: list[MutationIn] = Field(max_length=100)


class MutationResult(BaseModel):
    id: str
    status: Literal["applied", "duplicate", "rejected", "conflict"]
    reason: str | None = None
    data: dict[str, Any] | None = None


class MutationResults(BaseModel):
    results: list[MutationResult]


class ChainReceipt(BaseModel):
    seq: int
    prev_hash: str
    hash: str
    received_at: str


class ChainResponse(BaseModel):
    entries: list[ChainReceipt]


class CustomersResponse(BaseModel):
    customers: list[dict[str, Any]]


class TimelineResponse(BaseModel):
    customer: dict[str, Any]
    orders: list[dict[str, Any]]
    products: list[dict[str, Any]]
    cases: list[dict[str, Any]]
    interactions: list[dict[str, Any]]
    followups: list[dict[str, Any]]
    satisfaction: list[dict[str, Any]]
    decisions: list[dict[str, Any]]


class DecisionsResponse(BaseModel):
    decisions: list[dict[str, Any]]
    #: Display names of the users these decisions name (who granted, who reviewed), by id: a lead's
    #: desk knows its colleagues only from what they wrote in timelines it holds.
    people: dict[str, str] = {}
    #: Display names of the customers they were granted to, by id (the lead's desk holds only its
    #: scope; these names are shown, never stored by it).
    customers: dict[str, str] = {}


class HealthResponse(BaseModel):
    status: str
    database: str


class ErrorDetail(BaseModel):
    code: str
    message: str
    details: Any = None


class ErrorResponse(BaseModel):
    """The body of every 4xx and 5xx answer."""

    error: ErrorDetail
