"""The encryption default: off where the system encrypts the disk, on where it is known not to.

With the setting left out, a *new* cache is encrypted when the disk holding it is known not to be
encrypted by the system and the SQLCipher binding and a keyring can do it; plain otherwise, with the
reason ``cache stats`` shows. An existing cache is never converted by the default. The disk is read
from a fake ``/sys/dev/block`` built for the test's own folder (dm-crypt, LVM over LUKS, a plain
partition, a device sysfs does not know, a loop in a broken tree).
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

import keyring
import pytest
from cache_builders import Clock, ForgetfulKeyring, MemoryKeyring, customer, open_desk
from keyring.backends import fail

from advisor_desk.cache import at_rest, disk, encryption
from advisor_desk.cache.store import LocalCache


@pytest.fixture(autouse=True)
def _no_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(encryption.ENV_FLAG, raising=False)


def disk_says(monkeypatch: pytest.MonkeyPatch, state: bool | None) -> None:
    monkeypatch.setattr(encryption.disk, "disk_encryption", lambda *_a, **_k: state)


# ------------------------------------------------------------------------------ reading the disk


def fake_sysfs(root: Path, folder: Path, layout: str) -> Path:
    """A /sys/dev/block whose entry for ``folder``'s device is built as ``layout`` says."""
    devices = root / "devices"
    sys_block = root / "dev" / "block"
    sys_block.mkdir(parents=True)
    st = os.stat(folder)
    entry = sys_block / f"{os.major(st.st_dev)}:{os.minor(st.st_dev)}"

    def dm(name: str, uuid: str, slaves: tuple[str, ...] = ()) -> Path:
        node = devices / name
        (node / "dm").mkdir(parents=True, exist_ok=True)
        (node / "dm" / "uuid").write_text(uuid + "\n")
        (node / "slaves").mkdir(exist_ok=True)
        for slave in slaves:
            (node / "slaves" / slave).symlink_to(devices / slave)
        return node

    if layout == "plain partition":
        part = devices / "vda" / "vda1"
        part.mkdir(parents=True)
        (part / "partition").write_text("1\n")
        entry.symlink_to(part)
    elif layout == "luks":
        entry.symlink_to(dm("dm-0", "CRYPT-LUKS2-4f1c2e-root"))
    elif layout == "lvm over luks":
        (devices / "sda" / "sda2").mkdir(parents=True)
        ((devices / "sda" / "sda2") / "partition").write_text("2\n")
        dm("dm-0", "CRYPT-LUKS2-77aa-cryptlvm")
        (devices / "dm-0" / "slaves" / "sda2").symlink_to(devices / "sda" / "sda2")
        entry.symlink_to(dm("dm-1", "LVM-Qx8cT-home", ("dm-0",)))
    elif layout == "plain lvm":
        (devices / "sda").mkdir(parents=True)
        entry.symlink_to(dm("dm-3", "LVM-Pl41n-root", ()))
        (devices / "dm-3" / "slaves" / "sda").symlink_to(devices / "sda")
    elif layout == "loop":
        node = dm("dm-9", "LVM-loop")
        (node / "slaves" / "dm-9").symlink_to(node)
        entry.symlink_to(node)
    elif layout == "unknown":
        pass
    return sys_block


@pytest.mark.parametrize(
    ("layout", "expected"),
    [
        ("plain partition", False),
        ("luks", True),
        ("lvm over luks", True),
        ("plain lvm", False),
        ("loop", False),
        ("unknown", None),
    ],
)
def test_the_disk_is_read_from_sysfs(tmp_path: Path, layout: str, expected: bool | None) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    sys_block = fake_sysfs(tmp_path / "sys", folder, layout)
    # a cache file not made yet is judged by the nearest folder that exists
    assert (
        disk.disk_encryption(folder / "caches" / "x.cache.sqlite3", sys_block=sys_block, platform="linux")
        is expected
    )


@pytest.mark.parametrize(("status", "expected"), [(0, True), (1, False), (2, None), (None, None)])
def test_macos_asks_fdesetup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, status: int | None, expected: bool | None
) -> None:
    """``fdesetup isactive``: 0 FileVault on, 1 off, anything else (or no such program) unknown."""
    import subprocess

    asked: list[list[str]] = []

    def run(cmd: list[str], **_kw: object) -> subprocess.CompletedProcess[bytes]:
        asked.append(cmd)
        if status is None:
            raise FileNotFoundError(cmd[0])
        return subprocess.CompletedProcess(cmd, status, b"", b"")

    monkeypatch.setattr(disk.subprocess, "run", run)
    assert disk.disk_encryption(tmp_path, platform="darwin") is expected
    assert asked == [["/usr/bin/fdesetup", "isactive"]]


def test_other_systems_and_odd_paths_are_unknown_never_an_error(tmp_path: Path) -> None:
    assert disk.disk_encryption(tmp_path, platform="win32") is None
    # no sysfs at all (a container without /sys): unknown
    assert disk.disk_encryption(tmp_path / "a" / "b", sys_block=tmp_path / "no-sys", platform="linux") is None
    assert disk.describe(None) == "unknown"


# ------------------------------------------------------------------------------ the default


def test_the_default_follows_the_disk_the_binding_and_the_keyring(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, memory_keyring: MemoryKeyring
) -> None:
    path = tmp_path / "x.cache.sqlite3"
    disk_says(monkeypatch, True)
    assert encryption.automatic(path) == encryption.Automatic(False, "the disk is encrypted by the system")
    disk_says(monkeypatch, None)
    assert not encryption.automatic(path).encrypt and "cannot tell" in encryption.automatic(path).reason
    disk_says(monkeypatch, False)
    assert encryption.automatic(path).encrypt
    monkeypatch.setattr(encryption, "available", lambda: False)
    assert "binding" in encryption.automatic(path).reason and not encryption.automatic(path).encrypt
    monkeypatch.undo()
    disk_says(monkeypatch, False)
    keyring.set_keyring(fail.Keyring())
    decided = encryption.automatic(path)
    assert not decided.encrypt and "keyring" in decided.reason


def test_a_new_cache_on_an_unencrypted_disk_is_encrypted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, memory_keyring: MemoryKeyring
) -> None:
    disk_says(monkeypatch, False)
    path = tmp_path / "desk.cache.sqlite3"
    desk = open_desk(path, Clock())
    desk.feed(customer(1, first_name="Élodie", last_name="Martin"))
    assert desk.cache.encrypted
    assert desk.cache.stats()["at_rest"] == "the disk is not encrypted by the system"
    desk.cache.close()
    assert at_rest.file_state(path) is at_rest.FileState.ENCRYPTED
    assert b"Martin" not in path.read_bytes()
    assert len(memory_keyring.secrets) == 1
    # opened again: still encrypted, with the same key, and readable
    again = LocalCache.open(path, clock=Clock())
    try:
        assert again.encrypted and again.customer("cust-1") is not None
        assert again.stats()["at_rest"] == "kept as it was (no setting)"
    finally:
        again.close()
    assert len(memory_keyring.secrets) == 1


def test_an_existing_plain_cache_is_never_converted_by_the_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, memory_keyring: MemoryKeyring
) -> None:
    path = tmp_path / "desk.cache.sqlite3"
    disk_says(monkeypatch, True)  # made plain on an encrypted disk (or by an older desk)
    LocalCache.open(path, clock=Clock()).close()
    disk_says(monkeypatch, False)  # the file was copied to a plain disk
    cache = LocalCache.open(path, clock=Clock())
    try:
        assert not cache.encrypted
    finally:
        cache.close()
    assert at_rest.file_state(path) is at_rest.FileState.PLAIN
    assert memory_keyring.secrets == {}


@pytest.mark.parametrize("disk_state", [True, None])
def test_a_new_cache_stays_plain_where_the_disk_is_encrypted_or_unknown(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, memory_keyring: MemoryKeyring, disk_state: bool | None
) -> None:
    disk_says(monkeypatch, disk_state)
    cache = LocalCache.open(tmp_path / "desk.cache.sqlite3", clock=Clock())
    try:
        assert not cache.encrypted and cache.stats()["at_rest"]
    finally:
        cache.close()
    assert memory_keyring.secrets == {}


def test_a_keyring_that_does_not_keep_the_key_leaves_the_default_plain_not_broken(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    disk_says(monkeypatch, False)
    previous = keyring.get_keyring()
    keyring.set_keyring(ForgetfulKeyring())
    try:
        with caplog.at_level(logging.WARNING):
            cache = LocalCache.open(tmp_path / "desk.cache.sqlite3", clock=Clock())
        try:
            assert not cache.encrypted
            assert "could not keep a key" in cache.stats()["at_rest"]
        finally:
            cache.close()
    finally:
        keyring.set_keyring(previous)
    assert any("left plain" in r.getMessage() for r in caplog.records)


def test_said_explicitly_the_setting_wins_over_the_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, memory_keyring: MemoryKeyring
) -> None:
    disk_says(monkeypatch, False)
    monkeypatch.setenv(encryption.ENV_FLAG, "0")
    cache = LocalCache.open(tmp_path / "off.cache.sqlite3", clock=Clock())
    assert not cache.encrypted
    cache.close()
    disk_says(monkeypatch, True)
    monkeypatch.setenv(encryption.ENV_FLAG, "1")
    cache = LocalCache.open(tmp_path / "on.cache.sqlite3", clock=Clock())
    assert cache.encrypted
    cache.close()
