"""A network that fails and a server that misbehaves: never a crash, never a corrupt cache, a clear
error, and every action reaching the centre exactly once when things come back.

The proxy (``sync_faults.FaultyProxy``) is a real socket server between the desk and the reference
server; faults are chosen per request path."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

import pytest
from sync_support import cache_contents, grant, outbox_rows, server_count, server_view

from advisor_desk.domain.model import CaseStatus, DecisionStatus
from advisor_desk.sync.client import BadAnswer, ServerError, Unreachable
from advisor_desk.sync.engine import SyncState

FEED_FAULTS = [
    ("reset", Unreachable),
    ("hang", Unreachable),
    ("500", ServerError),
    ("503", ServerError),
    ("html", BadAnswer),
    ("garbage", BadAnswer),
    ("wrong_shape", BadAnswer),
    ("truncate", BadAnswer),
]


def _on(path_part: str, fault: str):
    return lambda method, path: fault if path_part in path else "pass"


@pytest.mark.parametrize(("fault", "error"), FEED_FAULTS)
def test_a_bad_feed_answer_leaves_the_cache_intact(live_server, desks, proxy_factory, fault, error) -> None:
    live_server.seed_world()
    proxy = proxy_factory(live_server.url)
    desk = desks(proxy.url, "advisor", timeout=(2, 2))
    assert desk.engine.sync_once().ok
    before = cache_contents(desk.path)
    cursor = desk.cache.cursor()
    customer = desk.cache.customer("c-north-2")
    live_server.save(dataclasses.replace(customer, tier="gold", updated_at=datetime.now(UTC)))

    proxy.fault = _on("/changes", fault)
    report = desk.engine.sync_once()
    assert isinstance(report.failure, error)
    assert report.errors and report.errors[0] == report.failure.user_message
    assert desk.engine.state is SyncState.OFFLINE
    assert desk.engine.last_error == report.failure.user_message
    assert cache_contents(desk.path) == before
    assert desk.cache.cursor() == cursor
    assert desk.cache.integrity_check() == "ok"

    proxy.fault = "pass"
    report = desk.engine.sync_once()
    assert report.ok, report.errors
    assert desk.engine.last_error == ""
    assert cache_contents(desk.path) == server_view(live_server, "advisor")


@pytest.mark.parametrize("fault", ["reset", "500", "garbage", "wrong_shape", "truncate"])
def test_a_bad_push_answer_keeps_the_action_and_sends_it_once(
    live_server, desks, proxy_factory, fault
) -> None:
    live_server.seed_world()
    proxy = proxy_factory(live_server.url)
    desk = desks(proxy.url, "advisor", timeout=(2, 5))
    assert desk.engine.sync_once().ok
    decision = grant(desk, "c-north-1", 700)

    proxy.fault = _on("/mutations", fault)
    report = desk.engine.sync_once()
    assert report.failure is not None
    assert [s for _, _, s in outbox_rows(desk.path)] == ["pending"]
    assert desk.cache.integrity_check() == "ok"

    proxy.fault = "pass"
    report = desk.engine.sync_once()
    assert report.ok, report.errors
    assert report.applied + report.duplicates == 1
    assert [s for _, _, s in outbox_rows(desk.path)] == ["confirmed"]
    assert server_count(live_server, "DecisionRow", id=decision.id) == 1
    assert desk.cache.decision(decision.id).status is DecisionStatus.GRANTED


def test_the_same_batch_delivered_twice_has_one_effect(live_server, desks, proxy_factory) -> None:
    """The server applies the batch but its answer is lost: the desk sends it again and gets
    ``duplicate`` for each, with the first result."""
    live_server.seed_world()
    proxy = proxy_factory(live_server.url)
    desk = desks(proxy.url, "advisor")
    assert desk.engine.sync_once().ok
    decision = grant(desk, "c-north-1", 600)
    note = desk.cache.add_note("c-north-1", None, "voucher explained", desk.user)

    proxy.fault = _on("/mutations", "lose_answer")
    assert isinstance(desk.engine.sync_once().failure, Unreachable)
    assert server_count(live_server, "MutationLogRow") == 2  # it did arrive

    proxy.fault = "pass"
    report = desk.engine.sync_once()
    assert report.ok, report.errors
    assert (report.applied, report.duplicates) == (0, 2)
    assert server_count(live_server, "DecisionRow", id=decision.id) == 1
    assert server_count(live_server, "InteractionRow", id=note.id) == 1
    assert desk.cache.decision(decision.id).status is DecisionStatus.GRANTED

    # and the raw batch once more, straight at the server: still one effect, same answers
    entries = [{"id": i, "kind": k, "payload": {}} for i, k, _ in outbox_rows(desk.path)]
    results = desk.client.push(desk.engine.workstation_id(), entries)
    assert {r.status.value for r in results} == {"rejected"}  # same ids, other payload: id_reused
    assert server_count(live_server, "DecisionRow", id=decision.id) == 1


def test_actions_taken_offline_reach_the_server_once_on_reconnection(
    live_server, desks, proxy_factory
) -> None:
    live_server.seed_world()
    proxy = proxy_factory(live_server.url)
    desk = desks(proxy.url, "advisor")
    assert desk.engine.sync_once().ok
    proxy.fault = "reset"  # the network is gone

    note = desk.cache.add_note(
        "c-north-1", "c-north-1-case", "customer called, waiting for carrier", desk.user
    )
    case = desk.cache.case("c-north-1-case")
    desk.cache.change_case_status(case.id, CaseStatus.IN_PROGRESS, case.version, by=desk.user)
    decisions = [grant(desk, "c-north-1", 400, offline=True), grant(desk, "c-north-2", 300, offline=True)]
    for _ in range(3):
        report = desk.engine.sync_once()
        assert isinstance(report.failure, Unreachable)
        assert report.pending == 4
    assert desk.engine.state is SyncState.OFFLINE
    assert "cannot be reached" in desk.engine.last_error

    proxy.fault = "pass"
    report = desk.engine.sync_once()
    assert report.ok, report.errors
    assert (report.applied, report.pending) == (4, 0)
    for d in decisions:
        assert server_count(live_server, "DecisionRow", id=d.id) == 1
        assert desk.cache.decision(d.id).status is DecisionStatus.GRANTED
    assert server_count(live_server, "InteractionRow", id=note.id) == 1
    assert desk.cache.case("c-north-1-case").status is CaseStatus.IN_PROGRESS
    assert server_count(live_server, "MutationLogRow") == 4
    assert cache_contents(desk.path) == server_view(live_server, "advisor")


def test_a_refused_action_is_marked_and_does_not_block_the_ones_behind(live_server, desks) -> None:
    live_server.seed_world()
    first = desks(live_server.url, "advisor", "ws1")
    second = desks(live_server.url, "advisor", "ws2")
    assert first.engine.sync_once().ok and second.engine.sync_once().ok
    # each workstation alone fits the budget of 8,000 per customer; together they do not
    big = [grant(first, "c-north-1", 5_000)]
    late = [grant(second, "c-north-1", 5_000)]
    note = second.cache.add_note("c-north-1", None, "after the gesture", second.user)
    assert first.engine.sync_once().applied == 1
    report = second.engine.sync_once()
    assert (report.rejected, report.applied) == (1, 1)
    assert report.rejections and report.rejections[0][0] != note.id
    assert any("refused" in e for e in report.errors)
    assert second.cache.decision(late[0].id).status is DecisionStatus.REJECTED
    assert first.cache.decision(big[0].id).status is DecisionStatus.GRANTED
    assert server_count(live_server, "InteractionRow", id=note.id) == 1


def test_a_conflict_refreshes_the_case_and_tells_the_user(live_server, desks) -> None:
    live_server.seed_world()
    first = desks(live_server.url, "advisor", "ws1")
    second = desks(live_server.url, "advisor2", "ws2")
    assert first.engine.sync_once().ok and second.engine.sync_once().ok
    case = first.cache.case("c-north-1-case")
    first.cache.change_case_status(case.id, CaseStatus.IN_PROGRESS, case.version, by=first.user)
    second.cache.change_case_status(case.id, CaseStatus.WAITING_CUSTOMER, case.version, by=second.user)
    assert first.engine.sync_once().applied == 1
    report = second.engine.sync_once()
    assert report.ok and report.conflicts == 1
    assert any("change made elsewhere" in e for e in report.errors)
    assert second.cache.case(case.id).status is CaseStatus.IN_PROGRESS
    assert [s for _, _, s in outbox_rows(second.path)] == ["conflict"]


def test_one_advisor_on_two_workstations_converges(live_server, desks) -> None:
    live_server.seed_world()
    a = desks(live_server.url, "advisor", "ws-a")
    b = desks(live_server.url, "advisor", "ws-b")
    assert a.engine.sync_once().ok and b.engine.sync_once().ok
    assert a.engine.workstation_id() != b.engine.workstation_id()
    da = grant(a, "c-north-1", 300)
    db = grant(b, "c-north-2", 300)
    na = a.cache.add_note("c-north-2", None, "from desk A", a.user)
    for desk in (a, b, a, b):
        assert desk.engine.sync_once().ok
    view = server_view(live_server, "advisor")
    assert cache_contents(a.path) == view == cache_contents(b.path)
    assert ("decision", da.id) in view and ("decision", db.id) in view and ("interaction", na.id) in view
    # each workstation's own decision chain was acknowledged under its own id
    assert len(a.client.chain(a.engine.workstation_id())) == 1
    assert len(b.client.chain(b.engine.workstation_id())) == 1


def test_an_entry_the_server_refuses_as_a_request_is_isolated_and_the_rest_go_through(
    live_server, desks
) -> None:
    """An outbox entry the server refuses outright (here a payload with an unknown field, as an older
    or buggy version might have written) is found by halving the batch, marked rejected, and every
    other entry is delivered."""
    import sqlite3

    live_server.seed_world()
    desk = desks(live_server.url, "advisor")
    assert desk.engine.sync_once().ok
    notes = [desk.cache.add_note("c-north-1", None, f"note {n}", desk.user) for n in range(7)]
    bad_id = outbox_rows(desk.path)[3][0]
    conn = sqlite3.connect(desk.path)
    payload = conn.execute("SELECT payload FROM outbox WHERE id = ?", (bad_id,)).fetchone()[0]
    conn.execute("UPDATE outbox SET payload = ? WHERE id = ?", (payload[:-1] + ', "colour": "blue"}', bad_id))
    conn.commit()
    conn.close()

    report = desk.engine.sync_once()
    assert report.ok, report.errors
    assert (report.applied, report.rejected, report.pending) == (6, 1, 0)
    statuses = {i: s for i, _, s in outbox_rows(desk.path)}
    assert statuses[bad_id] == "rejected"
    assert sum(1 for s in statuses.values() if s == "confirmed") == 6
    for note in notes:
        expected = 0 if note.id == _note_of(desk, bad_id) else 1
        assert server_count(live_server, "InteractionRow", id=note.id) == expected


def _note_of(desk, mutation_id: str) -> str:
    import json
    import sqlite3

    conn = sqlite3.connect(desk.path)
    try:
        (payload,) = conn.execute("SELECT payload FROM outbox WHERE id = ?", (mutation_id,)).fetchone()
    finally:
        conn.close()
    return json.loads(payload)["interaction_id"]
