"""The Say yes panel, driven like an advisor would, over a real cache filled through the feed.

Each bound the panel shows (per decision, for the customer over 30 days, for today, what is left on an
order line) is tried exactly at the limit, one cent under and one cent over; amounts are typed in the
French and English formats; beyond the envelope an approval request is offered; a refusal by the
centre and a team lead's answer come back and are shown.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale, Qt
from test_compensation_world import (
    ADVISOR,
    CASE,
    ELODIE,
    NOW,
    PAUL,
    World,
    decision,
    desk,
    wait_idle,
)

from advisor_desk.domain.model import (
    DecisionStatus,
    Escalation,
    EscalationStatus,
    GestureCode,
    ReasonCode,
)
from advisor_desk.domain.money import AmountProblem
from advisor_desk.domain.wire import to_wire
from advisor_desk.ui import i18n
from advisor_desk.ui.changes import Changes
from advisor_desk.ui.compensation import create_panel, words
from advisor_desk.ui.compensation.panel import AmountCheck, CompensationPanel, parse_typed_amount
from advisor_desk.ui.context import DeskContext
from advisor_desk.ui.panels import SidePanel

# The offscreen platform warns once when a first top-level window is shown; nothing to do with us.
pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("does not support propagateSizeHints")]


@pytest.fixture
def french(tmp_path: Path, qapp: Any) -> Iterator[tuple[World, DeskContext]]:
    with desk(tmp_path, ADVISOR, "fr") as opened:
        yield opened


def open_panel(qtbot: Any, ctx: DeskContext, case_id: str | None = CASE.id) -> CompensationPanel:
    panel = create_panel(ctx)
    assert isinstance(panel, CompensationPanel) and isinstance(panel, SidePanel)
    qtbot.addWidget(panel)
    panel.resize(420, 900)
    panel.show()
    panel.set_selection(ELODIE.id, case_id)
    wait_idle(qtbot, ctx)
    assert panel.grant_context is not None
    return panel


def fill(
    qtbot: Any, panel: CompensationPanel, gesture: GestureCode, amount: str, reason: str = "Colis en retard"
) -> None:
    assert panel.select_gesture(gesture)
    panel.amount.clear()
    qtbot.keyClicks(panel.amount, amount)
    panel.reason_text.clear()
    if reason:
        qtbot.keyClicks(panel.reason_text, reason)


def eur(cents: int) -> str:
    return words.money(cents, "EUR")


# -- amounts in the locale's format -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "typed", "cents"),
    [
        ("fr", "12,50", 1250),
        ("fr", "12.50", 1250),  # a dot typed on a French desk still means the decimals
        ("fr", "1 234,5", 123450),
        ("fr", "15 €", 1500),
        ("en", "12.50", 1250),
        ("en", "1,234.50", 123450),
        ("en", "€0.01", 1),
    ],
)
def test_amounts_are_read_in_the_locales_format(qapp: Any, language: str, typed: str, cents: int) -> None:
    assert parse_typed_amount(typed, i18n.locale_for(language)) == cents


@pytest.mark.parametrize(
    ("typed", "problem", "shown"),
    [
        ("-5", AmountProblem.NEGATIVE, "cannot be negative"),
        ("0,00", AmountProblem.ZERO, "more than zero"),
        ("douze", AmountProblem.NOT_A_NUMBER, "not an amount"),
        ("12,345", AmountProblem.TOO_MANY_DECIMALS, "two decimals"),
        ("99999999999", AmountProblem.TOO_LARGE, "far too large"),
    ],
)
def test_a_bad_amount_gets_a_clear_message_and_loses_nothing(
    qtbot: Any, french: tuple[World, DeskContext], typed: str, problem: AmountProblem, shown: str
) -> None:
    world, ctx = french
    panel = open_panel(qtbot, ctx)
    fill(qtbot, panel, GestureCode.VOUCHER, typed)
    assert AmountCheck(typed).problem is problem
    assert panel.amount_problem.isVisible()
    assert panel.amount_problem.text() == words.amount_problem(problem, "EUR")
    assert shown in panel.amount_problem.text()
    assert not panel.say_yes.isEnabled()
    qtbot.keyClick(panel.amount, Qt.Key.Key_Return)  # Enter does nothing, visibly
    wait_idle(qtbot, ctx)
    assert world.cache.decisions(customer_id=ELODIE.id) == []
    assert panel.amount.text() == typed  # what was typed stays, to be corrected


def test_the_english_desk_reads_a_dot_and_shows_pounds_style_formatting(
    qtbot: Any, tmp_path: Path, qapp: Any
) -> None:
    with desk(tmp_path, ADVISOR, "en") as (world, ctx):
        panel = open_panel(qtbot, ctx)
        fill(qtbot, panel, GestureCode.VOUCHER, "12.50")
        assert panel.say_yes.isEnabled()
        assert panel.say_yes.text() == "Say yes: €12.50 (Enter)"
        qtbot.keyClick(panel.reason_text, Qt.Key.Key_Return)
        wait_idle(qtbot, ctx)
        [granted] = world.cache.decisions(customer_id=ELODIE.id)
        assert granted.amount_cents == 1250
        panel.deleteLater()


# -- each bound: exactly at, one cent under, one cent over ---------------------------------------------


def _spend_today(world: World, cents: int) -> None:
    # another customer's gestures by the same advisor, earlier today in Lyon
    world.feed(decision(1, cents, NOW - timedelta(hours=1), customer_id=PAUL.id))


def _spend_on_customer(world: World, cents: int) -> None:
    # by a colleague, 29 days ago: counts for the customer, not for my day
    world.feed(decision(2, cents, NOW - timedelta(days=29), customer_id=ELODIE.id, user_id="u-bob"))


BOUNDS = [
    # (name, setup, gesture, limit in cents, the label that shows it, escalation offered)
    ("per_decision", None, GestureCode.VOUCHER, 3_000, "left_gesture", True),
    ("daily", lambda w: _spend_today(w, 29_000), GestureCode.VOUCHER, 1_000, "left_today", True),
    (
        "customer_30d",
        lambda w: _spend_on_customer(w, 13_000),
        GestureCode.VOUCHER,
        2_000,
        "left_customer",
        True,
    ),
    ("line_paid", None, GestureCode.REFUND, 2_000, "left_gesture", False),
]


@pytest.mark.parametrize(
    ("name", "setup", "gesture", "limit", "label", "escalates"), BOUNDS, ids=[b[0] for b in BOUNDS]
)
@pytest.mark.parametrize("delta", [0, -1, 1], ids=["at", "cent_under", "cent_over"])
def test_each_bound_at_under_and_over(
    qtbot: Any,
    french: tuple[World, DeskContext],
    name: str,
    setup: Any,
    gesture: GestureCode,
    limit: int,
    label: str,
    escalates: bool,
    delta: int,
) -> None:
    world, ctx = french
    if setup is not None:
        setup(world)
    panel = open_panel(qtbot, ctx)
    assert panel.select_gesture(gesture)
    if gesture is GestureCode.REFUND:
        # the stove line: 25,00 € paid, 5,00 € already refunded
        panel.line_combo.setCurrentIndex(panel.lines.row_of("line-stove"))
    shown = getattr(panel, label).text()
    assert shown.startswith(eur(limit)), shown
    assert panel.left_gesture.text() == eur(limit)  # the most I can grant now is that bound
    assert panel.bounds_label.text() == f"From {eur(1)} to {eur(limit)}"

    amount = limit + delta
    panel.amount.clear()
    qtbot.keyClicks(panel.amount, i18n.locale_for("fr").toString(amount / 100, "f", 2).replace("\u202f", ""))
    qtbot.keyClicks(panel.reason_text, "Colis en retard")
    if delta <= 0:
        assert panel.say_yes.isEnabled(), panel.verdict_label.text()
        assert panel.escalate.isHidden()
        qtbot.mouseClick(panel.say_yes, Qt.MouseButton.LeftButton)
        wait_idle(qtbot, ctx)
        mine = world.cache.decisions(user_id=ADVISOR.id, customer_id=ELODIE.id)
        assert [d.amount_cents for d in mine] == [amount]
        assert mine[0].status is DecisionStatus.PENDING
        assert eur(amount) in panel.confirmation_label.text()
        # what is left went down by what was granted (the per-decision maximum itself stays)
        left_after = {"per_decision": limit, "daily": limit - amount, "customer_30d": limit - amount}
        if name in left_after:
            assert getattr(panel, label).text().startswith(eur(left_after[name]))
    else:
        assert not panel.say_yes.isEnabled()
        assert panel.say_yes.text() == f"Beyond my authority by {eur(1)}"
        verdict = panel.verdict_label.text()
        assert f"this is {eur(1)} over" in verdict
        assert {
            "per_decision": "limit per decision",
            "daily": "budget for today",
            "customer_30d": "this customer over 30 days",
            "line_paid": "left to refund on this line",
        }[name] in verdict
        assert panel.escalate.isVisible() is escalates
        qtbot.keyClick(panel.reason_text, Qt.Key.Key_Return)
        wait_idle(qtbot, ctx)
        assert world.cache.decisions(user_id=ADVISOR.id, customer_id=ELODIE.id) == []


@pytest.mark.parametrize(
    ("granted_at", "counts"),
    [
        (NOW.replace(hour=0) - timedelta(hours=1, seconds=1), False),  # 23:59:59 yesterday in Lyon
        (NOW.replace(hour=0) - timedelta(hours=1), True),  # midnight in Lyon (23:00 UTC)
    ],
    ids=["before_local_midnight", "at_local_midnight"],
)
def test_the_day_ends_at_midnight_in_the_advisors_time_zone(
    qtbot: Any, french: tuple[World, DeskContext], granted_at: Any, counts: bool
) -> None:
    world, ctx = french
    world.feed(decision(3, 5_000, granted_at, customer_id=PAUL.id))
    panel = open_panel(qtbot, ctx)
    left = 30_000 - (5_000 if counts else 0)
    assert panel.left_today.text() == f"{eur(left)} left of {eur(30_000)}"


@pytest.mark.parametrize(
    ("age", "counts"), [(timedelta(days=30), False), (timedelta(days=30) - timedelta(seconds=1), True)]
)
def test_the_customers_30_days_edge(
    qtbot: Any, french: tuple[World, DeskContext], age: timedelta, counts: bool
) -> None:
    world, ctx = french
    world.feed(decision(4, 4_000, NOW - age, customer_id=ELODIE.id))
    panel = open_panel(qtbot, ctx)
    left = 15_000 - (4_000 if counts else 0)
    assert panel.left_customer.text() == f"{eur(left)} left of {eur(15_000)}"


# -- granting -----------------------------------------------------------------------------------------


def test_suggested_gestures_come_first_from_the_case_and_its_order(
    qtbot: Any, french: tuple[World, DeskContext]
) -> None:
    _, ctx = french
    panel = open_panel(qtbot, ctx)
    rows = panel.gestures.rows()
    assert [r.code for r in rows if r.suggested] == [
        GestureCode.SHIPPING_REFUND,
        GestureCode.VOUCHER,
        GestureCode.FREE_SHIPPING,
        GestureCode.LOYALTY_POINTS,
    ]
    assert rows[0].code is GestureCode.SHIPPING_REFUND
    assert rows[0].max_cents == 499  # bounded by the shipping the customer paid
    assert panel.current_reason() is ReasonCode.LATE_DELIVERY  # from the case's category
    # Without a case nothing is suggested and the reason must be chosen.
    panel.set_selection(PAUL.id, None)
    wait_idle(qtbot, ctx)
    assert not any(r.suggested for r in panel.gestures.rows())
    assert panel.current_reason() is None


def test_saying_yes_with_enter_writes_the_decision_and_hands_it_to_the_reply(
    qtbot: Any, french: tuple[World, DeskContext]
) -> None:
    world, ctx = french
    panel = open_panel(qtbot, ctx)
    published: list[Changes] = []
    ctx.changes.changed.connect(published.append)
    fill(qtbot, panel, GestureCode.VOUCHER, "")
    preset = next(b for b in panel.preset_buttons if b.property("cents") == 1500)
    qtbot.mouseClick(preset, Qt.MouseButton.LeftButton)
    assert panel.amount.text() == "15,00"
    with qtbot.waitSignal(panel.gestureGranted, timeout=5000) as granted:
        qtbot.keyClick(panel.reason_text, Qt.Key.Key_Return)
    decision_ = granted.args[0]
    wait_idle(qtbot, ctx)
    assert world.cache.decision(decision_.id).amount_cents == 1500
    assert decision_.voucher_code and panel.voucher_label.text() == decision_.voucher_code
    assert "Pending confirmation by the centre." in panel.confirmation_label.text()
    assert any(c.touches_customer(ELODIE.id) and "decisions" in c.kinds for c in published)
    # the history lists it, with its code and its status
    assert panel.history.rowCount() == 1
    text = panel.history.data(panel.history.index(0, 0))
    assert eur(1500) in text and decision_.voucher_code in text and "pending confirmation" in text
    # and the reply composer gets a sentence to insert
    with qtbot.waitSignal(panel.insertIntoReply) as inserted:
        qtbot.mouseClick(panel.insert_button, Qt.MouseButton.LeftButton)
    assert (
        inserted.args[0] == f"a voucher of {eur(1500)}, code {decision_.voucher_code} (pending confirmation)"
    )
    # the form is ready for the next gesture, and Ctrl+Enter says yes too
    assert panel.amount.text() == "" and panel.reason_text.text() == ""
    fill(qtbot, panel, GestureCode.LOYALTY_POINTS, "2")
    qtbot.keyClick(panel.amount, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot, ctx)
    assert sorted(d.amount_cents for d in world.cache.decisions(customer_id=ELODIE.id)) == [200, 1500]


def test_a_refund_is_bounded_by_the_chosen_line(qtbot: Any, french: tuple[World, DeskContext]) -> None:
    world, ctx = french
    panel = open_panel(qtbot, ctx)
    assert panel.select_gesture(GestureCode.REFUND)
    assert panel.line_combo.isVisible()
    panel.line_combo.setCurrentIndex(panel.lines.row_of("line-tent"))
    assert panel.left_gesture.text() == eur(4_000)
    assert [b.property("cents") for b in panel.preset_buttons][-1] == 4_000  # "the whole line"
    fill(qtbot, panel, GestureCode.REFUND, "40")
    panel.line_combo.setCurrentIndex(panel.lines.row_of("line-tent"))
    qtbot.mouseClick(panel.say_yes, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, ctx)
    [refund] = world.cache.decisions(customer_id=ELODIE.id)
    assert (refund.order_line_id, refund.amount_cents) == ("line-tent", 4_000)
    # nothing is left on that line now: it cannot be chosen any more
    row = panel.lines.row_of("line-tent")
    assert not panel.lines.flags(panel.lines.index(row, 0)) & Qt.ItemFlag.ItemIsEnabled


def test_a_grant_refused_by_the_cache_meanwhile_says_why(
    qtbot: Any, french: tuple[World, DeskContext]
) -> None:
    world, ctx = french
    panel = open_panel(qtbot, ctx)
    fill(qtbot, panel, GestureCode.VOUCHER, "30")
    assert panel.say_yes.isEnabled()
    # another window of the same advisor spent the day's budget after the panel loaded
    ctx.cache.grant_gesture(ADVISOR, PAUL.id, None, GestureCode.VOUCHER, 3_000, "EUR", ReasonCode.OTHER, "x")
    _spend_today(world, 26_000)
    qtbot.mouseClick(panel.say_yes, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, ctx)
    assert world.cache.decisions(customer_id=ELODIE.id) == []
    assert "budget for today" in panel.verdict_label.text()
    assert not panel.say_yes.isEnabled()  # after the reload the live verdict agrees


def test_offline_grants_stay_within_what_remained_at_the_last_sync(
    qtbot: Any, french: tuple[World, DeskContext]
) -> None:
    world, ctx = french
    authority = {
        "currency": "EUR",
        "daily_budget_cents": 30_000,
        "remaining_today_cents": 1_200,  # the centre had counted 288 € spent today
        "per_customer_30d_cents": 15_000,
        "gestures": [{"code": "voucher", "max_per_decision_cents": 3_000}],
    }
    world.cache.save_me({"user": to_wire(ADVISOR), "authority": authority})
    panel = open_panel(qtbot, ctx)
    assert not panel.online and panel.offline_label.isVisible()
    assert panel.left_today.text() == f"{eur(1_200)} left of {eur(30_000)}"
    fill(qtbot, panel, GestureCode.VOUCHER, "12,01")
    assert not panel.say_yes.isEnabled()
    fill(qtbot, panel, GestureCode.VOUCHER, "12")
    qtbot.mouseClick(panel.say_yes, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, ctx)
    [granted] = world.cache.decisions(customer_id=ELODIE.id)
    assert granted.offline and granted.status is DecisionStatus.PENDING
    assert "Pending confirmation by the centre." in panel.confirmation_label.text()
    assert panel.left_today.text() == f"{eur(0)} left of {eur(30_000)}"


# -- beyond the envelope, and what comes back ----------------------------------------------------------


def test_beyond_the_envelope_an_approval_request_goes_to_the_team_lead_and_its_answer_comes_back(
    qtbot: Any, french: tuple[World, DeskContext]
) -> None:
    world, ctx = french
    panel = open_panel(qtbot, ctx)
    fill(qtbot, panel, GestureCode.VOUCHER, "45", reason="")
    assert panel.escalate.isVisible() and not panel.escalate.isEnabled()  # a reason first
    qtbot.keyClicks(panel.reason_text, "Third delay, loyal customer")
    assert panel.escalate.isEnabled()
    with qtbot.waitSignal(panel.escalationRequested, timeout=5000) as sent:
        qtbot.mouseClick(panel.escalate, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, ctx)
    [request] = world.cache.escalations(user_id=ADVISOR.id)
    assert request.id == sent.args[0].id and request.amount_cents == 4_500
    assert "Approval requested from your team lead" in panel.confirmation_label.text()
    assert any(
        "waiting for the team lead" in panel.history.data(panel.history.index(r, 0))
        for r in range(panel.history.rowCount())
    )
    assert panel.banner.isHidden()

    # the team lead's answer arrives through the feed (as the sync applies it), then the change bus
    answered = Escalation(
        **{
            **{f: getattr(request, f) for f in request.__dataclass_fields__},
            "status": EscalationStatus.APPROVED,
            "answered_by": "u-lea",
            "answered_at": NOW,
            "answer_comment": "OK, fidélité",
            "updated_at": NOW,
        }
    )
    world.feed(answered)
    ctx.changes.publish(Changes.everything())
    wait_idle(qtbot, ctx)
    assert panel.banner.isVisible()
    assert "Your team lead approved" in panel.banner.body.text() and eur(4500) in panel.banner.body.text()
    assert "OK, fidélité" in panel.banner.body.text()


def test_a_refusal_by_the_centre_is_shown_until_dismissed(
    qtbot: Any, french: tuple[World, DeskContext]
) -> None:
    world, ctx = french
    panel = open_panel(qtbot, ctx)
    fill(qtbot, panel, GestureCode.VOUCHER, "20")
    qtbot.mouseClick(panel.say_yes, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, ctx)
    granted = panel.last_decision
    assert granted is not None
    # the centre re-checks on arrival and refuses (another desk used the budget offline)
    [entry] = world.cache.pending_mutations()
    world.cache.record_results(
        [{"id": entry.id, "status": "rejected", "reason": "daily_budget: over by 500 cents", "data": None}]
    )
    panel.set_selection(PAUL.id, None)  # the advisor has moved on to another customer
    ctx.changes.publish(Changes.everything())  # what the desk publishes after a sync
    wait_idle(qtbot, ctx)
    assert panel.banner.isVisible()
    body = panel.banner.body.text()
    assert "Refused by the centre" in body and eur(2000) in body and "Élodie Martin" in body
    assert granted.voucher_code in body and "daily_budget" in body
    assert world.cache.decision(granted.id).status is DecisionStatus.REJECTED
    # the customer's history says it too
    panel.set_selection(ELODIE.id, CASE.id)
    wait_idle(qtbot, ctx)
    assert panel.history.data(panel.history.index(0, 0)).count("refused by the centre") == 1
    # dismissed, it stays dismissed (also for a panel opened later)
    qtbot.mouseClick(panel.banner.dismiss_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, ctx)
    assert panel.banner.isHidden()
    later = open_panel(qtbot, ctx)
    wait_idle(qtbot, ctx)
    assert later.banner.isHidden()


def test_no_envelope_yet_says_so(qtbot: Any, tmp_path: Path, qapp: Any) -> None:
    from test_compensation_world import TEAM

    from advisor_desk.domain.model import Role, User

    lead = User("u-lea", "lea", "Léa Chef", Role.TEAM_LEAD, TEAM, "Europe/Paris")
    with desk(tmp_path, lead, "fr") as (_world, ctx):
        panel = open_panel(qtbot, ctx)
        assert panel.no_authority.isVisible()
        assert panel.gestures.rowCount() == 0 and not panel.say_yes.isEnabled()
        panel.deleteLater()


def test_nothing_selected_says_what_to_do(qtbot: Any, french: tuple[World, DeskContext]) -> None:
    _, ctx = french
    panel = create_panel(ctx)
    qtbot.addWidget(panel)
    panel.show()
    panel.set_selection(None, None)
    assert panel.empty_label.isVisible() and not panel.content.isVisible()
    assert "Ctrl+G" in panel.empty_label.text()


def test_models_pass_the_model_tester(
    qtbot: Any, qtmodeltester: Any, french: tuple[World, DeskContext]
) -> None:
    world, ctx = french
    world.feed(
        decision(
            5,
            1_000,
            NOW - timedelta(days=2),
            customer_id=ELODIE.id,
            status=DecisionStatus.REJECTED,
            rejection_reason="<b>no</b>",
        )
    )
    panel = open_panel(qtbot, ctx)
    fill(qtbot, panel, GestureCode.VOUCHER, "45")
    qtbot.mouseClick(panel.escalate, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, ctx)
    assert panel.history.rowCount() == 2
    for model in (panel.gestures, panel.lines, panel.history):
        qtmodeltester.check(model, force_py=True)
    assert QLocale().decimalPoint() == ","


def test_the_centres_confirmation_replaces_pending(qtbot: Any, french: tuple[World, DeskContext]) -> None:
    world, ctx = french
    panel = open_panel(qtbot, ctx)
    fill(qtbot, panel, GestureCode.VOUCHER, "10")
    qtbot.mouseClick(panel.say_yes, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, ctx)
    granted = panel.last_decision
    assert granted is not None and "Pending confirmation" in panel.confirmation_label.text()
    [entry] = world.cache.pending_mutations()
    confirmed = to_wire(granted) | {"status": "granted"}
    world.cache.record_results(
        [{"id": entry.id, "status": "applied", "reason": None, "data": {"decision": confirmed}}]
    )
    ctx.changes.publish(Changes.everything())
    wait_idle(qtbot, ctx)
    assert "Confirmed by the centre." in panel.confirmation_label.text()
    with qtbot.waitSignal(panel.insertIntoReply) as inserted:
        qtbot.mouseClick(panel.insert_button, Qt.MouseButton.LeftButton)
    assert inserted.args[0] == f"a voucher of {eur(1000)}, code {granted.voucher_code}"
