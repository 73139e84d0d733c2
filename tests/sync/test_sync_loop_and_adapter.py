"""The engine's background loop (backoff, recovery, sync now, long-poll wake-up) and its Qt adapter."""

from __future__ import annotations

import dataclasses
import random
import threading
from datetime import UTC, datetime

import pytest
from sync_faults import wait_until
from sync_support import cache_contents, server_view

from advisor_desk.sync.engine import SyncEngine, SyncReport, SyncState


def test_backoff_grows_with_full_jitter_and_stays_capped(live_server, desks) -> None:
    live_server.create_user("alice")
    desk = desks(live_server.url, "alice", rng=random.Random(7), backoff_base=1.0, backoff_cap=60.0)
    engine: SyncEngine = desk.engine
    assert engine.next_delay() == engine.interval
    ceilings = []
    for failures in range(1, 12):
        engine._failures = failures
        delays = [engine.next_delay() for _ in range(200)]
        ceiling = min(60.0, 2 ** (failures - 1))
        assert all(0 < d <= ceiling for d in delays)
        assert max(delays) > ceiling * 0.8  # spread over the whole range (full jitter)
        ceilings.append(max(delays))
    assert max(ceilings) <= 60.0
    engine.request_sync_now()  # the user asked: no waiting out the backoff
    assert engine.next_delay() == engine.interval


def test_the_loop_recovers_by_itself_and_syncs_now_on_request(live_server, desks, proxy_factory) -> None:
    live_server.seed_world()
    proxy = proxy_factory(live_server.url)
    desk = desks(proxy.url, "advisor", interval=30.0, backoff_base=0.05, backoff_cap=0.2, long_poll_wait=0)
    assert desk.engine.sync_once().ok
    proxy.fault = "reset"  # the network goes down
    states: list[SyncState] = []
    reports: list[SyncReport] = []
    desk.engine.state_listeners.add(states.append)
    desk.engine.report_listeners.add(reports.append)
    stop = threading.Event()
    worker = threading.Thread(target=desk.engine.run, args=(stop,), name="test-sync")
    worker.start()
    try:
        assert wait_until(lambda: len(reports) >= 3)  # retried quickly while down
        assert desk.engine.state is SyncState.OFFLINE
        assert all(not r.ok for r in reports)
        proxy.fault = "pass"
        assert wait_until(lambda: desk.engine.state is SyncState.ONLINE)  # recovered alone
        assert SyncState.SYNCING in states
        done = len(reports)
        # a local action and "sync now": sent without waiting for the 30 s interval
        desk.cache.add_note("c-north-1", None, "sent at once", desk.user)
        desk.engine.request_sync_now()
        assert wait_until(lambda: len(reports) > done and reports[-1].applied == 1)
    finally:
        stop.set()
        worker.join(10)
    assert not worker.is_alive()


def test_a_change_at_the_centre_arrives_through_the_long_poll(live_server, desks) -> None:
    live_server.seed_world()
    desk = desks(live_server.url, "advisor", interval=60.0, long_poll_wait=2)
    reports: list[SyncReport] = []
    desk.engine.report_listeners.add(reports.append)
    stop = threading.Event()
    worker = threading.Thread(target=desk.engine.run, args=(stop,), name="test-sync")
    worker.start()
    try:
        assert wait_until(lambda: desk.engine.state is SyncState.ONLINE)
        assert wait_until(lambda: desk.engine.long_poll_supported is True, timeout=10)
        customer = desk.cache.customer("c-north-1")
        live_server.save(dataclasses.replace(customer, tier="vip", updated_at=datetime.now(UTC)))
        # far sooner than the 60 s interval
        assert wait_until(lambda: (c := desk.cache.customer("c-north-1")) is not None and c.tier == "vip")
    finally:
        stop.set()
        worker.join(10)
    assert not worker.is_alive()
    assert cache_contents(desk.path) == server_view(live_server, "advisor")


@pytest.mark.gui
def test_the_adapter_reports_by_signals_and_stops_cleanly(qtbot, live_server, desks, proxy_factory) -> None:
    from advisor_desk.ui.sync_adapter import SyncAdapter

    live_server.seed_world()
    proxy = proxy_factory(live_server.url)
    desk = desks(proxy.url, "advisor", interval=30.0, backoff_base=0.05, backoff_cap=0.2, long_poll_wait=1)
    desk.engine.sync_once()
    desk.cache.add_note("c-north-1", None, "waiting", desk.user)
    adapter = SyncAdapter(desk.engine)
    states: list[str] = []
    adapter.stateChanged.connect(states.append)
    pending: list[int] = []
    adapter.pendingChanged.connect(pending.append)
    errors: list[str] = []
    adapter.errorChanged.connect(errors.append)
    last: list[object] = []
    adapter.lastSyncChanged.connect(last.append)
    failures: list[tuple[str, str]] = []
    adapter.failureChanged.connect(lambda code, message: failures.append((code, message)))
    try:
        with qtbot.waitSignal(adapter.syncFinished, timeout=10_000) as finished:
            adapter.start()
        report = finished.args[0]
        assert isinstance(report, SyncReport) and report.applied == 1
        assert pending[0] == 1  # announced from the cache before the first sync of the session
        assert pending[-1] == 0
        assert isinstance(last[-1], datetime)
        qtbot.waitUntil(lambda: bool(states) and states[-1] == "online", timeout=5_000)

        proxy.fault = "reset"
        with qtbot.waitSignal(adapter.errorChanged, timeout=10_000) as error:
            adapter.syncNow()
        assert "cannot be reached" in error.args[0]
        qtbot.waitUntil(lambda: bool(failures) and failures[-1][0] == "unreachable", timeout=5_000)
        qtbot.waitUntil(lambda: states[-1] == "offline", timeout=5_000)

        proxy.fault = "pass"
        qtbot.waitUntil(lambda: states[-1] == "online", timeout=10_000)
        assert errors[-1] == ""
        qtbot.waitUntil(lambda: failures[-1] == ("", ""), timeout=5_000)

        with qtbot.waitSignal(adapter.customerFetched, timeout=10_000) as fetched:
            adapter.fetchCustomer("c-north-2")
        assert fetched.args[0] == "c-north-2" and fetched.args[1] > 1
        with qtbot.waitSignal(adapter.customerFetchFailed, timeout=10_000) as failed:
            adapter.fetchCustomer("c-south-1")  # another team's: not for this advisor
        assert failed.args[0] == "c-south-1" and failed.args[2]
    finally:
        assert adapter.stop(timeout=15)
        adapter.close()
    assert not adapter.running
