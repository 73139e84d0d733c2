"""Concurrency on the real server: budgets hold under simultaneous grants, and the feed never skips a
change while writers race readers (on SQLite, and on PostgreSQL where transactions truly overlap)."""

from __future__ import annotations

import random
import threading
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest

from advisor_desk.domain import model
from advisor_desk.domain.channels import Channel
from advisor_desk.server import store
from server.support import Workstation, mutation, now_iso

pytestmark = pytest.mark.slow


def _run_all(workers: list[Callable[[], None]]) -> None:
    """Start every worker at once and re-raise the first failure."""
    errors: list[BaseException] = []
    barrier = threading.Barrier(len(workers))

    def wrap(work: Callable[[], None]) -> Callable[[], None]:
        def run() -> None:
            try:
                barrier.wait(timeout=60)
                work()
            except BaseException as exc:  # reported to the test below
                errors.append(exc)

        return run

    threads = [threading.Thread(target=wrap(w)) for w in workers]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    assert not any(t.is_alive() for t in threads), "a worker hung"
    if errors:
        raise errors[0]


def _north_customers(live_server, count: int) -> list[str]:
    ids = [f"c-race-{n}" for n in range(count)]
    live_server.save(*(model.Customer(i, "Race", f"Customer {n}", team="north") for n, i in enumerate(ids)))
    return ids


@pytest.mark.allow_threads  # the servers' worker threads wind down after the test
def test_simultaneous_grants_by_one_user_never_exceed_the_daily_budget(live_server_factory) -> None:
    servers = [live_server_factory(), live_server_factory()]  # two workers on one database
    live_server = servers[0]
    live_server.seed_world()
    customers = _north_customers(live_server, 12)
    token = live_server.login("advisor")["access_token"]
    answers: list[dict[str, Any]] = []
    lock = threading.Lock()

    def grant(n: int) -> Callable[[], None]:
        def work() -> None:
            station = Workstation()
            server = servers[n % 2]
            with httpx.Client(
                base_url=server.url, headers={"Authorization": f"Bearer {token}"}, timeout=120
            ) as client:
                response = client.post(
                    "/api/v1/mutations",
                    json={
                        "workstation_id": station.workstation_id,
                        "mutations": [station.grant(customers[n % 12], 1_500)],
                    },
                )
                assert response.status_code == 200, response.text
                with lock:
                    answers.extend(response.json()["results"])

        return work

    _run_all([grant(n) for n in range(24)])
    applied = [a for a in answers if a["status"] == "applied"]
    rejected = [a for a in answers if a["status"] == "rejected"]
    assert len(answers) == 24
    # 10,000 a day in grants of 1,500: exactly six fit.
    assert len(applied) == 6
    assert all(r["reason"].startswith("daily_budget") for r in rejected)
    listed = (
        live_server.client("lead").get("/api/v1/decisions", params={"status": "granted"}).json()["decisions"]
    )
    assert sum(d["amount_cents"] for d in listed) == 9_000 <= 10_000


@pytest.mark.allow_threads
def test_simultaneous_grants_to_one_customer_respect_its_cap(live_server) -> None:
    live_server.seed_world()
    usernames = [f"adv{n}" for n in range(8)]
    for name in usernames:
        live_server.create_user(name, role="advisor", team="north")
    tokens = {name: live_server.login(name)["access_token"] for name in usernames}
    answers: list[dict[str, Any]] = []
    lock = threading.Lock()

    def grant(name: str) -> Callable[[], None]:
        def work() -> None:
            station = Workstation()
            with httpx.Client(
                base_url=live_server.url, headers={"Authorization": f"Bearer {tokens[name]}"}, timeout=120
            ) as c:
                response = c.post(
                    "/api/v1/mutations",
                    json={
                        "workstation_id": station.workstation_id,
                        "mutations": [station.grant("c-north-1", 3_000)],
                    },
                )
                with lock:
                    answers.extend(response.json()["results"])

        return work

    _run_all([grant(name) for name in usernames])
    # 8,000 per customer over 30 days in grants of 3,000: two fit, whoever comes first.
    assert sorted(a["status"] for a in answers) == ["applied"] * 2 + ["rejected"] * 6
    assert all(a["reason"].startswith("per_customer_30d") for a in answers if a["status"] == "rejected")


@pytest.mark.allow_threads
def test_writes_racing_the_feed_never_skip_a_change(live_server) -> None:
    live_server.seed_world()
    customers = _north_customers(live_server, 4)
    token = live_server.login("advisor")["access_token"]
    headers = {"Authorization": f"Bearer {token}"}
    with httpx.Client(base_url=live_server.url, headers=headers) as client:
        start_cursor = client.get("/api/v1/changes", params={"limit": 1000}).json()["next"]
        while True:
            page = client.get("/api/v1/changes", params={"after": start_cursor, "limit": 1000}).json()
            start_cursor = page["next"]
            if not page["has_more"]:
                break
    written: set[str] = set()
    written_lock = threading.Lock()
    writers_done = threading.Event()
    rng = random.Random(7)

    def http_writer(n: int) -> Callable[[], None]:
        def work() -> None:
            with httpx.Client(base_url=live_server.url, headers=headers, timeout=120) as client:
                for i in range(20):
                    interaction_id = f"note-{n}-{i}-{uuid.uuid4().hex[:6]}"
                    payload = {
                        "interaction_id": interaction_id,
                        "customer_id": customers[i % 4],
                        "text": "x",
                        "created_at": now_iso(),
                    }
                    response = client.post(
                        "/api/v1/mutations",
                        json={"workstation_id": f"w{n}", "mutations": [mutation("note", payload)]},
                    )
                    assert response.json()["results"][0]["status"] == "applied"
                    with written_lock:
                        written.add(interaction_id)

        return work

    def slow_writer(n: int) -> Callable[[], None]:
        # Transactions that stay open a while after writing: with a position taken at insert time,
        # readers would pass them and never come back.
        def work() -> None:
            for i in range(20):
                interaction_id = f"slow-{n}-{i}"
                with live_server.database.write() as session:
                    store.save(
                        session,
                        model.Interaction(
                            interaction_id,
                            customers[i % 4],
                            Channel.CHAT,
                            model.Direction.INBOUND,
                            datetime.now(UTC),
                            "y",
                        ),
                    )
                    time.sleep(rng.random() * 0.03)
                with written_lock:
                    written.add(interaction_id)

        return work

    seen_by_reader: list[set[str]] = []

    def reader(limit: int, wait: float) -> Callable[[], None]:
        seen: set[str] = set()
        seen_by_reader.append(seen)

        def work() -> None:
            after = start_cursor
            with httpx.Client(base_url=live_server.url, headers=headers, timeout=120) as client:
                final_round = False
                while True:
                    response = client.get(
                        "/api/v1/changes", params={"after": after, "limit": limit, "wait": wait}
                    )
                    assert response.status_code == 200, response.text
                    page = response.json()
                    cursors = [int(c["cursor"]) for c in page["changes"]]
                    assert cursors == sorted(cursors) and all(c > int(after) for c in cursors)
                    seen.update(c["id"] for c in page["changes"] if c["entity"] == "interaction")
                    after = page["next"]
                    if page["has_more"]:
                        continue
                    if final_round:
                        return
                    if writers_done.is_set():
                        final_round = True  # one more pass after the last commit

        return work

    writers = [http_writer(n) for n in range(3)] + [slow_writer(n) for n in range(3)]

    def writers_then_done() -> None:
        try:
            _run_all(writers)
        finally:
            writers_done.set()

    _run_all([writers_then_done, reader(5, 0), reader(50, 0), reader(200, 1)])
    assert len(written) == 120
    for seen in seen_by_reader:
        missing = written - seen
        assert not missing, f"a reader skipped {len(missing)} changes, e.g. {sorted(missing)[:3]}"
