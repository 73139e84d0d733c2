"""The improvement loop from the main window: resolving asks root cause and product, satisfaction is
entered after a call, follow-ups are offered, scheduled and their outcome recorded from the queue."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from conftest import settle
from desk_world import ADVISOR, NOW
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from advisor_desk.cache.views import QueueRowKind
from advisor_desk.domain.model import CaseStatus, FollowUp, FollowUpOutcome, RootCause
from advisor_desk.ui.timeline.model import KIND_ROLE

pytestmark = [pytest.mark.gui]


class Answers:
    """Answers the modal dialogs the code under test opens with exec(), in order, by their class."""

    def __init__(self, *steps: tuple[str, Callable[[Any], None]]) -> None:
        self.steps = list(steps)
        self.seen: list[str] = []
        self.timer = QTimer()
        self.timer.setInterval(30)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self) -> None:
        modal = QApplication.activeModalWidget()
        if modal is None or not self.steps or not modal.isVisible():
            return
        name, answer = self.steps[0]
        if type(modal).__name__ != name:
            return
        self.steps.pop(0)
        self.seen.append(name)
        answer(modal)

    def stop(self) -> None:
        self.timer.stop()


def choose_status(status: CaseStatus) -> Callable[[Any], None]:
    def answer(dialog: Any) -> None:
        assert not dialog.root_cause.isVisibleTo(dialog)  # asked by the resolution dialog instead
        dialog.status.setCurrentIndex(dialog.status.findData(status.value))
        dialog.accept()

    return answer


def test_resolving_asks_root_cause_and_product_then_offers_a_follow_up(
    qtbot: Any, window: Any, world: Any, ctx: Any
) -> None:
    window.open_customer("cust-01", "case-limit")
    settle(qtbot, ctx)

    def resolution(dialog: Any) -> None:
        dialog.accept()  # no root cause: refused for a complaint
        assert dialog.isVisible() and dialog.problem.isVisibleTo(dialog)
        dialog.cause.setCurrentIndex(dialog.cause.findData(RootCause.CARRIER.value))
        dialog.accept()

    answers = Answers(("StatusDialog", choose_status(CaseStatus.RESOLVED)), ("ResolutionDialog", resolution))
    try:
        window.actions_.status.trigger()
        settle(qtbot, ctx)
    finally:
        answers.stop()
    assert answers.seen == ["StatusDialog", "ResolutionDialog"]
    case = world.cache.case("case-limit")
    assert case.status is CaseStatus.RESOLVED and case.root_cause is RootCause.CARRIER
    # a follow-up call is offered, and scheduled from the offer
    qtbot.waitUntil(lambda: getattr(window, "followup_offer", None) is not None)
    offer = window.followup_offer
    assert offer.isVisible() and not offer.isModal()

    def schedule(dialog: Any) -> None:
        dialog.note.setText("Vérifier la livraison")
        dialog.accept()

    answers = Answers(("ScheduleFollowUpDialog", schedule))
    try:
        qtbot.mouseClick(window.followup_offer_schedule, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: answers.seen == ["ScheduleFollowUpDialog"], timeout=5000)
        settle(qtbot, ctx)
    finally:
        answers.stop()
    later = world.cache.followups_due(ADVISOR.id, NOW + timedelta(days=10))
    assert [(f.case_id, f.note) for f in later] == [("case-limit", "Vérifier la livraison")]


def test_satisfaction_is_entered_on_a_resolved_case_and_shows_on_the_timeline(
    qtbot: Any, window: Any, world: Any, ctx: Any
) -> None:
    window.open_customer("cust-01", "case-ontime")
    settle(qtbot, ctx)
    assert not window.actions_.satisfaction.isEnabled()  # an open case is not rated
    window.open_customer("cust-01", "case-closed")
    window.timeline.scroll_to_case("case-closed")
    settle(qtbot, ctx)
    window._update_actions()
    assert window.actions_.satisfaction.isEnabled()
    assert "Customer satisfaction…" in [a.text() for a in window.menuBar().actions()[2].menu().actions()]

    def rate(dialog: Any) -> None:
        dialog.buttons_by_score[4].setChecked(True)
        dialog.accept()

    answers = Answers(("SatisfactionDialog", rate))
    try:
        window.actions_.satisfaction.trigger()
        settle(qtbot, ctx)
    finally:
        answers.stop()
    scores = sorted((r.score, r.source) for r in world.cache.satisfaction("cust-01"))
    assert scores == [(2, "survey"), (4, "advisor")]
    model = window.timeline.model
    qtbot.waitUntil(
        lambda: (
            sum(
                model.index(r, 0, model.index(g, 0)).data(KIND_ROLE) == "rating"
                for g in range(model.rowCount())
                for r in range(model.rowCount(model.index(g, 0)))
            )
            == 2
        )
    )


def test_the_outcome_of_a_follow_up_row_is_recorded_from_the_queue(
    qtbot: Any, window: Any, world: Any, ctx: Any
) -> None:
    world.feed(FollowUp("f-today", "cust-01", NOW - timedelta(minutes=5), ADVISOR.id, case_id="case-closed"))
    window.queue.refresh()
    settle(qtbot, ctx)
    window.queue.select_case("case-limit")
    settle(qtbot, ctx)
    assert not window.outcome_action.isEnabled()  # a case row has no outcome to record
    assert window.queue.select_followup("f-today")
    settle(qtbot, ctx)
    assert window.outcome_action.isEnabled()
    assert window.queue.current_row().kind is QueueRowKind.FOLLOWUP

    def satisfied(dialog: Any) -> None:
        dialog.choose(FollowUpOutcome.SATISFIED)
        dialog.accept()

    answers = Answers(("OutcomeDialog", satisfied))
    try:
        window.outcome_action.trigger()
        qtbot.waitUntil(lambda: answers.seen == ["OutcomeDialog"], timeout=5000)
        settle(qtbot, ctx)
    finally:
        answers.stop()
    assert world.cache.followups_due(ADVISOR.id, NOW) == []
