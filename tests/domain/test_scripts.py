"""The shipped script library, script validation, central overrides and the three-step draft."""

from __future__ import annotations

import itertools
import re
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from advisor_desk.domain.channels import Channel
from advisor_desk.domain.model import (
    Case,
    CaseKind,
    CaseStatus,
    ComplaintCategory,
    Customer,
    GestureCode,
    Language,
    Order,
    Product,
    ReplyScript,
)
from advisor_desk.domain.reply_checks import Severity, check_reply, empathy_positions, score_begging
from advisor_desk.domain.scripts import (
    KNOWN_PLACEHOLDERS,
    SHIPPED_SCRIPTS_DIRECTORY,
    GrantedGesture,
    ReplyDraft,
    ReplyStep,
    ScriptError,
    Variant,
    form_of_address,
    format_date,
    format_money,
    kind_of,
    load_library,
    parse_script,
    reply_context,
    suggest_followup_date,
)
from advisor_desk.domain.templates import parse

OPENED = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)
CUSTOMER = Customer(
    id="cu-1", first_name="Élodie", last_name="Martin", title="Mme", tier="standard", language=Language.FR
)
ORDER = Order(
    id="or-1",
    number="CMD-2026-104217",
    customer_id="cu-1",
    placed_at=OPENED,
    currency="EUR",
    total_cents=8990,
)
PRODUCT = Product(id="pr-1", sku="8551234", name="Tente 2 secondes Easy Fresh 3 places")


def case_for(category: ComplaintCategory) -> Case:
    return Case(
        id="5f3c9a2e-0000-4000-8000-000000000001",
        customer_id="cu-1",
        kind=kind_of(category),
        category=category,
        status=CaseStatus.NEW,
        channel=Channel.EMAIL,
        subject="Colis jamais arrivé malgré deux relances",
        opened_at=OPENED,
        team="Équipe Lyon",
        order_id="or-1",
        product_id="pr-1",
    )


def full_context(
    category: ComplaintCategory, language: Language, gesture: GestureCode | None
) -> dict[str, object]:
    context = reply_context(
        language=language,
        customer=CUSTOMER,
        advisor_first_name="Karim",
        advisor_name="Karim Benali",
        case=case_for(category),
        order=ORDER,
        product=PRODUCT,
        gesture=GrantedGesture(gesture, 1500, "EUR", "BON-7F3K") if gesture else None,
        followup_date=date(2026, 11, 25),
        order_date=date(2026, 11, 18),
    )
    # The one slot always written by the advisor (the answer to a question).
    context["answer"] = {"text": "oui, la livraison est offerte dès 50 € d’achat"}
    return context


@pytest.fixture(scope="module")
def library():  # type: ignore[no-untyped-def]
    return load_library(SHIPPED_SCRIPTS_DIRECTORY, strict=True)


def test_every_category_is_shipped_in_french_and_english(library) -> None:  # type: ignore[no-untyped-def]
    assert not library.problems
    for category, language in itertools.product(ComplaintCategory, Language):
        script = library.get(category, language)
        assert script is not None, (category, language)
        assert len(script.empathy) >= 2 and script.solutions and script.closings
        # Some paths of every complaint script suggest a goodwill gesture.
        if kind_of(category) is CaseKind.COMPLAINT:
            assert any(s.gesture for s in script.solutions), script.source


def _drafts(library, channel: Channel):  # type: ignore[no-untyped-def]
    """Every combination of opening, solution and closing of every script, rendered for ``channel``."""
    for category, language in itertools.product(ComplaintCategory, Language):
        script = library.for_case(category, language, channel)
        for opening, solution, closing in itertools.product(
            script.empathy, script.solutions, script.closings
        ):
            context = full_context(category, language, solution.gesture)
            parts = [script.render(option, context) for option in (opening, solution, closing)]
            signature = script.render(script.signature, context)
            for rendered in (*parts, signature):
                assert rendered.complete, (script.source, rendered.missing)
            draft = ReplyDraft(channel, language)
            for step, rendered in zip(ReplyStep, parts, strict=True):
                draft = draft.with_part(step, rendered.text)
            yield category, language, draft.with_signature(signature.text)


@pytest.mark.parametrize("channel", [Channel.EMAIL, Channel.LETTER, Channel.TWITTER, Channel.SMS])
def test_every_shipped_combination_renders_fully_and_passes_every_check(library, channel: Channel) -> None:  # type: ignore[no-untyped-def]
    count = 0
    for category, language, draft in _drafts(library, channel):
        results = check_reply(
            draft,
            case_kind=kind_of(category),
            channel=channel,
            language=language,
            customer_first_name=CUSTOMER.first_name,
            customer_last_name=CUSTOMER.last_name,
            case_specifics=[ORDER.number, PRODUCT.name, case_for(category).subject],
            is_new_complaint=False,
            acknowledged=True,
        )
        failed = [(r.code, dict(r.detail)) for r in results if not r.passed]
        assert not failed, (category.value, language.value, failed, draft.text())
        count += 1
    assert count > 26 * 10


def test_acknowledgements_render_fully_and_never_beg(library) -> None:  # type: ignore[no-untyped-def]
    for script in library.scripts.values():
        for variant in Variant:
            text = parse(script.acknowledgement.template(variant))
            assert "case.reference" in text.names
            rendered = script.render(
                script.acknowledgement, full_context(script.category, script.language, None)
            )
            assert rendered.complete and not score_begging(rendered.text)


def test_complaint_openings_express_empathy_and_solutions_name_a_specific(library) -> None:  # type: ignore[no-untyped-def]
    specifics = {"order.number", "product.name", "case.subject"}
    for script in library.scripts.values():
        for variant in Variant:
            for solution in script.solutions:
                assert specifics & set(parse(solution.template(variant)).names), (script.source, solution.id)
            for opening in script.empathy:
                names = parse(opening.template(variant)).names
                assert names[0] == "customer.address", (script.source, opening.id)
                if script.kind is CaseKind.COMPLAINT:
                    assert empathy_positions(opening.template(variant)), (script.source, opening.id, variant)
            for closing in script.closings:
                assert "followup.date" in parse(closing.template(variant)).names, (script.source, closing.id)


def test_gesture_paths_mention_what_was_granted(library) -> None:  # type: ignore[no-untyped-def]
    for script in library.scripts.values():
        for solution in script.solutions:
            if solution.gesture is None:
                continue
            names = set(parse(solution.text).names) | set(parse(solution.short).names)
            if solution.gesture in (GestureCode.REPLACEMENT, GestureCode.EXCHANGE):
                continue  # the item itself is the gesture; no amount is worth quoting
            wanted = "gesture.points" if solution.gesture is GestureCode.LOYALTY_POINTS else "gesture.amount"
            assert wanted in names, (script.source, solution.id)


def test_french_typography_and_english_apostrophes() -> None:
    for path in sorted(SHIPPED_SCRIPTS_DIRECTORY.glob("fr/*.toml")):
        text = path.read_text(encoding="utf-8")
        assert "'" not in text, path.name
        assert not re.search(r"[^\u00a0\u202f][:;!?](?:\s|$|\")", text.split("\n[[", 1)[1]), path.name
        assert not re.search(r" [:;!?]|« | »", text), path.name
    for path in sorted(SHIPPED_SCRIPTS_DIRECTORY.glob("en/*.toml")):
        assert "'" not in path.read_text(encoding="utf-8"), path.name


def test_placeholders_used_by_the_library_are_all_known_and_all_documented() -> None:
    readme = (SHIPPED_SCRIPTS_DIRECTORY / "README.md").read_text(encoding="utf-8")
    for name in KNOWN_PLACEHOLDERS:
        assert f"{{{{ {name} }}}}" in readme, name


# --- choosing the variant -----------------------------------------------------------------------------


def test_for_case_picks_short_variants_for_twitter_and_sms_only(library) -> None:  # type: ignore[no-untyped-def]
    for channel in Channel:
        script = library.for_case(ComplaintCategory.LATE_DELIVERY, Language.FR, channel)
        expected = Variant.SHORT if channel in (Channel.TWITTER, Channel.SMS) else Variant.FULL
        assert script.variant is expected
        opening = script.empathy[0]
        assert script.template(opening) == (opening.short if expected is Variant.SHORT else opening.text)


def test_for_case_falls_back_to_other_then_fails_clearly(library) -> None:  # type: ignore[no-untyped-def]
    partial = load_library(SHIPPED_SCRIPTS_DIRECTORY)
    scripts = {k: v for k, v in partial.scripts.items() if k[0] is not ComplaintCategory.BILLING_ERROR}
    from advisor_desk.domain.scripts import ScriptLibrary

    reduced = ScriptLibrary(scripts)
    assert reduced.for_case(ComplaintCategory.BILLING_ERROR, Language.EN, Channel.EMAIL).category is (
        ComplaintCategory.OTHER
    )
    with pytest.raises(LookupError, match="billing_error in fr"):
        ScriptLibrary({}).for_case(ComplaintCategory.BILLING_ERROR, Language.FR, Channel.EMAIL)


def test_solutions_for_a_granted_gesture(library) -> None:  # type: ignore[no-untyped-def]
    script = library.for_case(ComplaintCategory.LATE_DELIVERY, Language.FR, Channel.EMAIL)
    paths = script.solutions_for_gesture(GestureCode.SHIPPING_REFUND)
    assert [p.id for p in paths] == ["fr-late-shipping-refund"]
    context = full_context(ComplaintCategory.LATE_DELIVERY, Language.FR, GestureCode.SHIPPING_REFUND)
    assert "15\u00a0€" in script.render(paths[0], context).text
    assert script.option("fr-late-followup").id == "fr-late-followup"
    with pytest.raises(KeyError):
        script.option("nope")


# --- validation ------------------------------------------------------------------------------------------

VALID = """
[[empathy]]
id = "a"
text = "{{ customer.address }}, désolés."
short = "{{ customer.address }}, désolés."
[[empathy]]
id = "b"
text = "{{ customer.address }}, navrés."
short = "{{ customer.address }}, navrés."
[[solution]]
id = "c"
title = "Bon"
gesture = "voucher"
text = "Un bon de {{ gesture.amount }} pour {{ order.number }}."
short = "Bon de {{ gesture.amount }}."
[[closing]]
id = "d"
text = "Je reviens le {{ followup.date }}."
short = "Le {{ followup.date }}."
[signature]
text = "{{ advisor.first_name }}"
short = "^{{ advisor.first_name }}"
[acknowledgement]
text = "Bien reçu ({{ case.reference }})."
short = "Reçu."
"""


def test_a_minimal_valid_script_parses() -> None:
    script = parse_script(VALID, "fr/other.toml", ComplaintCategory.OTHER, Language.FR)
    assert [o.id for o in script.empathy] == ["a", "b"]
    assert script.solutions[0].gesture is GestureCode.VOUCHER
    assert script.kind is CaseKind.COMPLAINT


@pytest.mark.parametrize(
    ("edit", "field", "message"),
    [
        (lambda t: t.replace('id = "b"', 'id = "a"'), "empathy[2].id", "used twice"),
        (
            lambda t: t.replace("{{ order.number }}", "{{ oder.number }}"),
            "solution[1].text",
            "unknown placeholder",
        ),
        (
            lambda t: t.replace('gesture = "voucher"', 'gesture = "cash"'),
            "solution[1].gesture",
            "unknown gesture",
        ),
        (lambda t: t.replace('short = "Le {{', 'shrot = "Le {{'), "closing[1].shrot", "unknown key"),
        (lambda t: t.replace('short = "Le {{', 'shrot = "Le {{'), "closing[1].short", "missing"),
        (
            lambda t: t.replace('{{ advisor.first_name }}"\nshort', '{% if x %}"\nshort'),
            "signature.text",
            "not supported",
        ),
        (lambda t: t.replace('title = "Bon"', 'title = ""'), "solution[1].title", "non-empty"),
        (lambda t: 'category = "praise"\n' + t, "category", "says 'praise'"),
        (
            lambda t: t.split('[[empathy]]\nid = "b"')[0] + "[[solution]]" + t.split("[[solution]]")[1],
            "empathy",
            "at least 2",
        ),
        (lambda t: t.replace("[acknowledgement]", "[acknowledgment]"), "acknowledgement", "is required"),
        (
            lambda t: t.replace('short = "Reçu."', 'short = "' + "Reçu. " * 25 + '"'),
            "acknowledgement.short",
            "too long",
        ),
        (
            lambda t: t.replace('{{ followup.date }}."\nshort', '{{ __class__ }}."\nshort'),
            "closing[1].text",
            "underscore",
        ),
    ],
)
def test_validation_names_the_file_and_the_field(edit, field: str, message: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ScriptError) as caught:
        parse_script(edit(VALID), "fr/other.toml", ComplaintCategory.OTHER, Language.FR)
    problems = {(p.field, p.message) for p in caught.value.problems}
    assert any(f == field and message in m for f, m in problems), problems
    assert str(caught.value).startswith("fr/other.toml: ")


def test_broken_toml_is_reported_with_its_line() -> None:
    with pytest.raises(ScriptError, match=r"central script x: not valid TOML: .*line 3"):
        parse_script(
            '[[empathy]]\nid = "a"\ntext = oops\n', "central script x", ComplaintCategory.OTHER, Language.FR
        )


def test_load_library_reports_bad_files_and_keeps_the_good_ones(tmp_path: Path) -> None:
    (tmp_path / "fr").mkdir()
    (tmp_path / "fr" / "other.toml").write_text(VALID, encoding="utf-8")
    (tmp_path / "fr" / "late_delivery.toml").write_text(
        VALID.replace("{{ order.number }}", "{{ order }"), encoding="utf-8"
    )
    (tmp_path / "fr" / "holidays.toml").write_text(VALID, encoding="utf-8")
    (tmp_path / "fr" / "praise.toml").write_bytes(b"\xff\xfe not utf-8")
    library = load_library(tmp_path)
    assert set(library.scripts) == {(ComplaintCategory.OTHER, Language.FR)}
    sources = sorted(p.source for p in library.problems)
    assert sources == ["fr/holidays.toml", "fr/late_delivery.toml", "fr/praise.toml"]
    # The late-delivery file falls back to "other" rather than leaving the advisor without a script.
    assert (
        library.for_case(ComplaintCategory.LATE_DELIVERY, Language.FR, Channel.SMS).category
        is ComplaintCategory.OTHER
    )
    with pytest.raises(ScriptError, match="late_delivery.toml: solution"):
        load_library(tmp_path, strict=True)


# --- central overrides -----------------------------------------------------------------------------------


def central(body: str, when: datetime | None, ident: str = "s-1") -> ReplyScript:
    return ReplyScript(ident, ComplaintCategory.OTHER, Language.FR, body, updated_at=when)


def test_central_scripts_override_shipped_ones_and_the_latest_wins(library) -> None:  # type: ignore[no-untyped-def]
    older = central(VALID.replace("désolés", "vraiment désolés"), datetime(2026, 11, 1, tzinfo=UTC), "s-old")
    newer = central(
        VALID.replace("désolés", "sincèrement désolés"), datetime(2026, 11, 20, tzinfo=UTC), "s-new"
    )
    merged = library.with_overrides([newer, older])
    script = merged.for_case(ComplaintCategory.OTHER, Language.FR, Channel.EMAIL)
    assert script.central and script.source == "central script s-new"
    assert "sincèrement désolés" in script.empathy[0].text
    # Other keys keep their shipped script; the English "other" is untouched.
    assert not merged.for_case(ComplaintCategory.OTHER, Language.EN, Channel.EMAIL).central
    assert merged.get(ComplaintCategory.PRAISE, Language.FR) == library.get(
        ComplaintCategory.PRAISE, Language.FR
    )
    # Overrides replace, they do not accumulate: a later feed without the script restores the shipped one.
    assert not merged.with_overrides([]).for_case(ComplaintCategory.OTHER, Language.FR, Channel.EMAIL).central


def test_a_broken_central_script_keeps_the_shipped_one_and_is_reported(library) -> None:  # type: ignore[no-untyped-def]
    merged = library.with_overrides([central("[[empathy]]\nid = 3", None, "s-bad")])
    script = merged.for_case(ComplaintCategory.OTHER, Language.FR, Channel.EMAIL)
    assert not script.central and script.source == "fr/other.toml"
    assert [p.source for p in merged.problems] == ["central script s-bad"]
    assert not merged.with_overrides([]).problems


# --- context values --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "tier", "language", "expected"),
    [
        ("Mme", "standard", Language.FR, "Bonjour Madame Martin"),
        ("Mme", "gold", Language.FR, "Madame Martin"),
        ("M.", "standard", Language.FR, "Bonjour Monsieur Martin"),
        ("Monsieur", "premium", Language.FR, "Monsieur Martin"),
        ("", "standard", Language.FR, "Bonjour Élodie"),
        ("", "gold", Language.EN, "Hello Élodie"),
        ("Mrs", "standard", Language.EN, "Hello Mrs Martin"),
        ("Mme", "vip", Language.EN, "Dear Ms Martin"),
        ("Mr", "standard", Language.EN, "Hello Mr Martin"),
        ("Dr", "standard", Language.FR, "Bonjour Élodie"),
    ],
)
def test_form_of_address(title: str, tier: str, language: Language, expected: str) -> None:
    customer = Customer(id="c", first_name="Élodie", last_name="Martin", title=title, tier=tier)
    assert form_of_address(customer, language) == expected


def test_form_of_address_is_empty_without_a_name_so_the_marker_shows() -> None:
    nobody = Customer(id="c", first_name=" ", last_name="", title="Mme")
    assert form_of_address(nobody, Language.FR) == ""
    context = reply_context(language=Language.FR, customer=nobody, advisor_first_name="Karim")
    from advisor_desk.domain.templates import render

    assert render("{{ customer.address }},", context).text == "[[customer.address]],"


def test_money_dates_and_followup_suggestion() -> None:
    assert format_money(1500, "EUR", Language.FR) == "15\u00a0€"
    assert format_money(123450, "EUR", Language.FR) == "1\u202f234,50\u00a0€"
    assert format_money(1250, "EUR", Language.EN) == "€12.50"
    assert format_money(123400, "GBP", Language.EN) == "£1,234"
    assert format_money(999, "CHF", Language.EN) == "CHF 9.99"
    assert format_date(date(2026, 12, 1), Language.FR) == "mardi 1er décembre"
    assert format_date(date(2026, 11, 26), Language.EN) == "Thursday 26 November"
    assert suggest_followup_date(date(2026, 11, 27)) == date(2026, 12, 1)  # Friday -> Tuesday
    assert suggest_followup_date(date(2026, 11, 23)) == date(2026, 11, 25)


def test_loyalty_points_and_missing_sections_in_context() -> None:
    context = reply_context(
        language=Language.EN,
        customer=CUSTOMER,
        advisor_first_name="Karim",
        gesture=GrantedGesture(GestureCode.LOYALTY_POINTS, 500, "EUR"),
    )
    assert context["gesture"] == {
        "amount": "€5",
        "name": "loyalty points",
        "points": "500",
        "voucher_code": "",
    }
    assert "order" not in context and "followup" not in context


# --- the draft -------------------------------------------------------------------------------------------


def test_draft_assembles_parts_in_order_whatever_the_order_they_were_written() -> None:
    draft = ReplyDraft(Channel.EMAIL, Language.FR).with_signature("Karim")
    draft = draft.with_part(ReplyStep.CLOSE, "Je reviens vers vous jeudi.")
    draft = draft.with_part(ReplyStep.SOLVE, "  Voici la solution.  ")
    draft = draft.with_part(ReplyStep.ACKNOWLEDGE, "Nous sommes désolés.")
    assert (
        draft.text() == "Nous sommes désolés.\n\nVoici la solution.\n\nJe reviens vers vous jeudi.\n\nKarim"
    )
    assert draft.body_text() == "Nous sommes désolés.\n\nVoici la solution.\n\nJe reviens vers vous jeudi."
    spans = {s.part: (s.start, s.end) for s in draft.spans()}
    text = draft.text()
    assert text[slice(*spans["solution"])] == "Voici la solution."
    assert text[slice(*spans["signature"])] == "Karim"
    assert draft.part(ReplyStep.SOLVE) == "  Voici la solution.  "


def test_short_draft_joins_with_spaces_and_sms_goes_out_in_gsm_typography() -> None:
    draft = ReplyDraft(
        Channel.SMS, Language.FR, "Bonjour Élodie, désolés\u202f!", "C’est «\u00a0réglé\u00a0».", "", "^Karim"
    )
    assert draft.text() == "Bonjour Élodie, désolés\u202f! C’est «\u00a0réglé\u00a0». ^Karim"
    assert draft.final_text() == 'Bonjour Élodie, désolés ! C\'est "réglé". ^Karim'
    assert ReplyDraft(Channel.TWITTER, Language.FR, "C’est").final_text() == "C’est"


def test_draft_reports_markers_left_in_edited_text() -> None:
    draft = ReplyDraft(
        Channel.EMAIL, Language.FR, "Bonjour [[customer.first_name]],", "Commande [[order.number]]."
    )
    missing = draft.missing()
    assert [m.name for m in missing] == ["customer.first_name", "order.number"]
    assert draft.text()[missing[1].start : missing[1].end] == "[[order.number]]"
    fixed = draft.with_part(ReplyStep.SOLVE, "Commande CMD-1.")
    assert [m.name for m in fixed.missing()] == ["customer.first_name"]


def test_a_script_full_reply_is_long_enough_but_a_bare_one_asks_for_override(library) -> None:  # type: ignore[no-untyped-def]
    draft = ReplyDraft(Channel.EMAIL, Language.FR, "Madame Martin, désolés.", "C’est fait.", "", "Karim")
    results = check_reply(
        draft,
        case_kind=CaseKind.COMPLAINT,
        channel=Channel.EMAIL,
        language=Language.FR,
        customer_first_name="Élodie",
        customer_last_name="Martin",
        case_specifics=[],
        is_new_complaint=False,
        acknowledged=False,
    )
    substance = next(r for r in results if r.code == "substance")
    assert not substance.passed and substance.severity is Severity.OVERRIDE


def test_draft_round_trips_through_its_saved_form_and_rejects_garbage() -> None:
    draft = ReplyDraft(Channel.TWITTER, Language.EN, "Sorry, Élodie.", "Fixed.", "Back Thursday.", "^Karim")
    assert ReplyDraft.from_dict(draft.to_dict()) == draft
    for bad in (
        {},
        {"channel": "pigeon", "language": "fr"},
        {"channel": "sms", "language": "fr", "empathy": 3},
    ):
        with pytest.raises(ValueError, match="not a saved reply draft"):
            ReplyDraft.from_dict(bad)


# --- the composer's state --------------------------------------------------------------------------------


def test_composer_walks_acknowledge_solve_close_and_inserts_a_granted_gesture(library) -> None:  # type: ignore[no-untyped-def]
    from advisor_desk.domain.scripts import ComposerState

    category = ComplaintCategory.LATE_DELIVERY
    script = library.for_case(category, Language.FR, Channel.EMAIL)
    context = full_context(category, Language.FR, None)
    del context["followup"]  # no follow-up date picked yet
    state = ComposerState.start(script, context, Channel.EMAIL)
    assert state.current_step is ReplyStep.ACKNOWLEDGE
    assert state.draft.text() == "Bien cordialement,\nKarim\nService client"

    state = state.choose(ReplyStep.ACKNOWLEDGE, script.empathy[1].id)
    assert state.current_step is ReplyStep.SOLVE
    assert state.draft.empathy.startswith("Bonjour Madame Martin,")

    state = state.choose(ReplyStep.SOLVE, "fr-late-voucher")
    state = state.choose(ReplyStep.CLOSE, "fr-late-followup")
    assert state.current_step is None
    assert [m.name for m in state.missing()] == ["gesture.amount", "followup.date"]

    # The compensation panel grants a shipping refund: the solution switches to the path that says so.
    state = state.grant(GrantedGesture(GestureCode.SHIPPING_REFUND, 599, "EUR"))
    assert state.chosen_id(ReplyStep.SOLVE) == "fr-late-shipping-refund"
    assert "5,99\u00a0€" in state.draft.solution
    # A follow-up date is picked: the closing is rendered again.
    state = state.with_context({**state.context, "followup": {"date": "jeudi 26 novembre"}})
    assert "jeudi 26 novembre" in state.draft.closing and not state.missing()

    # The advisor rewrites the closing by hand; later value changes never overwrite it.
    state = state.edit(ReplyStep.CLOSE, "Je vous appelle jeudi matin, Madame Martin.")
    state = state.with_context({**state.context, "followup": {"date": "vendredi 27 novembre"}})
    assert state.draft.closing == "Je vous appelle jeudi matin, Madame Martin."
    text = state.draft.text()
    assert text.index("excuses") < text.index("5,99") < text.index("jeudi matin") < text.index("Karim")

    results = check_reply(
        state.draft,
        case_kind=CaseKind.COMPLAINT,
        channel=Channel.EMAIL,
        language=Language.FR,
        customer_first_name="Élodie",
        customer_last_name="Martin",
        case_specifics=[ORDER.number],
        is_new_complaint=False,
        acknowledged=True,
    )
    assert all(r.passed for r in results), [r for r in results if not r.passed]


def test_composer_switches_language_keeping_choices_and_edits(library) -> None:  # type: ignore[no-untyped-def]
    from advisor_desk.domain.scripts import ComposerState

    category = ComplaintCategory.DAMAGED_ITEM
    french = library.for_case(category, Language.FR, Channel.TWITTER)
    state = ComposerState.start(french, full_context(category, Language.FR, None), Channel.TWITTER)
    state = state.choose(ReplyStep.ACKNOWLEDGE, french.empathy[2].id).choose(
        ReplyStep.SOLVE, french.solutions[0].id
    )
    state = state.edit(ReplyStep.CLOSE, "À jeudi !")
    english = library.for_case(category, Language.EN, Channel.TWITTER)
    switched = state.with_script(english).with_context(full_context(category, Language.EN, None))
    assert switched.draft.language is Language.EN
    assert switched.chosen_id(ReplyStep.ACKNOWLEDGE) == english.empathy[2].id
    assert switched.draft.empathy.startswith("Hello Ms Martin")
    assert switched.draft.closing == "À jeudi !"  # typed by the advisor: kept
    assert switched.draft.signature == "^Karim"
    with pytest.raises(KeyError, match="not an option of step solve"):
        switched.choose(ReplyStep.SOLVE, french.solutions[0].id)
    # An edited solution is never replaced by a granted gesture's path; the amount is still available.
    typed = switched.edit(ReplyStep.SOLVE, "We are refunding you.")
    granted = typed.grant(GrantedGesture(GestureCode.REFUND, 2000, "EUR"))
    assert granted.draft.solution == "We are refunding you."
    assert granted.context["gesture"] == {"amount": "€20", "name": "refund", "points": "", "voucher_code": ""}
