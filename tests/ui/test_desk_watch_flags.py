"""Products under watch are flagged where they appear in the desk: case headers of the timeline,
order lines and open cases in Customer 360 (text with rating and complaints, never colour alone)."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from typing import Any

import pytest
from conftest import settle
from desk_world import NOW

from advisor_desk.domain.model import Order, OrderLine, Product, ProductRating
from advisor_desk.ui.timeline.model import WATCH_ROLE

pytestmark = [pytest.mark.gui]


def watch_world(world: Any, ratings: int) -> None:
    tent = Product("p-tent", "TENT-2P", "<b>Tente</b> 2 places")
    stove = Product("p-stove", "STOVE-1", "Réchaud")
    stars = [ProductRating(f"r-{n}", tent.id, 2 + n % 2, NOW - timedelta(days=n)) for n in range(ratings)]
    stars += [ProductRating(f"s-{n}", stove.id, 5, NOW - timedelta(days=n)) for n in range(30)]
    case = replace(world.cache.case("case-limit"), product_id=tent.id, version=2)
    order = Order(
        "ord-2", "CMD-2026-000002", "cust-01", NOW - timedelta(days=3), "EUR", 25_900,
        lines=(OrderLine("l-1", tent.id, 1, 19_900, 19_900), OrderLine("l-2", stove.id, 1, 6_000, 6_000)),
    )  # fmt: skip
    world.feed(tent, stove, *stars, case, order)


def test_a_watched_product_is_flagged_on_the_timeline_and_in_customer_360(
    qtbot: Any, window: Any, world: Any, ctx: Any
) -> None:
    watch_world(world, 25)
    window.open_customer("cust-01", "case-limit")
    settle(qtbot, ctx)
    model = window.timeline.model
    header = model.index(model.group_row_of_case("case-limit"), 0)
    qtbot.waitUntil(lambda: bool(header.data(WATCH_ROLE)), timeout=5000)  # read after the first paint
    flag = header.data(WATCH_ROLE)
    assert flag.startswith("Under review · 2.5/5") or flag.startswith("Under review · 2,5/5"), flag
    assert "1 complaint" in flag and flag in header.data()
    other = model.index(model.group_row_of_case("case-ontime"), 0)
    assert other.data(WATCH_ROLE) == ""
    assert not window.timeline.view.grab().isNull()
    window.panels.show("customer360")
    panel = window.c360
    qtbot.waitUntil(lambda: panel.file is not None and bool(panel.file.watch), timeout=5000)
    flags = [t for t in panel.texts() if "Under review" in t]
    # the order line and the open case both carry it; the well-rated stove does not; markup stays text
    assert len(flags) == 2 and all(t.startswith("<b>Tente</b> 2 places · Under review") for t in flags)
    assert not any("Réchaud" in t for t in flags)


def test_below_the_minimum_number_of_ratings_nothing_is_flagged(
    qtbot: Any, window: Any, world: Any, ctx: Any
) -> None:
    watch_world(world, 24)
    window.open_customer("cust-01", "case-limit")
    settle(qtbot, ctx)
    model = window.timeline.model
    qtbot.wait(300)  # past the delayed watch read
    settle(qtbot, ctx)
    assert model.index(model.group_row_of_case("case-limit"), 0).data(WATCH_ROLE) == ""
    panel = window.c360
    qtbot.waitUntil(lambda: panel.file is not None, timeout=5000)
    assert not any("Under review" in t for t in panel.texts())
