"""A damaged cache file: detect it, set it aside (never delete it) and carry over what it still holds.

What matters in a damaged cache is what exists nowhere else: the outbox entries not yet confirmed by
the centre, the decision log (its chain must go on from where it was) and the advisor's drafts.
Everything replicated comes back with a full pull. Reading a damaged file may stop at a bad page, so
each table is read from both ends and whatever rows come back are kept.

An encrypted cache is checked and salvaged through SQLCipher with its key (``key``); one the key does
not open is :class:`~advisor_desk.cache.errors.KeyUnavailable`, never "damaged" (see
:mod:`advisor_desk.cache.at_rest`).
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection

from advisor_desk.cache import replica
from advisor_desk.cache.at_rest import database_errors
from advisor_desk.cache.engines import raw_connect
from advisor_desk.cache.errors import CacheUnavailable, KeyUnavailable, unavailable_message
from advisor_desk.cache.replica import sql

_SIDE_FILES = ("-wal", "-shm")
#: Meta values that belong to the workstation rather than to the replicated data.
_KEPT_META = ("workstation_id", "created_at", "server_url", "username", "user", "authority", "authority_at")
_OUTBOX_COLUMNS = "seq, id, kind, payload, created_at, status, attempts, last_error, reason, effects"
_LOG_COLUMNS = "position, seq, kind, fields, prev_hash, hash, receipt_hash, receipt_at"


@dataclass
class Salvage:
    outbox: list[tuple[Any, ...]] = field(default_factory=list)
    decision_log: list[tuple[Any, ...]] = field(default_factory=list)
    drafts: list[tuple[Any, ...]] = field(default_factory=list)
    meta: list[tuple[Any, ...]] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)


def integrity_problem(path: Path, key: str | None = None) -> str | None:
    """None when the file is a sound SQLite database, else what is wrong with it.

    ``key`` (hex) reads an encrypted file through SQLCipher and checks every page's HMAC (which
    any change on disk fails) instead of running ``quick_check``.

    Raises :class:`CacheUnavailable` when the file cannot be read at all (cannot open, read-only
    disk, busy, locked): that says nothing about its contents, and setting a sound file aside as
    damaged would hide the advisor's unsynced work behind a recovery that was never needed. An
    encrypted file the key does not open is :class:`KeyUnavailable`, for the same reason.
    """
    from advisor_desk.cache import encryption

    errors = database_errors(key)
    try:
        conn = raw_connect(path, key)
        try:
            if key is not None:
                try:
                    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
                except replica.OPERATIONAL_ERRORS:
                    raise
                except errors as exc:  # the first page does not decrypt: not this key
                    raise KeyUnavailable(encryption.wrong_key_message(path)) from exc
                # Every page's HMAC: any change on disk (a torn write, a flipped bit) fails it. Used
                # instead of quick_check, which through decryption costs ~25 ms per MB (1.5-4 s at
                # each start of a 60 MB cache, against 0.6 s for this); integrity_check() keeps it.
                pages = [r[0] for r in conn.execute("PRAGMA cipher_integrity_check").fetchall()]
                return "; ".join(str(p) for p in pages[:5]) if pages else None
            rows = [r[0] for r in conn.execute("PRAGMA quick_check").fetchall()]
        finally:
            conn.close()
    except replica.OPERATIONAL_ERRORS as exc:
        # OperationalError is the environment (SQLITE_CANTOPEN, READONLY, BUSY, LOCKED, IOERR...);
        # only its sibling DatabaseErrors ("file is not a database", "malformed") are the file.
        raise CacheUnavailable(unavailable_message(path.name, str(exc))) from exc
    except errors as exc:
        return str(exc) or type(exc).__name__
    if rows == ["ok"]:
        return None
    return "; ".join(str(r) for r in rows[:5])


def set_aside(path: Path, now: datetime) -> Path:
    """Rename the damaged file (and its WAL) with a timestamp; returns the new name."""
    stamp = now.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{n}")
    path.rename(target)
    for suffix in _SIDE_FILES:
        side = path.with_name(path.name + suffix)
        if side.exists():
            side.rename(target.with_name(target.name + suffix))
    return target


def _read_rows(
    conn: Any, sql: str, order_column: str, errors: tuple[type[BaseException], ...]
) -> tuple[list[tuple[Any, ...]], bool]:
    """Rows of ``sql`` read forwards then, if a bad page stops the scan, backwards: (rows, complete)."""
    rows: dict[Any, tuple[Any, ...]] = {}
    complete = True
    for direction in ("ASC", "DESC"):
        try:
            for row in conn.execute(f"{sql} ORDER BY {order_column} {direction}"):
                rows[row[0]] = row
        except errors:
            complete = False
            continue
        if complete:
            break
    return [rows[k] for k in sorted(rows)], complete


def salvage(damaged: Path, key: str | None = None) -> Salvage:
    """Read what can be read of the unsynced work in a damaged cache (on a copy: evidence untouched).

    ``key`` (hex) reads an encrypted cache through SQLCipher.
    """
    found = Salvage()
    errors = database_errors(key)
    unopenable: tuple[type[BaseException], ...] = (OSError, *errors)
    with tempfile.TemporaryDirectory(prefix="advisor-desk-salvage-") as tmp:
        copy = Path(tmp) / "damaged.sqlite3"
        try:
            shutil.copyfile(damaged, copy)
            for suffix in _SIDE_FILES:
                side = damaged.with_name(damaged.name + suffix)
                if side.exists():
                    shutil.copyfile(side, copy.with_name(copy.name + suffix))
            conn = raw_connect(copy, key)
        except unopenable:
            found.unreadable += ["outbox", "decision_log", "drafts"]
            return found
        try:
            for name, sql, order in (
                (
                    "outbox",
                    f"SELECT {_OUTBOX_COLUMNS} FROM outbox WHERE status != 'confirmed'",  # noqa: S608
                    "seq",
                ),
                ("decision_log", f"SELECT {_LOG_COLUMNS} FROM decision_log", "position"),  # noqa: S608
                ("drafts", "SELECT case_id, data, updated_at FROM drafts", "case_id"),
                ("meta", "SELECT key, value FROM meta", "key"),
            ):
                try:
                    rows, complete = _read_rows(conn, sql, order, errors)
                except errors:
                    rows, complete = [], False
                if not complete and not (name == "drafts" and _missing_table(conn, "drafts", errors)):
                    found.unreadable.append(name)
                if name == "meta":
                    rows = [r for r in rows if r[0] in _KEPT_META]
                setattr(found, name, rows)
        finally:
            conn.close()
    return found


def _missing_table(conn: Any, table: str, errors: tuple[type[BaseException], ...]) -> bool:
    try:
        row = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
        ).fetchone()
    except errors:
        return False
    return row is None


def restore(conn: Connection, found: Salvage) -> None:
    """Write salvaged rows into a fresh cache (inside the caller's transaction)."""
    if found.meta:
        sql(conn, "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", found.meta)
    if found.outbox:
        sql(
            conn,
            f"INSERT OR IGNORE INTO outbox ({_OUTBOX_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",  # noqa: S608
            found.outbox,
        )
    if found.decision_log:
        sql(
            conn,
            f"INSERT OR IGNORE INTO decision_log ({_LOG_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",  # noqa: S608
            found.decision_log,
        )
    if found.drafts:
        sql(conn, "INSERT OR IGNORE INTO drafts (case_id, data, updated_at) VALUES (?, ?, ?)", found.drafts)
