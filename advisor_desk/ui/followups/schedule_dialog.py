"""Scheduling a follow-up call ("nursing call") after a resolution or a gesture: check the customer
is really satisfied. The date defaults to :func:`advisor_desk.domain.followups.suggest_follow_up`
(three working days later, 10:00) in the user's time zone; the call then shows in the work queue.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from advisor_desk.domain.followups import suggest_follow_up
from advisor_desk.domain.model import FollowUp
from advisor_desk.ui.context import DeskContext
from advisor_desk.ui.followups.times import from_wall, to_wall

#: How far in the past a chosen time may be (the minute being typed) before it is refused.
PAST_TOLERANCE = timedelta(minutes=5)


class ScheduleFollowUpDialog(QDialog):
    def __init__(
        self,
        ctx: DeskContext,
        customer_id: str,
        case_id: str | None,
        resolved_at: datetime | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.customer_id = customer_id
        self.case_id = case_id
        self.time_zone = ctx.user.time_zone
        self.setWindowTitle(self.tr("Schedule a follow-up call"))
        self.setMinimumWidth(480)  # product names and notes stay readable
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Call the customer back to check that the solution really suits them."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.when = QDateTimeEdit(self)
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("dd/MM/yyyy HH:mm")
        self.when.setDateTime(
            to_wall(suggest_follow_up(resolved_at or ctx.now(), self.time_zone), self.time_zone)
        )
        self.note = QLineEdit(self)
        self.note.setMaxLength(500)
        self.note.setPlaceholderText(self.tr("What to check (optional)"))
        form.addRow(self.tr("Call on"), self.when)
        form.addRow(self.tr("Note"), self.note)
        layout.addLayout(form)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.hide()
        layout.addWidget(self.problem)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        box.addButton(self.tr("Schedule"), QDialogButtonBox.ButtonRole.AcceptRole)
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout.addWidget(box)

    def due_at(self) -> datetime:
        """The chosen time, UTC (read as a wall time in the user's time zone)."""
        return from_wall(self.when.dateTime(), self.time_zone)

    def accept(self) -> None:
        if self.due_at() < self.ctx.now() - PAST_TOLERANCE:
            self.problem.setText(self.tr("This time has passed: choose a time from now on."))
            self.problem.show()
            return
        super().accept()


def ask_schedule_followup(
    parent: QWidget | None,
    ctx: DeskContext,
    customer_id: str,
    case_id: str | None,
    resolved_at: datetime | None = None,
) -> tuple[datetime, str] | None:
    dialog = ScheduleFollowUpDialog(ctx, customer_id, case_id, resolved_at, parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.due_at(), dialog.note.text().strip()
    finally:
        dialog.deleteLater()


def schedule(
    ctx: DeskContext,
    customer_id: str,
    case_id: str | None,
    due_at: datetime,
    note: str,
    on_done: Callable[[FollowUp], None],
    on_error: Callable[[BaseException], None],
    owner: Any = None,
) -> None:
    cache = ctx.cache

    def done(followup: FollowUp) -> None:
        ctx.request_sync()
        on_done(followup)

    ctx.tasks.run(
        "db",
        lambda: cache.schedule_followup(customer_id, case_id, due_at, note, by=ctx.user),
        on_done=done,
        on_error=on_error,
        owner=owner,
        name="schedule follow-up",
    )
