"""Recording how a follow-up call went: reached and satisfied; reached and not satisfied (the
centre reopens the resolved case, or opens a new one when it is closed or there is none); not
reached (the call is rescheduled, by default the next working day at the same time).

The dialog says what the outcome will do before the advisor confirms it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtWidgets import (
    QButtonGroup,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from advisor_desk.domain.followups import (
    FollowUpError,
    OutcomeEffect,
    check_reschedule,
    outcome_effect,
    suggest_reschedule,
)
from advisor_desk.domain.model import CaseStatus, FollowUp, FollowUpOutcome
from advisor_desk.ui.context import DeskContext
from advisor_desk.ui.followups.times import from_wall, to_wall
from advisor_desk.ui.watch.words import outcome_label

OUTCOMES = (FollowUpOutcome.SATISFIED, FollowUpOutcome.NOT_SATISFIED, FollowUpOutcome.NOT_REACHED)


class OutcomeDialog(QDialog):
    def __init__(
        self,
        ctx: DeskContext,
        followup: FollowUp,
        case_status: CaseStatus | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.followup = followup
        self.case_status = case_status
        self.time_zone = ctx.user.time_zone
        self.setWindowTitle(self.tr("Follow-up call outcome"))
        self.setMinimumWidth(480)  # product names and notes stay readable
        layout = QVBoxLayout(self)
        self.group = QButtonGroup(self)
        self.radios: dict[FollowUpOutcome, QRadioButton] = {}
        for i, outcome in enumerate(OUTCOMES):
            radio = QRadioButton(outcome_label(outcome), self)
            self.group.addButton(radio, i)
            self.radios[outcome] = radio
            layout.addWidget(radio)
        form = QFormLayout()
        self.when = QDateTimeEdit(self)
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("dd/MM/yyyy HH:mm")
        self.when.setDateTime(to_wall(suggest_reschedule(ctx.now(), self.time_zone), self.time_zone))
        self.note = QLineEdit(self)
        self.note.setMaxLength(500)
        form.addRow(self.tr("Call again on"), self.when)
        form.addRow(self.tr("Note"), self.note)
        layout.addLayout(form)
        self.effect = QLabel(self)
        self.effect.setWordWrap(True)
        layout.addWidget(self.effect)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.hide()
        layout.addWidget(self.problem)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        box.addButton(self.tr("Record"), QDialogButtonBox.ButtonRole.AcceptRole)
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout.addWidget(box)
        self.group.idToggled.connect(lambda *_: self._update())
        self._update()

    def outcome(self) -> FollowUpOutcome | None:
        chosen = self.group.checkedId()
        return OUTCOMES[chosen] if 0 <= chosen < len(OUTCOMES) else None

    def choose(self, outcome: FollowUpOutcome) -> None:
        self.radios[outcome].setChecked(True)

    def reschedule_at(self) -> datetime | None:
        return (
            from_wall(self.when.dateTime(), self.time_zone)
            if self.outcome() is FollowUpOutcome.NOT_REACHED
            else None
        )

    def _update(self) -> None:
        outcome = self.outcome()
        self.when.setEnabled(outcome is FollowUpOutcome.NOT_REACHED)
        self.problem.hide()
        if outcome is None:
            self.effect.setText(self.tr("How did the call go?"))
            return
        effect = outcome_effect(outcome, self.case_status)
        self.effect.setText(
            {
                OutcomeEffect.NONE: self.tr("The follow-up is done.")
                if outcome is FollowUpOutcome.SATISFIED
                else self.tr("The follow-up is done; the case is still open and being handled."),
                OutcomeEffect.REOPEN: self.tr("The case will be reopened so that someone handles it again."),
                OutcomeEffect.NEW_CASE: self.tr("A new case will be opened for this customer."),
                OutcomeEffect.RESCHEDULE: self.tr("The call stays in the queue at the new time."),
            }[effect]
        )

    def accept(self) -> None:
        outcome = self.outcome()
        if outcome is None:
            self.problem.setText(self.tr("Choose how the call went."))
            self.problem.show()
            return
        when = self.reschedule_at()
        if when is not None:
            try:
                check_reschedule(when, self.ctx.now())
            except FollowUpError:
                self.problem.setText(self.tr("Choose a later time to call again."))
                self.problem.show()
                return
        super().accept()


def record_outcome(
    ctx: DeskContext,
    followup: FollowUp,
    outcome: FollowUpOutcome,
    note: str,
    reschedule_at: datetime | None,
    on_done: Callable[[FollowUp], None],
    on_error: Callable[[BaseException], None],
    owner: Any = None,
) -> None:
    """Record the outcome locally; the centre applies its rule (reopen or new case) and the answer
    comes back through the sync, which is asked to run now."""
    cache = ctx.cache

    def done(result: FollowUp) -> None:
        ctx.request_sync()
        on_done(result)

    ctx.tasks.run(
        "db",
        lambda: cache.record_followup_outcome(followup.id, outcome, note, reschedule_at),
        on_done=done,
        on_error=on_error,
        owner=owner,
        name="follow-up outcome",
    )
