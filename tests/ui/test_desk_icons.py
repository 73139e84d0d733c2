"""Reply checks and review flags have their own icons from the one registry, used by their screens."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import settle
from desk_world import NOW, TEAM

from advisor_desk.domain.model import Decision, DecisionStatus, GestureCode, ReasonCode
from advisor_desk.domain.reply_checks import Severity
from advisor_desk.domain.review import Flag, FlagCode
from advisor_desk.ui.icons import ICONS, IconRegistry

pytestmark = [pytest.mark.gui]

CHECKS = ("check.pass", "check.block", "check.confirm", "check.info")
FLAGS = ("flag.repeat_customer", "flag.near_limit", "flag.high_spender", "flag.rejected", "flag.offline")


def test_check_and_flag_meanings_resolve_and_are_distinct(qapp: Any) -> None:
    registry = IconRegistry("#000000")
    for meaning in CHECKS + FLAGS:
        assert not registry.icon(meaning).isNull(), meaning
    assert len({ICONS[m] for m in CHECKS}) == len(CHECKS)


def test_the_reply_checks_list_uses_the_check_icons(qtbot: Any, window: Any, ctx: Any) -> None:
    from advisor_desk.ui.composer.models import (
        BLOCK_COLOR,
        INFO_COLOR,
        OVERRIDE_COLOR,
        PASS_COLOR,
        tone,
    )

    window.open_customer("cust-01", "case-limit")
    settle(qtbot, ctx)
    model = window.reply_panel.checks_model
    qtbot.waitUntil(lambda: model.rowCount() > 0, timeout=5000)
    seen = set()
    for row, result in enumerate(model.results()):
        if result.passed:
            meaning, color = "check.pass", PASS_COLOR
        elif result.severity is Severity.BLOCK:
            meaning, color = "check.block", BLOCK_COLOR
        elif result.severity is Severity.OVERRIDE:
            meaning, color = "check.confirm", OVERRIDE_COLOR
        else:
            meaning, color = "check.info", INFO_COLOR
        seen.add(meaning)
        icon = model.index(row, 0).data(1)  # DecorationRole
        assert icon.cacheKey() == ctx.icons.icon(meaning, tone(color)).cacheKey(), (result, meaning)
    assert seen & {"check.block", "check.confirm"}  # an empty draft has something to fix


@pytest.mark.parametrize(
    ("code", "meaning"),
    [
        (FlagCode.REPEAT_CUSTOMER, "flag.repeat_customer"),
        (FlagCode.NEAR_LIMIT, "flag.near_limit"),
        (FlagCode.HIGH_SPENDER, "flag.high_spender"),
        (FlagCode.REJECTED_BY_SERVER, "flag.rejected"),
        (FlagCode.OFFLINE, "flag.offline"),
    ],
)
def test_the_review_table_shows_each_flag_with_its_icon(
    qtbot: Any, ctx: Any, code: FlagCode, meaning: str
) -> None:
    from PySide6.QtWidgets import QTableView

    from advisor_desk.ui.review.model import COL_FLAGS, DecisionTableModel

    decision = Decision(
        "dec-x", "u-alice", TEAM, "cust-01", GestureCode.VOUCHER, 1_000, "EUR",
        ReasonCode.LATE_DELIVERY, "retard", NOW, DecisionStatus.GRANTED,
    )  # fmt: skip
    model = DecisionTableModel(ctx.icons)
    model.set_decisions([decision], {"dec-x": [Flag(code)]}, {"u-alice": "Alice"}, {"cust-01": "Élodie"})
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.show()
    icon = model.index(0, COL_FLAGS).data(1)
    assert icon.cacheKey() == ctx.icons.icon(meaning).cacheKey()
