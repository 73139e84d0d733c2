"""What the power to say yes says to the user: reasons, limits, amount problems, statuses, in their words.

The domain speaks in codes (``LimitKind.DAILY_BUDGET``, ``AmountProblem.TOO_MANY_DECIMALS``); this module
turns each into one translated sentence with the money formatted in the user's locale, for the
compensation panel and for store mode alike. Every string goes through ``QCoreApplication.translate``
in the ``Compensation`` context.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from advisor_desk.domain.authority import LimitKind, Refusal, Verdict
from advisor_desk.domain.catalogue import gesture_name
from advisor_desk.domain.model import (
    ComplaintCategory,
    Decision,
    DecisionStatus,
    EscalationStatus,
    GestureCode,
    ReasonCode,
)
from advisor_desk.domain.money import MAX_AMOUNT_CENTS, AmountProblem
from advisor_desk.ui.i18n import format_money

# Called by this name so pyside6-lupdate finds every string (it does not follow a wrapper function).
translate = QCoreApplication.translate


def _fill(template: str, *values: str) -> str:
    # %1, %2... like QString::arg, without Qt's surprises on "%" inside customer-free values.
    for index in range(len(values), 0, -1):
        template = template.replace(f"%{index}", values[index - 1])
    return template


def money(cents: int, currency: str, locale: QLocale | None = None) -> str:
    return format_money(cents, currency, locale)


def language_of(locale: QLocale | None = None) -> str:
    locale = locale or QLocale()
    return "fr" if locale.language() == QLocale.Language.French else "en"


def gesture_label(code: GestureCode, locale: QLocale | None = None) -> str:
    """The catalogue's name of the gesture in the user's language."""
    return gesture_name(code, language_of(locale))


def reason_label(code: ReasonCode) -> str:
    return {
        ReasonCode.LATE_DELIVERY: translate("Compensation", "Late delivery"),
        ReasonCode.DAMAGED_OR_DEFECTIVE: translate("Compensation", "Damaged or defective item"),
        ReasonCode.WRONG_ITEM: translate("Compensation", "Wrong item delivered"),
        ReasonCode.BILLING_ERROR: translate("Compensation", "Billing error"),
        ReasonCode.SERVICE_FAILURE: translate("Compensation", "Service failure"),
        ReasonCode.LOYALTY: translate("Compensation", "Customer loyalty"),
        ReasonCode.COMMERCIAL: translate("Compensation", "Commercial gesture"),
        ReasonCode.OTHER: translate("Compensation", "Other reason"),
    }[code]


#: The reason a case's category suggests (the advisor can change it).
REASON_FOR_CATEGORY: dict[ComplaintCategory, ReasonCode] = {
    ComplaintCategory.LATE_DELIVERY: ReasonCode.LATE_DELIVERY,
    ComplaintCategory.DAMAGED_ITEM: ReasonCode.DAMAGED_OR_DEFECTIVE,
    ComplaintCategory.DEFECTIVE_PRODUCT: ReasonCode.DAMAGED_OR_DEFECTIVE,
    ComplaintCategory.WRONG_ITEM: ReasonCode.WRONG_ITEM,
    ComplaintCategory.BILLING_ERROR: ReasonCode.BILLING_ERROR,
    ComplaintCategory.REFUND_NOT_RECEIVED: ReasonCode.SERVICE_FAILURE,
    ComplaintCategory.STAFF_BEHAVIOUR: ReasonCode.SERVICE_FAILURE,
    ComplaintCategory.WEBSITE_APP: ReasonCode.SERVICE_FAILURE,
    ComplaintCategory.STORE_EXPERIENCE: ReasonCode.SERVICE_FAILURE,
    ComplaintCategory.PRAISE: ReasonCode.LOYALTY,
    ComplaintCategory.OTHER: ReasonCode.OTHER,
}


def amount_problem(problem: AmountProblem, currency: str, locale: QLocale | None = None) -> str:
    """Why the typed amount cannot be used, and what to type instead."""
    locale = locale or QLocale()
    example = money(1250, currency, locale)
    if problem is AmountProblem.EMPTY:
        return translate("Compensation", "Type an amount, for example %1.").replace("%1", example)
    if problem is AmountProblem.NOT_A_NUMBER:
        return translate("Compensation", "This is not an amount: type digits, for example %1.").replace(
            "%1", example
        )
    if problem is AmountProblem.NEGATIVE:
        return translate("Compensation", "The amount cannot be negative.")
    if problem is AmountProblem.ZERO:
        return translate("Compensation", "The amount must be more than zero.")
    if problem is AmountProblem.TOO_MANY_DECIMALS:
        return translate("Compensation", "At most two decimals (cents), for example %1.").replace(
            "%1", example
        )
    return translate(
        "Compensation", "This amount is far too large (more than %1): check what you typed."
    ).replace("%1", money(MAX_AMOUNT_CENTS, currency, locale))


def refusal(r: Refusal, gesture: GestureCode, currency: str, locale: QLocale | None = None) -> str:
    """Which limit, and by how much, in one sentence."""
    locale = locale or QLocale()

    def m(cents: int) -> str:
        return money(cents, currency, locale)

    if r.limit is LimitKind.GESTURE_NOT_ALLOWED:
        return _fill(
            translate("Compensation", "Your role cannot grant this gesture (%1) on its own."),
            gesture_label(gesture, locale),
        )
    if r.limit is LimitKind.CURRENCY:
        return _fill(translate("Compensation", "The amount must be in %1."), currency)
    if r.limit is LimitKind.INVALID_AMOUNT:
        return translate("Compensation", "The amount must be more than zero.")
    if r.limit is LimitKind.PER_DECISION:
        return _fill(
            translate("Compensation", "Over the limit per decision for %1: at most %2, this is %3 over."),
            gesture_label(gesture, locale),
            m(r.limit_cents),
            m(r.over_by_cents),
        )
    if r.limit is LimitKind.DAILY_BUDGET:
        return _fill(
            translate("Compensation", "Over your budget for today: %1 left of %2, this is %3 over."),
            m(r.available_cents),
            m(r.limit_cents),
            m(r.over_by_cents),
        )
    if r.limit is LimitKind.PER_CUSTOMER_30D:
        return _fill(
            translate(
                "Compensation",
                "Over the limit for this customer over 30 days: %1 left of %2, this is %3 over.",
            ),
            m(r.available_cents),
            m(r.limit_cents),
            m(r.over_by_cents),
        )
    if r.limit is LimitKind.SHIPPING_PAID:
        if r.limit_cents <= 0:
            # Free shipping, or no order here to refund the shipping of (the cache and the centre
            # refuse that grant outright): nothing to refund, whatever the amount.
            return translate(
                "Compensation",
                "There is no shipping paid to refund: the order had free shipping, or it is not known here.",
            )
        if r.available_cents < r.limit_cents:
            # An earlier shipping refund on the same order took part of it.
            return _fill(
                translate(
                    "Compensation",
                    "More than what is left of the shipping paid: %1 left of %2 paid, this is %3 over.",
                ),
                m(r.available_cents),
                m(r.limit_cents),
                m(r.over_by_cents),
            )
        return _fill(
            translate("Compensation", "More than the shipping the customer paid: %1 paid, this is %2 over."),
            m(r.limit_cents),
            m(r.over_by_cents),
        )
    return _fill(
        translate(
            "Compensation",
            "More than what is left to refund on this line: %1 left of %2 paid, this is %3 over.",
        ),
        m(r.available_cents),
        m(r.limit_cents),
        m(r.over_by_cents),
    )


def verdict_text(verdict: Verdict, gesture: GestureCode, currency: str, locale: QLocale | None = None) -> str:
    return "\n".join(refusal(r, gesture, currency, locale) for r in verdict.refusals)


def over_by(verdict: Verdict, currency: str, locale: QLocale | None = None) -> str:
    """Short text for a disabled "Say yes" button: the largest excess."""
    excess = max((r.over_by_cents for r in verdict.refusals), default=0)
    if excess > 0:
        return translate("Compensation", "Beyond my authority by %1").replace(
            "%1", money(excess, currency, locale)
        )
    return translate("Compensation", "Beyond my authority")


def can_escalate(verdict: Verdict) -> bool:
    """A team lead can lift an envelope limit, never the amount the customer paid."""
    kinds = {r.limit for r in verdict.refusals}
    return bool(kinds) and kinds <= {
        LimitKind.PER_DECISION,
        LimitKind.DAILY_BUDGET,
        LimitKind.PER_CUSTOMER_30D,
        LimitKind.GESTURE_NOT_ALLOWED,
    }


def decision_status(status: DecisionStatus) -> str:
    return {
        DecisionStatus.PENDING: translate("Compensation", "pending confirmation by the centre"),
        DecisionStatus.GRANTED: translate("Compensation", "confirmed by the centre"),
        DecisionStatus.REJECTED: translate("Compensation", "refused by the centre"),
        DecisionStatus.REVOKED: translate("Compensation", "revoked"),
    }[status]


def escalation_status(status: EscalationStatus) -> str:
    return {
        EscalationStatus.OPEN: translate("Compensation", "waiting for the team lead"),
        EscalationStatus.APPROVED: translate("Compensation", "approved by the team lead"),
        EscalationStatus.DECLINED: translate("Compensation", "declined by the team lead"),
    }[status]


def reply_sentence(decision: Decision, locale: QLocale | None = None) -> str:
    """What the composer inserts in the reply: "a voucher of 15,00 €, code …", "(pending confirmation)"
    while the centre has not confirmed it."""
    locale = locale or QLocale()
    amount = money(decision.amount_cents, decision.currency, locale)
    phrases = {
        GestureCode.REFUND: translate("Compensation", "a refund of %1"),
        GestureCode.SHIPPING_REFUND: translate("Compensation", "a refund of your shipping costs (%1)"),
        GestureCode.VOUCHER: translate("Compensation", "a voucher of %1"),
        GestureCode.FREE_SHIPPING: translate("Compensation", "free shipping on your next order (worth %1)"),
        GestureCode.REPLACEMENT: translate("Compensation", "an express replacement (worth %1)"),
        GestureCode.EXCHANGE: translate("Compensation", "an exchange (worth %1)"),
        GestureCode.LOYALTY_POINTS: translate("Compensation", "loyalty points worth %1"),
        GestureCode.GIFT: translate("Compensation", "a small gift (worth %1)"),
    }
    text = phrases[decision.gesture].replace("%1", amount)
    if decision.voucher_code and decision.gesture in (GestureCode.VOUCHER, GestureCode.GIFT):
        text += translate("Compensation", ", code %1").replace("%1", decision.voucher_code)
    if decision.status is DecisionStatus.PENDING:
        # the customer is told: the centre has not confirmed it yet (granted offline, or just now)
        text += translate("Compensation", " (pending confirmation)")
    return text
