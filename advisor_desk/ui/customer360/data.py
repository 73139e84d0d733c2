"""What the customer header and the Customer 360 panel show, gathered in the "db" lane."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from advisor_desk.domain.model import (
    Case,
    Channel,
    Customer,
    Decision,
    Interaction,
    Order,
    SatisfactionRating,
)

GESTURE_WINDOW = timedelta(days=365)


@dataclass
class CustomerFile:
    customer: Customer
    open_cases: list[Case]
    closed_cases: int
    recent_orders: list[Order]
    satisfaction: list[SatisfactionRating]
    gestures: list[Decision]
    gestures_total: dict[str, int] = field(default_factory=dict)  # currency -> cents
    notes: list[Interaction] = field(default_factory=list)
    complaints_90d: int = 0
    #: Product watch statuses of the products on its recent orders and open cases (watched only).
    watch: dict[str, Any] = field(default_factory=dict)
    product_names: dict[str, str] = field(default_factory=dict)

    @property
    def last_score(self) -> int | None:
        return self.satisfaction[0].score if self.satisfaction else None


def watch_of(
    cache: Any, product_ids: set[str], team: str, now: datetime
) -> tuple[dict[str, Any], dict[str, str]]:
    """(statuses of the watched ones, names) of a few products; nothing when there is no team."""
    ids = {p for p in product_ids if p}
    if not ids or not team:
        return {}, {}
    from advisor_desk.ui.watch.data import product_statuses

    found = {k: v for k, v in product_statuses(cache, ids, team, now).items() if v.watched}
    names = {p.id: p.name for p in cache.products(sorted(found))} if found else {}
    return found, names


def load_customer_file(cache: Any, customer_id: str, now: datetime, team: str = "") -> CustomerFile | None:
    timeline = cache.timeline(customer_id)
    if timeline is None:
        return None
    cases = list(timeline.cases)
    open_cases = sorted((c for c in cases if c.is_open), key=lambda c: c.opened_at, reverse=True)
    orders = sorted(timeline.orders, key=lambda o: o.placed_at, reverse=True)[:5]
    scores = sorted(timeline.satisfaction, key=lambda s: s.recorded_at, reverse=True)[:5]
    since = now - GESTURE_WINDOW
    gestures = sorted(
        (d for d in timeline.decisions if d.granted_at >= since and d.status.counts_against_budget),
        key=lambda d: d.granted_at,
        reverse=True,
    )
    totals: dict[str, int] = {}
    for d in gestures:
        totals[d.currency] = totals.get(d.currency, 0) + d.amount_cents
    note_ids = list(cache.interaction_ids(customer_id, channels=[Channel.NOTE.value]))[:5]
    notes = list(cache.interactions_by_ids(note_ids)) if note_ids else []
    notes.sort(key=lambda i: i.occurred_at, reverse=True)
    complaints = sum(
        1 for c in cases if c.kind.value == "complaint" and c.opened_at >= now - timedelta(days=90)
    )
    products = {line.product_id for o in orders for line in o.lines} | {
        c.product_id for c in open_cases if c.product_id
    }
    watch, names = watch_of(cache, products, team, now)
    return CustomerFile(
        customer=timeline.customer,
        open_cases=open_cases,
        closed_cases=len(cases) - len(open_cases),
        recent_orders=orders,
        satisfaction=scores,
        gestures=gestures,
        gestures_total=totals,
        notes=notes,
        complaints_90d=complaints,
        watch=watch,
        product_names=names,
    )
