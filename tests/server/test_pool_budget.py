"""The documented production setup (4 uvicorn workers) must fit PostgreSQL's default connection limit.

At 200 workstations the load test got 503s because 4 workers x (10 + 20) connections exceeded
PostgreSQL's max_connections of 100; the defaults now leave room for psql and backups.
"""

from __future__ import annotations

from advisor_desk.server.db import Database
from advisor_desk.server.settings import ServerSettings

WORKERS = 4
POSTGRES_DEFAULT_MAX_CONNECTIONS = 100


def test_default_pools_of_four_workers_fit_postgres_default_limit() -> None:
    settings = ServerSettings()
    assert (
        WORKERS * (settings.db_pool_size + settings.db_max_overflow) <= POSTGRES_DEFAULT_MAX_CONNECTIONS - 10
    )


def test_the_pool_settings_reach_the_engine() -> None:
    db = Database("postgresql+psycopg://nobody@127.0.0.1:1/none", pool_size=3, max_overflow=4)
    try:
        assert (db.engine.pool.size(), db.engine.pool._max_overflow) == (3, 4)  # type: ignore[attr-defined]
    finally:
        db.dispose()
