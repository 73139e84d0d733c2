"""The timeline lists goodwill gestures, escalation requests and satisfaction ratings in their case,
with their status in words; a gesture granted in the Say yes panel appears at once."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import settle
from desk_world import ADVISOR, NOW, TEAM

from advisor_desk.domain.model import Escalation, GestureCode, ReasonCode
from advisor_desk.ui import i18n
from advisor_desk.ui.timeline.model import COUNT_ROLE, ENTRY_ROLE, KIND_ROLE

pytestmark = [pytest.mark.gui]


def rows_of(window: Any, case_id: str | None) -> list[tuple[str, str, str]]:
    """(kind, id, display text) of every row under a case header (None: "not linked")."""
    model = window.timeline.model
    out = []
    for g in range(model.rowCount()):
        header = model.index(g, 0)
        case = model.groups()[g].case
        if (case.id if case else None) != case_id:
            continue
        for r in range(model.rowCount(header)):
            index = model.index(r, 0, header)
            out.append(
                (
                    index.data(KIND_ROLE),
                    index.data(ENTRY_ROLE).id if index.data(ENTRY_ROLE) else "",
                    index.data(),
                )
            )
    return out


def test_gestures_escalations_and_ratings_sit_in_their_case(
    qtbot: Any, window: Any, world: Any, ctx: Any
) -> None:
    world.feed(
        Escalation("esc-1", ADVISOR.id, TEAM, "cust-01", GestureCode.REFUND, 9_000, "EUR",
                   ReasonCode.LATE_DELIVERY, "colis perdu", NOW, case_id="case-limit"),
        Escalation("esc-other", ADVISOR.id, TEAM, "cust-03", GestureCode.REFUND, 100, "EUR",
                   ReasonCode.LATE_DELIVERY, "autre client", NOW),
    )  # fmt: skip
    window.open_customer("cust-01", "case-limit")
    settle(qtbot, ctx)
    closed = rows_of(window, "case-closed")
    kinds = [k for k, _i, _t in closed]
    assert kinds.count("decision") == 1 and kinds.count("rating") == 1 and kinds.count("interaction") == 1
    decision = next(t for k, _i, t in closed if k == "decision")
    assert "Goodwill gesture" in decision and i18n.format_money(1_500, "EUR") in decision
    assert "granted" in decision
    rating = next(t for k, _i, t in closed if k == "rating")
    assert "2/5" in rating and "survey" in rating
    # newest first: the gesture (30 days ago), the rating (39 days), the call (40 days)
    assert [i for _k, i, _t in closed if i][:2] == ["decision:dec-1", "rating:sat-1"]
    limit = rows_of(window, "case-limit")
    escalation = next(t for k, _i, t in limit if k == "escalation")
    assert "Escalation to the team lead" in escalation and "waiting for the team lead" in escalation
    assert i18n.format_money(9_000, "EUR") in escalation
    assert not any(i == "escalation:esc-other" for _k, i, _t in limit + closed)
    # the header still counts interactions only
    model = window.timeline.model
    assert model.index(model.group_row_of_case("case-closed"), 0).data(COUNT_ROLE) == 1
    # painting every kind of row works (offscreen grab)
    window.timeline.view.expandAll()
    assert not window.timeline.view.grab().isNull()


def test_a_granted_gesture_appears_at_once_without_a_new_activity_banner(
    qtbot: Any, window: Any, world: Any, ctx: Any
) -> None:
    window.open_customer("cust-01", "case-limit")
    settle(qtbot, ctx)
    assert not any(k == "decision" for k, _i, _t in rows_of(window, "case-limit"))
    panel = window.yes_panel
    qtbot.waitUntil(lambda: panel.grant_context is not None, timeout=5000)
    assert panel.select_gesture(GestureCode.VOUCHER)
    panel.amount.clear()
    qtbot.keyClicks(panel.amount, "12.50")
    qtbot.keyClicks(panel.reason_text, "Colis en retard")
    with qtbot.waitSignal(panel.gestureGranted, timeout=5000) as granted:
        panel.grant()
    decision = granted.args[0]
    qtbot.waitUntil(
        lambda: any(i == f"decision:{decision.id}" for _k, i, _t in rows_of(window, "case-limit"))
    )
    settle(qtbot, ctx)
    text = next(t for _k, i, t in rows_of(window, "case-limit") if i == f"decision:{decision.id}")
    assert i18n.format_money(1_250, "EUR") in text and "pending confirmation" in text
    assert decision.voucher_code and decision.voucher_code in text
    assert rows_of(window, "case-limit")[0][1] == f"decision:{decision.id}"  # the newest
    assert not window.timeline.banner.isVisible()
