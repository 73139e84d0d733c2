"""Entering the customer's satisfaction after a call: a 1-to-5 score the customer gave, recorded
per case.

The scale is shown with neutral words at each point. Nothing here suggests a score to the customer
or the advisor (asking for "a 5" corrupts the measure); the figure only ever appears at team level
in the reports.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from advisor_desk.domain.model import Case, SatisfactionRating
from advisor_desk.ui.context import DeskContext
from advisor_desk.ui.watch.words import score_label


class SatisfactionDialog(QDialog):
    def __init__(self, case: Case, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.case = case
        self.setWindowTitle(self.tr("Customer satisfaction"))
        self.setMinimumWidth(480)  # product names and notes stay readable
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr("The score the customer gave for how this case was handled, from 1 to 5:"), self
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.group = QButtonGroup(self)
        self.buttons_by_score: dict[int, QRadioButton] = {}
        for score in range(1, 6):
            button = QRadioButton(score_label(score), self)
            self.group.addButton(button, score)
            self.buttons_by_score[score] = button
            layout.addWidget(button)
        self.problem = QLabel(self)
        self.problem.hide()
        layout.addWidget(self.problem)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        box.addButton(self.tr("Record"), QDialogButtonBox.ButtonRole.AcceptRole)
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout.addWidget(box)

    def score(self) -> int | None:
        chosen = self.group.checkedId()
        return chosen if 1 <= chosen <= 5 else None

    def accept(self) -> None:
        if self.score() is None:
            self.problem.setText(self.tr("Choose the score the customer gave."))
            self.problem.show()
            return
        super().accept()


def ask_satisfaction(parent: QWidget | None, case: Case) -> int | None:
    dialog = SatisfactionDialog(case, parent)
    try:
        return dialog.score() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


def record_satisfaction(
    ctx: DeskContext,
    case: Case,
    score: int,
    on_done: Callable[[SatisfactionRating], None],
    on_error: Callable[[BaseException], None],
    owner: Any = None,
) -> None:
    cache = ctx.cache

    def done(rating: SatisfactionRating) -> None:
        ctx.request_sync()
        on_done(rating)

    ctx.tasks.run(
        "db",
        lambda: cache.record_csat(case.id, score, "advisor"),
        on_done=done,
        on_error=on_error,
        owner=owner,
        name="record satisfaction",
    )
