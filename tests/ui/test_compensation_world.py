"""A small real world for the say-yes tests: a real LocalCache filled through the changes feed.

Shared by the compensation panel and store mode tests (and the screenshot script). The data are domain
objects turned into feed changes with the wire format, applied with ``LocalCache.apply_page`` exactly
as the sync does; the envelopes are the catalogue's demo defaults (advisor: 30 € per voucher, 80 € per
refund, 300 € a day, 150 € per customer over 30 days; store staff: 20 € per voucher, 150 € a day,
80 € per customer).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLocale

from advisor_desk.cache.store import LocalCache
from advisor_desk.domain.catalogue import DEFAULT_ENVELOPES, GESTURE_TYPES
from advisor_desk.domain.channels import Channel
from advisor_desk.domain.model import (
    Case,
    CaseKind,
    CaseStatus,
    ComplaintCategory,
    Customer,
    Decision,
    DecisionStatus,
    Direction,
    GestureCode,
    Interaction,
    Order,
    OrderLine,
    Product,
    ReasonCode,
    Role,
    User,
)
from advisor_desk.domain.wire import entity_id, entity_kind, to_wire
from advisor_desk.ui import i18n
from advisor_desk.ui.changes import ChangeBus
from advisor_desk.ui.context import DeskContext
from advisor_desk.ui.icons import IconRegistry
from advisor_desk.ui.settings import DeskSettings
from advisor_desk.ui.tasks import TaskRunner

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)  # 11:00 in Lyon
TEAM = "team-lyon"
ADVISOR = User("u-alice", "alice", "Alice Martin", Role.ADVISOR, TEAM, "Europe/Paris")
SELLER = User("u-sam", "sam", "Sam Vendeur", Role.STORE_STAFF, TEAM, "Europe/Paris")
CARD = "2900000000017"
ORDER_NUMBER = "CMD-2026-000001"


@dataclass
class Clock:
    now: datetime = NOW

    def __call__(self) -> datetime:
        return self.now


def customer(n: int, first: str, last: str, **kw: Any) -> Customer:
    values: dict[str, Any] = {
        "id": f"cust-{n}",
        "first_name": first,
        "last_name": last,
        "emails": (f"client{n}@example.fr",),
        "phones": (f"+33 6 12 34 56 {n:02d}",),
        "loyalty_card": f"29000000000{n:02d}",
        "team": TEAM,
        "updated_at": NOW,
    }
    values.update(kw)
    return Customer(**values)


ELODIE = customer(17, "Élodie", "Martin", loyalty_card=CARD, tier="gold")
PAUL = customer(2, "Paul", "Durand")
TENT = Product("prod-tent", "TENT-2P", "Tente 2 places Quechua", updated_at=NOW)
STOVE = Product("prod-stove", "STOVE-1", "Réchaud de camping", updated_at=NOW)
ORDER = Order(
    id="ord-1",
    number=ORDER_NUMBER,
    customer_id=ELODIE.id,
    placed_at=NOW - timedelta(days=10),
    currency="EUR",
    total_cents=6_999,
    shipping_cents=499,
    lines=(
        OrderLine("line-tent", TENT.id, 1, 4_000, 4_000),
        OrderLine("line-stove", STOVE.id, 1, 2_500, 2_500, refunded_cents=500),
    ),
    updated_at=NOW,
)
CASE = Case(
    id="case-1",
    customer_id=ELODIE.id,
    kind=CaseKind.COMPLAINT,
    category=ComplaintCategory.LATE_DELIVERY,
    status=CaseStatus.IN_PROGRESS,
    channel=Channel.EMAIL,
    subject="Colis arrivé avec 6 jours de retard",
    opened_at=NOW - timedelta(hours=3),
    team=TEAM,
    order_id=ORDER.id,
    updated_at=NOW,
)


def interactions() -> list[Interaction]:
    texts = [
        (Channel.EMAIL, Direction.INBOUND, "Mon colis est arrivé avec 6 jours de retard, je suis déçue."),
        (Channel.PHONE, Direction.INBOUND, "Appel : la cliente rappelle, toujours pas de réponse."),
        (Channel.STORE, Direction.INBOUND, "<b>Passage</b> en magasin à Lyon Part-Dieu"),
    ]
    return [
        Interaction(
            id=f"int-{i}",
            customer_id=ELODIE.id,
            channel=channel,
            direction=direction,
            occurred_at=NOW - timedelta(hours=3 - i),
            text=text,
            case_id=CASE.id,
            updated_at=NOW,
        )
        for i, (channel, direction, text) in enumerate(texts)
    ]


def decision(
    n: int, amount: int, at: datetime, *, user: User = ADVISOR, customer_id: str = PAUL.id, **kw: Any
) -> Decision:
    values: dict[str, Any] = {
        "id": f"dec-{n}",
        "user_id": user.id,
        "team": TEAM,
        "customer_id": customer_id,
        "gesture": GestureCode.VOUCHER,
        "amount_cents": amount,
        "currency": "EUR",
        "reason_code": ReasonCode.LATE_DELIVERY,
        "reason_text": "retard",
        "granted_at": at,
        "status": DecisionStatus.GRANTED,
        "updated_at": at,
    }
    values.update(kw)
    return Decision(**values)


def change(obj: Any, cursor: str) -> dict[str, Any]:
    return {
        "cursor": cursor,
        "entity": entity_kind(obj).value,
        "op": "upsert",
        "id": entity_id(obj),
        "data": to_wire(obj),
    }


@dataclass
class World:
    cache: LocalCache
    clock: Clock
    path: Path
    cursor: int = 0
    extra: dict[str, Any] = field(default_factory=dict)

    def feed(self, *objects: Any) -> None:
        self.cursor += 1
        self.cache.apply_page([change(o, str(self.cursor)) for o in objects], str(self.cursor))


def open_world(path: Path, clock: Clock | None = None) -> World:
    clock = clock or Clock()
    world = World(LocalCache.open(path, clock=clock), clock, path)
    world.feed(
        DEFAULT_ENVELOPES[Role.ADVISOR],
        DEFAULT_ENVELOPES[Role.STORE_STAFF],
        *GESTURE_TYPES,
        TENT,
        STOVE,
        ELODIE,
        PAUL,
        ORDER,
        CASE,
        *interactions(),
    )
    return world


def make_context(world: World, user: User, tmp_path: Path, language: str = "en") -> DeskContext:
    QLocale.setDefault(i18n.locale_for(language))
    return DeskContext(
        cache=world.cache,
        user=user,
        settings=DeskSettings.in_file(tmp_path / f"settings-{user.username}.ini"),
        tasks=TaskRunner(),
        icons=IconRegistry("#202020"),
        changes=ChangeBus(),
        clock=world.clock,
        language=language,
    )


@contextmanager
def desk(tmp_path: Path, user: User = ADVISOR, language: str = "en") -> Iterator[tuple[World, DeskContext]]:
    world = open_world(tmp_path / "desk.cache.sqlite3")
    ctx = make_context(world, user, tmp_path, language)
    try:
        yield world, ctx
    finally:
        ctx.tasks.shutdown(wait=True)
        world.cache.close()
        QLocale.setDefault(i18n.locale_for("en"))


def wait_idle(qtbot: Any, ctx: DeskContext, timeout: int = 5000) -> None:
    """Wait until every background task was delivered on the GUI thread."""
    qtbot.waitUntil(ctx.tasks.is_idle, timeout=timeout)
