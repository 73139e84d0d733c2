"""The status bar counts waiting actions again after every local write published on the change bus."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import settle

from advisor_desk.domain.model import GestureCode

pytestmark = [pytest.mark.gui]


def test_a_local_grant_and_note_show_as_waiting_actions_at_once(qtbot: Any, window: Any, ctx: Any) -> None:
    indicator = window.status.indicator
    start = ctx.cache.outbox_counts()[0]
    assert indicator.pending == start
    window.open_customer("cust-01", "case-limit")
    settle(qtbot, ctx)
    panel = window.yes_panel
    qtbot.waitUntil(lambda: panel.grant_context is not None, timeout=5000)
    assert panel.select_gesture(GestureCode.VOUCHER)
    panel.amount.clear()
    qtbot.keyClicks(panel.amount, "10.00")
    qtbot.keyClicks(panel.reason_text, "Colis en retard")
    with qtbot.waitSignal(panel.gestureGranted, timeout=5000):
        panel.grant()
    # no sync engine here: only the change bus can tell the status bar
    qtbot.waitUntil(lambda: indicator.pending == start + 1, timeout=5000)
    assert f"· {start + 1} action" in indicator.text.text()
    assert ctx.sync is None
