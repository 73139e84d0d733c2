"""The Reply side panel (Ctrl+R): the composer that leads from empathy to solution to follow-up.

For the selected case and its channel, three visible steps: **Acknowledge** (an empathy opening from
the script, or the advisor's own words), **Solve** (restate and solve; a gesture granted in the Say yes
panel is inserted with its amount), **Close** (follow-up commitment and signature). A live preview of
the whole reply highlights every value still to fill in; the checks list under it says, for each
check, why it passed or what to do; a blocking failure disables Send with its reason, a failure that
needs confirmation asks for an explicit "send anyway".

The reply text is plain text throughout: values from the customer's file are inserted as text, and
the highlighting is a character format laid over it, never markup. The draft is saved in the local
cache as the advisor types (debounced, in the "db" lane) and comes back after a restart or a crash;
sending writes the reply locally first (the timeline shows it at once), queues it for the centre and
drops the draft. If the customer wrote again or a colleague answered since the draft began, the
advisor is told before it goes.

Keyboard: Alt+1/2/3 open a step, Ctrl+PgDown/PgUp the next/previous one; in a step's list Up/Down
and Enter pick an option (focus moves to its text); Ctrl+Enter sends; Ctrl+Shift+A (inside the
composer) acknowledges receipt with the script's text.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeyEvent, QKeySequence, QShortcut, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from advisor_desk.cache.errors import CacheError, InvalidAction, NotFound
from advisor_desk.domain.channels import Channel
from advisor_desk.domain.model import CaseKind, CaseStatus, Decision, Language, can_transition
from advisor_desk.domain.reply_checks import (
    CheckCode,
    CheckResult,
    SendVerdict,
    Severity,
    check_reply,
    score_begging,
    sending_verdict,
)
from advisor_desk.domain.scripts import ComposerState, GrantedGesture, ReplyStep, Script
from advisor_desk.domain.templates import find_markers
from advisor_desk.ui import labels
from advisor_desk.ui.changes import Changes
from advisor_desk.ui.compensation import words as compensation_words
from advisor_desk.ui.composer import data, words
from advisor_desk.ui.composer.models import (
    BLOCK_COLOR,
    OVERRIDE_COLOR,
    PASS_COLOR,
    ChecksModel,
    OptionsModel,
    tone,
)
from advisor_desk.ui.context import DeskContext
from advisor_desk.ui.i18n import format_money
from advisor_desk.ui.safe_text import display_text

log = logging.getLogger(__name__)

#: Pause in typing after which the draft is saved.
AUTOSAVE_MS = 500

MARKER_BACKGROUND = QColor("#ffe08a")
MARKER_FOREGROUND = QColor("#7a2e00")
BEGGING_UNDERLINE = QColor("#c62828")

_STATUS_CHOICES = (CaseStatus.WAITING_CUSTOMER, CaseStatus.IN_PROGRESS, CaseStatus.RESOLVED)


def _shortcut_text(keys: str) -> str:
    return QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)


def _highlights(editor: QPlainTextEdit, text: str) -> list[QTextEdit.ExtraSelection]:
    """Character formats over the unfilled values and score-begging phrases of ``text`` (plain text)."""
    selections: list[QTextEdit.ExtraSelection] = []
    document = editor.document()

    def add(start: int, end: int, fmt: QTextCharFormat) -> None:
        cursor = QTextCursor(document)
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        selection = QTextEdit.ExtraSelection()
        selection.cursor = cursor
        selection.format = fmt
        selections.append(selection)

    marker = QTextCharFormat()
    marker.setBackground(MARKER_BACKGROUND)
    marker.setForeground(MARKER_FOREGROUND)
    marker.setFontWeight(700)
    marker.setToolTip(words.translate("Composer", "A value to fill in before sending"))
    for p in find_markers(text):
        add(p.start, p.end, marker)
    begging = QTextCharFormat()
    begging.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
    begging.setUnderlineColor(BEGGING_UNDERLINE)
    for start, end in score_begging(text):
        add(start, end, begging)
    return selections


class StepPage(QWidget):
    """One step: the script's options in a list, the step's text in an editor."""

    chosen = Signal(str)  # option id
    edited = Signal(str)  # the text as typed

    def __init__(self, step: ReplyStep, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.step = step
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.hint = QLabel(words.step_hint(step), self)
        self.hint.setWordWrap(True)
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.hint)
        self.model = OptionsModel(ctx.icons, self)
        self.options = QListView(self)
        self.options.setModel(self.model)
        self.options.setObjectName(f"options_{step.value}")
        self.options.setUniformItemSizes(True)
        self.options.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.options.setAccessibleName(
            words.translate("Composer", "Script options: Up/Down to move, Enter to use one")
        )
        self.options.setMaximumHeight(110)
        self.options.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.options.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.options.activated.connect(self._activated)
        layout.addWidget(self.options)
        self.extra = QVBoxLayout()
        layout.addLayout(self.extra)
        self.editor = QPlainTextEdit(self)
        self.editor.setObjectName(f"editor_{step.value}")
        self.editor.setTabChangesFocus(True)
        self.editor.setAccessibleName(words.step_title(step))
        self.editor.setPlaceholderText(words.translate("Composer", "Pick an option above or write here."))
        self.editor.textChanged.connect(self._typed)
        layout.addWidget(self.editor, 1)
        self._setting = False

    def _activated(self, index: Any) -> None:
        if index.isValid():
            self.chosen.emit(self.model.option_id(index.row()))
            self.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def _typed(self) -> None:
        if not self._setting:
            self.edited.emit(self.editor.toPlainText())
        self.editor.setExtraSelections(_highlights(self.editor, self.editor.toPlainText()))

    def set_text(self, text: str) -> None:
        if self.editor.toPlainText() == text:
            return
        self._setting = True
        try:
            self.editor.setPlainText(text)  # plain: customer values can never turn into markup
        finally:
            self._setting = False


class AcknowledgementDialog(QDialog):
    """The acknowledgement of receipt, prefilled from the script, checked for unfilled values before it goes."""

    def __init__(self, text: str, channel: Channel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Acknowledge receipt"))
        self.resize(520, 320)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr("This message is sent to the customer on the case's channel (%1).").replace(
                "%1", labels.channel(channel)
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.editor = QPlainTextEdit(self)
        self.editor.setPlainText(text)
        self.editor.setTabChangesFocus(True)
        self.editor.setAccessibleName(self.tr("Acknowledgement of receipt"))
        self.editor.textChanged.connect(self._update)
        layout.addWidget(self.editor, 1)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Send the acknowledgement (%1)").replace("%1", _shortcut_text("Ctrl+Return")))
        self.ok.setShortcut(QKeySequence("Ctrl+Return"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._update()

    def text(self) -> str:
        return self.editor.toPlainText().strip()

    def _update(self) -> None:
        text = self.editor.toPlainText()
        self.editor.setExtraSelections(_highlights(self.editor, text))
        if find_markers(text):
            self.problem.setText(self.tr("Fill in the highlighted values first."))
        elif not text.strip():
            self.problem.setText(self.tr("Write something first: an empty message is not sent."))
        else:
            self.problem.setText("")
        self.ok.setEnabled(not self.problem.text())

    def _accept(self) -> None:
        if self.ok.isEnabled():
            self.accept()


class ComposerPanel(QWidget):
    """The Reply side panel; a :class:`~advisor_desk.ui.panels.SidePanel`."""

    #: The reply was written locally (the Interaction); the timeline shows it through the change bus.
    replySent = Signal(object)
    #: Say something in the status bar (a sentence in the user's language).
    message = Signal(str)

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("composerPanel")
        self.customer_id: str | None = None
        self.case_id: str | None = None
        self.file: data.CaseFile | None = None
        self.state: ComposerState | None = None
        self.language: Language = Language.FR
        self.gesture: GrantedGesture | None = None
        self.applied_decisions: set[str] = set()
        self.seen: tuple[str, ...] = ()
        self.started_at = ctx.now()
        self.results: list[CheckResult] = []
        self.verdict: SendVerdict | None = None
        self.activity: data.NewActivity | None = None
        self.ack_dialog: AcknowledgementDialog | None = None
        self._dirty = False
        self._sending = False
        self._load_seq = 0
        self._updating = False
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._build()
        self._wire()
        self._show_empty(self.tr("Open a case from the work queue or the timeline to prepare its reply."))

    # -- building -----------------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(4, 4, 4, 4)
        self.pages = QStackedWidget(self)
        outer.addWidget(self.pages)

        self.empty = QLabel(self)
        self.empty.setObjectName("composerEmpty")
        self.empty.setWordWrap(True)
        self.empty.setTextFormat(Qt.TextFormat.PlainText)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pages.addWidget(self.empty)

        work = QWidget(self)
        self.pages.addWidget(work)
        layout = QVBoxLayout(work)
        layout.setContentsMargins(0, 0, 0, 0)

        # the case and the language
        top = QHBoxLayout()
        self.case_label = QLabel(work)
        self.case_label.setObjectName("composerCase")
        self.case_label.setTextFormat(Qt.TextFormat.PlainText)
        self.case_label.setWordWrap(True)
        top.addWidget(self.case_label, 1)
        self.language_label = QLabel(self.tr("&Language"), work)
        top.addWidget(self.language_label)
        self.language_combo = QComboBox(work)
        self.language_combo.addItem("Français", Language.FR.value)
        self.language_combo.addItem("English", Language.EN.value)
        self.language_combo.setAccessibleName(self.tr("Language of the reply"))
        self.language_combo.setToolTip(self.tr("Language of the reply (the customer's by default)"))
        self.language_label.setBuddy(self.language_combo)
        top.addWidget(self.language_combo)
        layout.addLayout(top)

        # the acknowledgement offer and the new-activity warning
        self.ack_bar = QFrame(work)
        self.ack_bar.setObjectName("acknowledgeBar")
        self.ack_bar.setFrameShape(QFrame.Shape.StyledPanel)
        ack_layout = QHBoxLayout(self.ack_bar)
        ack_layout.setContentsMargins(6, 2, 6, 2)
        self.ack_text = QLabel(
            self.tr("New complaint: acknowledge receipt while you prepare the answer."), self.ack_bar
        )
        self.ack_text.setWordWrap(True)
        ack_layout.addWidget(self.ack_text, 1)
        self.ack_button = QPushButton(
            self.ctx.icons.icon("action.acknowledge"), self.tr("Acknowledge receipt"), self.ack_bar
        )
        self.ack_button.setToolTip(
            self.tr("Acknowledge receipt with the script's text (%1)").replace(
                "%1", _shortcut_text("Ctrl+Shift+A")
            )
        )
        ack_layout.addWidget(self.ack_button)
        self.ack_bar.hide()
        layout.addWidget(self.ack_bar)

        self.activity_bar = QFrame(work)
        self.activity_bar.setObjectName("newActivityWarning")
        self.activity_bar.setFrameShape(QFrame.Shape.StyledPanel)
        self.activity_bar.setStyleSheet(
            "#newActivityWarning { background: #fff4d6; } #newActivityWarning QLabel { color: #3a2a00; }"
        )
        act_layout = QVBoxLayout(self.activity_bar)
        act_layout.setContentsMargins(6, 4, 6, 4)
        self.activity_text = QLabel(self.activity_bar)
        self.activity_text.setWordWrap(True)
        self.activity_text.setTextFormat(Qt.TextFormat.PlainText)
        act_layout.addWidget(self.activity_text)
        act_buttons = QHBoxLayout()
        self.review_button = QPushButton(self.tr("I have read it, back to my reply"), self.activity_bar)
        self.send_anyway_button = QPushButton(self.tr("Send as it is"), self.activity_bar)
        act_buttons.addWidget(self.review_button)
        act_buttons.addWidget(self.send_anyway_button)
        act_buttons.addStretch(1)
        act_layout.addLayout(act_buttons)
        self.activity_bar.hide()
        layout.addWidget(self.activity_bar)

        splitter = QSplitter(Qt.Orientation.Vertical, work)
        splitter.setChildrenCollapsible(False)
        layout.addWidget(splitter, 1)

        # the three steps
        self.steps = QTabWidget(splitter)
        self.steps.setObjectName("composerSteps")
        self.step_pages: dict[ReplyStep, StepPage] = {}
        for number, step in enumerate(ReplyStep, start=1):
            page = StepPage(step, self.ctx, self.steps)
            self.step_pages[step] = page
            self.steps.addTab(page, f"{number}. {words.step_title(step)}")
            self.steps.setTabToolTip(
                number - 1, f"{words.step_hint(step)} ({_shortcut_text(f'Alt+{number}')})"
            )
        solve = self.step_pages[ReplyStep.SOLVE]
        self.gesture_label = QLabel(solve)
        self.gesture_label.setObjectName("grantedGesture")
        self.gesture_label.setTextFormat(Qt.TextFormat.PlainText)
        self.gesture_label.setWordWrap(True)
        self.gesture_label.hide()
        solve.extra.addWidget(self.gesture_label)
        close = self.step_pages[ReplyStep.CLOSE]
        follow = QHBoxLayout()
        self.followup_label = QLabel(self.tr("&Follow-up on"), close)
        self.followup_edit = QDateEdit(close)
        self.followup_edit.setCalendarPopup(True)
        self.followup_edit.setAccessibleName(self.tr("Follow-up date"))
        self.followup_label.setBuddy(self.followup_edit)
        follow.addWidget(self.followup_label)
        follow.addWidget(self.followup_edit)
        follow.addStretch(1)
        close.extra.addLayout(follow)
        self.signature_label = QLabel(self.tr("Si&gnature"), close)
        self.signature = QPlainTextEdit(close)
        self.signature.setObjectName("signature")
        self.signature.setTabChangesFocus(True)
        self.signature.setMaximumHeight(70)
        self.signature.setAccessibleName(self.tr("Signature"))
        self.signature_label.setBuddy(self.signature)
        close.layout().addWidget(self.signature_label)  # type: ignore[union-attr]
        close.layout().addWidget(self.signature)  # type: ignore[union-attr]

        # the whole reply
        preview_box = QWidget(splitter)
        preview_layout = QVBoxLayout(preview_box)
        preview_layout.setContentsMargins(0, 0, 0, 0)
        preview_head = QHBoxLayout()
        self.preview_label = QLabel(self.tr("Preview of the reply"), preview_box)
        self.counter = QLabel(preview_box)
        self.counter.setObjectName("channelCounter")
        self.counter.setTextFormat(Qt.TextFormat.PlainText)
        preview_head.addWidget(self.preview_label)
        preview_head.addStretch(1)
        preview_head.addWidget(self.counter)
        preview_layout.addLayout(preview_head)
        self.preview = QPlainTextEdit(preview_box)
        self.preview.setObjectName("replyPreview")
        self.preview.setReadOnly(True)
        self.preview.setTabChangesFocus(True)
        self.preview.setAccessibleName(self.tr("Preview of the reply"))
        preview_layout.addWidget(self.preview, 1)

        # the checks
        checks_box = QWidget(splitter)
        checks_layout = QVBoxLayout(checks_box)
        checks_layout.setContentsMargins(0, 0, 0, 0)
        self.checks_label = QLabel(self.tr("Checks before sending"), checks_box)
        checks_layout.addWidget(self.checks_label)
        self.checks_model = ChecksModel(self.ctx.icons, self)
        self.checks = QListView(checks_box)
        self.checks.setObjectName("replyChecks")
        self.checks.setModel(self.checks_model)
        self.checks.setWordWrap(True)
        self.checks.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.checks.setAccessibleName(self.tr("Checks before sending"))
        self.checks.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        checks_layout.addWidget(self.checks, 1)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setStretchFactor(2, 3)
        splitter.setSizes([320, 200, 260])  # room for the checks: they say what stops the reply
        self.splitter = splitter

        # sending
        self.override = QCheckBox(self.tr("Send anyway: I have reviewed the points “to confirm”"), work)
        self.override.setObjectName("sendAnyway")
        layout.addWidget(self.override)
        bottom = QHBoxLayout()
        self.status_label = QLabel(self.tr("&Then:"), work)
        self.status_combo = QComboBox(work)
        self.status_combo.setAccessibleName(self.tr("Case status after sending"))
        self.status_combo.setToolTip(self.tr("Case status after sending"))
        self.status_label.setBuddy(self.status_combo)
        bottom.addWidget(self.status_label)
        bottom.addWidget(self.status_combo, 1)
        self.send_button = QPushButton(self.ctx.icons.icon("action.reply"), self.tr("Send"), work)
        self.send_button.setObjectName("sendReply")
        self.send_button.setDefault(False)
        bottom.addWidget(self.send_button)
        layout.addLayout(bottom)
        self.send_reason = QLabel(work)
        self.send_reason.setObjectName("sendReason")
        self.send_reason.setWordWrap(True)
        self.send_reason.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.send_reason)
        self.notice = QLabel(work)
        self.notice.setObjectName("composerNotice")
        self.notice.setWordWrap(True)
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.notice.hide()
        layout.addWidget(self.notice)

        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_MS)

    def _wire(self) -> None:
        for page in self.step_pages.values():
            page.chosen.connect(lambda option_id, s=page.step: self.choose(s, option_id))
            page.edited.connect(lambda text, s=page.step: self.edit(s, text))
        self.signature.textChanged.connect(self._signature_typed)
        self.followup_edit.dateChanged.connect(self._followup_changed)
        self.language_combo.currentIndexChanged.connect(self._language_picked)
        self.override.toggled.connect(lambda _on: self._after_change(save=True))
        self.status_combo.currentIndexChanged.connect(lambda _i: self._after_change(save=True))
        self.send_button.clicked.connect(self.send)
        self.ack_button.clicked.connect(self.acknowledge_receipt)
        self.review_button.clicked.connect(self.mark_activity_read)
        self.send_anyway_button.clicked.connect(lambda: self.send(confirmed_activity=True))
        self._autosave.timeout.connect(self.save_draft)
        self.message.connect(self._show_notice)
        self.ctx.changes.changed.connect(self._on_changes)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.send)
        for number, step in enumerate(ReplyStep, start=1):
            shortcut = QShortcut(QKeySequence(f"Alt+{number}"), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda s=step: self.go_to_step(s))
        for keys, delta in (("Ctrl+PgDown", 1), ("Ctrl+PgUp", -1)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda d=delta: self.go_to_step_offset(d))
        self.send_button.setToolTip(
            self.tr("Send the reply (%1)").replace("%1", _shortcut_text("Ctrl+Return"))
        )

    def _show_notice(self, text: str) -> None:
        # Said in the panel, and in the window's status bar when there is one.
        self.notice.setText(text)
        self.notice.setVisible(bool(text))
        window = self.window()
        if isinstance(window, QMainWindow) and text:
            window.statusBar().showMessage(text, 8000)

    # -- keyboard ------------------------------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        # Inside the composer, Ctrl+Shift+A acknowledges with the script's text rather than the
        # window's generic one: taking the shortcut over here (the focused child lets the override
        # request travel up to us) keeps the two from being ambiguous.
        if event.type() == QEvent.Type.ShortcutOverride and self._is_acknowledge_key(event):
            event.accept()
            return True
        if event.type() == QEvent.Type.KeyPress and self._is_acknowledge_key(event):
            self.acknowledge_receipt()
            return True
        return super().event(event)

    @staticmethod
    def _is_acknowledge_key(event: QEvent) -> bool:
        if not isinstance(event, QKeyEvent):
            return False
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        return event.key() == Qt.Key.Key_A and mods == (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
        )

    def go_to_step(self, step: ReplyStep) -> None:
        self.steps.setCurrentIndex(list(ReplyStep).index(step))
        page = self.step_pages[step]
        target = (
            page.options if page.model.rowCount() and not page.editor.toPlainText().strip() else page.editor
        )
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if target is page.options and not page.options.currentIndex().isValid():
            page.options.setCurrentIndex(page.model.index(0, 0))

    def go_to_step_offset(self, delta: int) -> None:
        steps = list(ReplyStep)
        index = max(0, min(len(steps) - 1, self.steps.currentIndex() + delta))
        self.go_to_step(steps[index])

    def focusInEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        super().focusInEvent(event)
        if self.state is not None:
            self.go_to_step(self.state.current_step or ReplyStep(list(ReplyStep)[self.steps.currentIndex()]))

    # -- selection ------------------------------------------------------------------------------------
    def set_selection(self, customer_id: str | None, case_id: str | None) -> None:
        if case_id == self.case_id and customer_id == self.customer_id and self.file is not None:
            return
        self.flush_draft()
        self.customer_id, self.case_id = customer_id, case_id
        self.file = None
        self.state = None
        self.activity = None
        self.activity_bar.hide()
        self.notice.hide()
        if case_id is None:
            self._show_empty(
                self.tr("Choose a case of this customer in the timeline to prepare its reply.")
                if customer_id
                else self.tr("Open a case from the work queue or the timeline to prepare its reply.")
            )
            return
        self._show_empty(self.tr("Preparing the reply…"))
        self.reload()

    def reload(self) -> None:
        if self.case_id is None:
            return
        self._load_seq += 1
        seq, cache, case_id = self._load_seq, self.ctx.cache, self.case_id
        self.ctx.tasks.run(
            "db",
            lambda: data.load_case_file(cache, case_id),
            on_done=lambda file: self._loaded(seq, file),
            on_error=lambda exc: self._load_failed(seq, exc),
            owner=self,
            name="composer case",
        )

    def _load_failed(self, seq: int, exc: BaseException) -> None:
        if seq != self._load_seq:
            return
        log.error("the composer could not read the case", exc_info=exc)
        self._show_empty(self.tr("The case could not be read from the local cache. Try again in a moment."))

    def _show_empty(self, text: str) -> None:
        self.empty.setText(text)
        self.pages.setCurrentWidget(self.empty)

    def _loaded(self, seq: int, file: data.CaseFile | None) -> None:
        if seq != self._load_seq:
            return
        if file is None:
            self._show_empty(self.tr("This case is not in the local cache."))
            return
        self.file = file
        saved: data.SavedDraft | None = None
        if file.draft is not None:
            try:
                saved = data.SavedDraft.from_dict(file.draft)
                if saved.reply.final_text() in file.sent_texts:
                    saved = None  # already sent: the desk stopped before the draft was dropped
                    self._drop_draft(file.case.id)
            except ValueError:
                log.warning("a saved draft of case %s could not be read and was set aside", file.case.id)
                self.message.emit(self.tr("A saved draft of this case could not be read; starting afresh."))
        self._start(file, saved)

    def _start(self, file: data.CaseFile, saved: data.SavedDraft | None) -> None:
        self._updating = True
        try:
            channel = saved.reply.channel if saved is not None else file.channel
            language = saved.reply.language if saved is not None else file.language
            self.language = language
            self.gesture = saved.gesture if saved is not None else None
            self.applied_decisions = (
                set(saved.applied_decisions) if saved is not None else {d.id for d in file.decisions}
            )
            self.seen = saved.seen if saved is not None else file.interaction_ids
            self.started_at = (saved.started_at if saved is not None else None) or self.ctx.now()
            followup = (saved.followup if saved is not None else None) or data.default_followup(
                self.ctx.now(), self.ctx.user
            )
            self.followup_edit.setDate(QDate(followup.year, followup.month, followup.day))
            self.language_combo.setCurrentIndex(self.language_combo.findData(language.value))
            try:
                script = file.library.for_case(file.case.category, language, channel)
            except LookupError:
                self._show_empty(
                    self.tr("No reply script could be loaded for this case: reinstall Advisor Desk.")
                )
                return
            state = ComposerState.start(script, self._context(file, language), channel)
            if saved is not None:
                state = data.restore_state(state, saved)
            self.state = state
            self._fill_statuses(file, saved.new_status if saved is not None else None)
            self.override.setChecked(saved.overridden if saved is not None else False)
            self._dirty = False
            self.case_label.setText(
                display_text(
                    f"{labels.kind(file.case.kind)} · {file.case.subject} · {labels.channel(channel)}",
                    isolate=False,
                )
            )
            self.case_label.setToolTip(
                self.tr("Script: %1").replace(
                    "%1", script.source if not script.central else self.tr("from the centre")
                )
            )
            self.pages.setCurrentIndex(1)
        finally:
            self._updating = False
        self._refresh()
        if saved is not None:
            self.message.emit(self.tr("Your draft of this reply was restored."))
        step = self.state.current_step or ReplyStep.ACKNOWLEDGE
        self.steps.setCurrentIndex(list(ReplyStep).index(step))
        self._apply_new_decisions(file.decisions)

    def _context(self, file: data.CaseFile, language: Language) -> dict[str, object]:
        qdate = self.followup_edit.date()
        followup = date(qdate.year(), qdate.month(), qdate.day()) if qdate.isValid() else None
        return data.build_context(file, self.ctx.user, language, followup, self.gesture)

    def _fill_statuses(self, file: data.CaseFile, wanted: str | None) -> None:
        self.status_combo.blockSignals(True)
        self.status_combo.clear()
        self.status_combo.addItem(
            self.tr("unchanged (%1)").replace("%1", labels.status(file.case.status)), ""
        )
        for status in _STATUS_CHOICES:
            if status is not file.case.status and can_transition(file.case.status, status):
                self.status_combo.addItem(labels.status(status), status.value)
        default = wanted if wanted is not None else CaseStatus.WAITING_CUSTOMER.value
        index = self.status_combo.findData(default)
        self.status_combo.setCurrentIndex(index if index >= 0 else 0)
        self.status_combo.blockSignals(False)

    # -- changing the reply --------------------------------------------------------------------------
    def choose(self, step: ReplyStep, option_id: str) -> None:
        if self.state is None:
            return
        self.state = self.state.choose(step, option_id)
        self._after_change(save=True)

    def edit(self, step: ReplyStep, text: str) -> None:
        if self.state is None or self._updating or text == self.state.draft.part(step):
            return
        self.state = self.state.edit(step, text)
        self._after_change(save=True, refill_editors=False)

    def _signature_typed(self) -> None:
        if self.state is None or self._updating:
            return
        text = self.signature.toPlainText()
        if text != self.state.draft.signature:
            self.state = self.state.edit_signature(text)
            self._after_change(save=True, refill_editors=False)

    def _followup_changed(self, _date: QDate) -> None:
        if self.state is None or self.file is None or self._updating:
            return
        self.state = self.state.with_context(self._context(self.file, self.language))
        self._after_change(save=True)

    def _language_picked(self, _index: int) -> None:
        if self.state is None or self.file is None or self._updating:
            return
        value = self.language_combo.currentData()
        self.switch_language(Language(value))

    def switch_language(self, language: Language) -> None:
        """Write the reply in ``language``: chosen options follow, typed parts stay as typed."""
        if self.state is None or self.file is None or language is self.language:
            return
        try:
            script = self.file.library.for_case(self.file.case.category, language, self.state.draft.channel)
        except LookupError:
            self.message.emit(self.tr("No script in this language for this case."))
            return
        self.language = language
        self._updating = True
        self.language_combo.setCurrentIndex(self.language_combo.findData(language.value))
        self._updating = False
        self.state = self.state.with_script(script).with_context(self._context(self.file, language))
        self._after_change(save=True)

    def grant(self, gesture: GrantedGesture) -> None:
        """A gesture was granted for this case: its amount goes into the solution."""
        if self.state is None or self.file is None:
            return
        self.gesture = gesture
        self.state = self.state.grant(gesture)
        self._after_change(save=True)

    def gesture_granted(self, decision: Decision) -> None:
        """The Say yes panel granted ``decision``: insert it when it is this case's."""
        if (
            self.file is not None
            and decision.case_id == self.file.case.id
            and decision.id not in self.applied_decisions
        ):
            self.applied_decisions.add(decision.id)
            self.grant(data.granted(decision))

    def insert_sentence(self, text: str) -> None:
        """Add a sentence to the solution, as if typed (the Say yes panel's "Insert into the reply")."""
        if self.state is None or not text.strip():
            return
        current = self.state.draft.solution.rstrip()
        self.state = self.state.edit(
            ReplyStep.SOLVE, f"{current} {text.strip()}" if current else text.strip()
        )
        self._after_change(save=True)
        self.go_to_step(ReplyStep.SOLVE)

    def _apply_new_decisions(self, decisions: tuple[Decision, ...]) -> None:
        fresh = [d for d in decisions if d.id not in self.applied_decisions]
        for decision in sorted(fresh, key=lambda d: d.granted_at):
            self.gesture_granted(decision)

    def _after_change(self, save: bool, refill_editors: bool = True) -> None:
        if self._updating:
            return
        if save:
            self._dirty = True
            self._autosave.start()
        self._refresh(refill_editors)

    # -- showing the state ---------------------------------------------------------------------------
    def _refresh(self, refill_editors: bool = True) -> None:
        state, file = self.state, self.file
        if state is None or file is None:
            return
        self._updating = True
        try:
            for step, page in self.step_pages.items():
                if refill_editors:
                    # Typing changes neither the options nor which one is chosen: only redo them
                    # when the script, the values or the choice changed.
                    options = state.options(step)
                    rendered = [(o, state.script.render(o, state.context).text) for o in options]
                    page.model.set_options(rendered, state.chosen_id(step))
                    page.set_text(state.draft.part(step))
                index = list(ReplyStep).index(step)
                done = bool(state.draft.part(step).strip())
                marks = bool(find_markers(state.draft.part(step)))
                self.steps.setTabIcon(
                    index,
                    self.ctx.icons.icon("check.confirm", tone(OVERRIDE_COLOR))
                    if marks
                    else self.ctx.icons.icon("check.pass", tone(PASS_COLOR))
                    if done
                    else self.ctx.icons.icon("state.on_time"),
                )
            if refill_editors and self.signature.toPlainText() != state.draft.signature:
                self.signature.setPlainText(state.draft.signature)
            self.signature.setExtraSelections(_highlights(self.signature, self.signature.toPlainText()))
        finally:
            self._updating = False
        text = state.draft.text()
        if self.preview.toPlainText() != text:
            self.preview.setPlainText(text)
        self.preview.setExtraSelections(_highlights(self.preview, text))
        if self.gesture is not None:
            amount = f"{compensation_words.gesture_label(self.gesture.code)} {format_money(self.gesture.amount_cents, self.gesture.currency)}"
            self.gesture_label.setText(self.tr("Gesture granted, in the reply: %1").replace("%1", amount))
            self.gesture_label.show()
        else:
            self.gesture_label.hide()
        self._run_checks()

    def _run_checks(self) -> None:
        state, file = self.state, self.file
        assert state is not None and file is not None
        customer = file.customer
        self.results = check_reply(
            state.draft,
            case_kind=file.case.kind,
            channel=state.draft.channel,
            language=state.script.language,
            customer_first_name=customer.first_name if customer else "",
            customer_last_name=customer.last_name if customer else "",
            case_specifics=file.specifics(),
            is_new_complaint=file.case.kind is CaseKind.COMPLAINT and file.case.status is CaseStatus.NEW,
            acknowledged=file.acknowledged,
        )
        self.checks_model.set_results(self.results)
        needs = [r for r in self.results if r.needs_override]
        self.override.setEnabled(bool(needs))
        overridden = [r.code for r in needs] if self.override.isChecked() else []
        self.verdict = sending_verdict(self.results, overridden)
        counter = next(
            (r for r in self.results if r.code in (CheckCode.TWITTER_LENGTH, CheckCode.SMS_SEGMENTS)), None
        )
        self.counter.setVisible(counter is not None)
        if counter is not None:
            self.counter.setText(words.counter_text(counter))
            self.counter.setStyleSheet(
                "" if counter.passed else f"color: {tone(BLOCK_COLOR)}; font-weight: bold;"
            )
        offer = (
            file.case.kind is CaseKind.COMPLAINT
            and file.case.is_open
            and not file.acknowledged
            and file.case.status is CaseStatus.NEW
        )
        self.ack_bar.setVisible(offer)
        empty = not state.draft.body_text().strip()
        self.send_button.setEnabled(self.verdict.allowed and not empty and not self._sending)
        self.send_reason.setText(self._send_reason(empty))

    def _send_reason(self, empty: bool) -> str:
        verdict = self.verdict
        if self._sending:
            return self.tr("Sending…")
        if empty:
            return self.tr("Write the reply first: pick an empathy opening to start (Alt+1).")
        if verdict is None or verdict.allowed:
            return ""
        if verdict.blocking:
            first = next(r for r in self.results if r.code is verdict.blocking[0])
            return self.tr("Cannot send: %1").replace("%1", words.check_reason(first))
        return self.tr("Confirm the points “to confirm” (tick “Send anyway”) or fix them.")

    # -- the draft -------------------------------------------------------------------------------------
    def saved_draft(self) -> data.SavedDraft | None:
        if self.state is None:
            return None
        return data.SavedDraft(
            reply=self.state.draft,
            chosen=self.state.chosen,
            edited=self.state.edited,
            signature_edited=self.state.signature_edited,
            seen=self.seen,
            started_at=self.started_at,
            followup=self._context_followup(),
            gesture=self.gesture,
            applied_decisions=tuple(sorted(self.applied_decisions)),
            overridden=self.override.isChecked(),
            new_status=str(self.status_combo.currentData() or ""),
        )

    def _context_followup(self) -> date | None:
        qdate = self.followup_edit.date()
        return date(qdate.year(), qdate.month(), qdate.day()) if qdate.isValid() else None

    def save_draft(self) -> None:
        """Save the draft now in the "db" lane (the autosave calls this after a pause in typing)."""
        self._autosave.stop()
        saved = self.saved_draft()
        if saved is None or self.case_id is None or not self._dirty or self._sending:
            return
        self._dirty = False
        cache, case_id, payload = self.ctx.cache, self.case_id, saved.to_dict()
        try:
            self.ctx.tasks.run(
                "db",
                lambda: cache.save_draft(case_id, payload),
                on_error=self._draft_failed,
                owner=self,
                name="save reply draft",
            )
        except RuntimeError:
            # The desk is shutting down and its workers are gone: the last save before it stands.
            log.warning("the desk closed before the reply draft of case %s was saved again", case_id)

    def hideEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        self.flush_draft()  # the window closes or the tab changes: no need to wait for the pause
        super().hideEvent(event)

    def _drop_draft(self, case_id: str) -> None:
        cache = self.ctx.cache
        self.ctx.tasks.run(
            "db",
            lambda: cache.delete_draft(case_id),
            on_error=lambda _e: None,
            owner=self,
            name="drop sent draft",
        )

    def flush_draft(self) -> None:
        """Save at once what is pending (before the case changes or the desk closes)."""
        if self._dirty:
            self.save_draft()

    def _draft_failed(self, exc: BaseException) -> None:
        log.error("the reply draft could not be saved", exc_info=exc)
        self._dirty = True
        self.message.emit(
            self.tr("Your draft could not be saved locally; it stays here, keep this panel open.")
        )

    # -- new activity ----------------------------------------------------------------------------------
    def _on_changes(self, changes: Changes) -> None:
        if self.file is None or self.state is None:
            return
        case_id = self.file.case.id
        if not (
            changes.is_everything or case_id in changes.cases or changes.touches_customer(self.customer_id)
        ):
            return
        if changes.source is self:
            return
        cache, me, seen = self.ctx.cache, self.ctx.user, self.seen

        def read() -> tuple[data.CaseFile | None, data.NewActivity | None]:
            file = data.load_case_file(cache, case_id)
            return file, (data.new_activity(cache, file.case, seen, me) if file is not None else None)

        self.ctx.tasks.run("db", read, on_done=self._refreshed, owner=self, name="composer refresh")

    def _refreshed(self, result: tuple[data.CaseFile | None, data.NewActivity | None]) -> None:
        file, activity = result
        if file is None or self.file is None or file.case.id != self.file.case.id or self.state is None:
            return
        # Keep what the advisor is writing; take the case's new facts (status, acknowledgement, gestures).
        self.file = replace(file, draft=None)
        self._fill_statuses(file, str(self.status_combo.currentData() or ""))
        self._apply_new_decisions(file.decisions)
        if activity is not None and activity.any:
            self._show_activity(activity)
        self._refresh(refill_editors=False)

    def _show_activity(self, activity: data.NewActivity) -> None:
        self.activity = activity
        parts = []
        if activity.from_customer:
            count = len(activity.from_customer)
            parts.append(
                self.tr("The customer wrote again since you started this reply.")
                if count == 1
                else self.tr("The customer wrote %1 more messages since you started this reply.").replace(
                    "%1", str(count)
                )
            )
        if activity.from_colleagues:
            names = sorted({i.author or self.tr("A colleague") for i in activity.from_colleagues})
            parts.append(
                self.tr("%1 answered since you started this reply.").replace(
                    "%1", display_text(", ".join(names), isolate=False)
                )
            )
        parts.append(self.tr("Read the timeline before sending."))
        self.activity_text.setText(" ".join(parts))
        self.activity_bar.show()

    def mark_activity_read(self) -> None:
        """The advisor read what came in: it no longer stops the reply."""
        if self.activity is not None:
            self.seen = self.activity.now_seen
            self._dirty = True
            self._autosave.start()
        self.activity = None
        self.activity_bar.hide()

    # -- sending -----------------------------------------------------------------------------------------
    def send(self, confirmed_activity: bool = False) -> None:
        """Send the reply (Ctrl+Enter): checks first, then new activity, then the local write."""
        state, file = self.state, self.file
        if state is None or file is None or self._sending:
            return
        self._run_checks()
        if not self.send_button.isEnabled():
            self.send_reason.setFocus()
            self.message.emit(self.send_reason.text())
            return
        self._sending = True
        self._autosave.stop()
        cache, me, seen, case = self.ctx.cache, self.ctx.user, self.seen, file.case

        if confirmed_activity:
            self._write()
            return

        def look() -> data.NewActivity:
            return data.new_activity(cache, case, seen, me)

        self.ctx.tasks.run("db", look, on_done=self._activity_checked, on_error=self._send_failed, owner=self)

    def _activity_checked(self, activity: data.NewActivity) -> None:
        if activity.any:
            self._sending = False
            self.flush_draft()  # the reply waits: keep it safe meanwhile
            self._show_activity(activity)
            self._run_checks()
            self.review_button.setFocus()
            return
        self._write()

    def _write(self) -> None:
        state, file = self.state, self.file
        assert state is not None and file is not None
        self._sending = True
        self._run_checks()
        status_value = self.status_combo.currentData()
        status = CaseStatus(status_value) if status_value else None
        cache, user, case_id = self.ctx.cache, self.ctx.user, file.case.id
        channel, text = state.draft.channel, state.draft.final_text()
        self.ctx.tasks.run(
            "db",
            lambda: data.send(cache, case_id, channel, text, user, status),
            on_done=self._sent,
            on_error=self._send_failed,
            owner=self,
            name="send reply",
        )

    def _sent(self, reply: Any) -> None:
        file = self.file
        self._sending = False
        self._dirty = False
        self.activity = None
        self.activity_bar.hide()
        assert file is not None
        self.ctx.changes.publish(
            Changes.of(file.case.customer_id, file.case.id, ("queue", "local"), source=self)
        )
        self.ctx.request_sync()
        self.replySent.emit(reply)
        self.message.emit(
            self.tr("Reply sent: it is on the timeline and goes to the centre with the next sync.")
        )
        # A fresh composer for the same case: the next reply starts from what the case is now.
        self.gesture = None
        self.file = None
        self._show_empty(self.tr("Reply sent. Preparing a new reply…"))
        self.reload()

    def _send_failed(self, exc: BaseException) -> None:
        self._sending = False
        if isinstance(exc, NotFound):
            text = self.tr("This case is no longer in the local cache. Nothing was sent; your draft is kept.")
        elif isinstance(exc, InvalidAction):
            text = self.tr(
                "The case cannot take this status now. Nothing was sent: choose another and send again."
            )
        elif isinstance(exc, CacheError):
            text = self.tr("The local cache refused the reply. Nothing was sent; your draft is kept.")
        else:
            log.error("sending a reply failed", exc_info=exc)
            text = self.tr("The reply could not be saved. Nothing was sent; your draft is kept, try again.")
        self._dirty = True
        self._autosave.start()
        self._run_checks()
        self.send_reason.setText(text)
        self.message.emit(text)

    # -- acknowledgement of receipt ------------------------------------------------------------------
    def acknowledgement_text(self) -> str:
        state, file = self.state, self.file
        if state is None or file is None:
            return ""
        return state.script.render(state.script.acknowledgement, state.context).text

    def acknowledge_receipt(self) -> None:
        """Ctrl+Shift+A in the composer: the script's acknowledgement, to review, then sent."""
        file = self.file
        if file is None or not file.case.is_open or file.acknowledged or self.state is None:
            self.message.emit(self.tr("There is no receipt to acknowledge on this case."))
            return
        dialog = AcknowledgementDialog(self.acknowledgement_text(), self.state.draft.channel, self)
        dialog.accepted.connect(lambda: self.send_acknowledgement(dialog.text()))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.ack_dialog = dialog
        dialog.open()

    def send_acknowledgement(self, text: str) -> None:
        file, state = self.file, self.state
        if file is None or state is None or not text.strip() or find_markers(text):
            return
        cache, user, case, channel = self.ctx.cache, self.ctx.user, file.case, state.draft.channel

        def done(_interaction: Any) -> None:
            self.seen = (*self.seen, _interaction.id)
            if self.file is not None:
                self.file = replace(self.file, acknowledged=True)
            self.ctx.changes.publish(Changes.of(case.customer_id, case.id, ("queue", "local"), source=self))
            self.ctx.request_sync()
            self.message.emit(self.tr("Receipt acknowledged: the first-response clock has stopped."))
            self._refresh(refill_editors=False)

        def failed(exc: BaseException) -> None:
            log.error("acknowledging failed", exc_info=exc)
            self.message.emit(self.tr("The acknowledgement could not be saved. Nothing was sent."))

        self.ctx.tasks.run(
            "db",
            lambda: cache.acknowledge(case.id, channel, text, user),
            on_done=done,
            on_error=failed,
            owner=self,
            name="acknowledge receipt",
        )

    # -- for tests and the window --------------------------------------------------------------------
    def blocking_codes(self) -> tuple[CheckCode, ...]:
        return self.verdict.blocking if self.verdict else ()

    def result(self, code: CheckCode) -> CheckResult | None:
        return next((r for r in self.results if r.code is code), None)

    def severity_of(self, code: CheckCode) -> Severity | None:
        found = self.result(code)
        return found.severity if found else None

    def current_script(self) -> Script | None:
        return self.state.script if self.state else None
