"""What the composer says: step names, each check's title and reason, the channel counter, in the user's words.

The domain's checks speak in codes with details (``CheckCode.TWITTER_LENGTH``, ``{"length": 281}``);
this module turns each into a short title and one translated sentence saying why it passed or what
to do. Every string goes through ``QCoreApplication.translate`` in the ``Composer`` context.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from advisor_desk.domain.reply_checks import CheckCode, CheckResult, Severity
from advisor_desk.domain.scripts import ReplyStep

# Called by this name so pyside6-lupdate finds every string (it does not follow a wrapper function).
translate = QCoreApplication.translate


def _fill(template: str, *values: object) -> str:
    # %1, %2... like QString::arg, without Qt's surprises on "%" inside customer-authored values.
    for index in range(len(values), 0, -1):
        template = template.replace(f"%{index}", str(values[index - 1]))
    return template


def _quoted(values: object) -> str:
    items = [str(v) for v in values] if isinstance(values, list | tuple) else [str(values)]
    return ", ".join(f"“{v}”" for v in items if v)


def step_title(step: ReplyStep) -> str:
    return {
        ReplyStep.ACKNOWLEDGE: translate("Composer", "Acknowledge"),
        ReplyStep.SOLVE: translate("Composer", "Solve"),
        ReplyStep.CLOSE: translate("Composer", "Close"),
    }[step]


def step_hint(step: ReplyStep) -> str:
    return {
        ReplyStep.ACKNOWLEDGE: translate(
            "Composer", "Welcome what the customer went through: pick an empathy opening or write your own."
        ),
        ReplyStep.SOLVE: translate(
            "Composer",
            "Restate the situation and give the solution. A gesture granted in Say yes comes here.",
        ),
        ReplyStep.CLOSE: translate("Composer", "Commit to a follow-up, then sign."),
    }[step]


def placeholder_name(name: str) -> str:
    """What a value still to fill in is, in words ("order.number" -> "order number")."""
    known = {
        "customer.address": translate("Composer", "greeting"),
        "customer.first_name": translate("Composer", "customer's first name"),
        "customer.last_name": translate("Composer", "customer's last name"),
        "customer.name": translate("Composer", "customer's name"),
        "case.subject": translate("Composer", "case subject"),
        "case.reference": translate("Composer", "case reference"),
        "order.number": translate("Composer", "order number"),
        "order.date": translate("Composer", "order date"),
        "product.name": translate("Composer", "product name"),
        "gesture.amount": translate("Composer", "amount of the gesture (grant it in Say yes)"),
        "gesture.name": translate("Composer", "gesture (grant it in Say yes)"),
        "gesture.points": translate("Composer", "loyalty points"),
        "gesture.voucher_code": translate("Composer", "voucher code"),
        "advisor.first_name": translate("Composer", "your first name"),
        "advisor.name": translate("Composer", "your name"),
        "followup.date": translate("Composer", "follow-up date"),
        "answer.text": translate("Composer", "your answer"),
    }
    return known.get(name, name)


def check_title(code: CheckCode) -> str:
    return {
        CheckCode.PLACEHOLDERS_FILLED: translate("Composer", "Values filled in"),
        CheckCode.SCORE_BEGGING: translate("Composer", "No request for a score"),
        CheckCode.TWITTER_LENGTH: translate("Composer", "Length for X"),
        CheckCode.SMS_SEGMENTS: translate("Composer", "SMS length"),
        CheckCode.SUBSTANCE: translate("Composer", "Detailed enough"),
        CheckCode.EMPATHY_PRESENT: translate("Composer", "Empathy"),
        CheckCode.EMPATHY_FIRST: translate("Composer", "Empathy first"),
        CheckCode.PERSONAL_NAME: translate("Composer", "Customer's name"),
        CheckCode.PERSONAL_SPECIFICS: translate("Composer", "Specifics of the case"),
        CheckCode.ACKNOWLEDGEMENT: translate("Composer", "Acknowledgement of receipt"),
    }[code]


def severity_text(result: CheckResult) -> str:
    if result.passed:
        return translate("Composer", "OK")
    return {
        Severity.BLOCK: translate("Composer", "Blocks sending"),
        Severity.OVERRIDE: translate("Composer", "To confirm"),
        Severity.INFO: translate("Composer", "Suggestion"),
    }[result.severity]


def check_reason(result: CheckResult) -> str:
    """One sentence: why the check passed, or what is wrong and what to do."""
    d = result.detail
    code, ok = result.code, result.passed
    if code is CheckCode.PLACEHOLDERS_FILLED:
        if ok:
            return translate("Composer", "Every value is filled in.")
        names = [str(p["name"]) for p in d.get("placeholders", [])]  # type: ignore[attr-defined]
        return _fill(
            translate("Composer", "Fill in the highlighted values before sending: %1."),
            ", ".join(f"[[{n}]] ({placeholder_name(n)})" for n in dict.fromkeys(names)),
        )
    if code is CheckCode.SCORE_BEGGING:
        if ok:
            return translate("Composer", "The reply does not ask for a given score.")
        matches = [str(m["text"]) for m in d.get("matches", [])]  # type: ignore[attr-defined]
        return _fill(
            translate(
                "Composer",
                "Never ask the customer for a given score or a good rating (%1): it corrupts satisfaction measures.",
            ),
            _quoted(matches[:2]),
        )
    if code is CheckCode.TWITTER_LENGTH:
        if ok:
            return _fill(translate("Composer", "%1 of %2 characters."), d.get("length"), d.get("limit"))
        return _fill(
            translate(
                "Composer",
                "Too long for X: %1 characters, %2 at most. Shorten it or answer by direct message.",
            ),
            d.get("length"),
            d.get("limit"),
        )
    if code is CheckCode.SMS_SEGMENTS:
        if ok:
            return _fill(
                translate("Composer", "%1 SMS segment(s), %2 at most."),
                d.get("segments"),
                d.get("max_segments"),
            )
        return _fill(
            translate(
                "Composer", "Too long for an SMS: %1 segments, %2 at most. Shorten it, or call or e-mail."
            ),
            d.get("segments"),
            d.get("max_segments"),
        )
    if code is CheckCode.SUBSTANCE:
        if ok:
            return _fill(translate("Composer", "%1 words."), d.get("words"))
        return _fill(
            translate(
                "Composer",
                "Rather terse for a written answer: %1 words, at least %2 expected. Say more, or confirm.",
            ),
            d.get("words"),
            d.get("minimum"),
        )
    if code is CheckCode.EMPATHY_PRESENT:
        if ok:
            return translate("Composer", "The reply welcomes what the customer went through.")
        return translate(
            "Composer",
            "No empathy part: start by welcoming what the customer went through (step Acknowledge).",
        )
    if code is CheckCode.EMPATHY_FIRST:
        if ok:
            return translate("Composer", "Empathy comes before the solution.")
        return translate(
            "Composer",
            "The empathy does not come first: express it (sorry, I understand…) before the solution.",
        )
    if code is CheckCode.PERSONAL_NAME:
        if ok:
            return translate("Composer", "The customer is addressed by name.")
        return _fill(
            translate("Composer", "The customer's name does not appear (%1)."), _quoted(d.get("names", []))
        )
    if code is CheckCode.PERSONAL_SPECIFICS:
        if ok:
            mentioned = d.get("mentioned", [])
            if not mentioned:
                return translate("Composer", "Nothing specific to mention on this case.")
            return _fill(translate("Composer", "Mentions %1."), _quoted(mentioned))
        return _fill(
            translate("Composer", "Nothing specific to the case is mentioned, for example %1."),
            _quoted(list(d.get("specifics", []))[:2]),  # type: ignore[call-overload]
        )
    # CheckCode.ACKNOWLEDGEMENT
    if ok:
        return translate("Composer", "Receipt was acknowledged.")
    return translate(
        "Composer", "New complaint: acknowledge receipt now (Ctrl+Shift+A) if the full answer takes time."
    )


def counter_text(result: CheckResult) -> str:
    """The character or segment counter under the editor on X and SMS ("" elsewhere)."""
    d = result.detail
    if result.code is CheckCode.TWITTER_LENGTH:
        remaining = int(d.get("remaining", 0))  # type: ignore[call-overload]
        if remaining < 0:
            return _fill(
                translate("Composer", "%1 / %2 characters (%3 too many)"),
                d.get("length"),
                d.get("limit"),
                -remaining,
            )
        return _fill(
            translate("Composer", "%1 / %2 characters (%3 left)"), d.get("length"), d.get("limit"), remaining
        )
    if result.code is CheckCode.SMS_SEGMENTS:
        non_gsm = [str(c) for c in d.get("non_gsm", [])]  # type: ignore[attr-defined]
        text = _fill(
            translate("Composer", "%1 segment(s) · %2 characters left in this one"),
            d.get("segments"),
            d.get("remaining"),
        )
        if non_gsm:
            text += " · " + _fill(
                translate("Composer", "Unicode because of %1"),
                " ".join(non_gsm[:5]) + ("…" if len(non_gsm) > 5 else ""),
            )
        return text
    return ""
