"""A read-only table of figures: rows of cells, each a display text and a value to sort on.

The report's sections and the watch list are small (tens of rows), computed off the GUI thread into
plain rows; this model only shows them. Numbers align right; sorting uses the raw value, never the
formatted text ("10" after "9").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex

#: Role holding a cell's raw value (a number, a text), what a proxy sorts on.
SortRole = int(Qt.ItemDataRole.UserRole) + 1


@dataclass(frozen=True, slots=True)
class Cell:
    text: str
    value: Any = None  # None: sort on the text
    tooltip: str = ""

    @property
    def sort_value(self) -> Any:
        return self.text if self.value is None else self.value


class FigureTableModel(QAbstractTableModel):
    def __init__(self, headers: Sequence[str] = (), parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers: list[str] = list(headers)
        self._rows: list[list[Cell]] = []

    def set_rows(self, rows: Sequence[Sequence[Cell]], headers: Sequence[str] | None = None) -> None:
        self.beginResetModel()
        if headers is not None:
            self._headers = list(headers)
        width = len(self._headers)
        # every row as wide as the header: a short row would make the view ask for missing cells
        self._rows = [list(r)[:width] + [Cell("")] * (width - len(r)) for r in rows]
        self.endResetModel()

    def rows(self) -> list[list[Cell]]:
        return self._rows

    def texts(self) -> list[list[str]]:
        return [[c.text for c in r] for r in self._rows]

    def headers(self) -> list[str]:
        return list(self._headers)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation is Qt.Orientation.Horizontal and 0 <= section < len(self._headers):
            if role == Qt.ItemDataRole.DisplayRole:
                return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows) or index.column() >= len(self._headers):
            return None
        cell = self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return cell.text
        if role == Qt.ItemDataRole.ToolTipRole:
            return cell.tooltip or None
        if role == SortRole:
            return cell.sort_value
        if role == Qt.ItemDataRole.TextAlignmentRole and isinstance(cell.value, (int, float)):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
