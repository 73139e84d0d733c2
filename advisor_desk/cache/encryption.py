"""Encryption of the local cache at rest (SQLCipher), with its key kept in the OS keyring.

Off by default where the operating system already encrypts the disk (LUKS, FileVault; BitLocker is set
by the deployment, see below): the owner-only cache file (:mod:`advisor_desk.cache.paths`) is enough
there. It can be set for one session or for a data folder:

- the environment: ``ADVISOR_DESK_CACHE_ENCRYPTION=1`` (``0`` turns it off); it wins over the file;
- the settings file of the data folder, ``advisor-desk.toml``::

      [cache]
      encryption = true

The setting has three states. **On**: a new cache is created encrypted and a plain one is encrypted
in place when it is opened (:mod:`advisor_desk.cache.at_rest`). **Off** (said explicitly): an encrypted
cache is decrypted in place. **Not set** (the default): a *new* cache is encrypted when the disk holding
it is known not to be encrypted by the system (:mod:`advisor_desk.cache.disk`) and both the SQLCipher
binding and a keyring are there to do it (:func:`automatic`); otherwise — an encrypted disk, a disk the
desk cannot tell about, no binding, no keyring — it is plain, and ``advisor-desk cache stats`` says
why. An existing cache stays as it is: a variable missing from one shell never decrypts anything, and
the default never converts a file behind anyone's back.

It needs the ``sqlcipher3`` binding (``pip install "advisor-desk[encryption]"``, which brings
``sqlcipher3-binary``). The key is 32 random bytes created on first use and stored only through
``keyring`` (service ``advisor-desk-cache``, one entry per cache file, named by its full path): with
the option on and no binding or no keyring, no encrypted cache — a clear error, never a silent fallback
to plain text and never a key on disk. The key is read back from the keyring before anything is
encrypted with it.
"""

from __future__ import annotations

import os
import secrets
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from advisor_desk.cache import disk, replica
from advisor_desk.cache.errors import (
    EncryptionUnavailable,
    KeyUnavailable,
    SettingError,
)
from advisor_desk.cache.paths import data_dir_of, settings_file

__all__ = [
    "ENV_FLAG",
    "SERVICE",
    "Automatic",
    "automatic",
    "EncryptionUnavailable",
    "KeyUnavailable",
    "available",
    "cache_key",
    "connect",
    "enabled",
    "encrypted_engine",
    "setting",
    "sqlcipher",
    "stored_key",
]

ENV_FLAG = "ADVISOR_DESK_CACHE_ENCRYPTION"
SERVICE = "advisor-desk-cache"
BUSY_TIMEOUT_MS = 10_000
_ON = ("1", "true", "yes", "on")
_OFF = ("0", "false", "no", "off")
_INSTALL = 'pip install "advisor-desk[encryption]" (or sqlcipher3-binary)'


# ------------------------------------------------------------------------------------ the setting


def setting(cache_path: Path | str | None = None) -> bool | None:
    """Whether the cache at ``cache_path`` should be encrypted: True, False, or None when not set.

    The environment first, then ``[cache] encryption`` in the settings file of the data folder the
    cache file lives in. A value that is neither on nor off is a :class:`SettingError` (a typo must
    not quietly mean "off").
    """
    raw = os.environ.get(ENV_FLAG, "").strip().lower()
    if raw:
        if raw in _ON:
            return True
        if raw in _OFF:
            return False
        raise SettingError(
            f"{ENV_FLAG}={raw[:20]!r} is neither on ({', '.join(_ON)}) nor off ({', '.join(_OFF)})"
        )
    data_dir = data_dir_of(Path(cache_path)) if cache_path is not None else None
    return None if data_dir is None else _file_setting(settings_file(data_dir))


def _file_setting(path: Path) -> bool | None:
    try:
        with open(path, "rb") as handle:
            document = tomllib.load(handle)
    except FileNotFoundError:
        return None
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise SettingError(f"the settings file {path} cannot be read ({exc}); fix or remove it") from exc
    section = document.get("cache", {})
    value = section.get("encryption") if isinstance(section, dict) else None
    if value is None or isinstance(value, bool):
        return value
    raise SettingError(f"in {path}, [cache] encryption must be true or false, not {value!r}")


@dataclass(frozen=True, slots=True)
class Automatic:
    """What the default (setting not given) does for a new cache, and why (ids and facts only)."""

    encrypt: bool
    reason: str


def usable_keyring() -> bool:
    """Whether keyring has a real backend here (not its ``fail`` or ``null`` stand-ins)."""
    import keyring

    try:
        backend = keyring.get_keyring()
        return backend.priority > 0 and not type(backend).__module__.startswith(
            ("keyring.backends.fail", "keyring.backends.null")
        )
    except Exception:  # a backend that cannot even say what it is cannot keep a key
        return False


def automatic(cache_path: Path | str) -> Automatic:
    """The default for a new cache at ``cache_path``: encrypted where the system does not encrypt the
    disk and the binding and a keyring can do it; plain otherwise."""
    state = disk.disk_encryption(cache_path)
    if state is True:
        return Automatic(False, "the disk is encrypted by the system")
    if state is None:
        return Automatic(
            False, "the desk cannot tell whether the disk is encrypted (turn the option on or off)"
        )
    if not available():
        return Automatic(
            False, f"the disk is not encrypted and the SQLCipher binding is missing ({_INSTALL})"
        )
    if not usable_keyring():
        return Automatic(False, "the disk is not encrypted and no system keyring can keep a key")
    return Automatic(True, "the disk is not encrypted by the system")


def enabled(cache_path: Path | str | None = None) -> bool:
    """Whether encryption is turned on (explicitly) for this cache, or in the environment."""
    return setting(cache_path) is True


# ------------------------------------------------------------------------------------ the binding


def available() -> bool:
    """Whether the SQLCipher binding is installed."""
    try:
        sqlcipher()
    except EncryptionUnavailable:
        return False
    return True


def sqlcipher() -> Any:
    """The SQLCipher DBAPI module (imported on first use: it carries its own SQLite)."""
    try:
        from sqlcipher3 import dbapi2
    except ImportError as exc:
        raise EncryptionUnavailable(
            "The local cache is to be encrypted (or is encrypted), which needs the SQLCipher "
            f"binding, and it is not installed. Nothing was written in plain text. Install it ({_INSTALL}), "
            "or ask whoever deployed Advisor Desk on this computer."
        ) from exc
    replica.register_driver(dbapi2)
    return dbapi2


def connect(path: Path | str, key: str, *, read_only: bool = False, timeout: float = 10.0) -> Any:
    """A raw SQLCipher connection on ``path`` with ``key`` (hex) applied as a raw key (no derivation).

    A wrong key is only noticed by the first statement that reads the file ("file is not a
    database").
    """
    check_key(key)
    dbapi = sqlcipher()
    if read_only:
        conn = dbapi.connect(
            f"{Path(path).resolve().as_uri()}?mode=ro", uri=True, timeout=timeout, check_same_thread=False
        )
    else:
        conn = dbapi.connect(str(path), timeout=timeout, check_same_thread=False)
    # SQLCipher writes its own errors (a wrong key's "hmac check failed") to stderr otherwise
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f"PRAGMA key = \"x'{key}'\"")
    return conn


def encrypted_engine(path: Path, key: str, *, writer: bool) -> Engine:
    """An SQLAlchemy engine on an SQLCipher file, with the cache's connection settings."""
    from advisor_desk.cache.engines import cache_engine

    return cache_engine(path, writer=writer, key=key)


# ------------------------------------------------------------------------------------ the key


def _account(path: Path | str) -> str:
    return str(Path(path).resolve())


def check_key(key: str) -> None:
    if len(key) != 64 or any(c not in "0123456789abcdef" for c in key):
        raise EncryptionUnavailable(
            "The key the system keyring holds for the local cache is not 32 bytes of hex, so the "
            "cache cannot be opened with it; it was left untouched. Check the keyring entry "
            f"'{SERVICE}' for this cache."
        )


def _no_keyring(path: Path | str, exc: BaseException) -> EncryptionUnavailable:
    return EncryptionUnavailable(
        f"The local cache {Path(path).name} is encrypted, or is to be, and its key lives in the "
        f"system keyring, which cannot be used here ({type(exc).__name__}). The cache was left as it "
        "was and nothing was written in plain text. Start the keyring (GNOME Keyring or KWallet on "
        "Linux, Credential Manager on Windows, Keychain on macOS) and try again."
    )


def stored_key(path: Path | str) -> str | None:
    """The key the keyring holds for the cache at ``path``, or None: never creates one."""
    import keyring

    try:
        key = keyring.get_password(SERVICE, _account(path))
    except Exception as exc:  # NoKeyringError, and whatever a broken backend (D-Bus...) raises
        raise _no_keyring(path, exc) from exc
    if key is not None:
        check_key(key)
    return key


def cache_key(path: Path | str) -> str:
    """The cache's key from the keyring, created there on first use (hex, 64 characters).

    A new key is read back before it is returned: a backend that accepts a secret and does not keep
    it would otherwise leave a cache nobody can ever open again.
    """
    import keyring

    key = stored_key(path)
    if key is not None:
        return key
    key = secrets.token_hex(32)
    try:
        keyring.set_password(SERVICE, _account(path), key)
        kept = keyring.get_password(SERVICE, _account(path))
    except Exception as exc:
        raise _no_keyring(path, exc) from exc
    if kept != key:
        raise EncryptionUnavailable(
            f"The system keyring did not keep the key of the local cache {Path(path).name}, so it "
            "was not encrypted (and was left as it was). Check the keyring, then try again."
        )
    return key


def missing_key_message(path: Path | str) -> str:
    return (
        f"The local cache {Path(path).name} is encrypted and this user's keyring holds no key for it "
        "(the keyring was reset, or the file comes from another user or computer). It was left "
        "untouched and nothing in it was deleted. If its key can be put back in the keyring, the "
        "cache opens with everything it held; otherwise move the file out of the data folder and the "
        "desk starts a new cache with a full sync (what it held that was not yet synced cannot be "
        "read without the key)."
    )


def wrong_key_message(path: Path | str) -> str:
    return (
        f"The local cache {Path(path).name} is encrypted and the key this user's keyring holds for it "
        "does not open it (another key, or its first page is damaged). It was left untouched and "
        "nothing in it was deleted. If the right key can be put back in the keyring, the cache opens "
        "with everything it held; otherwise move the file out of the data folder and the desk starts "
        "a new cache with a full sync."
    )


def key_for_existing(path: Path | str) -> str:
    """The key of an encrypted cache file, or :class:`KeyUnavailable` with what to do."""
    key = stored_key(path)
    if key is None:
        raise KeyUnavailable(missing_key_message(path))
    return key
