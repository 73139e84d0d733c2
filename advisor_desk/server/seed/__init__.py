"""Seeding the reference server: the demo data set and deterministic volume data for benchmarks.

    advisor-desk-server seed --demo                   -> run_demo(session)
    advisor-desk-server seed --customers N --seed S   -> run_volume(session, N, S)

Both create the demo users when missing (password ``demo``, demo only), the gesture catalogue, the
role envelopes, the response targets, the central settings and the products, then write customers
and their histories through :mod:`advisor_desk.server.store` (so the changes feed carries them).
The caller owns the transaction. Seeding again with the same seed rewrites the same ids.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass, fields
from datetime import UTC, datetime

from sqlalchemy.orm import Session

from advisor_desk.domain.wire import entity_id, entity_kind
from advisor_desk.server import store
from advisor_desk.server.seed.demo import demo_entities
from advisor_desk.server.seed.history import Batch
from advisor_desk.server.seed.reference import ensure_demo_users, reference_entities
from advisor_desk.server.seed.volume import volume_chunks, volume_products

__all__ = ["SeedSummary", "run_demo", "run_volume"]

_WRITE_CHUNK = 5_000


@dataclass
class SeedSummary:
    """What a seed wrote, for the command line to print."""

    users_created: int = 0
    customers: int = 0
    orders: int = 0
    cases: int = 0
    open_cases: int = 0
    interactions: int = 0
    decisions: int = 0
    escalations: int = 0
    followups: int = 0
    satisfaction: int = 0
    products: int = 0
    product_ratings: int = 0
    seconds: float = 0.0

    def add(self, batch: Batch) -> None:
        self.customers += len(batch.customers)
        self.orders += len(batch.orders)
        self.cases += len(batch.cases)
        self.open_cases += sum(1 for c in batch.cases if c.is_open)
        self.interactions += len(batch.interactions)
        self.decisions += len(batch.decisions)
        self.escalations += len(batch.escalations)
        self.followups += len(batch.followups)
        self.satisfaction += len(batch.satisfaction)

    def lines(self) -> list[str]:
        """One "name: value" line per count, in a stable order."""
        found = []
        for f in fields(self):
            value = getattr(self, f.name)
            found.append(f"{f.name}: {value:.1f}" if isinstance(value, float) else f"{f.name}: {value}")
        return found

    def __str__(self) -> str:
        return ", ".join(self.lines())


def _save(session: Session, entities: Iterable[object]) -> None:
    pending: list[object] = []
    for entity in entities:
        pending.append(entity)
        if len(pending) >= _WRITE_CHUNK:
            store.save_many(session, pending)
            pending = []
    if pending:
        store.save_many(session, pending)


def _missing(session: Session, entity: object) -> bool:
    return store.load(session, entity_kind(entity), entity_id(entity)) is None


def run_demo(session: Session, *, now: datetime | None = None) -> SeedSummary:
    """Seed the demo: users, catalogue, envelopes, targets, settings, ~200 customers and their 90 days."""
    started = time.perf_counter()
    now = (now or datetime.now(UTC)).replace(microsecond=0)
    summary = SeedSummary()
    users, summary.users_created = ensure_demo_users(session)
    data = demo_entities(now, users)
    _save(session, reference_entities(now))
    _save(session, [*data.products, *data.ratings])
    # Customers and what hangs on them go together: the store writes customers first in each call.
    _save_batch(session, data.batch)
    summary.add(data.batch)
    summary.products = len(data.products)
    summary.product_ratings = len(data.ratings)
    summary.seconds = time.perf_counter() - started
    return summary


def _save_batch(session: Session, batch: Batch) -> None:
    # Customers first: what hangs on them takes their team (the feed's audience) from them.
    store.save_many(session, batch.customers)
    _save(session, _rest(batch))


def _rest(batch: Batch) -> list[object]:
    return [
        *batch.orders,
        *batch.cases,
        *batch.interactions,
        *batch.followups,
        *batch.satisfaction,
        *batch.decisions,
        *batch.escalations,
        *batch.ratings,
    ]


def run_volume(
    session: Session,
    customers: int,
    seed: int,
    *,
    now: datetime | None = None,
    big_customer: bool = True,
) -> SeedSummary:
    """Seed ``customers`` customers with ~20 interactions each plus one with 5,000, deterministically.

    ``big_customer=False`` leaves out the customer with 5,000 interactions (quick tests).

    The demo users and the reference catalogue are created too when missing, so a volume database
    can be logged into and served as is.
    """
    if customers < 0:
        raise ValueError("the number of customers cannot be negative")
    started = time.perf_counter()
    now = (now or datetime.now(UTC)).replace(microsecond=0)
    summary = SeedSummary()
    users, summary.users_created = ensure_demo_users(session)
    # Only what is missing: a volume seed must not undo an admin's changes to envelopes or settings.
    _save(session, [e for e in reference_entities(now) if _missing(session, e)])
    products, product_entities = volume_products(seed, now)
    _save(session, product_entities)
    summary.products = len(products)
    summary.product_ratings = len(product_entities) - len(products)
    for batch in volume_chunks(customers, seed, now, users, products, big_customer=big_customer):
        _save_batch(session, batch)
        summary.add(batch)
    summary.seconds = time.perf_counter() - started
    return summary
