"""The work queue's model: QueueRows from the cache in a table, sortable by time left.

Rows are replaced by key after each refresh so the selection survives a refresh (the queue refreshes
every minute and after every change to a case). The model sorts itself, with Python's sort on keys
made once per row: a proxy comparing rows two by two would call back into Python some 40,000 times
for 2,000 rows. The proxy only forwards the header's sort requests.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from advisor_desk.cache.views import QueueRow, QueueRowKind
from advisor_desk.domain.channels import URGENCY, ResponseState
from advisor_desk.ui import i18n, labels
from advisor_desk.ui.followups import due_badge_text
from advisor_desk.ui.icons import IconRegistry
from advisor_desk.ui.safe_text import one_line, plain_tooltip

ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the QueueRow
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
STATE_ROLE = Qt.ItemDataRole.UserRole + 3  # the ResponseState
BADGE_TEXT_ROLE = Qt.ItemDataRole.UserRole + 4

COL_URGENCY, COL_CHANNEL, COL_CUSTOMER, COL_SUBJECT, COL_KIND, COL_STATUS = range(6)
_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
#: Made once: combining Qt flags in Python at each call costs more than the rest of flags().
_ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def row_key(row: QueueRow) -> str:
    return f"case:{row.case_id}" if row.kind is QueueRowKind.CASE else f"followup:{row.followup_id}"


def badge_text(row: QueueRow, now: datetime | None = None, time_zone: str = "UTC") -> str:
    if row.kind is QueueRowKind.FOLLOWUP:
        # A follow-up call has its own badge: "Follow-up · overdue / today" (day in the user's zone).
        if row.due_at is not None:
            text = due_badge_text(row.due_at, now or datetime.now(row.due_at.tzinfo), time_zone)
            if text:
                return text
        return i18n.format_countdown(row.seconds_left) if row.seconds_left < 0 else labels.state(row.state)
    if row.state is ResponseState.DONE:
        return labels.state(row.state)
    return i18n.format_countdown(row.seconds_left)


def display_text(row: QueueRow, column: int, now: datetime | None = None, time_zone: str = "UTC") -> str:
    """What a cell shows (any thread: the loader sorts by it off the GUI thread)."""
    if column == COL_URGENCY:
        return f"{labels.state(row.state)} · {badge_text(row, now, time_zone)}"
    if column == COL_CUSTOMER:
        return one_line(row.customer_name, 80)
    if column == COL_SUBJECT:
        if row.kind is QueueRowKind.FOLLOWUP:
            return QCoreApplication.translate("QueueModel", "Follow-up: %1").replace(
                "%1", one_line(row.note or row.subject, 120)
            )
        return one_line(row.subject, 120)
    if column == COL_KIND:
        if row.kind is QueueRowKind.FOLLOWUP:
            return QCoreApplication.translate("QueueModel", "Follow-up")
        return labels.kind(row.case_kind) if row.case_kind else ""
    if column == COL_STATUS:
        return labels.status(row.status) if row.status else ""
    return ""  # the channel column shows only icons; the name is in the tooltip and accessible text


def sort_key(row: QueueRow, column: int) -> Any:
    if column == COL_URGENCY:
        return (-URGENCY[row.state], row.seconds_left)
    if column == COL_CHANNEL:
        return labels.channel(row.channel)
    return display_text(row, column).casefold()


def sort_rows(rows: list[QueueRow], column: int, order: Qt.SortOrder) -> list[QueueRow]:
    """The rows in a column's order, each key made once (stable: equal keys keep the given order)."""
    keyed = [(sort_key(r, column), n) for n, r in enumerate(rows)]
    keyed.sort(key=lambda k: k[0], reverse=order == Qt.SortOrder.DescendingOrder)
    return [rows[n] for _key, n in keyed]


class QueueModel(QAbstractTableModel):
    def __init__(self, icons: IconRegistry, parent: Any = None) -> None:
        super().__init__(parent)
        self._icons = icons
        self._rows: list[QueueRow] = []
        self._keys: list[str] = []
        self._index: dict[str, int] = {}
        self.now: datetime | None = None
        #: The user's time zone: a follow-up is "today" in it.
        self.time_zone = "UTC"
        self._sort_column = COL_URGENCY
        self._sort_order = Qt.SortOrder.AscendingOrder
        #: Distinct badge texts of the rows, when the loader worked them out (off the GUI thread).
        self._badge_texts: set[str] | None = None

    def headers(self) -> list[str]:
        return [
            self.tr("Time left"),
            "",  # the channel column shows only icons
            self.tr("Customer"),
            self.tr("Subject"),
            self.tr("Kind"),
            self.tr("Status"),
        ]

    # -- content ----------------------------------------------------------------------------------
    def badge_texts(self) -> set[str]:
        """Every distinct badge text now shown (to size the column to them)."""
        if self._badge_texts is not None:
            return set(self._badge_texts)
        return {badge_text(r, self.now, self.time_zone) for r in self._rows}

    def sort_order(self) -> tuple[int, Qt.SortOrder]:
        """The column and order rows are shown in (a loader sorts in it off the GUI thread)."""
        return self._sort_column, self._sort_order

    def set_rows(
        self,
        rows: list[QueueRow],
        badge_texts: set[str] | None = None,
        sorted_by: tuple[int, Qt.SortOrder] | None = None,
    ) -> None:
        """Show these rows in the current order (``sorted_by``: the order they are already in);
        ``badge_texts`` when already worked out."""
        if sorted_by != (self._sort_column, self._sort_order):
            rows = sort_rows(rows, self._sort_column, self._sort_order)
        self._badge_texts = badge_texts
        keys = [row_key(r) for r in rows]
        if keys == self._keys:
            self._rows = rows
            if rows:
                self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, self.columnCount() - 1))
            return
        self.beginResetModel()
        self._rows = rows
        self._keys = keys
        self._index = {k: i for i, k in enumerate(keys)}
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < self.columnCount():
            return
        self._sort_column, self._sort_order = column, order
        if not self._rows:
            return
        self.layoutAboutToBeChanged.emit()
        rows = sort_rows(self._rows, column, order)
        position = {row_key(r): n for n, r in enumerate(rows)}
        old = self.persistentIndexList()
        new = [
            self.index(position[row_key(self._rows[i.row()])], i.column()) if i.isValid() else QModelIndex()
            for i in old
        ]
        self._rows = rows
        self._keys = [row_key(r) for r in rows]
        self._index = {k: n for n, k in enumerate(self._keys)}
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()

    def rows(self) -> list[QueueRow]:
        return list(self._rows)

    def row_of_case(self, case_id: str) -> int:
        return self._index.get(f"case:{case_id}", -1)

    def queue_row(self, row: int) -> QueueRow:
        return self._rows[row]

    # -- Qt model ---------------------------------------------------------------------------------
    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else 6

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _ROW_FLAGS

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role == ROW_ROLE:
            return r
        if role == STATE_ROLE:
            return r.state
        if role == SORT_ROLE:
            if col == COL_URGENCY:
                return (-URGENCY[r.state], r.seconds_left)
            return self.data(index, Qt.ItemDataRole.DisplayRole) or ""
        if role == BADGE_TEXT_ROLE:
            return badge_text(r, self.now, self.time_zone)
        if role == Qt.ItemDataRole.DisplayRole:
            return display_text(r, col, self.now, self.time_zone)
        if role == Qt.ItemDataRole.DecorationRole and col == COL_CHANNEL:
            return self._icons.channel(r.channel)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == COL_URGENCY:
                due = i18n.format_absolute(r.due_at) if r.due_at else ""
                text = labels.state(r.state) + (" — " + self.tr("due %1").replace("%1", due) if due else "")
                return plain_tooltip(text)
            if col == COL_CHANNEL:
                return labels.channel(r.channel)
            if col == COL_SUBJECT:
                return plain_tooltip(r.subject or r.note)
            if col == COL_CUSTOMER:
                return plain_tooltip(r.customer_name)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if col == COL_CHANNEL:
                return labels.channel(r.channel)
            return self.data(index, Qt.ItemDataRole.DisplayRole)
        return None


class QueueProxy(QSortFilterProxyModel):
    """Hands the header's sort requests to the model, which sorts itself (most urgent on top by
    default); the proxy keeps the model's order. It stays so that filters can be added here."""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        source = self.sourceModel()
        if source is not None:
            source.sort(column, order)
