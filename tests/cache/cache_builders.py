"""Test data for the cache tests and the cache benchmark: domain objects and feed changes."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from keyring.backend import KeyringBackend

from advisor_desk.cache.store import LocalCache
from advisor_desk.domain.channels import Channel
from advisor_desk.domain.model import (
    AuthorityEnvelope,
    Case,
    CaseKind,
    CaseStatus,
    ComplaintCategory,
    Customer,
    Decision,
    DecisionStatus,
    Direction,
    GestureCode,
    GestureLimit,
    Interaction,
    Order,
    OrderLine,
    ReasonCode,
    Role,
    User,
)
from advisor_desk.domain.wire import entity_id, entity_kind, to_wire

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
TEAM = "team-lyon"
ADVISOR = User("u-alice", "alice", "Alice Martin", Role.ADVISOR, TEAM, "Europe/Paris")
LEAD = User("u-lea", "lea", "Léa Chef", Role.TEAM_LEAD, TEAM, "Europe/Paris")
ENVELOPE = AuthorityEnvelope(
    role=Role.ADVISOR,
    currency="EUR",
    daily_budget_cents=20_000,
    per_customer_30d_cents=8_000,
    gestures=(GestureLimit(GestureCode.VOUCHER, 5_000), GestureLimit(GestureCode.REFUND, 10_000)),
)


@dataclass
class Clock:
    """A settable clock: the cache takes ``clock=`` so tests choose the time."""

    now: datetime = NOW

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def customer(n: int = 1, **kw: Any) -> Customer:
    values: dict[str, Any] = {
        "id": f"cust-{n}",
        "first_name": f"Prénom{n}",
        "last_name": f"Nom{n}",
        "emails": (f"client{n}@example.fr",),
        "phones": (
            f"+33 6 {n // 1000000 % 100:02d} {n // 10000 % 100:02d} {n // 100 % 100:02d} {n % 100:02d}",
        ),
        "loyalty_card": f"2900{n:09d}",
        "team": TEAM,
        "updated_at": NOW,
    }
    values.update(kw)
    return Customer(**values)


def order(n: int, customer_id: str, **kw: Any) -> Order:
    values: dict[str, Any] = {
        "id": f"ord-{n}",
        "number": f"CMD-2026-{n:06d}",
        "customer_id": customer_id,
        "placed_at": NOW - timedelta(days=10),
        "currency": "EUR",
        "total_cents": 12_000,
        "shipping_cents": 500,
        "lines": (OrderLine(f"line-{n}", "prod-1", 1, 11_500, 4_000),),
    }
    values.update(kw)
    return Order(**values)


def case(n: int, customer_id: str, **kw: Any) -> Case:
    values: dict[str, Any] = {
        "id": f"case-{n}",
        "customer_id": customer_id,
        "kind": CaseKind.COMPLAINT,
        "category": ComplaintCategory.LATE_DELIVERY,
        "status": CaseStatus.NEW,
        "channel": Channel.EMAIL,
        "subject": f"Colis {n} en retard",
        "opened_at": NOW - timedelta(minutes=30),
        "team": TEAM,
    }
    values.update(kw)
    return Case(**values)


def interaction(n: int, customer_id: str, case_id: str | None = None, **kw: Any) -> Interaction:
    values: dict[str, Any] = {
        "id": f"int-{n}",
        "customer_id": customer_id,
        "channel": Channel.EMAIL,
        "direction": Direction.INBOUND,
        "occurred_at": NOW - timedelta(minutes=30, seconds=-n),
        "text": f"Bonjour, message numéro {n}",
        "case_id": case_id,
    }
    values.update(kw)
    return Interaction(**values)


def decision(n: int, customer_id: str, amount: int, at: datetime, **kw: Any) -> Decision:
    values: dict[str, Any] = {
        "id": f"dec-{n}",
        "user_id": ADVISOR.id,
        "team": TEAM,
        "customer_id": customer_id,
        "gesture": GestureCode.VOUCHER,
        "amount_cents": amount,
        "currency": "EUR",
        "reason_code": ReasonCode.LATE_DELIVERY,
        "reason_text": "colis en retard",
        "granted_at": at,
        "status": DecisionStatus.GRANTED,
    }
    values.update(kw)
    return Decision(**values)


def change(obj: Any, op: str = "upsert", cursor: str = "1") -> dict[str, Any]:
    return {
        "cursor": cursor,
        "entity": entity_kind(obj).value,
        "op": op,
        "id": entity_id(obj),
        "data": to_wire(obj) if op == "upsert" else None,
    }


def delete(kind: str, ident: str) -> dict[str, Any]:
    return {"cursor": "1", "entity": kind, "op": "delete", "id": ident, "data": None}


@dataclass
class Desk:
    """A cache with the basics a desk needs: the advisor's envelope and one customer with a case."""

    cache: LocalCache
    clock: Clock
    path: Path
    cursor: int = 0
    extra: dict[str, Any] = field(default_factory=dict)

    def feed(self, *objects: Any) -> dict[str, int]:
        self.cursor += 1
        return self.cache.apply_page([change(o) for o in objects], str(self.cursor))


def open_desk(path: Path, clock: Clock | None = None) -> Desk:
    clock = clock or Clock()
    cache = LocalCache.open(path, clock=clock)
    desk = Desk(cache, clock, path)
    c1 = customer(1, first_name="Élodie", last_name="Martin", social_handles=("@elodie_m",))
    desk.feed(ENVELOPE, c1, order(1, c1.id), case(1, c1.id), interaction(1, c1.id, "case-1"))
    return desk


class MemoryKeyring(KeyringBackend):
    """The OS keyring stand-in: no Secret Service runs here, and tests never touch a real one."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.secrets.pop((service, username), None)


class ForgetfulKeyring(MemoryKeyring):
    """A backend that says yes and keeps nothing (seen with misconfigured ones)."""

    def set_password(self, service: str, username: str, password: str) -> None:
        pass
