"""The status bar: "● online · 3 actions waiting · synced 12 s ago ... advisor · Team".

It listens to the sync adapter's signals (online, offline, syncing, needs login; pending count; last
success; last error). Clicking the sync part opens :class:`SyncDetails` with "Sync now" (F5).
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QStatusBar,
    QVBoxLayout,
    QWidget,
)

from advisor_desk.ui import i18n, labels
from advisor_desk.ui.changes import Changes
from advisor_desk.ui.context import DeskContext

STATES = ("online", "offline", "syncing", "needs_login")


def state_text(state: str) -> str:
    from PySide6.QtCore import QCoreApplication

    t = QCoreApplication
    return {
        "online": t.translate("SyncStatus", "Online"),
        "offline": t.translate("SyncStatus", "Offline — working from the local cache"),
        "syncing": t.translate("SyncStatus", "Syncing…"),
        "needs_login": t.translate("SyncStatus", "Needs login"),
    }.get(state, state)


class SyncIndicator(QWidget):
    """Icon + words for the sync state, pending actions and last sync; clickable."""

    clicked = Signal()

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.state = "offline"
        self.pending = 0
        self.last_sync: datetime | None = None
        self.error = ""
        self.icon = QLabel(self)
        self.text = QLabel(self)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.addWidget(self.icon)
        layout.addWidget(self.text)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(self.tr("Sync details and Sync now (F5)"))
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self._tick = QTimer(self)
        self._tick.setInterval(5000)
        self._tick.timeout.connect(self._update)
        self._tick.start()
        self._update()

    def set_state(self, state: str) -> None:
        self.state = state
        self._update()

    def set_pending(self, count: int) -> None:
        self.pending = count
        self._update()

    def set_last_sync(self, when: object) -> None:
        self.last_sync = when if isinstance(when, datetime) else None
        self._update()

    def set_error(self, message: str) -> None:
        self.error = message
        self._update()

    def summary(self) -> str:
        parts = [state_text(self.state)]
        parts.append(self.tr("%n action(s) waiting", "", self.pending))
        if self.last_sync is not None:
            ago = (self.ctx.now() - self.last_sync).total_seconds()
            parts.append(self.tr("synced %1").replace("%1", i18n.format_ago_seconds(ago)))
        else:
            parts.append(self.tr("not synced yet"))
        return " · ".join(parts)

    def _update(self) -> None:
        self.icon.setPixmap(
            self.ctx.icons.icon(f"sync.{self.state}" if self.state in STATES else "sync.offline").pixmap(
                16, 16
            )
        )
        self.text.setText(self.summary())
        self.setAccessibleName(self.summary())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.clicked.emit()
            return
        super().keyPressEvent(event)


class SyncDetails(QDialog):
    """What the sync is doing, the last error in words, and "Sync now"."""

    def __init__(self, indicator: SyncIndicator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Synchronisation"))
        ctx = indicator.ctx
        form = QFormLayout()
        self.state = QLabel(state_text(indicator.state), self)
        form.addRow(self.tr("State"), self.state)
        form.addRow(self.tr("Waiting actions"), QLabel(str(indicator.pending), self))
        last = i18n.format_absolute(indicator.last_sync) if indicator.last_sync else self.tr("never")
        form.addRow(self.tr("Last sync"), QLabel(last, self))
        form.addRow(self.tr("Server"), QLabel(ctx.server_url or "—", self))
        error = QLabel(indicator.error or self.tr("No error."), self)
        error.setTextFormat(Qt.TextFormat.PlainText)
        error.setWordWrap(True)
        form.addRow(self.tr("Last error"), error)
        if ctx.credentials_note:
            note = QLabel(ctx.credentials_note, self)
            note.setTextFormat(Qt.TextFormat.PlainText)
            note.setWordWrap(True)
            form.addRow(self.tr("Session"), note)
        for label in self.findChildren(QLabel):
            label.setTextFormat(Qt.TextFormat.PlainText)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.sync_now = buttons.addButton(self.tr("Sync now (F5)"), QDialogButtonBox.ButtonRole.ActionRole)
        self.sync_now.clicked.connect(ctx.request_sync)
        self.sync_now.setEnabled(ctx.sync is not None)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)


class DeskStatusBar(QStatusBar):
    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.indicator = SyncIndicator(ctx, self)
        self.indicator.clicked.connect(self.show_details)
        self.addWidget(self.indicator)
        self.user = QLabel(self)
        self.user.setTextFormat(Qt.TextFormat.PlainText)
        u = ctx.user
        self.user.setText(f"{u.display_name} · {labels.role(u.role)} · {u.team}")
        self.user.setAccessibleName(self.tr("Signed in as"))
        self.addPermanentWidget(self.user)
        sync = ctx.sync
        if sync is not None:
            sync.stateChanged.connect(self.indicator.set_state)  # type: ignore[attr-defined]
            sync.pendingChanged.connect(self.indicator.set_pending)  # type: ignore[attr-defined]
            sync.lastSyncChanged.connect(self.indicator.set_last_sync)  # type: ignore[attr-defined]
            sync.errorChanged.connect(self.indicator.set_error)  # type: ignore[attr-defined]
        # A local write (a grant, a reply, a note) adds to the outbox before the sync engine says so:
        # count again from the cache whenever the desk publishes a change, so it never says 0 then.
        self._recount = QTimer(self)
        self._recount.setSingleShot(True)
        self._recount.setInterval(50)
        self._recount.timeout.connect(self.refresh_pending)
        ctx.changes.changed.connect(self._on_changes)
        QTimer.singleShot(0, self, self.refresh_pending)

    def _on_changes(self, changes: Changes) -> None:
        if changes.kinds != frozenset({"theme"}):
            self._recount.start()

    def refresh_pending(self) -> None:
        cache = self.ctx.cache
        if cache is None or not hasattr(cache, "outbox_counts"):
            return
        self.ctx.tasks.run(
            "db",
            lambda: int(cache.outbox_counts()[0]),
            self.indicator.set_pending,
            lambda _exc: None,  # the next change or the sync engine will tell
            owner=self,
            name="pending_count",
        )

    def show_details(self) -> None:
        dialog = SyncDetails(self.indicator, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.details = dialog
