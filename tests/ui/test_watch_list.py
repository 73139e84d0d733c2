"""Product watch: the flag other panels show, the watch list on crafted data (edges of the rule),
its trend chart, the models under qtmodeltester."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import settle
from desk_world import LEAD, Clock
from test_reports_world import build_loop_world

from advisor_desk.domain.watch import WatchStatus

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("does not support propagateSizeHints")]


@pytest.fixture
def loop(tmp_path: Path, clock: Clock) -> Iterator[Any]:
    w = build_loop_world(tmp_path / "loop.sqlite3", clock)
    yield w
    w.cache.close()


def test_the_flag_says_rating_and_complaints_and_hides_otherwise(qtbot: Any) -> None:
    from advisor_desk.ui.watch import WatchFlagLabel, watch_badge_text

    status = WatchStatus("p-tent", True, 2.4, 40, 3, 96)
    assert watch_badge_text(status) == "Under review · 2.4/5 · 3 complaints"
    assert watch_badge_text(WatchStatus("p-lamp", False, 4.5, 100)) == ""
    assert watch_badge_text(None) == ""
    label = WatchFlagLabel()
    qtbot.addWidget(label)
    label.show()
    label.set_status(status, "Tente")
    assert label.isVisible() and "40 ratings" in label.toolTip() and label.toolTip().startswith("Tente")
    label.set_status(None)
    assert not label.isVisible()


def test_product_statuses_for_the_flags_of_other_panels(loop: Any, clock: Clock) -> None:
    from advisor_desk.ui.watch.data import product_statuses

    found = product_statuses(loop.cache, ["p-tent", "p-lamp", "p-few", "p-edge"], LEAD.team, clock.now)
    # tent 2.4 over 40; bottle exactly 3.0 over exactly 25; stove 24 ratings (one short); lamp 4.5
    # (its 200 one-star ratings are older than 12 months)
    assert {k for k, s in found.items() if s.watched} == {"p-tent", "p-edge"}
    assert found["p-lamp"].average == 4.5 and found["p-lamp"].count == 100
    assert found["p-tent"].complaint_count == 3  # k-1, k-2 and k-5 (October: within the 12 months)


def test_the_watch_list_shows_complaints_by_cause_gestures_and_trend(
    qtbot: Any, make_ctx: Any, loop: Any, qtmodeltester: Any
) -> None:
    from advisor_desk.ui.watch.view import WatchListView

    ctx = make_ctx(loop.cache, LEAD)
    view = WatchListView(ctx)
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    settle(qtbot, ctx)
    rows = view.model.texts()
    assert [r[0] for r in rows] == ["Tente <b>2 places</b> (T-2)", "Gourde 1 L (E-3)"]
    tent = rows[0]
    assert tent[1:4] == ["2.4/5", "40", "3"]  # k-1, k-2 and k-5 (October) are within the 12 months
    assert tent[4] == "Carrier 1 · Product quality 1 · Not resolved yet 1"
    assert tent[5] == "2"  # d-1 and d-2; d-3 was revoked
    assert tent[7] == "Chef produit camping"
    assert "25 ratings" in view.rule_label.text() or "at least 25" in view.rule_label.text()
    chart = view.trend.chart()
    assert "Tente" in chart.title() and len(chart.series()) >= 2  # the ratings and the threshold line
    qtmodeltester.check(view.model)
    qtmodeltester.check(view.proxy)


def test_an_empty_watch_list_says_so(qtbot: Any, make_ctx: Any, tmp_path: Path, clock: Clock) -> None:
    from desk_world import World

    from advisor_desk.cache.store import LocalCache
    from advisor_desk.ui.watch.view import WatchListView

    cache = LocalCache.open(tmp_path / "empty.sqlite3", clock=clock)
    try:
        World(cache, clock)
        ctx = make_ctx(cache, LEAD)
        view = WatchListView(ctx)
        qtbot.addWidget(view)
        settle(qtbot, ctx)
        assert "No product is under watch" in view.state_label.text()
        assert view.model.rowCount() == 0
    finally:
        cache.close()


def test_report_section_models_pass_the_model_tester(
    qtbot: Any, make_ctx: Any, loop: Any, qtmodeltester: Any
) -> None:
    from advisor_desk.ui.reports.view import ReportsView

    ctx = make_ctx(loop.cache, LEAD)
    view = ReportsView(ctx)
    qtbot.addWidget(view)
    settle(qtbot, ctx)
    assert view.boxes
    for box in view.boxes.values():
        qtmodeltester.check(box.model)
        qtmodeltester.check(box.proxy)
