"""Qt models of the power to say yes: the gestures I may grant, the order lines to refund, the history.

Small lists (eight gestures, a customer's order lines, a customer's decisions), each replaced as a whole
when the panel reloads; they still are proper models so views, keyboard navigation and accessibility
work as everywhere else (checked with pytest-qt's ``qtmodeltester``).
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
    Qt,
)
from PySide6.QtGui import QFont, QIcon

from advisor_desk.domain.model import Decision, DecisionStatus, Escalation, GestureCode
from advisor_desk.ui import i18n
from advisor_desk.ui.compensation import words
from advisor_desk.ui.compensation.draft import RefundableLine
from advisor_desk.ui.icons import IconRegistry
from advisor_desk.ui.safe_text import display_text, one_line

translate = QCoreApplication.translate
CodeRole = Qt.ItemDataRole.UserRole + 1
SuggestedRole = Qt.ItemDataRole.UserRole + 2
MaxRole = Qt.ItemDataRole.UserRole + 3
StatusRole = Qt.ItemDataRole.UserRole + 4

_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class GestureRow:
    code: GestureCode
    suggested: bool
    max_cents: int  # the most this gesture may be now (0: nothing left)
    currency: str


class GestureModel(QAbstractListModel):
    """The gestures of my envelope, suggested ones first, each with the most I can grant now."""

    def __init__(self, icons: IconRegistry | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._icons = icons
        self._rows: list[GestureRow] = []

    def set_rows(self, rows: Sequence[GestureRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[GestureRow]:
        return list(self._rows)

    def row_of(self, code: GestureCode) -> int:
        for i, r in enumerate(self._rows):
            if r.code == code:
                return i
        return -1

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            text = words.gesture_label(r.code)
            if r.suggested:
                text = translate("Compensation", "%1 (suggested)").replace("%1", text)
            return text
        if role == Qt.ItemDataRole.ToolTipRole:
            # the full name too: the narrow side panel may elide it
            return (
                translate("Compensation", "%1: up to %2 now")
                .replace("%1", words.gesture_label(r.code))
                .replace("%2", words.money(r.max_cents, r.currency))
            )
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return self.data(index, Qt.ItemDataRole.ToolTipRole)
        if role == Qt.ItemDataRole.DecorationRole and self._icons is not None:
            return self._icons.icon(f"gesture.{r.code}")
        if role == Qt.ItemDataRole.FontRole and r.suggested:
            font = QFont()
            font.setBold(True)
            return font
        if role == CodeRole:
            return r.code.value
        if role == SuggestedRole:
            return r.suggested
        if role == MaxRole:
            return r.max_cents
        return None


class OrderLineModel(QAbstractListModel):
    """The customer's order lines with what is left to refund on each (refunds never exceed it)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lines: list[RefundableLine] = []

    def set_lines(self, lines: Sequence[RefundableLine]) -> None:
        self.beginResetModel()
        self._lines = list(lines)
        self.endResetModel()

    def line(self, row: int) -> RefundableLine | None:
        return self._lines[row] if 0 <= row < len(self._lines) else None

    def row_of(self, line_id: str | None) -> int:
        for i, line in enumerate(self._lines):
            if line.line_id == line_id:
                return i
        return -1

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lines)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        line = self._lines[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return (
                translate("Compensation", "%1 · %2 — %3 left of %4 paid")
                .replace("%1", line.order_number)
                .replace("%2", display_text(one_line(line.product_name, 60), isolate=False))
                .replace("%3", words.money(line.left_cents, line.currency))
                .replace("%4", words.money(line.paid_cents, line.currency))
            )
        if role == Qt.ItemDataRole.ToolTipRole:
            return translate("Compensation", "Already refunded: %1").replace(
                "%1", words.money(line.refunded_cents, line.currency)
            )
        if role == CodeRole:
            return line.line_id
        if role == MaxRole:
            return line.left_cents
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = super().flags(index)
        line = self.line(index.row()) if index.isValid() else None
        if line is not None and line.left_cents <= 0:
            return base & ~Qt.ItemFlag.ItemIsEnabled  # nothing left to refund on it
        return base


@dataclass(frozen=True, slots=True)
class HistoryRow:
    at: datetime
    decision: Decision | None = None
    escalation: Escalation | None = None


class HistoryModel(QAbstractListModel):
    """This customer's gestures and approval requests, newest first, with what the centre answered."""

    def __init__(self, icons: IconRegistry | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._icons = icons
        self._rows: list[HistoryRow] = []
        self._now: datetime | None = None

    def set_history(
        self, decisions: Sequence[Decision], escalations: Sequence[Escalation], now: datetime | None = None
    ) -> None:
        self._now = now
        rows = [HistoryRow(d.granted_at, decision=d) for d in decisions]
        rows += [HistoryRow(e.requested_at, escalation=e) for e in escalations]
        rows.sort(key=lambda r: r.at, reverse=True)
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def row(self, row: int) -> HistoryRow | None:  # type: ignore[override]
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(r)
        if role == Qt.ItemDataRole.ToolTipRole:
            when = i18n.format_absolute(r.at)
            reason = (
                r.decision.reason_text if r.decision else r.escalation.reason_text if r.escalation else ""
            )
            return f"{when}\n{display_text(one_line(reason, 300), isolate=False)}"
        if role == Qt.ItemDataRole.DecorationRole and self._icons is not None:
            code = r.decision.gesture if r.decision else r.escalation.gesture if r.escalation else None
            return self._icons.icon(f"gesture.{code}") if code else QIcon()
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and r.decision
            and r.decision.status is DecisionStatus.REJECTED
        ):
            from PySide6.QtGui import QColor

            return QColor("#b3261e")
        if role == StatusRole:
            if r.decision:
                return r.decision.status.value
            return r.escalation.status.value if r.escalation else None
        return None

    def _text(self, r: HistoryRow) -> str:
        if r.decision is not None:
            d = r.decision
            text = (
                translate("Compensation", "%1 %2 — %3")
                .replace("%1", words.gesture_label(d.gesture))
                .replace("%2", words.money(d.amount_cents, d.currency))
                .replace("%3", words.decision_status(d.status))
            )
            if d.voucher_code and d.status is not DecisionStatus.REJECTED:
                text += " · " + d.voucher_code
            if d.status is DecisionStatus.REJECTED and d.rejection_reason:
                text += " · " + display_text(one_line(d.rejection_reason, 200), isolate=False)
            return f"{i18n.format_relative(d.granted_at, self._now)} · {text}"
        e = r.escalation
        assert e is not None
        text = (
            translate("Compensation", "Approval request: %1 %2 — %3")
            .replace("%1", words.gesture_label(e.gesture))
            .replace("%2", words.money(e.amount_cents, e.currency))
            .replace("%3", words.escalation_status(e.status))
        )
        if e.answer_comment:
            text += " · " + display_text(one_line(e.answer_comment, 200), isolate=False)
        return f"{i18n.format_relative(e.requested_at, self._now)} · {text}"
