"""The changes feed: complete pages, latest change only, per-user visibility, resets and long-polling."""

from __future__ import annotations

import threading
import time
from dataclasses import replace
from datetime import UTC, datetime

import httpx
import pytest

from advisor_desk.domain import model
from advisor_desk.domain.channels import Channel
from advisor_desk.domain.wire import EntityKind, to_wire
from server.support import Workstation, drain, latest


def _interactions(customer_id: str, count: int) -> list[model.Interaction]:
    now = datetime.now(UTC)
    return [
        model.Interaction(
            f"{customer_id}-bulk-{n}", customer_id, Channel.SMS, model.Direction.INBOUND, now, f"message {n}"
        )
        for n in range(count)
    ]


def _open_case(customer_id: str, team: str = "north") -> model.Case:
    return model.Case(
        f"{customer_id}-case",
        customer_id,
        model.CaseKind.REQUEST,
        model.ComplaintCategory.REQUEST,
        model.CaseStatus.NEW,
        Channel.EMAIL,
        "Question",
        datetime.now(UTC),
        team,
    )


def test_draining_in_small_pages_misses_nothing(live_server) -> None:
    live_server.seed_world()
    live_server.save(*_interactions("c-north-1", 120))
    client = live_server.client("advisor")
    everything, _ = drain(client, limit=1000)
    in_pages, cursor = drain(client, limit=7)
    assert [c["id"] for c in in_pages] == [c["id"] for c in everything]
    # A customer entering the scope comes with what hangs on it, so an entity may appear twice;
    # the state a workstation ends with is what counts.
    assert latest(in_pages) == latest(everything)
    ids = set(latest(in_pages))
    assert {("interaction", f"c-north-1-bulk-{n}") for n in range(120)} <= ids
    assert ("customer", "c-north-2") in ids and ("envelope", "advisor") in ids
    assert ("gesture_type", "refund") in ids and ("response_target", "email") in ids
    # Nothing after the end, and the cursor stays put.
    page = client.get("/api/v1/changes", params={"after": cursor}).json()
    assert page == {"changes": [], "next": cursor, "has_more": False}


def test_data_is_the_wire_form_and_only_the_latest_change_is_kept(live_server) -> None:
    live_server.seed_world()
    client = live_server.client("advisor")
    _, cursor = drain(client)
    customer = model.Customer("c-north-9", "Ana", "Lima", team="north")
    # An open case brings the customer into the team's scope.
    live_server.save(customer, _open_case("c-north-9"))
    _, cursor = drain(client, after=cursor)
    for name in ("Anna", "Annabelle", "Anouk"):
        customer = replace(customer, first_name=name)
        live_server.save(customer)
    changes, _ = drain(client, after=cursor)
    assert [(c["entity"], c["id"], c["op"]) for c in changes] == [("customer", "c-north-9", "upsert")]
    assert changes[0]["data"] == to_wire(customer)


def test_each_user_receives_only_what_is_theirs(live_server) -> None:
    world = live_server.seed_world()
    for username, customer_id in (
        ("advisor", "c-north-1"),
        ("other", "c-south-1"),
        ("advisor2", "c-north-2"),
    ):
        station = Workstation()
        [result] = station.send(live_server.client(username), station.grant(customer_id, 1_000))
        assert result["status"] == "applied"

    def seen(username: str) -> dict[tuple[str, str], dict]:
        return latest(drain(live_server.client(username))[0])

    for_advisor = seen("advisor")
    customers = {i for (k, i) in for_advisor if k == "customer"}
    assert customers == set(world.customers["north"])
    assert not any(i.startswith("c-south") for (_k, i) in for_advisor)
    decisions = [c["data"] for (k, _i), c in for_advisor.items() if k == "decision"]
    assert [d["user_id"] for d in decisions] == [world.users["advisor"].id], "only one's own decisions"
    assert {i for (k, i) in for_advisor if k == "envelope"} == {"advisor"}

    for_lead = seen("lead")
    lead_decisions = {c["data"]["user_id"] for (k, _i), c in for_lead.items() if k == "decision"}
    assert lead_decisions == {world.users["advisor"].id, world.users["advisor2"].id}
    assert {i for (k, i) in for_lead if k == "envelope"} == {"team_lead"}

    for_other = seen("other")
    assert {i for (k, i) in for_other if k == "customer"} == {"c-south-1"}
    assert {c["data"]["user_id"] for (k, _i), c in for_other.items() if k == "decision"} == {
        world.users["other"].id
    }
    store_staff = seen("store")
    assert not any(k == "decision" for (k, _i) in store_staff)


def test_erasing_a_customer_reaches_workstations_as_deletes(live_server) -> None:
    live_server.seed_world()
    client = live_server.client("advisor")
    _, cursor = drain(client)
    live_server.delete(EntityKind.CUSTOMER, "c-north-1")
    changes, _ = drain(client, after=cursor)
    deleted = {(c["entity"], c["id"]) for c in changes if c["op"] == "delete"}
    assert deleted == {
        ("customer", "c-north-1"),
        ("order", "c-north-1-o1"),
        ("case", "c-north-1-case"),
        ("interaction", "c-north-1-i0"),
        ("interaction", "c-north-1-i1"),
    }
    assert all(c["data"] is None for c in changes)
    # A workstation starting from scratch sees them as deletions too (tombstones are kept).
    fresh = latest(drain(client)[0])
    assert {c["op"] for (_k, i), c in fresh.items() if i.startswith("c-north-1")} == {"delete"}
    # Another team's workstation hears nothing of it.
    assert drain(live_server.client("other"), after=cursor)[0] == []


@pytest.mark.parametrize("after", ["999999", "-1", "abc", "1.5", "9" * 30])
def test_an_unknown_cursor_asks_for_a_reset(live_server, after: str) -> None:
    live_server.seed_world()
    response = live_server.client("advisor").get("/api/v1/changes", params={"after": after})
    assert response.status_code == 410
    assert response.json()["error"]["code"] == "reset_required"


@pytest.mark.parametrize(
    "params", [{"limit": 0}, {"limit": 1001}, {"limit": "x"}, {"wait": 31}, {"wait": -1}]
)
def test_out_of_range_parameters_are_refused(live_server, params: dict) -> None:
    live_server.seed_world()
    response = live_server.client("advisor").get("/api/v1/changes", params=params)
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "validation_error"


@pytest.mark.allow_threads  # the writer thread is joined; anyio's idle workers linger a moment
def test_long_polling_answers_as_soon_as_a_change_arrives(live_server) -> None:
    live_server.seed_world()
    client = live_server.client("advisor")
    _, cursor = drain(client)

    started = time.monotonic()
    empty = client.get("/api/v1/changes", params={"after": cursor, "wait": 0.6}).json()
    assert empty["changes"] == [] and empty["next"] == cursor
    assert time.monotonic() - started >= 0.5, "held while nothing came"

    # Another team's change does not wake this user's poll...
    def write_later() -> None:
        time.sleep(0.4)
        live_server.save(
            model.Customer("c-south-7", "Zoe", "Martin", team="south"), _open_case("c-south-7", "south")
        )
        time.sleep(0.4)
        live_server.save(model.Customer("c-north-7", "Léa", "Martin", team="north"), _open_case("c-north-7"))

    writer = threading.Thread(target=write_later)
    writer.start()
    started = time.monotonic()
    page = client.get("/api/v1/changes", params={"after": cursor, "wait": 20}).json()
    elapsed = time.monotonic() - started
    writer.join()
    assert {c["id"] for c in page["changes"]} == {"c-north-7", "c-north-7-case"}
    assert elapsed < 10, "answered when the change came, not at the end of the wait"


def test_feed_needs_a_valid_token(live_server) -> None:
    response = httpx.get(live_server.api + "/changes")
    assert response.status_code == 401
