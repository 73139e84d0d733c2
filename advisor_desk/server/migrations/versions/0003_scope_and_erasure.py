"""Per-user scope (scope_members, feed entries' customer), erased customers' tombstones.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 06:05:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("feed_entries") as batch:
        batch.add_column(sa.Column("customer_id", sa.String(length=64), nullable=True))
        batch.create_index("ix_feed_entries_customer_id", ["customer_id"], unique=False)
    op.create_table(
        "scope_members",
        sa.Column("user_id", sa.String(length=64), nullable=False),
        sa.Column("customer_id", sa.String(length=64), nullable=False),
        sa.Column("position", sa.BigInteger(), nullable=False),
        sa.Column("op", sa.String(length=8), nullable=False),
        sa.Column("touched_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("fetched_until", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("user_id", "customer_id", name=op.f("pk_scope_members")),
    )
    op.create_index("ix_scope_members_customer_id", "scope_members", ["customer_id"], unique=False)
    op.create_index("ix_scope_members_user_position", "scope_members", ["user_id", "position"], unique=False)
    op.create_table(
        "customer_tombstones",
        sa.Column("customer_id", sa.String(length=64), nullable=False),
        sa.Column("erased_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("erased_by", sa.String(length=64), nullable=False),
        sa.Column("reason_code", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("customer_id", name=op.f("pk_customer_tombstones")),
    )


def downgrade() -> None:
    op.drop_table("customer_tombstones")
    op.drop_index("ix_scope_members_user_position", table_name="scope_members")
    op.drop_index("ix_scope_members_customer_id", table_name="scope_members")
    op.drop_table("scope_members")
    with op.batch_alter_table("feed_entries") as batch:
        batch.drop_index("ix_feed_entries_customer_id")
        batch.drop_column("customer_id")
