"""Covering indexes for the work queue: 2,000 open cases read without touching the table rows.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

QUEUE_COLUMNS = [
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
]


def upgrade() -> None:
    op.drop_index("ix_cases_team_open", table_name="cases")
    op.create_index("ix_cases_queue", "cases", QUEUE_COLUMNS)
    op.create_index("ix_customers_name", "customers", ["id", "first_name", "last_name"])


def downgrade() -> None:
    raise NotImplementedError("the cache is only ever upgraded: an older desk opens its own file")
