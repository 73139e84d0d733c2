"""Store mode at the counter: a scanned card, three steps, a voucher code and a PDF receipt.

Driven with qtbot over a real cache: the barcode scanner is keyClicks of the card number then Enter;
the receipt is a real PDF read back with pypdf.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit
from test_compensation_world import CARD, ELODIE, ORDER_NUMBER, SELLER, World, customer, desk, wait_idle

from advisor_desk.domain.model import DecisionStatus, GestureCode, ReasonCode
from advisor_desk.ui.compensation import words
from advisor_desk.ui.store import create_window
from advisor_desk.ui.store.receipt import Receipt, save_pdf
from advisor_desk.ui.store.window import StoreWindow

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("does not support propagateSizeHints")]


@pytest.fixture
def counter(tmp_path: Path, qapp: Any) -> Iterator[tuple[World, Any]]:
    with desk(tmp_path, SELLER, "fr") as opened:
        yield opened


def open_window(qtbot: Any, ctx: Any) -> StoreWindow:
    window = create_window(ctx)
    assert isinstance(window, StoreWindow)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    wait_idle(qtbot, ctx)
    return window


def scan(qtbot: Any, window: StoreWindow, ctx: Any, text: str) -> None:
    """What a barcode scanner does: type fast into the focused field, then Enter."""
    field = window.find_page.field
    field.clear()
    field.setFocus()
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    wait_idle(qtbot, ctx)


def pdf_text(path: Path) -> str:
    # pypdf puts tabs between words and keeps the font's ligatures ("ﬁ"): compare on plain text
    text = unicodedata.normalize("NFKC", PdfReader(str(path)).pages[0].extract_text())
    return " ".join(text.split())


def test_scanned_card_to_voucher_and_pdf_receipt_in_three_steps(
    qtbot: Any, counter: tuple[World, Any], tmp_path: Path
) -> None:
    world, ctx = counter
    window = open_window(qtbot, ctx)
    assert window.step == StoreWindow.FIND and window.find_page.field.hasFocus()

    scan(qtbot, window, ctx, CARD)  # step 1: find
    assert window.step == StoreWindow.SEE  # one card, one customer: straight to them
    assert "Élodie Martin" in window.see_page.name.text()
    assert window.interactions.rowCount() == 3 and window.cases.rowCount() == 1
    assert words.money(15_000, "EUR") in window.see_page.left_today.text()
    assert words.money(8_000, "EUR") in window.see_page.left_customer.text()

    qtbot.keyClick(window.see_page.say_yes, Qt.Key.Key_Return)  # step 2: see → say yes
    assert window.step == StoreWindow.SAY_YES
    y = window.yes_page
    assert set(y.gesture_buttons) == {
        GestureCode.REFUND,
        GestureCode.VOUCHER,
        GestureCode.REPLACEMENT,
        GestureCode.EXCHANGE,
        GestureCode.LOYALTY_POINTS,
        GestureCode.GIFT,
    }  # the store staff envelope: no shipping gestures at a counter
    qtbot.mouseClick(y.gesture_buttons[GestureCode.VOUCHER], Qt.MouseButton.LeftButton)
    preset = next(b for b in y.preset_buttons if b.property("cents") == 1500)
    qtbot.mouseClick(preset, Qt.MouseButton.LeftButton)
    assert y.reason_code.currentData() == ReasonCode.LATE_DELIVERY.value  # from the open case
    qtbot.keyClicks(y.reason_text, "Colis en retard")
    assert y.confirm.isEnabled()
    with qtbot.waitSignal(window.gestureGranted, timeout=5000) as granted:
        qtbot.mouseClick(y.confirm, Qt.MouseButton.LeftButton)  # step 3: confirm
    wait_idle(qtbot, ctx)
    decision = granted.args[0]

    assert window.step == StoreWindow.DONE
    assert window.done_page.code.text() == decision.voucher_code
    assert window.done_page.pending.isVisible()  # offline counter: pending until the centre confirms
    stored = world.cache.decision(decision.id)
    assert (stored.amount_cents, stored.gesture, stored.user_id) == (1500, GestureCode.VOUCHER, SELLER.id)
    assert stored.status is DecisionStatus.PENDING and stored.offline

    receipt = window.save_receipt_pdf(tmp_path / "receipt.pdf")
    assert receipt is not None and receipt.read_bytes().startswith(b"%PDF-")
    text = pdf_text(receipt)
    assert decision.voucher_code in text
    assert "Élodie Martin" in text and "Bon d'achat / avoir" in text
    assert "15,00" in text and "Pending confirmation by the centre" in text
    assert "Receipt saved" in window.done_page.receipt_status.text()


def test_escape_goes_back_one_step_and_loses_nothing(qtbot: Any, counter: tuple[World, Any]) -> None:
    world, ctx = counter
    window = open_window(qtbot, ctx)
    scan(qtbot, window, ctx, CARD)
    window.go(StoreWindow.SAY_YES)
    y = window.yes_page
    assert window.pick_gesture(GestureCode.GIFT)
    qtbot.keyClicks(y.amount, "12,5")
    y.reason_code.setCurrentIndex(y.reason_code.findData(ReasonCode.SERVICE_FAILURE.value))
    qtbot.keyClicks(y.reason_text, "Attente en caisse")

    qtbot.keyClick(y.amount, Qt.Key.Key_Escape)
    assert window.step == StoreWindow.SEE
    qtbot.keyClick(window.see_page.say_yes, Qt.Key.Key_Escape)
    assert window.step == StoreWindow.FIND
    assert window.find_page.field.text() == CARD
    qtbot.keyClick(window.find_page.field, Qt.Key.Key_Escape)  # the first step stays the first
    assert window.step == StoreWindow.FIND

    qtbot.keyClick(window.find_page.field, Qt.Key.Key_Return)  # the same customer again
    wait_idle(qtbot, ctx)
    assert window.step == StoreWindow.SEE
    qtbot.keyClick(window.see_page.say_yes, Qt.Key.Key_Return)
    assert window.step == StoreWindow.SAY_YES
    assert window.current_gesture() is GestureCode.GIFT
    assert y.amount.text() == "12,5"
    assert y.reason_code.currentData() == ReasonCode.SERVICE_FAILURE.value
    assert y.reason_text.text() == "Attente en caisse"
    qtbot.keyClick(y.reason_text, Qt.Key.Key_Return)
    wait_idle(qtbot, ctx)
    assert window.step == StoreWindow.DONE
    [gift] = world.cache.decisions(customer_id=ELODIE.id)
    assert (gift.gesture, gift.amount_cents) == (GestureCode.GIFT, 1250)
    qtbot.keyClick(
        window.done_page.next_button, Qt.Key.Key_Escape
    )  # back to the customer, not a second grant
    assert window.step == StoreWindow.SEE
    # a new customer starts from a clean form
    window.new_customer()
    assert window.step == StoreWindow.FIND and window.find_page.field.text() == ""
    assert y.amount.text() == "" and y.reason_text.text() == ""


@pytest.mark.parametrize(
    "typed", ["+33 6 12 34 56 17", "06 12 34 56 17", "client17@example.fr", ORDER_NUMBER]
)
def test_phone_email_and_order_number_find_the_customer(
    qtbot: Any, counter: tuple[World, Any], typed: str
) -> None:
    _, ctx = counter
    window = open_window(qtbot, ctx)
    scan(qtbot, window, ctx, typed)
    assert window.step == StoreWindow.SEE, window.find_page.status.text()
    assert window.customer_id == ELODIE.id


def test_several_matches_are_listed_and_nothing_found_says_what_to_do(
    qtbot: Any, qtmodeltester: Any, counter: tuple[World, Any]
) -> None:
    world, ctx = counter
    window = open_window(qtbot, ctx)
    scan(qtbot, window, ctx, "example.fr")
    assert window.step == StoreWindow.FIND
    assert window.find_page.view.isVisible() and window.find_page.results.rowCount() == 2
    qtmodeltester.check(window.find_page.results, force_py=True)
    row = next(
        r
        for r in range(2)
        if window.find_page.results.result(r).customer.id == ELODIE.id  # type: ignore[union-attr]
    )
    window.find_page.view.setCurrentIndex(window.find_page.results.index(row, 0))
    qtbot.keyClick(window.find_page.view, Qt.Key.Key_Return)
    wait_idle(qtbot, ctx)
    assert window.step == StoreWindow.SEE and window.customer_id == ELODIE.id

    window.go(StoreWindow.FIND)
    scan(qtbot, window, ctx, "2999999999999")
    assert window.step == StoreWindow.FIND
    assert "No customer found" in window.find_page.status.text()
    assert window.find_page.field.text() == "2999999999999"  # kept, to be corrected


def test_beyond_the_sellers_envelope_the_confirm_button_says_why(
    qtbot: Any, counter: tuple[World, Any]
) -> None:
    world, ctx = counter
    window = open_window(qtbot, ctx)
    scan(qtbot, window, ctx, CARD)
    window.go(StoreWindow.SAY_YES)
    y = window.yes_page
    assert window.pick_gesture(GestureCode.VOUCHER)
    qtbot.keyClicks(y.reason_text, "Colis en retard")
    qtbot.keyClicks(y.amount, "20,01")
    assert not y.confirm.isEnabled()
    assert y.confirm.text() == f"Beyond my authority by {words.money(1, 'EUR')}"
    assert "limit per decision" in y.verdict.text()
    preset = next(b for b in y.preset_buttons if b.property("cents") == 3000)
    assert not preset.isEnabled()  # a preset beyond the envelope cannot be picked
    y.amount.clear()
    qtbot.keyClicks(y.amount, "abc")
    assert y.problem.isVisible() and "not an amount" in y.problem.text()
    y.amount.clear()
    qtbot.keyClicks(y.amount, "20")
    assert y.confirm.isEnabled() and not y.problem.isVisible()
    qtbot.keyClick(y.amount, Qt.Key.Key_Return)
    wait_idle(qtbot, ctx)
    assert [d.amount_cents for d in world.cache.decisions(customer_id=ELODIE.id)] == [2000]


def test_touch_targets_are_at_least_48_pixels_high(qtbot: Any, counter: tuple[World, Any]) -> None:
    _, ctx = counter
    window = open_window(qtbot, ctx)
    scan(qtbot, window, ctx, CARD)
    window.go(StoreWindow.SAY_YES)
    window.pick_gesture(GestureCode.REFUND)
    qtbot.wait(50)
    for step in (StoreWindow.FIND, StoreWindow.SEE, StoreWindow.SAY_YES):
        window.go(step)
        qtbot.wait(20)
        controls = [
            w
            for kind in (QAbstractButton, QLineEdit, QComboBox)
            for w in window.stack.currentWidget().findChildren(kind)
            if w.isVisible()
        ]
        assert controls
        small = [
            (type(w).__name__, w.text() if hasattr(w, "text") else "", w.height())
            for w in controls
            if w.height() < 48
        ]
        assert small == [], small


def test_the_receipt_prints_customer_text_as_typed(qtbot: Any, tmp_path: Path, qapp: Any) -> None:
    receipt = Receipt(
        store="Lyon Part-Dieu",
        date_text="23/11/2026 11:00",
        customer_name="<b>Kévin</b> & <i>Co</i>",
        gesture="Petit cadeau",
        amount=words.money(500, "EUR"),
        voucher_code="AD-TEST-CODE",
        pending=False,
    )
    text = pdf_text(save_pdf(receipt, tmp_path / "r.pdf"))
    assert "<b>Kévin</b> & <i>Co</i>" in text and "AD-TEST-CODE" in text
    assert "Pending confirmation" not in text


def test_a_hostile_customer_name_shows_as_plain_text(qtbot: Any, counter: tuple[World, Any]) -> None:
    world, ctx = counter
    world.feed(customer(66, "<b>Kévin</b>", "<img src=x>", loyalty_card="2900000000066"))
    window = open_window(qtbot, ctx)
    scan(qtbot, window, ctx, "2900000000066")
    assert window.step == StoreWindow.SEE
    assert window.see_page.name.textFormat() == Qt.TextFormat.PlainText
    assert "<b>Kévin</b> <img src=x>" in window.see_page.name.text()


def test_counter_models_pass_the_model_tester(
    qtbot: Any, qtmodeltester: Any, counter: tuple[World, Any]
) -> None:
    _, ctx = counter
    window = open_window(qtbot, ctx)
    scan(qtbot, window, ctx, CARD)
    for model in (window.interactions, window.cases, window.yes_page.lines):
        qtmodeltester.check(model, force_py=True)


def test_a_card_scanned_on_the_customer_screen_starts_a_new_search(
    qtbot: Any, counter: tuple[World, Any]
) -> None:
    from test_compensation_world import PAUL

    _, ctx = counter
    window = open_window(qtbot, ctx)
    scan(qtbot, window, ctx, CARD)
    assert window.step == StoreWindow.SEE and window.customer_id == ELODIE.id
    window.activateWindow()
    # the scanner types into whatever has the focus (the "Say yes" button), key after key
    for key in (*PAUL.loyalty_card, "\r"):  # type: ignore[misc]
        target = window.focusWidget() or window
        if key == "\r":
            qtbot.keyClick(target, Qt.Key.Key_Return)
        else:
            qtbot.keyClick(target, key)
    wait_idle(qtbot, ctx)
    assert window.step == StoreWindow.SEE and window.customer_id == PAUL.id
