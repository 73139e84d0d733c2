"""The composer's lists as Qt models: the script's options of one step, and the checks before sending.

Options show the script's texts rendered with the case's values (plain text: a customer's name is
data, never markup). Checks keep their rows stable while the advisor types: results of the same
checks only emit ``dataChanged``, so the list does not flicker or lose its selection.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QIcon, QPalette

from advisor_desk.domain.reply_checks import CheckResult, Severity
from advisor_desk.domain.scripts import Closing, EmpathyOpening, SolutionPath
from advisor_desk.ui.composer import words
from advisor_desk.ui.icons import IconRegistry
from advisor_desk.ui.safe_text import display_text, one_line, plain_tooltip

Index = QModelIndex | QPersistentModelIndex
Option = EmpathyOpening | SolutionPath | Closing

OPTION_ID_ROLE = Qt.ItemDataRole.UserRole + 1
CHECK_CODE_ROLE = Qt.ItemDataRole.UserRole + 2
CHECK_PASSED_ROLE = Qt.ItemDataRole.UserRole + 3
CHECK_SEVERITY_ROLE = Qt.ItemDataRole.UserRole + 4

PASS_COLOR = "#1e7b34"
BLOCK_COLOR = "#c62828"
OVERRIDE_COLOR = "#a15c00"
INFO_COLOR = "#1a5fb4"
#: The same meanings on a dark background, light enough to keep WCAG AA contrast.
_ON_DARK = {PASS_COLOR: "#81c995", BLOCK_COLOR: "#f28b82", OVERRIDE_COLOR: "#fdd663", INFO_COLOR: "#8ab4f8"}


def tone(color: str) -> str:
    """``color`` as is on a light theme, its lighter twin on a dark one."""
    dark = QGuiApplication.palette().color(QPalette.ColorRole.Base).lightness() < 128
    return _ON_DARK.get(color, color) if dark else color


class OptionsModel(QAbstractListModel):
    """The script's options for one step: title (solutions) or the opening words, the full text on hover."""

    def __init__(self, icons: IconRegistry, parent: Any = None) -> None:
        super().__init__(parent)
        self._icons = icons
        self._rows: list[tuple[Option, str]] = []  # (option, its text rendered with the case's values)
        self._chosen: str | None = None

    def set_options(self, rows: Sequence[tuple[Option, str]], chosen: str | None) -> None:
        if [o.id for o, _ in rows] == [o.id for o, _ in self._rows]:
            self._rows = list(rows)
            self._chosen = chosen
            if self._rows:
                self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 0))
            return
        self.beginResetModel()
        self._rows = list(rows)
        self._chosen = chosen
        self.endResetModel()

    def option_id(self, row: int) -> str:
        return self._rows[row][0].id

    def row_of(self, option_id: str | None) -> int:
        return next((n for n, (o, _) in enumerate(self._rows) if o.id == option_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows) or index.column() != 0:
            return None
        option, text = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if isinstance(option, SolutionPath):
                return display_text(option.title, isolate=False)
            # The opening words, past the greeting line: what tells one opening from another.
            lines = [line for line in text.splitlines() if line.strip()]
            body = " ".join(lines[1:]) if len(lines) > 1 else " ".join(lines)
            return display_text(one_line(body, 90), isolate=False)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(text)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return display_text(text, isolate=False)
        if role == Qt.ItemDataRole.DecorationRole:
            if isinstance(option, SolutionPath) and option.gesture is not None:
                return self._icons.icon(f"gesture.{option.gesture.value}")
            return None
        if role == Qt.ItemDataRole.FontRole and option.id == self._chosen:
            font = QFont()
            font.setBold(True)
            return font
        if role == OPTION_ID_ROLE:
            return option.id
        return None


class ChecksModel(QAbstractListModel):
    """The checks before sending: a pass/fail icon, the check, what it means for sending and why."""

    def __init__(self, icons: IconRegistry, parent: Any = None) -> None:
        super().__init__(parent)
        self._icons = icons
        self._results: list[CheckResult] = []

    def set_results(self, results: Sequence[CheckResult]) -> None:
        if [r.code for r in results] == [r.code for r in self._results]:
            self._results = list(results)
            if self._results:
                self.dataChanged.emit(self.index(0, 0), self.index(len(self._results) - 1, 0))
            return
        self.beginResetModel()
        self._results = list(results)
        self.endResetModel()

    def results(self) -> list[CheckResult]:
        return list(self._results)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's signature
        return 0 if parent.isValid() else len(self._results)

    def _icon(self, result: CheckResult) -> QIcon:
        if result.passed:
            return self._icons.icon("check.pass", tone(PASS_COLOR))
        if result.severity is Severity.BLOCK:
            return self._icons.icon("check.block", tone(BLOCK_COLOR))
        if result.severity is Severity.OVERRIDE:
            return self._icons.icon("check.confirm", tone(OVERRIDE_COLOR))
        return self._icons.icon("check.info", tone(INFO_COLOR))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._results) or index.column() != 0:
            return None
        result = self._results[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            # Names and matched phrases inside the reason are shown as plain text by the view.
            return f"{words.check_title(result.code)} — {words.severity_text(result)}\n{words.check_reason(result)}"
        if role in (Qt.ItemDataRole.ToolTipRole,):
            return plain_tooltip(words.check_reason(result))
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{words.check_title(result.code)}, {words.severity_text(result)}: {words.check_reason(result)}"
        if role == Qt.ItemDataRole.DecorationRole:
            return self._icon(result)
        if role == Qt.ItemDataRole.ForegroundRole and not result.passed:
            return QColor(
                tone(BLOCK_COLOR)
                if result.severity is Severity.BLOCK
                else tone(OVERRIDE_COLOR)
                if result.severity is Severity.OVERRIDE
                else tone(INFO_COLOR)
            )
        if role == CHECK_CODE_ROLE:
            return result.code.value
        if role == CHECK_PASSED_ROLE:
            return result.passed
        if role == CHECK_SEVERITY_ROLE:
            return result.severity.value
        return None
