"""The discreet notice of a new inbound message: a transient toast when there is no tray."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow

from advisor_desk.ui.notifications import MessageNotifier


def test_toast_shows_without_text_of_the_message_and_goes_away(qtbot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    window.resize(800, 600)
    window.show()
    notifier = MessageNotifier(window, use_tray=False)
    assert not notifier.uses_tray
    notifier.inbound_message("SMS")
    toast = notifier.toast
    assert toast.isVisible()
    assert "SMS" in toast.text()
    assert window.focusWidget() is not toast
    assert window.rect().contains(toast.geometry())
    qtbot.waitUntil(lambda: not toast.isVisible(), timeout=6000)
    notifier.close()
