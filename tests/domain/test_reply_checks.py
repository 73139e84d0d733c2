"""Pre-send checks: lengths at their edges, score-begging in both languages, empathy, personalisation."""

from __future__ import annotations

import pytest

from advisor_desk.domain.channels import Channel
from advisor_desk.domain.model import CaseKind, Language
from advisor_desk.domain.reply_checks import (
    MAX_SMS_SEGMENTS,
    CheckCode,
    CheckResult,
    Severity,
    check_reply,
    score_begging,
    sending_verdict,
    twitter_length,
    word_count,
)
from advisor_desk.domain.scripts import ReplyDraft
from advisor_desk.domain.sms import SmsEncoding, count_sms, gsm_friendly

EMPATHY = "Bonjour Madame Martin, nous sommes sincèrement désolés pour ce retard."
SOLUTION = "Votre commande CMD-42 part aujourd’hui en express, à nos frais."
CLOSING = "Je vous recontacte jeudi pour vérifier la livraison."


def run(
    reply: ReplyDraft | str,
    channel: Channel = Channel.EMAIL,
    kind: CaseKind = CaseKind.COMPLAINT,
    specifics: tuple[str, ...] = ("CMD-42",),
    new: bool = False,
    acknowledged: bool = True,
) -> dict[CheckCode, CheckResult]:
    results = check_reply(
        reply,
        case_kind=kind,
        channel=channel,
        language=Language.FR,
        customer_first_name="Élodie",
        customer_last_name="Martin",
        case_specifics=list(specifics),
        is_new_complaint=new,
        acknowledged=acknowledged,
    )
    codes = [r.code for r in results]
    assert len(codes) == len(set(codes))
    return {r.code: r for r in results}


# --- Twitter/X length -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "length"),
    [
        ("é" * 280, 280),
        ("e\u0301" * 10, 10),  # decomposed accents are normalised first, as Twitter does
        ("œ« »’–", 6),
        ("…", 2),  # outside Twitter's light ranges, like most symbols
        ("👍", 2),
        ("👍🏽", 2),  # skin tone
        ("👨‍👩‍👧‍👦", 2),  # ZWJ family
        ("🇫🇷", 2),  # flag
        ("1️⃣", 2),  # keycap
        ("❤️", 2),
        ("©", 1),
        ("日本", 4),
        ("voir https://example.com/suivi/colis/123456789012345678901234567890 merci", 5 + 23 + 6),
    ],
)
def test_twitter_length_counts_like_twitter(text: str, length: int) -> None:
    assert twitter_length(text) == length


def test_tweet_of_exactly_280_passes_and_281_blocks_with_emoji_and_accents() -> None:
    body = "Élodie, désolés 🙏 " + "é" * 100 + " 👨‍👩‍👧 "
    base = twitter_length(body)
    fill = 280 - base
    exact = run(body + "à" * fill, Channel.TWITTER)[CheckCode.TWITTER_LENGTH]
    assert exact.passed and exact.detail["length"] == 280 and exact.detail["remaining"] == 0
    over = run(body + "à" * fill + "🙂", Channel.TWITTER)[CheckCode.TWITTER_LENGTH]
    assert not over.passed and over.blocks and over.detail["length"] == 282
    one_over = run(body + "à" * (fill + 1), Channel.TWITTER)[CheckCode.TWITTER_LENGTH]
    assert one_over.blocks and one_over.detail["length"] == 281


# --- SMS segments ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "encoding", "units", "segments", "remaining"),
    [
        ("", SmsEncoding.GSM7, 0, 0, 160),
        ("a" * 160, SmsEncoding.GSM7, 160, 1, 0),
        ("a" * 161, SmsEncoding.GSM7, 161, 2, 145),
        ("é" * 153 * 2, SmsEncoding.GSM7, 306, 2, 0),  # é, è, à, ù are in GSM-7
        ("a" * 159 + "€", SmsEncoding.GSM7, 161, 2, 145),  # € is an extension character: two septets
        ("a" * 158 + "€", SmsEncoding.GSM7, 160, 1, 0),
        ("a" * 152 + "€" + "a", SmsEncoding.GSM7, 155, 1, 5),
        ("a" * 152 + "€" + "a" * 152, SmsEncoding.GSM7, 306, 3, 152),  # the escape pair is never split
        ("ê" * 70, SmsEncoding.UCS2, 70, 1, 0),
        ("ê" * 71, SmsEncoding.UCS2, 71, 2, 63),
        ("a" * 69 + "œ", SmsEncoding.UCS2, 70, 1, 0),
        ("a" * 70 + "œ", SmsEncoding.UCS2, 71, 2, 63),
        ("a" * 68 + "😀", SmsEncoding.UCS2, 70, 1, 0),  # an emoji is two UTF-16 units
        ("a" * 69 + "😀", SmsEncoding.UCS2, 71, 2, 63),
        ("a" * 66 + "😀" + "a" * 10, SmsEncoding.UCS2, 78, 2, 55),
        ("a" * 66 + "😀" + "a" * 66, SmsEncoding.UCS2, 134, 3, 66),  # the surrogate pair is never split
    ],
)
def test_sms_segments_at_the_edges(
    text: str, encoding: SmsEncoding, units: int, segments: int, remaining: int
) -> None:
    count = count_sms(text)
    assert (count.encoding, count.units, count.segments, count.remaining) == (
        encoding,
        units,
        segments,
        remaining,
    )


def test_sms_reports_what_forces_unicode_and_gsm_friendly_typography_avoids_it() -> None:
    typographic = "C’est «\u00a0réglé\u00a0»\u202f! À jeudi…"
    assert count_sms(typographic).non_gsm == ("’", "«", "\u00a0", "»", "\u202f", "À", "…")
    plain = gsm_friendly(typographic)
    assert plain == 'C\'est "réglé" ! À jeudi...'
    assert count_sms(plain).non_gsm == ("À",)  # letters are left alone
    assert count_sms("ça").non_gsm == ("ç",)  # only the capital Ç is in GSM-7
    assert count_sms("Ça").encoding is SmsEncoding.GSM7


def test_sms_check_shows_segments_and_blocks_past_the_maximum() -> None:
    ok = run(ReplyDraft(Channel.SMS, Language.FR, EMPATHY, SOLUTION, CLOSING, "^Karim"), Channel.SMS)
    sms = ok[CheckCode.SMS_SEGMENTS]
    assert sms.passed and sms.severity is Severity.BLOCK
    # The draft goes out in GSM typography: the apostrophe of "aujourd’hui" no longer forces UCS-2.
    assert sms.detail["encoding"] == "gsm7" and sms.detail["segments"] == 2 and sms.detail["non_gsm"] == []
    longest = "a" * 153 * MAX_SMS_SEGMENTS
    assert run(longest, Channel.SMS)[CheckCode.SMS_SEGMENTS].passed
    too_long = run(longest + "a", Channel.SMS)[CheckCode.SMS_SEGMENTS]
    assert too_long.blocks and too_long.detail["segments"] == MAX_SMS_SEGMENTS + 1


# --- score-begging ----------------------------------------------------------------------------------------

BEGGING = [
    "Mettez-nous 5 étoiles !",
    "METTEZ NOUS 5 ETOILES",
    "Donnez-nous la note de 10 dans l’enquête.",
    "Notez-nous 9 ou 10, ça compte pour l’équipe.",
    "Merci de nous attribuer la meilleure note.",
    "N’hésitez pas à nous mettre 10/10 !",
    "Une bonne note débute à 9.",
    "Un 10 serait vraiment apprécié.",
    "Si vous pouviez cocher 10 dans le questionnaire…",
    "Laissez-nous un avis positif sur le site.",
    "Nous espérons obtenir cinq étoiles de votre part.",
    "Give us a 10!",
    "Please rate us 5 stars.",
    "A 9 or 10 would really help us.",
    "We’d love a 10 in the survey.",
    "Leave us a five-star review.",
    "Please give us the highest score.",
    "Could you rate us highly?",
    "Anything below a 9 counts as negative for us.",
    "Give us a 9\u200b or 10",  # a zero-width space does not hide it
    "N’oubliez pas de répondre 9 ou 10 à l’enquête.",
    "Cochez «\u00a0très satisfait\u00a0» dans le questionnaire.",
    "Si vous êtes satisfaite, une note de 10 nous aiderait beaucoup.",
    "Votre 10/10 compterait énormément.",
    "Pensez à nous mettre 5 étoiles.",
    "Please consider a 5-star rating.",
    "Select “Excellent” in the survey.",
    "It would be great if you could score us 9 or 10.",
]

NEUTRAL = [
    "Vous pourrez évaluer notre service de 1 à 5.",
    "Votre avis compte : vous pourrez noter notre échange de 1 à 5.",
    "How would you rate us?",
    "On a scale from 0 to 10, how likely are you to recommend us?",
    "Nous vous remboursons 10 € dès aujourd’hui.",
    "Donnez-nous 10 minutes pour vérifier.",
    "Je vous rappelle le 10 décembre.",
    "Laissez-nous 9 jours pour le remplacement.",
    "Nous avons pris bonne note de votre remarque.",
    "Notez bien que le colis arrive à 10 h.",
    "Un rappel à 10 heures vous conviendrait-il ?",
    "Choose a 10 € voucher or a refund.",
    "We give a 15% discount on your next order.",
    "Please give us your honest feedback.",
    "Your 5 items will arrive on Friday.",
    "Mettez-nous en copie de votre réponse.",
    "Choisissez la taille 10 si le 9 est trop petit.",
    "Vous pourrez nous attribuer une note de 1 à 5.",
    "Rate us from 1 to 5 stars.",
    "We give you a 10 percent discount.",
    "Nous vous accordons une remise de 10 %.",
    "Nous espérons que vous serez très satisfaite de votre tente.",
    "Nous espérons que les 5 articles vous plairont.",
    "Répondez-nous avant le 10.",
    "Choose the excellent option of an exchange or a refund.",
]


@pytest.mark.parametrize("text", BEGGING)
def test_score_begging_is_found_in_both_languages(text: str) -> None:
    found = score_begging(text)
    assert found, text
    check = run(f"{EMPATHY} {text} {SOLUTION}")[CheckCode.SCORE_BEGGING]
    assert check.blocks
    match = check.detail["matches"][0]  # type: ignore[index]
    assert text.startswith(match["text"][:3]) or match["text"] in text  # type: ignore[index]


@pytest.mark.parametrize("text", NEUTRAL)
def test_neutral_invitations_and_numbers_are_not_score_begging(text: str) -> None:
    assert score_begging(text) == [], text


def test_score_begging_positions_point_at_the_original_text() -> None:
    text = "Merci Élodie ! Œuvre faite ; mettez-nous 5 étoiles."
    [(start, end)] = score_begging(text)
    assert text[start:end] == "mettez-nous 5 étoiles"


# --- placeholders, verdict ------------------------------------------------------------------------------


def test_unfilled_placeholder_blocks_with_its_position() -> None:
    draft = ReplyDraft(Channel.EMAIL, Language.FR, EMPATHY, "Commande [[order.number]].", CLOSING)
    check = run(draft)[CheckCode.PLACEHOLDERS_FILLED]
    assert check.blocks
    [placeholder] = check.detail["placeholders"]  # type: ignore[misc]
    assert placeholder["name"] == "order.number"
    assert draft.text()[placeholder["start"] : placeholder["end"]] == "[[order.number]]"


def test_sending_verdict_blocks_and_asks_for_overrides() -> None:
    terse = run(ReplyDraft(Channel.EMAIL, Language.FR, EMPATHY, SOLUTION, CLOSING))
    results = list(terse.values())
    verdict = sending_verdict(results)
    assert not verdict.allowed and verdict.blocking == () and verdict.unconfirmed == (CheckCode.SUBSTANCE,)
    assert sending_verdict(results, {CheckCode.SUBSTANCE}).allowed
    # An override never lifts a block.
    begging = list(run(f"{EMPATHY} Mettez-nous 5 étoiles. {SOLUTION}", Channel.CHAT).values())
    verdict = sending_verdict(begging, set(CheckCode))
    assert not verdict.allowed and verdict.blocking == (CheckCode.SCORE_BEGGING,)


# --- substance --------------------------------------------------------------------------------------------


def test_email_needs_sixty_words_signature_excluded() -> None:
    words = ["mot"] * 57
    body = " ".join(words)
    short = ReplyDraft(
        Channel.EMAIL, Language.FR, "Élodie, désolés.", body, "", "Karim Benali, service client"
    )
    assert word_count(short.body_text()) == 59
    check = run(short)[CheckCode.SUBSTANCE]
    assert check.needs_override and check.detail == {"words": 59, "minimum": 60}
    enough = ReplyDraft(Channel.LETTER, Language.FR, "Élodie, désolés.", body + " merci", "", "Karim")
    assert run(enough, Channel.LETTER)[CheckCode.SUBSTANCE].passed
    assert word_count("aujourd’hui l'envoi porte-monnaie, 12 €") == 4
    assert CheckCode.SUBSTANCE not in run(short, Channel.CHAT)


# --- empathy ---------------------------------------------------------------------------------------------


def test_complaint_without_empathy_part_asks_for_override() -> None:
    draft = ReplyDraft(Channel.EMAIL, Language.FR, "", SOLUTION, CLOSING)
    results = run(draft)
    assert results[CheckCode.EMPATHY_PRESENT].needs_override
    assert results[CheckCode.EMPATHY_FIRST].needs_override


def test_empathy_written_after_the_solution_is_not_first() -> None:
    # The acknowledge step was used for the solution and the apology came later.
    draft = ReplyDraft(
        Channel.EMAIL, Language.FR, "Bonjour Madame Martin, voici ce que nous faisons.", SOLUTION, EMPATHY
    )
    results = run(draft)
    assert results[CheckCode.EMPATHY_PRESENT].passed
    assert results[CheckCode.EMPATHY_FIRST].needs_override
    good = run(ReplyDraft(Channel.EMAIL, Language.FR, EMPATHY, SOLUTION, CLOSING))
    assert good[CheckCode.EMPATHY_PRESENT].passed and good[CheckCode.EMPATHY_FIRST].passed


def test_empathy_in_plain_text_must_open_the_reply() -> None:
    first = "Madame Martin,\n\nWe are so sorry for the delay. " + SOLUTION
    assert run(first)[CheckCode.EMPATHY_FIRST].passed
    late = "Madame Martin,\n\nVotre colis part. Il arrive jeudi. Le transporteur est prévenu. Nous en sommes navrés."
    results = run(late)
    assert results[CheckCode.EMPATHY_PRESENT].passed and results[CheckCode.EMPATHY_FIRST].needs_override
    assert run("Madame Martin, votre colis part jeudi.")[CheckCode.EMPATHY_PRESENT].needs_override


def test_empathy_is_not_required_for_praise_or_information() -> None:
    for kind in (CaseKind.PRAISE, CaseKind.INFORMATION, CaseKind.REQUEST):
        results = run("Bonjour Élodie, merci pour votre message sur la commande CMD-42.", kind=kind)
        assert CheckCode.EMPATHY_PRESENT not in results and CheckCode.EMPATHY_FIRST not in results


# --- personalisation and acknowledgement ----------------------------------------------------------------


def test_personalisation_needs_the_name_and_a_specific() -> None:
    results = run(f"{EMPATHY} {SOLUTION}")
    assert results[CheckCode.PERSONAL_NAME].passed and results[CheckCode.PERSONAL_SPECIFICS].passed
    anonymous = run("Bonjour, nous sommes désolés. Votre colis part aujourd’hui.")
    assert anonymous[CheckCode.PERSONAL_NAME].needs_override
    assert anonymous[CheckCode.PERSONAL_SPECIFICS].needs_override
    assert anonymous[CheckCode.PERSONAL_SPECIFICS].detail["mentioned"] == []


def test_name_matching_ignores_accents_and_case_but_not_word_boundaries() -> None:
    assert run("Bonjour ELODIE, désolés.")[CheckCode.PERSONAL_NAME].passed
    assert not run("Bonjour Martinez, désolés.")[CheckCode.PERSONAL_NAME].passed
    assert run("Order cmd-42 is late", specifics=("CMD-42", ""))[CheckCode.PERSONAL_SPECIFICS].passed
    # Nothing known to mention: the check cannot fail the advisor for it.
    assert run("Bonjour Élodie", specifics=())[CheckCode.PERSONAL_SPECIFICS].passed


def test_acknowledgement_offered_for_a_new_complaint_only() -> None:
    new = run(EMPATHY, new=True, acknowledged=False)[CheckCode.ACKNOWLEDGEMENT]
    assert not new.passed and new.severity is Severity.INFO and new.detail["suggest"] == "acknowledge"
    assert not new.blocks and not new.needs_override
    assert run(EMPATHY, new=True, acknowledged=True)[CheckCode.ACKNOWLEDGEMENT].passed
    assert CheckCode.ACKNOWLEDGEMENT not in run(EMPATHY, new=False)


def test_codes_are_stable_strings() -> None:
    assert {c.value for c in CheckCode} == {
        "placeholders_filled",
        "score_begging",
        "twitter_length",
        "sms_segments",
        "substance",
        "empathy_present",
        "empathy_first",
        "personal_name",
        "personal_specifics",
        "acknowledgement",
    }
