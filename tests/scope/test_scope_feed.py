"""Per-user scope through the real server, sync engine and cache: entry, exit held for pending actions,
on-demand fetch kept for the window, other teams never, erasure reaching two workstations."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from advisor_desk.cache import retention
from advisor_desk.cache.store import LocalCache
from advisor_desk.domain import model
from advisor_desk.domain.wire import EntityKind
from advisor_desk.server import store
from advisor_desk.server.models import CustomerTombstoneRow, ScopeMemberRow
from advisor_desk.sync.client import ApiClient
from advisor_desk.sync.engine import SyncEngine, SyncReport

PASSWORD = "pw"


class Desk:
    def __init__(self, path: Path, url: str, username: str) -> None:
        self.cache = LocalCache.open(path)
        self.client = ApiClient(url, timeout=(2, 10))
        self.client.login(username, PASSWORD)
        self.engine = SyncEngine(self.cache, self.client, long_poll_wait=0)

    def sync(self) -> SyncReport:
        report = self.engine.sync_once()
        assert report.failure is None, report.errors
        return report

    def customers(self) -> set[str]:
        return _all_customer_ids(self.cache)


def _all_customer_ids(cache: LocalCache) -> set[str]:
    with cache._read() as conn:
        return {r[0] for r in conn.exec_driver_sql("SELECT id FROM customers")}


@pytest.fixture
def desks(tmp_path: Path) -> Iterator[Callable[..., Desk]]:
    made: list[Desk] = []

    def make(url: str, username: str, name: str = "ws") -> Desk:
        desk = Desk(tmp_path / f"{name}-{username}.sqlite3", url, username)
        made.append(desk)
        return desk

    yield make
    for desk in made:
        desk.client.close()
        desk.cache.close()


def _feed_view(server: Any, username: str) -> dict[tuple[str, str], Any]:
    token = server.login(username)["access_token"]
    view: dict[tuple[str, str], Any] = {}
    after = "0"
    with httpx.Client(base_url=server.api, headers={"Authorization": f"Bearer {token}"}, timeout=30) as http:
        while True:
            page = http.get("/changes", params={"after": after, "limit": 1000}).json()
            for change in page["changes"]:
                key = (change["entity"], change["id"])
                if change["op"] == "upsert":
                    view[key] = change["data"]
                else:
                    view.pop(key, None)
            after = page["next"]
            if not page["has_more"]:
                return view


def _customers(view: dict[tuple[str, str], Any]) -> set[str]:
    return {key for kind, key in view if kind == "customer"}


def _close_case(server: Any, case_id: str) -> None:
    with server.database.write() as session:
        case = store.load(session, EntityKind.CASE, case_id)
        store.save(session, replace(case, status=model.CaseStatus.CLOSED, version=case.version + 1))


def test_only_open_cases_of_the_team_and_never_another_team(live_server, desks) -> None:
    live_server.seed_world()
    quiet = model.Customer("c-north-9", "Quiet", "Person", emails=("quiet@example.com",), team="north")
    live_server.save(quiet)
    view = _feed_view(live_server, "advisor")
    assert _customers(view) == {"c-north-1", "c-north-2"}, "open cases of the team only"
    assert not any(key.startswith("c-south") for _, key in view)
    assert ("case", "c-south-1-case") not in view
    # A south customer changing never reaches a north workstation.
    desk = desks(live_server.url, "advisor")
    desk.sync()
    live_server.save(model.Customer("c-south-1", "Marie", "Curie-Sklodowska", team="south"))
    desk.sync()
    assert desk.customers() == {"c-north-1", "c-north-2"}
    with pytest.raises(Exception):  # noqa: B017, PT011 - the client's not-found error
        desk.engine.fetch_customer("c-south-1")
    assert "c-south-1" not in desk.customers()
    # The other team sees its own.
    assert _customers(_feed_view(live_server, "other")) == {"c-south-1"}


def test_on_demand_fetch_enters_the_scope_for_the_window(live_server, desks) -> None:
    live_server.seed_world()
    live_server.save(model.Customer("c-north-9", "Quiet", "Person", team="north"))
    desk = desks(live_server.url, "advisor")
    desk.sync()
    assert "c-north-9" not in desk.customers()
    before = datetime.now(UTC)
    desk.engine.fetch_customer("c-north-9")
    with live_server.database.read() as session:
        row = session.scalars(select(ScopeMemberRow).where(ScopeMemberRow.customer_id == "c-north-9")).one()
    assert row.op == "enter"
    assert row.fetched_until is not None
    assert before + timedelta(days=29) < row.fetched_until < before + timedelta(days=31)
    # In the feed from now on: a later change reaches the desk, a sync does not drop it.
    live_server.save(model.Customer("c-north-9", "Quiet", "Persona", team="north"))
    desk.sync()
    assert desk.cache.customer("c-north-9").last_name == "Persona"
    assert "c-north-9" in _customers(_feed_view(live_server, "advisor"))
    # Not in the other north advisor's scope: fetching is personal.
    assert "c-north-9" not in _customers(_feed_view(live_server, "advisor2"))


def test_exit_is_held_while_an_action_waits_then_removed(live_server, desks) -> None:
    live_server.seed_world()
    # A window of zero days: acting about a customer keeps nothing in scope.
    live_server.save(model.Setting("scope.touched_days", 0))
    desk = desks(live_server.url, "advisor")
    desk.sync()
    assert "c-north-1" in desk.customers()
    desk.cache.add_note(
        "c-north-1", "c-north-1-case", "called back, left a message", desk.cache.current_user()
    )
    _close_case(live_server, "c-north-1-case")
    # Pull only (the note still waits): the exit arrives, the customer is held.
    desk.engine._pull(SyncReport())
    assert "c-north-1" in desk.customers()
    assert retention.held_customers(desk.cache) == {"c-north-1"}
    assert desk.cache.customer("c-north-1") is not None
    # The other customer, without pending actions, is not affected; a full sync confirms the note,
    # then the retention job removes the held customer.
    desk.sync()
    assert "c-north-1" not in desk.customers()
    assert "c-north-2" in desk.customers()
    assert retention.held_customers(desk.cache) == set()
    assert desk.cache.search_customers("Dupont") == []


def test_erasure_reaches_two_workstations_and_their_search(live_server, desks) -> None:
    live_server.seed_world()
    one = desks(live_server.url, "advisor", "ws1")
    two = desks(live_server.url, "advisor2", "ws2")
    for desk in (one, two):
        desk.sync()
        assert [h.customer.id for h in desk.cache.search_customers("Smith")] == ["c-north-2"]
    admin = live_server.client("admin")
    exported = admin.get("/api/v1/customers/c-north-2/export").json()
    assert exported["customer"]["last_name"] == "Smith"
    assert [c["id"] for c in exported["cases"]] == ["c-north-2-case"]
    answer = admin.post("/api/v1/customers/c-north-2/erase", json={"reason_code": "gdpr_art17_request"})
    assert answer.status_code == 200, answer.text
    assert answer.json()["customer_id"] == "c-north-2"
    for desk in (one, two):
        desk.sync()
        assert "c-north-2" not in desk.customers()
        assert desk.cache.search_customers("Smith") == []
        assert desk.cache.search_customers("john") == []
    with live_server.database.read() as session:
        stone = session.get(CustomerTombstoneRow, "c-north-2")
    assert stone is not None and stone.reason_code == "gdpr_art17_request"
    # The tombstone holds no personal data; the export says only that.
    assert admin.get("/api/v1/customers/c-north-2/export").json()["customer"] is None
    assert "Smith" not in admin.get("/api/v1/customers/c-north-2/export").text
    # A later action about the customer is refused with its reason.
    advisor = live_server.client("advisor")
    result = advisor.post(
        "/api/v1/mutations",
        json={
            "workstation_id": "ws-test",
            "mutations": [
                {
                    "id": "6f1b2c1e-4a8e-4a57-9d1c-1a2b3c4d5e6f",
                    "kind": "note",
                    "payload": {
                        "interaction_id": "n-late",
                        "customer_id": "c-north-2",
                        "text": "late",
                        "created_at": "2026-11-23T06:00:00Z",
                    },
                }
            ],
        },
    ).json()["results"][0]
    assert result["status"] == "rejected"
    assert result["reason"].startswith("customer_erased")
    # Non-admins may neither erase nor export.
    assert advisor.post("/api/v1/customers/c-north-1/erase", json={}).status_code == 403
    assert advisor.get("/api/v1/customers/c-north-1/export").status_code == 403
