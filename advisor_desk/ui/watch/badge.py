"""The product-watch flag shown beside a product wherever it appears (order lines, cases, timeline,
customer 360): a short text with the rating and the complaint count, never colour alone.

Other panels call :func:`watch_badge_text` (for a delegate or a model's DisplayRole) or put a
:class:`WatchFlagLabel` in their layout; both say nothing for a product that is not watched.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QLabel, QWidget

from advisor_desk.domain.watch import WatchStatus
from advisor_desk.ui.watch.words import fill

translate = QCoreApplication.translate


def complaints_text(count: int) -> str:
    if count == 1:
        return translate("Watch", "1 complaint")
    return fill(translate("Watch", "%1 complaints"), str(count))


def watch_badge_text(status: WatchStatus | None) -> str:
    """ "Under review · 2,4/5 · 7 complaints" for a watched product, "" otherwise."""
    if status is None or not status.watched or status.average is None:
        return ""
    rating = QLocale().toString(status.average, "f", 1)
    return fill(
        translate("Watch", "Under review · %1/5 · %2"),
        rating,
        complaints_text(status.complaint_count),
    )


def watch_tooltip(status: WatchStatus | None, product_name: str = "") -> str:
    """A whole sentence for the tooltip: why the product is flagged and what it means for the advisor."""
    if status is None or not status.watched or status.average is None:
        return ""
    rating = QLocale().toString(status.average, "f", 1)
    sentence = fill(
        translate(
            "Watch",
            "Customers rate this product %1/5 on average (%2 ratings over the watch period); "
            "its product manager is reviewing it. Complaints about it: %3.",
        ),
        rating,
        str(status.count),
        str(status.complaint_count),
    )
    return f"{product_name}\n{sentence}" if product_name else sentence


class WatchFlagLabel(QLabel):
    """A small amber-outlined label saying the product is under review; hidden when it is not."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("watchFlag")
        # Text says it all; the outline only helps the eye (never colour alone).
        self.setStyleSheet(
            "QLabel#watchFlag { border: 1px solid #b26a00; border-radius: 3px; padding: 0 4px; }"
        )
        self.set_status(None)

    def set_status(self, status: WatchStatus | None, product_name: str = "") -> None:
        text = watch_badge_text(status)
        self.setText(text)
        self.setToolTip(watch_tooltip(status, product_name))
        self.setAccessibleName(text)
        self.setVisible(bool(text))
