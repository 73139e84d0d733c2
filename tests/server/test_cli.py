"""The ``advisor-desk-server`` command as an operator runs it (real subprocesses)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time

import httpx
import pytest

from advisor_desk.domain.mutations import MutationKind
from advisor_desk.server.auth import verify_password
from advisor_desk.server.cli import main
from advisor_desk.server.db import Database
from advisor_desk.server.migrate import is_current
from advisor_desk.server.models import UserRow

CLI = [sys.executable, "-m", "advisor_desk.server.cli"]


def _run(*args: str, stdin: str = "", env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*CLI, *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **(env or {})},
    )


def test_init_db_then_create_user_from_stdin(blank_database_url: str) -> None:
    assert main(["init-db", "--database-url", blank_database_url]) == 0
    database = Database(blank_database_url)
    try:
        assert is_current(database)
        done = _run(
            "create-user",
            "nadia",
            "--role",
            "team_lead",
            "--team",
            "north",
            "--display-name",
            "Nadia B.",
            "--database-url",
            blank_database_url,
            stdin="s3cret phrase\n",
        )
        assert done.returncode == 0, done.stderr
        assert "s3cret" not in done.stdout + done.stderr
        with database.read() as session:
            row = session.query(UserRow).filter_by(username="nadia").one()
            assert (row.role, row.team, row.display_name) == ("team_lead", "north", "Nadia B.")
            assert verify_password(row.password_hash, "s3cret phrase")
            assert row.password_hash.startswith("$argon2id$")
        again = _run(
            "create-user",
            "nadia",
            "--role",
            "advisor",
            "--team",
            "north",
            "--database-url",
            blank_database_url,
            stdin="x\n",
        )
        assert again.returncode == 1 and "taken" in again.stderr
        empty = _run(
            "create-user",
            "omar",
            "--role",
            "advisor",
            "--team",
            "north",
            "--database-url",
            blank_database_url,
            stdin="\n",
        )
        assert empty.returncode == 1 and "empty" in empty.stderr
    finally:
        database.dispose()


def test_bad_arguments_are_refused_with_usage(tmp_path) -> None:
    url = f"sqlite:///{tmp_path / 'x.db'}"
    wrong_role = _run(
        "create-user", "x", "--role", "wizard", "--team", "t", "--database-url", url, stdin="pw\n"
    )
    assert wrong_role.returncode == 2 and "invalid choice" in wrong_role.stderr
    assert _run("seed", "--database-url", url).returncode == 2
    assert _run("seed", "--customers", "0", "--database-url", url).returncode == 2


def test_the_database_url_comes_from_the_environment(tmp_path) -> None:
    url = f"sqlite:///{tmp_path / 'env.db'}"
    done = _run("init-db", env={"ADVISOR_DESK_DATABASE_URL": url})
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "env.db").exists()


def test_serve_refuses_an_uninitialised_database(tmp_path) -> None:
    done = _run("serve", "--port", "1", "--database-url", f"sqlite:///{tmp_path / 'none.db'}")
    assert done.returncode == 1 and "init-db" in done.stderr


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.mark.slow
def test_serve_announces_itself_and_answers_health(database_url: str) -> None:
    port = _free_port()
    process = subprocess.Popen(
        [*CLI, "serve", "--port", str(port), "--database-url", database_url],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert process.stdout is not None
        deadline = time.monotonic() + 60
        line = ""
        while time.monotonic() < deadline:
            line = process.stdout.readline()
            if "listening" in line or not line:
                break
        assert line.strip() == f"Advisor Desk central API listening on http://127.0.0.1:{port}"
        assert httpx.get(f"http://127.0.0.1:{port}/health").json() == {"status": "ok", "database": "ok"}
        openapi = httpx.get(f"http://127.0.0.1:{port}/openapi.json").json()
        assert openapi["info"]["title"] == "Advisor Desk central API"
        assert set(openapi["x-mutation-payloads"]) == {k.value for k in MutationKind}
        assert "ErrorResponse" in openapi["components"]["schemas"]
    finally:
        process.terminate()
        process.wait(timeout=30)
        if process.stdout is not None:
            process.stdout.close()
