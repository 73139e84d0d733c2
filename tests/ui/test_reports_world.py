"""Crafted data for the closing-the-loop tests (reports, watch list, follow-ups, resolution), fed
into a real LocalCache through the feed's entry point. Figures expected from it are worked out by
hand in the tests' comments.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from desk_world import ADVISOR, LEAD, NOW, TEAM, Clock, World

from advisor_desk.cache.store import LocalCache
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
    ProductRating,
    ReasonCode,
    RootCause,
    SatisfactionRating,
)
from advisor_desk.domain.wire import to_wire


def t(day: int, hour: int = 9, minute: int = 0, month: int = 11) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=UTC)


PRODUCTS = (
    Product("p-tent", "T-2", "Tente <b>2 places</b>", 2.4, 40, "Chef produit camping"),  # watched
    Product("p-lamp", "L-1", "Lampe frontale", 4.5, 100),  # well rated
    Product("p-edge", "E-3", "Gourde 1 L", 3.0, 25),  # exactly at the threshold, exactly enough ratings
    Product("p-few", "F-4", "Réchaud", 2.0, 24),  # poorly rated but one rating short
)


def customer(cid: str, first: str, last: str) -> Customer:
    return Customer(cid, first, last, emails=(f"{cid}@example.fr",), team=TEAM, updated_at=NOW)


def complaint(case_id: str, channel: Channel, opened: datetime, **kw: object) -> Case:
    values: dict[str, object] = {
        "kind": CaseKind.COMPLAINT,
        "category": ComplaintCategory.LATE_DELIVERY,
        "status": CaseStatus.NEW,
        "subject": f"Sujet {case_id}",
        "team": TEAM,
    }
    values.update(kw)
    return Case(case_id, "c-1", channel=channel, opened_at=opened, **values)  # type: ignore[arg-type]


def out(
    iid: str, case_id: str, at: datetime, channel: Channel = Channel.EMAIL, **details: object
) -> Interaction:
    return Interaction(
        iid, "c-1", channel, Direction.OUTBOUND, at, "Réponse", case_id, "Alice", details=dict(details)
    )


def decision(
    did: str, case_id: str | None, gesture: GestureCode, cents: int, at: datetime, **kw: object
) -> Decision:
    values: dict[str, object] = {"status": DecisionStatus.GRANTED, "reason_code": ReasonCode.LATE_DELIVERY}
    values.update(kw)
    return Decision(
        did,
        ADVISOR.id,
        TEAM,
        "c-1",
        gesture,
        cents,
        "EUR",
        reason_text="Geste",
        granted_at=at,
        case_id=case_id,
        **values,  # type: ignore[arg-type]
    )


def ratings() -> list[ProductRating]:
    """Ratings within the 12 months before NOW, spread over the months (for the trend):
    tent 24×2 + 16×3 = 96/40 = 2.4 (watched); bottle 25×3 = 3.0 with exactly 25 (watched, at the edge);
    stove 24×2 (one rating short: not watched); lamp 50×4 + 50×5 = 4.5, plus 200 one-star ratings
    older than 12 months that no longer count."""
    out: list[ProductRating] = []

    def add(product: str, stars: int, n: int, old: bool = False) -> None:
        for i in range(n):
            at = (
                datetime(2025, 10, 1, tzinfo=UTC)
                if old
                else datetime(2026, 1 + i % 11, 1 + i % 27, 12, tzinfo=UTC)
            )
            out.append(ProductRating(f"r-{product}-{stars}-{old}-{i}", product, stars, at))

    add("p-tent", 2, 24)
    add("p-tent", 3, 16)
    add("p-edge", 3, 25)
    add("p-few", 2, 24)
    add("p-lamp", 4, 50)
    add("p-lamp", 5, 50)
    add("p-lamp", 1, 200, old=True)
    return out


def build_loop_world(path: Path, clock: Clock) -> World:
    cache = LocalCache.open(path, clock=clock)
    w = World(cache, clock)
    cache.save_me(
        {
            "user": to_wire(LEAD),
            "authority": {
                "currency": "EUR",
                "daily_budget_cents": 50_000,
                "remaining_today_cents": 50_000,
                "per_customer_30d_cents": 30_000,
                "gestures": [{"code": "voucher", "max_per_decision_cents": 5_000}],
            },
        }
    )
    order = Order(
        "o-1",
        "CMD-1",
        "c-1",
        t(1),
        "EUR",
        12_000,
        lines=(OrderLine("ol-1", "p-tent", 1, 9_000, 9_000), OrderLine("ol-2", "p-lamp", 1, 3_000, 3_000)),
    )
    w.feed(*PRODUCTS)
    w.feed(*ratings())
    w.feed(customer("c-1", "Camille", "Dupont"), customer("c-2", "Jean", "Martin"))
    w.feed(order)
    w.feed(
        # c1: e-mail, acknowledged in 30 min (target 2 h), three answers: not first contact
        complaint(
            "k-1",
            Channel.EMAIL,
            t(3),
            status=CaseStatus.RESOLVED,
            acknowledged_at=t(3, 9, 30),
            first_response_at=t(3, 11),
            resolved_at=t(4),
            root_cause=RootCause.CARRIER,
            product_id="p-tent",
            order_id="o-1",
        ),
        # c2: phone, answered in 5 min, one answer: resolved at first contact
        complaint(
            "k-2",
            Channel.PHONE,
            t(10, 8),
            category=ComplaintCategory.DEFECTIVE_PRODUCT,
            status=CaseStatus.CLOSED,
            first_response_at=t(10, 8, 5),
            resolved_at=t(10, 8, 20),
            root_cause=RootCause.PRODUCT_QUALITY,
            product_id="p-tent",
        ),
        # c3: e-mail never answered: missed both target and limit by now
        complaint(
            "k-3", Channel.EMAIL, t(17), category=ComplaintCategory.DEFECTIVE_PRODUCT, product_id="p-lamp"
        ),
        # a request answered in 3 h: missed the e-mail target (2 h), within its limit (24 h)
        Case(
            "k-4",
            "c-2",
            CaseKind.REQUEST,
            ComplaintCategory.REQUEST,
            CaseStatus.IN_PROGRESS,
            Channel.EMAIL,
            "Question",
            t(18),
            TEAM,
            first_response_at=t(18, 12),
        ),
        # before the period
        complaint(
            "k-5", Channel.EMAIL, t(20, month=10), product_id="p-tent", first_response_at=t(20, 10, month=10)
        ),
        # another team's complaint: never in this team's report
        complaint("k-6", Channel.CHAT, t(12), team="team-paris"),
    )
    w.feed(
        out("i-1", "k-1", t(3, 9, 30), acknowledgement=True),
        out("i-2", "k-1", t(3, 11)),
        out("i-3", "k-1", t(3, 15)),
        out("i-4", "k-2", t(10, 8, 5), Channel.PHONE),
    )
    w.feed(
        decision(
            "d-1", "k-2", GestureCode.VOUCHER, 1_000, t(10, 9), reason_code=ReasonCode.DAMAGED_OR_DEFECTIVE
        ),
        decision("d-2", "k-1", GestureCode.REFUND, 2_550, t(4, 10)),
        decision("d-3", "k-1", GestureCode.VOUCHER, 5_000, t(4, 11), status=DecisionStatus.REVOKED),
    )
    w.feed(
        SatisfactionRating("s-1", "k-1", "c-1", 4, "survey", t(5)),
        SatisfactionRating("s-2", "k-2", "c-1", 2, "advisor", t(11)),
        SatisfactionRating("s-3", "k-2", "c-1", 5, "survey", t(12)),  # the latest rating of k-2 counts
    )
    return w
