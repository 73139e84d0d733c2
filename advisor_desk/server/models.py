"""The reference server's tables (SQLAlchemy 2 typed ORM).

Replicated entities keep their full wire form (:func:`advisor_desk.domain.wire.to_wire`) in a ``data``
column: that is the contract's shape, served as is by the changes feed, search and timelines, and
rebuilt into domain objects with ``from_wire``. Beside it, typed columns hold what the server queries
(teams, statuses, amounts, times, normalised identifiers), kept in step by :mod:`advisor_desk.server.store`
— the only module that writes entity rows. Operational tables (users, tokens, the mutation log, the
feed, receipts, login throttling) are plain typed rows.

Every schema change goes through an Alembic migration in ``advisor_desk/server/migrations``; a test
checks the two agree.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

ID = String(64)


class UTCDateTime(TypeDecorator[datetime]):
    """An aware UTC datetime on every backend (SQLite hands back naive values otherwise)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: the server stores aware UTC times")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {datetime: UTCDateTime, dict[str, Any]: JSON, str: Text}


# --- people and sessions ---------------------------------------------------------------------------


class UserRow(Base):
    __tablename__ = "users"

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    username: Mapped[str] = mapped_column(String(150), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(32))
    team: Mapped[str] = mapped_column(String(100), index=True)
    time_zone: Mapped[str] = mapped_column(String(64))
    password_hash: Mapped[str] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime]


class TokenRow(Base):
    """An access or refresh token, stored as the SHA-256 of its value only."""

    __tablename__ = "tokens"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))  # "access" or "refresh"
    user_id: Mapped[str] = mapped_column(ID, ForeignKey("users.id", ondelete="CASCADE"), index=True)
    #: Tokens issued by one login and its refreshes share a session id: logout revokes them together.
    session_id: Mapped[str] = mapped_column(ID, index=True)
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime] = mapped_column(index=True)
    revoked_at: Mapped[datetime | None]


class LoginThrottleRow(Base):
    """Recent failed logins of one username or one client address."""

    __tablename__ = "login_throttle"

    key: Mapped[str] = mapped_column(String(255), primary_key=True)  # "user:<name>" or "addr:<ip>"
    failures: Mapped[int] = mapped_column(Integer, default=0)
    last_failure_at: Mapped[datetime]
    locked_until: Mapped[datetime | None]


# --- replicated entities ---------------------------------------------------------------------------


class CustomerRow(Base):
    __tablename__ = "customers"

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    team: Mapped[str] = mapped_column(String(100), index=True)
    #: Lower-cased "first last" and "last first", for name search.
    search_name: Mapped[str] = mapped_column(String(500), index=True)
    loyalty_card: Mapped[str | None] = mapped_column(String(100), index=True)
    data: Mapped[dict[str, Any]]
    updated_at: Mapped[datetime | None]


class CustomerIdentifierRow(Base):
    """A normalised e-mail, phone or handle of a customer, indexed for search."""

    __tablename__ = "customer_identifiers"

    customer_id: Mapped[str] = mapped_column(
        ID, ForeignKey("customers.id", ondelete="CASCADE"), primary_key=True
    )
    kind: Mapped[str] = mapped_column(String(16), primary_key=True)  # email, phone, handle
    value: Mapped[str] = mapped_column(String(320), primary_key=True)

    __table_args__ = (Index("ix_customer_identifiers_value", "value"),)


class ProductRow(Base):
    __tablename__ = "products"

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    sku: Mapped[str] = mapped_column(String(100), index=True)
    data: Mapped[dict[str, Any]]
    updated_at: Mapped[datetime | None]


class OrderRow(Base):
    __tablename__ = "orders"

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    number: Mapped[str] = mapped_column(String(100), index=True)
    customer_id: Mapped[str] = mapped_column(ID, ForeignKey("customers.id", ondelete="CASCADE"), index=True)
    placed_at: Mapped[datetime]
    data: Mapped[dict[str, Any]]
    updated_at: Mapped[datetime | None]


class OrderLineRow(Base):
    """An order line, for refund bounds (what was paid, what was refunded before the desk)."""

    __tablename__ = "order_lines"

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    order_id: Mapped[str] = mapped_column(ID, ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    product_id: Mapped[str] = mapped_column(ID)
    quantity: Mapped[int] = mapped_column(Integer)
    unit_price_cents: Mapped[int] = mapped_column(BigInteger)
    paid_cents: Mapped[int] = mapped_column(BigInteger)
    refunded_cents: Mapped[int] = mapped_column(BigInteger)


class CaseRow(Base):
    __tablename__ = "cases"

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    customer_id: Mapped[str] = mapped_column(ID, ForeignKey("customers.id", ondelete="CASCADE"), index=True)
    team: Mapped[str] = mapped_column(String(100), index=True)
    status: Mapped[str] = mapped_column(String(32))
    version: Mapped[int] = mapped_column(Integer)
    opened_at: Mapped[datetime]
    data: Mapped[dict[str, Any]]
    updated_at: Mapped[datetime | None]


class InteractionRow(Base):
    __tablename__ = "interactions"

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    customer_id: Mapped[str] = mapped_column(ID, ForeignKey("customers.id", ondelete="CASCADE"), index=True)
    case_id: Mapped[str | None] = mapped_column(ID, index=True)
    channel: Mapped[str] = mapped_column(String(32))
    occurred_at: Mapped[datetime]
    data: Mapped[dict[str, Any]]
    updated_at: Mapped[datetime | None]


class FollowUpRow(Base):
    __tablename__ = "followups"

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    customer_id: Mapped[str] = mapped_column(ID, ForeignKey("customers.id", ondelete="CASCADE"), index=True)
    case_id: Mapped[str | None] = mapped_column(ID)
    status: Mapped[str] = mapped_column(String(32))
    due_at: Mapped[datetime]
    data: Mapped[dict[str, Any]]
    updated_at: Mapped[datetime | None]


class SatisfactionRow(Base):
    __tablename__ = "satisfaction"

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    customer_id: Mapped[str] = mapped_column(ID, ForeignKey("customers.id", ondelete="CASCADE"), index=True)
    case_id: Mapped[str] = mapped_column(ID, index=True)
    score: Mapped[int] = mapped_column(Integer)
    recorded_at: Mapped[datetime]
    data: Mapped[dict[str, Any]]
    updated_at: Mapped[datetime | None]


class ProductRatingRow(Base):
    """One customer rating of a product (the product-watch rule's input)."""

    __tablename__ = "product_ratings"

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    product_id: Mapped[str] = mapped_column(ID, index=True)
    customer_id: Mapped[str | None] = mapped_column(ID, index=True)
    stars: Mapped[int] = mapped_column(Integer)
    rated_at: Mapped[datetime]
    data: Mapped[dict[str, Any]]
    updated_at: Mapped[datetime | None]


class DecisionRow(Base):
    """A goodwill gesture as recorded by the centre (audit record: kept when a customer is erased)."""

    __tablename__ = "decisions"

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    user_id: Mapped[str] = mapped_column(ID, index=True)
    team: Mapped[str] = mapped_column(String(100), index=True)
    customer_id: Mapped[str] = mapped_column(ID, index=True)
    gesture: Mapped[str] = mapped_column(String(32))
    amount_cents: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))
    status: Mapped[str] = mapped_column(String(16))
    granted_at: Mapped[datetime] = mapped_column(index=True)
    order_line_id: Mapped[str | None] = mapped_column(ID, index=True)
    reviewed: Mapped[bool] = mapped_column(Boolean)
    data: Mapped[dict[str, Any]]
    updated_at: Mapped[datetime | None]


class EscalationRow(Base):
    __tablename__ = "escalations"

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    user_id: Mapped[str] = mapped_column(ID, index=True)
    team: Mapped[str] = mapped_column(String(100), index=True)
    customer_id: Mapped[str] = mapped_column(ID, index=True)
    status: Mapped[str] = mapped_column(String(16))
    requested_at: Mapped[datetime]
    data: Mapped[dict[str, Any]]
    updated_at: Mapped[datetime | None]


class GestureTypeRow(Base):
    __tablename__ = "gesture_types"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)  # the gesture code
    data: Mapped[dict[str, Any]]


class EnvelopeRow(Base):
    __tablename__ = "envelopes"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)  # the role
    data: Mapped[dict[str, Any]]


class ResponseTargetRow(Base):
    __tablename__ = "response_targets"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)  # the channel
    data: Mapped[dict[str, Any]]


class ScriptRow(Base):
    __tablename__ = "scripts"

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    data: Mapped[dict[str, Any]]
    updated_at: Mapped[datetime | None]


class SettingRow(Base):
    __tablename__ = "settings"

    id: Mapped[str] = mapped_column(String(100), primary_key=True)  # the setting key
    data: Mapped[dict[str, Any]]
    updated_at: Mapped[datetime | None]


# --- feed, idempotency, receipts -------------------------------------------------------------------


class FeedCounterRow(Base):
    """The single row whose lock orders feed positions by commit (see :mod:`advisor_desk.server.feed`)."""

    __tablename__ = "feed_counter"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    position: Mapped[int] = mapped_column(BigInteger)


class FeedEntryRow(Base):
    """The latest change of one entity, at the feed position of that change.

    ``scope`` says who receives it: ``all`` (catalogues), ``team`` (a customer and what hangs on it),
    ``role`` (an envelope), ``owner`` (decisions and escalations: their author, and the team's leads).
    """

    __tablename__ = "feed_entries"

    kind: Mapped[str] = mapped_column(String(32), primary_key=True)
    entity_id: Mapped[str] = mapped_column(String(100), primary_key=True)
    position: Mapped[int] = mapped_column(BigInteger, unique=True)
    op: Mapped[str] = mapped_column(String(8))  # "upsert" or "delete"
    scope: Mapped[str] = mapped_column(String(8))
    team: Mapped[str | None] = mapped_column(String(100))
    owner_id: Mapped[str | None] = mapped_column(ID)
    role: Mapped[str | None] = mapped_column(String(32))
    #: The customer a ``team`` entry hangs on (the customer itself for a customer): per-user scope.
    customer_id: Mapped[str | None] = mapped_column(ID, index=True)


class MutationLogRow(Base):
    """Every mutation id ever received, with the hash of its payload and its first result (forever)."""

    __tablename__ = "mutation_log"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    payload_hash: Mapped[str] = mapped_column(String(64))
    user_id: Mapped[str] = mapped_column(ID, index=True)
    workstation_id: Mapped[str] = mapped_column(String(100))
    status: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str | None]
    data: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    received_at: Mapped[datetime]


class ChainReceiptRow(Base):
    """What the centre acknowledged of a workstation's decision chain."""

    __tablename__ = "chain_receipts"

    workstation_id: Mapped[str] = mapped_column(String(100), primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    hash: Mapped[str] = mapped_column(String(64))
    prev_hash: Mapped[str] = mapped_column(String(64))
    user_id: Mapped[str] = mapped_column(ID)
    team: Mapped[str] = mapped_column(String(100), index=True)
    mutation_id: Mapped[str] = mapped_column(String(36))
    received_at: Mapped[datetime]


# --- per-user scope and erasure --------------------------------------------------------------------


class ScopeMemberRow(Base):
    """One customer in (or just out of) one user's scope: what that user's workstation replicates.

    ``op`` is ``enter`` while the customer is in scope and ``leave`` once it left; ``position`` is the
    feed position (from the same counter, in commit order) at which that happened, so the user's feed
    carries the whole customer at its entry and a deletion at its exit (:mod:`advisor_desk.server.scope`).
    """

    __tablename__ = "scope_members"

    user_id: Mapped[str] = mapped_column(ID, primary_key=True)
    customer_id: Mapped[str] = mapped_column(ID, primary_key=True, index=True)
    position: Mapped[int] = mapped_column(BigInteger)
    op: Mapped[str] = mapped_column(String(8))  # "enter" or "leave"
    #: The user acted about this customer: kept in scope until then.
    touched_until: Mapped[datetime | None]
    #: The user fetched this customer's timeline on demand: kept in scope until then.
    fetched_until: Mapped[datetime | None]

    __table_args__ = (Index("ix_scope_members_user_position", "user_id", "position"),)


class CustomerTombstoneRow(Base):
    """What is left of an erased customer: no personal data, only who erased it, when and why."""

    __tablename__ = "customer_tombstones"

    customer_id: Mapped[str] = mapped_column(ID, primary_key=True)
    erased_at: Mapped[datetime]
    erased_by: Mapped[str] = mapped_column(ID)
    reason_code: Mapped[str] = mapped_column(String(64))
