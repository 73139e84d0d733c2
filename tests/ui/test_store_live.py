"""Store mode against the real central server: a customer this counter does not hold yet is found by
the centre from the scanned card, fetched, granted a voucher, and the centre's confirmation comes back
through the real sync onto the counter screen."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
import test_compensation_live as live
from PySide6.QtCore import Qt
from test_compensation_live import Station, settle

from advisor_desk.domain import model
from advisor_desk.domain.model import DecisionStatus, GestureCode
from advisor_desk.ui.store import create_window
from advisor_desk.ui.store.window import StoreWindow

#: The live workstations fixture of the Say yes tests, shared by name.
stations = live.stations

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("does not support propagateSizeHints")]


def test_a_card_unknown_here_is_found_by_the_centre_and_the_grant_confirmed(
    qtbot: Any, live_server: Any, stations: Any, tmp_path: Any
) -> None:
    live_server.seed_world()
    counter: Station = stations(live_server.url, "store", "counter")
    counter.sync()
    # a customer who signed up after this counter's last sync
    live_server.save(
        model.Customer(
            "c-north-new",
            "Nadia",
            "Benali",
            loyalty_card="2900123456789",
            phones=("06 11 22 33 44",),
            team="north",
            updated_at=datetime.now(UTC),
        )
    )
    assert counter.cache.customer("c-north-new") is None
    ctx = counter.desk()
    window = create_window(ctx)
    assert isinstance(window, StoreWindow)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    settle(qtbot, ctx)
    assert window.online

    field = window.find_page.field
    qtbot.keyClicks(field, "2900123456789")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.step == StoreWindow.SEE, timeout=15_000)
    settle(qtbot, ctx)
    assert "Nadia Benali" in window.see_page.name.text()
    assert counter.cache.customer("c-north-new") is not None  # kept on the counter now

    qtbot.keyClick(window.see_page.say_yes, Qt.Key.Key_Return)
    assert window.pick_gesture(GestureCode.VOUCHER)
    y = window.yes_page
    y.reason_code.setCurrentIndex(y.reason_code.findData("commercial"))
    qtbot.keyClicks(y.reason_text, "Bienvenue")
    qtbot.keyClicks(y.amount, "10")
    with qtbot.waitSignal(counter.adapter.syncFinished, timeout=20_000):
        qtbot.keyClick(y.amount, Qt.Key.Key_Return)  # saying yes asks the sync to run
    decision = window.decision
    assert decision is not None and window.step == StoreWindow.DONE
    qtbot.waitUntil(lambda: window.done_page.pending.isHidden(), timeout=15_000)
    assert counter.cache.decision(decision.id).status is DecisionStatus.GRANTED
    assert "Confirmed by the centre" in window.done_page.receipt_status.text()
    assert window.receipt is not None and not window.receipt.pending
    saved = window.save_receipt_pdf(tmp_path / "receipt.pdf")
    assert saved is not None and saved.stat().st_size > 1000
    window.close()
