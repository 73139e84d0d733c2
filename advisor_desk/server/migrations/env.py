"""Alembic environment of the reference server: runs against the Database given by migrate.py."""

from __future__ import annotations

from alembic import context

from advisor_desk.server.db import Database
from advisor_desk.server.models import Base

config = context.config
database: Database = config.attributes["database"]


def run_migrations_online() -> None:
    with database.engine.begin() as connection:
        context.configure(
            connection=connection,
            target_metadata=Base.metadata,
            render_as_batch=database.is_sqlite,
            compare_type=True,
        )
        context.run_migrations()


if context.is_offline_mode():
    raise SystemExit("offline migrations are not supported: give a database URL")
run_migrations_online()
