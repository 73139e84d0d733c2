"""List models of the counter screen: customers found, the customer's last interactions and open cases.

Rows are tall (touch) and their text plain: customer-authored words go through ``display_text``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
)

from advisor_desk.domain.model import Case, Customer, Interaction
from advisor_desk.ui import i18n, labels
from advisor_desk.ui.icons import IconRegistry
from advisor_desk.ui.safe_text import display_text, one_line

translate = QCoreApplication.translate
IdRole = Qt.ItemDataRole.UserRole + 1
RemoteRole = Qt.ItemDataRole.UserRole + 2
#: Row height of the counter lists: a finger, not a mouse pointer.
ROW_HEIGHT = 56

_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class FoundCustomer:
    customer: Customer
    matched_text: str = ""
    remote: bool = False  # found by the centre, not yet on this desk


class _TallList(QAbstractListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[object] = []

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._items)

    def _set(self, items: Sequence[object]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def _valid(self, index: _Index) -> bool:
        return index.isValid() and 0 <= index.row() < len(self._items)


class CustomerResultsModel(_TallList):
    def set_results(self, results: Sequence[FoundCustomer]) -> None:
        self._set(results)

    def result(self, row: int) -> FoundCustomer | None:
        return self._items[row] if 0 <= row < len(self._items) else None  # type: ignore[return-value]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not self._valid(index):
            return None
        found: FoundCustomer = self._items[index.row()]  # type: ignore[assignment]
        c = found.customer
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            parts = [display_text(c.display_name)]
            if found.matched_text:
                parts.append(display_text(one_line(found.matched_text, 60), isolate=False))
            if found.remote:
                parts.append(translate("Store", "from the centre"))
            return " · ".join(parts)
        if role == Qt.ItemDataRole.SizeHintRole:
            return QSize(0, ROW_HEIGHT)
        if role == IdRole:
            return c.id
        if role == RemoteRole:
            return found.remote
        return None


class InteractionsModel(_TallList):
    def __init__(self, icons: IconRegistry | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._icons = icons
        self._now: datetime | None = None

    def set_interactions(self, interactions: Sequence[Interaction], now: datetime | None = None) -> None:
        self._now = now
        self._set(interactions)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not self._valid(index):
            return None
        i: Interaction = self._items[index.row()]  # type: ignore[assignment]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return (
                f"{i18n.format_relative(i.occurred_at, self._now)} · {labels.channel(i.channel)} · "
                f"{display_text(one_line(i.text, 120), isolate=False)}"
            )
        if role == Qt.ItemDataRole.ToolTipRole:
            return i18n.format_absolute(i.occurred_at)
        if role == Qt.ItemDataRole.DecorationRole and self._icons is not None:
            return self._icons.channel(i.channel)
        if role == Qt.ItemDataRole.SizeHintRole:
            return QSize(0, ROW_HEIGHT)
        if role == IdRole:
            return i.id
        return None


class CasesModel(_TallList):
    def set_cases(self, cases: Sequence[Case]) -> None:
        self._set(cases)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not self._valid(index):
            return None
        c: Case = self._items[index.row()]  # type: ignore[assignment]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return (
                f"{labels.category(c.category)} · {labels.status(c.status)} · "
                f"{display_text(one_line(c.subject, 100), isolate=False)}"
            )
        if role == Qt.ItemDataRole.SizeHintRole:
            return QSize(0, ROW_HEIGHT)
        if role == IdRole:
            return c.id
        return None
