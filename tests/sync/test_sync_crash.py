"""``advisor-desk sync`` killed with SIGKILL at many points, then restarted: nothing lost, nothing
applied twice, and the cache passes its integrity check.

Each round starts the real command in a subprocess against the live server on loopback and kills it
after a random delay (seeded: a failure can be replayed), landing in start-up, login, the push of the
outbox, the pull of the feed, or the final ``/me``. Between rounds the server keeps changing."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sync_support import PASSWORD, add_customers, cache_contents, outbox_rows, server_count, server_view

from advisor_desk.cache.paths import cache_file
from advisor_desk.cache.store import LocalCache
from advisor_desk.sync.client import ApiClient
from advisor_desk.sync.engine import SyncEngine

ROUNDS = 15


def _command(server_url: str, data_dir: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "advisor_desk",
        "sync",
        "--server",
        server_url,
        "--user",
        "advisor",
        "--once",
        "--json",
        "--page-size",
        "100",  # many pages: many places for a kill to land
        "--data-dir",
        str(data_dir),
    ]


def _env(data_dir: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["ADVISOR_DESK_PASSWORD"] = PASSWORD
    env["ADVISOR_DESK_DATA_DIR"] = str(data_dir)
    env["HOME"] = str(data_dir)  # no keyring file or config of the real user is touched
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    return env


@pytest.mark.slow
def test_sync_killed_at_random_points_converges(live_server, tmp_path: Path) -> None:
    live_server.seed_world()
    data_dir = tmp_path / "desk"
    path = cache_file(data_dir, live_server.url, "advisor")

    # the workstation syncs once, then works offline: 120 grants and notes wait in its outbox
    cache = LocalCache.open(path)
    client = ApiClient(live_server.url)
    client.login("advisor", PASSWORD)
    assert SyncEngine(cache, client, long_poll_wait=0).sync_once().ok
    user = cache.current_user()
    decisions = []
    notes = []
    for n in range(60):
        decisions.append(grant_via(cache, user, "c-north-1" if n % 2 else "c-north-2", 1))
        notes.append(cache.add_note("c-north-1", None, f"note {n}", user))
    cache.close()
    client.close()
    add_customers(live_server, 250, prefix="wave0")

    rng = random.Random(20261123)
    kills = 0
    states: set[tuple[int, str]] = set()
    ended: list[tuple[str, int, str]] = []  # runs that finished before the kill: (moment, exit code, stderr)
    for round_no in range(ROUNDS):
        # a third of the kills at a random moment, the others right after the run made progress (a
        # batch of the outbox confirmed, a page of the feed applied) so every phase gets its share
        moment = ("push_progress", "pull_progress", "random")[round_no % 3]
        start_pending, start_cursor = _progress(path)
        process = subprocess.Popen(
            _command(live_server.url, data_dir),
            env=_env(data_dir),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + (rng.uniform(0.3, 2.0) if moment == "random" else 30)
        while process.poll() is None and time.monotonic() < deadline:
            pending, cursor = _progress(path)
            if moment == "push_progress" and pending != start_pending:
                break
            if moment == "pull_progress" and cursor != start_cursor:
                break
            time.sleep(0.005)
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            kills += 1
            process.communicate(timeout=60)
        else:
            out, err = process.communicate(timeout=60)
            ended.append((moment, process.returncode, err.decode(errors="replace")[-300:]))
        after_kill = LocalCache.open(path)  # what the next start finds
        try:
            assert after_kill.recovery is None and after_kill.integrity_check() == "ok"
            states.add((after_kill.outbox_counts()[0], after_kill.cursor()))
        finally:
            after_kill.close()
        if round_no % 3 == 2:
            # the centre keeps changing: more pages to pull, and an outbox to refill
            add_customers(live_server, 150, prefix=f"wave{round_no}")
            refill = LocalCache.open(path)
            try:
                for n in range(5):
                    decisions.append(grant_via(refill, user, "c-north-2", 1))
                    notes.append(refill.add_note("c-north-2", None, f"round {round_no} note {n}", user))
            finally:
                refill.close()
    assert all(code == 0 for _, code, _ in ended), ended  # a run left alone succeeds
    assert kills >= ROUNDS // 3, ended

    print(
        f"{kills} kills in {ROUNDS} rounds, {len(states)} distinct (pending, cursor) states: {sorted(states)}"
    )
    assert len(states) >= 5, "kills should land in different phases (push, pull...)"
    finished = subprocess.run(
        _command(live_server.url, data_dir), env=_env(data_dir), capture_output=True, text=True, timeout=300
    )
    assert finished.returncode == 0, finished.stderr

    reopened = LocalCache.open(path)
    try:
        assert reopened.recovery is None  # never found damaged
        assert reopened.integrity_check() == "ok"
        assert reopened.outbox_counts() == (0, 0, 0)
    finally:
        reopened.close()
    assert {status for _, _, status in outbox_rows(path)} == {"confirmed"}
    for d in decisions:
        assert server_count(live_server, "DecisionRow", id=d.id) == 1
    for note in notes:
        assert server_count(live_server, "InteractionRow", id=note.id) == 1
    assert server_count(live_server, "MutationLogRow") == len(decisions) + len(notes)
    assert cache_contents(path) == server_view(live_server, "advisor")


def _progress(path: Path) -> tuple[int, str]:
    """(pending outbox entries, feed cursor) as another process sees the cache right now."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
    try:
        pending = conn.execute("SELECT count(*) FROM outbox WHERE status = 'pending'").fetchone()[0]
        row = conn.execute("SELECT value FROM meta WHERE key = 'cursor'").fetchone()
        return int(pending), row[0] if row else "0"
    except sqlite3.OperationalError:
        return -1, ""  # busy or mid-checkpoint: look again
    finally:
        conn.close()


def grant_via(cache: LocalCache, user, customer_id: str, amount: int):
    return cache.grant_gesture(
        user, customer_id, f"{customer_id}-case", "voucher", amount, "EUR", "late_delivery", "late"
    )
