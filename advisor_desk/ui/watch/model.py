"""The watch list as a table: one watched product a row, worst rated first.

Rows are computed in the "db" lane (:func:`advisor_desk.ui.watch.data.load_watch_list`); this module
only turns :class:`~advisor_desk.domain.watch.WatchListEntry` into cells in the user's language.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication

from advisor_desk.domain.model import Product
from advisor_desk.domain.watch import WatchListEntry
from advisor_desk.ui.i18n import format_money
from advisor_desk.ui.reports.table import Cell
from advisor_desk.ui.watch.words import rating_text, root_cause_label

translate = QCoreApplication.translate


def watch_headers() -> list[str]:
    return [
        translate("Watch", "Product"),
        translate("Watch", "Average rating"),
        translate("Watch", "Ratings"),
        translate("Watch", "Complaints"),
        translate("Watch", "Complaints by root cause"),
        translate("Watch", "Gestures"),
        translate("Watch", "Gestures cost"),
        translate("Watch", "Product manager"),
    ]


def product_name(product_id: str, products: Mapping[str, Product]) -> str:
    p = products.get(product_id)
    return f"{p.name} ({p.sku})" if p is not None else product_id


def watch_rows(
    entries: list[WatchListEntry] | tuple[WatchListEntry, ...], products: Mapping[str, Product]
) -> list[list[Cell]]:
    rows = []
    for e in entries:
        s = e.status
        causes = " · ".join(f"{root_cause_label(k)} {n}" for k, n in e.complaints_by_root_cause.items())
        cost = " + ".join(format_money(c, cur) for cur, c in e.gesture_cents.items()) or "—"
        p = products.get(s.product_id)
        rows.append(
            [
                Cell(product_name(s.product_id, products)),
                Cell(rating_text(s.average), s.average if s.average is not None else 0.0),
                Cell(str(s.count), s.count),
                Cell(str(s.complaint_count), s.complaint_count),
                Cell(causes or "—", tooltip=causes.replace(" · ", "\n")),
                Cell(str(e.gesture_count), e.gesture_count),
                Cell(cost, sum(e.gesture_cents.values())),
                Cell(p.manager if p is not None and p.manager else "—"),
            ]
        )
    return rows
