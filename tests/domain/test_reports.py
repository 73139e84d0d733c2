"""Report figures on a crafted fortnight, every expected number worked out by hand in the comments."""

from __future__ import annotations

import csv
import dataclasses
import inspect
import io
import typing
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from advisor_desk.domain import reports
from advisor_desk.domain.channels import Channel
from advisor_desk.domain.model import (
    Case,
    CaseKind,
    CaseStatus,
    ComplaintCategory,
    Decision,
    DecisionStatus,
    Direction,
    GestureCode,
    Interaction,
    ProductRating,
    ReasonCode,
    RootCause,
    SatisfactionRating,
)
from advisor_desk.domain.reports import (
    REPORT_CSV_COLUMNS,
    ChannelResponse,
    FirstContactResolution,
    ReportError,
    ReportPeriod,
    SatisfactionDistribution,
    TeamReport,
    build_report,
    iso_week,
    report_csv_rows,
)
from advisor_desk.domain.review import Bucket
from advisor_desk.domain.watch import WatchStatus

PARIS = "Europe/Paris"
CC = ComplaintCategory
#: Sunday 1 to Sunday 15 November 2026 in Paris: 31 Oct 23:00 UTC to 15 Nov 23:00 UTC, ISO weeks 44-46.
PERIOD = ReportPeriod.from_days(date(2026, 11, 1), date(2026, 11, 15), PARIS)
NOW = datetime(2026, 11, 15, 22, 0, tzinfo=UTC)  # 23:00 in Paris on the last day


def utc(mo: int, d: int, h: int = 0, mi: int = 0) -> datetime:
    return datetime(2026, mo, d, h, mi, tzinfo=UTC)


def case(id: str, opened_at: datetime, channel: Channel, category: ComplaintCategory, **kw: Any) -> Case:
    return Case(
        id=id,
        customer_id="c-" + id,
        kind=kw.pop("kind", CaseKind.COMPLAINT),
        category=category,
        status=kw.pop("status", CaseStatus.RESOLVED),
        channel=channel,
        subject="sujet",
        opened_at=opened_at,
        team="lyon",
        **kw,
    )


def out(id: str, case_id: str, at: datetime, **kw: Any) -> Interaction:
    return Interaction(
        id=id,
        customer_id="c-" + case_id,
        channel=kw.pop("channel", Channel.EMAIL),
        direction=kw.pop("direction", Direction.OUTBOUND),
        occurred_at=at,
        text="Bonjour",
        case_id=case_id,
        **kw,
    )


K1_OPEN = utc(10, 31, 23, 30)  # 00:30 on 1 Nov in Paris: inside the period, ISO week 44
K2_OPEN = utc(11, 1, 22, 30)  # 23:30 on 1 Nov in Paris: still week 44
K3_OPEN = utc(11, 1, 23, 30)  # 00:30 on Monday 2 Nov in Paris: week 45

CASES = [
    case(
        "k1",
        K1_OPEN,
        Channel.EMAIL,
        CC.DEFECTIVE_PRODUCT,
        product_id="p1",
        acknowledged_at=K1_OPEN + timedelta(minutes=30),
        first_response_at=K1_OPEN + timedelta(hours=3),
        resolved_at=utc(11, 3, 10),
        root_cause=RootCause.PRODUCT_QUALITY,
    ),
    case(
        "k2",
        K2_OPEN,
        Channel.TWITTER,
        CC.LATE_DELIVERY,
        first_response_at=K2_OPEN + timedelta(minutes=45),
        resolved_at=utc(11, 2, 12),
        root_cause=RootCause.CARRIER,
    ),
    case(
        "k3",
        K3_OPEN,
        Channel.PHONE,
        CC.DEFECTIVE_PRODUCT,
        status=CaseStatus.CLOSED,
        product_id="p1",
        first_response_at=K3_OPEN + timedelta(minutes=10),
        resolved_at=K3_OPEN + timedelta(minutes=10),
        root_cause=RootCause.PRODUCT_QUALITY,
    ),
    case("k4", utc(11, 10, 8), Channel.EMAIL, CC.DAMAGED_ITEM, status=CaseStatus.NEW, product_id="p2"),
    case(
        "k5",
        utc(11, 12, 8),
        Channel.EMAIL,
        CC.INFORMATION,
        kind=CaseKind.INFORMATION,
        first_response_at=utc(11, 12, 10),  # exactly the two-hour target
        resolved_at=utc(11, 12, 10),
    ),
    # opened 23:30 on 31 October in Paris, before the period, but resolved within it
    case(
        "k6",
        utc(10, 31, 22, 30),
        Channel.EMAIL,
        CC.DEFECTIVE_PRODUCT,
        product_id="p1",
        first_response_at=utc(11, 1, 9),
        resolved_at=utc(11, 5, 10),
        root_cause=RootCause.SUPPLIER,
    ),
    # a chat opened two minutes before "now": neither its target (5 min) nor its limit has passed
    case("k7", utc(11, 15, 21, 58), Channel.CHAT, CC.WRONG_ITEM, status=CaseStatus.NEW, product_id="p2"),
]

INTERACTIONS = [
    out("i1", "k1", K1_OPEN + timedelta(minutes=30), details={"acknowledgement": True}),
    out("i2", "k1", K1_OPEN + timedelta(hours=3)),
    out("i3", "k1", utc(11, 6, 10)),  # a follow-up call after the resolution: not part of it
    out("i4", "k2", K2_OPEN + timedelta(minutes=45), channel=Channel.TWITTER),
    out("i5", "k2", K2_OPEN + timedelta(hours=3), channel=Channel.TWITTER),
    out("i6", "k2", K2_OPEN + timedelta(hours=4), channel=Channel.NOTE, direction=Direction.INTERNAL),
    out("i7", "k3", K3_OPEN, channel=Channel.PHONE, direction=Direction.INBOUND),  # settled on the call
    out("i8", "k6", utc(11, 1, 9)),
]


def decision(
    id: str,
    case_id: str | None,
    gesture: GestureCode,
    cents: int,
    reason: ReasonCode,
    at: datetime,
    **kw: Any,
) -> Decision:
    return Decision(
        id=id,
        user_id=kw.pop("user_id", "u1"),
        team="lyon",
        customer_id="c",
        gesture=gesture,
        amount_cents=cents,
        currency="EUR",
        reason_code=reason,
        reason_text="",
        granted_at=at,
        status=kw.pop("status", DecisionStatus.GRANTED),
        case_id=case_id,
    )


R = ReasonCode
DECISIONS = [
    decision("g1", "k1", GestureCode.REFUND, 2500, R.DAMAGED_OR_DEFECTIVE, utc(11, 3, 10)),
    decision("g2", "k2", GestureCode.SHIPPING_REFUND, 590, R.LATE_DELIVERY, utc(11, 2, 12)),
    decision(
        "g3",
        "k3",
        GestureCode.VOUCHER,
        1500,
        R.DAMAGED_OR_DEFECTIVE,
        utc(11, 2),
        status=DecisionStatus.PENDING,
    ),
    decision(
        "g4",
        "k1",
        GestureCode.VOUCHER,
        3000,
        R.DAMAGED_OR_DEFECTIVE,
        utc(11, 3),
        status=DecisionStatus.REJECTED,
    ),
    decision("g5", None, GestureCode.GIFT, 1000, R.LOYALTY, utc(11, 8), user_id="u2"),
    decision("g6", "k2", GestureCode.LOYALTY_POINTS, 500, R.LATE_DELIVERY, utc(11, 15, 23)),  # = period end
]


def rating(id: str, case_id: str, score: int, at: datetime) -> SatisfactionRating:
    return SatisfactionRating(id, case_id, "c", score, "survey", at)


SATISFACTION = [
    rating("s1", "k1", 5, utc(11, 4)),
    rating("s2", "k1", 2, utc(11, 6)),  # the same case rated again later: this one counts
    rating("s3", "k2", 4, utc(11, 3)),
    rating("s4", "k3", 4, utc(11, 3)),
    rating("s5", "k6", 1, utc(11, 6)),
    rating("s6", "k4", 5, utc(11, 16)),  # after the period
]

PRODUCT_RATINGS = [ProductRating(f"p1-{i}", "p1", 3, utc(11, 1)) for i in range(25)] + [
    ProductRating(f"p2-{i}", "p2", 4, utc(11, 1)) for i in range(25)
]


def full_report() -> TeamReport:
    return build_report(
        PERIOD,
        now=NOW,
        cases=CASES,
        interactions=INTERACTIONS,
        decisions=DECISIONS,
        satisfaction=SATISFACTION,
        product_ratings=PRODUCT_RATINGS,
    )


def test_period_in_local_days() -> None:
    assert (PERIOD.start, PERIOD.end) == (utc(10, 31, 23), utc(11, 15, 23))
    assert PERIOD.local_days() == (date(2026, 11, 1), date(2026, 11, 15))


def test_complaints_by_category_product_channel_week_and_cause() -> None:
    c = full_report().complaints
    # k1, k2, k3, k4, k7: k5 is a question, k6 was opened before the period
    assert c.total == 5
    assert c.by_category == {
        CC.LATE_DELIVERY: 1,
        CC.DAMAGED_ITEM: 1,
        CC.DEFECTIVE_PRODUCT: 2,
        CC.WRONG_ITEM: 1,
    }
    assert list(c.by_product.items()) == [("p1", 2), ("p2", 2), (None, 1)]
    assert list(c.by_channel.items()) == [
        (Channel.PHONE, 1),
        (Channel.EMAIL, 2),
        (Channel.CHAT, 1),
        (Channel.TWITTER, 1),
    ]
    # weeks in Paris time: k1 and k2 in week 44, k3 (Monday 00:30) in 45, k4 and k7 in 46
    assert list(c.by_week.items()) == [("2026-W44", 2), ("2026-W45", 1), ("2026-W46", 2)]
    assert list(c.by_root_cause.items()) == [
        (RootCause.PRODUCT_QUALITY, 2),
        (RootCause.CARRIER, 1),
        (None, 2),
    ]


def test_response_time_achievement_per_channel() -> None:
    rows = full_report().response_times
    assert rows == (
        # k3 answered within 10 minutes (target 60, limit 240)
        ChannelResponse(Channel.PHONE, 60, 240, 1, 1, 0, 1, 0),
        # k1 acknowledged after 30 min (the acknowledgement stops the clock), k5 at exactly 120 min:
        # within; k4 never answered, ten days on: missed both
        ChannelResponse(Channel.EMAIL, 120, 1440, 3, 2, 1, 2, 1),
        # k7 opened two minutes ago: undecided
        ChannelResponse(Channel.CHAT, 5, 30, 1, 0, 0, 0, 0),
        # k2 answered after 45 minutes: past the 30-minute target, within the two-hour limit
        ChannelResponse(Channel.TWITTER, 30, 120, 1, 0, 1, 1, 0),
    )
    assert rows[1].target_share == pytest.approx(2 / 3)
    assert rows[1].limit_share == pytest.approx(2 / 3)
    assert (rows[2].target_share, rows[2].limit_share) == (None, None)
    assert (rows[3].target_share, rows[3].limit_share) == (0.0, 1.0)


def test_unanswered_case_between_target_and_limit() -> None:
    opened = NOW - timedelta(minutes=60)  # twitter: target 30 min passed, limit 120 min not yet
    rows = reports.response_times(
        [case("t", opened, Channel.TWITTER, CC.OTHER, status=CaseStatus.NEW)], PERIOD, NOW
    )
    assert rows == [ChannelResponse(Channel.TWITTER, 30, 120, 1, 0, 1, 0, 0)]
    # notes and order events are not conversations: no response time
    assert reports.response_times([case("n", opened, Channel.NOTE, CC.OTHER)], PERIOD, NOW) == []


def test_first_contact_resolution() -> None:
    # resolved in the period: k1 (acknowledgement + one answer: first contact), k2 (two answers: no),
    # k3 (settled on the customer's call, no outbound: first contact), k6 (opened before, one answer: yes)
    fcr = full_report().first_contact
    assert fcr == FirstContactResolution(resolved=4, first_contact=3)
    assert fcr.share == 0.75


def test_acknowledgement_recognised_by_its_time_too() -> None:
    k = case(
        "a",
        utc(11, 2, 8),
        Channel.EMAIL,
        CC.OTHER,
        acknowledged_at=utc(11, 2, 8, 5),
        first_response_at=utc(11, 2, 9),
        resolved_at=utc(11, 2, 9),
    )
    interactions = [out("x1", "a", utc(11, 2, 8, 5)), out("x2", "a", utc(11, 2, 9))]
    assert reports.first_contact_resolution([k], interactions, PERIOD) == FirstContactResolution(1, 1)
    interactions.append(out("x3", "a", utc(11, 2, 8, 30)))
    assert reports.first_contact_resolution([k], interactions, PERIOD) == FirstContactResolution(1, 0)


def test_gestures_by_reason_category_and_gesture() -> None:
    g = full_report().gestures
    # g1 25.00 + g2 5.90 + g3 15.00 (pending) + g5 10.00; g4 was rejected, g6 is at the period's end
    assert g.total == Bucket(4, {"EUR": 5590})
    assert list(g.by_reason.items()) == [
        (R.LATE_DELIVERY, Bucket(1, {"EUR": 590})),
        (R.DAMAGED_OR_DEFECTIVE, Bucket(2, {"EUR": 4000})),
        (R.LOYALTY, Bucket(1, {"EUR": 1000})),
    ]
    assert list(g.by_category.items()) == [
        (CC.LATE_DELIVERY, Bucket(1, {"EUR": 590})),
        (CC.DEFECTIVE_PRODUCT, Bucket(2, {"EUR": 4000})),
        (None, Bucket(1, {"EUR": 1000})),
    ]
    assert list(g.by_gesture.items()) == [
        (GestureCode.REFUND, Bucket(1, {"EUR": 2500})),
        (GestureCode.SHIPPING_REFUND, Bucket(1, {"EUR": 590})),
        (GestureCode.VOUCHER, Bucket(1, {"EUR": 1500})),
        (GestureCode.GIFT, Bucket(1, {"EUR": 1000})),
    ]


def test_satisfaction_distribution() -> None:
    # one per case, the latest: k1 -> 2, k2 -> 4, k3 -> 4, k6 -> 1; average 11 / 4
    assert full_report().satisfaction == SatisfactionDistribution({1: 1, 2: 1, 3: 0, 4: 2, 5: 0}, 4, 2.75)


def test_watched_products() -> None:
    # p1 averages exactly 3.0 over 25 ratings: watched, with k1, k3 and k6 as complaints in the window
    assert full_report().watched_products == (WatchStatus("p1", True, 3.0, 25, 3, 75),)


def test_empty_report() -> None:
    r = build_report(PERIOD, now=NOW)
    assert r.complaints.total == 0
    assert r.complaints.by_week == {"2026-W44": 0, "2026-W45": 0, "2026-W46": 0}
    assert (r.complaints.by_category, r.complaints.by_product, r.complaints.by_channel) == ({}, {}, {})
    assert r.response_times == ()
    assert (r.first_contact, r.first_contact.share) == (FirstContactResolution(0, 0), None)
    assert r.gestures.total == Bucket(0, {})
    assert r.satisfaction == SatisfactionDistribution({1: 0, 2: 0, 3: 0, 4: 0, 5: 0}, 0, None)
    assert r.watched_products == ()
    rows = report_csv_rows(r)
    assert rows[0] == list(REPORT_CSV_COLUMNS)
    assert ["satisfaction", "average", "0", "", "", ""] in rows


def test_weeks_across_new_year_and_a_dst_day() -> None:
    assert iso_week(date(2027, 1, 1)) == "2026-W53"  # a Friday: still the last week of 2026
    assert iso_week(date(2027, 1, 4)) == "2027-W01"
    winter = ReportPeriod.from_days(date(2026, 12, 28), date(2027, 1, 10), PARIS)
    assert list(build_report(winter, now=NOW).complaints.by_week) == ["2026-W53", "2027-W01"]
    # 25 October 2026, the 25-hour day: a complaint at 23:30 CET (22:30 UTC) belongs to it
    day = ReportPeriod.from_days(date(2026, 10, 25), date(2026, 10, 25), PARIS)
    assert day.end - day.start == timedelta(hours=25)
    late = case("late", utc(10, 25, 22, 30), Channel.EMAIL, CC.OTHER)
    counts = reports.complaint_counts([late], day)
    assert (counts.total, counts.by_week) == (1, {"2026-W43": 1})


@pytest.mark.parametrize(
    ("start", "end", "tz", "message"),
    [
        (datetime(2026, 11, 1), utc(11, 2), PARIS, "time zone"),
        (utc(11, 2), utc(11, 1), PARIS, "ends before"),
        (utc(11, 2), utc(11, 2), PARIS, "ends before"),
        (utc(1, 1), utc(1, 1) + timedelta(days=4000), PARIS, "ten years"),
        (utc(11, 1), utc(11, 2), "Lune/Tranquillité", "unknown time zone"),
    ],
)
def test_bad_periods(start: datetime, end: datetime, tz: str, message: str) -> None:
    with pytest.raises(ReportError, match=message):
        ReportPeriod(start, end, tz)


def test_naive_now_refused() -> None:
    with pytest.raises(ReportError, match="time zone"):
        build_report(PERIOD, now=datetime(2026, 11, 15))


def _field_names(tp: Any, seen: set[Any]) -> set[str]:
    """Every field name reachable from a report dataclass, through nested dataclasses and containers."""
    names: set[str] = set()
    if tp in seen:
        return names
    seen.add(tp)
    if dataclasses.is_dataclass(tp) and isinstance(tp, type):
        for f in dataclasses.fields(tp):
            names.add(f.name)
            names |= _field_names(typing.get_type_hints(tp)[f.name], seen)
    for arg in typing.get_args(tp):
        names |= _field_names(arg, seen)
    return names


def test_report_has_no_per_advisor_figure() -> None:
    """Team level only: nothing in the report is grouped or ranked by advisor (issue 8)."""
    names = _field_names(TeamReport, set())
    assert {"satisfaction", "counts", "average", "gestures", "by_week"} <= names  # the walk sees deep fields
    personal = ("advisor", "user", "assignee", "author", "agent", "staff")
    assert [n for n in names if any(p in n for p in personal)] == []
    for fn in (build_report, reports.satisfaction_distribution):
        assert [p for p in inspect.signature(fn).parameters if any(s in p for s in personal)] == []
    # satisfaction keys are the five scores, never people
    assert list(full_report().satisfaction.counts) == [1, 2, 3, 4, 5]
    # the same ratings on cases handled by different advisors give the same team figure
    cases_by_two = [dataclasses.replace(c, assignee_id=f"u{i % 2}") for i, c in enumerate(CASES)]
    assert build_report(PERIOD, now=NOW, cases=cases_by_two, satisfaction=SATISFACTION).satisfaction == (
        full_report().satisfaction
    )


def test_report_csv_rows() -> None:
    rows = report_csv_rows(full_report())
    assert rows[0] == ["section", "item", "count", "value", "currency", "share_percent"]
    expected = [
        ["complaints", "total", "5", "", "", ""],
        ["complaints.category", "defective_product", "2", "", "", ""],
        ["complaints.product", "none", "1", "", "", ""],
        ["complaints.week", "2026-W45", "1", "", "", ""],
        ["complaints.root_cause", "product_quality", "2", "", "", ""],
        ["response.target", "email", "3", "", "", "66.7"],
        ["response.limit", "twitter", "1", "", "", "100.0"],
        ["response.target", "chat", "1", "", "", ""],
        ["first_contact", "first_contact", "3", "", "", "75.0"],
        ["gestures.total", "total", "4", "55.90", "EUR", ""],
        ["gestures.category", "none", "1", "10.00", "EUR", ""],
        ["gestures.gesture", "shipping_refund", "1", "5.90", "EUR", ""],
        ["satisfaction", "4", "2", "", "", ""],
        ["satisfaction", "average", "4", "2.75", "", ""],
        ["watched_product", "p1", "25", "3.00", "", ""],
        ["watched_product.complaints", "p1", "3", "", "", ""],
    ]
    for row in expected:
        assert row in rows
    assert all(len(r) == len(REPORT_CSV_COLUMNS) for r in rows)
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    assert list(csv.reader(io.StringIO(buffer.getvalue()))) == rows
