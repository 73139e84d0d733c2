"""Resolving a complaint asks its root cause and product (prefilled from the case and its order);
the satisfaction entry offers the 1-to-5 scale in neutral words and never asks for a score."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import settle
from desk_world import LEAD, Clock
from test_reports_world import build_loop_world

from advisor_desk.domain.model import CaseStatus, RootCause

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("does not support propagateSizeHints")]


@pytest.fixture
def loop(tmp_path: Path, clock: Clock) -> Iterator[Any]:
    w = build_loop_world(tmp_path / "loop.sqlite3", clock)
    yield w
    w.cache.close()


def test_the_product_is_prefilled_from_the_case_and_its_order(qtbot: Any, make_ctx: Any, loop: Any) -> None:
    from advisor_desk.ui.resolution.dialog import ResolutionDialog

    ctx = make_ctx(loop.cache, LEAD)
    case = loop.cache.case("k-1")  # about the tent, order o-1 with the tent and the lamp
    dialog = ResolutionDialog(ctx, case)
    qtbot.addWidget(dialog)
    settle(qtbot, ctx)
    items = [dialog.product.itemText(i) for i in range(dialog.product.count())]
    assert items == ["No particular product", "Tente <b>2 places</b> (T-2)", "Lampe frontale (L-1)"]
    assert dialog.product.currentData() == "p-tent"
    # the cause already recorded on the case is offered again
    assert dialog.choice().root_cause is RootCause.CARRIER


def test_a_complaint_needs_a_root_cause_and_the_choice_travels_with_the_case(
    qtbot: Any, make_ctx: Any, loop: Any
) -> None:
    from advisor_desk.ui.resolution.dialog import ResolutionDialog, resolve

    ctx = make_ctx(loop.cache, LEAD)
    case = loop.cache.case("k-3")
    dialog = ResolutionDialog(ctx, case)
    qtbot.addWidget(dialog)
    settle(qtbot, ctx)
    dialog.accept()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert "root cause" in dialog.problem.text()
    dialog.cause.setCurrentIndex(dialog.cause.findData(RootCause.PRODUCT_DESIGN.value))
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    done: list[Any] = []
    resolve(ctx, case, dialog.choice(), done.append, pytest.fail)
    settle(qtbot, ctx)
    stored = loop.cache.case("k-3")
    assert stored.status is CaseStatus.RESOLVED and stored.root_cause is RootCause.PRODUCT_DESIGN
    assert stored.product_id == "p-lamp"
    (entry,) = [e for e in loop.cache.pending_mutations() if e.payload.get("case_id") == "k-3"]
    assert entry.payload["root_cause"] == "product_design" and entry.payload["product_id"] == "p-lamp"
    # the same dialog on a case that changed meanwhile: a clear error, nothing written
    errors: list[BaseException] = []
    resolve(ctx, case, dialog.choice(), done.append, errors.append)
    settle(qtbot, ctx)
    assert type(errors[0]).__name__ == "StaleCase"


def test_root_causes_are_translated_words_not_codes(qtbot: Any, make_ctx: Any, loop: Any) -> None:
    from advisor_desk.ui.resolution.dialog import ResolutionDialog

    dialog = ResolutionDialog(make_ctx(loop.cache, LEAD), loop.cache.case("k-3"))
    qtbot.addWidget(dialog)
    texts = [dialog.cause.itemText(i) for i in range(dialog.cause.count())]
    assert len(texts) == len(RootCause) + 1
    assert not any("_" in t for t in texts)


def test_satisfaction_scale_is_neutral_and_recorded(qtbot: Any, make_ctx: Any, loop: Any) -> None:
    from advisor_desk.ui.resolution.satisfaction import SatisfactionDialog, record_satisfaction

    ctx = make_ctx(loop.cache, LEAD)
    case = loop.cache.case("k-3")
    dialog = SatisfactionDialog(case)
    qtbot.addWidget(dialog)
    labels = [b.text() for b in dialog.buttons_by_score.values()]
    assert [label[0] for label in labels] == ["1", "2", "3", "4", "5"]
    everything = " ".join([*labels, *(w.text() for w in dialog.findChildren(type(dialog.problem)))]).lower()
    for begging in ("give us", "please rate", "10", "5 stars", "recommend", "best score"):
        assert begging not in everything
    assert dialog.score() is None  # nothing is preselected
    dialog.accept()
    assert dialog.result() != dialog.DialogCode.Accepted
    dialog.buttons_by_score[3].setChecked(True)
    dialog.accept()
    assert dialog.score() == 3
    done: list[Any] = []
    record_satisfaction(ctx, case, dialog.score() or 0, done.append, pytest.fail)
    settle(qtbot, ctx)
    assert [r.score for r in loop.cache.satisfaction("c-1") if r.case_id == "k-3"] == [3]
    assert done[0].source == "advisor"
