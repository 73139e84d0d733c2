"""Customer search as you type (Ctrl+K).

Each keystroke restarts an 80 ms timer; when it fires, the cache is searched in the "db" lane and,
when the desk is online, the central API in the "net" lane. Answers carry the generation they were
asked for: a stale answer (the text changed since) is dropped. Local hits show at once; central ones
are merged in, de-duplicated by customer id. Up/Down move in the list, Enter opens, Esc closes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QLabel, QLineEdit, QListView, QVBoxLayout, QWidget

from advisor_desk.domain.model import Customer
from advisor_desk.domain.wire import WireError, from_wire
from advisor_desk.ui.context import DeskContext
from advisor_desk.ui.safe_text import display_text, one_line

DEBOUNCE_MS = 80
LIMIT = 20
_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


@dataclass(frozen=True, slots=True)
class SearchResult:
    customer: Customer
    matched: str  # what the text matched, shown under the name
    local: bool  # in the cache (opens at once) or only at the centre (fetched on demand)


class SearchResultsModel(QAbstractListModel):
    RESULT_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._results: list[SearchResult] = []

    def set_results(self, results: list[SearchResult]) -> None:
        self.beginResetModel()
        self._results = list(results)
        self.endResetModel()

    def merge(self, results: list[SearchResult]) -> None:
        known = {r.customer.id for r in self._results}
        new = [r for r in results if r.customer.id not in known]
        if not new:
            return
        self.beginInsertRows(QModelIndex(), len(self._results), len(self._results) + len(new) - 1)
        self._results.extend(new)
        self.endInsertRows()

    def results(self) -> list[SearchResult]:
        return list(self._results)

    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._results)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._results):
            return None
        r = self._results[index.row()]
        if role == self.RESULT_ROLE:
            return r
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            name = one_line(display_text(r.customer.display_name, isolate=False), 60)
            where = "" if r.local else " · " + self.tr("from the central system")
            matched = one_line(display_text(r.matched, isolate=False), 80)
            if matched.casefold() in name.casefold():
                matched = ""  # the name matched: saying it twice tells nothing
            return f"{name} — {matched}{where}" if matched else f"{name}{where}"
        return None


class SearchBox(QLineEdit):
    """The toolbar's search field and its popup list of results."""

    customerChosen = Signal(str, bool)  # customer id, whether it is in the local cache

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("customerSearch")
        self.setPlaceholderText(self.tr("Search a customer: name, e-mail, phone, card, order… (Ctrl+K)"))
        self.setAccessibleName(self.tr("Customer search"))
        self.setClearButtonEnabled(True)
        self.setMinimumWidth(420)
        self.generation = 0
        self.online = False
        self.model = SearchResultsModel(self)
        self.popup = QFrame(self.window(), Qt.WindowType.ToolTip)
        self.popup.setFrameShape(QFrame.Shape.StyledPanel)
        self.list = QListView(self.popup)
        self.list.setModel(self.model)
        self.list.setAccessibleName(self.tr("Search results"))
        self.list.setUniformItemSizes(True)
        self.list.clicked.connect(self._choose_index)
        self.status = QLabel(self.popup)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self.popup)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.list)
        layout.addWidget(self.status)
        self.popup.hide()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.search_now)
        self.textEdited.connect(self._on_edited)
        self.installEventFilter(self)
        sync = ctx.sync
        if sync is not None:
            sync.stateChanged.connect(self._on_sync_state)  # type: ignore[attr-defined]

    def _on_sync_state(self, state: str) -> None:
        self.online = state in ("online", "syncing")

    def _on_edited(self, text: str) -> None:
        self.generation += 1
        if not text.strip():
            self._timer.stop()
            self.model.set_results([])
            self.popup.hide()
            return
        self._timer.start()

    def search_now(self) -> None:
        text = self.text().strip()
        if not text:
            return
        generation = self.generation
        cache = self.ctx.cache
        self.ctx.tasks.run(
            "db",
            lambda: list(cache.search_customers(text, LIMIT)),
            lambda hits: self._local_results(generation, hits),
            lambda _e: self._show_status(generation, self.tr("The local search failed.")),
            owner=self,
            name="search_local",
        )
        client = self.ctx.client
        if client is not None and self.online and len(text) >= 2:
            self.ctx.tasks.run(
                "net",
                lambda: client.search(text, LIMIT),
                lambda items: self._central_results(generation, items),
                lambda _e: self._show_status(
                    generation, self.tr("The central system could not be searched; showing local results.")
                ),
                owner=self,
                name="search_central",
            )

    def _local_results(self, generation: int, hits: list[Any]) -> None:
        if generation != self.generation:
            return
        results = [SearchResult(h.customer, getattr(h, "matched_text", ""), True) for h in hits]
        self.model.set_results(results)
        self._show_status(generation, "" if results else self.tr("No customer found in the local cache."))
        self._open_popup()
        if results:
            self.list.setCurrentIndex(self.model.index(0, 0))

    def _central_results(self, generation: int, items: list[Any]) -> None:
        if generation != self.generation:
            return
        found: list[SearchResult] = []
        for item in items:
            try:
                customer = from_wire(Customer, item)
            except WireError:
                continue  # one bad item does not hide the others
            found.append(SearchResult(customer, "", False))
        had = self.model.rowCount()
        self.model.merge(found)
        if self.model.rowCount() and not had:
            self._show_status(generation, "")
            self.list.setCurrentIndex(self.model.index(0, 0))
        self._open_popup()

    def _show_status(self, generation: int, text: str) -> None:
        if generation != self.generation:
            return
        self.status.setText(text)
        self.status.setVisible(bool(text))
        self._open_popup()

    def _open_popup(self) -> None:
        if not self.hasFocus() and not self.popup.isVisible():
            return
        width = max(self.width(), 480)
        rows = max(1, min(10, self.model.rowCount()))
        height = (
            rows * (self.list.sizeHintForRow(0) if self.model.rowCount() else 24)
            + 12
            + (self.status.sizeHint().height() if self.status.isVisible() else 0)
        )
        self.popup.setGeometry(
            self.mapToGlobal(QPoint(0, self.height())).x(),
            self.mapToGlobal(QPoint(0, self.height())).y(),
            width,
            height,
        )
        self.popup.show()
        self.popup.raise_()

    def focus_search(self) -> None:
        self.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.selectAll()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self and event.type() == QEvent.Type.KeyPress:
            key = QKeyEvent(event).key() if not isinstance(event, QKeyEvent) else event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.model.rowCount():
                row = self.list.currentIndex().row()
                row = min(self.model.rowCount() - 1, row + 1) if key == Qt.Key.Key_Down else max(0, row - 1)
                self.list.setCurrentIndex(self.model.index(row, 0))
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self._timer.isActive():
                    self._timer.stop()
                    self.search_now()
                    return True
                index = self.list.currentIndex()
                if index.isValid():
                    self._choose_index(index)
                return True
            if key == Qt.Key.Key_Escape:
                self.close_popup()
                return True
        if obj is self and event.type() == QEvent.Type.FocusOut:
            QTimer.singleShot(150, self, self._hide_unless_focused)
        return super().eventFilter(obj, event)

    def _hide_unless_focused(self) -> None:
        if not self.hasFocus() and not self.list.hasFocus():
            self.popup.hide()

    def close_popup(self) -> None:
        self.popup.hide()

    def _choose_index(self, index: QModelIndex) -> None:
        result: SearchResult = index.data(SearchResultsModel.RESULT_ROLE)
        self.popup.hide()
        self.customerChosen.emit(result.customer.id, result.local)
