"""Product ratings (the input of the product-watch rule), replicated like the other entities.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "product_ratings",
        sa.Column("id", sa.String(), primary_key=True),
        sa.Column("product_id", sa.String(), nullable=False),
        sa.Column("customer_id", sa.String(), nullable=True),
        sa.Column("rated_at", sa.String(), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
    )
    op.create_index("ix_product_ratings_product_time", "product_ratings", ["product_id", "rated_at"])
    op.create_index("ix_product_ratings_customer_id", "product_ratings", ["customer_id"])
    op.create_index("ix_satisfaction_case_id", "satisfaction", ["case_id"])


def downgrade() -> None:
    raise NotImplementedError("the cache is only ever upgraded: an older desk opens its own file")
