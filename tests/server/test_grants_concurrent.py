"""Two desks saying yes at the same instant: together over a budget that fits one, only one passes.

Each round starts two grants at once (a barrier releases both threads together), sent through two
server processes' worth of workers on the same database (two live servers, as behind a load
balancer), for the same advisor on two customers (the daily budget) or for two advisors on one
customer (the 30-day cap). Each grant alone fits; both together do not. The centre must apply exactly
one and reject the other with the limit it broke, on SQLite and on PostgreSQL (``database_url`` is
parametrized over both when PostgreSQL is configured).
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx

from advisor_desk.domain import model
from server.support import Workstation

ROUNDS = 5


def _customers(server: Any, tag: str, count: int) -> list[str]:
    ids = [f"c-{tag}-{n}" for n in range(count)]
    server.save(
        *[
            model.Customer(
                cid, "Client", cid, team="north", updated_at=datetime.now(UTC) - timedelta(minutes=1)
            )
            for cid in ids
        ]
    )
    return ids


def _at_once(*sends: tuple[httpx.Client, Workstation, dict[str, Any]]) -> list[dict[str, Any]]:
    """Send each grant from its own thread, all released by one barrier; results in the same order."""
    barrier = threading.Barrier(len(sends))

    def send(client: httpx.Client, station: Workstation, grant: dict[str, Any]) -> dict[str, Any]:
        barrier.wait(timeout=10)
        [result] = station.send(client, grant)
        return result

    with ThreadPoolExecutor(max_workers=len(sends)) as pool:
        futures = [pool.submit(send, *s) for s in sends]
        return [f.result(timeout=60) for f in futures]


def _remaining_today(client: httpx.Client) -> int:
    return int(client.get("/api/v1/me").json()["authority"]["remaining_today_cents"])


def test_two_grants_at_once_cannot_both_take_a_daily_budget_that_fits_one(
    live_server, live_server_factory
) -> None:
    live_server.seed_world()
    second = live_server_factory()  # another server on the same database
    for n in range(ROUNDS):
        username = f"adv-day-{n}"
        live_server.create_user(username, role="advisor", team="north")
        earlier, first_customer, second_customer = _customers(live_server, f"day{n}", 3)
        desk_a, desk_b = Workstation(), Workstation()
        # 10,000 a day (at most 5,000 a gesture): 2,000 earlier leaves 8,000; 4,001 each: either
        # alone fits, both do not.
        [spent] = desk_a.send(live_server.client(username), desk_a.grant(earlier, 2_000))
        assert spent["status"] == "applied"
        results = _at_once(
            (live_server.client(username), desk_a, desk_a.grant(first_customer, 4_001)),
            (second.client(username), desk_b, desk_b.grant(second_customer, 4_001)),
        )
        statuses = sorted(r["status"] for r in results)
        assert statuses == ["applied", "rejected"], (n, results)
        refused = next(r for r in results if r["status"] == "rejected")
        assert refused["reason"].startswith("daily_budget"), refused
        assert refused["data"]["decision"]["status"] == "rejected"  # kept, for the desk and the lead
        assert _remaining_today(second.client(username)) == 10_000 - 2_000 - 4_001


def test_two_advisors_at_once_cannot_both_take_a_customer_cap_that_fits_one(
    live_server, live_server_factory
) -> None:
    live_server.seed_world()
    second = live_server_factory()
    for n in range(ROUNDS):
        one, two = f"adv-a-{n}", f"adv-b-{n}"
        live_server.create_user(one, role="advisor", team="north")
        live_server.create_user(two, role="advisor", team="north")
        [shared] = _customers(live_server, f"cap{n}", 1)
        desk_a, desk_b = Workstation(), Workstation()
        # 8,000 per customer over 30 days, shared by everyone; 4,001 each.
        results = _at_once(
            (live_server.client(one), desk_a, desk_a.grant(shared, 4_001)),
            (second.client(two), desk_b, desk_b.grant(shared, 4_001)),
        )
        assert sorted(r["status"] for r in results) == ["applied", "rejected"], (n, results)
        refused = next(r for r in results if r["status"] == "rejected")
        assert refused["reason"].startswith("per_customer_30d"), refused
        # one cent of what is left still passes, one more does not
        desk_c = Workstation()
        [exact] = desk_c.send(live_server.client(one), desk_c.grant(shared, 8_000 - 4_001))
        [over] = desk_c.send(live_server.client(two), desk_c.grant(shared, 1))
        assert (exact["status"], over["status"]) == ("applied", "rejected")
