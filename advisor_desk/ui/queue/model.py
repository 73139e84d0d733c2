"""The work queue's model: QueueRows from the cache in a table, sortable by time left.

Rows are replaced by key after each refresh so the selection survives a refresh (the queue refreshes
every minute and after every change to a case). Sorting and the column order are the proxy's job.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

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


class QueueModel(QAbstractTableModel):
    def __init__(self, icons: IconRegistry, parent: Any = None) -> None:
        super().__init__(parent)
        self._icons = icons
        self._rows: list[QueueRow] = []
        self._index: dict[str, int] = {}
        self.now: datetime | None = None
        #: The user's time zone: a follow-up is "today" in it.
        self.time_zone = "UTC"

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
        return {badge_text(r, self.now, self.time_zone) for r in self._rows}

    def set_rows(self, rows: list[QueueRow]) -> None:
        keys = [row_key(r) for r in rows]
        if keys == [row_key(r) for r in self._rows]:
            self._rows = list(rows)
            if rows:
                self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, self.columnCount() - 1))
            return
        self.beginResetModel()
        self._rows = list(rows)
        self._index = {k: i for i, k in enumerate(keys)}
        self.endResetModel()

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
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

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
            if col == COL_URGENCY:
                return f"{labels.state(r.state)} · {badge_text(r, self.now, self.time_zone)}"
            if col == COL_CHANNEL:
                return ""  # the icon says it; the name is in the tooltip and the accessible text
            if col == COL_CUSTOMER:
                return one_line(r.customer_name, 80)
            if col == COL_SUBJECT:
                if r.kind is QueueRowKind.FOLLOWUP:
                    return self.tr("Follow-up: %1").replace("%1", one_line(r.note or r.subject, 120))
                return one_line(r.subject, 120)
            if col == COL_KIND:
                if r.kind is QueueRowKind.FOLLOWUP:
                    return self.tr("Follow-up")
                return labels.kind(r.case_kind) if r.case_kind else ""
            if col == COL_STATUS:
                return labels.status(r.status) if r.status else ""
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
    """Sorts by the model's sort keys (urgency first); the default order is the most urgent on top."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)

    def lessThan(self, left: _Index, right: _Index) -> bool:
        a = left.data(SORT_ROLE)
        b = right.data(SORT_ROLE)
        try:
            return bool(a < b)
        except TypeError:
            return str(a) < str(b)
