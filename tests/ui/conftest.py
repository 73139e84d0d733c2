"""Fixtures of the desk tests: Qt offscreen, a real SQLite cache filled through the feed's own entry
point (``apply_page`` with wire data), a DeskContext over it with a settable clock, and the window."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable, Iterator  # noqa: E402
from dataclasses import dataclass  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

import pytest  # noqa: E402
from desk_world import ADVISOR, Clock, World, build_world  # noqa: E402


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def world(tmp_path: Path, clock: Clock) -> Iterator[World]:
    w = build_world(tmp_path / "desk.cache.sqlite3", clock)
    yield w
    w.cache.close()


@pytest.fixture
def make_ctx(qapp: Any, tmp_path: Path, clock: Clock) -> Iterator[Callable[..., Any]]:
    """Build DeskContexts; every task runner is shut down (threads joined) after the test."""
    from advisor_desk.ui import theme
    from advisor_desk.ui.changes import ChangeBus
    from advisor_desk.ui.context import Authority, DeskContext
    from advisor_desk.ui.icons import IconRegistry
    from advisor_desk.ui.settings import DeskSettings
    from advisor_desk.ui.tasks import TaskRunner

    made: list[Any] = []
    theme.apply_theme(qapp, "light")

    def make(cache: Any, user: Any = ADVISOR, **kw: Any) -> Any:
        kw.setdefault("authority", Authority("EUR", 30_000, 26_500, 15_000, {}))
        ctx = DeskContext(
            cache=cache,
            user=user,
            settings=DeskSettings.in_file(tmp_path / "settings.ini"),
            tasks=TaskRunner(),
            icons=IconRegistry("#202124"),
            changes=ChangeBus(),
            clock=clock,
            **kw,
        )
        made.append(ctx)
        return ctx

    yield make
    for ctx in made:
        ctx.tasks.shutdown(wait=True)


@pytest.fixture
def ctx(make_ctx: Callable[..., Any], world: World) -> Any:
    return make_ctx(world.cache)


def settle(qtbot: Any, ctx: Any, timeout: int = 5000) -> None:
    """Wait until every background task was delivered, then let the event loop run once more."""
    qtbot.waitUntil(lambda: ctx.tasks.is_idle(), timeout=timeout)
    qtbot.wait(20)
    qtbot.waitUntil(lambda: ctx.tasks.is_idle(), timeout=timeout)


@pytest.fixture
def window(qtbot: Any, ctx: Any) -> Any:
    from advisor_desk.ui.main_window import MainWindow

    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w.show()
    settle(qtbot, ctx)
    return w


@dataclass
class LiveDesk:
    """The advisor's window on a real cache synced from the live server, its sync engine stopped."""

    window: Any
    ctx: Any
    adapter: Any
    cache: Any


@pytest.fixture
def live_desk(
    qtbot: Any, make_ctx: Callable[..., Any], live_server: Any, tmp_path: Path
) -> Iterator[LiveDesk]:
    """The seed world's advisor (team north) at a desk wired end to end to the reference server on
    loopback: first sync done, the engine ready to be started (short interval, no long-poll)."""
    from advisor_desk.cache.store import LocalCache
    from advisor_desk.sync.client import ApiClient
    from advisor_desk.sync.engine import SyncEngine
    from advisor_desk.ui.main_window import MainWindow
    from advisor_desk.ui.sync_adapter import SyncAdapter

    live_server.seed_world()
    client = ApiClient(live_server.url)
    session = client.login("advisor", "pw")
    cache = LocalCache.open(tmp_path / "live.cache.sqlite3")
    try:
        cache.save_me(client.me())
        assert SyncEngine(cache, client, None).sync_once().ok
        engine = SyncEngine(cache, client, None, interval=0.2, backoff_cap=0.5, long_poll_wait=0)
        adapter = SyncAdapter(engine)
        ctx = make_ctx(
            cache, user=session.user, sync=adapter, engine=engine, client=client, server_url=client.base_url
        )
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        window.resize(1400, 900)
        window.show()
        try:
            yield LiveDesk(window, ctx, adapter, cache)
        finally:
            assert adapter.stop(10)
            settle(qtbot, ctx)
    finally:
        client.close()
        cache.close()
