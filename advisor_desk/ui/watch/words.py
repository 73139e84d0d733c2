"""What the product watch and the closing-the-loop screens say: root causes, outcomes, scores.

Strings go through ``QCoreApplication.translate`` in the ``Watch`` context (called by that name so
``pyside6-lupdate`` finds them). The resolution, follow-up and report screens reuse these words so a
root cause is called the same everywhere on the desk.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from advisor_desk.domain.model import FollowUpOutcome, RootCause

translate = QCoreApplication.translate


def fill(template: str, *values: str) -> str:
    """%1, %2... like QString::arg, without Qt's surprises on a "%" inside a value."""
    for index in range(len(values), 0, -1):
        template = template.replace(f"%{index}", values[index - 1])
    return template


def root_cause_label(cause: RootCause | None) -> str:
    if cause is None:
        return translate("Watch", "Not resolved yet")
    return {
        RootCause.PRODUCT_QUALITY: translate("Watch", "Product quality"),
        RootCause.PRODUCT_DESIGN: translate("Watch", "Product design"),
        RootCause.CARRIER: translate("Watch", "Carrier"),
        RootCause.WAREHOUSE: translate("Watch", "Warehouse"),
        RootCause.INFORMATION_ERROR: translate("Watch", "Wrong or missing information"),
        RootCause.BILLING_SYSTEM: translate("Watch", "Billing system"),
        RootCause.STAFF: translate("Watch", "Staff"),
        RootCause.WEBSITE: translate("Watch", "Website or app"),
        RootCause.SUPPLIER: translate("Watch", "Supplier"),
        RootCause.CUSTOMER_MISUNDERSTANDING: translate("Watch", "Customer misunderstanding"),
        RootCause.OTHER: translate("Watch", "Other cause"),
    }[cause]


def outcome_label(outcome: FollowUpOutcome) -> str:
    return {
        FollowUpOutcome.SATISFIED: translate("Watch", "Reached, satisfied"),
        FollowUpOutcome.NOT_SATISFIED: translate("Watch", "Reached, not satisfied"),
        FollowUpOutcome.NOT_REACHED: translate("Watch", "Not reached"),
    }[outcome]


def rating_text(average: float | None) -> str:
    """ "2,4/5" in French, "2.4/5" in English; a dash without ratings."""
    if average is None:
        return "—"
    from PySide6.QtCore import QLocale

    return fill(translate("Watch", "%1/5"), QLocale().toString(average, "f", 1))


def score_label(score: int) -> str:
    """A satisfaction score with the neutral meaning of the scale's ends (no score is asked for)."""
    return {
        1: translate("Watch", "1 – very dissatisfied"),
        2: translate("Watch", "2 – dissatisfied"),
        3: translate("Watch", "3 – neither"),
        4: translate("Watch", "4 – satisfied"),
        5: translate("Watch", "5 – very satisfied"),
    }[score]
