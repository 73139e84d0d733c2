"""``advisor-desk sync``: what it prints and the exit codes scripts rely on."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sync_faults import free_port
from sync_support import PASSWORD, cache_contents, server_view

from advisor_desk.cache.paths import cache_file
from advisor_desk.sync.commands import (
    EXIT_BAD_ANSWER,
    EXIT_INSECURE_URL,
    EXIT_LOGIN,
    EXIT_OK,
    EXIT_UNREACHABLE,
    EXIT_USAGE,
    sync_main,
)


@pytest.fixture(autouse=True)
def no_system_keyring() -> Iterator[None]:
    """In-process runs never touch the machine's real keyring (a CI machine may run a Secret
    Service); tests that want a keyring install their own in-memory backend."""
    import keyring
    from keyring.backends import fail

    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(previous)


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("ADVISOR_DESK_PASSWORD", raising=False)
    monkeypatch.setenv("ADVISOR_DESK_DATA_DIR", str(tmp_path / "env-dir"))
    return tmp_path / "desk"


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = sync_main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_help_documents_the_exit_codes(capsys) -> None:
    code, out, _ = _run(capsys, "--help")
    assert code == EXIT_OK
    assert "exit codes" in out and "cannot be reached" in out and "ADVISOR_DESK_PASSWORD" in out


def test_missing_arguments_are_a_usage_error(capsys) -> None:
    code, _, err = _run(capsys, "--once")
    assert code == EXIT_USAGE and "--server" in err


def test_once_with_json_prints_what_happened(live_server, data_dir, capsys, monkeypatch) -> None:
    live_server.seed_world()
    monkeypatch.setenv("ADVISOR_DESK_PASSWORD", PASSWORD)
    args = ("--server", live_server.url, "--user", "advisor", "--once", "--json", "--data-dir", str(data_dir))
    code, out, _ = _run(capsys, *args)
    assert code == EXIT_OK
    report = json.loads(out)
    assert report["pulled"] > 0 and report["pending"] == 0 and report["error_code"] is None
    path = cache_file(data_dir, live_server.url, "advisor")
    assert cache_contents(path) == server_view(live_server, "advisor")
    code, out, _ = _run(capsys, *args)
    assert code == EXIT_OK and json.loads(out)["pulled"] == 0

    # plain text for people
    code, out, _ = _run(capsys, *args[:-3], "--data-dir", str(data_dir))
    assert code == EXIT_OK
    assert "pulled 0, pushed 0" in out and "still pending 0" in out


def test_data_dir_comes_from_the_environment(live_server, tmp_path, capsys, monkeypatch) -> None:
    live_server.seed_world()
    monkeypatch.setenv("ADVISOR_DESK_PASSWORD", PASSWORD)
    monkeypatch.setenv("ADVISOR_DESK_DATA_DIR", str(tmp_path / "from-env"))
    code, _, _ = _run(capsys, "--server", live_server.url, "--user", "advisor", "--once")
    assert code == EXIT_OK
    assert cache_file(tmp_path / "from-env", live_server.url, "advisor").stat().st_size > 0


def test_an_unreachable_server_exits_with_its_own_code(data_dir, capsys, monkeypatch) -> None:
    monkeypatch.setenv("ADVISOR_DESK_PASSWORD", PASSWORD)
    url = f"http://127.0.0.1:{free_port()}"
    code, _, err = _run(capsys, "--server", url, "--user", "advisor", "--once", "--data-dir", str(data_dir))
    assert code == EXIT_UNREACHABLE
    assert "cannot be reached" in err


def test_plain_http_elsewhere_is_refused(data_dir, capsys) -> None:
    code, _, err = _run(
        capsys, "--server", "http://crm.example.com", "--user", "a", "--once", "--data-dir", str(data_dir)
    )
    assert code == EXIT_INSECURE_URL and "https://" in err


def test_no_password_and_no_terminal_asks_for_login(live_server, data_dir, capsys, monkeypatch) -> None:
    live_server.seed_world()
    monkeypatch.setattr(sys, "stdin", open(os.devnull))  # noqa: SIM115 - closed by pytest's capture
    code, _, err = _run(
        capsys, "--server", live_server.url, "--user", "advisor", "--once", "--data-dir", str(data_dir)
    )
    sys.stdin.close()
    assert code == EXIT_LOGIN and "ADVISOR_DESK_PASSWORD" in err


def test_a_wrong_password_asks_for_login(live_server, data_dir, capsys, monkeypatch) -> None:
    live_server.seed_world()
    monkeypatch.setenv("ADVISOR_DESK_PASSWORD", "wrong")
    code, _, err = _run(
        capsys, "--server", live_server.url, "--user", "advisor", "--once", "--data-dir", str(data_dir)
    )
    assert code == EXIT_LOGIN and "password" in err


def test_garbage_from_the_server_exits_with_its_own_code(
    live_server, data_dir, capsys, monkeypatch, proxy_factory
) -> None:
    live_server.seed_world()
    proxy = proxy_factory(live_server.url)
    proxy.fault = lambda method, path: "wrong_shape" if "/changes" in path else "pass"
    monkeypatch.setenv("ADVISOR_DESK_PASSWORD", PASSWORD)
    code, out, _ = _run(
        capsys, "--server", proxy.url, "--user", "advisor", "--once", "--json", "--data-dir", str(data_dir)
    )
    assert code == EXIT_BAD_ANSWER
    assert json.loads(out)["error_code"] == "bad_answer"


@pytest.mark.slow
def test_without_once_it_keeps_syncing_until_interrupted(live_server, tmp_path) -> None:
    live_server.seed_world()
    env = dict(os.environ, ADVISOR_DESK_PASSWORD=PASSWORD, HOME=str(tmp_path))
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "advisor_desk",
            "sync",
            "--server",
            live_server.url,
            "--user",
            "advisor",
            "--json",
            "--interval",
            "0.3",
            "--data-dir",
            str(tmp_path / "desk"),
        ],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        lines: list[str] = []
        deadline = time.monotonic() + 60
        while len(lines) < 3 and time.monotonic() < deadline:
            line = process.stdout.readline()
            if line:
                lines.append(line)
        assert len(lines) >= 3
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == EXIT_OK, err
    reports = [json.loads(line) for line in lines]
    assert reports[0]["pulled"] > 0 and all(r["pulled"] == 0 for r in reports[1:])
    assert "Traceback" not in err


def test_a_session_kept_in_the_keyring_needs_no_password_next_time(
    live_server, data_dir, capsys, monkeypatch
) -> None:
    import keyring
    from sync_support import MemoryKeyring

    live_server.seed_world()
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    try:
        args = ("--server", live_server.url, "--user", "advisor", "--once", "--data-dir", str(data_dir))
        monkeypatch.setenv("ADVISOR_DESK_PASSWORD", PASSWORD)
        code, _, err = _run(capsys, *args)
        assert code == EXIT_OK, err

        def token() -> str:
            [value] = [v for (service, _), v in backend.secrets.items() if service == "advisor-desk"]
            return value

        stored = token()
        # (the other entry, where the disk is not encrypted: the new cache's key — encrypted by default)
        assert {service for service, _ in backend.secrets} <= {"advisor-desk", "advisor-desk-cache"}
        monkeypatch.delenv("ADVISOR_DESK_PASSWORD")
        monkeypatch.setattr(sys, "stdin", open(os.devnull))  # noqa: SIM115
        code, _, err = _run(capsys, *args)
        sys.stdin.close()
        assert code == EXIT_OK, err
        current = token()
        assert current != stored  # rotated, and kept
        # no token under the data folder
        for path in data_dir.rglob("*"):
            if path.is_file():
                data = path.read_bytes()
                assert stored.encode() not in data and current.encode() not in data
    finally:
        keyring.set_keyring(previous)
