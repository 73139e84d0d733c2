"""Tables of the local cache (SQLAlchemy 2 typed ORM declarations; Alembic migrations create them).

Replicated entities keep their wire JSON (``data``, exactly what the feed sent or what a local write
made) plus the columns the desk queries on. Times in indexed columns are fixed-width ISO 8601 UTC
strings (see :func:`advisor_desk.cache.codec.ts`) so they compare correctly as text.

The full-text indexes are FTS5 virtual tables created by migration 0002, not declared here:
``customer_fts`` (external content over the ``search_*`` columns of ``customers``) and
``interaction_fts`` (contentless, keyed by ``interactions.key``).
"""

from __future__ import annotations

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class CustomerRow(Base):
    __tablename__ = "customers"
    key: Mapped[int] = mapped_column(Integer, primary_key=True)  # the FTS rowid
    id: Mapped[str] = mapped_column(String, unique=True)
    team: Mapped[str] = mapped_column(String, index=True)
    last_name: Mapped[str] = mapped_column(String)
    first_name: Mapped[str] = mapped_column(String)
    kept: Mapped[int] = mapped_column(Integer, default=0)  # fetched on demand, outside the feed
    data: Mapped[str] = mapped_column(Text)
    search_indexed: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    search_name: Mapped[str] = mapped_column(Text, default="", server_default="")
    search_emails: Mapped[str] = mapped_column(Text, default="", server_default="")
    search_phones: Mapped[str] = mapped_column(Text, default="", server_default="")
    search_handles: Mapped[str] = mapped_column(Text, default="", server_default="")
    search_loyalty: Mapped[str] = mapped_column(Text, default="", server_default="")
    search_orders: Mapped[str] = mapped_column(Text, default="", server_default="")

    __table_args__ = (Index("ix_customers_name", "id", "first_name", "last_name"),)


class OrderRow(Base):
    __tablename__ = "orders"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    customer_id: Mapped[str] = mapped_column(String, index=True)
    number: Mapped[str] = mapped_column(String, index=True)
    placed_at: Mapped[str] = mapped_column(String)
    data: Mapped[str] = mapped_column(Text)


class OrderLineRow(Base):
    __tablename__ = "order_lines"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    order_id: Mapped[str] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    product_id: Mapped[str] = mapped_column(String)
    paid_cents: Mapped[int] = mapped_column(Integer)
    refunded_cents: Mapped[int] = mapped_column(Integer)


class ProductRow(Base):
    __tablename__ = "products"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    sku: Mapped[str] = mapped_column(String)
    data: Mapped[str] = mapped_column(Text)


class CaseRow(Base):
    __tablename__ = "cases"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    customer_id: Mapped[str] = mapped_column(String, index=True)
    team: Mapped[str] = mapped_column(String)
    status: Mapped[str] = mapped_column(String)
    is_open: Mapped[int] = mapped_column(Integer)
    channel: Mapped[str] = mapped_column(String)
    kind: Mapped[str] = mapped_column(String)
    category: Mapped[str] = mapped_column(String)
    subject: Mapped[str] = mapped_column(Text)
    assignee_id: Mapped[str | None] = mapped_column(String, nullable=True)
    opened_at: Mapped[str] = mapped_column(String)
    acknowledged_at: Mapped[str | None] = mapped_column(String, nullable=True)
    first_response_at: Mapped[str | None] = mapped_column(String, nullable=True)
    resolved_at: Mapped[str | None] = mapped_column(String, nullable=True)
    version: Mapped[int] = mapped_column(Integer)
    data: Mapped[str] = mapped_column(Text)

    #: Covering index of the work queue (migration 0003): the queue never reads the table rows.
    __table_args__ = (
        Index(
            "ix_cases_queue",
            "team",
            "is_open",
            "status",
            "channel",
            "kind",
            "category",
            "assignee_id",
            "opened_at",
            "acknowledged_at",
            "first_response_at",
            "resolved_at",
            "version",
            "customer_id",
            "id",
            "subject",
        ),
    )


class InteractionRow(Base):
    __tablename__ = "interactions"
    key: Mapped[int] = mapped_column(Integer, primary_key=True)  # the FTS rowid
    id: Mapped[str] = mapped_column(String, unique=True)
    customer_id: Mapped[str] = mapped_column(String)
    case_id: Mapped[str | None] = mapped_column(String, nullable=True, index=True)
    channel: Mapped[str] = mapped_column(String)
    occurred_at: Mapped[str] = mapped_column(String)
    data: Mapped[str] = mapped_column(Text)

    # Covers the timeline's read of (id, case, time) newest first (migration 0006).
    __table_args__ = (
        Index("ix_interactions_timeline", "customer_id", "occurred_at", "key", "id", "case_id"),
    )


class GestureTypeRow(Base):
    __tablename__ = "gesture_types"
    code: Mapped[str] = mapped_column(String, primary_key=True)
    data: Mapped[str] = mapped_column(Text)


class EnvelopeRow(Base):
    __tablename__ = "envelopes"
    role: Mapped[str] = mapped_column(String, primary_key=True)
    data: Mapped[str] = mapped_column(Text)


class ResponseTargetRow(Base):
    __tablename__ = "response_targets"
    channel: Mapped[str] = mapped_column(String, primary_key=True)
    data: Mapped[str] = mapped_column(Text)


class ScriptRow(Base):
    __tablename__ = "scripts"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    category: Mapped[str] = mapped_column(String)
    language: Mapped[str] = mapped_column(String)
    data: Mapped[str] = mapped_column(Text)


class SettingRow(Base):
    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String, primary_key=True)
    data: Mapped[str] = mapped_column(Text)


class FollowUpRow(Base):
    __tablename__ = "followups"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    customer_id: Mapped[str] = mapped_column(String, index=True)
    case_id: Mapped[str | None] = mapped_column(String, nullable=True)
    created_by: Mapped[str] = mapped_column(String)
    status: Mapped[str] = mapped_column(String)
    due_at: Mapped[str] = mapped_column(String)
    data: Mapped[str] = mapped_column(Text)

    __table_args__ = (Index("ix_followups_status_due", "status", "due_at"),)


class SatisfactionRow(Base):
    __tablename__ = "satisfaction"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    customer_id: Mapped[str] = mapped_column(String, index=True)
    case_id: Mapped[str] = mapped_column(String, index=True)
    recorded_at: Mapped[str] = mapped_column(String)
    data: Mapped[str] = mapped_column(Text)


class ProductRatingRow(Base):
    __tablename__ = "product_ratings"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    product_id: Mapped[str] = mapped_column(String)
    customer_id: Mapped[str | None] = mapped_column(String, nullable=True, index=True)
    rated_at: Mapped[str] = mapped_column(String)
    data: Mapped[str] = mapped_column(Text)

    __table_args__ = (Index("ix_product_ratings_product_time", "product_id", "rated_at"),)


class DecisionRow(Base):
    __tablename__ = "decisions"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    user_id: Mapped[str] = mapped_column(String)
    team: Mapped[str] = mapped_column(String)
    customer_id: Mapped[str] = mapped_column(String, index=True)
    case_id: Mapped[str | None] = mapped_column(String, nullable=True)
    order_line_id: Mapped[str | None] = mapped_column(String, nullable=True)
    gesture: Mapped[str] = mapped_column(String)
    amount_cents: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String)
    reviewed: Mapped[int] = mapped_column(Integer)
    granted_at: Mapped[str] = mapped_column(String)
    data: Mapped[str] = mapped_column(Text)

    __table_args__ = (Index("ix_decisions_user_time", "user_id", "granted_at"),)


class EscalationRow(Base):
    __tablename__ = "escalations"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    user_id: Mapped[str] = mapped_column(String)
    team: Mapped[str] = mapped_column(String)
    customer_id: Mapped[str] = mapped_column(String, index=True)
    status: Mapped[str] = mapped_column(String)
    requested_at: Mapped[str] = mapped_column(String)
    data: Mapped[str] = mapped_column(Text)


class MetaRow(Base):
    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String, primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class OutboxRow(Base):
    __tablename__ = "outbox"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(String, unique=True)
    kind: Mapped[str] = mapped_column(String)
    payload: Mapped[str] = mapped_column(Text)
    created_at: Mapped[str] = mapped_column(String)
    status: Mapped[str] = mapped_column(String, index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text, nullable=True)
    reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    #: What the action changed locally ([{entity, id, before, after, fields}]): re-applied over fresh
    #: copies from the feed while the entry waits, undone when the centre refuses it.
    effects: Mapped[str | None] = mapped_column(Text, nullable=True)

    __table_args__ = ({"sqlite_autoincrement": True},)


class DecisionLogRow(Base):
    __tablename__ = "decision_log"
    #: Stored order; ``seq`` is the chain's own numbering (deliberately not unique, so a tampered
    #: file still loads and verification can say what is wrong with it).
    position: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    seq: Mapped[int] = mapped_column(Integer, index=True)
    kind: Mapped[str] = mapped_column(String)
    fields: Mapped[str] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String)
    hash: Mapped[str] = mapped_column(String)
    receipt_hash: Mapped[str | None] = mapped_column(String, nullable=True)
    receipt_at: Mapped[str | None] = mapped_column(String, nullable=True)

    __table_args__ = ({"sqlite_autoincrement": True},)


class DraftRow(Base):
    __tablename__ = "drafts"
    case_id: Mapped[str] = mapped_column(String, primary_key=True)
    data: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[str] = mapped_column(String)
