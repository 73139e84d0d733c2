"""First cache schema: replicated entities, meta, outbox and decision log.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _data() -> sa.Column[str]:
    return sa.Column("data", sa.Text(), nullable=False)


def upgrade() -> None:
    op.create_table(
        "customers",
        sa.Column("key", sa.Integer(), primary_key=True),
        sa.Column("id", sa.String(), nullable=False, unique=True),
        sa.Column("team", sa.String(), nullable=False),
        sa.Column("last_name", sa.String(), nullable=False),
        sa.Column("first_name", sa.String(), nullable=False),
        sa.Column("kept", sa.Integer(), nullable=False),
        _data(),
    )
    op.create_index("ix_customers_team", "customers", ["team"])
    op.create_table(
        "orders",
        sa.Column("id", sa.String(), primary_key=True),
        sa.Column("customer_id", sa.String(), nullable=False),
        sa.Column("number", sa.String(), nullable=False),
        sa.Column("placed_at", sa.String(), nullable=False),
        _data(),
    )
    op.create_index("ix_orders_customer_id", "orders", ["customer_id"])
    op.create_index("ix_orders_number", "orders", ["number"])
    op.create_table(
        "order_lines",
        sa.Column("id", sa.String(), primary_key=True),
        sa.Column("order_id", sa.String(), sa.ForeignKey("orders.id", ondelete="CASCADE"), nullable=False),
        sa.Column("product_id", sa.String(), nullable=False),
        sa.Column("paid_cents", sa.Integer(), nullable=False),
        sa.Column("refunded_cents", sa.Integer(), nullable=False),
    )
    op.create_index("ix_order_lines_order_id", "order_lines", ["order_id"])
    op.create_table(
        "products",
        sa.Column("id", sa.String(), primary_key=True),
        sa.Column("sku", sa.String(), nullable=False),
        _data(),
    )
    op.create_table(
        "cases",
        sa.Column("id", sa.String(), primary_key=True),
        sa.Column("customer_id", sa.String(), nullable=False),
        sa.Column("team", sa.String(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("is_open", sa.Integer(), nullable=False),
        sa.Column("channel", sa.String(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("category", sa.String(), nullable=False),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("assignee_id", sa.String(), nullable=True),
        sa.Column("opened_at", sa.String(), nullable=False),
        sa.Column("acknowledged_at", sa.String(), nullable=True),
        sa.Column("first_response_at", sa.String(), nullable=True),
        sa.Column("resolved_at", sa.String(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        _data(),
    )
    op.create_index("ix_cases_customer_id", "cases", ["customer_id"])
    op.create_index("ix_cases_team_open", "cases", ["team", "is_open"])
    op.create_table(
        "interactions",
        sa.Column("key", sa.Integer(), primary_key=True),
        sa.Column("id", sa.String(), nullable=False, unique=True),
        sa.Column("customer_id", sa.String(), nullable=False),
        sa.Column("case_id", sa.String(), nullable=True),
        sa.Column("channel", sa.String(), nullable=False),
        sa.Column("occurred_at", sa.String(), nullable=False),
        _data(),
    )
    op.create_index("ix_interactions_case_id", "interactions", ["case_id"])
    op.create_index("ix_interactions_customer_time", "interactions", ["customer_id", "occurred_at"])
    for name, key in (
        ("gesture_types", "code"),
        ("envelopes", "role"),
        ("response_targets", "channel"),
        ("settings", "key"),
    ):
        op.create_table(name, sa.Column(key, sa.String(), primary_key=True), _data())
    op.create_table(
        "scripts",
        sa.Column("id", sa.String(), primary_key=True),
        sa.Column("category", sa.String(), nullable=False),
        sa.Column("language", sa.String(), nullable=False),
        _data(),
    )
    op.create_table(
        "followups",
        sa.Column("id", sa.String(), primary_key=True),
        sa.Column("customer_id", sa.String(), nullable=False),
        sa.Column("case_id", sa.String(), nullable=True),
        sa.Column("created_by", sa.String(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("due_at", sa.String(), nullable=False),
        _data(),
    )
    op.create_index("ix_followups_customer_id", "followups", ["customer_id"])
    op.create_index("ix_followups_status_due", "followups", ["status", "due_at"])
    op.create_table(
        "satisfaction",
        sa.Column("id", sa.String(), primary_key=True),
        sa.Column("customer_id", sa.String(), nullable=False),
        sa.Column("case_id", sa.String(), nullable=False),
        sa.Column("recorded_at", sa.String(), nullable=False),
        _data(),
    )
    op.create_index("ix_satisfaction_customer_id", "satisfaction", ["customer_id"])
    op.create_table(
        "decisions",
        sa.Column("id", sa.String(), primary_key=True),
        sa.Column("user_id", sa.String(), nullable=False),
        sa.Column("team", sa.String(), nullable=False),
        sa.Column("customer_id", sa.String(), nullable=False),
        sa.Column("case_id", sa.String(), nullable=True),
        sa.Column("order_line_id", sa.String(), nullable=True),
        sa.Column("gesture", sa.String(), nullable=False),
        sa.Column("amount_cents", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("reviewed", sa.Integer(), nullable=False),
        sa.Column("granted_at", sa.String(), nullable=False),
        _data(),
    )
    op.create_index("ix_decisions_customer_id", "decisions", ["customer_id"])
    op.create_index("ix_decisions_user_time", "decisions", ["user_id", "granted_at"])
    op.create_table(
        "escalations",
        sa.Column("id", sa.String(), primary_key=True),
        sa.Column("user_id", sa.String(), nullable=False),
        sa.Column("team", sa.String(), nullable=False),
        sa.Column("customer_id", sa.String(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("requested_at", sa.String(), nullable=False),
        _data(),
    )
    op.create_index("ix_escalations_customer_id", "escalations", ["customer_id"])
    op.create_table(
        "meta",
        sa.Column("key", sa.String(), primary_key=True),
        sa.Column("value", sa.Text(), nullable=False),
    )
    op.create_table(
        "outbox",
        sa.Column("seq", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("id", sa.String(), nullable=False, unique=True),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("created_at", sa.String(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("effects", sa.Text(), nullable=True),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_outbox_status", "outbox", ["status"])
    op.create_table(
        "decision_log",
        sa.Column("position", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("fields", sa.Text(), nullable=False),
        sa.Column("prev_hash", sa.String(), nullable=False),
        sa.Column("hash", sa.String(), nullable=False),
        sa.Column("receipt_hash", sa.String(), nullable=True),
        sa.Column("receipt_at", sa.String(), nullable=True),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_decision_log_seq", "decision_log", ["seq"])


def downgrade() -> None:
    raise NotImplementedError("the cache is only ever upgraded: an older desk opens its own file")
