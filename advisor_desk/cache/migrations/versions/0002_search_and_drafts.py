"""Full-text search over customer identity and interaction text; reply drafts.

The search columns are filled by the cache on its next open (``meta.search_rebuild``), from the
entities already stored: an upgraded cache keeps everything and becomes searchable.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

SEARCH_COLUMNS = (
    "search_name",
    "search_emails",
    "search_phones",
    "search_handles",
    "search_loyalty",
    "search_orders",
)
# Diacritics folded both when indexing and when querying ("elodie" finds "Élodie").
TOKENIZE = "unicode61 remove_diacritics 2"


def upgrade() -> None:
    with op.batch_alter_table("customers") as batch:
        batch.add_column(sa.Column("search_indexed", sa.Integer(), nullable=False, server_default="0"))
        for column in SEARCH_COLUMNS:
            batch.add_column(sa.Column(column, sa.Text(), nullable=False, server_default=""))
    cols = ", ".join(SEARCH_COLUMNS)
    op.execute(
        f"CREATE VIRTUAL TABLE customer_fts USING fts5({cols}, content='customers', "
        f"content_rowid='key', tokenize='{TOKENIZE}', prefix='1 2 3')"
    )
    op.execute(
        f"CREATE VIRTUAL TABLE interaction_fts USING fts5(body, content='', "
        f"tokenize='{TOKENIZE}', prefix='2 3')"
    )
    op.create_table(
        "drafts",
        sa.Column("case_id", sa.String(), primary_key=True),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.String(), nullable=False),
    )
    op.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('search_rebuild', '1')")


def downgrade() -> None:
    raise NotImplementedError("the cache is only ever upgraded: an older desk opens its own file")
