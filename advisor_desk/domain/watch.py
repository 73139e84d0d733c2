"""Product watch: products customers rate poorly are flagged until their manager finds a fix.

Decathlon flags any product rated 3/5 or less and makes its product manager answer. Here a product is
*watched* when, over the last ``period_days`` days (365 by default), its ratings average ``threshold``
(3.0) or less and there are at least ``min_ratings`` (25) of them in that window: a handful of ratings
says nothing. The window is (now − period, now]: a rating exactly ``period_days`` old has left it, a
rating dated after ``now`` (a clock ahead) is not counted yet. The comparison is exact (3.0 is
watched, 3.04 is not), never a float rounding.

The three values are central settings (:data:`SETTING_THRESHOLD`, :data:`SETTING_PERIOD_DAYS`,
:data:`SETTING_MIN_RATINGS`) that reach every workstation through the changes feed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from fractions import Fraction
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from advisor_desk.domain.model import Case, CaseKind, Decision, ProductRating, RootCause

SETTING_THRESHOLD = "product_watch.threshold"
SETTING_PERIOD_DAYS = "product_watch.period_days"
SETTING_MIN_RATINGS = "product_watch.min_ratings"


class WatchRuleError(ValueError):
    """A watch setting that cannot be used; the message names the setting."""


@dataclass(frozen=True, slots=True)
class WatchRule:
    threshold: float = 3.0  # average at or below which a product is watched (1 to 5)
    period_days: int = 365
    min_ratings: int = 25

    def __post_init__(self) -> None:
        if isinstance(self.threshold, bool) or not isinstance(self.threshold, (int, float)):
            raise WatchRuleError(f"{SETTING_THRESHOLD}: expected a number of stars")
        if not 1 <= self.threshold <= 5:
            raise WatchRuleError(f"{SETTING_THRESHOLD}: ratings go from 1 to 5, got {self.threshold}")
        for name, value in ((SETTING_PERIOD_DAYS, self.period_days), (SETTING_MIN_RATINGS, self.min_ratings)):
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise WatchRuleError(f"{name}: expected a whole number of at least 1, got {value!r}")
        if self.period_days > 3660:
            raise WatchRuleError(f"{SETTING_PERIOD_DAYS}: at most ten years, got {self.period_days}")

    @property
    def window(self) -> timedelta:
        return timedelta(days=self.period_days)

    @property
    def exact_threshold(self) -> Fraction:
        # From the decimal text so that 3.2 means 16/5, not the nearest binary float.
        return Fraction(str(self.threshold))

    def in_window(self, at: datetime, now: datetime) -> bool:
        return now - self.window < at <= now


#: The rule when the centre sets nothing: 3/5 or less over 365 days with at least 25 ratings.
DEFAULT_RULE = WatchRule()


def rule_from_settings(values: Mapping[str, object]) -> WatchRule:
    """The rule from central settings (key → value); a missing key keeps its default.

    Raises :class:`WatchRuleError` naming the setting when a value is not usable, so the caller can
    keep its previous rule and say why.
    """
    default = DEFAULT_RULE
    threshold = values.get(SETTING_THRESHOLD, default.threshold)
    period = values.get(SETTING_PERIOD_DAYS, default.period_days)
    minimum = values.get(SETTING_MIN_RATINGS, default.min_ratings)
    if isinstance(threshold, bool) or not isinstance(threshold, (int, float)):
        raise WatchRuleError(f"{SETTING_THRESHOLD}: expected a number of stars, got {threshold!r}")
    # Whole-valued floats arrive from JSON writers that do not keep 365 and 365.0 apart.
    period = _whole(SETTING_PERIOD_DAYS, period)
    minimum = _whole(SETTING_MIN_RATINGS, minimum)
    return WatchRule(float(threshold), period, minimum)


def _whole(name: str, value: object) -> int:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        raise WatchRuleError(f"{name}: expected a whole number, got {value!r}")
    return value


@dataclass(frozen=True, slots=True)
class WatchStatus:
    """Where a product stands: shown beside it wherever it appears, with the rating and complaints."""

    product_id: str
    watched: bool
    average: float | None  # None when no rating falls in the window
    count: int  # ratings in the window
    complaint_count: int = 0  # complaints about the product opened in the window
    stars_total: int = 0


def evaluate(
    product_ratings: Iterable[ProductRating],
    rule: WatchRule,
    now: datetime,
    complaints: Iterable[Case] = (),
) -> dict[str, WatchStatus]:
    """The watch status of every product that has ratings or complaints, keyed by product id.

    ``complaints`` may hold any cases: only complaints with a product, opened in the window, count.
    A product whose ratings all left the window gets ``count`` 0, ``average`` None, not watched.
    """
    if now.tzinfo is None:
        raise WatchRuleError("now must carry its time zone")
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # stars, count
    complaint_counts: dict[str, int] = defaultdict(int)
    seen: set[str] = set()
    for r in product_ratings:
        seen.add(r.product_id)
        if rule.in_window(r.rated_at, now):
            entry = totals[r.product_id]
            entry[0] += r.stars
            entry[1] += 1
    for case in complaints:
        if case.kind is CaseKind.COMPLAINT and case.product_id and rule.in_window(case.opened_at, now):
            seen.add(case.product_id)
            complaint_counts[case.product_id] += 1
    threshold = rule.exact_threshold
    result: dict[str, WatchStatus] = {}
    for product_id in sorted(seen):
        stars, count = totals.get(product_id, (0, 0))
        watched = count >= rule.min_ratings and Fraction(stars, count) <= threshold
        result[product_id] = WatchStatus(
            product_id,
            watched,
            stars / count if count else None,
            count,
            complaint_counts.get(product_id, 0),
            stars,
        )
    return result


def watched(statuses: Mapping[str, WatchStatus]) -> list[WatchStatus]:
    """The watched products, worst average first (then most complaints, then id)."""
    return sorted(
        (s for s in statuses.values() if s.watched),
        key=lambda s: (s.average if s.average is not None else 0.0, -s.complaint_count, s.product_id),
    )


@dataclass(frozen=True, slots=True)
class MonthPoint:
    month: date  # first day of the month, in the chosen time zone
    count: int
    average: float | None  # None for a month without ratings (a gap in the chart, not a zero)


def monthly_trend(
    product_ratings: Iterable[ProductRating],
    product_id: str,
    now: datetime,
    time_zone: str,
    months: int = 12,
) -> list[MonthPoint]:
    """Rating of one product per calendar month (in ``time_zone``), the last ``months`` months up to
    the month of ``now`` included, oldest first; months without ratings are present with no average."""
    if months < 1:
        raise WatchRuleError("a trend covers at least one month")
    try:
        tz = ZoneInfo(time_zone)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise WatchRuleError(f"unknown time zone: {time_zone!r}") from exc
    local_now = now.astimezone(tz)
    index_now = local_now.year * 12 + local_now.month - 1
    first = index_now - months + 1
    sums = [[0, 0] for _ in range(months)]
    for r in product_ratings:
        if r.product_id != product_id or r.rated_at > now:
            continue
        local = r.rated_at.astimezone(tz)
        i = local.year * 12 + local.month - 1 - first
        if 0 <= i < months:
            sums[i][0] += r.stars
            sums[i][1] += 1
    return [
        MonthPoint(date((first + i) // 12, (first + i) % 12 + 1, 1), count, stars / count if count else None)
        for i, (stars, count) in enumerate(sums)
    ]


@dataclass(frozen=True, slots=True)
class WatchListEntry:
    """A line of the team lead's and product manager's watch list."""

    status: WatchStatus
    complaints_by_root_cause: dict[RootCause | None, int] = field(default_factory=dict)  # None: not yet
    gesture_count: int = 0
    gesture_cents: dict[str, int] = field(default_factory=dict)  # per currency
    trend: tuple[MonthPoint, ...] = ()  # rating per month, oldest first (empty without ratings given)


def watch_list(
    statuses: Mapping[str, WatchStatus],
    cases: Iterable[Case],
    decisions: Iterable[Decision],
    rule: WatchRule,
    now: datetime,
    product_ratings: Iterable[ProductRating] = (),
    time_zone: str = "Europe/Paris",
    months: int = 12,
) -> list[WatchListEntry]:
    """Each watched product with its complaints by root cause and the gestures spent on it, in the
    rule's window, and its monthly rating trend (``months`` months in ``time_zone``) when
    ``product_ratings`` are given. A gesture is "on" a product when it was granted on a case about
    that product; only what was given counts (pending and granted decisions)."""
    listed = watched(statuses)
    ids = {s.product_id for s in listed}
    ratings_of: dict[str, list[ProductRating]] = defaultdict(list)
    for r in product_ratings:
        if r.product_id in ids:
            ratings_of[r.product_id].append(r)
    product_of_case: dict[str, str] = {}
    causes: dict[str, dict[RootCause | None, int]] = defaultdict(lambda: defaultdict(int))
    for case in cases:
        if case.product_id not in ids or case.product_id is None:
            continue
        product_of_case[case.id] = case.product_id
        if case.kind is CaseKind.COMPLAINT and rule.in_window(case.opened_at, now):
            causes[case.product_id][case.root_cause] += 1
    counts: dict[str, int] = defaultdict(int)
    cents: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for d in decisions:
        product_id = product_of_case.get(d.case_id or "")
        if product_id is None or not d.status.counts_against_budget or not rule.in_window(d.granted_at, now):
            continue
        counts[product_id] += 1
        cents[product_id][d.currency] += d.amount_cents
    return [
        WatchListEntry(
            s,
            _by_cause(causes.get(s.product_id, {})),
            counts.get(s.product_id, 0),
            dict(sorted(cents.get(s.product_id, {}).items())),
            tuple(monthly_trend(ratings_of[s.product_id], s.product_id, now, time_zone, months))
            if s.product_id in ratings_of
            else (),
        )
        for s in listed
    ]


def _by_cause(counts: Mapping[RootCause | None, int]) -> dict[RootCause | None, int]:
    """Most frequent cause first; complaints without a cause yet last."""
    ordered = sorted((k for k in counts if k is not None), key=lambda k: (-counts[k], k.value))
    result: dict[RootCause | None, int] = {k: counts[k] for k in ordered}
    if None in counts:
        result[None] = counts[None]
    return result
