"""The desk with its real sync engine: offline shown without freezing, needs-login banner, and the whole
path from the real reference server on loopback to the window (login, first sync, queue, search)."""

from __future__ import annotations

import socket
from typing import Any

import pytest
from conftest import settle
from PySide6.QtCore import Qt

from advisor_desk.sync.client import ApiClient
from advisor_desk.sync.engine import SyncEngine
from advisor_desk.ui.main_window import MainWindow
from advisor_desk.ui.sync_adapter import SyncAdapter

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore("does not support propagateSizeHints", "does not support raise"),
]


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def make_window(
    qtbot: Any, make_ctx: Any, cache: Any, client: ApiClient, **kw: Any
) -> tuple[MainWindow, SyncAdapter]:
    engine = SyncEngine(cache, client, None, interval=0.2, backoff_cap=0.5, long_poll_wait=0)
    adapter = SyncAdapter(engine)
    ctx = make_ctx(cache, sync=adapter, engine=engine, client=client, server_url=client.base_url, **kw)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    return window, adapter


def test_offline_is_shown_and_the_desk_keeps_working(qtbot: Any, make_ctx: Any, world: Any) -> None:
    client = ApiClient(f"http://127.0.0.1:{closed_port()}", timeout=(0.5, 0.5))
    client.set_refresh_token("stored-token")
    window, adapter = make_window(qtbot, make_ctx, world.cache, client)
    try:
        adapter.start()
        qtbot.waitUntil(
            lambda: window.status.indicator.state == "offline" and bool(window.status.indicator.error),
            timeout=10_000,
        )
        assert "Offline" in window.status.indicator.text.text()
        assert "Offline" in window.sync_button.toolTip()
        # the desk still reads the cache and takes actions, which wait in the outbox
        settle(qtbot, window.ctx)
        assert window.queue.model.rowCount() == 5
        world.cache.add_note("cust-01", "case-limit", "Hors ligne mais noté", window.ctx.user)
        adapter.engine.announce_pending()
        qtbot.waitUntil(lambda: window.status.indicator.pending == 1, timeout=5000)
        assert (
            "1 action(s) waiting" in window.status.indicator.text.text()
            or "1 action waiting" in window.status.indicator.text.text()
        )
        window.status.show_details()
        assert window.status.details.isVisible()
        window.status.details.close()
    finally:
        assert adapter.stop(10)
        client.close()
        settle(qtbot, window.ctx)


def test_a_refused_session_shows_the_needs_login_banner(
    qtbot: Any, make_ctx: Any, world: Any, live_server: Any
) -> None:
    live_server.seed_world()
    client = ApiClient(live_server.url)
    client.set_refresh_token("revoked-or-unknown")
    window, adapter = make_window(qtbot, make_ctx, world.cache, client)
    try:
        adapter.start()
        qtbot.waitUntil(
            lambda: window.banner.kind == "needs_login" and window.banner.isVisible(), timeout=10_000
        )
        assert "log in again" in window.banner.text.text()
        assert window.status.indicator.state == "needs_login"
    finally:
        assert adapter.stop(10)
        client.close()
        settle(qtbot, window.ctx)


def test_from_the_reference_server_to_the_window(
    qtbot: Any, make_ctx: Any, live_server: Any, tmp_path: Any
) -> None:
    from advisor_desk.cache.store import LocalCache
    from advisor_desk.ui.context import Authority

    live_server.seed_world()
    client = ApiClient(live_server.url)
    session = client.login("advisor", "pw")
    cache = LocalCache.open(tmp_path / "live.cache.sqlite3")
    try:
        cache.save_me(client.me())
        report = SyncEngine(cache, client, None).sync_once()
        assert report.ok, report.errors
        from desk_world import Clock

        window, adapter = make_window(
            qtbot,
            make_ctx,
            cache,
            client,
            user=session.user,
            authority=Authority.from_snapshot(cache.authority_snapshot()),
        )
        window.ctx.clock = Clock(__import__("datetime").datetime.now(__import__("datetime").UTC))
        try:
            adapter.start()
            qtbot.waitUntil(lambda: window.status.indicator.state == "online", timeout=10_000)
            window.queue.refresh()
            settle(qtbot, window.ctx)
            rows = window.queue.rows_in_view_order()
            assert rows and all(r.customer_id.startswith("c-north") for r in rows)
            # nothing of the other team reached this desk, and its customers are found centrally only
            assert cache.customer("c-south-1") is None
            box = window.search
            box.focus_search()
            qtbot.keyClicks(box, "Dupont")
            qtbot.waitUntil(
                lambda: any(r.customer.id == "c-north-1" for r in box.model.results()), timeout=5000
            )
            qtbot.keyClick(box, Qt.Key.Key_Return)
            settle(qtbot, window.ctx)
            assert window.customer_id == "c-north-1"
            assert "Dupont" in window.header.name.text()
            assert "budget left today" in window.user_label.text()
        finally:
            assert adapter.stop(10)
            settle(qtbot, window.ctx)
    finally:
        client.close()
        cache.close()


def test_a_customer_found_only_centrally_is_fetched_on_demand_and_opened(
    qtbot: Any, make_ctx: Any, live_server: Any, tmp_path: Any
) -> None:
    from datetime import UTC, datetime

    from advisor_desk.cache.store import LocalCache
    from advisor_desk.domain.model import Customer

    live_server.seed_world()
    client = ApiClient(live_server.url)
    session = client.login("advisor", "pw")
    cache = LocalCache.open(tmp_path / "fetch.cache.sqlite3")
    try:
        cache.save_me(client.me())
        assert SyncEngine(cache, client, None).sync_once().ok
        # a customer the centre got after this desk's last sync
        live_server.save(
            Customer(
                "c-north-new",
                "Zélie",
                "Nouvelle",
                emails=("zelie@example.com",),
                team="north",
                updated_at=datetime.now(UTC),
            )
        )
        window, adapter = make_window(qtbot, make_ctx, cache, client, user=session.user)
        try:
            box = window.search
            box.online = True  # as the adapter says once a sync went well; the loop is not started here
            box.focus_search()
            qtbot.keyClicks(box, "Nouvelle")
            qtbot.waitUntil(
                lambda: any(r.customer.id == "c-north-new" for r in box.model.results()), timeout=10_000
            )
            (found,) = [r for r in box.model.results() if r.customer.id == "c-north-new"]
            assert (
                not found.local and "central" in box.model.index(box.model.results().index(found), 0).data()
            )
            box.list.setCurrentIndex(box.model.index(box.model.results().index(found), 0))
            qtbot.keyClick(box, Qt.Key.Key_Return)
            qtbot.waitUntil(lambda: window.customer_id == "c-north-new", timeout=10_000)
            settle(qtbot, window.ctx)
            assert cache.customer("c-north-new") is not None  # kept in the cache
            assert "Nouvelle" in window.header.name.text()
        finally:
            assert adapter.stop(10)
            settle(qtbot, window.ctx)
    finally:
        client.close()
        cache.close()
