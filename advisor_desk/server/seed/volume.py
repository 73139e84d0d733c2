"""Volume data for benchmarks: N customers with about 20 interactions each, and one with 5,000.

Deterministic for a given seed (and ``now``): ids are uuid5 of ``volume:<seed>`` and a counter, and
every choice comes from ``random.Random(seed)``. The generator yields chunks of domain objects so
memory stays flat however many customers are asked for; :func:`advisor_desk.server.seed.run_volume`
writes each chunk with ``store.save_many``.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import datetime

from advisor_desk.domain.channels import ResponseState
from advisor_desk.domain.model import Product, User
from advisor_desk.server.seed.history import Batch, HistoryBuilder, Ids, OpenPlan, Staff
from advisor_desk.server.seed.products import build_products
from advisor_desk.server.seed.reference import MAIN_TEAM, SECOND_TEAM

CHUNK_CUSTOMERS = 500
BIG_CUSTOMER_INTERACTIONS = 5_000
_OPEN_STATES = (
    ResponseState.ON_TIME,
    ResponseState.NEAR_TARGET,
    ResponseState.PAST_TARGET,
    ResponseState.PAST_LIMIT,
)


def volume_products(seed: int, now: datetime) -> tuple[list[Product], list[object]]:
    """The product catalogue (shared with the demo: same ids) with its ratings."""
    products, ratings, _specs = build_products(random.Random(seed), now.replace(microsecond=0))
    return products, [*products, *ratings]


def volume_chunks(
    customers: int,
    seed: int,
    now: datetime,
    users: list[User],
    products: list[Product],
    *,
    chunk: int = CHUNK_CUSTOMERS,
    big_customer: bool = True,
) -> Iterator[Batch]:
    """Yield batches of about ``chunk`` customers with their histories, then the big customer.

    Each batch is the builder's own and is cleared after it is consumed: use it before asking for
    the next one.
    """
    now = now.replace(microsecond=0)
    rng = random.Random(seed)
    staff = Staff(tuple(users))
    builder = HistoryBuilder(
        rng,
        Ids(f"volume:{seed}"),
        now,
        staff,
        products,
        order_prefix=f"V{seed}-",
        grant_decisions=False,
    )
    # Loyalty cards and addresses use the serial: keep each seed's numbers apart from the demo's.
    base = (seed % 1000 + 1) * 10_000_000
    answerers = {team: staff.answerers(team) for team in (MAIN_TEAM, SECOND_TEAM)}
    for n in range(customers):
        team = SECOND_TEAM if rng.random() < 0.2 else MAIN_TEAM
        customer = builder.customer(base + n, team)
        orders = builder.orders(customer, rng.choices((1, 2, 3), weights=(3, 4, 3))[0])
        pool = answerers[team]
        for _ in range(rng.choices((1, 2, 3), weights=(3, 4, 3))[0]):
            builder.past_case(customer, orders, pool[rng.randrange(len(pool))])
        if rng.random() < 0.15:
            plan = OpenPlan(
                _OPEN_STATES[rng.randrange(4)],
                rng.choice(("first_response", "resolution")),
                builder.pick_case_shape()[2],
                pool[rng.randrange(len(pool))] if rng.random() < 0.7 else None,
            )
            builder.open_case(customer, orders, plan)
        builder.background(customer, orders, rng.randint(3, 8))
        if (n + 1) % chunk == 0:
            yield builder.batch
            builder.batch.clear()
    if builder.batch.customers:
        yield builder.batch
        builder.batch.clear()
    if big_customer:
        yield from _big_customer(builder, base + customers, answerers[MAIN_TEAM])


def _big_customer(builder: HistoryBuilder, serial: int, pool: list[User]) -> Iterator[Batch]:
    """One customer with 5,000 interactions, for the timeline benchmark."""
    rng = builder.rng
    customer = builder.customer(serial, MAIN_TEAM)
    orders = builder.orders(customer, 60)
    made = len(builder.batch.interactions)
    total = 0
    while total + made < BIG_CUSTOMER_INTERACTIONS:
        if rng.random() < 0.5:
            builder.past_case(customer, orders, pool[rng.randrange(len(pool))])
        else:
            builder.background(customer, orders, 1)
        made = len(builder.batch.interactions)
        if made >= 1000:
            total += made
            yield builder.batch
            builder.batch.clear()
            made = 0
    # Trim to exactly the count asked for, keeping the cases complete (only loose items go).
    excess = total + made - BIG_CUSTOMER_INTERACTIONS
    while excess > 0 and builder.batch.interactions:
        loose = next(
            (
                i
                for i in reversed(builder.batch.interactions)
                if i.case_id is None and i.details.get("event") is None
            ),
            None,
        )
        if loose is None:
            break
        builder.batch.interactions.remove(loose)
        excess -= 1
    if builder.batch.customers or builder.batch.interactions:
        yield builder.batch
        builder.batch.clear()
