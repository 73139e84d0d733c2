"""The team lead's review of the decision log: filters, totals, flags worth a look and the CSV export.

Delegated authority only works if it is accountable, so the rules here are the ones the review screen,
the ``export-decisions`` command and the central API all apply to the same decisions: pure functions of
the decisions they are given, no clock, no I/O.

What counts as *spend*: pending and granted decisions (what was given or is about to be confirmed),
the same set the authority check counts against budgets. Rejected and revoked decisions are counted
in :attr:`Totals.by_status` only, never added to what the team spent.

Flags (:class:`FlagCode`), with the defaults of :class:`FlagRules`:

- ``REPEAT_CUSTOMER``: the customer received at least 2 gestures (counting this one) within 30 days,
  i.e. inside some window shorter than 30 days that holds this decision; every decision of the group
  is flagged, the first one too. Only spend counts.
- ``NEAR_LIMIT``: the amount is at least 90 % of the per-decision maximum the granting user's envelope
  sets for that gesture (at the limit, or above it after an approved escalation, included).
- ``HIGH_SPENDER``: the advisor's spend over the decisions given (the period shown) is more than twice
  the median spend of the team's advisors, the advisor included. So that tiny teams and small sums are
  not flagged absurdly, the rule only applies when the team has at least 3 advisors and the advisor
  spent at least 50.00 in that currency. Advisors of the team who spent nothing count as zero in the
  median when the caller names them (``team_advisor_ids``); otherwise the median is over the advisors
  who appear in the decisions, which flags less. Each currency is judged on its own.
- ``REJECTED_BY_SERVER``: the centre's re-check refused the grant.
- ``OFFLINE``: the decision was taken while the workstation was offline.

Flags are computed on the decisions passed in: to judge repeat customers at the start of a period,
pass the 30 days before it as well and filter afterwards.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from advisor_desk.domain.model import (
    AuthorityEnvelope,
    Decision,
    DecisionStatus,
    GestureCode,
    ReasonCode,
    User,
)
from advisor_desk.domain.money import format_cents_plain
from advisor_desk.domain.wire import format_time


class ReviewError(ValueError):
    """A filter or a rule that cannot be applied (naive time, reversed period, negative amount...)."""


def zone(time_zone: str) -> ZoneInfo:
    """The zone called ``time_zone``, or a :class:`ReviewError` that names it."""
    try:
        return ZoneInfo(time_zone)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ReviewError(f"unknown time zone: {time_zone!r}") from exc


def local_period(first_day: date, last_day: date, time_zone: str) -> tuple[datetime, datetime]:
    """The UTC period [start, end) covering the local days ``first_day`` to ``last_day`` included.

    "From 1 to 30 November" in Paris starts at 23:00 UTC on 31 October; a day of a DST change is 23 or
    25 hours long, which ``ZoneInfo`` handles.
    """
    if last_day < first_day:
        raise ReviewError("the period ends before it starts")
    tz = zone(time_zone)
    start = datetime.combine(first_day, time.min, tzinfo=tz)
    end = datetime.combine(last_day + timedelta(days=1), time.min, tzinfo=tz)
    return start.astimezone(UTC), end.astimezone(UTC)


class Reviewed(StrEnum):
    ANY = "any"
    YES = "yes"
    NO = "no"


def _aware(value: datetime | None, name: str) -> None:
    if value is not None and value.tzinfo is None:
        raise ReviewError(f"{name} must carry its time zone (times are compared in UTC)")


@dataclass(frozen=True, slots=True)
class DecisionFilter:
    """What the team lead chose to see. An empty set means "any"; amounts are inclusive bounds."""

    advisor_ids: frozenset[str] = frozenset()
    period_from: datetime | None = None  # included
    period_to: datetime | None = None  # excluded
    gestures: frozenset[GestureCode] = frozenset()
    min_amount_cents: int | None = None
    max_amount_cents: int | None = None
    reason_codes: frozenset[ReasonCode] = frozenset()
    statuses: frozenset[DecisionStatus] = frozenset()
    reviewed: Reviewed = Reviewed.ANY

    def __post_init__(self) -> None:
        _aware(self.period_from, "the start of the period")
        _aware(self.period_to, "the end of the period")
        if self.period_from is not None and self.period_to is not None and self.period_to < self.period_from:
            raise ReviewError("the period ends before it starts")
        for bound in (self.min_amount_cents, self.max_amount_cents):
            if bound is not None and (isinstance(bound, bool) or not isinstance(bound, int) or bound < 0):
                raise ReviewError("amount bounds are positive whole numbers of cents")
        if (
            self.min_amount_cents is not None
            and self.max_amount_cents is not None
            and self.max_amount_cents < self.min_amount_cents
        ):
            raise ReviewError("the smallest amount is above the largest")

    def matches(self, d: Decision) -> bool:
        if self.advisor_ids and d.user_id not in self.advisor_ids:
            return False
        if self.period_from is not None and d.granted_at < self.period_from:
            return False
        if self.period_to is not None and d.granted_at >= self.period_to:
            return False
        if self.gestures and d.gesture not in self.gestures:
            return False
        if self.min_amount_cents is not None and d.amount_cents < self.min_amount_cents:
            return False
        if self.max_amount_cents is not None and d.amount_cents > self.max_amount_cents:
            return False
        if self.reason_codes and d.reason_code not in self.reason_codes:
            return False
        if self.statuses and d.status not in self.statuses:
            return False
        is_reviewed = d.reviewed_at is not None
        if self.reviewed is Reviewed.YES and not is_reviewed:
            return False
        return not (self.reviewed is Reviewed.NO and is_reviewed)


def apply_filter(decisions: Iterable[Decision], f: DecisionFilter) -> list[Decision]:
    """The decisions ``f`` matches, in the order given."""
    return [d for d in decisions if f.matches(d)]


def is_spend(d: Decision) -> bool:
    """Whether the decision gave (or is about to give) something: pending or granted."""
    return d.status.counts_against_budget


@dataclass(slots=True)
class Bucket:
    """How many decisions and how much money, per currency."""

    count: int = 0
    cents: dict[str, int] = field(default_factory=dict)

    def add(self, d: Decision) -> None:
        self.count += 1
        self.cents[d.currency] = self.cents.get(d.currency, 0) + d.amount_cents


@dataclass(frozen=True, slots=True)
class Totals:
    """Figures under the review table and behind its charts.

    ``count`` is every decision given; ``amount_cents`` and the ``by_gesture``, ``by_advisor`` and
    ``by_day`` buckets are spend only (pending and granted); ``by_status`` buckets every decision by
    its status, rejected and revoked included. Days are calendar days in ``time_zone``; keys are
    sorted.
    """

    count: int
    amount_cents: dict[str, int]
    by_gesture: dict[GestureCode, Bucket]
    by_advisor: dict[str, Bucket]
    by_day: dict[date, Bucket]
    by_status: dict[DecisionStatus, Bucket]
    time_zone: str


def totals(
    decisions: Iterable[Decision],
    time_zone: str = "Europe/Paris",
    period: tuple[datetime, datetime] | None = None,
) -> Totals:
    """Totals of ``decisions``. With ``period`` ([start, end), e.g. the filter's), ``by_day`` lists
    every local day of the period, days without spend at zero, so a chart shows the quiet days."""
    tz = zone(time_zone)
    count = 0
    amount: dict[str, int] = {}
    by_gesture: dict[GestureCode, Bucket] = defaultdict(Bucket)
    by_advisor: dict[str, Bucket] = defaultdict(Bucket)
    by_day: dict[date, Bucket] = defaultdict(Bucket)
    if period is not None:
        start, end = period
        _aware(start, "the start of the period")
        _aware(end, "the end of the period")
        day = start.astimezone(tz).date()
        while start < end and day <= (end - timedelta(microseconds=1)).astimezone(tz).date():
            by_day[day] = Bucket()
            day += timedelta(days=1)
    by_status: dict[DecisionStatus, Bucket] = defaultdict(Bucket)
    for d in decisions:
        count += 1
        by_status[d.status].add(d)
        if not is_spend(d):
            continue
        amount[d.currency] = amount.get(d.currency, 0) + d.amount_cents
        by_gesture[d.gesture].add(d)
        by_advisor[d.user_id].add(d)
        by_day[d.granted_at.astimezone(tz).date()].add(d)
    return Totals(
        count=count,
        amount_cents=dict(sorted(amount.items())),
        by_gesture={k: by_gesture[k] for k in GestureCode if k in by_gesture},
        by_advisor=dict(sorted(by_advisor.items())),
        by_day=dict(sorted(by_day.items())),
        by_status={k: by_status[k] for k in DecisionStatus if k in by_status},
        time_zone=time_zone,
    )


class FlagCode(StrEnum):
    """Why a decision is worth a look; the UI translates the code and fills in the details."""

    REPEAT_CUSTOMER = "repeat_customer"
    NEAR_LIMIT = "near_limit"
    HIGH_SPENDER = "high_spender"
    REJECTED_BY_SERVER = "rejected_by_server"
    OFFLINE = "offline"


@dataclass(frozen=True, slots=True)
class Flag:
    """A flag and the values its sentence needs (amounts in cents, with their ``currency``).

    Details per code: ``repeat_customer`` {customer_id, count, window_days}; ``near_limit``
    {amount_cents, limit_cents, share_percent, currency}; ``high_spender`` {advisor_id, spend_cents,
    team_median_cents, factor_percent, team_size, currency}; ``rejected_by_server`` {reason};
    ``offline`` {workstation_id}.
    """

    code: FlagCode
    details: Mapping[str, str | int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class FlagRules:
    """The thresholds of the flags (see the module docstring for the rules they drive)."""

    repeat_min_count: int = 2
    repeat_window: timedelta = timedelta(days=30)
    near_limit_percent: int = 90
    high_spender_percent: int = 200  # more than twice the team median
    high_spender_min_team: int = 3
    high_spender_min_cents: int = 5_000

    def __post_init__(self) -> None:
        if self.repeat_min_count < 2:
            raise ReviewError("a repeat customer takes at least two gestures")
        if self.repeat_window <= timedelta(0):
            raise ReviewError("the repeat window must be positive")
        if not 0 < self.near_limit_percent <= 100:
            raise ReviewError("the near-limit share is a percentage between 1 and 100")
        if self.high_spender_percent <= 100:
            raise ReviewError("a high spender spends more than the median: the factor is above 100 %")
        if self.high_spender_min_team < 2:
            raise ReviewError("a high spender is compared with at least one other advisor")
        if self.high_spender_min_cents < 0:
            raise ReviewError("the high-spender minimum is an amount of zero or more")


def envelopes_by_user(
    users: Iterable[User], envelopes: Iterable[AuthorityEnvelope]
) -> dict[str, AuthorityEnvelope]:
    """The envelope that applies to each user, from their role."""
    by_role = {e.role: e for e in envelopes}
    return {u.id: by_role[u.role] for u in users if u.role in by_role}


@dataclass(frozen=True, slots=True)
class HighSpender:
    advisor_id: str
    currency: str
    spend_cents: int
    team_median_cents: int  # rounded down when the median falls between two cents
    factor_percent: int  # spend as a percentage of the median (0 when the median is 0)
    team_size: int


def high_spenders(
    decisions: Iterable[Decision],
    rules: FlagRules = FlagRules(),
    team_advisor_ids: Iterable[str] = (),
) -> list[HighSpender]:
    """Advisors whose spend is far above the team's usual level (the ``HIGH_SPENDER`` rule)."""
    spend: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    named = set(team_advisor_ids)
    for d in decisions:
        if is_spend(d):
            spend[d.currency][d.user_id] += d.amount_cents
    found: list[HighSpender] = []
    for currency, per_advisor in sorted(spend.items()):
        team = named | set(per_advisor)
        if len(team) < rules.high_spender_min_team:
            continue
        values = sorted(per_advisor.get(a, 0) for a in team)
        n = len(values)
        # Twice the median, so an even-sized team's median stays a whole number of cents.
        median2 = 2 * values[n // 2] if n % 2 else values[n // 2 - 1] + values[n // 2]
        for advisor, cents in sorted(per_advisor.items()):
            if cents < rules.high_spender_min_cents:
                continue
            if 2 * cents * 100 > rules.high_spender_percent * median2:
                found.append(
                    HighSpender(
                        advisor,
                        currency,
                        cents,
                        median2 // 2,
                        cents * 200 // median2 if median2 else 0,
                        n,
                    )
                )
    return found


def _repeat_groups(decisions: Sequence[Decision], rules: FlagRules) -> dict[str, int]:
    """For each decision of a repeat customer, the size of the largest qualifying group holding it."""
    by_customer: dict[str, list[Decision]] = defaultdict(list)
    for d in decisions:
        if is_spend(d):
            by_customer[d.customer_id].append(d)
    result: dict[str, int] = {}
    for items in by_customer.values():
        items.sort(key=lambda d: (d.granted_at, d.id))
        j = 0
        for i in range(len(items)):
            # items[i..j] all lie within a window shorter than repeat_window starting at items[i]
            j = max(j, i)
            while j + 1 < len(items) and items[j + 1].granted_at - items[i].granted_at < rules.repeat_window:
                j += 1
            size = j - i + 1
            if size >= rules.repeat_min_count:
                for k in range(i, j + 1):
                    result[items[k].id] = max(result.get(items[k].id, 0), size)
    return result


def flags(
    decisions: Iterable[Decision],
    envelopes: Mapping[str, AuthorityEnvelope],
    rules: FlagRules = FlagRules(),
    team_advisor_ids: Iterable[str] = (),
) -> dict[str, list[Flag]]:
    """Flags of each decision worth a look, keyed by decision id (unflagged decisions are absent).

    ``envelopes`` maps a user id to the envelope of that user's role (:func:`envelopes_by_user`);
    decisions of users without one are never ``NEAR_LIMIT``. Flags of a decision come in
    :class:`FlagCode` order.
    """
    items = list(decisions)
    found: dict[str, list[Flag]] = defaultdict(list)
    repeat = _repeat_groups(items, rules)
    spenders = {(h.advisor_id, h.currency): h for h in high_spenders(items, rules, team_advisor_ids)}
    window_days = rules.repeat_window.days
    for d in items:
        if d.id in repeat:
            found[d.id].append(
                Flag(
                    FlagCode.REPEAT_CUSTOMER,
                    {"customer_id": d.customer_id, "count": repeat[d.id], "window_days": window_days},
                )
            )
        envelope = envelopes.get(d.user_id)
        limit = envelope.limit_for(d.gesture) if envelope is not None else None
        if (
            envelope is not None
            and limit is not None
            and envelope.currency == d.currency
            and limit.max_per_decision_cents > 0
            and d.amount_cents * 100 >= limit.max_per_decision_cents * rules.near_limit_percent
        ):
            found[d.id].append(
                Flag(
                    FlagCode.NEAR_LIMIT,
                    {
                        "amount_cents": d.amount_cents,
                        "limit_cents": limit.max_per_decision_cents,
                        "share_percent": d.amount_cents * 100 // limit.max_per_decision_cents,
                        "currency": d.currency,
                    },
                )
            )
        spender = spenders.get((d.user_id, d.currency))
        if spender is not None and is_spend(d):
            found[d.id].append(
                Flag(
                    FlagCode.HIGH_SPENDER,
                    {
                        "advisor_id": spender.advisor_id,
                        "spend_cents": spender.spend_cents,
                        "team_median_cents": spender.team_median_cents,
                        "factor_percent": spender.factor_percent,
                        "team_size": spender.team_size,
                        "currency": spender.currency,
                    },
                )
            )
        if d.status is DecisionStatus.REJECTED:
            found[d.id].append(Flag(FlagCode.REJECTED_BY_SERVER, {"reason": d.rejection_reason or ""}))
        if d.offline:
            found[d.id].append(Flag(FlagCode.OFFLINE, {"workstation_id": d.workstation_id or ""}))
    return dict(found)


#: Stable English column keys of the decision export (the UI may translate the header it shows).
CSV_COLUMNS: tuple[str, ...] = (
    "decision_id",
    "granted_at_utc",
    "advisor_id",
    "advisor_name",
    "team",
    "customer_id",
    "case_id",
    "gesture",
    "amount",
    "currency",
    "reason_code",
    "reason_text",
    "status",
    "offline",
    "rejection_reason",
    "reviewed",
    "reviewed_by",
    "reviewed_at_utc",
    "review_comment",
    "flags",
    "workstation_id",
    "chain_seq",
)

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _text(value: str | None) -> str:
    """Free text as a cell a spreadsheet shows as text: a leading ``=``, ``+``, ``-`` or ``@`` would
    otherwise run as a formula when the file is opened (CSV injection), so it gets a quote."""
    if not value:
        return ""
    return "'" + value if value.startswith(_FORMULA_STARTS) else value


def csv_rows(
    decisions: Iterable[Decision],
    flags_by_decision: Mapping[str, Sequence[Flag]] | None = None,
    advisor_names: Mapping[str, str] | None = None,
) -> list[list[str]]:
    """The export as rows of text, header first (:data:`CSV_COLUMNS`); write them with :mod:`csv`.

    Money is a plain decimal ("12.50") beside its currency, times ISO 8601 UTC ("...Z"), booleans
    "yes"/"no", flags their codes joined by ";".
    """
    flags_by_decision = flags_by_decision or {}
    advisor_names = advisor_names or {}
    rows: list[list[str]] = [list(CSV_COLUMNS)]
    for d in decisions:
        rows.append(
            [
                d.id,
                format_time(d.granted_at),
                d.user_id,
                _text(advisor_names.get(d.user_id, "")),
                d.team,
                d.customer_id,
                d.case_id or "",
                d.gesture.value,
                format_cents_plain(d.amount_cents),
                d.currency,
                d.reason_code.value,
                _text(d.reason_text),
                d.status.value,
                "yes" if d.offline else "no",
                _text(d.rejection_reason),
                "yes" if d.reviewed_at is not None else "no",
                d.reviewed_by or "",
                format_time(d.reviewed_at) if d.reviewed_at is not None else "",
                _text(d.review_comment),
                ";".join(f.code.value for f in flags_by_decision.get(d.id, ())),
                d.workstation_id or "",
                "" if d.chain_seq is None else str(d.chain_seq),
            ]
        )
    return rows
