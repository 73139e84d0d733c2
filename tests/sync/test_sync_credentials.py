"""Tokens live in the keyring or in memory, never in a file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.backend
import keyring.errors
import pytest
from keyring.backends import fail
from sync_support import MemoryKeyring

from advisor_desk.sync.client import TokenSet
from advisor_desk.sync.credentials import SERVICE, CredentialStore, account_key

SERVER = "https://desk.example.com"


class BrokenKeyring(MemoryKeyring):
    """A backend whose D-Bus went away: every call fails."""

    def get_password(self, service: str, username: str) -> str | None:
        raise keyring.errors.KeyringError("the Secret Service is not running")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.KeyringError("the Secret Service is not running")


@pytest.fixture
def restore_keyring() -> Iterator[None]:
    previous = keyring.get_keyring()
    yield
    keyring.set_keyring(previous)


def test_refresh_token_goes_to_the_keyring(restore_keyring: None) -> None:
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    store = CredentialStore(SERVER, "alice")
    assert store.persistent and store.reason == ""
    store.on_tokens(TokenSet("access-1", "refresh-1", 0.0))
    assert backend.secrets == {(SERVICE, account_key(SERVER, "alice")): "refresh-1"}
    # a new process (a new store) finds the session
    assert CredentialStore(SERVER, "alice").load_refresh_token() == "refresh-1"
    # rotation replaces it; logout forgets it
    store.on_tokens(TokenSet("access-2", "refresh-2", 0.0))
    assert CredentialStore(SERVER, "alice").load_refresh_token() == "refresh-2"
    store.on_tokens(None)
    assert backend.secrets == {}
    assert CredentialStore(SERVER, "alice").load_refresh_token() is None


def test_one_entry_per_server_and_user(restore_keyring: None) -> None:
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    CredentialStore(SERVER, "alice").save_refresh_token("a")
    CredentialStore(SERVER, "bob").save_refresh_token("b")
    CredentialStore("https://other.example.com", "alice").save_refresh_token("c")
    assert len(backend.secrets) == 3
    assert CredentialStore(SERVER, "bob").load_refresh_token() == "b"


def test_without_a_keyring_tokens_stay_in_memory_and_the_user_is_told(restore_keyring: None) -> None:
    keyring.set_keyring(fail.Keyring())
    store = CredentialStore(SERVER, "alice")
    assert not store.persistent
    assert "keyring" in store.reason
    store.on_tokens(TokenSet("access", "refresh", 0.0))
    assert store.load_refresh_token() == "refresh"  # usable for this session
    assert CredentialStore(SERVER, "alice").load_refresh_token() is None  # gone with the process


def test_a_keyring_failing_midway_falls_back_to_memory(restore_keyring: None) -> None:
    keyring.set_keyring(BrokenKeyring())
    store = CredentialStore(SERVER, "alice")
    assert store.persistent  # it looked usable
    store.save_refresh_token("refresh")
    assert not store.persistent
    assert "failed" in store.reason
    assert store.load_refresh_token() == "refresh"


def test_no_token_ever_lands_under_the_data_dir(
    tmp_path: Path, restore_keyring: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Both with and without a keyring, nothing token-like is written to disk by the credential
    store (HOME and XDG folders point into tmp_path so any file would be found)."""
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("ADVISOR_DESK_DATA_DIR", str(tmp_path / "desk"))
    secret = "rt-" + "Z9" * 20
    for backend in (fail.Keyring(), MemoryKeyring(), BrokenKeyring()):
        keyring.set_keyring(backend)
        store = CredentialStore(SERVER, "alice")
        store.on_tokens(TokenSet("at-" + "Q7" * 20, secret, 0.0))
        store.load_refresh_token()
    for path in tmp_path.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert secret.encode() not in data and b"Q7Q7Q7" not in data, path
