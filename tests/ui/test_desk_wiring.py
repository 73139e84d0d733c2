"""The main window wires its side panels together: Say yes -> Reply, and the acknowledge action to the
composer's script text."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import settle
from PySide6.QtCore import Qt

from advisor_desk.domain.model import GestureCode

pytestmark = [pytest.mark.gui]


def open_limit_case(qtbot: Any, window: Any, ctx: Any) -> None:
    window.open_customer("cust-01", "case-limit")
    settle(qtbot, ctx)
    reply = window.reply_panel
    qtbot.waitUntil(lambda: reply.file is not None and reply.file.case.id == "case-limit", timeout=5000)


def test_insert_into_reply_puts_the_gestures_sentence_in_the_draft(qtbot: Any, window: Any, ctx: Any) -> None:
    open_limit_case(qtbot, window, ctx)
    yes, reply = window.yes_panel, window.reply_panel
    qtbot.waitUntil(lambda: yes.grant_context is not None, timeout=5000)
    assert yes.select_gesture(GestureCode.VOUCHER)
    yes.amount.clear()
    qtbot.keyClicks(yes.amount, "15.00")
    qtbot.keyClicks(yes.reason_text, "Colis en retard")
    with qtbot.waitSignal(yes.gestureGranted, timeout=5000) as granted:
        yes.grant()
    settle(qtbot, ctx)
    window.panels.show("say_yes")
    with qtbot.waitSignal(yes.insertIntoReply) as inserted:
        qtbot.mouseClick(yes.insert_button, Qt.MouseButton.LeftButton)
    sentence = inserted.args[0]
    assert granted.args[0].voucher_code in sentence
    assert sentence in reply.state.draft.solution
    assert window.tabs.currentWidget() is reply


def test_the_windows_acknowledge_action_uses_the_composers_script(qtbot: Any, window: Any, ctx: Any) -> None:
    open_limit_case(qtbot, window, ctx)
    reply = window.reply_panel
    action = window.actions_.acknowledge
    assert action.isEnabled() and action.shortcut().toString() == "Ctrl+Shift+A"
    action.trigger()
    dialog = reply.ack_dialog
    assert dialog.isVisible()
    assert dialog.editor.toPlainText() == reply.acknowledgement_text() != ""
    assert window.tabs.currentWidget() is reply
    dialog.reject()


def test_without_the_composers_case_the_action_falls_back_to_the_timeline(
    qtbot: Any, window: Any, ctx: Any
) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from advisor_desk.ui.timeline.actions import NoteDialog

    open_limit_case(qtbot, window, ctx)
    window.reply_panel.file = None  # the composer has not prepared this case (yet)
    seen: list[str] = []

    def close_it() -> None:
        for w in QApplication.topLevelWidgets():
            if isinstance(w, NoteDialog) and w.isVisible():
                seen.append(w.windowTitle())
                w.reject()

    QTimer.singleShot(200, close_it)
    window.actions_.acknowledge.trigger()
    assert seen == ["Acknowledge receipt"]
    assert getattr(window.reply_panel, "ack_dialog", None) is None
