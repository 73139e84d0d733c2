"""A discreet notice that a new inbound message arrived on a case the advisor has open.

The system tray's balloon when the platform has a tray (``QSystemTrayIcon``), else a small transient
toast in the window's corner that fades by itself and never takes the focus. It says which channel and
that a message came — never the message text or the customer's name (the screen may be shared, and
notifications end up in OS notification logs).

Wiring (for the main window's owner): create one ``MessageNotifier(main_window)`` in the composition
root, and call ``notifier.inbound_message(channel_label)`` from the slot that receives the sync's
"changes applied" signal when an applied ``interaction`` upsert is inbound and belongs to the case
currently open in the timeline (advisor_desk/ui/main_window.py, where the timeline is refreshed).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPoint, Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QLabel, QSystemTrayIcon, QWidget

TOAST_MS = 4000


class Toast(QLabel):
    """A small label over the window's bottom-right corner that goes away by itself."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("messageToast")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setMargin(10)
        self.setStyleSheet(
            "#messageToast { background: palette(tooltip-base); color: palette(tooltip-text);"
            " border: 1px solid palette(mid); border-radius: 6px; }"
        )
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)
        self.hide()

    def show_message(self, text: str, msecs: int = TOAST_MS) -> None:
        self.setText(text)
        self.adjustSize()
        parent = self.parentWidget()
        if parent is not None:
            corner = parent.rect().bottomRight() - QPoint(self.width() + 16, self.height() + 16)
            self.move(max(corner.x(), 0), max(corner.y(), 0))
        self.raise_()
        self.show()
        self._timer.start(msecs)


class MessageNotifier:
    """Tell the advisor, discreetly, that a message arrived on the open case."""

    def __init__(self, window: QWidget, icon: QIcon | None = None, use_tray: bool | None = None) -> None:
        self._window = window
        self._toast = Toast(window)
        tray_ok = QSystemTrayIcon.isSystemTrayAvailable() if use_tray is None else use_tray
        self._tray: QSystemTrayIcon | None = None
        if tray_ok:
            self._tray = QSystemTrayIcon(icon or window.windowIcon(), window)
            self._tray.show()

    @property
    def uses_tray(self) -> bool:
        return self._tray is not None

    @property
    def toast(self) -> Toast:
        return self._toast

    def inbound_message(self, channel_label: str) -> None:
        """A new inbound message on the open case (``channel_label`` already translated)."""
        # Literal translate() calls, so pyside6-lupdate finds the strings.
        title = QCoreApplication.translate("MessageNotifier", "New message")
        text = QCoreApplication.translate(
            "MessageNotifier", "A new message arrived on the open case ({channel})."
        ).format(channel=channel_label)
        if self._tray is not None and self._tray.supportsMessages():
            self._tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, TOAST_MS)
        else:
            self._toast.show_message(text)

    def close(self) -> None:
        if self._tray is not None:
            self._tray.hide()
            self._tray.deleteLater()
            self._tray = None
