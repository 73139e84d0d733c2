"""A small world for the desk tests, written into a real LocalCache through ``apply_page``.

Customers cover every response-time state against the fixed clock, a closed case, hostile text
(markup, Qt rich text, RTL, control characters, one megabyte) and a big history for lazy loading.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from advisor_desk.cache.store import LocalCache
from advisor_desk.domain.channels import DEFAULT_TARGETS, Channel
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
    ReasonCode,
    Role,
    SatisfactionRating,
    User,
)
from advisor_desk.domain.wire import entity_id, entity_kind, to_wire

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
TEAM = "team-lyon"
ADVISOR = User("u-alice", "alice", "Alice Martin", Role.ADVISOR, TEAM, "Europe/Paris")
COLLEAGUE = User("u-bob", "bob", "Bob Durand", Role.ADVISOR, TEAM, "Europe/Paris")
LEAD = User("u-lea", "lea", "Léa Chef", Role.TEAM_LEAD, TEAM, "Europe/Paris")
ENVELOPE = AuthorityEnvelope(Role.ADVISOR, "EUR", 30_000, 15_000, (GestureLimit(GestureCode.VOUCHER, 3_000),))

HOSTILE_NAME = "<b>Kévin</b>"
HOSTILE_TEXTS = {
    "html": "<b>x</b> <img src=x onerror=alert(1)>",
    "qt": "<qt><font color=red>Rouge</font><br/><a href='http://x'>lien</a></qt>",
    "rtl": "\u202eمرحبا، طلبي لم يصل\u202c ok",
    "controls": "bip\x07bell\x1b[31m",
}
BIG_TEXT = "Lorem ipsum dolor sit amet. " * 40_000  # about 1 MB
BIG_HISTORY = 600


@dataclass
class Clock:
    now: datetime = NOW

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@dataclass
class World:
    cache: LocalCache
    clock: Clock
    cursor: int = 0
    ids: dict[str, Any] = field(default_factory=dict)

    def feed(self, *objects: Any) -> None:
        self.cursor += 1
        changes = [
            {
                "cursor": str(self.cursor),
                "entity": entity_kind(o).value,
                "op": "upsert",
                "id": entity_id(o),
                "data": to_wire(o),
            }
            for o in objects
        ]
        self.cache.apply_page(changes, str(self.cursor))


def _customer(cid: str, first: str, last: str, **kw: Any) -> Customer:
    return Customer(
        cid,
        first,
        last,
        emails=(f"{cid}@example.fr",),
        phones=("+33 6 12 34 56 " + cid[-2:].rjust(2, "0"),),
        social_handles=(f"@{cid}",),
        loyalty_card=f"2900{cid[-4:].rjust(9, '0')}",
        team=TEAM,
        updated_at=NOW,
        **kw,
    )


def _case(case_id: str, customer_id: str, channel: Channel, opened_ago: timedelta, **kw: Any) -> Case:
    values: dict[str, Any] = {
        "kind": CaseKind.COMPLAINT,
        "category": ComplaintCategory.LATE_DELIVERY,
        "status": CaseStatus.NEW,
        "subject": f"Sujet {case_id}",
        "team": TEAM,
    }
    values.update(kw)
    return Case(case_id, customer_id, channel=channel, opened_at=NOW - opened_ago, **values)


def _interaction(
    iid: str, customer_id: str, case_id: str | None, ago: timedelta, text: str, **kw: Any
) -> Interaction:
    values: dict[str, Any] = {"channel": Channel.EMAIL, "direction": Direction.INBOUND, "author": "Client"}
    values.update(kw)
    return Interaction(iid, customer_id, occurred_at=NOW - ago, text=text, case_id=case_id, **values)


def build_world(path: Path, clock: Clock) -> World:
    cache = LocalCache.open(path, clock=clock)
    w = World(cache, clock)
    cache.save_me(
        {
            "user": to_wire(ADVISOR),
            "authority": {
                "currency": "EUR",
                "daily_budget_cents": 30_000,
                "remaining_today_cents": 26_500,
                "per_customer_30d_cents": 15_000,
                "gestures": [{"code": "voucher", "max_per_decision_cents": 3_000}],
            },
        }
    )
    m = timedelta(minutes=1)
    h = timedelta(hours=1)
    elodie = _customer("cust-01", "Élodie", "Martin")
    kevin = _customer("cust-02", HOSTILE_NAME, "Durand")
    paul = _customer("cust-03", "Paul", "Girard", language="en")
    big = _customer("cust-04", "Grand", "Historique")
    entities: list[Any] = [ENVELOPE, *DEFAULT_TARGETS.values(), elodie, kevin, paul, big]
    cases = [
        # e-mail: target 2 h, limit 24 h -> 30 h after opening, past the limit
        _case("case-limit", elodie.id, Channel.EMAIL, 30 * h, subject="Colis jamais arrivé"),
        # e-mail opened 10 min ago: on time
        _case(
            "case-ontime",
            elodie.id,
            Channel.EMAIL,
            10 * m,
            subject="Question sur ma facture",
            kind=CaseKind.REQUEST,
            category=ComplaintCategory.REQUEST,
        ),
        # closed case: folded in the timeline, absent from the queue
        _case(
            "case-closed",
            elodie.id,
            Channel.PHONE,
            40 * 24 * h,
            status=CaseStatus.CLOSED,
            subject="Ancien dossier",
            resolved_at=NOW - 39 * 24 * h,
        ),
        # chat: target 5 min -> 4 min after opening it is near the target
        _case(
            "case-near",
            paul.id,
            Channel.CHAT,
            4 * m,
            subject="Chat: where is my order",
            assignee_id=ADVISOR.id,
        ),
        # twitter: target 30 min, limit 2 h -> 40 min after opening, past the target
        _case("case-target", kevin.id, Channel.TWITTER, 40 * m, subject="<i>Tweet</i> en colère"),
        _case("case-big", big.id, Channel.EMAIL, 3 * h, subject="Le grand dossier"),
    ]
    entities += cases
    entities += [
        _interaction("i-e1", elodie.id, "case-limit", 30 * h, "Mon colis n'est jamais arrivé."),
        _interaction("i-e2", elodie.id, "case-ontime", 10 * m, "Une question sur ma facture."),
        _interaction(
            "i-e3",
            elodie.id,
            "case-closed",
            40 * 24 * h,
            "Appel de l'an dernier",
            channel=Channel.PHONE,
            details={"duration_s": 245},
        ),
        _interaction(
            "i-e4", elodie.id, None, 5 * 24 * h, "Avis laissé", channel=Channel.REVIEW, details={"stars": 2}
        ),
        _interaction(
            "i-e5",
            elodie.id,
            None,
            6 * 24 * h,
            "Commande passée",
            channel=Channel.ORDER_EVENT,
            direction=Direction.INTERNAL,
            details={"amount_cents": 4599, "currency": "EUR"},
        ),
        _interaction("i-p1", paul.id, "case-near", 4 * m, "Hello, where is my order?", channel=Channel.CHAT),
        _interaction("i-k1", kevin.id, "case-target", 40 * m, HOSTILE_TEXTS["html"], channel=Channel.TWITTER),
        _interaction("i-k2", kevin.id, "case-target", 39 * m, HOSTILE_TEXTS["qt"], channel=Channel.TWITTER),
        _interaction("i-k3", kevin.id, "case-target", 38 * m, HOSTILE_TEXTS["rtl"], channel=Channel.TWITTER),
        _interaction(
            "i-k4", kevin.id, "case-target", 37 * m, HOSTILE_TEXTS["controls"], channel=Channel.TWITTER
        ),
        _interaction(
            "i-k5", kevin.id, "case-target", 36 * m, BIG_TEXT, channel=Channel.TWITTER, author=HOSTILE_NAME
        ),
    ]
    entities.append(Order("ord-1", "CMD-2026-000001", elodie.id, NOW - 10 * 24 * h, "EUR", 4_599, 499))
    entities.append(SatisfactionRating("sat-1", "case-closed", elodie.id, 2, "survey", NOW - 39 * 24 * h))
    entities.append(
        Decision(
            "dec-1",
            ADVISOR.id,
            TEAM,
            elodie.id,
            GestureCode.VOUCHER,
            1_500,
            "EUR",
            ReasonCode.LATE_DELIVERY,
            "retard",
            NOW - 30 * 24 * h,
            DecisionStatus.GRANTED,
            case_id="case-closed",
        )
    )
    entities.append(
        _interaction(
            "i-note",
            elodie.id,
            "case-limit",
            2 * h,
            "Client rappelé, colis recherché.",
            channel=Channel.NOTE,
            direction=Direction.INTERNAL,
            author="Bob Durand",
        )
    )
    w.feed(*entities)
    # the big history: several closed cases and a long open one
    big_items: list[Any] = []
    for n in range(5):
        big_items.append(
            _case(
                f"case-big-old-{n}",
                big.id,
                Channel.EMAIL,
                (100 + n) * 24 * h,
                status=CaseStatus.CLOSED,
                subject=f"Ancien {n}",
            )
        )
    for n in range(BIG_HISTORY):
        case_id = "case-big" if n < BIG_HISTORY // 2 else f"case-big-old-{n % 5}"
        big_items.append(
            _interaction(
                f"i-big-{n:04d}",
                big.id,
                case_id,
                (n + 1) * m if n < BIG_HISTORY // 2 else (100 * 24 * h + n * m),
                f"Message {n}",
            )
        )
    w.feed(*big_items)
    cache.set_last_sync(NOW)
    return w
