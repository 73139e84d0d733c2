"""At rest: the cache folder and file are owner-only; the optional SQLCipher engine encrypts the file
with a key that lives in the keyring only."""

from __future__ import annotations

import stat
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from sqlalchemy import text
from sqlalchemy.exc import DatabaseError

from advisor_desk.cache import encryption
from advisor_desk.cache.paths import cache_file, ensure_private_dir
from advisor_desk.cache.store import LocalCache


class MemoryKeyring(KeyringBackend):
    """The OS keyring stand-in: no Secret Service runs here, and tests never touch a real one."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.secrets.pop((service, username), None)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


def test_cache_folder_and_file_are_owner_only(tmp_path: Path) -> None:
    data_dir = ensure_private_dir(tmp_path / "data")
    path = cache_file(data_dir, "https://centre.example", "advisor")
    cache = LocalCache.open(path)
    try:
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        for sibling in path.parent.iterdir():  # the WAL and shared-memory files too
            assert stat.S_IMODE(sibling.stat().st_mode) & 0o077 == 0, sibling.name
    finally:
        cache.close()


def test_encryption_is_off_by_default(monkeypatch) -> None:
    monkeypatch.delenv(encryption.ENV_FLAG, raising=False)
    assert not encryption.enabled()
    monkeypatch.setenv(encryption.ENV_FLAG, "1")
    assert encryption.enabled()


def test_encrypted_cache_file_needs_the_key_from_the_keyring(tmp_path: Path, memory_keyring) -> None:
    assert encryption.available(), "sqlcipher3-binary is a dependency of the encryption option"
    path = tmp_path / "enc.sqlite3"
    key = encryption.cache_key(path)
    assert list(memory_keyring.secrets.values()) == [key]
    assert encryption.cache_key(path) == key, "the same key next time"
    engine = encryption.encrypted_engine(path, key, writer=True)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE customers (id TEXT PRIMARY KEY, last_name TEXT)"))
        conn.execute(text("INSERT INTO customers VALUES ('c1', 'Dupont-Secret')"))
    engine.dispose()
    assert b"Dupont-Secret" not in path.read_bytes()
    reader = encryption.encrypted_engine(path, key, writer=False)
    with reader.connect() as conn:
        assert conn.execute(text("SELECT last_name FROM customers")).scalar_one() == "Dupont-Secret"
    reader.dispose()
    import sqlcipher3

    wrong = encryption.encrypted_engine(path, "0" * 64, writer=False)
    # The wrong key fails on the first statement of the connection ("file is not a database").
    with pytest.raises((DatabaseError, sqlcipher3.DatabaseError)), wrong.connect() as conn:
        conn.execute(text("SELECT count(*) FROM customers"))
    wrong.dispose()
    with pytest.raises(encryption.EncryptionUnavailable):
        encryption.encrypted_engine(path, "not a key", writer=False)
