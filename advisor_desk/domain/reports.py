"""The team lead's report for a period: where complaints come from, how fast the team answers, what it
resolves at first contact, what gestures cost, how satisfied customers are, which products are watched.

ISO 10002 asks that complaints feed the improvement of products and services; this module computes
the figures, plain dataclasses the UI draws as charts and writes to CSV and PDF. Everything is
computed from the data the caller passes (the team's cases, interactions, decisions and ratings) for
a period [start, end) and a time zone, which decides the days and ISO weeks.

Definitions:

- *Complaints* are cases of kind ``complaint`` opened in the period; weeks are ISO weeks
  ("2026-W47") of the local opening day, every week the period touches listed, empty ones at zero.
- *Response time*: for the cases (every kind) opened in the period on a customer-facing channel with
  a target, the first response is the earlier of the acknowledgement of receipt and the first answer
  (:attr:`Case.first_response_clock_stopped_at`). A case is *within* the target (or the limit) when
  that came at most ``target_minutes`` (``limit_minutes``) after opening; it *missed* when it came
  later or has still not come when the time ran out at ``now``; otherwise it is still undecided
  and left out of the share.
- *First-contact resolution*: among complaints resolved in the period (resolved or closed, with a
  resolution time in the period), those resolved with at most one outbound, customer-facing
  interaction on the case up to the resolution, the acknowledgement of receipt not counted (it is
  good practice, not a second contact). None at all counts too: the complaint was settled during
  the customer's own contact, a call or a store visit.
- *Gestures*: what was given (pending and granted decisions) in the period, by reason, by the
  category of the case they were granted on (None: no case) and by gesture, counted and summed per
  currency.
- *Satisfaction*: the 1-to-5 ratings recorded in the period, one per case (the latest one when a
  case was rated twice), counted per score with their average. Team level only: no figure here is
  per advisor, by design (no screen ranks individual advisors by satisfaction).
- *Watched products*: the product-watch rule evaluated at the end of the period.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TypeVar
from zoneinfo import ZoneInfo

from advisor_desk.domain.channels import DEFAULT_TARGETS, Channel, ResponseTarget
from advisor_desk.domain.model import (
    Case,
    CaseKind,
    CaseStatus,
    ComplaintCategory,
    Decision,
    Direction,
    GestureCode,
    Interaction,
    ProductRating,
    ReasonCode,
    RootCause,
    SatisfactionRating,
)
from advisor_desk.domain.money import format_cents_plain
from advisor_desk.domain.review import Bucket, ReviewError, is_spend, local_period, zone
from advisor_desk.domain.watch import DEFAULT_RULE, WatchRule, WatchStatus, evaluate, watched

#: Longest period a report covers (ten years): beyond it a typing accident, not a report.
MAX_PERIOD = timedelta(days=3660)


K = TypeVar("K")


class ReportError(ReviewError):
    """A period or time zone a report cannot be built for."""


@dataclass(frozen=True, slots=True)
class ReportPeriod:
    start: datetime  # included
    end: datetime  # excluded
    time_zone: str

    def __post_init__(self) -> None:
        if self.start.tzinfo is None or self.end.tzinfo is None:
            raise ReportError("the period's bounds must carry their time zone")
        if self.end <= self.start:
            raise ReportError("the period ends before it starts")
        if self.end - self.start > MAX_PERIOD:
            raise ReportError("a report covers at most ten years")
        try:
            zone(self.time_zone)
        except ReviewError as exc:
            raise ReportError(str(exc)) from None

    @classmethod
    def from_days(cls, first_day: date, last_day: date, time_zone: str) -> ReportPeriod:
        """The local days ``first_day`` to ``last_day`` included."""
        start, end = local_period(first_day, last_day, time_zone)
        return cls(start, end, time_zone)

    @property
    def tz(self) -> ZoneInfo:
        return zone(self.time_zone)

    def contains(self, at: datetime | None) -> bool:
        return at is not None and self.start <= at < self.end

    def local_days(self) -> tuple[date, date]:
        """First and last local day the period touches."""
        tz = self.tz
        return self.start.astimezone(tz).date(), (self.end - timedelta(microseconds=1)).astimezone(tz).date()


def iso_week(day: date) -> str:
    """ISO 8601 week of a day, "2026-W01"; the first days of January may belong to the previous
    year's last week."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _weeks(period: ReportPeriod) -> list[str]:
    first, last = period.local_days()
    # Stepping by week from the Monday of the first week visits each ISO week once.
    monday = first - timedelta(days=first.weekday())
    weeks = []
    while monday <= last:
        weeks.append(iso_week(monday))
        monday += timedelta(days=7)
    return weeks


@dataclass(frozen=True, slots=True)
class ComplaintCounts:
    total: int
    by_category: dict[ComplaintCategory, int]  # catalogue order, non-zero only
    by_product: dict[str | None, int]  # most complained about first; None: no product, last
    by_channel: dict[Channel, int]  # channel order, non-zero only
    by_week: dict[str, int]  # every ISO week of the period, in order, zeros included
    by_root_cause: dict[RootCause | None, int]  # most frequent first; None: not resolved yet, last


def _most_first(counts: Mapping[K | None, int]) -> dict[K | None, int]:
    ordered = sorted((k for k in counts if k is not None), key=lambda k: (-counts[k], str(k)))
    result: dict[K | None, int] = {k: counts[k] for k in ordered}
    if None in counts:
        result[None] = counts[None]
    return result


def complaint_counts(cases: Iterable[Case], period: ReportPeriod) -> ComplaintCounts:
    tz = period.tz
    total = 0
    category: dict[ComplaintCategory, int] = defaultdict(int)
    product: dict[str | None, int] = defaultdict(int)
    channel: dict[Channel, int] = defaultdict(int)
    week: dict[str, int] = dict.fromkeys(_weeks(period), 0)
    cause: dict[RootCause | None, int] = defaultdict(int)
    for case in cases:
        if case.kind is not CaseKind.COMPLAINT or not period.contains(case.opened_at):
            continue
        total += 1
        category[case.category] += 1
        product[case.product_id or None] += 1
        channel[case.channel] += 1
        week[iso_week(case.opened_at.astimezone(tz).date())] += 1
        cause[case.root_cause] += 1
    return ComplaintCounts(
        total,
        {k: category[k] for k in ComplaintCategory if k in category},
        _most_first(product),
        {k: channel[k] for k in Channel if k in channel},
        week,
        _most_first(cause),
    )


@dataclass(frozen=True, slots=True)
class ChannelResponse:
    """Response-time achievement of one channel against its target and its limit."""

    channel: Channel
    target_minutes: int
    limit_minutes: int
    cases: int
    within_target: int
    missed_target: int
    within_limit: int
    missed_limit: int

    @property
    def target_share(self) -> float | None:
        decided = self.within_target + self.missed_target
        return self.within_target / decided if decided else None

    @property
    def limit_share(self) -> float | None:
        decided = self.within_limit + self.missed_limit
        return self.within_limit / decided if decided else None


def response_times(
    cases: Iterable[Case],
    period: ReportPeriod,
    now: datetime,
    targets: Mapping[Channel, ResponseTarget] = DEFAULT_TARGETS,
) -> list[ChannelResponse]:
    """One row per channel that had cases in the period, in channel order."""
    if now.tzinfo is None:
        raise ReportError("now must carry its time zone")
    rows: dict[Channel, list[int]] = {}  # cases, within/missed target, within/missed limit
    for case in cases:
        target = targets.get(case.channel)
        if target is None or not case.channel.customer_facing or not period.contains(case.opened_at):
            continue
        row = rows.setdefault(case.channel, [0, 0, 0, 0, 0])
        row[0] += 1
        answered = case.first_response_clock_stopped_at
        for minutes, within, missed in ((target.target_minutes, 1, 2), (target.limit_minutes, 3, 4)):
            deadline = case.opened_at + timedelta(minutes=minutes)
            if answered is not None and answered <= deadline:
                row[within] += 1
            elif answered is not None or now > deadline:
                row[missed] += 1
    return [
        ChannelResponse(
            channel, targets[channel].target_minutes, targets[channel].limit_minutes, *rows[channel]
        )
        for channel in Channel
        if channel in rows
    ]


@dataclass(frozen=True, slots=True)
class FirstContactResolution:
    resolved: int  # complaints resolved in the period
    first_contact: int  # of which with at most one outbound interaction

    @property
    def share(self) -> float | None:
        return self.first_contact / self.resolved if self.resolved else None


def _is_acknowledgement(interaction: Interaction, case: Case) -> bool:
    return interaction.details.get("acknowledgement") is True or (
        case.acknowledged_at is not None and interaction.occurred_at == case.acknowledged_at
    )


def first_contact_resolution(
    cases: Iterable[Case], interactions: Iterable[Interaction], period: ReportPeriod
) -> FirstContactResolution:
    resolved = {
        c.id: c
        for c in cases
        if c.kind is CaseKind.COMPLAINT
        and c.status in (CaseStatus.RESOLVED, CaseStatus.CLOSED)
        and period.contains(c.resolved_at)
    }
    outbound: dict[str, int] = defaultdict(int)
    for i in interactions:
        case = resolved.get(i.case_id or "")
        if (
            case is None
            or i.direction is not Direction.OUTBOUND
            or not i.channel.customer_facing
            or case.resolved_at is None
            or i.occurred_at > case.resolved_at
            or _is_acknowledgement(i, case)
        ):
            continue
        outbound[case.id] += 1
    return FirstContactResolution(len(resolved), sum(1 for k in resolved if outbound.get(k, 0) <= 1))


@dataclass(frozen=True, slots=True)
class GestureReport:
    total: Bucket
    by_reason: dict[ReasonCode, Bucket]  # reason order
    by_category: dict[ComplaintCategory | None, Bucket]  # catalogue order; None (no case) last
    by_gesture: dict[GestureCode, Bucket]  # catalogue order


def gesture_report(
    decisions: Iterable[Decision], cases: Iterable[Case], period: ReportPeriod
) -> GestureReport:
    category_of = {c.id: c.category for c in cases}
    total = Bucket()
    reason: dict[ReasonCode, Bucket] = defaultdict(Bucket)
    category: dict[ComplaintCategory | None, Bucket] = defaultdict(Bucket)
    gesture: dict[GestureCode, Bucket] = defaultdict(Bucket)
    for d in decisions:
        if not is_spend(d) or not period.contains(d.granted_at):
            continue
        total.add(d)
        reason[d.reason_code].add(d)
        category[category_of.get(d.case_id or "")].add(d)
        gesture[d.gesture].add(d)
    by_category: dict[ComplaintCategory | None, Bucket] = {
        k: category[k] for k in ComplaintCategory if k in category
    }
    if None in category:
        by_category[None] = category[None]
    return GestureReport(
        total,
        {k: reason[k] for k in ReasonCode if k in reason},
        by_category,
        {k: gesture[k] for k in GestureCode if k in gesture},
    )


@dataclass(frozen=True, slots=True)
class SatisfactionDistribution:
    """Team-level satisfaction: how many cases were rated 1, 2, 3, 4 and 5, and the average."""

    counts: dict[int, int] = field(default_factory=lambda: dict.fromkeys(range(1, 6), 0))
    total: int = 0
    average: float | None = None


def satisfaction_distribution(
    ratings: Iterable[SatisfactionRating], period: ReportPeriod
) -> SatisfactionDistribution:
    latest: dict[str, SatisfactionRating] = {}
    for r in ratings:
        if not period.contains(r.recorded_at):
            continue
        kept = latest.get(r.case_id)
        if kept is None or (r.recorded_at, r.id) > (kept.recorded_at, kept.id):
            latest[r.case_id] = r
    counts = dict.fromkeys(range(1, 6), 0)
    for r in latest.values():
        counts[r.score] += 1
    total = len(latest)
    average = sum(score * n for score, n in counts.items()) / total if total else None
    return SatisfactionDistribution(counts, total, average)


@dataclass(frozen=True, slots=True)
class TeamReport:
    period: ReportPeriod
    complaints: ComplaintCounts
    response_times: tuple[ChannelResponse, ...]
    first_contact: FirstContactResolution
    gestures: GestureReport
    satisfaction: SatisfactionDistribution
    watched_products: tuple[WatchStatus, ...]  # worst first


def build_report(
    period: ReportPeriod,
    *,
    now: datetime,
    cases: Iterable[Case] = (),
    interactions: Iterable[Interaction] = (),
    decisions: Iterable[Decision] = (),
    satisfaction: Iterable[SatisfactionRating] = (),
    product_ratings: Iterable[ProductRating] = (),
    targets: Mapping[Channel, ResponseTarget] = DEFAULT_TARGETS,
    watch_rule: WatchRule = DEFAULT_RULE,
) -> TeamReport:
    """Every section of the report. ``now`` decides which unanswered cases have missed their time;
    the watch rule is evaluated at the end of the period (or ``now`` if earlier)."""
    if now.tzinfo is None:
        raise ReportError("now must carry its time zone")
    all_cases = list(cases)
    watch_at = min(period.end, now)
    statuses = evaluate(product_ratings, watch_rule, watch_at, all_cases)
    return TeamReport(
        period,
        complaint_counts(all_cases, period),
        tuple(response_times(all_cases, period, now, targets)),
        first_contact_resolution(all_cases, interactions, period),
        gesture_report(decisions, all_cases, period),
        satisfaction_distribution(satisfaction, period),
        tuple(watched(statuses)),
    )


#: Columns of the report's CSV export: one figure a row, stable English keys.
REPORT_CSV_COLUMNS: tuple[str, ...] = ("section", "item", "count", "value", "currency", "share_percent")


def _share(value: float | None) -> str:
    return "" if value is None else f"{value * 100:.1f}"


def _key(value: object) -> str:
    if value is None:
        return "none"
    return str(value)


def report_csv_rows(report: TeamReport) -> list[list[str]]:
    """The report as rows of text, header first; write them with :mod:`csv`.

    Sections: ``complaints.category``, ``complaints.product``, ``complaints.channel``,
    ``complaints.week``, ``complaints.root_cause``, ``response.target``, ``response.limit``,
    ``first_contact``, ``gestures.reason``, ``gestures.category``, ``gestures.gesture``,
    ``satisfaction``, ``watched_product``. Money is a plain decimal beside its currency (one row per
    currency) in ``value``, which holds the average for satisfaction and watched products; shares are
    percentages with one decimal.
    """
    rows: list[list[str]] = [list(REPORT_CSV_COLUMNS)]
    c = report.complaints
    rows.append(["complaints", "total", str(c.total), "", "", ""])
    counted: tuple[tuple[str, Iterable[tuple[object, int]]], ...] = (
        ("complaints.category", c.by_category.items()),
        ("complaints.product", c.by_product.items()),
        ("complaints.channel", c.by_channel.items()),
        ("complaints.week", c.by_week.items()),
        ("complaints.root_cause", c.by_root_cause.items()),
    )
    for section, items in counted:
        rows.extend([section, _key(k), str(n), "", "", ""] for k, n in items)
    for r in report.response_times:
        rows.append(
            ["response.target", r.channel.value, str(r.cases), "", "", _share(r.target_share)],
        )
        rows.append(["response.limit", r.channel.value, str(r.cases), "", "", _share(r.limit_share)])
    fcr = report.first_contact
    rows.append(["first_contact", "resolved", str(fcr.resolved), "", "", ""])
    rows.append(["first_contact", "first_contact", str(fcr.first_contact), "", "", _share(fcr.share)])
    buckets: tuple[tuple[str, Iterable[tuple[object, Bucket]]], ...] = (
        ("gestures.total", {"total": report.gestures.total}.items()),
        ("gestures.reason", report.gestures.by_reason.items()),
        ("gestures.category", report.gestures.by_category.items()),
        ("gestures.gesture", report.gestures.by_gesture.items()),
    )
    for section, bucket_items in buckets:
        for k, bucket in bucket_items:
            if not bucket.cents:
                rows.append([section, _key(k), str(bucket.count), "", "", ""])
            for currency, cents in sorted(bucket.cents.items()):
                rows.append([section, _key(k), str(bucket.count), format_cents_plain(cents), currency, ""])
    s = report.satisfaction
    rows.extend(["satisfaction", str(score), str(n), "", "", ""] for score, n in s.counts.items())
    rows.append(
        ["satisfaction", "average", str(s.total), "" if s.average is None else f"{s.average:.2f}", "", ""]
    )
    for w in report.watched_products:
        rows.append(
            [
                "watched_product",
                w.product_id,
                str(w.count),
                "" if w.average is None else f"{w.average:.2f}",
                "",
                "",
            ]
        )
        rows.append(["watched_product.complaints", w.product_id, str(w.complaint_count), "", "", ""])
    return rows
