"""SQLAlchemy engines on a cache file, plain SQLite or SQLCipher, with the same connection settings.

Every connection: foreign keys on, a busy timeout, ``synchronous=FULL`` (a local action is durable
when the call returns), query-only for readers, and transactions begun by SQLAlchemy's "begin" event
(``BEGIN IMMEDIATE`` for the writer, so two writers never deadlock upgrading read locks). An encrypted
engine differs only in how a connection is made (:func:`advisor_desk.cache.encryption.connect`) and
in its DBAPI module, so that SQLAlchemy wraps SQLCipher's errors as it wraps sqlite3's.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event

BUSY_TIMEOUT_MS = 10_000


def cache_engine(path: Path, *, writer: bool, key: str | None = None) -> Engine:
    """An engine on the cache file at ``path``; encrypted with ``key`` (hex) when one is given."""
    if key is None:
        engine = create_engine(
            f"sqlite:///{path}",
            connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
        )
    else:
        from advisor_desk.cache import encryption

        dbapi = encryption.sqlcipher()
        encryption.check_key(key)

        def connect() -> Any:
            return encryption.connect(path, key, timeout=BUSY_TIMEOUT_MS / 1000)

        # A file URL (not "sqlite://"): it picks the same pool as the plain engine, a QueuePool,
        # instead of the one-connection-per-thread pool of in-memory databases.
        engine = create_engine(f"sqlite:///{path}", creator=connect, module=dbapi)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Take transaction control from the driver: SQLAlchemy's "begin" event below decides
        # when a transaction starts and of which kind.
        dbapi_conn.isolation_level = None
        cursor = dbapi_conn.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA synchronous = FULL")
        if not writer:
            cursor.execute("PRAGMA query_only = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE" if writer else "BEGIN")

    return engine


def raw_connect(path: Path, key: str | None) -> Any:
    """A raw DBAPI connection (sqlite3, or SQLCipher with ``key``) for work outside the engines."""
    if key is None:
        return sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)
    from advisor_desk.cache import encryption

    return encryption.connect(path, key, timeout=BUSY_TIMEOUT_MS / 1000)
