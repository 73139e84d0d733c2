"""Crash points of a sync, each named, and the server killed in the middle of a batch.

Client side: ``crash_driver.py`` (the real cache, client and engine in a process of its own) writes
three notes and a grant, then is SIGKILLed at one durable step of the sync -- local commit, send
(the proxy holds the request: the server has seen nothing), server commit (the proxy holds the
answer: the server has committed), answer received (in hand, not recorded), local acknowledgement
(recorded, pull not started) -- and restarted. Whatever the point: each action reaches the server
exactly once, the outbox ends confirmed and the cache passes its integrity check.

Server side: the reference server runs as a subprocess (``advisor-desk-server serve``); while a
batch of 100 notes is being applied (some logged, not all) it is SIGKILLed, restarted on the same
database and port, and the desk syncs again: every note applied once.
"""

from __future__ import annotations

import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest
from faultproxy import FaultProxy
from rootconf import root, seed_world
from sqlalchemy import func, select

from advisor_desk.cache.store import LocalCache
from advisor_desk.server.db import Database
from advisor_desk.server.models import DecisionRow, InteractionRow, MutationLogRow
from advisor_desk.sync.client import ApiClient
from advisor_desk.sync.engine import SyncEngine

DRIVER = Path(__file__).with_name("crash_driver.py")
POINTS = ["local_commit", "send", "server_commit", "answer_received", "local_ack"]


def _count_texts(database: Any, prefix: str) -> dict[str, int]:
    with database.read() as session:
        texts = session.scalars(
            select(InteractionRow.data["text"].as_string()).where(
                InteractionRow.data["text"].as_string().like(prefix + "%")
            )
        )
        found: dict[str, int] = {}
        for text in texts:
            found[text] = found.get(text, 0) + 1
        return found


def _outbox(path: Path) -> list[str]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return [r[0] for r in conn.execute("SELECT status FROM outbox ORDER BY seq")]
    finally:
        conn.close()


def _driver(url: str, path: Path, point: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(DRIVER), url, str(path), "advisor", point],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=DRIVER.parent,
    )


def _read_until(process: subprocess.Popen[str], line: str) -> None:
    assert process.stdout is not None
    while True:
        got = process.stdout.readline()
        assert got, f"the driver ended before {line!r}: {process.stderr.read() if process.stderr else ''}"
        if got.strip() == line:
            return


@pytest.mark.allow_threads  # the proxy's connection threads end when the killed client's sockets close
@pytest.mark.parametrize("point", POINTS)
def test_a_desk_killed_at_each_step_of_a_sync_loses_and_doubles_nothing(live_server, tmp_path, point) -> None:
    seed_world(live_server)
    port = urlsplit(live_server.url).port
    assert port is not None
    cache_path = tmp_path / "desk.sqlite3"
    with FaultProxy(port) as proxy:
        held = {"send": "stall", "server_commit": "hold"}.get(point)
        if held:
            proxy.rule = lambda head: held if head.startswith(b"POST /api/v1/mutations") else "pass"
        process = _driver(proxy.url, cache_path, point)
        try:
            if held:
                _read_until(process, "SYNCING")
                assert proxy.holding.wait(30), "the push never reached the proxy"
            else:
                _read_until(process, f"AT {point}")
            process.send_signal(signal.SIGKILL)
        finally:
            process.kill()
            process.wait(timeout=30)
        proxy.rule = None
        proxy.release()

        logged = _count_texts(live_server.database, f"crash-{point}-")
        statuses = _outbox(cache_path)
        # where the kill landed, as seen from both sides
        if point in ("local_commit", "send"):
            assert logged == {} and statuses == ["pending"] * 4
        elif point in ("server_commit", "answer_received"):
            assert sorted(logged.values()) == [1, 1, 1] and statuses == ["pending"] * 4
        else:
            assert sorted(logged.values()) == [1, 1, 1] and set(statuses) == {"confirmed"}

        restarted = _driver(proxy.url, cache_path, "finish")
        out, err = restarted.communicate(timeout=120)
        assert restarted.returncode == 0 and "DONE" in out, out + err

    assert _count_texts(live_server.database, f"crash-{point}-") == {
        f"crash-{point}-{n}": 1 for n in range(3)
    }
    with live_server.database.read() as session:
        grants = session.scalars(
            select(DecisionRow.status).where(DecisionRow.data["reason_text"].as_string() == f"crash-{point}")
        )
        assert list(grants) == ["granted"]
    assert _outbox(cache_path) == ["confirmed"] * 4
    cache = LocalCache.open(cache_path)
    try:
        assert cache.integrity_check() == "ok"
        assert cache.recovery is None or cache.recovery.problem is None
    finally:
        cache.close()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _start_server(database_url: str, port: int) -> subprocess.Popen[bytes]:
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "advisor_desk.server.cli",
            "serve",
            "--port",
            str(port),
            "--database-url",
            database_url,
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health", timeout=1).status_code == 200:
                return process
        except httpx.HTTPError:
            time.sleep(0.1)
    process.kill()
    raise AssertionError("the server did not start")


@pytest.mark.allow_threads
def test_the_server_killed_mid_batch_applies_each_mutation_once_after_restart(database_url, tmp_path) -> None:
    database = Database(database_url)
    backend = "sqlite" if database_url.startswith("sqlite") else "postgres"
    seed_world(root.LiveServer("", database_url, database, backend, lambda: None))
    port = _free_port()
    server = _start_server(database_url, port)
    cache = LocalCache.open(tmp_path / "desk.sqlite3")
    client = ApiClient(f"http://127.0.0.1:{port}", timeout=(2, 30))
    try:
        client.login("advisor", "pw")
        engine = SyncEngine(cache, client, long_poll_wait=0, backoff_base=0.1)
        assert engine.sync_once().ok
        user = cache.current_user()
        assert user is not None
        for n in range(100):
            cache.add_note("c-north-1", "c-north-1-case", f"midbatch-{n} " + "w" * 2000, user)
        before = _logged(database)
        pushing = threading.Thread(target=engine.sync_once, name="push-while-killed")
        pushing.start()
        deadline = time.monotonic() + 60
        seen = 0
        while time.monotonic() < deadline:
            seen = _logged(database) - before
            if seen >= 3:
                break
            time.sleep(0.002)
        server.send_signal(signal.SIGKILL)
        server.wait(timeout=30)
        pushing.join(timeout=60)
        applied_before_restart = _logged(database) - before
        assert 0 < applied_before_restart < 100, f"the kill did not land mid-batch ({applied_before_restart})"

        server = _start_server(database_url, port)
        for _ in range(10):
            if engine.sync_once().ok and cache.outbox_counts()[0] == 0:
                break
        assert cache.outbox_counts()[0] == 0
        texts = _count_texts(database, "midbatch-")
        assert len(texts) == 100 and set(texts.values()) == {1}
        assert set(_outbox(tmp_path / "desk.sqlite3")) == {"confirmed"}
        assert cache.integrity_check() == "ok"
    finally:
        client.close()
        cache.close()
        server.kill()
        server.wait(timeout=30)
        database.dispose()


def _logged(database: Any) -> int:
    with database.read() as session:
        return int(session.scalar(select(func.count()).select_from(MutationLogRow)) or 0)
