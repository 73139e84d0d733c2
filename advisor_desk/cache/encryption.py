"""Optional encryption of the local cache at rest (SQLCipher), with its key kept in the OS keyring.

Off by default: where the operating system already encrypts the disk (BitLocker, FileVault, LUKS) the
owner-only cache file (:mod:`advisor_desk.cache.paths`) is enough. An organisation that wants more
turns it on (``ADVISOR_DESK_CACHE_ENCRYPTION=1``, or :func:`enabled`); it needs the ``sqlcipher3``
binding (``pip install sqlcipher3-binary``, the optional extra ``encryption``).

The key is 32 random bytes created on first use and stored only through ``keyring`` (service
``advisor-desk-cache``, one entry per cache file): no keyring, no encrypted cache — never a key on disk.
:func:`encrypted_engine` is the engine creator the cache opener uses instead of the plain SQLite one;
it applies the same connection settings (foreign keys, busy timeout, FULL sync, IMMEDIATE writers).
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Any

import keyring
import keyring.errors
from sqlalchemy import Connection, Engine, create_engine, event

ENV_FLAG = "ADVISOR_DESK_CACHE_ENCRYPTION"
SERVICE = "advisor-desk-cache"
BUSY_TIMEOUT_MS = 10_000


class EncryptionUnavailable(RuntimeError):
    """Encryption was asked for but cannot be provided (no binding, no keyring): the user is told."""


def enabled() -> bool:
    return os.environ.get(ENV_FLAG, "").strip().lower() in ("1", "true", "yes", "on")


def available() -> bool:
    """Whether the SQLCipher binding is installed."""
    try:
        import sqlcipher3  # noqa: F401
    except ImportError:
        return False
    return True


def cache_key(path: Path) -> str:
    """The cache's key from the keyring, created there on first use (hex, 64 characters)."""
    account = str(Path(path).resolve())
    try:
        key = keyring.get_password(SERVICE, account)
        if key is None:
            key = secrets.token_hex(32)
            keyring.set_password(SERVICE, account, key)
    except keyring.errors.KeyringError as exc:
        raise EncryptionUnavailable(
            f"no usable keyring to keep the cache key ({type(exc).__name__})"
        ) from exc
    return key


def encrypted_engine(path: Path, key: str, *, writer: bool) -> Engine:
    """An SQLAlchemy engine on an SQLCipher file; the key is given as raw bytes (no key derivation)."""
    try:
        import sqlcipher3
    except ImportError as exc:
        raise EncryptionUnavailable("the sqlcipher3 binding is not installed") from exc
    if len(key) != 64 or any(c not in "0123456789abcdef" for c in key):
        raise EncryptionUnavailable("the cache key in the keyring is not 32 bytes of hex")

    def connect() -> Any:
        conn = sqlcipher3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
        conn.execute(f"PRAGMA key = \"x'{key}'\"")
        return conn

    engine = create_engine("sqlite://", creator=connect)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
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
