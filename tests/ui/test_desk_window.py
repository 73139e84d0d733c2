"""The advisor's main window driven through its real widgets over a real cache."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import settle
from desk_world import BIG_HISTORY, BIG_TEXT, COLLEAGUE, HOSTILE_NAME, World
from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QApplication, QDialog, QLabel

from advisor_desk.cache.views import QueueRow
from advisor_desk.domain.channels import Channel, ResponseState
from advisor_desk.domain.model import CaseStatus
from advisor_desk.ui.customer360.panel import Customer360Panel
from advisor_desk.ui.main_window import MainWindow
from advisor_desk.ui.panels import PlaceholderPanel
from advisor_desk.ui.queue.model import COL_CHANNEL, QueueModel, QueueProxy
from advisor_desk.ui.search.widget import SearchResult, SearchResultsModel
from advisor_desk.ui.timeline.model import CASE_ROLE, INTERACTION_ROLE, KIND_ROLE, TimelineModel
from advisor_desk.ui.timeline.widget import load_snapshot

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore("does not support propagateSizeHints", "does not support raise"),
]


def queue_case_ids(window: MainWindow) -> list[str | None]:
    return [r.case_id for r in window.queue.rows_in_view_order()]


def open_from_queue(qtbot: Any, window: MainWindow, case_id: str) -> None:
    assert window.queue.select_case(case_id)
    settle(qtbot, window.ctx)


def group_rows(window: MainWindow) -> list[tuple[str, bool]]:
    model, view = window.timeline.model, window.timeline.view
    out = []
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        case = index.data(CASE_ROLE)
        out.append((case.id if case else "", view.isExpanded(index)))
    return out


# -- models -----------------------------------------------------------------------------------------


def test_every_model_passes_the_model_tester(qtmodeltester: Any, world: World, ctx: Any) -> None:
    queue = QueueModel(ctx.icons)
    queue.set_rows(world.cache.work_queue(ctx.user.id, ctx.user.team, ctx.now()))
    qtmodeltester.check(queue)
    proxy = QueueProxy()
    proxy.setSourceModel(queue)
    proxy.sort(0)
    qtmodeltester.check(proxy)
    timeline = TimelineModel()
    timeline.set_snapshot(load_snapshot(world.cache, "cust-04", None, None))
    qtmodeltester.check(timeline)
    results = SearchResultsModel()
    results.set_results(
        [SearchResult(h.customer, h.matched_text, True) for h in world.cache.search_customers("Martin", 10)]
    )
    results.merge([SearchResult(world.cache.customer("cust-03"), "", False)])
    qtmodeltester.check(results)


# -- work queue -------------------------------------------------------------------------------------


def test_queue_lists_the_most_urgent_first_with_counts(qtbot: Any, window: MainWindow) -> None:
    assert queue_case_ids(window) == ["case-limit", "case-big", "case-target", "case-near", "case-ontime"]
    states = [r.state for r in window.queue.rows_in_view_order()]
    assert states[0] is ResponseState.PAST_LIMIT and states[-1] is ResponseState.ON_TIME
    counts = window.queue.counts.text()
    assert (
        "Past limit 1" in counts
        and "Past target 2" in counts
        and "Near target 1" in counts
        and "On time 1" in counts
    )
    assert "Mine 1" in counts
    # every badge has words, not only a colour
    proxy = window.queue.proxy
    for row in range(proxy.rowCount()):
        assert proxy.index(row, 0).data(Qt.ItemDataRole.DisplayRole)
        assert proxy.index(row, COL_CHANNEL).data(Qt.ItemDataRole.AccessibleTextRole)


def test_queue_filters_by_mine_and_by_channel(qtbot: Any, window: MainWindow) -> None:
    window.queue.mine.setChecked(True)
    settle(qtbot, window.ctx)
    assert queue_case_ids(window) == ["case-near"]
    window.queue.mine.setChecked(False)
    window.queue.channels.set_values([Channel.TWITTER.value])
    settle(qtbot, window.ctx)
    assert queue_case_ids(window) == ["case-target"]
    window.queue.channels.set_values([Channel.LETTER.value])
    settle(qtbot, window.ctx)
    assert window.queue.stack.currentWidget() is window.queue.message
    assert "no open case matches" in window.queue.message.text()
    # the filters are remembered
    assert window.ctx.settings.get("queue/channels") == ["letter"]


def test_badges_cross_states_as_time_passes(qtbot: Any, window: MainWindow, world: World) -> None:
    def state_of(case_id: str) -> tuple[ResponseState, str]:
        row: QueueRow = next(r for r in window.queue.rows_in_view_order() if r.case_id == case_id)
        source = window.queue.model.row_of_case(case_id)
        return row.state, window.queue.model.index(source, 0).data(Qt.ItemDataRole.DisplayRole)

    state, text = state_of("case-ontime")
    assert state is ResponseState.ON_TIME and "left" in text
    for minutes, expected in (
        (85, ResponseState.NEAR_TARGET),
        (30, ResponseState.PAST_TARGET),
        (22 * 60, ResponseState.PAST_LIMIT),
    ):
        world.clock.advance(minutes=minutes)
        window.queue.refresh()
        settle(qtbot, window.ctx)
        state, text = state_of("case-ontime")
        assert state is expected, (minutes, state)
    assert "overdue" in text


# -- opening a case -------------------------------------------------------------------------------


def test_selecting_a_queue_row_opens_the_customer_at_that_case(qtbot: Any, window: MainWindow) -> None:
    open_from_queue(qtbot, window, "case-limit")
    assert window.customer_id == "cust-01" and window.case_id == "case-limit"
    assert "Élodie Martin" in window.header.name.text()
    assert "2 open case(s)" in window.header.facts.text() or "2 open cases" in window.header.facts.text()
    assert "Unhappy last time (2/5)" in window.header.flags.text()
    current = window.timeline.view.currentIndex()
    assert current.data(KIND_ROLE) == "case" and current.data(CASE_ROLE).id == "case-limit"
    # open cases expanded, the closed one folded, loose interactions in their own group
    rows = dict(group_rows(window))
    assert rows["case-limit"] and rows["case-ontime"] and not rows["case-closed"]
    assert "" in rows
    # the side panels were told
    reply = window.panels.get("reply")
    if isinstance(reply, PlaceholderPanel):
        assert (reply.customer_id, reply.case_id) == ("cust-01", "case-limit")
    c360: Customer360Panel = window.c360
    texts = " | ".join(c360.texts())
    assert "CMD-2026-000001" in texts and "cust-01@example.fr" in texts
    assert "Goodwill gestures, last 12 months" in texts and "15.00" in texts
    assert "Client rappelé, colis recherché." in texts


def test_timeline_filters_by_channel_and_by_case(qtbot: Any, window: MainWindow) -> None:
    open_from_queue(qtbot, window, "case-limit")
    window.timeline.channels.set_values([Channel.REVIEW.value])
    settle(qtbot, window.ctx)
    model = window.timeline.model
    assert [g.case for g in model.groups()] == [None]
    (only,) = model.groups()
    assert only.ids == ["i-e4"]
    window.timeline.channels.clear()
    settle(qtbot, window.ctx)
    window.timeline.this_case_only.setChecked(True)
    settle(qtbot, window.ctx)
    assert [g.case.id for g in model.groups() if g.case] == ["case-limit"] and len(model.groups()) == 1
    window.timeline.this_case_only.setChecked(False)
    settle(qtbot, window.ctx)
    index = window.timeline.case_filter.findData("case-closed")
    window.timeline.case_filter.setCurrentIndex(index)
    window.timeline.case_filter.activated.emit(index)
    settle(qtbot, window.ctx)
    assert [g.case.id for g in model.groups() if g.case] == ["case-closed"]


def test_a_big_history_loads_lazily_as_it_scrolls(qtbot: Any, window: MainWindow) -> None:
    window.resize(1400, 900)
    window.open_customer("cust-04")
    settle(qtbot, window.ctx)
    model, view = window.timeline.model, window.timeline.view
    total = sum(len(g.ids) for g in model.groups())
    assert total == BIG_HISTORY
    assert model.loaded_count() < total  # only the open case's first page at first
    for row in range(model.rowCount()):
        view.setExpanded(model.index(row, 0), True)
    view.scrollToBottom()
    qtbot.wait(50)
    settle(qtbot, window.ctx)
    last_group = model.index(model.rowCount() - 1, 0)
    last = model.index(model.rowCount(last_group) - 1, 0, last_group)
    view.scrollTo(last)
    qtbot.wait(50)
    settle(qtbot, window.ctx)
    assert last.data(INTERACTION_ROLE) is not None
    assert model.loaded_count() < total  # what was never on screen is still not loaded


# -- safe display ---------------------------------------------------------------------------------


def test_hostile_customer_text_shows_literally(qtbot: Any, window: MainWindow) -> None:
    open_from_queue(qtbot, window, "case-target")
    assert HOSTILE_NAME in window.header.name.text()
    assert window.header.name.textFormat() == Qt.TextFormat.PlainText
    for label in window.findChildren(QLabel):
        if HOSTILE_NAME in label.text() or "<b>" in label.text():
            assert label.textFormat() == Qt.TextFormat.PlainText, label.objectName()
    model = window.timeline.model
    group = model.index(model.group_row_of_case("case-target"), 0)
    texts = {}
    for row in range(model.rowCount(group)):
        index = model.index(row, 0, group)
        it = index.data(INTERACTION_ROLE)
        texts[it.id] = (index.data(Qt.ItemDataRole.DisplayRole), index.data(Qt.ItemDataRole.ToolTipRole))
    display, tooltip = texts["i-k1"]
    assert "<b>x</b> <img src=x onerror=alert(1)>" in display
    assert "<img" not in tooltip and "&lt;img src=x" in tooltip
    assert "&lt;qt&gt;" in texts["i-k2"][1]
    assert "\u202e" not in texts["i-k3"][1]
    big_display = texts["i-k5"][0]
    assert len(big_display) < 1000  # the megabyte is elided in the list
    # painting every row with that content works (delegate draws plain text)
    window.timeline.view.expandAll()
    pixmap = QPixmap(window.timeline.view.viewport().size())
    window.timeline.view.viewport().render(pixmap)
    # and the whole text is one keystroke away, literally
    big = model.index(list(texts).index("i-k5"), 0, group)
    window.timeline.view.setCurrentIndex(big)
    window.timeline.read_current_in_full()
    dialog = window.timeline.last_dialog
    assert dialog.viewer.toPlainText() == BIG_TEXT
    dialog.close()


# -- search ---------------------------------------------------------------------------------------


def test_search_as_you_type_then_enter_opens_the_customer(qtbot: Any, window: MainWindow) -> None:
    box = window.search
    box.focus_search()
    qtbot.keyClicks(box, "Mart")
    qtbot.waitUntil(lambda: box.model.rowCount() > 0, timeout=3000)
    settle(qtbot, window.ctx)
    assert [r.customer.id for r in box.model.results()] == ["cust-01"]
    # the name matched: it is not said twice ("Élodie Martin — Élodie Martin")
    shown = box.model.index(0).data()
    assert "—" not in shown and shown.startswith(box.model.results()[0].customer.display_name[:5])
    qtbot.keyClick(box, Qt.Key.Key_Return)
    settle(qtbot, window.ctx)
    assert window.customer_id == "cust-01"
    assert not box.popup.isVisible()


def test_search_drops_stale_answers_and_finds_phones_any_format(qtbot: Any, window: MainWindow) -> None:
    box = window.search
    box.focus_search()
    box.setText("Élodie")
    box.textEdited.emit("Élodie")
    box.search_now()  # an answer for "Élodie" is on its way...
    box.setText("06 12 34 56 03")
    box.textEdited.emit("06 12 34 56 03")  # ...when the text changes
    qtbot.waitUntil(lambda: box.model.rowCount() > 0, timeout=3000)
    settle(qtbot, window.ctx)
    assert [r.customer.id for r in box.model.results()] == ["cust-03"]
    assert "—" in box.model.index(0).data()  # a phone matched: it says which
    box.setText("zzzz-nobody")
    box.textEdited.emit("zzzz-nobody")
    qtbot.waitUntil(lambda: "No customer found" in box.status.text(), timeout=3000)
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    assert not box.popup.isVisible()


# -- actions --------------------------------------------------------------------------------------


def _answer_dialog(qtbot: Any, text: str | None) -> None:
    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QDialog)
        if text is None:
            dialog.reject()
            return
        dialog.editor.setPlainText(text)  # type: ignore[attr-defined]
        dialog._accept()  # type: ignore[attr-defined]

    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None, timeout=3000)
    fill()


def test_internal_note_is_saved_and_shown_at_once(qtbot: Any, window: MainWindow, world: World) -> None:
    from PySide6.QtCore import QTimer

    open_from_queue(qtbot, window, "case-ontime")
    QTimer.singleShot(0, lambda: _answer_dialog(qtbot, "Rappeler demain <b>matin</b>"))
    window.actions_.note.trigger()
    settle(qtbot, window.ctx)
    ids = world.cache.interaction_ids("cust-01", channels=["note"], case_id="case-ontime")
    assert len(ids) == 1
    (note,) = world.cache.interactions_by_ids(ids)
    assert note.text == "Rappeler demain <b>matin</b>" and note.author == "Alice Martin"
    group = window.timeline.model.groups()[window.timeline.model.group_row_of_case("case-ontime")]
    assert ids[0] in group.ids
    assert "Note saved." in window.statusBar().currentMessage()


def test_acknowledge_stops_the_first_response_clock(qtbot: Any, window: MainWindow, world: World) -> None:
    from PySide6.QtCore import QTimer

    open_from_queue(qtbot, window, "case-limit")
    assert window.actions_.acknowledge.isEnabled()
    QTimer.singleShot(0, lambda: _answer_dialog(qtbot, "Bien reçu, nous regardons."))
    window.actions_.acknowledge.trigger()
    settle(qtbot, window.ctx)
    case = world.cache.case("case-limit")
    assert case.acknowledged_at is not None and case.status is CaseStatus.ACKNOWLEDGED
    row = next(r for r in window.queue.rows_in_view_order() if r.case_id == "case-limit")
    assert row.countdown is None or row.countdown.clock == "resolution"


def test_a_stale_status_change_shows_who_changed_it_and_retries_on_the_fresh_copy(
    qtbot: Any, window: MainWindow, world: World
) -> None:
    open_from_queue(qtbot, window, "case-limit")
    seen = window.timeline.current_case()
    assert seen is not None and seen.version == 1
    # meanwhile a colleague moved the case (it arrives through the feed)
    from dataclasses import replace

    fresh = replace(
        seen,
        status=CaseStatus.IN_PROGRESS,
        version=2,
        updated_by=COLLEAGUE.display_name,
        updated_at=world.clock.now,
    )
    world.feed(fresh)
    window.actions_.apply_status(seen, CaseStatus.RESOLVED, None)
    qtbot.waitUntil(lambda: getattr(window.actions_, "stale_box", None) is not None, timeout=3000)
    box = window.actions_.stale_box
    assert "Bob Durand" in box.text() and "In progress" in box.text()
    box.buttonClicked.emit(window.actions_.stale_retry)
    settle(qtbot, window.ctx)
    after = world.cache.case("case-limit")
    assert after.status is CaseStatus.RESOLVED and after.version == 3
    box.close()


def test_new_activity_while_reading_is_announced(qtbot: Any, window: MainWindow, world: World) -> None:
    from advisor_desk.domain.model import Direction, Interaction
    from advisor_desk.ui.changes import Changes

    open_from_queue(qtbot, window, "case-near")
    assert not window.timeline.banner.isVisible()
    world.feed(
        Interaction(
            "i-p2",
            "cust-03",
            Channel.CHAT,
            Direction.INBOUND,
            world.clock.now,
            "Still there?",
            case_id="case-near",
        )
    )
    window.ctx.changes.publish(Changes.everything())
    settle(qtbot, window.ctx)
    assert window.timeline.banner.isVisible()
    assert "1 new interaction" in window.timeline.banner_text.text()
    window.timeline.banner_show.click()
    assert not window.timeline.banner.isVisible()


def test_empty_state_and_error_banner(qtbot: Any, window: MainWindow) -> None:
    assert "No customer open" in window.timeline.message.text()
    assert "No customer open" in window.header.name.text()
    window.open_customer("cust-does-not-exist")
    settle(qtbot, window.ctx)
    assert "not in the local cache" in window.header.facts.text()


def test_the_window_remembers_its_layout(qtbot: Any, ctx: Any, window: MainWindow) -> None:
    window.setWindowState(Qt.WindowState.WindowNoState)
    window.resize(700, 500)
    window.queue_dock.hide()
    size = window.size()
    window.close()
    again = MainWindow(ctx)
    qtbot.addWidget(again)
    again.show()
    settle(qtbot, ctx)
    # the offscreen screen is 800 px wide: the width is clamped to it, the height is not
    assert again.size().height() == size.height()
    assert not again.queue_dock.isVisible()


def test_keyboard_shortcuts_reach_the_panels(qtbot: Any, window: MainWindow) -> None:
    window.activateWindow()
    assert window.search_action.shortcut().toString() == "Ctrl+K"
    assert "Ctrl+K" in window.search_action.toolTip()
    window.panels.show("customer360")
    assert window.tabs.currentWidget() is window.c360
    window.yes_action.trigger()
    assert window.tabs.currentWidget() is window.panels.get("say_yes")
    assert {a.shortcut().toString() for a in window.panels.actions()} == {"Ctrl+R", "Ctrl+G", "Ctrl+I"}
    assert window.actions_.note.shortcut().toString() == "Ctrl+N"
    assert window.actions_.acknowledge.shortcut().toString() == "Ctrl+Shift+A"
    assert window.sync_action.shortcut().toString() == "F5"


def test_team_leads_get_decisions_and_reports(qtbot: Any, make_ctx: Any, world: World) -> None:
    from desk_world import LEAD

    lead_ctx = make_ctx(world.cache, LEAD)
    w = MainWindow(lead_ctx)
    qtbot.addWidget(w)
    titles = [a.text() for a in w.menuBar().actions()]
    assert "&Team" in titles
    w.decisions_action.trigger()
    assert w.team_view.isVisible()
    w.team_view.close()
    settle(qtbot, lead_ctx)
