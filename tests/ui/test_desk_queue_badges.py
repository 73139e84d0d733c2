"""The work queue's badge column: texts short and never cut; follow-up calls with their own badge."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from conftest import settle
from desk_world import ADVISOR, NOW

from advisor_desk.cache.views import QueueRowKind
from advisor_desk.domain.model import FollowUp
from advisor_desk.ui.badge import badge_width
from advisor_desk.ui.queue.model import BADGE_TEXT_ROLE, COL_URGENCY, ROW_ROLE

pytestmark = [pytest.mark.gui]


def badges(window: Any) -> dict[str, str]:
    model = window.queue.model
    out = {}
    for r in range(model.rowCount()):
        row = model.index(r, COL_URGENCY).data(ROW_ROLE)
        key = row.case_id if row.kind is QueueRowKind.CASE else f"followup:{row.followup_id}"
        out[key] = model.index(r, COL_URGENCY).data(BADGE_TEXT_ROLE)
    return out


def test_badges_fit_their_column_and_follow_ups_have_their_own(
    qtbot: Any, window: Any, world: Any, ctx: Any
) -> None:
    world.feed(
        FollowUp("f-late", "cust-01", NOW - timedelta(days=1), ADVISOR.id, case_id="case-closed",
                 note="Rappeler Élodie"),
        FollowUp("f-today", "cust-03", NOW + timedelta(hours=3), ADVISOR.id, note="Call Paul"),
    )  # fmt: skip
    window.queue.refresh()
    settle(qtbot, ctx)
    texts = badges(window)
    assert texts["followup:f-late"] == "Follow-up · overdue"
    assert texts["followup:f-today"] == "Follow-up · today"  # later today, in Paris
    # seconds only under a minute: "overdue 30 h", never "overdue 55 min 52 s"
    assert all(" s" not in t for k, t in texts.items() if not k.startswith("followup:")), texts
    header = window.queue.table.horizontalHeader()
    font = window.queue.table.font()
    widest = max(badge_width(t, font) for t in texts.values())
    assert header.sectionSize(COL_URGENCY) >= widest + 8 + 20
    # the follow-up row paints (icon and pill)
    assert not window.queue.table.grab().isNull()


def test_the_subject_stays_readable_beside_wide_badges(qtbot: Any, window: Any, ctx: Any) -> None:
    """Badges widening their column must not squeeze the subject to an ellipsis."""
    from advisor_desk.ui.queue.model import COL_SUBJECT

    window.queue.refresh()
    settle(qtbot, ctx)
    assert window.queue.table.horizontalHeader().sectionSize(COL_SUBJECT) >= 150


def test_a_wider_badge_further_down_widens_its_column_when_painted(
    qtbot: Any, window: Any, ctx: Any, monkeypatch: Any
) -> None:
    """The refresh sizes the column from the first rows only; a badge below them that needs more room
    widens the column as soon as it is painted, so no badge is ever cut."""
    from advisor_desk.ui.queue import widget

    monkeypatch.setattr(widget, "FIT_ROWS", 1)
    header = window.queue.table.horizontalHeader()
    window.queue.refresh()
    settle(qtbot, ctx)
    header.resizeSection(COL_URGENCY, 10)  # as if the first row's badge were tiny
    window.queue.table.viewport().repaint()  # every row on screen paints its badge
    qtbot.wait(20)  # the widening is applied after the paint
    font = window.queue.table.font()
    widest = max(badge_width(t, font) for t in badges(window).values())
    assert header.sectionSize(COL_URGENCY) >= widest + 8 + 20
