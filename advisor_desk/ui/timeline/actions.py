"""Case actions from the timeline: internal note (Ctrl+N), acknowledge receipt (Ctrl+Shift+A), change
status, assign to me.

Each action writes to the local cache in the "db" lane (the cache writes the outbox entry in the same
transaction), then publishes what changed on the change bus and asks the sync to run. A status change
on a stale copy of the case (someone changed it meanwhile) shows who changed it, when and to what, and
offers to apply the change again on the fresh copy.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from advisor_desk.cache.errors import CacheError, InvalidAction, NotFound, StaleCase
from advisor_desk.domain.channels import Channel
from advisor_desk.domain.model import CASE_TRANSITIONS, Case, CaseStatus, RootCause
from advisor_desk.ui import i18n, labels
from advisor_desk.ui.changes import Changes
from advisor_desk.ui.context import DeskContext

MAX_NOTE = 100_000


def _shortcut_tip(text: str, keys: str) -> str:
    return f"{text} ({QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)})"


def root_cause_label(value: RootCause) -> str:
    from PySide6.QtCore import QCoreApplication

    t = QCoreApplication
    return {
        RootCause.PRODUCT_QUALITY: t.translate("Labels", "Product quality"),
        RootCause.PRODUCT_DESIGN: t.translate("Labels", "Product design"),
        RootCause.CARRIER: t.translate("Labels", "Carrier"),
        RootCause.WAREHOUSE: t.translate("Labels", "Warehouse"),
        RootCause.INFORMATION_ERROR: t.translate("Labels", "Wrong information given"),
        RootCause.BILLING_SYSTEM: t.translate("Labels", "Billing system"),
        RootCause.STAFF: t.translate("Labels", "Staff"),
        RootCause.WEBSITE: t.translate("Labels", "Website"),
        RootCause.SUPPLIER: t.translate("Labels", "Supplier"),
        RootCause.CUSTOMER_MISUNDERSTANDING: t.translate("Labels", "Customer misunderstanding"),
        RootCause.OTHER: t.translate("Labels", "Other"),
    }[value]


class NoteDialog(QDialog):
    def __init__(self, title: str, prompt: str, initial: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(520, 300)
        layout = QVBoxLayout(self)
        label = QLabel(prompt, self)
        label.setWordWrap(True)
        layout.addWidget(label)
        self.editor = QPlainTextEdit(self)
        self.editor.setPlainText(initial)
        self.editor.setAccessibleName(title)
        self.editor.setTabChangesFocus(True)
        layout.addWidget(self.editor, 1)
        self.problem = QLabel(self)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.hide()
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Save (Ctrl+Enter)"))
        ok.setShortcut(QKeySequence("Ctrl+Return"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def text(self) -> str:
        return self.editor.toPlainText()

    def _accept(self) -> None:
        text = self.text().strip()
        if not text:
            self.problem.setText(self.tr("Write something first: an empty note is not saved."))
            self.problem.show()
            return
        if len(text) > MAX_NOTE:
            self.problem.setText(
                self.tr("This text is too long (%1 characters at most).").replace("%1", str(MAX_NOTE))
            )
            self.problem.show()
            return
        self.accept()


class StatusDialog(QDialog):
    def __init__(self, case: Case, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Change the case status"))
        form = QFormLayout(self)
        current = QLabel(labels.status(case.status), self)
        form.addRow(self.tr("Current status"), current)
        self.status = QComboBox(self)
        for s in sorted(CASE_TRANSITIONS[case.status], key=list(CaseStatus).index):
            self.status.addItem(labels.status(s), s.value)
        self.status.setAccessibleName(self.tr("New status"))
        form.addRow(self.tr("New status"), self.status)
        self.root_cause = QComboBox(self)
        self.root_cause.addItem(self.tr("(not known yet)"), "")
        for rc in RootCause:
            self.root_cause.addItem(root_cause_label(rc), rc.value)
        self.root_cause.setAccessibleName(self.tr("Root cause"))
        form.addRow(self.tr("Root cause"), self.root_cause)
        # Resolving opens the resolution dialog (root cause and product): not asked twice.
        form.setRowVisible(self.root_cause, False)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.status.currentIndexChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        resolving = self.status.currentData() == CaseStatus.RESOLVED.value
        self.root_cause.setEnabled(resolving)

    def chosen(self) -> tuple[CaseStatus, RootCause | None]:
        rc = self.root_cause.currentData()
        status = CaseStatus(self.status.currentData())
        return status, (RootCause(rc) if rc and status is CaseStatus.RESOLVED else None)


class CaseActions(QObject):
    """The timeline's actions on the selected case; the main window puts them in its menus."""

    #: (message) after an action was saved locally; the window shows it in the status bar.
    done = Signal(str)
    #: (message) when an action could not be saved.
    failed = Signal(str)
    #: (case) a case was resolved here: the window offers a follow-up call.
    resolved = Signal(object)

    def __init__(
        self,
        ctx: DeskContext,
        current_case: Callable[[], Case | None],
        current_customer: Callable[[], str | None],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._current_case = current_case
        self._current_customer = current_customer
        self._parent = parent
        icons = ctx.icons

        def action(icon: str, text: str, keys: str, slot: Callable[[], None]) -> QAction:
            a = QAction(icons.icon(icon), text, parent)
            if keys:
                a.setShortcut(QKeySequence(keys))
                a.setToolTip(_shortcut_tip(text, keys))
            a.setStatusTip(text)
            a.triggered.connect(slot)
            return a

        self.note = action("action.note", self.tr("Internal note…"), "Ctrl+N", self.add_note)
        self.acknowledge = action(
            "action.acknowledge", self.tr("Acknowledge receipt"), "Ctrl+Shift+A", self.acknowledge_case
        )
        self.status = action("action.status", self.tr("Change status…"), "Ctrl+Shift+S", self.change_status)
        self.assign = action("action.assign", self.tr("Assign to me"), "Ctrl+Shift+M", self.assign_to_me)
        self.satisfaction = action(
            "entry.rating", self.tr("Customer satisfaction…"), "", self.record_customer_satisfaction
        )
        self.follow_up = action(
            "followup.call", self.tr("Schedule a follow-up…"), "", self.schedule_follow_up
        )
        self.all = [self.note, self.acknowledge, self.status, self.assign]
        #: The improvement loop's actions (a separate group in the Case menu).
        self.loop = [self.satisfaction, self.follow_up]

    def update_enabled(self) -> None:
        case = self._current_case()
        has_customer = self._current_customer() is not None
        self.note.setEnabled(has_customer)
        open_case = case is not None and case.is_open
        self.acknowledge.setEnabled(
            open_case and case.acknowledged_at is None and case.first_response_at is None
        )  # type: ignore[union-attr]
        self.status.setEnabled(case is not None and bool(CASE_TRANSITIONS[case.status]))
        self.assign.setEnabled(open_case and case.assignee_id != self.ctx.user.id)  # type: ignore[union-attr]
        # A satisfaction rating is for a case that was resolved (or closed since).
        self.satisfaction.setEnabled(case is not None and not case.is_open)
        self.follow_up.setEnabled(has_customer)

    # -- running a write --------------------------------------------------------------------------
    def _write(
        self,
        fn: Callable[[], Any],
        customer_id: str,
        case_id: str | None,
        ok_message: str,
        on_stale: Callable[[StaleCase], None] | None = None,
    ) -> None:
        def done(_result: Any) -> None:
            self.ctx.changes.publish(Changes.of(customer_id, case_id, ("queue", "local")))
            self.ctx.request_sync()
            self.done.emit(ok_message)

        def error(exc: BaseException) -> None:
            if isinstance(exc, StaleCase) and on_stale is not None:
                on_stale(exc)
                return
            self.failed.emit(self.describe_error(exc))

        self.ctx.tasks.run("db", fn, done, error, owner=self, name="case_action")

    def describe_error(self, exc: BaseException) -> str:
        if isinstance(exc, NotFound):
            return self.tr(
                "This case is no longer in the local cache (it may have been removed). Nothing was saved."
            )
        if isinstance(exc, InvalidAction):
            return self.tr("This action is not allowed on the case as it is now. Nothing was saved.")
        if isinstance(exc, CacheError):
            return self.tr("The local cache refused the action. Nothing was saved.")
        return self.tr("The action could not be saved. Nothing was lost: try again.")

    # -- the actions ------------------------------------------------------------------------------
    def add_note(self) -> None:
        customer_id = self._current_customer()
        if customer_id is None:
            return
        case = self._current_case()
        dialog = NoteDialog(
            self.tr("Internal note"),
            self.tr("Only your colleagues see internal notes; the customer never does."),
            parent=self._parent,
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        text = dialog.text().strip()
        cache, user = self.ctx.cache, self.ctx.user
        case_id = case.id if case else None
        self._write(
            lambda: cache.add_note(customer_id, case_id, text, user),
            customer_id,
            case_id,
            self.tr("Note saved."),
        )

    def acknowledge_case(self) -> None:
        case = self._current_case()
        if case is None or not case.is_open:
            return
        default = self.tr(
            "Hello, we have received your message and thank you for it. An advisor is looking at it and will come back to you shortly."
        )
        dialog = NoteDialog(
            self.tr("Acknowledge receipt"),
            self.tr("This message is sent to the customer on the case's channel (%1).").replace(
                "%1", labels.channel(case.channel)
            ),
            default,
            self._parent,
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        text = dialog.text().strip()
        cache, user = self.ctx.cache, self.ctx.user
        self._write(
            lambda: cache.acknowledge(
                case.id, case.channel if case.channel.customer_facing else Channel.EMAIL, text, user
            ),
            case.customer_id,
            case.id,
            self.tr("Receipt acknowledged: the first-response clock has stopped."),
        )

    def change_status(self) -> None:
        case = self._current_case()
        if case is None:
            return
        dialog = StatusDialog(case, self._parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        status, root_cause = dialog.chosen()
        if status is CaseStatus.RESOLVED:
            # Resolving asks for the root cause and the product concerned (prefilled from the case
            # and its order): both travel to the centre with the case.
            from advisor_desk.ui.resolution.dialog import ResolutionChoice, ask_resolution

            choice = ask_resolution(self._parent, self.ctx, case)
            if choice is None:
                return
            if choice.root_cause is None and root_cause is not None:
                choice = ResolutionChoice(root_cause, choice.product_id)
            self.resolve_case(case, choice)
            return
        self.apply_status(case, status, root_cause)

    def resolve_case(self, case: Case, choice: Any) -> None:
        from advisor_desk.ui.resolution.dialog import resolve

        def done(changed: Case) -> None:
            self.ctx.changes.publish(Changes.of(changed.customer_id, changed.id, ("queue", "local")))
            self.done.emit(self.tr("Status changed to “%1”.").replace("%1", labels.status(changed.status)))
            self.resolved.emit(changed)

        def error(exc: BaseException) -> None:
            if isinstance(exc, StaleCase):
                self._stale(
                    exc,
                    CaseStatus.RESOLVED,
                    choice.root_cause,
                    retry=lambda fresh: self.resolve_case(fresh, choice),
                )
                return
            self.failed.emit(self.describe_error(exc))

        resolve(self.ctx, case, choice, done, error, owner=self)

    def record_customer_satisfaction(self) -> None:
        """A 1-to-5 rating entered by the advisor after a call (the scale asks for no score)."""
        from advisor_desk.ui.resolution.satisfaction import ask_satisfaction, record_satisfaction

        case = self._current_case()
        if case is None or case.is_open:
            return
        score = ask_satisfaction(self._parent, case)
        if score is None:
            return

        def done(_rating: Any) -> None:
            self.ctx.changes.publish(Changes.of(case.customer_id, case.id, ("local",)))
            self.done.emit(self.tr("Customer satisfaction recorded: %1/5.").replace("%1", str(score)))

        record_satisfaction(
            self.ctx, case, score, done, lambda exc: self.failed.emit(self.describe_error(exc)), owner=self
        )

    def schedule_follow_up(self) -> None:
        customer_id = self._current_customer()
        if customer_id is None:
            return
        case = self._current_case()
        self.schedule_follow_up_for(customer_id, case)

    def schedule_follow_up_for(self, customer_id: str, case: Case | None) -> None:
        """The schedule dialog (date suggested from the resolution), then the follow-up is written."""
        from advisor_desk.ui.followups.schedule_dialog import ask_schedule_followup, schedule

        case_id = case.id if case is not None else None
        asked = ask_schedule_followup(
            self._parent, self.ctx, customer_id, case_id, case.resolved_at if case is not None else None
        )
        if asked is None:
            return
        due_at, note = asked

        def done(_followup: Any) -> None:
            self.ctx.changes.publish(Changes.of(customer_id, case_id, ("queue", "local")))
            self.done.emit(
                self.tr("Follow-up call scheduled for %1.").replace("%1", i18n.format_absolute(due_at))
            )

        schedule(
            self.ctx,
            customer_id,
            case_id,
            due_at,
            note,
            done,
            lambda exc: self.failed.emit(self.describe_error(exc)),
            owner=self,
        )

    def apply_status(self, case: Case, status: CaseStatus, root_cause: RootCause | None) -> None:
        cache, user = self.ctx.cache, self.ctx.user
        self._write(
            lambda: cache.change_case_status(case.id, status, case.version, root_cause, by=user),
            case.customer_id,
            case.id,
            self.tr("Status changed to “%1”.").replace("%1", labels.status(status)),
            on_stale=lambda exc: self._stale(exc, status, root_cause),
        )

    def _stale(
        self,
        exc: StaleCase,
        status: CaseStatus,
        root_cause: RootCause | None,
        retry: Callable[[Case], None] | None = None,
    ) -> None:
        fresh = exc.current
        self.ctx.changes.publish(Changes.of(fresh.customer_id, fresh.id, ("queue",)))
        who = fresh.updated_by or self.tr("someone else")
        when = i18n.format_absolute(fresh.updated_at) if fresh.updated_at else ""
        box = QMessageBox(self._parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("The case changed meanwhile"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(
            self.tr("%1 changed this case %2: it is now “%3”.")
            .replace("%1", who)
            .replace("%2", when)
            .replace("%3", labels.status(fresh.status))
        )
        retry_possible = status in CASE_TRANSITIONS[fresh.status]
        if retry_possible:
            box.setInformativeText(
                self.tr("Apply “%1” to the fresh copy of the case?").replace("%1", labels.status(status))
            )
            retry_button = box.addButton(
                self.tr("Retry on the fresh copy"), QMessageBox.ButtonRole.AcceptRole
            )
        else:
            box.setInformativeText(
                self.tr("“%1” no longer applies to the case as it is now.").replace(
                    "%1", labels.status(status)
                )
            )
            retry_button = None
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def clicked(button: Any) -> None:
            if retry_button is not None and button is retry_button:
                if retry is not None:
                    retry(fresh)
                else:
                    self.apply_status(fresh, status, root_cause)

        box.buttonClicked.connect(clicked)
        self.stale_box = box
        self.stale_retry = retry_button
        box.open()

    def assign_to_me(self) -> None:
        case = self._current_case()
        if case is None:
            return
        cache, user = self.ctx.cache, self.ctx.user
        self._write(
            lambda: cache.assign_case(case.id, user.id, expected_version=case.version, by=user),
            case.customer_id,
            case.id,
            self.tr("The case is now yours."),
            on_stale=lambda exc: self.failed.emit(
                self.tr("The case changed meanwhile; it was refreshed, try again.")
            ),
        )
