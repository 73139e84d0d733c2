"""The team lead's review rules on crafted decisions; every expected figure is worked out by hand."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from advisor_desk.domain.model import (
    AuthorityEnvelope,
    Decision,
    DecisionStatus,
    GestureCode,
    GestureLimit,
    ReasonCode,
    Role,
    User,
)
from advisor_desk.domain.review import (
    CSV_COLUMNS,
    Bucket,
    DecisionFilter,
    Flag,
    FlagCode,
    FlagRules,
    HighSpender,
    Reviewed,
    ReviewError,
    apply_filter,
    csv_rows,
    envelopes_by_user,
    flags,
    high_spenders,
    local_period,
    totals,
)

G = GestureCode
S = DecisionStatus


def utc(y: int, mo: int, d: int, h: int = 12, mi: int = 0) -> datetime:
    return datetime(y, mo, d, h, mi, tzinfo=UTC)


def dec(
    id: str,
    user: str = "u1",
    customer: str = "c1",
    gesture: GestureCode = G.VOUCHER,
    cents: int = 1000,
    at: datetime | None = None,
    status: DecisionStatus = S.GRANTED,
    **kw: Any,
) -> Decision:
    return Decision(
        id=id,
        user_id=user,
        team="lyon",
        customer_id=customer,
        gesture=gesture,
        amount_cents=cents,
        currency=kw.pop("currency", "EUR"),
        reason_code=kw.pop("reason_code", ReasonCode.LATE_DELIVERY),
        reason_text=kw.pop("reason_text", "colis en retard"),
        granted_at=at or utc(2026, 3, 10),
        status=status,
        **kw,
    )


ADVISOR_ENVELOPE = AuthorityEnvelope(
    Role.ADVISOR,
    "EUR",
    daily_budget_cents=30_000,
    per_customer_30d_cents=15_000,
    gestures=(GestureLimit(G.VOUCHER, 3_000), GestureLimit(G.REFUND, 8_000)),
)


# --- filters -----------------------------------------------------------------------------------


def _filter_set() -> list[Decision]:
    return [
        dec("a", user="u1", gesture=G.VOUCHER, cents=1000, at=utc(2026, 3, 1, 8)),
        dec("b", user="u2", gesture=G.REFUND, cents=5000, at=utc(2026, 3, 2, 8), status=S.PENDING),
        dec(
            "c",
            user="u1",
            gesture=G.GIFT,
            cents=1500,
            at=utc(2026, 3, 3, 8),
            reason_code=ReasonCode.LOYALTY,
            reviewed_by="lead",
            reviewed_at=utc(2026, 3, 4),
        ),
        dec("d", user="u3", gesture=G.VOUCHER, cents=3000, at=utc(2026, 3, 4, 8), status=S.REJECTED),
    ]


@pytest.mark.parametrize(
    ("f", "expected"),
    [
        (DecisionFilter(), ["a", "b", "c", "d"]),
        (DecisionFilter(advisor_ids=frozenset({"u1"})), ["a", "c"]),
        # [from, to): a decision exactly at "to" is out, one exactly at "from" is in
        (DecisionFilter(period_from=utc(2026, 3, 2, 8), period_to=utc(2026, 3, 4, 8)), ["b", "c"]),
        (DecisionFilter(period_from=utc(2026, 3, 3, 9)), ["d"]),
        (DecisionFilter(period_to=utc(2026, 3, 1, 8)), []),
        (DecisionFilter(gestures=frozenset({G.VOUCHER, G.GIFT})), ["a", "c", "d"]),
        (DecisionFilter(min_amount_cents=1500), ["b", "c", "d"]),
        (DecisionFilter(max_amount_cents=1500), ["a", "c"]),
        (DecisionFilter(min_amount_cents=1500, max_amount_cents=3000), ["c", "d"]),
        (DecisionFilter(reason_codes=frozenset({ReasonCode.LOYALTY})), ["c"]),
        (DecisionFilter(statuses=frozenset({S.PENDING, S.REJECTED})), ["b", "d"]),
        (DecisionFilter(reviewed=Reviewed.YES), ["c"]),
        (DecisionFilter(reviewed=Reviewed.NO), ["a", "b", "d"]),
        (
            DecisionFilter(advisor_ids=frozenset({"u1"}), reviewed=Reviewed.NO, gestures=frozenset({G.GIFT})),
            [],
        ),
    ],
)
def test_filter_keeps_what_matches_in_order(f: DecisionFilter, expected: list[str]) -> None:
    assert [d.id for d in apply_filter(_filter_set(), f)] == expected


def test_filter_on_nothing_is_nothing() -> None:
    assert apply_filter([], DecisionFilter(advisor_ids=frozenset({"u1"}))) == []


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"period_from": datetime(2026, 3, 1)}, "time zone"),
        ({"period_to": datetime(2026, 3, 1)}, "time zone"),
        ({"period_from": utc(2026, 3, 2), "period_to": utc(2026, 3, 1)}, "ends before"),
        ({"min_amount_cents": -1}, "positive"),
        ({"max_amount_cents": True}, "positive"),
        ({"min_amount_cents": 500, "max_amount_cents": 100}, "above the largest"),
    ],
)
def test_filter_refuses_what_cannot_be_applied(kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(ReviewError, match=message):
        DecisionFilter(**kwargs)


def test_local_period_covers_whole_local_days_across_dst() -> None:
    # November in Paris (CET, UTC+1): starts 23:00 UTC the day before
    assert local_period(date(2026, 11, 1), date(2026, 11, 30), "Europe/Paris") == (
        datetime(2026, 10, 31, 23, 0, tzinfo=UTC),
        datetime(2026, 11, 30, 23, 0, tzinfo=UTC),
    )
    # 29 March 2026: clocks go forward, the day is 23 hours long
    start, end = local_period(date(2026, 3, 29), date(2026, 3, 29), "Europe/Paris")
    assert (start, end) == (datetime(2026, 3, 28, 23, tzinfo=UTC), datetime(2026, 3, 29, 22, tzinfo=UTC))
    assert end - start == timedelta(hours=23)
    # 25 October 2026: clocks go back, the day is 25 hours long
    start, end = local_period(date(2026, 10, 25), date(2026, 10, 25), "Europe/Paris")
    assert end - start == timedelta(hours=25)
    with pytest.raises(ReviewError, match="ends before"):
        local_period(date(2026, 3, 2), date(2026, 3, 1), "Europe/Paris")
    with pytest.raises(ReviewError, match="unknown time zone"):
        local_period(date(2026, 3, 1), date(2026, 3, 1), "Europe/Lyon")


# --- totals ------------------------------------------------------------------------------------


def _totals_set() -> list[Decision]:
    return [
        dec("d1", user="u1", gesture=G.VOUCHER, cents=2000, at=utc(2026, 3, 10, 9)),
        # 23:30 in Paris (UTC+1 in March before the change): still 10 March in Paris
        dec("d2", user="u1", gesture=G.REFUND, cents=5000, at=utc(2026, 3, 10, 22, 30)),
        # 00:30 in Paris on 11 March, though still 10 March in UTC
        dec("d3", user="u2", gesture=G.VOUCHER, cents=1500, at=utc(2026, 3, 10, 23, 30), status=S.PENDING),
        dec("d4", user="u2", gesture=G.REFUND, cents=8000, at=utc(2026, 3, 10, 10), status=S.REJECTED),
        dec("d5", user="u3", gesture=G.GIFT, cents=1000, at=utc(2026, 3, 10, 11), status=S.REVOKED),
    ]


def test_totals_count_spend_only_in_amounts_and_local_days() -> None:
    t = totals(_totals_set(), "Europe/Paris")
    assert t.count == 5
    assert t.amount_cents == {"EUR": 8500}  # 2000 + 5000 + 1500; rejected and revoked are not spend
    assert t.by_gesture == {G.REFUND: Bucket(1, {"EUR": 5000}), G.VOUCHER: Bucket(2, {"EUR": 3500})}
    assert list(t.by_gesture) == [G.REFUND, G.VOUCHER]  # in catalogue order
    assert t.by_advisor == {"u1": Bucket(2, {"EUR": 7000}), "u2": Bucket(1, {"EUR": 1500})}
    assert t.by_day == {
        date(2026, 3, 10): Bucket(2, {"EUR": 7000}),
        date(2026, 3, 11): Bucket(1, {"EUR": 1500}),
    }
    assert t.by_status == {
        S.PENDING: Bucket(1, {"EUR": 1500}),
        S.GRANTED: Bucket(2, {"EUR": 7000}),
        S.REJECTED: Bucket(1, {"EUR": 8000}),
        S.REVOKED: Bucket(1, {"EUR": 1000}),
    }
    # the same decisions seen from UTC fall on one day
    assert totals(_totals_set(), "UTC").by_day == {date(2026, 3, 10): Bucket(3, {"EUR": 8500})}


def test_totals_on_dst_days_and_per_currency() -> None:
    decisions = [
        dec("x1", cents=100, at=datetime(2026, 3, 28, 23, 30, tzinfo=UTC)),  # 00:30 CET, 29 March
        dec("x2", cents=200, at=datetime(2026, 3, 29, 21, 59, tzinfo=UTC)),  # 23:59 CEST, 29 March
        dec("x3", cents=400, at=datetime(2026, 3, 29, 22, 0, tzinfo=UTC)),  # 00:00 CEST, 30 March
        dec("x4", cents=800, at=datetime(2026, 10, 25, 22, 30, tzinfo=UTC)),  # 23:30 CET, 25 October
        dec("x5", cents=900, at=datetime(2026, 10, 25, 22, 30, tzinfo=UTC), currency="GBP"),
    ]
    t = totals(decisions, "Europe/Paris")
    assert t.by_day == {
        date(2026, 3, 29): Bucket(2, {"EUR": 300}),
        date(2026, 3, 30): Bucket(1, {"EUR": 400}),
        date(2026, 10, 25): Bucket(2, {"EUR": 800, "GBP": 900}),
    }
    assert t.amount_cents == {"EUR": 1500, "GBP": 900}


def test_totals_fill_the_quiet_days_of_a_period() -> None:
    # 9 to 12 March in Paris; spend on the 10th and 11th only
    period = local_period(date(2026, 3, 9), date(2026, 3, 12), "Europe/Paris")
    t = totals(_totals_set(), "Europe/Paris", period)
    assert t.by_day == {
        date(2026, 3, 9): Bucket(0, {}),
        date(2026, 3, 10): Bucket(2, {"EUR": 7000}),
        date(2026, 3, 11): Bucket(1, {"EUR": 1500}),
        date(2026, 3, 12): Bucket(0, {}),
    }
    # a 23-hour DST day is one day, not zero or two
    dst = local_period(date(2026, 3, 28), date(2026, 3, 30), "Europe/Paris")
    assert list(totals([], "Europe/Paris", dst).by_day) == [
        date(2026, 3, 28),
        date(2026, 3, 29),
        date(2026, 3, 30),
    ]
    with pytest.raises(ReviewError, match="time zone"):
        totals([], "Europe/Paris", (datetime(2026, 3, 1), datetime(2026, 3, 2)))


def test_totals_of_nothing() -> None:
    t = totals([], "Europe/Paris")
    assert (t.count, t.amount_cents, t.by_gesture, t.by_advisor, t.by_day, t.by_status) == (
        0,
        {},
        {},
        {},
        {},
        {},
    )
    with pytest.raises(ReviewError, match="unknown time zone"):
        totals([], "Mars/Olympus")


# --- flags -------------------------------------------------------------------------------------


def _codes(found: dict[str, list[Flag]]) -> dict[str, list[FlagCode]]:
    return {k: [f.code for f in v] for k, v in found.items()}


def test_near_limit_at_ninety_percent_and_at_the_limit() -> None:
    envs = {"u1": ADVISOR_ENVELOPE}
    decisions = [
        dec("v2699", cents=2699, customer="a"),  # 89.97 % of 30.00: not flagged
        dec("v2700", cents=2700, customer="b"),  # exactly 90 %
        dec("v3000", cents=3000, customer="c"),  # at the limit
        dec("r8000", gesture=G.REFUND, cents=8000, customer="d"),
        dec("r7199", gesture=G.REFUND, cents=7199, customer="e"),  # 89.99 % of 80.00
        dec("gift", gesture=G.GIFT, cents=1500, customer="f"),  # not in the envelope: no limit to be near
        dec("gbp", cents=3000, customer="g", currency="GBP"),  # another currency: not comparable
        dec("other", user="u9", cents=3000, customer="h"),  # user without a known envelope
    ]
    found = flags(decisions, envs)
    assert _codes(found) == {
        "v2700": [FlagCode.NEAR_LIMIT],
        "v3000": [FlagCode.NEAR_LIMIT],
        "r8000": [FlagCode.NEAR_LIMIT],
    }
    assert found["v2700"][0].details == {
        "amount_cents": 2700,
        "limit_cents": 3000,
        "share_percent": 90,
        "currency": "EUR",
    }
    assert found["r8000"][0].details["share_percent"] == 100


def test_repeat_customer_within_thirty_days() -> None:
    day1 = utc(2026, 3, 1, 10)
    decisions = [
        # c1: 29 days apart -> both flagged, the first one too
        dec("c1a", customer="c1", at=day1),
        dec("c1b", customer="c1", at=day1 + timedelta(days=29)),
        # c2: exactly 30 days apart -> outside the window (as in the authority's per-customer cap)
        dec("c2a", customer="c2", at=day1),
        dec("c2b", customer="c2", at=day1 + timedelta(days=30)),
        # c3: a rejection is not a gesture the customer received
        dec("c3a", customer="c3", at=day1, status=S.REJECTED, rejection_reason="daily_budget"),
        dec("c3b", customer="c3", at=day1 + timedelta(hours=1)),
        # c4: three in 20 days, then a fourth 35 days after the first but 15 after the third
        dec("c4a", customer="c4", at=day1),
        dec("c4b", customer="c4", at=day1 + timedelta(days=10)),
        dec("c4c", customer="c4", at=day1 + timedelta(days=20)),
        dec("c4d", customer="c4", at=day1 + timedelta(days=35)),
    ]
    found = flags(decisions, {})
    repeat = {k: v[0].details["count"] for k, v in found.items() if v[0].code is FlagCode.REPEAT_CUSTOMER}
    assert repeat == {"c1a": 2, "c1b": 2, "c4a": 3, "c4b": 3, "c4c": 3, "c4d": 3}
    assert found["c1a"][0].details == {"customer_id": "c1", "count": 2, "window_days": 30}
    assert _codes(found)["c3a"] == [FlagCode.REJECTED_BY_SERVER]
    # three gestures needed: c1 and c4d (only 2 within 30 days of its own group b, c, d) change
    strict = flags(decisions, {}, FlagRules(repeat_min_count=3))
    assert sorted(strict) == ["c3a", "c4a", "c4b", "c4c", "c4d"]
    assert [f.details["count"] for f in strict["c4d"]] == [3]  # b, c, d lie within 25 days


def test_high_spender_more_than_twice_the_team_median() -> None:
    decisions = [
        dec("h1", user="u1", customer="k1", cents=12000),
        dec("h2", user="u1", customer="k2", cents=8000),  # u1 spent 200.00
        dec("h3", user="u2", customer="k3", cents=5000),
        dec("h4", user="u3", customer="k4", cents=4000),
        dec("h5", user="u4", customer="k5", cents=3000),
        dec("h6", user="u1", customer="k6", cents=9000, status=S.REJECTED),  # not spend, not flagged high
    ]
    # spends 30.00, 40.00, 50.00, 200.00: median 45.00, twice is 90.00, u1 is at 444 %
    assert high_spenders(decisions) == [
        _hs("u1", 20000, 4500, 444, 4),
    ]
    found = flags(decisions, {})
    assert _codes(found) == {
        "h1": [FlagCode.HIGH_SPENDER],
        "h2": [FlagCode.HIGH_SPENDER],
        "h6": [FlagCode.REJECTED_BY_SERVER],
    }
    assert found["h1"][0].details == {
        "advisor_id": "u1",
        "spend_cents": 20000,
        "team_median_cents": 4500,
        "factor_percent": 444,
        "team_size": 4,
        "currency": "EUR",
    }


def _hs(advisor: str, spend: int, median: int, factor: int, size: int) -> HighSpender:
    return HighSpender(advisor, "EUR", spend, median, factor, size)


def test_high_spender_needs_a_team_and_a_real_amount() -> None:
    # two advisors: no team level to compare with
    two = [dec("a", user="u1", cents=20000, customer="x"), dec("b", user="u2", cents=1000, customer="y")]
    assert high_spenders(two) == []
    # three advisors but tiny sums: 0.40 is four times the median 0.10, still not worth a flag
    tiny = [
        dec("a", user="u1", cents=40, customer="x"),
        dec("b", user="u2", cents=10, customer="y"),
        dec("c", user="u3", cents=10, customer="z"),
    ]
    assert high_spenders(tiny) == []
    # exactly twice the median is not "more than twice"
    double = [
        dec("a", user="u1", cents=10000, customer="x"),
        dec("b", user="u2", cents=5000, customer="y"),
        dec("c", user="u3", cents=5000, customer="z"),
    ]
    assert high_spenders(double) == []
    double.append(dec("d", user="u1", cents=1, customer="w"))
    assert high_spenders(double) == [_hs("u1", 10001, 5000, 200, 3)]


def test_high_spender_counts_named_advisors_who_spent_nothing() -> None:
    alone = [dec("a", user="u1", cents=6000)]
    assert high_spenders(alone) == []  # one advisor seen: no team
    found = high_spenders(alone, team_advisor_ids=["u1", "u2", "u3"])
    assert found == [_hs("u1", 6000, 0, 0, 3)]  # median of 0, 0, 60.00 is 0


def test_rejected_and_offline_flags_in_code_order() -> None:
    envs = {"u1": ADVISOR_ENVELOPE}
    decisions = [
        dec(
            "r",
            cents=3000,
            status=S.REJECTED,
            offline=True,
            workstation_id="ws-7",
            rejection_reason="daily_budget: over by 500 cents",
        ),
        dec("o", customer="c9", cents=500, offline=True),
        dec("plain", customer="c8", cents=500),
    ]
    found = flags(decisions, envs)
    assert _codes(found) == {
        "r": [FlagCode.NEAR_LIMIT, FlagCode.REJECTED_BY_SERVER, FlagCode.OFFLINE],
        "o": [FlagCode.OFFLINE],
    }
    assert found["r"][1].details == {"reason": "daily_budget: over by 500 cents"}
    assert found["r"][2].details == {"workstation_id": "ws-7"}
    assert flags([], envs) == {}


def test_envelopes_by_user_follow_roles() -> None:
    users = [
        User("u1", "alice", "Alice", Role.ADVISOR, "lyon"),
        User("u2", "bob", "Bob", Role.STORE_STAFF, "lyon"),
    ]
    assert envelopes_by_user(users, [ADVISOR_ENVELOPE]) == {"u1": ADVISOR_ENVELOPE}


@pytest.mark.parametrize(
    "kwargs",
    [
        {"repeat_min_count": 1},
        {"repeat_window": timedelta(0)},
        {"near_limit_percent": 0},
        {"near_limit_percent": 101},
        {"high_spender_percent": 100},
        {"high_spender_min_team": 1},
        {"high_spender_min_cents": -1},
    ],
)
def test_flag_rules_refuse_nonsense(kwargs: dict[str, Any]) -> None:
    with pytest.raises(ReviewError):
        FlagRules(**kwargs)


# --- CSV ---------------------------------------------------------------------------------------


def test_csv_rows_header_and_content() -> None:
    decisions = [
        dec(
            "d1",
            cents=2750,
            at=datetime(2026, 3, 10, 22, 30, 5, tzinfo=UTC),
            case_id="case-1",
            offline=True,
            workstation_id="ws-1",
            chain_seq=12,
            reviewed_by="lead",
            reviewed_at=datetime(2026, 3, 11, 8, 0, tzinfo=UTC),
            review_comment="OK, client fidèle",
        ),
        dec("d2", user="u2", gesture=G.REFUND, cents=5, reason_text='=HYPERLINK("x")', status=S.PENDING),
    ]
    found = flags(decisions, {"u1": ADVISOR_ENVELOPE})
    rows = csv_rows(decisions, found, {"u1": "Alice Martin"})
    assert rows[0] == list(CSV_COLUMNS)
    assert rows[1] == [
        "d1",
        "2026-03-10T22:30:05Z",
        "u1",
        "Alice Martin",
        "lyon",
        "c1",
        "case-1",
        "voucher",
        "27.50",
        "EUR",
        "late_delivery",
        "colis en retard",
        "granted",
        "yes",
        "",
        "yes",
        "lead",
        "2026-03-11T08:00:00Z",
        "OK, client fidèle",
        "repeat_customer;near_limit;offline",  # c1 got d2 the same day
        "ws-1",
        "12",
    ]
    d2 = dict(zip(CSV_COLUMNS, rows[2], strict=True))
    assert d2["amount"] == "0.05"
    assert d2["reason_text"] == '\'=HYPERLINK("x")'  # shown as text by a spreadsheet, never run
    assert d2["flags"] == "repeat_customer"  # c1 twice the same day
    assert (d2["advisor_name"], d2["case_id"], d2["reviewed"], d2["reviewed_at_utc"], d2["chain_seq"]) == (
        "",
        "",
        "no",
        "",
        "",
    )
    # what the csv module writes reads back the same
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    assert list(csv.reader(io.StringIO(buffer.getvalue()))) == rows


def test_csv_of_nothing_is_the_header() -> None:
    assert csv_rows([]) == [list(CSV_COLUMNS)]
