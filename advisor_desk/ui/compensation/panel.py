"""The "Say yes" tab (Ctrl+G): what I can grant now, and a goodwill gesture granted in one step.

For the customer (and case) open on the desk, the panel shows what is left of my authority (today, for
this customer over 30 days, for the chosen gesture), proposes the gestures the case's category and
order suggest, and takes an amount typed in the locale's format ("12,50" in French, "12.50" in
English) or picked from presets, a reason category and a few words. Inside the envelope one click,
Enter or Ctrl+Enter says yes: the cache writes the decision, its log entry and its outbox entry in one
durable transaction (in the "db" lane), the timeline hears of it on the change bus, and
:attr:`CompensationPanel.gestureGranted` hands the decision to the reply composer. Beyond the envelope
the button says by how much, the reason says which limit, and an approval request can go to the team
lead; the answer, like any refusal by the centre, comes back through sync and is shown in the banner.

Offline, the cache still grants within what remained at the last sync; the confirmation says the
gesture is pending confirmation by the centre until the centre confirms it.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from advisor_desk.cache.errors import CacheError, GrantRefused, NoAuthority
from advisor_desk.domain.authority import Verdict
from advisor_desk.domain.model import Decision, DecisionStatus, Escalation, GestureCode, ReasonCode
from advisor_desk.domain.money import AmountParseError, AmountProblem, format_cents_plain, parse_amount
from advisor_desk.ui.changes import Changes
from advisor_desk.ui.compensation import words
from advisor_desk.ui.compensation.draft import LINE_BOUND, GrantContext, load_grant_context
from advisor_desk.ui.compensation.models import (
    CodeRole,
    GestureModel,
    GestureRow,
    HistoryModel,
    OrderLineModel,
)
from advisor_desk.ui.compensation.notices import NoticeBanner, NoticeBoard
from advisor_desk.ui.context import DeskContext
from advisor_desk.ui.safe_text import display_text

log = logging.getLogger(__name__)

#: The most a reason's short text holds: a sentence or two, the details go in a note.
MAX_REASON = 500
#: Preset buttons that fit on one line of the side panel.
MAX_PRESETS = 4
ERROR_STYLE = "color: #b3261e;"


def parse_typed_amount(text: str, locale: QLocale | None = None) -> int:
    """Cents from what the user typed, in the locale's format. Raises AmountParseError."""
    locale = locale or QLocale()
    return parse_amount(text, locale.decimalPoint(), locale.groupSeparator())


def amount_for_field(cents: int, locale: QLocale | None = None) -> str:
    """The bare number a preset writes into the amount field ("15,00" in French)."""
    locale = locale or QLocale()
    return format_cents_plain(cents, locale.decimalPoint())


class AmountCheck:
    """What the amount field holds: cents, or the problem to show next to it."""

    def __init__(self, text: str, locale: QLocale | None = None) -> None:
        self.text = text
        self.cents: int | None = None
        self.problem: AmountProblem | None = None
        try:
            self.cents = parse_typed_amount(text, locale)
        except AmountParseError as exc:
            self.problem = exc.problem


class CompensationPanel(QWidget):
    """The Say yes side panel; a :class:`~advisor_desk.ui.panels.SidePanel`."""

    #: A gesture was granted (a :class:`Decision`, pending until the centre confirms it).
    gestureGranted = Signal(object)
    #: The sentence the advisor asked to insert into the reply ("a voucher of 15,00 €, code …").
    insertIntoReply = Signal(str)
    #: An approval request was sent to the team lead (an :class:`Escalation`).
    escalationRequested = Signal(object)

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.customer_id: str | None = None
        self.case_id: str | None = None
        self.grant_context: GrantContext | None = None
        self.last_decision: Decision | None = None
        self.verdict: Verdict | None = None
        self.online = ctx.sync is not None
        self._load_seq = 0
        self._busy = False
        self._touched_amount = False
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        self.board = NoticeBoard(ctx, self)
        self._build()
        self._wire()
        self.board.refresh()
        self._show_empty()

    # -- building -----------------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.banner = NoticeBanner(self.board, self)
        outer.addWidget(self.banner)
        scroll = self.scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        # The tab is narrow: everything wraps or elides rather than scrolling sideways.
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        outer.addWidget(scroll, 1)
        body = QWidget(scroll)
        scroll.setWidget(body)
        layout = QVBoxLayout(body)

        self.empty_label = QLabel(
            self.tr("Open a customer or a case to see what you can grant them (Ctrl+G)."), body
        )
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.empty_label)

        self.content = QWidget(body)
        layout.addWidget(self.content)
        layout.addStretch(1)
        col = QVBoxLayout(self.content)
        col.setContentsMargins(0, 0, 0, 0)

        self.header = QLabel(self.content)
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        self.header.setWordWrap(True)
        self.header.setStyleSheet("font-weight: bold;")
        col.addWidget(self.header)

        self.offline_label = QLabel(
            self.tr(
                "Offline: you can still grant within what remained at the last sync. "
                "The centre confirms each gesture when the connection is back."
            ),
            self.content,
        )
        self.offline_label.setWordWrap(True)
        self.offline_label.setObjectName("offlineLabel")
        col.addWidget(self.offline_label)

        self.authority_box = QGroupBox(self.tr("What I can grant now"), self.content)
        form = QFormLayout(self.authority_box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.left_today = QLabel(self.authority_box)
        self.left_customer = QLabel(self.authority_box)
        self.left_gesture = QLabel(self.authority_box)
        for label in (self.left_today, self.left_customer, self.left_gesture):
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
        form.addRow(self.tr("Today"), self.left_today)
        form.addRow(self.tr("This customer (30 days)"), self.left_customer)
        form.addRow(self.tr("This gesture, at most"), self.left_gesture)
        col.addWidget(self.authority_box)

        self.no_authority = QLabel(
            self.tr(
                "Your authority has not been received from the centre yet: "
                "connect once (F5) before granting gestures."
            ),
            self.content,
        )
        self.no_authority.setWordWrap(True)
        self.no_authority.setStyleSheet(ERROR_STYLE)
        col.addWidget(self.no_authority)

        self.grant_box = QWidget(self.content)
        grant = QFormLayout(self.grant_box)
        grant.setContentsMargins(0, 0, 0, 0)
        grant.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        grant.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

        self.gestures = GestureModel(self.ctx.icons, self)
        self.gesture_view = QListView(self.grant_box)
        self.gesture_view.setModel(self.gestures)
        self.gesture_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.gesture_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.gesture_view.setAccessibleName(self.tr("Gesture"))
        self.gesture_view.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.gesture_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.gesture_view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.gesture_view.setUniformItemSizes(True)
        grant.addRow(self.tr("&Gesture"), self.gesture_view)
        self._gesture_label = grant.labelForField(self.gesture_view)
        if isinstance(self._gesture_label, QLabel):
            self._gesture_label.setBuddy(self.gesture_view)

        self.lines = OrderLineModel(self)
        self.line_combo = QComboBox(self.grant_box)
        self.line_combo.setModel(self.lines)
        self.line_combo.setAccessibleName(self.tr("Order line to refund"))
        self.line_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.line_combo.setMinimumContentsLength(20)
        grant.addRow(self.tr("Order &line"), self.line_combo)
        self._line_label = grant.labelForField(self.line_combo)
        if isinstance(self._line_label, QLabel):
            self._line_label.setBuddy(self.line_combo)

        amount_box = QWidget(self.grant_box)
        amount_col = QVBoxLayout(amount_box)
        amount_col.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.amount = QLineEdit(amount_box)
        self.amount.setAccessibleName(self.tr("Amount"))
        self.amount.setMaxLength(40)
        row.addWidget(self.amount, 1)
        self.currency_label = QLabel(amount_box)
        row.addWidget(self.currency_label)
        amount_col.addLayout(row)
        self.presets_box = QWidget(amount_box)
        self.presets_row = QHBoxLayout(self.presets_box)
        self.presets_row.setContentsMargins(0, 0, 0, 0)
        self.presets_row.setSpacing(4)
        self.presets_row.addStretch(1)
        amount_col.addWidget(self.presets_box)
        self.preset_buttons: list[QPushButton] = []
        self.bounds_label = QLabel(amount_box)
        self.bounds_label.setWordWrap(True)
        self.bounds_label.setObjectName("boundsLabel")
        amount_col.addWidget(self.bounds_label)
        self.amount_problem = QLabel(amount_box)
        self.amount_problem.setWordWrap(True)
        self.amount_problem.setStyleSheet(ERROR_STYLE)
        self.amount_problem.setObjectName("amountProblem")
        self.amount_problem.hide()
        amount_col.addWidget(self.amount_problem)
        grant.addRow(self.tr("&Amount"), amount_box)
        label = grant.labelForField(amount_box)
        if isinstance(label, QLabel):
            label.setBuddy(self.amount)

        reason_box = QWidget(self.grant_box)
        reason_col = QVBoxLayout(reason_box)
        reason_col.setContentsMargins(0, 0, 0, 0)
        self.reason_code = QComboBox(reason_box)
        self.reason_code.setAccessibleName(self.tr("Reason category"))
        self.reason_code.addItem(self.tr("Choose a reason…"), "")
        for code in ReasonCode:
            self.reason_code.addItem(words.reason_label(code), code.value)
        reason_col.addWidget(self.reason_code)
        self.reason_text = QLineEdit(reason_box)
        self.reason_text.setPlaceholderText(self.tr("What happened, in a few words (required)"))
        self.reason_text.setAccessibleName(self.tr("Reason, in a few words"))
        self.reason_text.setMaxLength(MAX_REASON)
        reason_col.addWidget(self.reason_text)
        grant.addRow(self.tr("&Reason"), reason_box)
        label = grant.labelForField(reason_box)
        if isinstance(label, QLabel):
            label.setBuddy(self.reason_code)
        col.addWidget(self.grant_box)

        self.verdict_label = QLabel(self.content)
        self.verdict_label.setWordWrap(True)
        self.verdict_label.setTextFormat(Qt.TextFormat.PlainText)
        self.verdict_label.setObjectName("verdictLabel")
        col.addWidget(self.verdict_label)

        self.say_yes = QPushButton(self.content)
        self.say_yes.setObjectName("sayYesButton")
        self.say_yes.setIcon(self.ctx.icons.icon("action.say_yes"))
        self.say_yes.setDefault(True)
        self.say_yes.setMinimumHeight(36)
        col.addWidget(self.say_yes)
        self.escalate = QPushButton(self.tr("Request approval from team lead"), self.content)
        self.escalate.setObjectName("escalateButton")
        self.escalate.setToolTip(
            self.tr("Beyond your authority: ask your team lead; the answer comes back here through sync.")
        )
        col.addWidget(self.escalate)

        self.confirmation = QFrame(self.content)
        self.confirmation.setObjectName("confirmation")
        self.confirmation.setFrameShape(QFrame.Shape.StyledPanel)
        conf = QVBoxLayout(self.confirmation)
        self.confirmation_label = QLabel(self.confirmation)
        self.confirmation_label.setTextFormat(Qt.TextFormat.PlainText)
        self.confirmation_label.setWordWrap(True)
        self.confirmation_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        conf.addWidget(self.confirmation_label)
        self.voucher_label = QLabel(self.confirmation)
        self.voucher_label.setTextFormat(Qt.TextFormat.PlainText)
        self.voucher_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.voucher_label.setStyleSheet("font-size: 16pt; font-weight: bold; font-family: monospace;")
        conf.addWidget(self.voucher_label)
        self.insert_button = QPushButton(self.tr("Insert into the reply"), self.confirmation)
        conf.addWidget(self.insert_button)
        self.confirmation.hide()
        col.addWidget(self.confirmation)

        self.history_title = QLabel(self.tr("Gestures and requests for this customer"), self.content)
        self.history_title.setStyleSheet("font-weight: bold;")
        col.addWidget(self.history_title)
        self.history = HistoryModel(self.ctx.icons, self)
        self.history_view = QListView(self.content)
        self.history_view.setModel(self.history)
        self.history_view.setWordWrap(True)
        self.history_view.setMinimumHeight(120)
        self.history_view.setAccessibleName(self.history_title.text())
        self.history_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        col.addWidget(self.history_view)

        self._confirm_shortcuts = []
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.grant)
            self._confirm_shortcuts.append(shortcut)

    def _wire(self) -> None:
        self.gesture_view.selectionModel().currentChanged.connect(lambda *_: self._gesture_changed())
        self.line_combo.currentIndexChanged.connect(lambda _i: self._gesture_changed())
        self.amount.textEdited.connect(self._amount_edited)
        self.amount.returnPressed.connect(self.grant)
        self.reason_text.returnPressed.connect(self.grant)
        self.reason_text.textChanged.connect(lambda _t: self.revalidate())
        self.reason_code.currentIndexChanged.connect(lambda _i: self.revalidate())
        self.say_yes.clicked.connect(self.grant)
        self.escalate.clicked.connect(self.request_approval)
        self.insert_button.clicked.connect(self._insert)
        self.ctx.changes.changed.connect(self._on_changes)
        sync = self.ctx.sync
        if sync is not None and hasattr(sync, "stateChanged"):
            sync.stateChanged.connect(self._sync_state)  # type: ignore[attr-defined]

    # -- the SidePanel protocol ---------------------------------------------------------------------
    def set_selection(self, customer_id: str | None, case_id: str | None) -> None:
        if customer_id != self.customer_id:
            self.amount.clear()
            self.reason_text.clear()
            self.reason_code.setCurrentIndex(0)
            self.confirmation.hide()
            self.last_decision = None
            self.grant_context = None
            self._touched_amount = False
        self.customer_id, self.case_id = customer_id, case_id
        self.reload()

    def focusInEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        super().focusInEvent(event)
        # Ctrl+G lands here: go straight to where the advisor acts.
        target = self.gesture_view if self.grant_context is not None else None
        if target is not None and self.grant_box.isVisible():
            target.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # -- loading ------------------------------------------------------------------------------------
    def reload(self) -> None:
        if self.customer_id is None:
            self._show_empty()
            return
        self._load_seq += 1
        seq = self._load_seq
        cache, user, customer_id, case_id = self.ctx.cache, self.ctx.user, self.customer_id, self.case_id
        at = self.ctx.now()
        self.ctx.tasks.run(
            "db",
            lambda: load_grant_context(cache, user, customer_id, case_id, at),
            on_done=lambda result: self._loaded(seq, result),
            on_error=lambda exc: self._load_failed(seq, exc),
            owner=self,
            name="grant context",
        )

    def _loaded(self, seq: int, context: GrantContext | None) -> None:
        if seq != self._load_seq:
            return  # an older load, overtaken by a newer selection
        if context is None:
            self._show_empty(self.tr("This customer is not on this desk yet; it is being fetched."))
            return
        first = self.grant_context is None or self.grant_context.customer.id != context.customer.id
        self.grant_context = context
        self.empty_label.hide()
        self.content.show()
        name = display_text(context.customer.display_name)
        if context.case is not None:
            self.header.setText(f"{name} · {display_text(context.case.subject)}")
        else:
            self.header.setText(name)
        self.offline_label.setVisible(not self.online)
        self.no_authority.setVisible(context.envelope is None)
        self.currency_label.setText(context.currency)
        self._fill_gestures(context, first)
        self._fill_lines(context)
        if first and context.case is not None and self.reason_code.currentIndex() == 0:
            code = words.REASON_FOR_CATEGORY.get(context.case.category)
            if code is not None:
                self.reason_code.setCurrentIndex(self.reason_code.findData(code.value))
        self.history.set_history(context.decisions, context.escalations, context.at)
        self._refresh_confirmation(context)
        self._gesture_changed()

    def _load_failed(self, seq: int, exc: BaseException) -> None:
        if seq != self._load_seq:
            return
        log.error("loading the grant context failed", exc_info=exc)
        self._show_empty(
            self.tr("What you can grant could not be read from the local cache. Try again (F5).")
        )

    def _show_empty(self, text: str | None = None) -> None:
        self.grant_context = None
        self.content.hide()
        self.empty_label.setText(
            text or self.tr("Open a customer or a case to see what you can grant them (Ctrl+G).")
        )
        self.empty_label.show()

    def _fill_gestures(self, context: GrantContext, first: bool) -> None:
        current = self.current_gesture()
        suggested = set(context.suggested())
        rows = [
            GestureRow(code, code in suggested, context.ceiling(code).max_grantable_cents, context.currency)
            for code in context.gestures()
        ]
        self.gestures.set_rows(rows)
        self.grant_box.setVisible(bool(rows))
        self.gesture_view.setFixedHeight(max(1, len(rows)) * (self.gesture_view.sizeHintForRow(0) or 22) + 6)
        row = self.gestures.row_of(current) if current is not None and not first else -1
        if row < 0 and rows:
            row = 0
        if row >= 0:
            self.gesture_view.setCurrentIndex(self.gestures.index(row, 0))

    def _fill_lines(self, context: GrantContext) -> None:
        current = self.current_line_id()
        self.line_combo.blockSignals(True)
        self.lines.set_lines(context.lines)
        row = self.lines.row_of(current)
        if row < 0:
            order = context.order
            candidates = [
                i
                for i, line in enumerate(context.lines)
                if line.left_cents > 0 and (order is None or line.order_id == order.id)
            ]
            row = candidates[0] if candidates else (0 if context.lines else -1)
        self.line_combo.setCurrentIndex(row)
        self.line_combo.blockSignals(False)

    # -- reading the form ---------------------------------------------------------------------------
    def current_gesture(self) -> GestureCode | None:
        index = self.gesture_view.currentIndex()
        value = self.gestures.data(index, CodeRole) if index.isValid() else None
        return GestureCode(value) if value else None

    def select_gesture(self, code: GestureCode) -> bool:
        row = self.gestures.row_of(code)
        if row >= 0:
            self.gesture_view.setCurrentIndex(self.gestures.index(row, 0))
        return row >= 0

    def current_line_id(self) -> str | None:
        line = self.lines.line(self.line_combo.currentIndex())
        return line.line_id if line is not None else None

    def _line_for(self, gesture: GestureCode | None) -> str | None:
        return self.current_line_id() if gesture in LINE_BOUND else None

    def current_reason(self) -> ReasonCode | None:
        value = self.reason_code.currentData()
        return ReasonCode(value) if value else None

    # -- reacting -----------------------------------------------------------------------------------
    def _gesture_changed(self) -> None:
        context, gesture = self.grant_context, self.current_gesture()
        is_line = gesture in LINE_BOUND
        self.line_combo.setVisible(is_line)
        if self._line_label is not None:
            self._line_label.setVisible(is_line)
        self._fill_presets(context, gesture)
        if context is not None and gesture is not None:
            ceiling = context.ceiling(gesture, self._line_for(gesture))
            cur = context.currency
            env = context.envelope
            self.left_today.setText(
                self.tr("%1 left of %2")
                .replace("%1", words.money(max(0, ceiling.remaining_today_cents), cur))
                .replace("%2", words.money(env.daily_budget_cents if env else 0, cur))
            )
            self.left_customer.setText(
                self.tr("%1 left of %2")
                .replace("%1", words.money(max(0, ceiling.remaining_customer_cents), cur))
                .replace("%2", words.money(env.per_customer_30d_cents if env else 0, cur))
            )
            self.left_gesture.setText(words.money(ceiling.max_grantable_cents, cur))
            if ceiling.max_grantable_cents > 0:
                self.bounds_label.setText(
                    self.tr("From %1 to %2")
                    .replace("%1", words.money(1, cur))
                    .replace("%2", words.money(ceiling.max_grantable_cents, cur))
                )
            else:
                self.bounds_label.setText(self.tr("Nothing left to grant now for this gesture."))
        self.revalidate()

    def _fill_presets(self, context: GrantContext | None, gesture: GestureCode | None) -> None:
        for button in self.preset_buttons:
            self.presets_row.removeWidget(button)
            button.deleteLater()
        self.preset_buttons = []
        if context is None or gesture is None:
            return
        ceiling = context.ceiling(gesture, self._line_for(gesture))
        for cents in context.presets(gesture, self._line_for(gesture))[:MAX_PRESETS]:
            button = QPushButton(words.money(cents, context.currency), self.presets_box)
            button.setAccessibleName(self.tr("Amount %1").replace("%1", button.text()))
            if cents > ceiling.max_grantable_cents:
                button.setEnabled(False)
                button.setToolTip(self.tr("Beyond what I can grant now"))
            button.setProperty("cents", cents)
            button.setAutoDefault(False)
            button.clicked.connect(lambda _c=False, v=cents: self.set_amount_cents(v))
            # before the stretch that keeps the buttons on the left
            self.presets_row.insertWidget(len(self.preset_buttons), button)
            self.preset_buttons.append(button)

    def set_amount_cents(self, cents: int) -> None:
        self.amount.setText(amount_for_field(cents))
        self._touched_amount = True
        self.revalidate()

    def _amount_edited(self, _text: str) -> None:
        self._touched_amount = True
        self.confirmation.hide()
        self.revalidate()

    def _sync_state(self, state: str) -> None:
        self.online = state in ("online", "syncing")
        self.offline_label.setVisible(not self.online and self.grant_context is not None)

    def _on_changes(self, changes: Changes) -> None:
        if self.customer_id is None or changes.source is self:
            return  # our own grant: already reloading
        if changes.touches_customer(self.customer_id) or "decisions" in changes.kinds:
            self.reload()

    def revalidate(self) -> bool:
        """Recheck the form with the domain check; True when saying yes is possible now."""
        context, gesture = self.grant_context, self.current_gesture()
        self.verdict = None
        self.escalate.hide()
        self.verdict_label.setStyleSheet("")
        self.verdict_label.clear()
        check = AmountCheck(self.amount.text())
        show_problem = check.problem is not None and (
            self._touched_amount and bool(self.amount.text().strip())
        )
        currency = context.currency if context else "EUR"
        self.amount_problem.setVisible(show_problem)
        if show_problem and check.problem is not None:
            self.amount_problem.setText(words.amount_problem(check.problem, currency))
        ok = False
        if context is None or gesture is None or context.envelope is None:
            self._set_button(False, self.tr("Say yes"))
        elif gesture in LINE_BOUND and self.current_line_id() is None:
            self._set_button(False, self.tr("Say yes"))
            self._hint(self.tr("Choose the order line to refund."))
        elif check.cents is None:
            self._set_button(False, self.tr("Say yes"))
            if not show_problem:
                self._hint(self.tr("Type an amount or pick one above."))
        else:
            verdict = context.verdict(gesture, check.cents, self._line_for(gesture))
            self.verdict = verdict
            if not verdict.allowed:
                self._set_button(False, words.over_by(verdict, currency))
                self.verdict_label.setText(words.verdict_text(verdict, gesture, currency))
                self.verdict_label.setStyleSheet(ERROR_STYLE)
                self.say_yes.setToolTip(self.verdict_label.text())
                self.escalate.setVisible(words.can_escalate(verdict))
                self.escalate.setEnabled(self._reason_ready())
                if not self._reason_ready():
                    self.escalate.setToolTip(self.tr("Give a reason first: a category and a few words."))
            elif not self._reason_ready():
                self._set_button(False, self.tr("Say yes"))
                self._hint(self.tr("Give a reason: a category and a few words."))
            else:
                ok = True
                self._set_button(
                    not self._busy,
                    self.tr("Say yes: %1 (Enter)").replace("%1", words.money(check.cents, currency)),
                )
        return ok

    def _hint(self, text: str) -> None:
        self.verdict_label.setText(text)

    def _set_button(self, enabled: bool, text: str) -> None:
        self.say_yes.setEnabled(enabled)
        self.say_yes.setText(text)
        self.say_yes.setToolTip(
            self.tr("Grant this gesture now (Enter or Ctrl+Enter)") if enabled else self.verdict_label.text()
        )

    def _reason_ready(self) -> bool:
        return self.current_reason() is not None and bool(self.reason_text.text().strip())

    # -- saying yes ---------------------------------------------------------------------------------
    def grant(self) -> None:
        """Say yes with what the form holds (does nothing, visibly, when it cannot)."""
        self._touched_amount = True
        if self._busy or not self.revalidate():
            return
        context, gesture = self.grant_context, self.current_gesture()
        assert context is not None and gesture is not None
        cents = AmountCheck(self.amount.text()).cents
        reason = self.current_reason()
        assert cents is not None and reason is not None
        args = dict(
            user=self.ctx.user,
            customer_id=context.customer.id,
            case_id=context.case.id if context.case else None,
            gesture=gesture,
            amount_cents=cents,
            currency=context.currency,
            reason_code=reason,
            reason_text=self.reason_text.text().strip(),
            order_line_id=self._line_for(gesture),
            offline=not self.online,
        )
        cache = self.ctx.cache
        self._busy = True
        self._set_button(False, self.tr("Saying yes…"))
        self.ctx.tasks.run(
            "db",
            lambda: cache.grant_gesture(**args),
            on_done=self._granted,
            on_error=self._grant_failed,
            owner=self,
            name="grant gesture",
        )

    def _granted(self, decision: Decision) -> None:
        self._busy = False
        self.last_decision = decision
        self.show_confirmation(decision)
        self.amount.clear()
        self.reason_text.clear()
        self._touched_amount = False
        self.gestureGranted.emit(decision)
        self.ctx.changes.publish(
            Changes.of(decision.customer_id, decision.case_id, kinds=("decisions",), source=self)
        )
        self.ctx.request_sync()
        self.reload()

    def show_confirmation(self, decision: Decision) -> None:
        what = (
            f"{words.gesture_label(decision.gesture)} {words.money(decision.amount_cents, decision.currency)}"
        )
        text = self.tr("Granted: %1.").replace("%1", what)
        if decision.status is DecisionStatus.PENDING:
            text += " " + self.tr("Pending confirmation by the centre.")
        elif decision.status is DecisionStatus.GRANTED:
            text += " " + self.tr("Confirmed by the centre.")
        elif decision.status is DecisionStatus.REJECTED:
            text = self.tr("Refused by the centre: %1. Do not promise it to the customer.").replace(
                "%1", what
            )
        self.confirmation_label.setText(text)
        self.voucher_label.setText(decision.voucher_code or "")
        usable = decision.status is not DecisionStatus.REJECTED
        self.voucher_label.setVisible(bool(decision.voucher_code) and usable)
        self.insert_button.setVisible(usable)
        self.confirmation.show()
        # the code must be seen (read out to the customer): bring it into view in a short tab
        QTimer.singleShot(0, self, lambda: self.scroll.ensureWidgetVisible(self.confirmation))

    def _grant_failed(self, exc: BaseException) -> None:
        self._busy = False
        context, gesture = self.grant_context, self.current_gesture()
        if isinstance(exc, GrantRefused) and context is not None and gesture is not None:
            # Something was granted meanwhile (another window, the sync): say which limit now.
            self.verdict_label.setText(words.verdict_text(exc.verdict, gesture, context.currency))
            self.verdict_label.setStyleSheet(ERROR_STYLE)
            self.reload()
            return
        if isinstance(exc, NoAuthority):
            message = self.tr("Your authority has not been received from the centre yet: connect once (F5).")
        elif isinstance(exc, CacheError):
            message = self.tr("The gesture was not saved: %1").replace("%1", str(exc))
        else:
            log.error("granting failed", exc_info=exc)
            message = self.tr(
                "The gesture was not saved because of an unexpected error. Nothing was granted."
            )
        self.revalidate()
        self.verdict_label.setText(message)
        self.verdict_label.setStyleSheet(ERROR_STYLE)

    def _insert(self) -> None:
        if self.last_decision is not None:
            self.insertIntoReply.emit(words.reply_sentence(self.last_decision))

    def _refresh_confirmation(self, context: GrantContext) -> None:
        """The centre's answer to the gesture just granted, once the sync brings it."""
        shown = self.last_decision
        fresh = next((d for d in context.decisions if shown is not None and d.id == shown.id), None)
        if (
            fresh is None
            or shown is None
            or fresh.status is shown.status
            or not self.confirmation.isVisible()
        ):
            return
        self.last_decision = fresh
        self.show_confirmation(fresh)

    # -- asking the team lead -----------------------------------------------------------------------
    def request_approval(self) -> None:
        context, gesture = self.grant_context, self.current_gesture()
        cents = AmountCheck(self.amount.text()).cents
        reason = self.current_reason()
        if context is None or gesture is None or cents is None or reason is None or not self._reason_ready():
            return
        cache, user = self.ctx.cache, self.ctx.user
        case_id = context.case.id if context.case else None
        text = self.reason_text.text().strip()
        self.escalate.setEnabled(False)
        self.ctx.tasks.run(
            "db",
            lambda: cache.request_escalation(
                user, context.customer.id, case_id, gesture, cents, context.currency, reason, text
            ),
            on_done=self._escalated,
            on_error=self._escalation_failed,
            owner=self,
            name="request approval",
        )

    def _escalated(self, escalation: Escalation) -> None:
        self.escalationRequested.emit(escalation)
        what = f"{words.gesture_label(escalation.gesture)} {words.money(escalation.amount_cents, escalation.currency)}"
        self.confirmation_label.setText(
            self.tr("Approval requested from your team lead for %1. Their answer will appear here.").replace(
                "%1", what
            )
        )
        self.voucher_label.hide()
        self.insert_button.hide()
        self.confirmation.show()
        self.ctx.changes.publish(
            Changes.of(escalation.customer_id, escalation.case_id, kinds=("decisions",), source=self)
        )
        self.ctx.request_sync()
        self.reload()

    def _escalation_failed(self, exc: BaseException) -> None:
        log.error("the approval request failed", exc_info=exc)
        self.escalate.setEnabled(True)
        message = str(exc) if isinstance(exc, CacheError) else self.tr("unexpected error")
        self.verdict_label.setText(self.tr("The request was not sent: %1").replace("%1", message))
