"""The shipped migrations build exactly the schema the models describe, on SQLite and PostgreSQL."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from advisor_desk.server.db import Database
from advisor_desk.server.feed import current_position
from advisor_desk.server.migrate import is_current, upgrade
from advisor_desk.server.models import Base


def test_migrations_and_models_agree(blank_database_url: str) -> None:
    database = Database(blank_database_url)
    try:
        assert not is_current(database)
        upgrade(database)
        assert is_current(database)
        with database.engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            assert compare_metadata(context, Base.metadata) == []
            assert set(inspect(connection).get_table_names()) >= set(Base.metadata.tables)
        with database.read() as session:
            assert current_position(session) == 0
        upgrade(database)  # running init-db again is harmless
    finally:
        database.dispose()
