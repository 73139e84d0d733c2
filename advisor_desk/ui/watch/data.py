"""The team's data the watch list and the reports are computed from, read from the local cache.

A team lead's workstation receives the whole team's cases and decisions through the feed, so the
figures come from the cache, read in the "db" lane (never on the GUI thread). Product ratings are
used when the cache holds them (``LocalCache.product_ratings()``); until it does, a product's
watch status comes from the centre's summary on the product (``rating_average``, ``rating_count``),
judged by the same central rule: the flag is right, only the monthly trend needs the ratings.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from fractions import Fraction
from typing import Any

from advisor_desk.domain.channels import Channel, ResponseTarget
from advisor_desk.domain.model import (
    Case,
    CaseKind,
    Decision,
    Interaction,
    Product,
    ProductRating,
    SatisfactionRating,
)
from advisor_desk.domain.watch import (
    DEFAULT_RULE,
    WatchListEntry,
    WatchRule,
    WatchRuleError,
    WatchStatus,
    evaluate,
    rule_from_settings,
    watch_list,
)


@dataclass(frozen=True)
class TeamData:
    """Everything of one team the cache holds that the loop-closing figures need."""

    team: str
    cases: tuple[Case, ...] = ()
    interactions: tuple[Interaction, ...] = ()
    decisions: tuple[Decision, ...] = ()
    satisfaction: tuple[SatisfactionRating, ...] = ()
    products: dict[str, Product] = field(default_factory=dict)
    ratings: tuple[ProductRating, ...] | None = None  # None: the cache does not hold ratings
    targets: Mapping[Channel, ResponseTarget] = field(default_factory=dict)
    rule: WatchRule = DEFAULT_RULE
    rule_problem: str = ""  # why the central rule could not be used (the default applies)


def watch_rule(settings: Mapping[str, object]) -> tuple[WatchRule, str]:
    """The central rule, or the default with the reason when a central value is not usable."""
    try:
        return rule_from_settings(settings), ""
    except WatchRuleError as exc:
        return DEFAULT_RULE, str(exc)


def load_team_data(cache: Any, team: str, with_interactions: bool = True) -> TeamData:
    """Read the team's cases (with their interactions), decisions, satisfaction ratings, products and
    product ratings. Blocking: call it in the "db" lane."""
    cases = tuple(cache.team_cases(team))
    interactions = tuple(cache.team_interactions(team)) if with_interactions else ()
    product_ids = sorted({c.product_id for c in cases if c.product_id} | set(cache.product_ids()))
    rule, problem = watch_rule(cache.settings())
    return TeamData(
        team,
        cases,
        interactions,
        tuple(cache.decisions(team=team)),
        tuple(cache.team_satisfaction(team)),
        {p.id: p for p in cache.products(product_ids)},
        tuple(cache.product_ratings()),
        cache.response_targets(),
        rule,
        problem,
    )


def statuses_from_summaries(
    products: Iterable[Product], rule: WatchRule, now: datetime, complaints: Iterable[Case] = ()
) -> dict[str, WatchStatus]:
    """Watch statuses from the centre's per-product summary, judged by the same rule (exact
    comparison of the average with the threshold, minimum number of ratings)."""
    counts: dict[str, int] = defaultdict(int)
    for case in complaints:
        if case.kind is CaseKind.COMPLAINT and case.product_id and rule.in_window(case.opened_at, now):
            counts[case.product_id] += 1
    result: dict[str, WatchStatus] = {}
    for p in products:
        count = p.rating_count
        average = p.rating_average if count else None
        is_watched = (
            count >= rule.min_ratings
            and average is not None
            and Fraction(str(average)) <= rule.exact_threshold
        )
        result[p.id] = WatchStatus(p.id, is_watched, average, count, counts.get(p.id, 0))
    return result


def statuses(data: TeamData, now: datetime) -> dict[str, WatchStatus]:
    """Every product's watch status at ``now``: from its ratings when the cache holds some, else from
    the centre's summary on the product (a product whose ratings have not reached this desk yet)."""
    ratings = data.ratings or ()
    result = evaluate(ratings, data.rule, now, data.cases)
    rated = {r.product_id for r in ratings}
    unrated = [p for p in data.products.values() if p.id not in rated]
    result.update(statuses_from_summaries(unrated, data.rule, now, data.cases))
    return dict(sorted(result.items()))


@dataclass(frozen=True)
class WatchListResult:
    entries: tuple[WatchListEntry, ...]
    products: dict[str, Product]
    rule: WatchRule
    has_trend: bool  # False when the cache holds no ratings (no monthly trend to draw)
    rule_problem: str = ""


def compute_watch_list(data: TeamData, now: datetime, time_zone: str) -> WatchListResult:
    entries = watch_list(
        statuses(data, now),
        data.cases,
        data.decisions,
        data.rule,
        now,
        data.ratings or (),
        time_zone,
    )
    return WatchListResult(
        tuple(entries), data.products, data.rule, data.ratings is not None, data.rule_problem
    )


def load_watch_list(cache: Any, team: str, now: datetime, time_zone: str) -> WatchListResult:
    """Blocking: the "db" lane's whole job for the watch list."""
    return compute_watch_list(load_team_data(cache, team, with_interactions=False), now, time_zone)


def product_statuses(
    cache: Any, product_ids: Iterable[str], team: str, now: datetime
) -> dict[str, WatchStatus]:
    """Watch statuses of a few products (a customer's order lines, a case), for the flags other
    panels show. Blocking: call it in the "db" lane."""
    ids = sorted(set(product_ids))
    if not ids:
        return {}
    wanted = set(ids)
    rule, _ = watch_rule(cache.settings())
    complaints = [c for c in cache.team_cases(team, "complaint") if c.product_id in wanted]
    data = TeamData(
        team,
        tuple(complaints),
        products={p.id: p for p in cache.products(ids)},
        ratings=tuple(cache.product_ratings(ids)),
        rule=rule,
    )
    return {k: v for k, v in statuses(data, now).items() if k in wanted}
