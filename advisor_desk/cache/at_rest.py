"""What a cache file is on disk (plain SQLite, encrypted, or neither), and turning one into the other.

**Telling them apart without a key.** A plain SQLite file starts with ``SQLite format 3\\0``. An
SQLCipher file starts with a random salt and its first page is ciphertext: bytes that look uniformly
random. A file that is neither (zeroed, overwritten with text, truncated to a stub) is damaged and goes
through the usual recovery. An encrypted-looking file is never taken for a damaged one: without the
right key nobody can say, and setting it aside would hide what the right keyring still opens.

**Converting in place** (the option turned on for a plain cache, or explicitly off for an encrypted
one) never touches the original until its replacement is complete and checked:

1. the original's WAL is folded into it and every connection closed (a ``-wal`` still there means
   another program holds the cache: nothing is done, the user is told);
2. ``sqlcipher_export`` copies schema and rows into ``<name>.converting``, created owner-only;
3. the copy is checked: ``quick_check`` (and ``cipher_integrity_check``, every page's HMAC, when
   encrypted) and the row count of every table against the original's;
4. the copy is flushed to disk (fsync), renamed over the original (atomic), and the folder flushed.

A crash before step 4 leaves the original whole and a stale ``.converting`` file, removed by the next
attempt; after it, the converted file is complete. The outbox, the decision log, drafts and meta are
rows like any other: all carried over.
"""

from __future__ import annotations

import math
import os
import sqlite3
import sys
from collections import Counter
from enum import Enum
from pathlib import Path
from typing import Any

from advisor_desk.cache import encryption, replica
from advisor_desk.cache.errors import CacheError, CacheUnavailable, KeyUnavailable, unavailable_message
from advisor_desk.cache.paths import create_private_file

SQLITE_HEADER = b"SQLite format 3\x00"
_SIDE_FILES = ("-wal", "-shm", "-journal")
#: Bits per byte above which a first page is taken for ciphertext (random bytes: ~7.95 on 4 KiB;
#: text, a zeroed header or a damaged plain page stay far below).
_CIPHERTEXT_ENTROPY = 7.5
_SAMPLE = 4096
CONVERTING_SUFFIX = ".converting"


class FileState(Enum):
    NEW = "new"  # absent or empty: the cache is created
    PLAIN = "plain"  # an SQLite file
    ENCRYPTED = "encrypted"  # looks like an SQLCipher file (opened only with its key)
    UNKNOWN = "unknown"  # neither: damaged


def _entropy(data: bytes) -> float:
    counts = Counter(data)
    total = len(data)
    return -sum(n / total * math.log2(n / total) for n in counts.values())


def file_state(path: Path) -> FileState:
    """What the file at ``path`` is, judged from its first bytes (no key needed)."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(_SAMPLE)
    except FileNotFoundError:
        return FileState.NEW
    if not head:
        return FileState.NEW
    if head.startswith(SQLITE_HEADER):
        return FileState.PLAIN
    if len(head) >= 1024 and _entropy(head) >= _CIPHERTEXT_ENTROPY:
        return FileState.ENCRYPTED
    return FileState.UNKNOWN


def is_encrypted(path: Path) -> bool:
    return file_state(path) is FileState.ENCRYPTED


def check_key_opens(path: Path, key: str) -> None:
    """:class:`KeyUnavailable` unless ``key`` opens the encrypted file at ``path`` (read only)."""
    dbapi = encryption.sqlcipher()
    conn = encryption.connect(path, key, read_only=True)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except dbapi.OperationalError as exc:
        raise CacheUnavailable(unavailable_message(path.name, str(exc))) from exc
    except dbapi.DatabaseError as exc:  # "file is not a database": not this key
        raise KeyUnavailable(encryption.wrong_key_message(path)) from exc
    finally:
        conn.close()


# ------------------------------------------------------------------------------------ converting


def encrypt_in_place(path: Path, key: str) -> None:
    """Turn the sound plain cache at ``path`` into an SQLCipher file encrypted with ``key``."""
    _convert(path, source_key=None, target_key=key)


def decrypt_in_place(path: Path, key: str) -> None:
    """Turn the sound encrypted cache at ``path`` back into a plain SQLite file."""
    _convert(path, source_key=key, target_key=None)


def _remove(path: Path) -> None:
    for name in (path, *(path.with_name(path.name + s) for s in _SIDE_FILES)):
        name.unlink(missing_ok=True)


def _held_by_another(path: Path) -> bool:
    # SQLite removes a WAL database's -wal and -shm when its last connection closes cleanly.
    return any(path.with_name(path.name + s).exists() for s in ("-wal", "-shm"))


def _counts(conn: Any) -> dict[str, int]:
    tables = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND rootpage > 0 ORDER BY name"
        ).fetchall()
    ]
    return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}  # noqa: S608


def _fsync(path: Path, directory: bool = False) -> None:
    if directory and sys.platform == "win32":
        return  # no directory handles to flush there; the rename itself is atomic on NTFS
    # a file is opened for writing (Windows flushes only those); a folder cannot be, and needs not
    fd = os.open(path, os.O_RDONLY if directory else os.O_RDWR)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _convert(path: Path, *, source_key: str | None, target_key: str | None) -> None:
    dbapi = encryption.sqlcipher()
    temp = path.with_name(path.name + CONVERTING_SUFFIX)
    _remove(temp)  # what a crash left: never complete enough to trust, and the original is whole
    busy = unavailable_message(path.name, "database is locked by another program (busy)")
    # 1. fold the WAL into the file; the open and close also tell whether someone else holds it
    source = encryption.connect(path, source_key) if source_key else dbapi.connect(str(path))
    try:
        source.execute("PRAGMA cipher_log_level = NONE")
        source.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        source.close()
    if _held_by_another(path):
        raise CacheUnavailable(busy)
    create_private_file(temp)  # owner-only before SQLite writes a byte of it
    try:
        # 2. export: the SQLCipher binding reads plain files too (no key means no encryption)
        source = encryption.connect(path, source_key) if source_key else dbapi.connect(str(path))
        try:
            source.execute("PRAGMA cipher_log_level = NONE")
            target_spec = f"x'{target_key}'" if target_key else ""
            source.execute("ATTACH DATABASE ? AS converted KEY ?", (str(temp), target_spec))
            source.execute("SELECT sqlcipher_export('converted')")
            source.execute("DETACH DATABASE converted")
            expected = _counts(source)
            version = source.execute("PRAGMA user_version").fetchone()[0]
        finally:
            source.close()
        # 3. check the copy with the driver that will read it from now on
        target = encryption.connect(temp, target_key) if target_key else sqlite3.connect(temp)
        try:
            if target_key:
                pages = [r[0] for r in target.execute("PRAGMA cipher_integrity_check").fetchall()]
                if pages:
                    raise CacheError(f"the converted copy failed its page check: {pages[0]}")
            target.execute(f"PRAGMA user_version = {int(version)}")
            quick = [r[0] for r in target.execute("PRAGMA quick_check").fetchall()]
            found = _counts(target)
        finally:
            target.close()
        if quick != ["ok"] or found != expected:
            raise CacheError(
                f"the converted copy of {path.name} does not match it "
                f"({'; '.join(quick[:2]) if quick != ['ok'] else 'row counts differ'}); "
                "the cache was left as it was"
            )
        if _held_by_another(path):
            raise CacheUnavailable(busy)
        # 4. durable, then atomic
        _fsync(temp)
        os.replace(temp, path)
        _fsync(path.parent, directory=True)
    except BaseException:
        _remove(temp)
        raise
    finally:
        temp.with_name(temp.name + "-journal").unlink(missing_ok=True)


def database_errors(key: str | None) -> tuple[type[BaseException], ...]:
    """What reading a (possibly damaged) file may raise: SQLCipher reports a page that fails its
    HMAC as "out of memory" (SQLite's pager turns a failed decryption into SQLITE_NOMEM)."""
    if key is None:
        return (sqlite3.DatabaseError,)
    return (*replica.DATABASE_ERRORS, MemoryError)
