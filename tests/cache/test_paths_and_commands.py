"""Where caches live (owner-only), and ``advisor-desk cache stats``."""

from __future__ import annotations

import json
import stat
import sys
from pathlib import Path

import pytest
from cache_builders import ADVISOR, Clock, open_desk

from advisor_desk.cache.commands import cache_main
from advisor_desk.cache.paths import cache_file, default_data_dir
from advisor_desk.cache.store import LocalCache
from advisor_desk.cli import main as cli_main


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_data_dir_override(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("ADVISOR_DESK_DATA_DIR", str(tmp_path / "here"))
    assert default_data_dir() == tmp_path / "here"


def test_data_dir_per_platform(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("ADVISOR_DESK_DATA_DIR", raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert default_data_dir() == tmp_path / "xdg" / "advisor-desk"
    monkeypatch.delenv("XDG_DATA_HOME")
    assert default_data_dir() == Path.home() / ".local" / "share" / "advisor-desk"
    monkeypatch.setattr(sys, "platform", "darwin")
    assert default_data_dir() == Path.home() / "Library" / "Application Support" / "Advisor Desk"
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("APPDATA", str(tmp_path / "Roaming"))
    assert default_data_dir() == tmp_path / "Roaming" / "Advisor Desk"


def test_one_private_file_per_server_and_user(tmp_path: Path) -> None:
    data = tmp_path / "data"
    a = cache_file(data, "https://crm.example.com", "alice")
    assert a == cache_file(data, "https://crm.example.com/", "alice")
    others = {
        cache_file(data, "https://crm.example.com", "bob"),
        cache_file(data, "https://crm.example.com:8443", "alice"),
        cache_file(data, "https://other.example.com", "alice"),
        cache_file(data, "https://crm.example.com", "../../alice"),
    }
    assert a not in others and len(others) == 4
    assert all(p.parent == a.parent for p in others)  # nothing escapes the cache folder
    assert _mode(data) == 0o700 and _mode(a.parent) == 0o700
    cache = LocalCache.open(a, clock=Clock())
    try:
        cache.set_meta("probe", "x")
        for file in a.parent.glob(a.name + "*"):  # the database, its WAL and shared-memory files
            assert _mode(file) == 0o600, file
    finally:
        cache.close()
    assert _mode(a) == 0o600


def test_cache_stats(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = cache_file(tmp_path, "https://crm.example.com", "alice")
    desk = open_desk(path)
    desk.cache.add_note("cust-1", None, "en attente", ADVISOR)
    desk.cache.set_last_sync()
    desk.cache.close()
    assert cache_main(["stats", "--json", "--data-dir", str(tmp_path)]) == 0
    [stats] = json.loads(capsys.readouterr().out)
    assert stats["rows"]["customers"] == 1 and stats["rows"]["interactions"] == 2
    assert stats["outbox"] == {"pending": 1, "rejected": 0, "conflict": 0}
    assert stats["cursor"] == "1" and stats["last_sync_at"]
    assert cli_main(["cache", "stats", "--data-dir", str(tmp_path), "--server", "https://crm.example.com",
                     "--user", "alice"]) == 0  # fmt: skip
    text = capsys.readouterr().out
    assert "outbox: 1 pending, 0 rejected" in text and "cursor: 1" in text


def test_cache_stats_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cache_main(["stats", "--data-dir", str(tmp_path / "empty")]) == 1
    assert "no cache" in capsys.readouterr().err
    assert cache_main(["stats", "--data-dir", str(tmp_path), "--server", "https://x"]) == 2


def test_cache_stats_names_the_server_and_user(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = cache_file(tmp_path, "https://crm.example.com:8443", "bob")
    LocalCache.open(path).close()  # opened without server/user, as a bare open does
    assert cache_main(["stats", "--json", "--data-dir", str(tmp_path)]) == 0
    [stats] = json.loads(capsys.readouterr().out)
    assert (stats["server_url"], stats["username"]) == ("crm.example.com_8443", "bob")


def test_sync_command_records_the_server_and_user_in_the_cache(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import socket

    import keyring
    from keyring.backends import fail

    from advisor_desk.sync.commands import EXIT_UNREACHABLE, sync_main

    with socket.socket() as probe:  # a loopback port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}"
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())  # never the machine's real keyring
    monkeypatch.setenv("ADVISOR_DESK_PASSWORD", "irrelevant")
    try:
        code = sync_main(["--server", url, "--user", "carole", "--once", "--data-dir", str(tmp_path)])
    finally:
        keyring.set_keyring(previous)
    assert code == EXIT_UNREACHABLE
    capsys.readouterr()
    # the file name keeps only a spelling of the host; the cache itself knows the real URL and user
    assert cache_main(["stats", "--json", "--data-dir", str(tmp_path)]) == 0
    [stats] = json.loads(capsys.readouterr().out)
    assert (stats["server_url"], stats["username"]) == (url, "carole")
