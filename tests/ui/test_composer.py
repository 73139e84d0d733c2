"""The Reply composer over a real cache: rendering in both languages, each check shown and enforced,
sending local first, a gesture inserted with its amount, drafts surviving a killed desk, new activity
stopping the reply, and the whole path to the reference server through the real sync engine."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from conftest import settle
from desk_world import ADVISOR, COLLEAGUE, NOW, World
from PySide6.QtCore import Qt

from advisor_desk.cache.store import LocalCache
from advisor_desk.domain.channels import Channel
from advisor_desk.domain.model import CaseStatus, Direction, GestureCode, Interaction, Language, ReasonCode
from advisor_desk.domain.reply_checks import CheckCode, Severity, twitter_length
from advisor_desk.domain.scripts import ReplyStep
from advisor_desk.ui.changes import Changes
from advisor_desk.ui.composer.models import CHECK_CODE_ROLE, ChecksModel, OptionsModel
from advisor_desk.ui.composer.panel import ComposerPanel

pytestmark = [
    pytest.mark.gui,
    # the offscreen platform's notes on window hints, not faults of ours
    pytest.mark.qt_log_ignore("does not support propagateSizeHints", "does not support raise"),
]

LONG_SOLUTION = (
    "J’ai contacté le transporteur au sujet de votre commande CMD-2026-000001 : une enquête est ouverte "
    "et votre colis est désormais suivi en priorité. Dès que j’ai sa nouvelle date de livraison, je vous "
    "la communique. Si le colis n’est pas retrouvé sous 48 heures, nous vous renvoyons les mêmes articles "
    "à nos frais, sans que vous ayez à nous le redemander."
)


def open_panel(qtbot: Any, ctx: Any, customer_id: str, case_id: str) -> ComposerPanel:
    panel = ComposerPanel(ctx)
    qtbot.addWidget(panel)
    panel.resize(460, 900)
    panel.show()
    panel.set_selection(customer_id, case_id)
    settle(qtbot, ctx)
    assert panel.state is not None, panel.empty.text()
    return panel


def choose_first(panel: ComposerPanel) -> None:
    assert panel.state is not None
    for step in ReplyStep:
        panel.choose(step, panel.state.options(step)[0].id)


def type_into(qtbot: Any, panel: ComposerPanel, step: ReplyStep, text: str) -> None:
    """Replace a step's text the way the advisor does: in its editor."""
    editor = panel.step_pages[step].editor
    editor.selectAll()
    editor.insertPlainText(text)  # plain text, as typed or pasted


def codes(panel: ComposerPanel, passed: bool) -> set[CheckCode]:
    return {r.code for r in panel.results if r.passed is passed}


def shown_checks(panel: ComposerPanel) -> dict[str, str]:
    model = panel.checks_model
    return {
        model.data(model.index(row, 0), CHECK_CODE_ROLE): model.data(model.index(row, 0))
        for row in range(model.rowCount())
    }


# --- rendering ---------------------------------------------------------------------------------------


def test_the_reply_follows_the_customers_language_and_switches(qtbot: Any, ctx: Any) -> None:
    panel = open_panel(qtbot, ctx, "cust-01", "case-limit")
    assert panel.language is Language.FR and panel.language_combo.currentData() == "fr"
    assert panel.current_script() is not None and panel.current_script().source == "fr/late_delivery.toml"
    assert [panel.steps.tabText(i) for i in range(3)] == ["1. Acknowledge", "2. Solve", "3. Close"]
    choose_first(panel)
    french = panel.preview.toPlainText()
    assert french.startswith("Bonjour Élodie,") and "désolés" in french
    assert "mercredi 25 novembre" in french  # the follow-up two working days after Monday 23
    assert french.endswith("Alice\nService client")

    panel.language_combo.setCurrentIndex(panel.language_combo.findData("en"))
    english = panel.preview.toPlainText()
    assert english.startswith("Hello Élodie,") and "sorry" in english.lower()
    assert "Wednesday 25 November" in english
    assert panel.current_script().source == "en/late_delivery.toml"
    # the same options stay chosen, in the other language
    assert panel.state is not None
    assert [panel.state.chosen_id(s) for s in ReplyStep] == [panel.state.options(s)[0].id for s in ReplyStep]


def test_an_english_customer_on_chat_gets_the_english_script(qtbot: Any, ctx: Any) -> None:
    panel = open_panel(qtbot, ctx, "cust-03", "case-near")
    assert panel.language is Language.EN
    assert panel.state is not None and panel.state.draft.channel is Channel.CHAT
    choose_first(panel)
    assert panel.preview.toPlainText().startswith("Hello Paul")
    assert "Chat" in panel.case_label.text()


def test_customer_values_are_inserted_as_plain_text(qtbot: Any, ctx: Any) -> None:
    panel = open_panel(qtbot, ctx, "cust-02", "case-target")  # first name "<b>Kévin</b>"
    choose_first(panel)
    assert "<b>Kévin</b>" in panel.preview.toPlainText()
    assert "<b>" not in panel.preview.document().toHtml().replace("&lt;b&gt;", "")
    assert "<b>Kévin</b>" in panel.step_pages[ReplyStep.ACKNOWLEDGE].editor.toPlainText()


# --- checks ----------------------------------------------------------------------------------------------


def test_an_unfilled_value_is_highlighted_and_blocks_until_filled(qtbot: Any, ctx: Any) -> None:
    panel = open_panel(qtbot, ctx, "cust-01", "case-limit")  # the case names no order: no order number
    assert not panel.send_button.isEnabled()
    assert "pick an empathy opening" in panel.send_reason.text()
    choose_first(panel)
    assert "[[order.number]]" in panel.preview.toPlainText()
    assert CheckCode.PLACEHOLDERS_FILLED in panel.blocking_codes()
    assert not panel.send_button.isEnabled()
    assert "[[order.number]]" in panel.send_reason.text()
    assert "Blocks sending" in shown_checks(panel)["placeholders_filled"]
    # the marker is highlighted in the preview, over exactly its characters
    text = panel.preview.toPlainText()
    spans = {
        (s.cursor.selectionStart(), s.cursor.selectionEnd())
        for s in panel.preview.extraSelections()
        if s.format.background().color().name() == "#ffe08a"
    }
    start = text.index("[[order.number]]")
    assert (start, start + len("[[order.number]]")) in spans
    # the advisor fills it in, in both steps that use it
    for step in (ReplyStep.ACKNOWLEDGE, ReplyStep.SOLVE):
        type_into(
            qtbot, panel, step, panel.state.draft.part(step).replace("[[order.number]]", "CMD-2026-000001")
        )
    assert CheckCode.PLACEHOLDERS_FILLED in codes(panel, True)
    assert panel.blocking_codes() == ()
    assert panel.state.edited == {ReplyStep.ACKNOWLEDGE, ReplyStep.SOLVE}


def fill_tweet(qtbot: Any, panel: ComposerPanel, length: int) -> str:
    """Write a tweet of exactly ``length`` (as X counts it) with accents and an emoji in it."""
    assert panel.state is not None
    type_into(qtbot, panel, ReplyStep.ACKNOWLEDGE, "Kévin, désolés pour ce retard 😞 vraiment.")
    type_into(qtbot, panel, ReplyStep.CLOSE, "Je vous recontacte mercredi.")
    panel.signature.setPlainText("^Alice")
    type_into(qtbot, panel, ReplyStep.SOLVE, "")
    base = twitter_length(panel.state.draft.final_text() + " Tweet en colère : ")
    type_into(qtbot, panel, ReplyStep.SOLVE, "Tweet en colère : " + "é" * (length - base))
    text = panel.state.draft.final_text()
    assert twitter_length(text) == length
    return text


def test_a_tweet_of_281_characters_blocks_and_280_goes(qtbot: Any, ctx: Any) -> None:
    panel = open_panel(qtbot, ctx, "cust-02", "case-target")
    assert panel.counter.isVisible()
    fill_tweet(qtbot, panel, 281)
    assert CheckCode.TWITTER_LENGTH in panel.blocking_codes()
    assert panel.counter.text() == "281 / 280 characters (1 too many)"
    assert "Too long for X: 281 characters, 280 at most" in shown_checks(panel)["twitter_length"]
    assert not panel.send_button.isEnabled()
    panel.override.setChecked(True)  # no override for a blocking check
    assert not panel.send_button.isEnabled()
    fill_tweet(qtbot, panel, 280)
    assert CheckCode.TWITTER_LENGTH in codes(panel, True)
    assert "280 / 280" in panel.counter.text()


def test_score_begging_blocks_in_either_language(qtbot: Any, ctx: Any) -> None:
    panel = open_panel(qtbot, ctx, "cust-03", "case-near")
    choose_first(panel)
    assert CheckCode.SCORE_BEGGING in codes(panel, True)
    for phrase in (
        "If you get our survey, please give us a 9 or a 10!",
        "Si vous recevez notre enquête, mettez-nous 10/10 !",
    ):
        type_into(qtbot, panel, ReplyStep.CLOSE, phrase)
        assert CheckCode.SCORE_BEGGING in panel.blocking_codes()
        assert not panel.send_button.isEnabled()
        assert "Never ask the customer for a given score" in shown_checks(panel)["score_begging"]
        underlined = [s for s in panel.preview.extraSelections() if s.format.underlineStyle() != 0]
        assert underlined, "the phrase is underlined in the preview"
    panel.override.setChecked(True)
    assert not panel.send_button.isEnabled()
    type_into(qtbot, panel, ReplyStep.CLOSE, "You may get a short survey: your honest opinion helps us.")
    assert CheckCode.SCORE_BEGGING in codes(panel, True)


def test_a_terse_email_needs_an_explicit_override(qtbot: Any, ctx: Any, world: World) -> None:
    panel = open_panel(qtbot, ctx, "cust-01", "case-limit")
    type_into(qtbot, panel, ReplyStep.ACKNOWLEDGE, "Bonjour Élodie, désolés pour ce retard.")
    type_into(qtbot, panel, ReplyStep.SOLVE, "Votre colis part demain.")
    type_into(qtbot, panel, ReplyStep.CLOSE, "Je vous rappelle mercredi.")
    substance = panel.result(CheckCode.SUBSTANCE)
    assert substance is not None and not substance.passed and substance.severity is Severity.OVERRIDE
    assert "To confirm" in shown_checks(panel)["substance"]
    assert "at least 60 expected" in shown_checks(panel)["substance"]
    assert CheckCode.SUBSTANCE in panel.verdict.unconfirmed
    assert not panel.send_button.isEnabled() and "Send anyway" in panel.send_reason.text()
    assert panel.override.isEnabled()
    panel.override.setChecked(True)
    assert panel.send_button.isEnabled()
    qtbot.keyClick(
        panel.step_pages[ReplyStep.CLOSE].editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
    )
    settle(qtbot, ctx)
    case = world.cache.case("case-limit")
    assert case is not None and case.status is CaseStatus.WAITING_CUSTOMER and case.first_response_at == NOW
    ids = world.cache.interaction_ids("cust-01", case_id="case-limit")
    newest = world.cache.interactions_by_ids(ids[:1])[0]
    assert newest.direction is Direction.OUTBOUND and newest.text.startswith("Bonjour Élodie, désolés")
    assert newest.channel is Channel.EMAIL and newest.author_id == ADVISOR.id
    assert world.cache.load_draft("case-limit") is None
    assert [e.kind for e in world.cache.pending_mutations()][-1] == "reply"


def test_override_checks_and_the_acknowledgement_suggestion(qtbot: Any, ctx: Any) -> None:
    panel = open_panel(qtbot, ctx, "cust-01", "case-limit")
    choose_first(panel)
    type_into(qtbot, panel, ReplyStep.ACKNOWLEDGE, "")
    failed = codes(panel, False)
    assert {CheckCode.EMPATHY_PRESENT, CheckCode.PERSONAL_NAME} <= failed
    assert panel.severity_of(CheckCode.EMPATHY_PRESENT) is Severity.OVERRIDE
    shown = shown_checks(panel)
    assert "No empathy part" in shown["empathy_present"]
    assert "“Élodie”" in shown["personal_name"]
    assert "acknowledge receipt now" in shown["acknowledgement"]
    assert panel.ack_bar.isVisible()


# --- gestures, acknowledgement, keyboard ------------------------------------------------------------


def test_a_gesture_granted_on_the_case_goes_into_the_solution_with_its_amount(
    qtbot: Any, ctx: Any, world: World
) -> None:
    panel = open_panel(qtbot, ctx, "cust-01", "case-limit")
    choose_first(panel)
    decision = world.cache.grant_gesture(
        ADVISOR,
        "cust-01",
        "case-limit",
        GestureCode.VOUCHER,
        1_500,
        "EUR",
        ReasonCode.LATE_DELIVERY,
        "retard",
    )
    # what the Say yes panel publishes after a grant
    ctx.changes.publish(Changes.of("cust-01", "case-limit", kinds=("decisions",), source=object()))
    settle(qtbot, ctx)
    assert panel.state is not None and panel.state.chosen_id(ReplyStep.SOLVE) == "fr-late-voucher"
    assert "bon d’achat de 15\u00a0€" in panel.state.draft.text()
    assert "bon d’achat de 15 €" in panel.preview.toPlainText()
    assert not panel.gesture_label.isHidden() and "15.00" in panel.gesture_label.text()
    assert decision.id in panel.applied_decisions
    # the same decision is not inserted twice; switching language keeps the amount
    ctx.changes.publish(Changes.everything())
    settle(qtbot, ctx)
    panel.switch_language(Language.EN)
    assert "a €15 voucher" in panel.preview.toPlainText()


def test_acknowledge_receipt_with_the_scripts_text(qtbot: Any, ctx: Any, world: World) -> None:
    panel = open_panel(qtbot, ctx, "cust-03", "case-near")
    assert panel.ack_bar.isVisible()
    panel.step_pages[ReplyStep.ACKNOWLEDGE].editor.setFocus()
    qtbot.keyClick(
        panel.step_pages[ReplyStep.ACKNOWLEDGE].editor,
        Qt.Key.Key_A,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    dialog = panel.ack_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.text().startswith("Hello Paul") and "[[order.number]]" in dialog.text()
    assert not dialog.ok.isEnabled() and "highlighted" in dialog.problem.text()  # no order on this case
    dialog.editor.setPlainText(dialog.editor.toPlainText().replace("[[order.number]]", "CMD-2026-000001"))
    assert dialog.ok.isEnabled()
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    settle(qtbot, ctx)
    case = world.cache.case("case-near")
    assert case is not None and case.acknowledged_at == NOW and case.status is CaseStatus.ACKNOWLEDGED
    assert not panel.ack_bar.isVisible()
    assert CheckCode.ACKNOWLEDGEMENT in codes(panel, True)


def test_keyboard_moves_between_steps_and_picks_options(qtbot: Any, ctx: Any) -> None:
    panel = open_panel(qtbot, ctx, "cust-01", "case-limit")
    panel.go_to_step(ReplyStep.SOLVE)
    page = panel.step_pages[ReplyStep.SOLVE]
    assert panel.steps.currentIndex() == 1
    qtbot.keyClick(page.options, Qt.Key.Key_Down)
    qtbot.keyClick(page.options, Qt.Key.Key_Return)
    assert panel.state is not None and panel.state.chosen_id(ReplyStep.SOLVE) == page.model.option_id(1)
    qtbot.keyClick(page.editor, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert panel.steps.currentIndex() == 2
    qtbot.keyClick(panel.step_pages[ReplyStep.CLOSE].options, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    assert panel.steps.currentIndex() == 0


def test_the_models_pass_the_model_tester(qtbot: Any, ctx: Any, qtmodeltester: Any) -> None:
    panel = open_panel(qtbot, ctx, "cust-01", "case-limit")
    choose_first(panel)
    for page in panel.step_pages.values():
        qtmodeltester.check(page.model)
    qtmodeltester.check(panel.checks_model)
    empty_options, empty_checks = OptionsModel(ctx.icons), ChecksModel(ctx.icons)
    qtmodeltester.check(empty_options)
    qtmodeltester.check(empty_checks)
    empty_checks.set_results(panel.results)
    qtmodeltester.check(empty_checks)


# --- drafts ---------------------------------------------------------------------------------------------

CRASHING_DESK = textwrap.dedent(
    """
    import os, sys, time
    sys.path.insert(0, {tests!r})
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from pathlib import Path
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from desk_world import ADVISOR, Clock
    from advisor_desk.cache.store import LocalCache
    from advisor_desk.domain.scripts import ReplyStep
    from advisor_desk.ui.changes import ChangeBus
    from advisor_desk.ui.composer.panel import ComposerPanel
    from advisor_desk.ui.context import DeskContext
    from advisor_desk.ui.icons import IconRegistry
    from advisor_desk.ui.settings import DeskSettings
    from advisor_desk.ui.tasks import TaskRunner
    clock = Clock()
    cache = LocalCache.open(Path({path!r}), clock=clock)
    ctx = DeskContext(cache=cache, user=ADVISOR, settings=DeskSettings.in_file(Path({settings!r})),
                      tasks=TaskRunner(), icons=IconRegistry("#202124"), changes=ChangeBus(), clock=clock)
    panel = ComposerPanel(ctx)
    panel.show()
    panel.set_selection("cust-01", "case-limit")
    def pump(until):
        deadline = time.monotonic() + 10
        while not until():
            app.processEvents()
            time.sleep(0.01)
            if time.monotonic() > deadline:
                sys.exit("timed out")
    pump(lambda: panel.state is not None)
    panel.choose(ReplyStep.ACKNOWLEDGE, panel.state.options(ReplyStep.ACKNOWLEDGE)[1].id)
    editor = panel.step_pages[ReplyStep.SOLVE].editor
    editor.setFocus()
    editor.insertPlainText("Votre commande CMD-2026-000001 repart demain en express.")
    pump(lambda: cache.load_draft("case-limit") is not None and "express" in str(cache.load_draft("case-limit")))
    print("SAVED", flush=True)
    os._exit(9)  # killed: no clean close of the cache, the window or the threads
    """
)


def test_a_draft_survives_a_killed_desk(qtbot: Any, make_ctx: Any, world: World, tmp_path: Path) -> None:
    path = tmp_path / "desk.cache.sqlite3"
    script = CRASHING_DESK.format(
        tests=str(Path(__file__).parent), path=str(path), settings=str(tmp_path / "crash.ini")
    )
    run = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        cwd=str(Path(__file__).parents[2]),
    )
    assert run.returncode == 9 and "SAVED" in run.stdout, run.stderr[-2000:]
    # the desk starts again on the same cache file
    restarted = LocalCache.open(path, clock=world.clock)
    try:
        ctx = make_ctx(restarted)
        panel = open_panel(qtbot, ctx, "cust-01", "case-limit")
        assert panel.state is not None
        script_state = panel.state
        assert (
            script_state.chosen_id(ReplyStep.ACKNOWLEDGE) == script_state.options(ReplyStep.ACKNOWLEDGE)[1].id
        )
        assert panel.step_pages[ReplyStep.SOLVE].editor.toPlainText() == (
            "Votre commande CMD-2026-000001 repart demain en express."
        )
        assert ReplyStep.SOLVE in script_state.edited
        assert "repart demain en express" in panel.preview.toPlainText()
        # typing on is saved again, and sending drops the draft
        type_into(qtbot, panel, ReplyStep.CLOSE, "Je vous recontacte mercredi 25 novembre.")
        qtbot.waitUntil(lambda: "mercredi 25" in str(restarted.load_draft("case-limit")), timeout=5000)
    finally:
        settle(qtbot, ctx)
        restarted.close()


def test_drafts_follow_the_selected_case_and_a_bad_draft_loses_nothing(
    qtbot: Any, ctx: Any, world: World
) -> None:
    panel = open_panel(qtbot, ctx, "cust-01", "case-limit")
    type_into(qtbot, panel, ReplyStep.ACKNOWLEDGE, "Bonjour Élodie, je suis désolée pour ce colis.")
    # switching case saves at once, without waiting for the pause
    panel.set_selection("cust-01", "case-ontime")
    settle(qtbot, ctx)
    saved = world.cache.load_draft("case-limit")
    assert saved is not None and "désolée pour ce colis" in saved["reply"]["empathy"]
    assert panel.state is not None and panel.state.draft.empathy == ""
    panel.set_selection("cust-01", "case-limit")
    settle(qtbot, ctx)
    assert panel.step_pages[ReplyStep.ACKNOWLEDGE].editor.toPlainText().endswith("pour ce colis.")
    # a draft that is not ours: the composer starts afresh and says so
    world.cache.save_draft("case-ontime", {"format": 99, "whatever": True})
    messages: list[str] = []
    panel.message.connect(messages.append)
    panel.set_selection("cust-01", "case-ontime")
    settle(qtbot, ctx)
    assert panel.state is not None and any("could not be read" in m for m in messages)


# --- new activity ---------------------------------------------------------------------------------------


def inbound(world: World, iid: str, text: str, **kw: Any) -> Interaction:
    values: dict[str, Any] = {
        "channel": Channel.EMAIL,
        "direction": Direction.INBOUND,
        "author": "Élodie Martin",
    }
    values.update(kw)
    return Interaction(
        iid,
        "cust-01",
        occurred_at=world.clock.now + timedelta(minutes=1),
        text=text,
        case_id="case-limit",
        **values,
    )


def ready_to_send(qtbot: Any, panel: ComposerPanel) -> None:
    choose_first(panel)
    for step in (ReplyStep.ACKNOWLEDGE, ReplyStep.SOLVE):
        assert panel.state is not None
        type_into(
            qtbot, panel, step, panel.state.draft.part(step).replace("[[order.number]]", "CMD-2026-000001")
        )
    type_into(qtbot, panel, ReplyStep.SOLVE, panel.state.draft.solution + " Colis jamais arrivé, c’est noté.")
    assert panel.send_button.isEnabled(), panel.send_reason.text()


def test_the_customer_writing_again_is_told_before_sending(qtbot: Any, ctx: Any, world: World) -> None:
    panel = open_panel(qtbot, ctx, "cust-01", "case-limit")
    ready_to_send(qtbot, panel)
    # the sync brings a new message in without anyone telling the panel
    world.feed(inbound(world, "i-again", "Toujours rien reçu !"))
    panel.send()
    settle(qtbot, ctx)
    assert panel.activity_bar.isVisible()
    assert "The customer wrote again since you started this reply." in panel.activity_text.text()
    outbound = [
        i
        for i in world.cache.interactions_by_ids(world.cache.interaction_ids("cust-01", case_id="case-limit"))
        if i.direction is Direction.OUTBOUND
    ]
    assert outbound == [], "nothing was sent"
    assert world.cache.load_draft("case-limit") is not None  # the draft waits
    # read it, then send
    qtbot.mouseClick(panel.review_button, Qt.MouseButton.LeftButton)
    assert not panel.activity_bar.isVisible()
    panel.send()
    settle(qtbot, ctx)
    sent = [
        i
        for i in world.cache.interactions_by_ids(world.cache.interaction_ids("cust-01", case_id="case-limit"))
        if i.direction is Direction.OUTBOUND
    ]
    assert len(sent) == 1 and world.cache.load_draft("case-limit") is None


def test_a_colleagues_answer_is_shown_as_it_arrives(qtbot: Any, ctx: Any, world: World) -> None:
    panel = open_panel(qtbot, ctx, "cust-01", "case-limit")
    ready_to_send(qtbot, panel)
    world.feed(
        inbound(
            world,
            "i-bob",
            "Bonjour, c’est Bob, je m’en occupe.",
            direction=Direction.OUTBOUND,
            author=COLLEAGUE.display_name,
            author_id=COLLEAGUE.id,
        )
    )
    ctx.changes.publish(Changes.everything())  # what the sync adapter publishes after a pull
    settle(qtbot, ctx)
    assert (
        panel.activity_bar.isVisible()
        and "Bob Durand answered since you started" in panel.activity_text.text()
    )
    qtbot.mouseClick(panel.send_anyway_button, Qt.MouseButton.LeftButton)
    settle(qtbot, ctx)
    assert world.cache.load_draft("case-limit") is None
    assert not panel.activity_bar.isVisible()


# --- the whole path to the server ---------------------------------------------------------------------


def test_from_the_script_to_the_reply_stored_on_the_server(
    qtbot: Any, make_ctx: Any, live_server: Any, tmp_path: Path
) -> None:
    from datetime import UTC, datetime

    from desk_world import Clock

    from advisor_desk.domain.wire import EntityKind
    from advisor_desk.server import store
    from advisor_desk.sync.client import ApiClient
    from advisor_desk.sync.engine import SyncEngine

    world = live_server.seed_world()
    client = ApiClient(live_server.url)
    session = client.login("advisor", "pw")
    cache = LocalCache.open(tmp_path / "live.cache.sqlite3")
    try:
        cache.save_me(client.me())
        engine = SyncEngine(cache, client, None)
        assert engine.sync_once().ok
        ctx = make_ctx(cache, user=session.user)
        ctx.clock = Clock(datetime.now(UTC))
        panel = open_panel(qtbot, ctx, "c-north-1", "c-north-1-case")
        assert panel.language is Language.FR
        choose_first(panel)
        assert panel.state is not None
        text = panel.state.draft.text()  # the preview shows no-break spaces as spaces
        assert panel.preview.toPlainText() == text.replace("\u00a0", " ")
        assert text.startswith("Bonjour Hélène,") and "ORD-NORTH-1" in text
        assert panel.send_button.isEnabled(), panel.send_reason.text()
        sent: list[Any] = []
        panel.replySent.connect(sent.append)
        panel.send()
        settle(qtbot, ctx)
        assert cache.load_draft("c-north-1-case") is None and len(sent) == 1
        report = engine.sync_once()
        assert report.ok, report.errors
        with live_server.database.read() as db:
            case = store.load(db, EntityKind.CASE, "c-north-1-case")
            assert case.status is CaseStatus.WAITING_CUSTOMER and case.first_response_at is not None
            stored = store.load(db, EntityKind.INTERACTION, sent[0].id)
            assert stored is not None and stored.text == text and stored.direction is Direction.OUTBOUND
            assert stored.author_id == session.user.id and stored.case_id == "c-north-1-case"
        assert world.users["advisor"].id == session.user.id
    finally:
        client.close()
        cache.close()


# --- scripts from the centre, SMS, failures ----------------------------------------------------------


def test_a_central_script_overrides_the_shipped_one_and_a_broken_one_does_not(
    qtbot: Any, ctx: Any, world: World
) -> None:
    from advisor_desk.domain.model import ComplaintCategory, ReplyScript
    from advisor_desk.ui.composer.data import scripts_directory

    body = (scripts_directory() / "fr" / "late_delivery.toml").read_text(encoding="utf-8")
    body = body.replace("Nous sommes sincèrement désolés", "L’équipe de Lyon est sincèrement désolée")
    world.feed(ReplyScript("central-fr-late", ComplaintCategory.LATE_DELIVERY, Language.FR, body, NOW))
    panel = open_panel(qtbot, ctx, "cust-01", "case-limit")
    assert panel.current_script() is not None and panel.current_script().central
    choose_first(panel)
    assert "L’équipe de Lyon est sincèrement désolée" in panel.preview.toPlainText()
    # a team lead's typo never leaves the advisor without a script
    world.feed(
        ReplyScript("central-fr-late", ComplaintCategory.LATE_DELIVERY, Language.FR, "[[empathy]\nid=", NOW)
    )
    again = open_panel(qtbot, ctx, "cust-01", "case-limit")
    assert again.current_script() is not None and not again.current_script().central
    assert again.current_script().source == "fr/late_delivery.toml"


def test_sms_segments_are_counted_and_more_than_six_block(qtbot: Any, ctx: Any, world: World) -> None:
    from desk_world import TEAM

    from advisor_desk.domain.model import Case, CaseKind, ComplaintCategory

    world.feed(
        Case(
            "case-sms", "cust-01", CaseKind.COMPLAINT, ComplaintCategory.DAMAGED_ITEM, CaseStatus.NEW,
            Channel.SMS, "Vase cassé", NOW - timedelta(hours=1), TEAM,
        )
    )  # fmt: skip
    panel = open_panel(qtbot, ctx, "cust-01", "case-sms")
    assert panel.state is not None and panel.state.script.variant.value == "short"
    choose_first(panel)
    sms = panel.result(CheckCode.SMS_SEGMENTS)
    assert sms is not None and sms.passed and panel.counter.isVisible()
    assert panel.counter.text().startswith(f"{sms.detail['segments']} segment(s)")
    type_into(qtbot, panel, ReplyStep.SOLVE, "Votre vase arrive. " + "x" * 940)
    sms = panel.result(CheckCode.SMS_SEGMENTS)
    assert sms is not None and not sms.passed and sms.detail["segments"] > 6
    assert CheckCode.SMS_SEGMENTS in panel.blocking_codes()
    type_into(qtbot, panel, ReplyStep.SOLVE, "Votre vase arrive 🙂")
    assert "Unicode because of" in panel.counter.text() and "🙂" in panel.counter.text()


def test_a_case_changed_meanwhile_sends_nothing_and_keeps_the_draft(
    qtbot: Any, ctx: Any, world: World
) -> None:
    panel = open_panel(qtbot, ctx, "cust-01", "case-limit")
    ready_to_send(qtbot, panel)
    assert panel.status_combo.currentData() == CaseStatus.WAITING_CUSTOMER.value
    case = world.cache.case("case-limit")
    from dataclasses import replace

    world.feed(replace(case, status=CaseStatus.RESOLVED, version=case.version + 1))  # resolved elsewhere
    panel.send()
    settle(qtbot, ctx)
    assert "cannot take this status now" in panel.send_reason.text()
    assert not panel.notice.isHidden() and "Nothing was sent" in panel.notice.text()
    qtbot.waitUntil(lambda: world.cache.load_draft("case-limit") is not None, timeout=5000)
    outbound = [
        i
        for i in world.cache.interactions_by_ids(world.cache.interaction_ids("cust-01", case_id="case-limit"))
        if i.direction is Direction.OUTBOUND
    ]
    assert outbound == []


def test_a_draft_already_sent_is_not_offered_again(qtbot: Any, ctx: Any, world: World) -> None:
    panel = open_panel(qtbot, ctx, "cust-01", "case-limit")
    ready_to_send(qtbot, panel)
    panel.save_draft()
    settle(qtbot, ctx)
    text = panel.state.draft.final_text()
    # the desk stopped after writing the reply, before dropping the draft
    world.cache.send_reply("case-limit", Channel.EMAIL, text, ADVISOR)
    assert world.cache.load_draft("case-limit") is not None
    panel.set_selection("cust-01", "case-ontime")
    settle(qtbot, ctx)
    panel.set_selection("cust-01", "case-limit")
    settle(qtbot, ctx)
    assert panel.state is not None and panel.state.draft.body_text() == ""
    assert world.cache.load_draft("case-limit") is None
