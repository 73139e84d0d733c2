"""What the review screen says, in the team lead's language: flags, statuses, the integrity verdict.

Every string goes through ``QCoreApplication.translate`` in the ``Review`` context (called by that name
so ``pyside6-lupdate`` finds them). Gesture and reason names come from the compensation panel's words,
so a gesture is called the same everywhere on the desk.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from advisor_desk.domain.decision_chain import Tampering
from advisor_desk.domain.model import DecisionStatus
from advisor_desk.domain.review import Flag, FlagCode
from advisor_desk.ui.i18n import format_money

translate = QCoreApplication.translate


def fill(template: str, *values: str) -> str:
    """%1, %2... like QString::arg, without Qt's surprises on a "%" inside a value."""
    for index in range(len(values), 0, -1):
        template = template.replace(f"%{index}", values[index - 1])
    return template


def status_label(status: DecisionStatus) -> str:
    return {
        DecisionStatus.PENDING: translate("Review", "Pending"),
        DecisionStatus.GRANTED: translate("Review", "Granted"),
        DecisionStatus.REJECTED: translate("Review", "Refused by the centre"),
        DecisionStatus.REVOKED: translate("Review", "Revoked"),
    }[status]


def flag_name(code: FlagCode) -> str:
    return {
        FlagCode.REPEAT_CUSTOMER: translate("Review", "Repeat customer"),
        FlagCode.NEAR_LIMIT: translate("Review", "Near the limit"),
        FlagCode.HIGH_SPENDER: translate("Review", "High spender"),
        FlagCode.REJECTED_BY_SERVER: translate("Review", "Refused by the centre"),
        FlagCode.OFFLINE: translate("Review", "Made offline"),
    }[code]


def flag_sentence(flag: Flag, advisor_name: str = "", locale: QLocale | None = None) -> str:
    """One sentence saying why the decision is worth a look, with its figures."""
    d = flag.details
    currency = str(d.get("currency", "EUR"))

    def money(key: str) -> str:
        return format_money(int(d.get(key, 0)), currency, locale)

    if flag.code is FlagCode.REPEAT_CUSTOMER:
        return fill(
            translate("Review", "This customer received %1 gestures within %2 days."),
            str(d.get("count", 0)),
            str(d.get("window_days", 30)),
        )
    if flag.code is FlagCode.NEAR_LIMIT:
        return fill(
            translate("Review", "%1 is %2 % of the %3 allowed per decision."),
            money("amount_cents"),
            str(d.get("share_percent", 0)),
            money("limit_cents"),
        )
    if flag.code is FlagCode.HIGH_SPENDER:
        return fill(
            translate("Review", "%1 spent %2 over the period, %3 % of the team's median (%4)."),
            advisor_name or str(d.get("advisor_id", "")),
            money("spend_cents"),
            str(d.get("factor_percent", 0)),
            money("team_median_cents"),
        )
    if flag.code is FlagCode.REJECTED_BY_SERVER:
        reason = str(d.get("reason", ""))
        if reason:
            return fill(translate("Review", "The centre refused this grant: %1"), reason)
        return translate("Review", "The centre refused this grant.")
    return translate("Review", "Decided while the workstation was offline.")


def tampering_sentence(problem: Tampering, seq: int | None) -> str:
    """The integrity verdict of a failed verification, naming the entry."""
    entry = str(seq) if seq is not None else "?"
    return {
        Tampering.ALTERED: fill(translate("Review", "Entry %1 of the log was altered."), entry),
        Tampering.DELETED: fill(translate("Review", "Entry %1 of the log was deleted."), entry),
        Tampering.INSERTED: fill(translate("Review", "Entry %1 of the log was inserted."), entry),
        Tampering.REORDERED: fill(translate("Review", "Entry %1 of the log was moved."), entry),
        Tampering.REBUILT: fill(
            translate("Review", "The log was rewritten from entry %1 (the centre's copy differs)."), entry
        ),
        Tampering.TRUNCATED: fill(
            translate("Review", "Entries from %1 on were removed from the log."), entry
        ),
    }[problem]


def verified_sentence(up_to: int) -> str:
    if up_to == 0:
        return translate("Review", "The decision log is empty on this workstation.")
    return fill(translate("Review", "Log verified up to entry %1."), str(up_to))
