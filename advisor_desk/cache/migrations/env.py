"""Alembic environment of the local cache: always run in-process on a connection the cache opened."""

from __future__ import annotations

from alembic import context

from advisor_desk.cache.schema import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things: batch mode rebuilds tables instead
)
with context.begin_transaction():
    context.run_migrations()
