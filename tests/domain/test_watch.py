"""The product-watch rule at its edges, its settings, the monthly trend and the watch list."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from advisor_desk.domain.channels import Channel
from advisor_desk.domain.model import (
    Case,
    CaseKind,
    CaseStatus,
    ComplaintCategory,
    Decision,
    DecisionStatus,
    GestureCode,
    ProductRating,
    ReasonCode,
    RootCause,
)
from advisor_desk.domain.watch import (
    SETTING_MIN_RATINGS,
    SETTING_PERIOD_DAYS,
    SETTING_THRESHOLD,
    MonthPoint,
    WatchListEntry,
    WatchRule,
    WatchRuleError,
    WatchStatus,
    evaluate,
    monthly_trend,
    rule_from_settings,
    watch_list,
    watched,
)

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
RULE = WatchRule()


def ratings(
    product: str, stars: Sequence[int], at: datetime = NOW - timedelta(days=10)
) -> list[ProductRating]:
    return [ProductRating(f"{product}-{i}", product, s, at) for i, s in enumerate(stars)]


def complaint(id: str, product: str | None, opened_at: datetime = NOW - timedelta(days=5), **kw: Any) -> Case:
    return Case(
        id=id,
        customer_id="c1",
        kind=kw.pop("kind", CaseKind.COMPLAINT),
        category=ComplaintCategory.DEFECTIVE_PRODUCT,
        status=kw.pop("status", CaseStatus.RESOLVED),
        channel=Channel.EMAIL,
        subject="ne marche pas",
        opened_at=opened_at,
        team="lyon",
        product_id=product,
        **kw,
    )


def test_exactly_three_is_watched() -> None:
    status = evaluate(ratings("p", [3] * 25), RULE, NOW)["p"]
    assert status == WatchStatus("p", True, 3.0, 25, 0, 75)


@pytest.mark.parametrize(
    ("stars", "is_watched", "average"),
    [
        ([3] * 24, False, 3.0),  # 24 ratings: too few to say anything
        ([3] * 24 + [4], False, 3.04),  # 76 / 25: just above
        ([3] * 24 + [2], True, 2.96),  # 74 / 25: just below
        ([1] * 25, True, 1.0),
        ([5] * 40, False, 5.0),
    ],
)
def test_threshold_and_minimum_count(stars: list[int], is_watched: bool, average: float) -> None:
    status = evaluate(ratings("p", stars), RULE, NOW)["p"]
    assert (status.watched, status.average, status.count) == (is_watched, average, len(stars))


def test_ratings_older_than_the_window_are_ignored() -> None:
    year = timedelta(days=365)
    old = ratings("p", [1], at=NOW - year)  # exactly 365 days old: has just left the window
    just_in = ratings("q", [1], at=NOW - year + timedelta(seconds=1))
    recent = [ProductRating(f"r{i}", "p", 1, NOW - timedelta(days=i)) for i in range(24)]
    recent_q = [ProductRating(f"s{i}", "q", 1, NOW - timedelta(days=i)) for i in range(24)]
    future = [ProductRating("f", "p", 1, NOW + timedelta(minutes=1))]  # a clock ahead: not yet
    found = evaluate(old + recent + future + just_in + recent_q, RULE, NOW)
    assert (found["p"].watched, found["p"].count) == (False, 24)
    assert (found["q"].watched, found["q"].count) == (True, 25)
    # a product whose ratings all left the window is known but not watched and has no average
    only_old = evaluate(ratings("z", [1] * 30, at=NOW - timedelta(days=400)), RULE, NOW)
    assert only_old == {"z": WatchStatus("z", False, None, 0, 0, 0)}


def test_complaints_counted_over_the_same_window() -> None:
    cases = [
        complaint("k1", "p"),
        complaint("k2", "p", opened_at=NOW - timedelta(days=364)),
        complaint("k3", "p", opened_at=NOW - timedelta(days=365)),  # left the window
        complaint("k4", "p", kind=CaseKind.REQUEST),  # a question is not a complaint
        complaint("k5", None),  # no product
        complaint("k6", "unrated"),
    ]
    found = evaluate(ratings("p", [2] * 25), RULE, NOW, cases)
    assert found["p"] == WatchStatus("p", True, 2.0, 25, 2, 50)
    assert found["unrated"] == WatchStatus("unrated", False, None, 0, 1, 0)
    assert evaluate([], RULE, NOW) == {}


def test_configured_rule() -> None:
    # a stricter watch: 3.5 or less over 90 days with 10 ratings
    rule = rule_from_settings({SETTING_THRESHOLD: 3.5, SETTING_PERIOD_DAYS: 90, SETTING_MIN_RATINGS: 10})
    assert rule == WatchRule(3.5, 90, 10)
    data = ratings("p", [3, 4] * 5) + ratings("p", [1] * 10, at=NOW - timedelta(days=100))
    assert evaluate(data, rule, NOW)["p"] == WatchStatus("p", True, 3.5, 10, 0, 35)
    assert evaluate(data, RULE, NOW)["p"].watched is False  # 20 ratings in 365 days: too few


def test_rule_from_settings_defaults_and_json_numbers() -> None:
    assert rule_from_settings({}) == WatchRule(3.0, 365, 25)
    assert rule_from_settings({SETTING_THRESHOLD: 3, SETTING_PERIOD_DAYS: 365.0}) == WatchRule(3.0, 365, 25)
    assert rule_from_settings({"unrelated": "x"}) == RULE


@pytest.mark.parametrize(
    ("values", "named"),
    [
        ({SETTING_THRESHOLD: "3"}, SETTING_THRESHOLD),
        ({SETTING_THRESHOLD: True}, SETTING_THRESHOLD),
        ({SETTING_THRESHOLD: 6}, SETTING_THRESHOLD),
        ({SETTING_THRESHOLD: 0.5}, SETTING_THRESHOLD),
        ({SETTING_PERIOD_DAYS: 0}, SETTING_PERIOD_DAYS),
        ({SETTING_PERIOD_DAYS: 30.5}, SETTING_PERIOD_DAYS),
        ({SETTING_PERIOD_DAYS: None}, SETTING_PERIOD_DAYS),
        ({SETTING_PERIOD_DAYS: 100_000}, SETTING_PERIOD_DAYS),
        ({SETTING_MIN_RATINGS: -3}, SETTING_MIN_RATINGS),
        ({SETTING_MIN_RATINGS: "25"}, SETTING_MIN_RATINGS),
    ],
)
def test_bad_settings_are_named(values: dict[str, object], named: str) -> None:
    with pytest.raises(WatchRuleError, match=named.replace(".", r"\.")):
        rule_from_settings(values)


def test_naive_now_refused() -> None:
    with pytest.raises(WatchRuleError, match="time zone"):
        evaluate([], RULE, datetime(2026, 11, 23))


def test_watched_lists_worst_first() -> None:
    data = ratings("a", [3] * 25) + ratings("b", [2] * 25) + ratings("c", [5] * 25) + ratings("d", [2] * 25)
    cases = [complaint("k1", "d")]
    assert [s.product_id for s in watched(evaluate(data, RULE, NOW, cases))] == ["d", "b", "a"]
    assert watched({}) == []


def test_monthly_trend_in_local_months() -> None:
    now = datetime(2026, 3, 15, 12, tzinfo=UTC)
    data = [
        # 23:30 UTC on 31 January is 00:30 on 1 February in Paris: a February rating
        ProductRating("1", "p", 2, datetime(2026, 1, 31, 23, 30, tzinfo=UTC)),
        ProductRating("2", "p", 4, datetime(2026, 2, 10, tzinfo=UTC)),
        ProductRating("3", "p", 1, datetime(2026, 3, 1, tzinfo=UTC)),
        ProductRating("4", "p", 5, datetime(2025, 12, 31, tzinfo=UTC)),  # before the three months
        ProductRating("5", "p", 5, datetime(2026, 3, 20, tzinfo=UTC)),  # after now
        ProductRating("6", "other", 1, datetime(2026, 3, 1, tzinfo=UTC)),
    ]
    assert monthly_trend(data, "p", now, "Europe/Paris", months=3) == [
        MonthPoint(date(2026, 1, 1), 0, None),
        MonthPoint(date(2026, 2, 1), 2, 3.0),
        MonthPoint(date(2026, 3, 1), 1, 1.0),
    ]
    # seen from UTC the first rating stays in January
    assert monthly_trend(data, "p", now, "UTC", months=3)[0] == MonthPoint(date(2026, 1, 1), 1, 2.0)
    # twelve months across a year boundary, oldest first
    year = monthly_trend([], "p", now, "Europe/Paris")
    assert (len(year), year[0].month, year[-1].month) == (12, date(2025, 4, 1), date(2026, 3, 1))
    with pytest.raises(WatchRuleError):
        monthly_trend(data, "p", now, "Europe/Paris", months=0)
    with pytest.raises(WatchRuleError, match="unknown time zone"):
        monthly_trend(data, "p", now, "Nowhere/Else")


def _decision(
    id: str, case_id: str | None, cents: int, status: DecisionStatus = DecisionStatus.GRANTED
) -> Decision:
    return Decision(
        id=id,
        user_id="u1",
        team="lyon",
        customer_id="c1",
        gesture=GestureCode.REFUND,
        amount_cents=cents,
        currency="EUR",
        reason_code=ReasonCode.DAMAGED_OR_DEFECTIVE,
        reason_text="défaut",
        granted_at=NOW - timedelta(days=3),
        status=status,
        case_id=case_id,
    )


def test_watch_list_with_root_causes_and_gestures() -> None:
    cases = [
        complaint("k1", "p", root_cause=RootCause.PRODUCT_QUALITY),
        complaint("k2", "p", root_cause=RootCause.PRODUCT_QUALITY),
        complaint("k3", "p", root_cause=RootCause.CARRIER),
        complaint("k4", "p", status=CaseStatus.IN_PROGRESS),  # no root cause yet
        complaint("k5", "fine", root_cause=RootCause.SUPPLIER),
    ]
    decisions = [
        _decision("d1", "k1", 2500),
        _decision("d2", "k3", 1000),
        _decision("d3", "k2", 9999, DecisionStatus.REJECTED),  # refused: nothing spent
        _decision("d4", "k5", 500),  # on a product that is not watched
        _decision("d5", None, 700),
    ]
    data = ratings("p", [2] * 25) + ratings("fine", [4] * 25)
    statuses = evaluate(data, RULE, NOW, cases)
    entries = watch_list(statuses, cases, decisions, RULE, NOW)
    assert entries == [
        WatchListEntry(
            WatchStatus("p", True, 2.0, 25, 4, 50),
            {RootCause.PRODUCT_QUALITY: 2, RootCause.CARRIER: 1, None: 1},
            2,
            {"EUR": 3500},
        )
    ]
    assert list(entries[0].complaints_by_root_cause) == [RootCause.PRODUCT_QUALITY, RootCause.CARRIER, None]
    # with the ratings, each line carries its trend: all 25 ratings of p are in November 2026
    with_trend = watch_list(statuses, cases, decisions, RULE, NOW, data, "Europe/Paris", months=2)
    assert with_trend[0].trend == (
        MonthPoint(date(2026, 10, 1), 0, None),
        MonthPoint(date(2026, 11, 1), 25, 2.0),
    )
    assert watch_list({}, cases, decisions, RULE, NOW) == []


def test_product_rating_is_one_to_five_stars() -> None:
    with pytest.raises(ValueError, match="1 to 5"):
        ProductRating("x", "p", 0, NOW)
    with pytest.raises(ValueError, match="1 to 5"):
        ProductRating("x", "p", 6, NOW)
