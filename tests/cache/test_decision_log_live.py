"""The decision log against the centre's copy, through the real reference server and the real sync
engine: a chain rebuilt consistently in the file, which nothing local can reveal, is named by
``advisor-desk verify-log`` once it asks the centre; offline, the command says the comparison could
not be made and verifies locally."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from test_decision_log import rebuild_chain, verify_log, verify_log_json

from advisor_desk.cache.decision_commands import (
    EXIT_OK,
    EXIT_TAMPERED,
    fetch_centre_copy,
    verify_cache_file,
    verify_with_client,
)
from advisor_desk.cache.paths import cache_file
from advisor_desk.cache.store import LocalCache
from advisor_desk.domain.decision_chain import Tampering
from advisor_desk.sync.client import ApiClient
from advisor_desk.sync.engine import SyncEngine

PASSWORD = "pw"  # every user tests/conftest.py creates has it


def synced_desk(server: Any, data_dir: Path) -> tuple[LocalCache, ApiClient, SyncEngine]:
    path = cache_file(data_dir, server.url, "advisor")
    cache = LocalCache.open(path, server_url=server.url, username="advisor")
    client = ApiClient(server.url)
    client.login("advisor", PASSWORD)
    engine = SyncEngine(cache, client)
    report = engine.sync_once()
    assert report.failure is None, report.errors
    return cache, client, engine


def grant_and_push(cache: LocalCache, engine: SyncEngine, amounts: list[int]) -> list[Any]:
    user = cache.current_user()
    assert user is not None
    decisions = [
        cache.grant_gesture(user, "c-north-1", None, "voucher", cents, "EUR", "late_delivery", "retard")
        for cents in amounts
    ]
    report = engine.sync_once()
    assert report.failure is None and report.applied == len(amounts), report.as_dict()
    return decisions


def test_the_centre_reveals_a_rebuilt_chain(live_server: Any, tmp_path: Path) -> None:
    live_server.seed_world()
    data_dir = tmp_path / "data"
    cache, client, engine = synced_desk(live_server, data_dir)
    try:
        grant_and_push(cache, engine, [1_000, 1_500, 2_000])
        centre = fetch_centre_copy(client, cache.workstation_id)
        assert sorted(centre) == [1, 2, 3]
        assert verify_with_client(cache.path, client).report.confirmed_up_to == 3
        path = cache.path
    finally:
        cache.close()
        client.close()
    env = {"ADVISOR_DESK_PASSWORD": PASSWORD}
    code, answer = verify_log_json(data_dir, "--server", live_server.url, "--user", "advisor", env=env)
    assert code == EXIT_OK and answer["centre"]["compared"] is True
    assert answer["verified_up_to"] == 3 and answer["centre"]["confirmed_up_to"] == 3

    rebuild_chain(path, edit_seq=2, amount_cents=150)
    assert verify_cache_file(path).ok  # consistent with itself: only the centre can tell
    code, answer = verify_log_json(data_dir, "--server", live_server.url, "--user", "advisor", env=env)
    assert code == EXIT_TAMPERED
    assert (answer["problem"], answer["first_bad_seq"]) == (Tampering.REBUILT.value, 2)
    assert answer["caught_by"] == "centre" and answer["verified_up_to"] == 1
    # the cache's own record of its server and user is enough to reach the centre
    code, text, _ = verify_log(data_dir, env=env)
    assert code == EXIT_TAMPERED and "entry 2 was rewritten" in text
    # the desk's background verification (the review screen's) reaches the same verdict
    client = ApiClient(live_server.url)
    try:
        client.login("advisor", PASSWORD)
        report = verify_with_client(path, client)
    finally:
        client.close()
    assert (report.report.problem, report.report.first_bad_seq) == (Tampering.REBUILT, 2)


def test_truncation_is_revealed_by_the_centre(live_server: Any, tmp_path: Path) -> None:
    live_server.seed_world()
    data_dir = tmp_path / "data"
    cache, client, engine = synced_desk(live_server, data_dir)
    try:
        decisions = grant_and_push(cache, engine, [1_000, 1_500, 2_000])
        path = cache.path
    finally:
        cache.close()
        client.close()
    import sqlite3

    conn = sqlite3.connect(path)
    conn.execute("DELETE FROM decision_log WHERE seq = 3")
    conn.execute("DELETE FROM decisions WHERE id = ?", (decisions[2].id,))
    conn.execute("DELETE FROM outbox")
    conn.commit()
    conn.close()
    env = {"ADVISOR_DESK_PASSWORD": PASSWORD}
    code, answer = verify_log_json(data_dir, "--server", live_server.url, "--user", "advisor", env=env)
    assert code == EXIT_TAMPERED
    assert (answer["problem"], answer["first_bad_seq"]) == (Tampering.TRUNCATED.value, 3)


def test_without_the_centre_the_command_verifies_locally_and_says_so(
    live_server: Any, tmp_path: Path
) -> None:
    live_server.seed_world()
    data_dir = tmp_path / "data"
    cache, client, engine = synced_desk(live_server, data_dir)
    try:
        grant_and_push(cache, engine, [1_000])
    finally:
        cache.close()
        client.close()
    # no stored session and no password: local verification, with the reason
    code, text, _ = verify_log(data_dir, "--server", live_server.url, "--user", "advisor")
    assert code == EXIT_OK and "verified up to entry 1" in text and "no stored session" in text
    # the centre unreachable (stopped): the same, with that reason
    live_server.stop()
    code, answer = verify_log_json(
        data_dir, "--server", live_server.url, "--user", "advisor", env={"ADVISOR_DESK_PASSWORD": PASSWORD}
    )
    assert code == EXIT_OK and answer["ok"] is True and answer["centre"]["compared"] is False
    assert "could not be asked" in answer["centre"]["note"]
