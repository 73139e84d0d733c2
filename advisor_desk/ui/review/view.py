"""The team lead's Decisions view (Ctrl+D): every decision of the team, why, flags, charts, integrity.

What it shows comes from two places, merged by decision id: the central API's ``GET /decisions`` for
the period (in the "net" lane) and the decisions this workstation holds (in the "db" lane), among them
the local ones not yet synced. When the centre cannot be reached the view says so and shows the local
copy. Flags are judged with the 30 days before the period, so a repeat customer on the first day is
seen. Filters run through a proxy with the domain's :class:`~advisor_desk.domain.review.DecisionFilter`;
totals and charts follow what is visible, and the CSV export writes exactly that.

The integrity banner runs :func:`advisor_desk.cache.decision_commands.verify_with_client` off the GUI
thread: the chain replayed, the decisions cross-checked, and the centre's acknowledged copy compared
when it can be reached. A team lead marks decisions reviewed with an optional comment (queued, then
synced like any action). Anyone else who opens it sees this workstation's own log, read-only.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QItemSelectionModel, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from advisor_desk.cache import decision_commands
from advisor_desk.domain import review
from advisor_desk.domain.model import Decision, DecisionStatus, GestureCode, ReasonCode
from advisor_desk.domain.money import AmountParseError, parse_amount
from advisor_desk.domain.wire import WireError, format_time, from_wire
from advisor_desk.ui.changes import Changes
from advisor_desk.ui.compensation import words
from advisor_desk.ui.context import DeskContext
from advisor_desk.ui.i18n import format_money
from advisor_desk.ui.review import texts
from advisor_desk.ui.review.charts import SpendCharts
from advisor_desk.ui.review.model import (
    COL_ADVISOR,
    COL_AMOUNT,
    COL_CUSTOMER,
    COL_FLAGS,
    COL_GESTURE,
    COL_REASON,
    COL_REVIEWED,
    COL_STATUS,
    COL_WHEN,
    DECISION_ROLE,
    DecisionFilterProxy,
    DecisionTableModel,
    LogEntryModel,
)

# How long after a change notice the view reloads (a sync brings many at once).
RELOAD_DELAY_MS = 400


@dataclass
class Loaded:
    """What a load brought back from the workers: ready to show."""

    decisions: list[Decision]  # of the period, newest first
    flags: dict[str, list[review.Flag]]
    names: dict[str, str]
    customers: dict[str, str]
    from_centre: int = 0
    local_only: int = 0  # held here and not (yet) at the centre
    centre_note: str = ""  # why the centre's list is missing, when it is
    unreadable: int = 0  # central decisions that could not be read
    period: tuple[datetime, datetime] | None = None
    team_ids: list[str] = field(default_factory=list)


def merge(local: Sequence[Decision], central: Sequence[Decision]) -> tuple[list[Decision], int]:
    """One copy per decision: the most recently updated (the local one on a tie, it may hold an unsynced
    review mark). Returns the decisions and how many exist only locally."""
    by_id: dict[str, Decision] = {d.id: d for d in central}
    only_local = 0
    for d in local:
        other = by_id.get(d.id)
        if other is None:
            only_local += 1
            by_id[d.id] = d
            continue
        mine = d.updated_at or d.granted_at
        theirs = other.updated_at or other.granted_at
        if mine >= theirs:
            by_id[d.id] = d
    merged = sorted(by_id.values(), key=lambda d: (d.granted_at, d.id), reverse=True)
    return merged, only_local


class IntegrityBanner(QFrame):
    """ "Journal vérifié jusqu'à l'entrée N", or which entry failed and how; details on hover."""

    verifyRequested = Signal()

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        self.icon = QLabel(self)
        self.text = QLabel(self)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setWordWrap(True)
        self.again = QPushButton(self.tr("Verify again"), self)
        self.again.clicked.connect(self.verifyRequested)
        layout.addWidget(self.icon)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.again)
        self.report: decision_commands.IntegrityReport | None = None
        self.show_running()

    def _set_icon(self, meaning: str, color: str | None = None) -> None:
        self.icon.setPixmap(self._ctx.icons.icon(meaning, color).pixmap(20, 20))

    def show_running(self) -> None:
        self._set_icon("sync.syncing")
        self.text.setText(self.tr("Verifying the decision log…"))
        self.setToolTip("")
        self.again.setEnabled(False)

    def show_report(self, report: decision_commands.IntegrityReport) -> None:
        self.report = report
        self.again.setEnabled(True)
        r = report.report
        if r.ok:
            self._set_icon("state.done", "#1e7d32")
            text = texts.verified_sentence(r.verified_up_to)
            if r.verified_up_to == 0:
                pass  # nothing to confirm
            elif report.centre_compared:
                text += " " + texts.fill(
                    self.tr("The centre's copy confirms it up to entry %1."), str(r.confirmed_up_to)
                )
            else:
                text += " " + self.tr("The centre's copy could not be compared: local verification only.")
        else:
            assert r.problem is not None
            self._set_icon("state.past_limit", "#c62828")
            text = texts.tampering_sentence(r.problem, r.first_bad_seq)
            text += " " + texts.fill(self.tr("Verified up to entry %1."), str(r.verified_up_to))
        self.text.setText(text)
        # a red frame, with the icon and the sentence: never colour alone, readable in both themes
        self.setStyleSheet("IntegrityBanner { border: 2px solid #c62828; }" if not r.ok else "")
        details = [texts.fill(self.tr("Entries in the log: %1"), str(report.entries))]
        if r.detail:
            details.append(r.detail)  # English technical detail, for whoever investigates
        if report.centre_note:
            details.append(report.centre_note)
        self.setToolTip("\n".join(details))
        self.setAccessibleDescription(text)

    def show_failure(self, message: str) -> None:
        self.again.setEnabled(True)
        self._set_icon("app.warning")
        self.text.setText(self.tr("The decision log could not be verified: %1").replace("%1", message))


class ReviewView(QWidget):
    """The Decisions view: filters, table, totals, charts, integrity, review marks and export."""

    loaded = Signal()
    verified = Signal()
    marked = Signal(int)
    exported = Signal(str)

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("reviewView")
        self.read_only = not ctx.is_team_lead
        self._loading = False
        self._reload_again = False
        self._loaded: Loaded | None = None
        self._period: tuple[datetime, datetime] | None = None

        layout = QVBoxLayout(self)
        self.banner = IntegrityBanner(ctx, self)
        self.banner.verifyRequested.connect(self.verify)
        layout.addWidget(self.banner)

        self.tabs = QTabWidget(self)
        layout.addWidget(self.tabs, 1)
        self.team_page = QWidget(self.tabs)
        self._build_team_page(self.team_page)
        self.log_page = QWidget(self.tabs)
        self._build_log_page(self.log_page)
        if not self.read_only:
            self.tabs.addTab(self.team_page, ctx.icons.icon("action.decisions"), self.tr("Team decisions"))
        self.tabs.addTab(self.log_page, ctx.icons.icon("action.timeline"), self.tr("This workstation's log"))

        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(RELOAD_DELAY_MS)
        self._reload_timer.timeout.connect(self.reload)
        ctx.changes.changed.connect(self._on_changes)

        if not self.read_only:
            self.reload()
        self.verify()

    # -- building ------------------------------------------------------------------------------------
    def _build_team_page(self, page: QWidget) -> None:
        layout = QVBoxLayout(page)
        layout.addLayout(self._build_filters(page))
        self.source_note = QLabel(page)
        self.source_note.setTextFormat(Qt.TextFormat.PlainText)
        self.source_note.setWordWrap(True)
        layout.addWidget(self.source_note)

        splitter = QSplitter(Qt.Orientation.Vertical, page)
        self.model = DecisionTableModel(self.ctx.icons, self)
        self.proxy = DecisionFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(splitter)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COL_WHEN, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_REASON, QHeaderView.ResizeMode.Stretch)
        for column, width in (
            (COL_FLAGS, 50),
            (COL_WHEN, 120),
            (COL_ADVISOR, 120),
            (COL_CUSTOMER, 120),
            (COL_GESTURE, 150),
            (COL_AMOUNT, 80),
            (COL_STATUS, 110),
            (COL_REVIEWED, 110),
        ):
            self.table.setColumnWidth(column, width)
        self.table.setAccessibleName(self.tr("Team decisions"))
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self.charts = SpendCharts(splitter)
        splitter.addWidget(self.table)
        splitter.addWidget(self.charts)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)

        self.totals_label = QLabel(page)
        self.totals_label.setTextFormat(Qt.TextFormat.PlainText)
        self.totals_label.setWordWrap(True)
        layout.addWidget(self.totals_label)

        actions = QHBoxLayout()
        self.comment = QLineEdit(page)
        self.comment.setPlaceholderText(self.tr("Review comment (optional)"))
        self.comment.setAccessibleName(self.tr("Review comment"))
        self.comment.setMaxLength(2000)
        self.comment.returnPressed.connect(self.mark_selected_reviewed)
        self.mark_button = QPushButton(self.ctx.icons.icon("state.done"), self.tr("Mark reviewed"), page)
        self.mark_button.setToolTip(self.tr("Mark the selected decisions reviewed (Ctrl+M)"))
        self.mark_button.clicked.connect(self.mark_selected_reviewed)
        self.export_button = QPushButton(self.tr("Export CSV…"), page)
        self.export_button.setToolTip(self.tr("Write the decisions shown to a CSV file (Ctrl+E)"))
        self.export_button.clicked.connect(self.choose_export_file)
        self.refresh_button = QPushButton(self.ctx.icons.icon("sync.now"), self.tr("Refresh"), page)
        self.refresh_button.clicked.connect(self.reload)
        self.action_note = QLabel(page)
        self.action_note.setTextFormat(Qt.TextFormat.PlainText)
        actions.addWidget(self.comment, 2)
        actions.addWidget(self.mark_button)
        actions.addWidget(self.action_note, 1)
        actions.addWidget(self.refresh_button)
        actions.addWidget(self.export_button)
        layout.addLayout(actions)
        for keys, slot in (("Ctrl+M", self.mark_selected_reviewed), ("Ctrl+E", self.choose_export_file)):
            shortcut = QShortcut(QKeySequence(keys), page)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self._update_actions()

    def _build_filters(self, page: QWidget) -> QVBoxLayout:
        bar = QVBoxLayout()
        local_today = self.ctx.now().astimezone(review.zone(self.ctx.user.time_zone)).date()
        today = QDate(local_today.year, local_today.month, local_today.day)
        self.from_date = QDateEdit(today.addDays(-29), page)
        self.to_date = QDateEdit(today, page)
        for edit, name in ((self.from_date, self.tr("From")), (self.to_date, self.tr("To"))):
            edit.setCalendarPopup(True)
            edit.setAccessibleName(name)
            edit.dateChanged.connect(self._period_changed)
        self.advisor_filter = QComboBox(page)
        self.advisor_filter.addItem(self.tr("All advisors"), None)
        self.gesture_filter = QComboBox(page)
        self.gesture_filter.addItem(self.tr("All gestures"), None)
        for code in GestureCode:
            self.gesture_filter.addItem(
                self.ctx.icons.icon(f"gesture.{code.value}"), words.gesture_label(code), code
            )
        self.reason_filter = QComboBox(page)
        self.reason_filter.addItem(self.tr("All reasons"), None)
        for reason in ReasonCode:
            self.reason_filter.addItem(words.reason_label(reason), reason)
        self.status_filter = QComboBox(page)
        self.status_filter.addItem(self.tr("All statuses"), None)
        for status in DecisionStatus:
            self.status_filter.addItem(texts.status_label(status), status)
        self.reviewed_filter = QComboBox(page)
        self.reviewed_filter.addItem(self.tr("Reviewed or not"), review.Reviewed.ANY)
        self.reviewed_filter.addItem(self.tr("Not reviewed"), review.Reviewed.NO)
        self.reviewed_filter.addItem(self.tr("Reviewed"), review.Reviewed.YES)
        self.min_amount = QLineEdit(page)
        self.min_amount.setPlaceholderText(self.tr("Min"))
        self.max_amount = QLineEdit(page)
        self.max_amount.setPlaceholderText(self.tr("Max"))
        for edit, name in (
            (self.min_amount, self.tr("Smallest amount")),
            (self.max_amount, self.tr("Largest amount")),
        ):
            edit.setAccessibleName(name)
            edit.setToolTip(name)
            edit.setMaximumWidth(80)
            edit.textChanged.connect(self.apply_filters)
        for combo, name in (
            (self.advisor_filter, self.tr("Advisor")),
            (self.gesture_filter, self.tr("Gesture")),
            (self.reason_filter, self.tr("Reason")),
            (self.status_filter, self.tr("Status")),
            (self.reviewed_filter, self.tr("Reviewed")),
        ):
            combo.setAccessibleName(name)
            combo.setToolTip(name)
            combo.currentIndexChanged.connect(self.apply_filters)
        for combo in (
            self.advisor_filter,
            self.gesture_filter,
            self.reason_filter,
            self.status_filter,
            self.reviewed_filter,
        ):
            # long gesture and reason names must not make the bar wider than the window
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(12)
        period = QLabel(self.tr("Period"), page)
        dash = QLabel("–", page)
        amount = QLabel(self.tr("Amount"), page)
        first_row = QHBoxLayout()
        for widget in (period, self.from_date, dash, self.to_date, amount, self.min_amount, self.max_amount):
            first_row.addWidget(widget)
        first_row.addWidget(self.reviewed_filter)
        first_row.addStretch(1)
        second_row = QHBoxLayout()
        for combo in (self.advisor_filter, self.gesture_filter, self.reason_filter, self.status_filter):
            second_row.addWidget(combo, 1)
        bar.addLayout(first_row)
        bar.addLayout(second_row)
        return bar

    def _build_log_page(self, page: QWidget) -> None:
        layout = QVBoxLayout(page)
        note = QLabel(
            self.tr("Every decision taken on this workstation, as chained in its log (read-only)."), page
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        self.log_model = LogEntryModel(self)
        self.log_table = QTableView(page)
        self.log_table.setModel(self.log_model)
        self.log_table.verticalHeader().setVisible(False)
        self.log_table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.log_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.log_table.setAccessibleName(self.tr("This workstation's log"))
        layout.addWidget(self.log_table, 1)

    # -- loading -------------------------------------------------------------------------------------
    def period(self) -> tuple[datetime, datetime]:
        first = self.from_date.date().toPython()
        last = self.to_date.date().toPython()
        if last < first:
            first, last = last, first
        assert isinstance(first, date) and isinstance(last, date)
        return review.local_period(first, last, self.ctx.user.time_zone)

    def set_period(self, first: date, last: date) -> None:
        """Show the local days ``first`` to ``last`` (tests and the keyboard-minded use this too)."""
        for edit, day in ((self.from_date, first), (self.to_date, last)):
            edit.blockSignals(True)
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.blockSignals(False)
        self.reload()

    def _period_changed(self) -> None:
        self._reload_timer.start()

    def _on_changes(self, changes: Changes) -> None:
        if changes.source is self or self.read_only:
            return
        if changes.is_everything or "decisions" in changes.kinds:
            self._reload_timer.start()

    def reload(self) -> None:
        if self.read_only:
            return
        if self._loading:
            self._reload_again = True
            return
        self._loading = True
        self._reload_again = False
        self.refresh_button.setEnabled(False)
        self.source_note.setText(self.tr("Loading the team's decisions…"))
        period = self.period()
        self._period = period
        client = self.ctx.client
        if client is None:
            self._load_local(period, None, self.tr("no connection to the centre"))
            return
        start, end = period
        since = start - review.FlagRules().repeat_window

        def fetch() -> Any:
            return client.decision_listing(**{"from": format_time(since), "to": format_time(end)})

        self.ctx.tasks.run(
            "net",
            fetch,
            on_done=lambda listing: self._load_local(
                period, listing.decisions, "", listing.people, listing.customers
            ),
            on_error=lambda exc: self._load_local(period, None, getattr(exc, "user_message", "") or str(exc)),
            owner=self,
            name="review.central_decisions",
        )

    def _load_local(
        self,
        period: tuple[datetime, datetime],
        central_raw: list[dict[str, Any]] | None,
        note: str,
        people: dict[str, str] | None = None,
        customer_names: dict[str, str] | None = None,
    ) -> None:
        cache = self.ctx.cache
        user = self.ctx.user

        def work() -> Loaded:
            start, end = period
            since = start - review.FlagRules().repeat_window
            local = [d for d in cache.decisions(since=since, until=end) if d.team == user.team]
            central: list[Decision] = []
            unreadable = 0
            for raw in central_raw or ():
                try:
                    central.append(from_wire(Decision, raw))
                except (WireError, TypeError, ValueError):
                    unreadable += 1
            merged, only_local = merge(local, central)
            envelopes = decision_commands.envelopes_for(cache, merged, user)
            team_ids = sorted({d.user_id for d in merged})
            shown = review.apply_filter(merged, review.DecisionFilter(period_from=start, period_to=end))
            flagged = decision_commands.period_flags(merged, shown, envelopes, team_ids)
            names = decision_commands.known_names(cache.path)
            names.update(people or {})  # the centre knows every colleague, even one who never wrote here
            names[user.id] = user.display_name
            # the centre's names for customers outside this desk's scope, this desk's own for the rest
            customers = dict(customer_names or {})
            customers.update(
                {
                    c.id: f"{c.first_name} {c.last_name}".strip()
                    for c in cache.customers(sorted({d.customer_id for d in shown}))
                }
            )
            return Loaded(
                shown,
                {k: v for k, v in flagged.items()},
                names,
                customers,
                from_centre=len(central),
                local_only=only_local if central_raw is not None else 0,
                centre_note=note,
                unreadable=unreadable,
                period=period,
                team_ids=team_ids,
            )

        self.ctx.tasks.run(
            "db", work, on_done=self._show_loaded, on_error=self._load_failed, owner=self, name="review.load"
        )

    def _show_loaded(self, loaded: Loaded) -> None:
        self._loading = False
        self.refresh_button.setEnabled(True)
        self._loaded = loaded
        self.model.set_decisions(loaded.decisions, loaded.flags, loaded.names, loaded.customers)
        self._fill_advisors(loaded)
        if loaded.centre_note:
            self.source_note.setText(
                texts.fill(
                    self.tr("The centre could not be asked (%1): showing this workstation's copy."),
                    loaded.centre_note,
                )
            )
        else:
            self.source_note.setText(
                texts.fill(
                    self.tr("Decisions of the centre, and %1 held here not yet at the centre."),
                    str(loaded.local_only),
                )
            )
        self.apply_filters()
        self.loaded.emit()
        if self._reload_again:
            self.reload()

    def _load_failed(self, exc: BaseException) -> None:
        self._loading = False
        self.refresh_button.setEnabled(True)
        self.source_note.setText(
            texts.fill(self.tr("The decisions could not be loaded: %1"), str(exc) or type(exc).__name__)
        )

    def _fill_advisors(self, loaded: Loaded) -> None:
        current = self.advisor_filter.currentData()
        self.advisor_filter.blockSignals(True)
        self.advisor_filter.clear()
        self.advisor_filter.addItem(self.tr("All advisors"), None)
        people = sorted(loaded.team_ids, key=lambda i: (loaded.names.get(i) or i).casefold())
        for user_id in people:
            self.advisor_filter.addItem(loaded.names.get(user_id) or user_id[:8], user_id)
        index = self.advisor_filter.findData(current)
        self.advisor_filter.setCurrentIndex(max(0, index))
        self.advisor_filter.blockSignals(False)

    # -- filtering, totals, charts ---------------------------------------------------------------------
    def _amount(self, edit: QLineEdit) -> int | None:
        text = edit.text().strip()
        if not text:
            edit.setProperty("invalid", False)
            edit.setToolTip(edit.accessibleName())
            return None
        locale = QLocale()
        try:
            cents = parse_amount(text, locale.decimalPoint(), locale.groupSeparator())
        except AmountParseError as exc:
            edit.setProperty("invalid", True)
            edit.setToolTip(words.amount_problem(exc.problem, "EUR"))
            edit.setStyleSheet("border: 1px solid #c62828;")
            return None
        edit.setProperty("invalid", False)
        edit.setStyleSheet("")
        edit.setToolTip(edit.accessibleName())
        return cents

    def current_filter(self) -> review.DecisionFilter:
        low, high = self._amount(self.min_amount), self._amount(self.max_amount)
        if low is not None and high is not None and high < low:
            low, high = high, low
        advisor = self.advisor_filter.currentData()
        gesture = self.gesture_filter.currentData()
        reason = self.reason_filter.currentData()
        status = self.status_filter.currentData()
        start, end = self._period or (None, None)
        return review.DecisionFilter(
            advisor_ids=frozenset({advisor}) if advisor else frozenset(),
            period_from=start,
            period_to=end,
            # combo data comes back as plain text from Qt: the enums are rebuilt from it
            gestures=frozenset({GestureCode(gesture)}) if gesture else frozenset(),
            min_amount_cents=low,
            max_amount_cents=high,
            reason_codes=frozenset({ReasonCode(reason)}) if reason else frozenset(),
            statuses=frozenset({DecisionStatus(status)}) if status else frozenset(),
            reviewed=review.Reviewed(self.reviewed_filter.currentData() or review.Reviewed.ANY),
        )

    def apply_filters(self) -> None:
        if self.read_only:
            return
        self.proxy.set_decision_filter(self.current_filter())
        self._update_totals()
        self._update_actions()

    def visible_decisions(self) -> list[Decision]:
        return self.proxy.visible_decisions()

    def _update_totals(self) -> None:
        shown = self.visible_decisions()
        tz = self.ctx.user.time_zone
        result = review.totals(shown, tz, self._period)
        spent = " + ".join(format_money(c, cur) for cur, c in result.amount_cents.items()) or format_money(
            0, self.ctx.authority.currency if self.ctx.authority else "EUR"
        )
        parts = [
            texts.fill(self.tr("%1 decisions shown"), str(result.count)),
            texts.fill(self.tr("spent %1"), spent),
        ]
        for status in (DecisionStatus.PENDING, DecisionStatus.REJECTED, DecisionStatus.REVOKED):
            bucket = result.by_status.get(status)
            if bucket is not None:
                parts.append(f"{texts.status_label(status)}: {bucket.count}")
        flagged = sum(1 for d in shown if self.model.flags_of(d.id))
        parts.append(texts.fill(self.tr("%1 flagged"), str(flagged)))
        unreviewed = sum(1 for d in shown if d.reviewed_at is None)
        parts.append(texts.fill(self.tr("%1 not reviewed"), str(unreviewed)))
        self.totals_label.setText(" · ".join(parts))
        self.charts.show_totals(result, self.model.advisor_names())

    def _update_actions(self) -> None:
        selected = len(self.selected_decisions()) if hasattr(self, "proxy") else 0
        self.mark_button.setEnabled(selected > 0 and not self.read_only)
        if selected:
            self.mark_button.setText(texts.fill(self.tr("Mark reviewed (%1)"), str(selected)))
        else:
            self.mark_button.setText(self.tr("Mark reviewed"))

    # -- review marks ----------------------------------------------------------------------------------
    def selected_decisions(self) -> list[Decision]:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return [self.proxy.data(index, DECISION_ROLE) for index in rows]

    def select_decision(self, decision_id: str) -> bool:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            d = self.proxy.data(index, DECISION_ROLE)
            if d.id == decision_id:
                self.table.selectionModel().select(
                    index,
                    QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
                )
                self.table.scrollTo(index)
                return True
        return False

    def mark_selected_reviewed(self) -> None:
        chosen = self.selected_decisions()
        if self.read_only or not chosen:
            return
        comment = self.comment.text().strip() or None
        cache = self.ctx.cache
        user = self.ctx.user

        def work() -> list[Decision]:
            from advisor_desk.cache.errors import NotFound

            done = []
            for d in chosen:
                try:
                    done.append(cache.mark_reviewed(d.id, comment, by=user))
                except NotFound:
                    # a decision seen through the centre only: keep it here, then mark it
                    cache.upsert_entities([d])
                    done.append(cache.mark_reviewed(d.id, comment, by=user))
            return done

        self.mark_button.setEnabled(False)
        self.ctx.tasks.run(
            "db", work, on_done=self._marked, on_error=self._mark_failed, owner=self, name="review.mark"
        )

    def _marked(self, decisions: list[Decision]) -> None:
        for d in decisions:
            self.model.replace_decision(d)
        self.comment.clear()
        self.action_note.setText(
            texts.fill(self.tr("%1 marked reviewed; sent at the next sync."), str(len(decisions)))
        )
        self._update_totals()
        self._update_actions()
        self.ctx.request_sync()
        self.ctx.changes.publish(Changes.of(kinds=("decisions",), source=self))
        self.marked.emit(len(decisions))

    def _mark_failed(self, exc: BaseException) -> None:
        self._update_actions()
        self.action_note.setText(
            texts.fill(self.tr("The review mark was not saved: %1"), str(exc) or type(exc).__name__)
        )

    # -- export ----------------------------------------------------------------------------------------
    def choose_export_file(self) -> None:
        if self.read_only:
            return
        first = self.from_date.date().toString("yyyy-MM-dd")
        last = self.to_date.date().toString("yyyy-MM-dd")
        suggested = str(Path.home() / f"decisions-{first}-{last}.csv")
        dialog = QFileDialog(
            self, self.tr("Export the decisions shown"), suggested, self.tr("CSV files (*.csv)")
        )
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("csv")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(lambda name: self.export_to(Path(name)))
        dialog.open()
        self.export_dialog = dialog

    def export_to(self, path: Path) -> None:
        """Write what is shown (filters applied) to ``path``, off the GUI thread."""
        rows = review.csv_rows(
            sorted(self.visible_decisions(), key=lambda d: (d.granted_at, d.id)),
            self.model.all_flags(),
            self.model.advisor_names(),
        )

        def work() -> int:
            decision_commands.write_csv(path, rows)
            return len(rows) - 1

        def done(count: int) -> None:
            self.action_note.setText(texts.fill(self.tr("%1 decisions written to %2"), str(count), path.name))
            self.exported.emit(str(path))

        def failed(exc: BaseException) -> None:
            self.action_note.setText(
                texts.fill(self.tr("The file could not be written: %1"), str(exc) or type(exc).__name__)
            )

        self.ctx.tasks.run("db", work, on_done=done, on_error=failed, owner=self, name="review.export")

    # -- integrity -------------------------------------------------------------------------------------
    def verify(self) -> None:
        self.banner.show_running()
        path = getattr(self.ctx.cache, "path", None)
        client = self.ctx.client
        cache = self.ctx.cache

        def work() -> decision_commands.IntegrityReport:
            return decision_commands.verify_with_client(path, client)

        def done(report: decision_commands.IntegrityReport) -> None:
            self.banner.show_report(report)
            self.ctx.tasks.run(
                "db",
                cache.decision_log_rows,
                on_done=lambda rows: self._show_log(rows, report),
                on_error=failed,
                owner=self,
                name="review.log_rows",
            )

        def failed(exc: BaseException) -> None:
            self.banner.show_failure(str(exc) or type(exc).__name__)
            self.verified.emit()

        # the "net" lane: the centre's copy is an HTTP call, and the file is read on its own read-only
        # connection; the log rows for the table come from the cache in its own lane afterwards
        self.ctx.tasks.run("net", work, on_done=done, on_error=failed, owner=self, name="review.verify")

    def _show_log(self, rows: list[Any], report: decision_commands.IntegrityReport) -> None:
        self.log_model.set_rows(rows, report.report.first_bad_seq)
        for column in (0, 1, 3):
            self.log_table.resizeColumnToContents(column)
        self.verified.emit()

    # -- for the main window ---------------------------------------------------------------------------
    def counts(self) -> Mapping[str, int]:
        return {"shown": self.proxy.rowCount() if not self.read_only else 0}
