"""Schema migrations shipped inside the package, run programmatically (``init-db``).

    advisor-desk-server init-db            # upgrade to the latest schema

To write a new migration after changing :mod:`advisor_desk.server.models`:

    python -c "from advisor_desk.server.migrate import revision; revision('sqlite:///x.db', 'what')"
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from advisor_desk.server.db import Database

MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config(database: Database) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    # The URL travels as an attribute, not an ini option, so '%' in passwords needs no escaping.
    config.attributes["database"] = database
    return config


def upgrade(database: Database, revision: str = "head") -> None:
    """Bring the database schema up to ``revision`` (creating it from nothing if needed)."""
    command.upgrade(alembic_config(database), revision)


def is_current(database: Database) -> bool:
    """Whether the database is at the latest schema revision."""
    heads = set(ScriptDirectory.from_config(alembic_config(database)).get_heads())
    with database.engine.connect() as connection:
        current = set(MigrationContext.configure(connection).get_current_heads())
    return current == heads


def revision(url: str, message: str) -> None:
    """Autogenerate a migration from the difference between the models and the database at ``url``."""
    database = Database(url)
    try:
        command.revision(alembic_config(database), message=message, autogenerate=True)
    finally:
        database.dispose()
