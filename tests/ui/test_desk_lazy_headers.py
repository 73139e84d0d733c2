"""A customer with hundreds of cases opens on the headers in view; the rest come as the advisor scrolls.

Also: gestures and ratings placed among interactions by time without reading the interactions, and the
work queue sorting itself when a header is clicked (the selection follows its row).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from conftest import settle
from desk_world import NOW, TEAM, World, _case, _interaction
from PySide6.QtCore import QModelIndex, Qt

from advisor_desk.domain.channels import Channel
from advisor_desk.domain.model import CaseStatus, SatisfactionRating
from advisor_desk.ui.main_window import MainWindow
from advisor_desk.ui.queue.model import COL_CUSTOMER, COL_URGENCY
from advisor_desk.ui.timeline.model import FIRST_GROUPS, KIND_ROLE, MORE_GROUPS
from advisor_desk.ui.timeline.widget import load_snapshot, merge_entries

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore("does not support propagateSizeHints", "does not support raise"),
]

CLOSED = 230
CUSTOMER = "cust-01"


def many_cases(world: World) -> None:
    """CLOSED closed cases (newest first: closed-0 is the most recent) and one open case, oldest of all."""
    h = timedelta(hours=1)
    objects: list[Any] = []
    for n in range(CLOSED):
        case = _case(
            f"closed-{n}", CUSTOMER, Channel.EMAIL, (n + 2) * 24 * h, status=CaseStatus.RESOLVED, team=TEAM
        )
        objects.append(case)
        objects.append(_interaction(f"ci-{n}", CUSTOMER, case.id, (n + 2) * 24 * h - h, f"message {n}"))
    objects.append(_case("open-old", CUSTOMER, Channel.EMAIL, 400 * 24 * h))
    objects.append(_interaction("oi-1", CUSTOMER, "open-old", 400 * 24 * h, "still waiting"))
    world.feed(*objects)


def test_hundreds_of_cases_open_on_the_headers_in_view(qtbot: Any, window: MainWindow, world: World) -> None:
    many_cases(world)
    window.open_customer(CUSTOMER)
    settle(qtbot, window.ctx)
    model, view = window.timeline.model, window.timeline.view
    groups = model.groups()
    assert len(groups) > CLOSED  # every case is known (ids, open or not) ...
    # ... but only the first headers are in the model's rows (and more while the view is not full)
    assert FIRST_GROUPS <= model.rowCount() < len(groups)
    assert model.canFetchMore(QModelIndex())
    shown = model.rowCount()
    first = model.index(0, 0)
    assert first.data(KIND_ROLE) == "case" and view.isExpanded(first)  # the open case comes first
    opened = [g.is_open for g in groups]
    assert opened == sorted(opened, reverse=True)  # every open case before the closed ones
    assert view.isExpanded(model.index(model.group_row_of_case("open-old"), 0))
    # cases never shown were not decoded
    assert groups[-1]._case is None  # noqa: SLF001 - the point of the test
    # the case filter lists all of them at once
    assert window.timeline.case_filter.count() == len([g for g in groups if g.case_id]) + 1

    view.scrollToBottom()  # the view asks for more as the advisor reaches the end
    qtbot.waitUntil(lambda: model.rowCount() == min(len(groups), shown + MORE_GROUPS), timeout=3000)
    revealed = model.index(shown, 0)
    assert revealed.data(Qt.ItemDataRole.DisplayRole)  # decoded when shown
    assert not view.isExpanded(revealed)  # closed cases come folded

    # scrolling to a case far down reveals the headers up to it
    assert window.timeline.scroll_to_case(f"closed-{CLOSED - 1}")
    assert model.rowCount() >= model.group_row_of_case(f"closed-{CLOSED - 1}") + 1
    assert view.currentIndex().data(KIND_ROLE) == "case"
    assert view.currentIndex().data(Qt.ItemDataRole.DisplayRole)


def test_a_closed_case_opened_from_elsewhere_is_read_and_expanded(
    qtbot: Any, window: MainWindow, world: World
) -> None:
    many_cases(world)
    window.open_customer(CUSTOMER, f"closed-{CLOSED - 5}")
    settle(qtbot, window.ctx)
    model, view = window.timeline.model, window.timeline.view
    row = model.group_row_of_case(f"closed-{CLOSED - 5}")
    assert row >= FIRST_GROUPS and model.rowCount() > row
    index = model.index(row, 0)
    assert view.isExpanded(index)
    # its first page came with the snapshot: no "Loading…" row
    child = model.index(0, 0, index)
    assert child.data(Qt.ItemDataRole.DisplayRole) and "message" in child.data(Qt.ItemDataRole.DisplayRole)


def test_ratings_sit_among_interactions_by_time(world: World) -> None:
    h = timedelta(hours=1)
    case = _case("case-r", CUSTOMER, Channel.EMAIL, 10 * h, status=CaseStatus.RESOLVED)
    world.feed(
        case,
        _interaction("r-new", CUSTOMER, "case-r", 1 * h, "newest"),
        _interaction("r-mid", CUSTOMER, "case-r", 5 * h, "middle"),
        _interaction("r-old", CUSTOMER, "case-r", 9 * h, "oldest"),
        SatisfactionRating("rate-1", "case-r", CUSTOMER, 4, "survey", NOW - 3 * h),
        SatisfactionRating("rate-2", "case-r", CUSTOMER, 1, "advisor", NOW - 20 * h),
    )
    snap = load_snapshot(world.cache, CUSTOMER, None, None)
    [group] = [g for g in snap.groups if g.case_id == "case-r"]
    assert group.ids == ["r-new", "rating:rate-1", "r-mid", "r-old", "rating:rate-2"]
    assert group.count == 3  # interactions only
    assert snap.entries["rating:rate-2"].title.endswith("1/5")


def test_merge_entries_is_stable_on_equal_times() -> None:
    times = {"a": "2026-01-03T00:00:00.000000Z", "b": "2026-01-02T00:00:00.000000Z"}
    merged = merge_entries(
        ["a", "b"],
        [("e-same", "2026-01-02T00:00:00.000000Z"), ("e-new", "2026-01-04T00:00:00.000000Z")],
        times,
    )
    assert merged == ["e-new", "a", "e-same", "b"]  # an entry goes before an interaction of its instant
    assert merge_entries([], [("x", "2026-01-01T00:00:00.000000Z")], {}) == ["x"]


def test_the_queue_sorts_itself_and_the_selection_follows(qtbot: Any, window: MainWindow) -> None:
    queue = window.queue
    by_urgency = [r.case_id for r in queue.rows_in_view_order()]
    assert queue.select_case(by_urgency[2], emit=False)
    queue.table.sortByColumn(COL_CUSTOMER, Qt.SortOrder.AscendingOrder)
    names = [r.customer_name.casefold() for r in queue.rows_in_view_order()]
    assert names == sorted(names)
    assert queue.current_case_id() == by_urgency[2]  # the selected row moved with its case
    queue.table.sortByColumn(COL_CUSTOMER, Qt.SortOrder.DescendingOrder)
    assert [r.customer_name.casefold() for r in queue.rows_in_view_order()] == sorted(names, reverse=True)
    # a refresh keeps the advisor's chosen order
    queue.refresh()
    settle(qtbot, window.ctx)
    assert [r.customer_name.casefold() for r in queue.rows_in_view_order()] == sorted(names, reverse=True)
    queue.table.sortByColumn(COL_URGENCY, Qt.SortOrder.AscendingOrder)
    assert [r.case_id for r in queue.rows_in_view_order()] == by_urgency
