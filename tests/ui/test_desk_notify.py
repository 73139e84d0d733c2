"""A new inbound message on the customer on screen: the timeline shows it at once and a discreet notice
says which channel — never the message text or the customer's name. Driven end to end: the real
reference server on loopback writes the message, the desk's real sync engine pulls it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from conftest import settle

from advisor_desk.domain.channels import Channel
from advisor_desk.domain.model import Direction, Interaction
from advisor_desk.ui.main_window import MainWindow

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore("does not support propagateSizeHints", "does not support raise"),
]

SECRET_TEXT = "Mon code porte est 4821B, rappelez-moi"


def timeline_ids(window: MainWindow) -> set[str]:
    return {iid for group in window.timeline.model.groups() for iid in group.ids}


def test_a_new_inbound_message_on_the_open_customer_shows_and_is_noticed(
    qtbot: Any, live_desk: Any, live_server: Any
) -> None:
    window, ctx, adapter = live_desk.window, live_desk.ctx, live_desk.adapter
    noticed: list[str] = []
    window.inboundMessageNoticed.connect(noticed.append)
    window.open_customer("c-north-1", "c-north-1-case")
    settle(qtbot, ctx)
    qtbot.waitUntil(lambda: window.timeline.loaded, timeout=5000)
    assert "c-north-1-i0" in timeline_ids(window)
    assert not window.notifier.toast.isVisible()

    # A sync that brings nothing new for this customer stays quiet.
    with qtbot.waitSignal(adapter.syncFinished, timeout=10_000):
        adapter.start()
    settle(qtbot, ctx)
    assert noticed == []

    now = datetime.now(UTC)
    inbound = Interaction(
        "c-north-1-chat-new",
        "c-north-1",
        Channel.CHAT,
        Direction.INBOUND,
        now,
        SECRET_TEXT,
        case_id="c-north-1-case",
        author="Hélène Dupont",
    )
    # newer, but ours: an advisor's reply written elsewhere is not announced
    reply = Interaction(
        "c-north-1-reply-new",
        "c-north-1",
        Channel.EMAIL,
        Direction.OUTBOUND,
        now + timedelta(seconds=1),
        "Nous regardons",
        case_id="c-north-1-case",
        author="Agent",
    )
    live_server.save(inbound, reply)
    qtbot.waitUntil(lambda: bool(noticed), timeout=10_000)
    assert noticed == ["c-north-1-chat-new"]
    # the timeline shows the message without the advisor doing anything
    qtbot.waitUntil(lambda: "c-north-1-chat-new" in timeline_ids(window), timeout=5000)
    if not window.notifier.uses_tray:
        toast = window.notifier.toast
        assert toast.isVisible()
        assert "Chat" in toast.text()
        for personal in (SECRET_TEXT, "4821B", "Dupont", "Hélène"):
            assert personal not in toast.text()

    # the next syncs do not announce it again
    with qtbot.waitSignal(adapter.syncFinished, timeout=10_000):
        adapter.syncNow()
    settle(qtbot, ctx)
    assert noticed == ["c-north-1-chat-new"]
