"""The report's sections in the team lead's language: a title, a table and a chart each.

One source for the screen, the PDF and the tests: the view shows these tables, the PDF prints the
same rows, so what the meeting reads is what the lead saw. Every figure is team level: no section
is per advisor (no screen ranks individual advisors by satisfaction).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, QLocale

from advisor_desk.domain.review import Bucket
from advisor_desk.ui import labels
from advisor_desk.ui.compensation import words as gesture_words
from advisor_desk.ui.i18n import format_duration, format_money
from advisor_desk.ui.reports.data import ReportResult
from advisor_desk.ui.reports.table import Cell
from advisor_desk.ui.watch.model import product_name
from advisor_desk.ui.watch.words import rating_text, root_cause_label

translate = QCoreApplication.translate

#: Most products listed by name in "complaints by product"; the rest are summed on one line.
TOP_PRODUCTS = 15


@dataclass(frozen=True)
class ChartSpec:
    kind: str  # "bar", "hbar", "pie", "line", "grouped"
    labels: list[str]
    values: list[float]
    series_names: list[str] = field(default_factory=list)  # "grouped": one name per series
    groups: list[list[float]] = field(default_factory=list)  # "grouped": one list per series
    axis_max: float | None = None


@dataclass(frozen=True)
class ReportSection:
    key: str
    title: str
    headers: list[str]
    rows: list[list[Cell]]
    note: str = ""
    chart: ChartSpec | None = None


def share_text(value: float | None) -> str:
    if value is None:
        return "—"
    return QLocale().toString(value * 100, "f", 1) + " %"


def money_text(bucket: Bucket) -> str:
    return " + ".join(format_money(c, cur) for cur, c in sorted(bucket.cents.items())) or "—"


def _count_rows(items: Mapping[object, int], name: object) -> list[list[Cell]]:
    total = sum(items.values())
    return [
        [Cell(name(k)), Cell(str(n), n), Cell(share_text(n / total if total else None), n)]  # type: ignore[operator]
        for k, n in items.items()
    ]


def _count_headers(first: str) -> list[str]:
    return [first, translate("Reports", "Complaints"), translate("Reports", "Share")]


def build_sections(result: ReportResult) -> list[ReportSection]:
    r = result.report
    c = r.complaints
    products = result.products
    sections: list[ReportSection] = []

    # -- summary
    fcr = r.first_contact
    sat = r.satisfaction
    summary = [
        [Cell(translate("Reports", "Complaints opened")), Cell(str(c.total), c.total)],
        [Cell(translate("Reports", "Complaints resolved")), Cell(str(fcr.resolved), fcr.resolved)],
        [
            Cell(translate("Reports", "Resolved at first contact")),
            Cell(share_text(fcr.share), fcr.share or 0.0),
        ],
        [
            Cell(translate("Reports", "Goodwill gestures")),
            Cell(str(r.gestures.total.count), r.gestures.total.count),
        ],
        [
            Cell(translate("Reports", "Cost of gestures")),
            Cell(money_text(r.gestures.total), sum(r.gestures.total.cents.values())),
        ],
        [
            Cell(translate("Reports", "Average satisfaction (team)")),
            Cell(rating_text(sat.average), sat.average or 0.0),
        ],
        [
            Cell(translate("Reports", "Products under watch")),
            Cell(str(len(r.watched_products)), len(r.watched_products)),
        ],
    ]
    sections.append(
        ReportSection(
            "summary",
            translate("Reports", "Summary"),
            [translate("Reports", "Figure"), translate("Reports", "Value")],
            summary,
        )
    )

    # -- complaints
    by_category = _count_rows(c.by_category, labels.category)
    sections.append(
        ReportSection(
            "complaints.category",
            translate("Reports", "Complaints by category"),
            _count_headers(translate("Reports", "Category")),
            by_category,
            chart=ChartSpec(
                "hbar", [row[0].text for row in by_category], [float(n) for n in c.by_category.values()]
            ),
        )
    )
    product_items = list(c.by_product.items())
    shown = product_items[:TOP_PRODUCTS]
    rest = sum(n for _, n in product_items[TOP_PRODUCTS:])

    def product_label(pid: object) -> str:
        return translate("Reports", "No product") if pid is None else product_name(str(pid), products)

    product_rows = _count_rows(dict(shown), product_label)
    if rest:
        product_rows.append([Cell(translate("Reports", "Other products")), Cell(str(rest), rest), Cell("")])
    sections.append(
        ReportSection(
            "complaints.product",
            translate("Reports", "Complaints by product"),
            _count_headers(translate("Reports", "Product")),
            product_rows,
            chart=ChartSpec(
                "hbar",
                [product_label(k) for k, _ in shown[:8]],
                [float(n) for _, n in shown[:8]],
            ),
        )
    )
    by_channel = _count_rows(c.by_channel, labels.channel)
    sections.append(
        ReportSection(
            "complaints.channel",
            translate("Reports", "Complaints by channel"),
            _count_headers(translate("Reports", "Channel")),
            by_channel,
            chart=ChartSpec(
                "pie", [row[0].text for row in by_channel], [float(n) for n in c.by_channel.values()]
            ),
        )
    )
    week_rows = [[Cell(w), Cell(str(n), n)] for w, n in c.by_week.items()]
    sections.append(
        ReportSection(
            "complaints.week",
            translate("Reports", "Complaints by week"),
            [translate("Reports", "Week"), translate("Reports", "Complaints")],
            week_rows,
            chart=ChartSpec("bar", [w[-3:] for w in c.by_week], [float(n) for n in c.by_week.values()]),
        )
    )
    sections.append(
        ReportSection(
            "complaints.root_cause",
            translate("Reports", "Complaints by root cause"),
            _count_headers(translate("Reports", "Root cause")),
            _count_rows(c.by_root_cause, root_cause_label),
        )
    )

    # -- response times
    response_rows = []
    for row in r.response_times:
        response_rows.append(
            [
                Cell(labels.channel(row.channel)),
                Cell(str(row.cases), row.cases),
                Cell(format_duration(row.target_minutes * 60), row.target_minutes),
                Cell(share_text(row.target_share), row.target_share or 0.0),
                Cell(format_duration(row.limit_minutes * 60), row.limit_minutes),
                Cell(share_text(row.limit_share), row.limit_share or 0.0),
            ]
        )
    sections.append(
        ReportSection(
            "response",
            translate("Reports", "Response time per channel"),
            [
                translate("Reports", "Channel"),
                translate("Reports", "Cases"),
                translate("Reports", "Target"),
                translate("Reports", "Within target"),
                translate("Reports", "Limit"),
                translate("Reports", "Within limit"),
            ],
            response_rows,
            note=translate(
                "Reports",
                "The first response is the acknowledgement of receipt or the first answer, whichever came first. "
                "Cases still within their time are not counted yet.",
            ),
            chart=ChartSpec(
                "grouped",
                [labels.channel(row.channel) for row in r.response_times],
                [],
                [translate("Reports", "Within target (%)"), translate("Reports", "Within limit (%)")],
                [
                    [100 * (row.target_share or 0.0) for row in r.response_times],
                    [100 * (row.limit_share or 0.0) for row in r.response_times],
                ],
                axis_max=100.0,
            ),
        )
    )

    # -- first contact resolution
    sections.append(
        ReportSection(
            "first_contact",
            translate("Reports", "First-contact resolution"),
            [translate("Reports", "Figure"), translate("Reports", "Value")],
            [
                [Cell(translate("Reports", "Complaints resolved")), Cell(str(fcr.resolved), fcr.resolved)],
                [
                    Cell(translate("Reports", "Resolved at first contact")),
                    Cell(str(fcr.first_contact), fcr.first_contact),
                ],
                [Cell(translate("Reports", "Share")), Cell(share_text(fcr.share), fcr.share or 0.0)],
            ],
            note=translate(
                "Reports",
                "A complaint is resolved at first contact when at most one answer went to the customer before "
                "its resolution (the acknowledgement of receipt not counted).",
            ),
        )
    )

    # -- gestures
    g = r.gestures
    money_headers = [translate("Reports", "Gestures"), translate("Reports", "Cost")]

    def bucket_rows(items: Mapping[object, Bucket], name: object) -> list[list[Cell]]:
        return [
            [Cell(name(k)), Cell(str(b.count), b.count), Cell(money_text(b), sum(b.cents.values()))]  # type: ignore[operator]
            for k, b in items.items()
        ]

    def category_name(k: object) -> str:
        return translate("Reports", "No case") if k is None else labels.category(k)  # type: ignore[arg-type]

    main = _main_currency(g.by_gesture.values())
    sections.append(
        ReportSection(
            "gestures.category",
            translate("Reports", "Gestures by complaint category"),
            [translate("Reports", "Category"), *money_headers],
            bucket_rows(g.by_category, category_name),
        )
    )
    gesture_rows = bucket_rows(g.by_gesture, gesture_words.gesture_label)
    sections.append(
        ReportSection(
            "gestures.gesture",
            translate("Reports", "Gestures by kind"),
            [translate("Reports", "Gesture"), *money_headers],
            gesture_rows,
            chart=ChartSpec(
                "pie",
                [row[0].text for row in gesture_rows],
                [b.cents.get(main or "", 0) / 100 for b in g.by_gesture.values()],
            ),
        )
    )
    sections.append(
        ReportSection(
            "gestures.reason",
            translate("Reports", "Gestures by reason"),
            [translate("Reports", "Reason"), *money_headers],
            bucket_rows(g.by_reason, gesture_words.reason_label),
        )
    )

    # -- satisfaction (team level)
    sat_rows = [
        [Cell(str(score)), Cell(str(n), n), Cell(share_text(n / sat.total if sat.total else None), n)]
        for score, n in sat.counts.items()
    ]
    sat_rows.append(
        [Cell(translate("Reports", "Average")), Cell(rating_text(sat.average), sat.average or 0.0), Cell("")]
    )
    sections.append(
        ReportSection(
            "satisfaction",
            translate("Reports", "Customer satisfaction (team)"),
            [
                translate("Reports", "Score"),
                translate("Reports", "Rated cases"),
                translate("Reports", "Share"),
            ],
            sat_rows,
            note=translate(
                "Reports",
                "Ratings from 1 to 5 recorded in the period, one per case; team figures only.",
            ),
            chart=ChartSpec("bar", [str(s) for s in sat.counts], [float(n) for n in sat.counts.values()]),
        )
    )

    # -- watched products
    watch_rows = [
        [
            Cell(product_name(w.product_id, products)),
            Cell(rating_text(w.average), w.average or 0.0),
            Cell(str(w.count), w.count),
            Cell(str(w.complaint_count), w.complaint_count),
        ]
        for w in r.watched_products
    ]
    sections.append(
        ReportSection(
            "watched",
            translate("Reports", "Products under watch"),
            [
                translate("Reports", "Product"),
                translate("Reports", "Average rating"),
                translate("Reports", "Ratings"),
                translate("Reports", "Complaints"),
            ],
            watch_rows,
        )
    )
    return sections


def _main_currency(buckets: object) -> str | None:
    counts: dict[str, int] = {}
    for b in buckets:  # type: ignore[attr-defined]
        for cur in b.cents:
            counts[cur] = counts.get(cur, 0) + b.count
    return max(sorted(counts), key=lambda k: counts[k]) if counts else None
