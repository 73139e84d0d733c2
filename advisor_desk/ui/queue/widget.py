"""The work queue dock: filters, counts per state, and the table of open cases (Ctrl+1).

The query runs in the "db" lane; the table is refreshed every 30 s (badges move with time) and when
the change bus says cases changed. Selecting a row emits ``caseActivated(customer_id, case_id)``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QFont, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from advisor_desk.cache.reads import FOLLOWUP_KIND
from advisor_desk.cache.views import QueueCounts, QueueRow, QueueRowKind
from advisor_desk.domain.channels import Channel, ResponseState
from advisor_desk.domain.model import CaseKind, CaseStatus
from advisor_desk.ui import labels
from advisor_desk.ui.badge import badge_width, paint_badge
from advisor_desk.ui.changes import Changes
from advisor_desk.ui.context import DeskContext
from advisor_desk.ui.icons import IconRegistry
from advisor_desk.ui.queue.model import (
    BADGE_TEXT_ROLE,
    COL_CHANNEL,
    COL_CUSTOMER,
    COL_KIND,
    COL_STATUS,
    COL_SUBJECT,
    COL_URGENCY,
    ROW_ROLE,
    STATE_ROLE,
    QueueModel,
    QueueProxy,
    badge_text,
    sort_rows,
)

REFRESH_MS = 30_000
#: Rows whose badge texts size the urgency column at each refresh (more than a screen holds).
FIT_ROWS = 150


def count_rows(rows: list[QueueRow], user_id: str) -> QueueCounts:
    """The counts the filter bar shows, from the unfiltered queue (as LocalCache.queue_counts does)."""
    by_state: dict[str, int] = {}
    by_channel: dict[str, int] = {}
    by_kind: dict[str, int] = {}
    by_status: dict[str, int] = {}
    mine = followups = 0
    for row in rows:
        if row.kind is QueueRowKind.FOLLOWUP:
            followups += 1
        else:
            by_state[row.state.value] = by_state.get(row.state.value, 0) + 1
            if row.case_kind is not None:
                by_kind[row.case_kind.value] = by_kind.get(row.case_kind.value, 0) + 1
            if row.status is not None:
                by_status[row.status.value] = by_status.get(row.status.value, 0) + 1
        by_channel[row.channel.value] = by_channel.get(row.channel.value, 0) + 1
        if row.assignee_id == user_id:
            mine += 1
    return QueueCounts(len(rows), mine, followups, by_state, by_channel, by_kind, by_status)


class BadgeDelegate(QStyledItemDelegate):
    """Paints the response-time badge: colour per state, and always its text."""

    def __init__(self, parent: QWidget | None = None, icons: IconRegistry | None = None) -> None:
        super().__init__(parent)
        self.icons = icons
        #: Called with the width a painted badge needs when its column is narrower (never cut).
        self.too_narrow: Callable[[int], None] | None = None

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        state = index.data(STATE_ROLE)
        text = index.data(BADGE_TEXT_ROLE) or ""
        if state is None:
            return
        rect = QRect(option.rect.adjusted(4, 2, -4, -2))
        row = index.data(ROW_ROLE)
        if row is not None and row.kind is QueueRowKind.FOLLOWUP and self.icons is not None:
            # A follow-up call's own badge: the call icon before the pill.
            size = min(16, rect.height())
            self.icons.icon("followup.call").paint(
                painter, QRect(rect.left(), rect.top() + (rect.height() - size) // 2, size, size)
            )
            rect.setLeft(rect.left() + size + 4)
        paint_badge(painter, rect, ResponseState(state), text, option.font)
        if self.too_narrow is not None:
            wanted = self.width_for({text}, option.font)
            if wanted > option.rect.width():
                self.too_narrow(wanted)

    @staticmethod
    def width_for(texts: set[str], font: QFont) -> int:
        """The column width that shows every badge in full (icon room included)."""
        return max((badge_width(t, font) for t in texts), default=0) + 8 + 20


class FilterButton(QToolButton):
    """A drop-down of checkable choices; nothing checked means everything."""

    changed = Signal()

    def __init__(
        self, title: str, choices: list[tuple[str, str]], checked: list[str], parent: QWidget
    ) -> None:
        super().__init__(parent)
        self._title = title
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.setAccessibleName(title)
        menu = QMenu(self)
        self._actions: dict[str, QAction] = {}
        for value, label in choices:
            action = menu.addAction(label)
            action.setCheckable(True)
            action.setChecked(value in checked)
            action.toggled.connect(self._on_toggled)
            self._actions[value] = action
        menu.addSeparator()
        menu.addAction(self.tr("Show all"), self.clear)
        self.setMenu(menu)
        self._update_text()

    def values(self) -> list[str]:
        return [v for v, a in self._actions.items() if a.isChecked()]

    def set_values(self, values: list[str]) -> None:
        for v, a in self._actions.items():
            a.blockSignals(True)
            a.setChecked(v in values)
            a.blockSignals(False)
        self._on_toggled()

    def clear(self) -> None:
        self.set_values([])

    def _on_toggled(self) -> None:
        self._update_text()
        self.changed.emit()

    def _update_text(self) -> None:
        n = len(self.values())
        self.setText(self._title if n == 0 else f"{self._title} ({n})")


class QueueWidget(QWidget):
    caseActivated = Signal(str, str)  # customer id, case id ("" for a follow-up without case)

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("workQueue")
        self._pending: Any = None
        self._again = False
        self.loaded = False
        settings = ctx.settings

        self.mine = QToolButton(self)
        self.mine.setText(self.tr("Mine"))
        self.mine.setCheckable(True)
        self.mine.setChecked(bool(settings.get("queue/mine_only")))
        self.mine.setToolTip(self.tr("Only the cases assigned to me"))
        self.mine.setAccessibleName(self.tr("Only my cases"))
        self.channels = FilterButton(
            self.tr("Channels"),
            [(c.value, labels.channel(c)) for c in Channel],
            settings.get("queue/channels"),
            self,
        )
        kinds = [(k.value, labels.kind(k)) for k in CaseKind]
        # follow-up calls due today are queue rows too: one can list only them (the model's label)
        kinds.append((FOLLOWUP_KIND, QCoreApplication.translate("QueueModel", "Follow-up")))
        self.kinds = FilterButton(self.tr("Kinds"), kinds, settings.get("queue/kinds"), self)
        self.statuses = FilterButton(
            self.tr("Statuses"),
            [(s.value, labels.status(s)) for s in CaseStatus if s.is_open],
            settings.get("queue/statuses"),
            self,
        )
        for button in (self.channels, self.kinds, self.statuses):
            button.changed.connect(self._filters_changed)
        self.mine.toggled.connect(self._filters_changed)

        filters = QHBoxLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        for w in (self.mine, self.channels, self.kinds, self.statuses):
            filters.addWidget(w)
        filters.addStretch(1)

        self.counts = QLabel(self)
        self.counts.setTextFormat(Qt.TextFormat.PlainText)
        self.counts.setWordWrap(True)
        self.counts.setAccessibleName(self.tr("Cases per state"))

        self.model = QueueModel(ctx.icons, self)
        self.proxy = QueueProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(self.tr("Work queue"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COL_URGENCY, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        self.table.setWordWrap(False)
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        badges = BadgeDelegate(self.table, ctx.icons)
        # Badges of rows scrolled into view later widen the column if they need to (after the paint).
        badges.too_narrow = lambda width: QTimer.singleShot(0, self, lambda: self._widen_badge_column(width))
        self.table.setItemDelegateForColumn(COL_URGENCY, badges)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_URGENCY, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(COL_URGENCY, 150)
        header.resizeSection(COL_CHANNEL, 30)
        header.resizeSection(COL_CUSTOMER, 145)
        # The subject is what an advisor scans for: it keeps a readable width of its own (the table
        # scrolls sideways in a narrow dock) instead of stretching into whatever the badges leave.
        header.resizeSection(COL_SUBJECT, 200)
        header.resizeSection(COL_KIND, 90)
        header.resizeSection(COL_STATUS, 118)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        self.table.activated.connect(self._on_activated)

        self.message = QLabel(self)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.message)
        self._show_message(self.tr("Loading the work queue…"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(filters)
        layout.addWidget(self.counts)
        layout.addWidget(self.stack, 1)
        self.setFocusProxy(self.table)

        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        ctx.changes.changed.connect(self._on_changes)

    # -- loading ----------------------------------------------------------------------------------
    def refresh(self) -> None:
        if self._pending is not None:
            self._again = True  # one refresh at a time; the latest wish wins
            return
        ctx = self.ctx
        params = {
            "mine_only": self.mine.isChecked(),
            "channels": self.channels.values() or None,
            "kinds": self.kinds.values() or None,
            "statuses": self.statuses.values() or None,
        }
        now = ctx.now()
        user = ctx.user

        unfiltered = not any(params.values())
        order = self.model.sort_order()

        def load() -> tuple[list[QueueRow], QueueCounts, bool, set[str], tuple[int, Qt.SortOrder]]:
            # Read, count, sort and size here: the GUI thread only swaps the rows in.
            rows = sort_rows(ctx.cache.work_queue(user.id, user.team, now, **params), *order)
            # Without filters the rows are the whole queue: count them here rather than query twice.
            counts = (
                count_rows(rows, user.id) if unfiltered else ctx.cache.queue_counts(user.id, user.team, now)
            )
            never_synced = not rows and unfiltered and ctx.cache.last_sync_at() is None
            # The badge column is sized to the texts of the first rows, worked out here rather than
            # on the GUI thread; badges further down widen it when they are painted.
            texts = {badge_text(r, now, user.time_zone) for r in rows[:FIT_ROWS]}
            return rows, counts, never_synced, texts, order

        self._pending = ctx.tasks.run("db", load, self._loaded, self._failed, owner=self, name="work_queue")

    def _loaded(
        self, result: tuple[list[QueueRow], QueueCounts, bool, set[str], tuple[int, Qt.SortOrder]]
    ) -> None:
        self._pending = None
        rows, counts, never_synced, texts, order = result
        current = self.current_case_id()
        self.model.now = self.ctx.now()
        self.model.time_zone = self.ctx.user.time_zone
        self.model.set_rows(rows, texts, sorted_by=order)
        self.loaded = True
        self._fit_badge_column()
        self._show_counts(counts)
        if rows:
            self.stack.setCurrentWidget(self.table)
            if current:
                self.select_case(current, emit=False)
        elif never_synced:
            self._show_message(
                self.tr(
                    "Your team's cases have not reached this desk yet: they come with the first sync (F5)."
                )
            )
        else:
            self._show_message(
                self.tr("Nothing waiting: no open case matches these filters.")
                if self._any_filter()
                else self.tr("Nothing waiting: every case of your team is handled.")
            )
        if self._again:
            self._again = False
            self.refresh()

    def _fit_badge_column(self) -> None:
        """Badges are never cut: widen the column to the longest text of the first rows (the loader
        works them out); a badge further down widens it when it is painted (BadgeDelegate)."""
        header = self.table.horizontalHeader()
        self._widen_badge_column(
            max(
                BadgeDelegate.width_for(self.model.badge_texts(), self.table.font()),
                header.sectionSizeHint(COL_URGENCY),
            )
        )

    def _widen_badge_column(self, wanted: int) -> None:
        header = self.table.horizontalHeader()
        if header.sectionSize(COL_URGENCY) < wanted:
            header.resizeSection(COL_URGENCY, wanted)

    def _failed(self, exc: BaseException) -> None:
        self._pending = None
        self._show_message(
            self.tr("The work queue could not be read from the local cache. Try F5 to sync again.")
        )

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.stack.setCurrentWidget(self.message)

    def _show_counts(self, counts: QueueCounts) -> None:
        parts = []
        for state in (
            ResponseState.PAST_LIMIT,
            ResponseState.PAST_TARGET,
            ResponseState.NEAR_TARGET,
            ResponseState.ON_TIME,
        ):
            parts.append(f"{labels.state(state)} {counts.by_state.get(state.value, 0)}")
        parts.append(self.tr("Follow-ups %1").replace("%1", str(counts.followups)))
        parts.append(self.tr("Mine %1").replace("%1", str(counts.mine)))
        self.counts.setText(" · ".join(parts))
        self.counts_data = counts

    def _any_filter(self) -> bool:
        return self.mine.isChecked() or bool(
            self.channels.values() or self.kinds.values() or self.statuses.values()
        )

    def _filters_changed(self) -> None:
        s = self.ctx.settings
        s.set("queue/mine_only", self.mine.isChecked())
        s.set("queue/channels", self.channels.values())
        s.set("queue/kinds", self.kinds.values())
        s.set("queue/statuses", self.statuses.values())
        self.refresh()

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches_queue() or changes.customers:
            self.refresh()

    # -- selection --------------------------------------------------------------------------------
    def current_row(self) -> QueueRow | None:
        index = self.table.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def select_followup(self, followup_id: str) -> bool:
        for r in range(self.proxy.rowCount()):
            row = self.proxy.index(r, 0).data(ROW_ROLE)
            if row.kind is QueueRowKind.FOLLOWUP and row.followup_id == followup_id:
                self.table.setCurrentIndex(self.proxy.index(r, 0))
                return True
        return False

    def current_case_id(self) -> str | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        row: QueueRow = index.data(ROW_ROLE)
        return row.case_id

    def select_case(self, case_id: str, emit: bool = True) -> bool:
        source_row = self.model.row_of_case(case_id)
        if source_row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(source_row, 0))
        if not emit:
            self.table.selectionModel().blockSignals(True)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        if not emit:
            self.table.selectionModel().blockSignals(False)
        return True

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        row: QueueRow = current.data(ROW_ROLE)
        self.caseActivated.emit(row.customer_id, row.case_id or "")

    def _on_activated(self, index: QModelIndex) -> None:
        self._on_current(index, QModelIndex())

    def rows_in_view_order(self) -> list[QueueRow]:
        return [self.proxy.index(r, 0).data(ROW_ROLE) for r in range(self.proxy.rowCount())]

    def header_labels(self) -> list[str]:
        return self.model.headers()


__all__ = ["QueueWidget", "COL_CHANNEL", "COL_CUSTOMER", "COL_SUBJECT", "COL_KIND", "COL_STATUS"]
