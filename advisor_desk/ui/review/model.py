"""The review table: the team's decisions as a Qt model, the filter as a proxy, and the local log.

:class:`DecisionTableModel` keeps the decisions (domain objects) and formats a cell only when the view
asks for it, caching the text per row (Anki's and calibre's lazy accessors): a month of a large team
costs nothing until it is scrolled into view. A review mark replaces one row (``dataChanged``), a
reload resets the model. :class:`DecisionFilterProxy` applies a :class:`~advisor_desk.domain.review.
DecisionFilter` (the same rule the export and the centre apply) and sorts on raw values, not on text.
:class:`LogEntryModel` shows this workstation's own decision log, read-only.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QFont, QIcon

from advisor_desk.domain.model import Decision, DecisionStatus
from advisor_desk.domain.review import DecisionFilter, Flag, FlagCode
from advisor_desk.ui.compensation import words
from advisor_desk.ui.i18n import format_absolute, format_money, local_time
from advisor_desk.ui.icons import IconRegistry
from advisor_desk.ui.review import texts
from advisor_desk.ui.safe_text import display_text, one_line, plain_tooltip

Index = QModelIndex | QPersistentModelIndex

# The raw value a column sorts on (amounts as cents, times as datetimes).
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
# The Decision of a row.
DECISION_ROLE = Qt.ItemDataRole.UserRole + 2

(
    COL_FLAGS,
    COL_WHEN,
    COL_ADVISOR,
    COL_CUSTOMER,
    COL_GESTURE,
    COL_AMOUNT,
    COL_REASON,
    COL_STATUS,
    COL_REVIEWED,
) = range(9)

# Flag -> meaning in the icon registry (one picture per kind of concern).
FLAG_ICONS: dict[FlagCode, str] = {
    FlagCode.REPEAT_CUSTOMER: "flag.repeat_customer",
    FlagCode.NEAR_LIMIT: "flag.near_limit",
    FlagCode.HIGH_SPENDER: "flag.high_spender",
    FlagCode.REJECTED_BY_SERVER: "flag.rejected",
    FlagCode.OFFLINE: "flag.offline",
}


class DecisionTableModel(QAbstractTableModel):
    """The team's decisions, one row each, formatted lazily."""

    def __init__(self, icons: IconRegistry, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._icons = icons
        self._decisions: list[Decision] = []
        self._flags: Mapping[str, Sequence[Flag]] = {}
        self._names: Mapping[str, str] = {}
        self._customers: Mapping[str, str] = {}
        self._text: dict[tuple[int, int], str] = {}

    # -- content -------------------------------------------------------------------------------------
    def set_decisions(
        self,
        decisions: Sequence[Decision],
        flags: Mapping[str, Sequence[Flag]],
        advisor_names: Mapping[str, str],
        customer_names: Mapping[str, str],
    ) -> None:
        self.beginResetModel()
        self._decisions = list(decisions)
        self._flags = dict(flags)
        self._names = dict(advisor_names)
        self._customers = dict(customer_names)
        self._text.clear()
        self.endResetModel()

    def replace_decision(self, decision: Decision) -> None:
        """One decision changed (a review mark): repaint its row only."""
        for row, d in enumerate(self._decisions):
            if d.id == decision.id:
                self._decisions[row] = decision
                for column in range(self.columnCount()):
                    self._text.pop((row, column), None)
                self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
                return

    def decisions(self) -> list[Decision]:
        return list(self._decisions)

    def flags_of(self, decision_id: str) -> Sequence[Flag]:
        return self._flags.get(decision_id, ())

    def all_flags(self) -> Mapping[str, Sequence[Flag]]:
        return self._flags

    def advisor_name(self, user_id: str) -> str:
        return self._names.get(user_id) or user_id[:8]

    def advisor_names(self) -> Mapping[str, str]:
        return self._names

    # -- Qt model --------------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._decisions)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 9

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            [
                self.tr("Flags"),
                self.tr("When"),
                self.tr("Advisor"),
                self.tr("Customer"),
                self.tr("Gesture"),
                self.tr("Amount"),
                self.tr("Reason"),
                self.tr("Status"),
                self.tr("Reviewed"),
            ][section]
            if 0 <= section < 9
            else None
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._decisions):
            return None
        d = self._decisions[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            key = (index.row(), column)
            text = self._text.get(key)
            if text is None:
                text = self._display(d, column)
                self._text[key] = text
            return text
        if role == SORT_ROLE:
            return self._sort_value(d, column)
        if role == DECISION_ROLE:
            return d
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(d, column)
        if role == Qt.ItemDataRole.DecorationRole:
            return self._decoration(d, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_AMOUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if (
            role == Qt.ItemDataRole.FontRole
            and column == COL_AMOUNT
            and d.status.counts_against_budget is False
        ):
            font = QFont()
            font.setStrikeOut(True)  # rejected and revoked: not spent (the status column says why)
            return font
        if role == Qt.ItemDataRole.AccessibleTextRole and column == COL_FLAGS:
            return self._flag_names(d) or self.tr("No flag")
        return None

    def _flag_names(self, d: Decision) -> str:
        return ", ".join(texts.flag_name(f.code) for f in self._flags.get(d.id, ()))

    def _display(self, d: Decision, column: int) -> str:
        if column == COL_FLAGS:
            found = self._flags.get(d.id, ())
            return str(len(found)) if found else ""
        if column == COL_WHEN:
            return format_absolute(d.granted_at)
        if column == COL_ADVISOR:
            return display_text(self.advisor_name(d.user_id), isolate=False)
        if column == COL_CUSTOMER:
            return display_text(self._customers.get(d.customer_id) or d.customer_id[:8], isolate=False)
        if column == COL_GESTURE:
            return words.gesture_label(d.gesture)
        if column == COL_AMOUNT:
            return format_money(d.amount_cents, d.currency)
        if column == COL_REASON:
            text = one_line(display_text(d.reason_text, isolate=False), 80)
            return (
                f"{words.reason_label(d.reason_code)} — {text}" if text else words.reason_label(d.reason_code)
            )
        if column == COL_STATUS:
            return texts.status_label(d.status)
        if column == COL_REVIEWED:
            if d.reviewed_at is None:
                return ""
            return QLocale().toString(local_time(d.reviewed_at).date(), QLocale.FormatType.ShortFormat)
        return ""

    def _sort_value(self, d: Decision, column: int) -> Any:
        values: dict[int, Any] = {
            COL_FLAGS: len(self._flags.get(d.id, ())),
            COL_WHEN: d.granted_at.timestamp(),
            COL_ADVISOR: self.advisor_name(d.user_id).casefold(),
            COL_CUSTOMER: (self._customers.get(d.customer_id) or d.customer_id).casefold(),
            COL_GESTURE: words.gesture_label(d.gesture).casefold(),
            COL_AMOUNT: d.amount_cents,
            COL_REASON: words.reason_label(d.reason_code).casefold(),
            COL_STATUS: list(DecisionStatus).index(d.status),
            COL_REVIEWED: d.reviewed_at.timestamp() if d.reviewed_at is not None else 0.0,
        }
        return values.get(column)

    def _tooltip(self, d: Decision, column: int) -> str | None:
        if column == COL_FLAGS:
            found = self._flags.get(d.id, ())
            if not found:
                return None
            name = self.advisor_name(d.user_id)
            return "\n".join(f"{texts.flag_name(f.code)}: {texts.flag_sentence(f, name)}" for f in found)
        if column == COL_REASON:
            return plain_tooltip(d.reason_text) if d.reason_text else None
        if column == COL_STATUS and d.rejection_reason:
            return plain_tooltip(d.rejection_reason)
        if column == COL_REVIEWED and d.reviewed_at is not None:
            who = self.advisor_name(d.reviewed_by) if d.reviewed_by else ""
            head = texts.fill(self.tr("Reviewed by %1 on %2"), who, format_absolute(d.reviewed_at))
            return plain_tooltip(f"{head}\n{d.review_comment}" if d.review_comment else head)
        if column == COL_WHEN:
            return texts.fill(
                self.tr("%1 (made offline)") if d.offline else "%1", format_absolute(d.granted_at)
            )
        return None

    def _decoration(self, d: Decision, column: int) -> QIcon | None:
        if column == COL_FLAGS:
            found = self._flags.get(d.id, ())
            if not found:
                return None
            worst = (
                FlagCode.REJECTED_BY_SERVER
                if any(f.code is FlagCode.REJECTED_BY_SERVER for f in found)
                else found[0].code
            )
            return self._icons.icon(FLAG_ICONS[worst])
        if column == COL_GESTURE:
            return self._icons.icon(f"gesture.{d.gesture.value}")
        if column == COL_REVIEWED and d.reviewed_at is not None:
            return self._icons.icon("state.done")
        return None


class DecisionFilterProxy(QSortFilterProxyModel):
    """Shows the decisions a :class:`DecisionFilter` matches; sorts on raw values."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._filter = DecisionFilter()
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)

    @property
    def decision_filter(self) -> DecisionFilter:
        return self._filter

    def set_decision_filter(self, value: DecisionFilter) -> None:
        # Qt 6.9+: begin/endFilterChange replace the deprecated invalidateFilter()
        self.beginFilterChange()
        self._filter = value
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        source = self.sourceModel()
        d = source.data(source.index(source_row, 0, source_parent), DECISION_ROLE)
        return isinstance(d, Decision) and self._filter.matches(d)

    def visible_decisions(self) -> list[Decision]:
        return [self.data(self.index(row, 0), DECISION_ROLE) for row in range(self.rowCount())]


class LogEntryModel(QAbstractTableModel):
    """This workstation's decision log, entry by entry, read-only."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []  # advisor_desk.cache.views.LogRow
        self._bad: int | None = None

    def set_rows(self, rows: Sequence[Any], first_bad_seq: int | None = None) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._bad = first_bad_seq
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        names = [
            self.tr("Entry"),
            self.tr("Kind"),
            self.tr("What"),
            self.tr("Confirmed by the centre"),
            self.tr("Hash"),
        ]
        return names[section] if 0 <= section < 5 else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return str(r.seq)
            if column == 1:
                return self._kind(r.kind)
            if column == 2:
                return self._what(r.fields)
            if column == 3:
                return format_absolute(r.receipt_at) if r.receipt_at is not None else ""
            return str(r.hash)[:16]
        if role == Qt.ItemDataRole.FontRole and self._bad is not None and r.seq == self._bad:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and column == 4:
            return str(r.hash)
        return None

    def _kind(self, kind: str) -> str:
        return {
            "grant": self.tr("Grant"),
            "rejection": self.tr("Refused by the centre"),
            "escalation": self.tr("Approval request"),
            "escalation_answer": self.tr("Approval answer"),
            "revocation": self.tr("Revocation"),
            "correction": self.tr("Correction"),
        }.get(kind, kind)

    def _what(self, fields: Mapping[str, Any]) -> str:
        amount, currency = fields.get("amount_cents"), fields.get("currency")
        parts = []
        if isinstance(amount, int) and isinstance(currency, str):
            parts.append(format_money(amount, currency))
        for key in ("reason_text", "reason", "comment"):
            value = fields.get(key)
            if isinstance(value, str) and value:
                parts.append(one_line(display_text(value, isolate=False), 60))
                break
        return " — ".join(parts)
