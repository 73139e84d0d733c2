"""The Say yes panel bounds a shipping refund by the shipping paid, through the one domain check.

Élodie's order ``ord-1`` cost 4,99 € of shipping and her case is about it; the advisor's envelope allows
30,00 € per shipping refund, so only the order bounds the amounts tried here. The panel gives the order's
figures to :func:`~advisor_desk.domain.authority.check_grant` (the shipping paid on the order
:func:`~advisor_desk.domain.authority.shipping_order` picks, and the earlier shipping refunds on it that
still count) and shows its ``SHIPPING_PAID`` refusal; the cache, checking the grant again under its
write lock, gives the same verdict.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTranslator
from test_compensation_french import HERE, tool
from test_compensation_panel import eur, open_panel
from test_compensation_world import ADVISOR, CASE, ELODIE, NOW, ORDER, PAUL, World, decision, desk, wait_idle

from advisor_desk.domain.authority import LimitKind, Refusal
from advisor_desk.domain.model import DecisionStatus, GestureCode, Order
from advisor_desk.ui import i18n
from advisor_desk.ui.compensation import words
from advisor_desk.ui.compensation.panel import CompensationPanel
from advisor_desk.ui.context import DeskContext

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("does not support propagateSizeHints")]

SHIPPING = GestureCode.SHIPPING_REFUND
PAID = ORDER.shipping_cents  # 4,99 €


@pytest.fixture
def english(tmp_path: Path, qapp: Any) -> Iterator[tuple[World, DeskContext]]:
    with desk(tmp_path, ADVISOR, "en") as opened:
        yield opened


def type_amount(qtbot: Any, panel: CompensationPanel, cents: int, reason: str = "Parcel late") -> None:
    assert panel.select_gesture(SHIPPING)
    panel.amount.clear()
    qtbot.keyClicks(panel.amount, i18n.locale_for("en").toString(cents / 100, "f", 2))
    panel.reason_text.clear()
    qtbot.keyClicks(panel.reason_text, reason)


def say_yes(qtbot: Any, ctx: DeskContext, panel: CompensationPanel, cents: int) -> None:
    type_amount(qtbot, panel, cents)
    assert panel.say_yes.isEnabled(), panel.verdict_label.text()
    qtbot.mouseClick(panel.say_yes, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, ctx)


def shipping_refunds(world: World) -> list[int]:
    return [d.amount_cents for d in world.cache.decisions(customer_id=ELODIE.id, gesture=SHIPPING)]


@pytest.mark.parametrize("delta", [0, -1, 1], ids=["at", "cent_under", "cent_over"])
def test_at_under_and_over_the_shipping_paid(
    qtbot: Any, english: tuple[World, DeskContext], delta: int
) -> None:
    world, ctx = english
    panel = open_panel(qtbot, ctx)
    assert panel.select_gesture(SHIPPING)
    assert panel.left_gesture.text() == eur(PAID)  # the most this refund may be
    assert panel.bounds_label.text() == f"From {eur(1)} to {eur(PAID)}"
    type_amount(qtbot, panel, PAID + delta)
    if delta <= 0:
        assert panel.say_yes.isEnabled(), panel.verdict_label.text()
        qtbot.mouseClick(panel.say_yes, Qt.MouseButton.LeftButton)
        wait_idle(qtbot, ctx)
        assert shipping_refunds(world) == [PAID + delta]
        return
    assert not panel.say_yes.isEnabled()
    assert panel.say_yes.text() == f"Beyond my authority by {eur(1)}"
    assert panel.verdict is not None
    [refusal] = panel.verdict.refusals
    assert (refusal.limit, refusal.limit_cents, refusal.available_cents, refusal.over_by_cents) == (
        LimitKind.SHIPPING_PAID,
        PAID,
        PAID,
        1,
    )
    assert panel.verdict_label.text() == (
        f"More than the shipping the customer paid: {eur(PAID)} paid, this is {eur(1)} over."
    )
    assert panel.escalate.isHidden()  # a team lead cannot lift what the customer paid
    qtbot.keyClick(panel.reason_text, Qt.Key.Key_Return)  # Enter does nothing, visibly
    wait_idle(qtbot, ctx)
    assert shipping_refunds(world) == []


def test_a_second_refund_on_the_same_order_gets_what_is_left(
    qtbot: Any, english: tuple[World, DeskContext]
) -> None:
    world, ctx = english
    panel = open_panel(qtbot, ctx)
    say_yes(qtbot, ctx, panel, 300)
    assert panel.select_gesture(SHIPPING)
    assert panel.left_gesture.text() == eur(PAID - 300)
    type_amount(qtbot, panel, PAID - 300 + 1)
    assert not panel.say_yes.isEnabled()
    assert panel.verdict_label.text() == (
        f"More than what is left of the shipping paid: {eur(PAID - 300)} left of {eur(PAID)} paid, "
        f"this is {eur(1)} over."
    )
    assert panel.escalate.isHidden()
    say_yes(qtbot, ctx, panel, PAID - 300)
    assert sorted(shipping_refunds(world)) == [PAID - 300, 300]
    # All of it refunded: nothing left, whatever is typed.
    assert panel.select_gesture(SHIPPING)
    assert panel.left_gesture.text() == eur(0)
    type_amount(qtbot, panel, 1)
    assert not panel.say_yes.isEnabled()
    assert panel.verdict_label.text() == (
        f"More than what is left of the shipping paid: {eur(0)} left of {eur(PAID)} paid, this is {eur(1)} over."
    )


def test_what_counts_is_what_the_centre_counts(qtbot: Any, english: tuple[World, DeskContext]) -> None:
    world, ctx = english
    at = NOW - timedelta(days=2)
    world.feed(
        # a colleague's, confirmed, on the case: counts
        decision(10, 100, at, customer_id=ELODIE.id, user_id="u-bob", gesture=SHIPPING, case_id=CASE.id),
        # this desk's, still pending, without a case (the latest order, the same one): counts
        decision(11, 50, at, customer_id=ELODIE.id, gesture=SHIPPING, status=DecisionStatus.PENDING),
        # refused by the centre, revoked: given back
        decision(12, 200, at, customer_id=ELODIE.id, gesture=SHIPPING, status=DecisionStatus.REJECTED),
        decision(13, 200, at, customer_id=ELODIE.id, gesture=SHIPPING, status=DecisionStatus.REVOKED),
        # a voucher is not a shipping refund
        decision(14, 1_000, at, customer_id=ELODIE.id, case_id=CASE.id),
    )
    panel = open_panel(qtbot, ctx)
    assert panel.select_gesture(SHIPPING)
    assert panel.left_gesture.text() == eur(PAID - 150)


def test_a_case_about_an_older_order_is_bounded_by_that_order(
    qtbot: Any, english: tuple[World, DeskContext]
) -> None:
    world, ctx = english
    older = replace(ORDER, id="ord-0", number="CMD-2026-000000", placed_at=NOW - timedelta(days=60))
    older = replace(older, shipping_cents=599, total_cents=older.total_cents + 100, lines=())
    newer = Order("ord-2", "CMD-2026-000002", ELODIE.id, NOW - timedelta(days=1), "EUR", 1_299, 299)
    old_case = replace(CASE, id="case-old", order_id=older.id, subject="Ancienne commande")
    world.feed(older, newer, old_case)
    panel = open_panel(qtbot, ctx, case_id=old_case.id)
    assert panel.select_gesture(SHIPPING)
    assert panel.left_gesture.text() == eur(599)
    say_yes(qtbot, ctx, panel, 599)
    # The refund went on the older order: the case's order still has all of its shipping.
    panel.set_selection(ELODIE.id, CASE.id)
    wait_idle(qtbot, ctx)
    assert panel.select_gesture(SHIPPING)
    assert panel.left_gesture.text() == eur(PAID)
    # Without a case, the customer's latest order.
    panel.set_selection(ELODIE.id, None)
    wait_idle(qtbot, ctx)
    assert panel.select_gesture(SHIPPING)
    assert panel.left_gesture.text() == eur(299)


@pytest.mark.parametrize("where", ["free_shipping", "no_order", "unknown_order"])
def test_no_shipping_paid_leaves_nothing_to_refund(
    qtbot: Any, english: tuple[World, DeskContext], where: str
) -> None:
    world, ctx = english
    customer, case_id = ELODIE.id, CASE.id
    if where == "free_shipping":
        world.feed(replace(ORDER, shipping_cents=0, total_cents=ORDER.total_cents - PAID))
    elif where == "no_order":
        customer, case_id = PAUL.id, None
    else:
        world.feed(replace(CASE, order_id="ord-nowhere"))
    panel = (
        open_panel(qtbot, ctx, case_id=case_id) if customer == ELODIE.id else _open_for(qtbot, ctx, customer)
    )
    type_amount(qtbot, panel, 100)
    assert not panel.say_yes.isEnabled()
    assert panel.verdict is not None and [r.limit for r in panel.verdict.refusals] == [
        LimitKind.SHIPPING_PAID
    ]
    assert panel.verdict_label.text() == (
        "There is no shipping paid to refund: the order had free shipping, or it is not known here."
    )
    assert panel.left_gesture.text() == eur(0)
    assert world.cache.decisions(customer_id=customer, gesture=SHIPPING) == []


def _open_for(qtbot: Any, ctx: DeskContext, customer_id: str) -> CompensationPanel:
    from advisor_desk.ui.compensation import create_panel

    panel = create_panel(ctx)
    assert isinstance(panel, CompensationPanel)
    qtbot.addWidget(panel)
    panel.resize(420, 900)
    panel.show()
    panel.set_selection(customer_id, None)
    wait_idle(qtbot, ctx)
    assert panel.grant_context is not None
    return panel


@pytest.mark.parametrize("case_id", [CASE.id, None], ids=["with_case", "without_case"])
def test_the_panel_and_the_cache_give_the_same_verdict(
    qtbot: Any, english: tuple[World, DeskContext], case_id: str | None
) -> None:
    world, ctx = english
    world.feed(
        decision(20, 120, NOW - timedelta(days=1), customer_id=ELODIE.id, gesture=SHIPPING, case_id=CASE.id),
    )
    panel = open_panel(qtbot, ctx, case_id=case_id)
    context = panel.grant_context
    assert context is not None
    for amount in (1, 200, PAID - 120, PAID - 119, PAID, 3_000, 3_001):
        mine = context.verdict(SHIPPING, amount)
        cache = world.cache.grant_preview(ADVISOR, ELODIE.id, SHIPPING, amount, case_id=case_id)
        assert mine.refusals == cache.refusals, amount
        assert mine.max_grantable_cents == cache.max_grantable_cents == PAID - 120


def test_the_refusals_read_in_french(qapp: Any, tmp_path: Path) -> None:
    qm = tmp_path / "compensation_fr.qm"
    subprocess.run(
        [tool("pyside6-lrelease"), "-silent", str(HERE / "compensation_fr.ts"), "-qm", str(qm)], check=True
    )
    ours = QTranslator()
    assert ours.load(str(qm))
    qapp.installTranslator(ours)
    fr = i18n.locale_for("fr")
    try:
        left = words.refusal(Refusal(LimitKind.SHIPPING_PAID, 499, 199, 1), SHIPPING, "EUR", fr)
        assert left == (
            f"Plus que ce qui reste des frais de port payés : reste {words.money(199, 'EUR', fr)} "
            f"sur {words.money(499, 'EUR', fr)} payés, soit {words.money(1, 'EUR', fr)} de trop."
        )
        nothing = words.refusal(Refusal(LimitKind.SHIPPING_PAID, 0, 0, 100), SHIPPING, "EUR", fr)
        assert nothing.startswith("Il n'y a pas de frais de port payés à rembourser")
        whole = words.refusal(Refusal(LimitKind.SHIPPING_PAID, 499, 499, 1), SHIPPING, "EUR", fr)
        assert whole.startswith("Plus que les frais de port payés par le client")
    finally:
        qapp.removeTranslator(ours)


def test_a_line_refund_counts_refunds_outside_the_desk_and_the_desks_own() -> None:
    """The panel offers what the cache and the centre will accept: on ``line-stove`` (25,00 € paid),
    5,00 € refunded outside the desk (the order's figure) and 3,00 € granted here leave 17,00 €."""
    from advisor_desk.ui.compensation.draft import _refundable_lines

    granted = decision(
        90,
        300,
        NOW - timedelta(days=1),
        customer_id=ELODIE.id,
        gesture=GestureCode.REFUND,
        order_line_id="line-stove",
        status=DecisionStatus.GRANTED,
    )
    [line] = [x for x in _refundable_lines([ORDER], [granted], {}) if x.line_id == "line-stove"]
    assert line.refunded_cents == 500 + 300
    assert line.paid_cents - line.refunded_cents == 1_700
