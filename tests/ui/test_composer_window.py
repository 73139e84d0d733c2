"""The composer inside the real main window: it is the Reply tab (Ctrl+R), follows the selected case, takes
a gesture granted in Say yes with its amount, owns Ctrl+Shift+A while the advisor writes in it, and a
sent reply shows on the timeline at once."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import settle
from desk_world import World
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from advisor_desk.domain.model import CaseStatus, Direction, GestureCode
from advisor_desk.domain.scripts import ReplyStep
from advisor_desk.ui.composer.panel import ComposerPanel
from advisor_desk.ui.main_window import MainWindow
from advisor_desk.ui.timeline.model import INTERACTION_ROLE

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore("does not support propagateSizeHints", "does not support raise"),
]


def composer(window: MainWindow) -> ComposerPanel:
    panel = window.panels.get("reply")
    assert isinstance(panel, ComposerPanel)
    return panel


def open_case(qtbot: Any, window: MainWindow, customer_id: str, case_id: str) -> ComposerPanel:
    window.open_case(customer_id, case_id)
    settle(qtbot, window.ctx)
    panel = composer(window)
    assert panel.case_id == case_id and panel.state is not None
    return panel


def newest_on_case(window: MainWindow, case_id: str) -> Any:
    """The newest interaction the timeline shows under ``case_id``."""
    model = window.timeline.model
    group = model.index(model.group_row_of_case(case_id), 0)
    return model.data(model.index(0, 0, group), INTERACTION_ROLE)


def test_the_reply_tab_follows_the_case_and_ctrl_r_focuses_it(qtbot: Any, window: MainWindow) -> None:
    panel = composer(window)
    assert "Open a case" in panel.empty.text()
    open_case(qtbot, window, "cust-03", "case-near")
    window.reply_action.trigger()
    assert window.tabs.currentWidget() is panel
    assert panel.isAncestorOf(QApplication.focusWidget())
    window.open_case("cust-01", "case-limit")
    settle(qtbot, window.ctx)
    assert panel.case_id == "case-limit" and panel.language.value == "fr"


def test_a_gesture_granted_in_say_yes_lands_in_the_solution(qtbot: Any, window: MainWindow) -> None:
    panel = open_case(qtbot, window, "cust-01", "case-limit")
    for step in ReplyStep:
        panel.choose(step, panel.state.options(step)[0].id)
    say_yes = window.panels.get("say_yes")
    settle(qtbot, window.ctx)
    assert say_yes.select_gesture(GestureCode.VOUCHER)
    qtbot.keyClicks(say_yes.amount, "15")
    qtbot.keyClicks(say_yes.reason_text, "Colis en retard")
    with qtbot.waitSignal(say_yes.gestureGranted, timeout=5000):
        qtbot.keyClick(say_yes.reason_text, Qt.Key.Key_Return)
    settle(qtbot, window.ctx)
    assert panel.state.chosen_id(ReplyStep.SOLVE) == "fr-late-voucher"
    assert "bon d’achat de 15\u00a0€" in panel.state.draft.solution
    # the sentence Say yes offers to insert goes at the end of the solution, kept as typed
    with qtbot.waitSignal(say_yes.insertIntoReply) as offered:
        say_yes.insert_button.click()
    panel.insert_sentence(offered.args[0])
    assert panel.state.draft.solution.endswith(offered.args[0])
    assert ReplyStep.SOLVE in panel.state.edited


def test_ctrl_shift_a_in_the_composer_uses_the_scripts_acknowledgement(
    qtbot: Any, window: MainWindow, world: World
) -> None:
    panel = open_case(qtbot, window, "cust-03", "case-near")
    window.reply_action.trigger()
    editor = panel.step_pages[ReplyStep.ACKNOWLEDGE].editor
    editor.setFocus()
    qtbot.keyClick(
        editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    dialog = panel.ack_dialog
    assert dialog is not None and dialog.isVisible() and dialog.text().startswith("Hello Paul")
    dialog.reject()


def test_a_sent_reply_is_on_the_timeline_at_once(qtbot: Any, window: MainWindow, world: World) -> None:
    panel = open_case(qtbot, window, "cust-01", "case-limit")
    for step in ReplyStep:
        panel.choose(step, panel.state.options(step)[0].id)
    for step in (ReplyStep.ACKNOWLEDGE, ReplyStep.SOLVE):
        editor = panel.step_pages[step].editor
        editor.selectAll()
        editor.insertPlainText(panel.state.draft.part(step).replace("[[order.number]]", "CMD-2026-000001"))
    panel.override.setChecked(True)  # the subject is not quoted: confirmed
    assert panel.send_button.isEnabled(), panel.send_reason.text()
    sent_text = panel.state.draft.final_text()
    window.reply_action.trigger()
    panel.preview.setFocus()
    with qtbot.waitSignal(panel.replySent, timeout=5000) as sent:
        qtbot.keyClick(panel.preview, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, window.ctx)
    shown = newest_on_case(window, "case-limit")
    assert shown is not None and shown.id == sent.args[0].id and shown.text == sent_text
    assert shown.direction is Direction.OUTBOUND
    assert world.cache.case("case-limit").status is CaseStatus.WAITING_CUSTOMER
    # the composer is ready for the next reply on the same case, empty
    assert panel.state is not None and panel.state.draft.body_text() == ""
