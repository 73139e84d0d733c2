"""Building one customer's life with the brand: orders, cases, interactions, gestures, ratings.

Everything is drawn from one ``random.Random`` and ids come from uuid5 of a prefix and a counter, so
the same seed and the same ``now`` always give the same data. Nothing here touches a database: the
builder only produces domain objects, which :mod:`advisor_desk.server.seed.demo` and
:mod:`advisor_desk.server.seed.volume` hand to the store.
"""

from __future__ import annotations

import hashlib
import random
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from advisor_desk.domain.authority import (
    GrantRequest,
    check_grant,
    is_shipping_bound,
    shipping_order,
    usage_from_decisions,
)
from advisor_desk.domain.catalogue import DEFAULT_CURRENCY, DEFAULT_ENVELOPES, GESTURE_CATALOGUE
from advisor_desk.domain.catalogue import suggested_gestures as catalogue_suggestions
from advisor_desk.domain.channels import DEFAULT_TARGETS, Channel, ResponseState, ResponseTarget
from advisor_desk.domain.model import (
    Case,
    CaseKind,
    CaseStatus,
    ComplaintCategory,
    Customer,
    Decision,
    DecisionStatus,
    Direction,
    Escalation,
    FollowUp,
    FollowUpOutcome,
    FollowUpStatus,
    GestureCode,
    Interaction,
    Language,
    Order,
    OrderLine,
    Product,
    ProductRating,
    ReasonCode,
    RootCause,
    SatisfactionRating,
    User,
)
from advisor_desk.domain.money import format_cents_plain
from advisor_desk.server.seed import names, texts
from advisor_desk.server.seed.products import PRODUCTS, product_id

SEED_NAMESPACE = uuid.UUID("0b6c2f3e-8d4a-4f4b-a1de-7c5e9f2d3a61")

COMPLAINTS: tuple[ComplaintCategory, ...] = (
    ComplaintCategory.LATE_DELIVERY,
    ComplaintCategory.DAMAGED_ITEM,
    ComplaintCategory.DEFECTIVE_PRODUCT,
    ComplaintCategory.WRONG_ITEM,
    ComplaintCategory.BILLING_ERROR,
    ComplaintCategory.REFUND_NOT_RECEIVED,
    ComplaintCategory.STAFF_BEHAVIOUR,
    ComplaintCategory.WEBSITE_APP,
    ComplaintCategory.STORE_EXPERIENCE,
    ComplaintCategory.OTHER,
)
_COMPLAINT_WEIGHTS = (22, 12, 18, 9, 7, 8, 5, 8, 6, 5)

#: Channels a conversation can start on, and how often.
CONVERSATION_CHANNELS: tuple[Channel, ...] = (
    Channel.EMAIL,
    Channel.PHONE,
    Channel.CHAT,
    Channel.WEB_FORM,
    Channel.TWITTER,
    Channel.FACEBOOK,
    Channel.SMS,
    Channel.STORE,
    Channel.CALLBACK,
    Channel.REVIEW,
    Channel.LETTER,
)
_CHANNEL_WEIGHTS = (30, 22, 12, 8, 6, 5, 4, 6, 3, 2, 2)

#: Channels whose messages are short (a tweet, an SMS, a chat line).
SHORT_CHANNELS = frozenset({Channel.TWITTER, Channel.SMS, Channel.CHAT, Channel.FACEBOOK})

#: Channels where a customer writes (a thank-you after a call comes by e-mail).
_WRITTEN_CHANNELS = frozenset(
    {
        Channel.EMAIL,
        Channel.CHAT,
        Channel.SMS,
        Channel.TWITTER,
        Channel.FACEBOOK,
        Channel.WEB_FORM,
        Channel.LETTER,
    }
)

#: Where the advisor answers a message that came in on a channel.
REPLY_CHANNEL: dict[Channel, Channel] = {
    Channel.EMAIL: Channel.EMAIL,
    Channel.PHONE: Channel.EMAIL,
    Channel.CHAT: Channel.CHAT,
    Channel.WEB_FORM: Channel.EMAIL,
    Channel.TWITTER: Channel.TWITTER,
    Channel.FACEBOOK: Channel.FACEBOOK,
    Channel.SMS: Channel.SMS,
    Channel.STORE: Channel.PHONE,
    Channel.CALLBACK: Channel.CALLBACK,
    Channel.REVIEW: Channel.REVIEW,
    Channel.LETTER: Channel.LETTER,
}

_ROOT_CAUSES: dict[ComplaintCategory, tuple[RootCause, ...]] = {
    ComplaintCategory.LATE_DELIVERY: (RootCause.CARRIER, RootCause.WAREHOUSE),
    ComplaintCategory.DAMAGED_ITEM: (RootCause.CARRIER, RootCause.WAREHOUSE),
    ComplaintCategory.DEFECTIVE_PRODUCT: (
        RootCause.PRODUCT_QUALITY,
        RootCause.PRODUCT_DESIGN,
        RootCause.SUPPLIER,
    ),
    ComplaintCategory.WRONG_ITEM: (RootCause.WAREHOUSE, RootCause.INFORMATION_ERROR),
    ComplaintCategory.BILLING_ERROR: (RootCause.BILLING_SYSTEM,),
    ComplaintCategory.REFUND_NOT_RECEIVED: (RootCause.BILLING_SYSTEM, RootCause.WAREHOUSE),
    ComplaintCategory.STAFF_BEHAVIOUR: (RootCause.STAFF,),
    ComplaintCategory.WEBSITE_APP: (RootCause.WEBSITE,),
    ComplaintCategory.STORE_EXPERIENCE: (RootCause.STAFF, RootCause.OTHER),
    ComplaintCategory.OTHER: (RootCause.OTHER, RootCause.CUSTOMER_MISUNDERSTANDING),
}

_REASONS: dict[ComplaintCategory, ReasonCode] = {
    ComplaintCategory.LATE_DELIVERY: ReasonCode.LATE_DELIVERY,
    ComplaintCategory.DAMAGED_ITEM: ReasonCode.DAMAGED_OR_DEFECTIVE,
    ComplaintCategory.DEFECTIVE_PRODUCT: ReasonCode.DAMAGED_OR_DEFECTIVE,
    ComplaintCategory.WRONG_ITEM: ReasonCode.WRONG_ITEM,
    ComplaintCategory.BILLING_ERROR: ReasonCode.BILLING_ERROR,
    ComplaintCategory.REFUND_NOT_RECEIVED: ReasonCode.SERVICE_FAILURE,
    ComplaintCategory.STAFF_BEHAVIOUR: ReasonCode.SERVICE_FAILURE,
    ComplaintCategory.WEBSITE_APP: ReasonCode.SERVICE_FAILURE,
    ComplaintCategory.STORE_EXPERIENCE: ReasonCode.SERVICE_FAILURE,
    ComplaintCategory.OTHER: ReasonCode.OTHER,
    ComplaintCategory.PRAISE: ReasonCode.LOYALTY,
}

_REASON_TEXTS: dict[str, str] = {
    "fr": "Geste pour le désagrément : {subject}",
    "en": "Gesture for the inconvenience: {subject}",
}

#: Complaints about the product itself.
_PRODUCT_FAULTS = frozenset({ComplaintCategory.DEFECTIVE_PRODUCT, ComplaintCategory.DAMAGED_ITEM})

#: Categories whose texts speak of an order (they always get one).
_NEEDS_ORDER = frozenset(
    {
        ComplaintCategory.LATE_DELIVERY,
        ComplaintCategory.DAMAGED_ITEM,
        ComplaintCategory.DEFECTIVE_PRODUCT,
        ComplaintCategory.WRONG_ITEM,
        ComplaintCategory.BILLING_ERROR,
        ComplaintCategory.REFUND_NOT_RECEIVED,
        ComplaintCategory.REQUEST,
        ComplaintCategory.INFORMATION,
    }
)


class Ids:
    """Stable ids: uuid5 of a prefix ("demo", "volume:42"), a kind and a counter.

    Equal to ``str(uuid.uuid5(SEED_NAMESPACE, f"{prefix}:{kind}:{n}"))``, computed from a SHA-1 state
    already fed with the namespace and prefix: the volume seed makes hundreds of thousands of ids.
    """

    def __init__(self, prefix: str) -> None:
        self.prefix = prefix
        self._counters: dict[str, int] = {}
        self._base = hashlib.sha1(SEED_NAMESPACE.bytes + f"{prefix}:".encode(), usedforsecurity=False)

    def new(self, kind: str) -> str:
        n = self._counters.get(kind, 0) + 1
        self._counters[kind] = n
        digest = self._base.copy()
        digest.update(f"{kind}:{n}".encode())
        raw = bytearray(digest.digest()[:16])
        raw[6] = (raw[6] & 0x0F) | 0x50  # version 5
        raw[8] = (raw[8] & 0x3F) | 0x80  # RFC 4122 variant
        h = raw.hex()
        return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"

    def count(self, kind: str) -> int:
        return self._counters.get(kind, 0)


@dataclass
class Batch:
    """Entities produced so far, by kind, in the order they were made."""

    customers: list[Customer] = field(default_factory=list)
    orders: list[Order] = field(default_factory=list)
    cases: list[Case] = field(default_factory=list)
    interactions: list[Interaction] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    escalations: list[Escalation] = field(default_factory=list)
    followups: list[FollowUp] = field(default_factory=list)
    satisfaction: list[SatisfactionRating] = field(default_factory=list)
    ratings: list[ProductRating] = field(default_factory=list)

    def entities(self) -> list[object]:
        """Everything, customers first (what the others refer to)."""
        return [
            *self.customers,
            *self.orders,
            *self.cases,
            *self.interactions,
            *self.followups,
            *self.satisfaction,
            *self.decisions,
            *self.escalations,
            *self.ratings,
        ]

    def clear(self) -> None:
        for value in (
            self.customers,
            self.orders,
            self.cases,
            self.interactions,
            self.decisions,
            self.escalations,
            self.followups,
            self.satisfaction,
            self.ratings,
        ):
            value.clear()


@dataclass(frozen=True, slots=True)
class Staff:
    """The users the data refers to: who answers, who grants, per team."""

    users: tuple[User, ...]

    def of_team(self, team: str, role: str) -> list[User]:
        return [u for u in self.users if u.team == team and u.role.value == role]

    def answerers(self, team: str) -> list[User]:
        found = self.of_team(team, "advisor") or [u for u in self.users if u.team == team]
        return found or list(self.users)


@dataclass(frozen=True, slots=True)
class OpenPlan:
    """An open case to build at a given response-time state on a given clock."""

    state: ResponseState
    clock: str  # "first_response" or "resolution"
    channel: Channel
    assignee: User | None = None
    hostile_text: str | None = None


def elapsed_for(target: ResponseTarget, state: ResponseState, clock: str, rng: random.Random) -> timedelta:
    """How long ago a case must have opened to be in ``state`` on ``clock`` now.

    Mirrors :func:`advisor_desk.domain.channels.countdown`: before the first response the clock runs
    against the channel's target and limit; after it, against the resolution time and half as long
    again. "Near" is the last quarter before the deadline.
    """
    if clock == "first_response":
        due, limit = target.target_minutes, target.limit_minutes
    else:
        due, limit = target.resolution_minutes, target.resolution_minutes * 3 // 2
    if state is ResponseState.ON_TIME:
        minutes = due * rng.uniform(0.1, 0.55)
    elif state is ResponseState.NEAR_TARGET:
        minutes = due * rng.uniform(0.82, 0.93)
    elif state is ResponseState.PAST_TARGET:
        minutes = due + (limit - due) * rng.uniform(0.25, 0.7) if limit > due else due
    else:
        minutes = limit * rng.uniform(1.2, 2.5)
    return timedelta(seconds=round(minutes * 60))


class HistoryBuilder:
    """Makes customers and their histories into a :class:`Batch`."""

    def __init__(
        self,
        rng: random.Random,
        ids: Ids,
        now: datetime,
        staff: Staff,
        products: Sequence[Product],
        *,
        order_prefix: str = "CMD-",
        history_days: int = 90,
        grant_decisions: bool = True,
    ) -> None:
        self.rng = rng
        self.ids = ids
        self.now = now
        self.staff = staff
        self.products = list(products)
        self.order_prefix = order_prefix
        self.history_days = history_days
        self.grant_decisions = grant_decisions
        self.batch = Batch()
        self._products_by_id = {p.id: p for p in self.products}
        self._poor_products = [p for p in self.products if p.rating_count and p.rating_average <= 3.0]
        self._prices = {product_id(spec.sku): spec.price_cents for spec in PRODUCTS}
        # Decisions kept across batches so every grant is checked against what was already given.
        self._all_decisions: list[Decision] = []
        # The order each granted-on case names, so earlier refunds are put on the order the centre
        # puts them on (shipping_order of the decision's case).
        self._case_orders: dict[str, str | None] = {}

    # -- customers ---------------------------------------------------------------------------------

    def customer(
        self,
        serial: int,
        team: str,
        *,
        language: Language | None = None,
        first_name: str | None = None,
        last_name: str | None = None,
        title: str | None = None,
    ) -> Customer:
        rng = self.rng
        if language is None:
            language = Language.FR if rng.random() < 0.75 else Language.EN
        french = language is Language.FR
        picked_title, first, last = names.pick_name(rng, french)
        first = first_name if first_name is not None else first
        last = last_name if last_name is not None else last
        handles = names.social_handles(rng, first, last, serial)
        preferred = rng.choices(
            (Channel.EMAIL, Channel.PHONE, Channel.SMS, Channel.CHAT, Channel.STORE, Channel.TWITTER),
            weights=(40, 25, 10, 10, 10, 5),
        )[0]
        if preferred is Channel.TWITTER and not handles:
            preferred = Channel.EMAIL
        customer = Customer(
            id=self.ids.new("customer"),
            first_name=first,
            last_name=last,
            emails=names.emails(rng, first, last, french, serial),
            phones=names.phones(rng, french, serial),
            social_handles=handles,
            loyalty_card=names.loyalty_card(serial) if rng.random() < 0.8 else None,
            language=language,
            preferred_channel=preferred,
            tier=rng.choices(("standard", "silver", "gold"), weights=(70, 20, 10))[0],
            title=title if title is not None else picked_title,
            team=team,
            updated_at=self.now,
        )
        self.batch.customers.append(customer)
        return customer

    # -- orders ------------------------------------------------------------------------------------

    def orders(self, customer: Customer, count: int, *, events: bool = True) -> list[Order]:
        rng = self.rng
        made: list[Order] = []
        for _ in range(count):
            placed = self.now - timedelta(
                days=rng.uniform(1, self.history_days + 60), minutes=rng.randint(0, 600)
            )
            made.append(self.order(customer, placed, events=events))
        made.sort(key=lambda o: o.placed_at)
        return made

    def order(
        self, customer: Customer, placed: datetime, *, events: bool = True, featuring: Product | None = None
    ) -> Order:
        """An order placed at ``placed``; ``featuring`` is a product it must contain (first line)."""
        rng = self.rng
        placed = placed.replace(microsecond=0)
        lines: list[OrderLine] = []
        products = rng.sample(self.products, rng.choices((1, 2, 3), weights=(6, 3, 1))[0])
        if featuring is not None:
            products = [featuring, *(p for p in products if p.id != featuring.id)][:3]
        for product in products:
            price = self._prices.get(product.id, 2999)
            quantity = 1 if price > 5000 else rng.choices((1, 2, 3), weights=(8, 2, 1))[0]
            gross = price * quantity
            # Some lines were bought on promotion: what was paid is what bounds a refund.
            paid = gross - (gross * rng.choice((10, 20, 30)) // 100 if rng.random() < 0.15 else 0)
            lines.append(OrderLine(self.ids.new("line"), product.id, quantity, price, paid))
        subtotal = sum(line.paid_cents for line in lines)
        shipping = 0 if subtotal >= 5000 else rng.choice((499, 599))
        age_days = (self.now - placed).days
        status = "delivered"
        if age_days < 3:
            status = rng.choice(("placed", "shipped", "in_transit"))
        elif rng.random() < 0.05:
            status = rng.choice(("returned", "cancelled"))
        order = Order(
            id=self.ids.new("order"),
            number=f"{self.order_prefix}{self.ids.count('order'):07d}",
            customer_id=customer.id,
            placed_at=placed,
            currency=DEFAULT_CURRENCY,
            total_cents=subtotal + shipping,
            shipping_cents=shipping,
            status=status,
            lines=tuple(lines),
            updated_at=placed,
        )
        self.batch.orders.append(order)
        if events:
            self._order_events(customer, order)
        return order

    def _order_events(self, customer: Customer, order: Order) -> None:
        lang = customer.language.value
        horizon = self.now - timedelta(days=self.history_days)
        steps = ["placed"]
        if order.status != "placed":
            steps.append("shipped")
        if order.status in ("delivered", "returned"):
            steps.append("delivered")
        if order.status in ("in_transit",):
            steps.append("in_transit")
        if order.status in ("returned", "cancelled"):
            steps.append(order.status)
        at = order.placed_at
        for step in steps:
            if step != "placed":
                at = at + timedelta(days=self.rng.uniform(0.5, 2.5))
            if at > self.now:
                break
            if at < horizon:
                continue
            text = texts.ORDER_EVENTS[lang][step].format(
                order=order.number,
                amount=format_cents_plain(order.total_cents, "," if lang == "fr" else ".") + " €",
            )
            self._interaction(
                customer,
                Channel.ORDER_EVENT,
                Direction.INBOUND if step == "placed" else Direction.OUTBOUND,
                at,
                text,
                None,
                author="system",
                details={
                    "order_id": order.id,
                    "event": step,
                    "amount_cents": order.total_cents,
                    "currency": order.currency,
                },
            )

    # -- interactions ------------------------------------------------------------------------------

    def _interaction(
        self,
        customer: Customer,
        channel: Channel,
        direction: Direction,
        at: datetime,
        text: str,
        case_id: str | None,
        *,
        author: str = "",
        author_id: str | None = None,
        details: dict[str, object] | None = None,
    ) -> Interaction:
        interaction = Interaction(
            id=self.ids.new("interaction"),
            customer_id=customer.id,
            channel=channel,
            direction=direction,
            occurred_at=at.replace(microsecond=0),
            text=text,
            case_id=case_id,
            author=author or (customer.display_name if direction is Direction.INBOUND else ""),
            author_id=author_id,
            details=details if details is not None else {},
            updated_at=at.replace(microsecond=0),
        )
        self.batch.interactions.append(interaction)
        return interaction

    def _channel_details(self, customer: Customer, channel: Channel, subject: str) -> dict[str, object]:
        rng = self.rng
        if channel in (Channel.PHONE, Channel.CALLBACK):
            return {"duration_s": rng.randint(45, 1500)}
        if channel is Channel.EMAIL:
            return {"subject": subject}
        if channel in (Channel.TWITTER, Channel.FACEBOOK):
            handle = customer.social_handles[0] if customer.social_handles else f"@{customer.first_name}"
            return {"handle": handle}
        if channel is Channel.SMS:
            return {"phone": customer.phones[0]} if customer.phones else {}
        if channel is Channel.STORE:
            return {"store": self._store(customer)}
        if channel is Channel.WEB_FORM:
            return {"form": "contact"}
        if channel is Channel.LETTER:
            return {"reference": f"LR{rng.randrange(10**9):09d}FR"}
        return {}

    def _store(self, customer: Customer) -> str:
        stores = names.STORES[3:] if customer.team == "nantes" else names.STORES[:3]
        return stores[self.rng.randrange(len(stores))]

    def _fill(
        self, customer: Customer, order: Order | None, product: Product | None, advisor: User | None
    ) -> dict[str, object]:
        return {
            "first_name": customer.first_name,
            "last_name": customer.last_name,
            "title": customer.title or customer.first_name,
            "order": order.number if order else "",
            "product": product.name if product else "",
            "advisor": advisor.display_name if advisor else "",
            "days": self.rng.randint(6, 21),
            "store": self._store(customer),
            "amount": "",
        }

    # -- cases -------------------------------------------------------------------------------------

    def pick_case_shape(self) -> tuple[CaseKind, ComplaintCategory, Channel]:
        rng = self.rng
        kind = rng.choices(
            (CaseKind.COMPLAINT, CaseKind.REQUEST, CaseKind.INFORMATION, CaseKind.PRAISE),
            weights=(55, 20, 15, 10),
        )[0]
        if kind is CaseKind.COMPLAINT:
            category = rng.choices(COMPLAINTS, weights=_COMPLAINT_WEIGHTS)[0]
        else:
            category = ComplaintCategory(kind.value)
        channel = rng.choices(CONVERSATION_CHANNELS, weights=_CHANNEL_WEIGHTS)[0]
        return kind, category, channel

    def _order_and_product(
        self, customer: Customer, category: ComplaintCategory, orders: list[Order], opened_at: datetime
    ) -> tuple[Order | None, Product | None]:
        rng = self.rng
        before = [o for o in orders if o.placed_at < opened_at]
        if category in _PRODUCT_FAULTS and self._poor_products and rng.random() < 0.8:
            # Poorly rated products draw the product complaints: the watch list shows them together.
            poor = self._poor_products[rng.randrange(len(self._poor_products))]
            placed = opened_at - timedelta(days=rng.uniform(3, 40))
            made = self.order(
                customer,
                placed,
                events=placed > self.now - timedelta(days=self.history_days),
                featuring=poor,
            )
            orders.append(made)
            return made, poor
        if category in _NEEDS_ORDER and not before:
            # The complaint is about an order: it was placed a few days before.
            placed = opened_at - timedelta(days=rng.uniform(2, 12))
            made = self.order(customer, placed, events=placed > self.now - timedelta(days=self.history_days))
            orders.append(made)
            before = [made]
        if before and (category in _NEEDS_ORDER or rng.random() < 0.3):
            order = before[rng.randrange(len(before))]
            line = order.lines[rng.randrange(len(order.lines))]
            return order, self._products_by_id.get(line.product_id)
        if category in (ComplaintCategory.PRAISE, ComplaintCategory.STORE_EXPERIENCE) or rng.random() < 0.2:
            return None, self.products[rng.randrange(len(self.products))]
        return None, None

    def _inbound_text(self, lang: str, category: ComplaintCategory, channel: Channel) -> str:
        variants = texts.INBOUND[lang][category]
        if channel in SHORT_CHANNELS:
            return variants[2]
        tone = self.rng.choices((0, 1, 2), weights=(3, 5, 2))[0]
        return variants[tone]

    def _reply_text(self, lang: str, category: ComplaintCategory, channel: Channel) -> str:
        if channel in (Channel.CHAT, Channel.SMS):
            options = texts.SHORT_REPLIES[lang]
            return options[self.rng.randrange(len(options))]
        if channel in SHORT_CHANNELS or channel is Channel.REVIEW:
            options = texts.SOCIAL_REPLIES[lang]
            return options[self.rng.randrange(len(options))]
        return texts.REPLIES[lang][category][0]

    def case(
        self,
        customer: Customer,
        orders: list[Order],
        *,
        opened_at: datetime,
        kind: CaseKind,
        category: ComplaintCategory,
        channel: Channel,
        status: CaseStatus,
        assignee: User | None,
        acknowledged_at: datetime | None = None,
        first_response_at: datetime | None = None,
        resolved_at: datetime | None = None,
        hostile_text: str | None = None,
        relaunches: int = 0,
    ) -> Case:
        """One case and its conversation, consistent with the times given."""
        rng = self.rng
        opened_at = opened_at.replace(microsecond=0)
        acknowledged_at, first_response_at, resolved_at = (
            t.replace(microsecond=0) if t is not None else None
            for t in (acknowledged_at, first_response_at, resolved_at)
        )
        lang = customer.language.value
        order, product = self._order_and_product(customer, category, orders, opened_at)
        fill = self._fill(customer, order, product, assignee)
        if not fill["product"]:
            fill["product"] = texts.NO_PRODUCT[lang]
        subjects = texts.SUBJECTS[lang][category]
        subject = subjects[rng.randrange(len(subjects))].format_map(fill)
        case_id = self.ids.new("case")
        inbound = hostile_text or self._inbound_text(lang, category, channel).format_map(fill)
        details = self._channel_details(customer, channel, subject)
        if channel is Channel.REVIEW:
            details = {"stars": 1 if kind is CaseKind.COMPLAINT else 5, "site": "avis clients"}
            if product is not None:
                details["product_id"] = product.id
        if channel in (Channel.PHONE, Channel.CALLBACK) and hostile_text is None:
            summaries = texts.CALL_SUMMARIES[lang]
            moods = texts.MOODS[lang]
            inbound = summaries[rng.randrange(len(summaries))].format_map(
                {**fill, "subject": subject, "mood": moods[rng.randrange(len(moods))]}
            )
        last = opened_at
        self._interaction(customer, channel, Direction.INBOUND, opened_at, inbound, case_id, details=details)
        advisor_name = assignee.display_name if assignee else ""
        advisor_id = assignee.id if assignee else None
        reply_channel = REPLY_CHANNEL.get(channel, Channel.EMAIL)
        if acknowledged_at is not None:
            acks = texts.ACKNOWLEDGEMENTS[lang]
            ack_channel = Channel.EMAIL if customer.emails else reply_channel
            self._interaction(
                customer,
                ack_channel,
                Direction.OUTBOUND,
                acknowledged_at,
                acks[rng.randrange(len(acks))].format_map(fill),
                case_id,
                author=advisor_name or "Service clients",
                author_id=advisor_id,
                details={"acknowledgement": True},
            )
            last = max(last, acknowledged_at)
        # The customer chases before anyone answered, or between the acknowledgement and the answer.
        chase_until = first_response_at or resolved_at or self.now
        for n in range(relaunches):
            at = opened_at + (chase_until - opened_at) * (0.4 + 0.25 * n)
            relaunch = texts.RELAUNCHES[lang][min(n, 1)]
            self._interaction(customer, channel, Direction.INBOUND, at, relaunch, case_id)
            last = max(last, at)
        if first_response_at is not None:
            self._interaction(
                customer,
                reply_channel,
                Direction.OUTBOUND,
                first_response_at,
                self._reply_text(lang, category, reply_channel).format_map(fill),
                case_id,
                author=advisor_name,
                author_id=advisor_id,
                details=self._channel_details(customer, reply_channel, "Re: " + subject),
            )
            last = max(last, first_response_at)
            if rng.random() < 0.35:
                notes = texts.NOTES[lang]
                at = first_response_at + timedelta(minutes=rng.randint(2, 90))
                if at < (resolved_at or self.now):
                    self._interaction(
                        customer,
                        Channel.NOTE,
                        Direction.INTERNAL,
                        at,
                        notes[rng.randrange(len(notes))],
                        case_id,
                        author=advisor_name,
                        author_id=advisor_id,
                    )
                    last = max(last, at)
        if resolved_at is not None and rng.random() < 0.6:
            thanks = texts.THANKS[lang]
            at = resolved_at + timedelta(minutes=rng.randint(5, 600))
            if at < self.now:
                self._interaction(
                    customer,
                    channel if channel in _WRITTEN_CHANNELS else Channel.EMAIL,
                    Direction.INBOUND,
                    at,
                    thanks[rng.randrange(len(thanks))].format_map(fill),
                    case_id,
                )
        root_cause = None
        if resolved_at is not None and kind is CaseKind.COMPLAINT:
            causes = _ROOT_CAUSES[category]
            root_cause = causes[rng.randrange(len(causes))]
            if product is not None and category is ComplaintCategory.DEFECTIVE_PRODUCT:
                root_cause = RootCause.PRODUCT_QUALITY
        changed = max(t for t in (last, resolved_at) if t is not None)
        case = Case(
            id=case_id,
            customer_id=customer.id,
            kind=kind,
            category=category,
            status=status,
            channel=channel,
            subject=subject,
            opened_at=opened_at,
            team=customer.team,
            version=1 + sum(t is not None for t in (acknowledged_at, first_response_at, resolved_at)),
            product_id=product.id if product else None,
            order_id=order.id if order else None,
            assignee_id=assignee.id if assignee else None,
            acknowledged_at=acknowledged_at,
            first_response_at=first_response_at,
            resolved_at=resolved_at,
            root_cause=root_cause,
            updated_at=changed,
            updated_by=assignee.id if assignee and changed > opened_at else None,
        )
        self.batch.cases.append(case)
        return case

    def past_case(self, customer: Customer, orders: list[Order], assignee: User) -> Case:
        """A case already resolved (or closed) within the history window."""
        rng = self.rng
        kind, category, channel = self.pick_case_shape()
        opened = self.now - timedelta(
            days=rng.uniform(2, self.history_days - 1), minutes=rng.randint(0, 1439)
        )
        opened = opened.replace(microsecond=0)
        target = DEFAULT_TARGETS[channel]
        # Most answers arrive within the target, some late: the reports show both.
        late = rng.random() < 0.2
        delay = target.target_minutes * (rng.uniform(1.1, 3.0) if late else rng.uniform(0.05, 0.9))
        acknowledged = None
        if channel in (Channel.EMAIL, Channel.LETTER, Channel.WEB_FORM) and rng.random() < 0.6:
            acknowledged = opened + timedelta(minutes=min(delay, target.target_minutes) * 0.3)
        first = opened + timedelta(minutes=delay)
        resolved = first + timedelta(hours=rng.uniform(0.2, 96))
        if resolved >= self.now:
            resolved = self.now - timedelta(minutes=rng.randint(5, 120))
            first = min(first, resolved)
        status = CaseStatus.CLOSED if (self.now - resolved).days > 14 else CaseStatus.RESOLVED
        case = self.case(
            customer,
            orders,
            opened_at=opened,
            kind=kind,
            category=category,
            channel=channel,
            status=status,
            assignee=assignee,
            acknowledged_at=acknowledged,
            first_response_at=first,
            resolved_at=resolved,
            relaunches=1 if late and rng.random() < 0.5 else 0,
        )
        self._satisfaction(customer, case, late)
        if kind is CaseKind.COMPLAINT and self.grant_decisions and rng.random() < 0.45:
            self.grant(customer, case, orders, assignee, first)
        return case

    def open_case(self, customer: Customer, orders: list[Order], plan: OpenPlan) -> Case:
        """An open case whose response-time badge is ``plan.state`` right now."""
        rng = self.rng
        target = DEFAULT_TARGETS[plan.channel]
        kind, category, _ = self.pick_case_shape()
        if plan.hostile_text is not None:
            kind, category = CaseKind.COMPLAINT, ComplaintCategory.LATE_DELIVERY
        opened = self.now - elapsed_for(target, plan.state, plan.clock, rng)
        acknowledged = first = None
        status = CaseStatus.NEW
        if plan.clock == "resolution":
            # Answered (or acknowledged) early on; the resolution clock is what runs now.
            answered = opened + (self.now - opened) * rng.uniform(0.02, 0.3)
            if plan.channel in (Channel.EMAIL, Channel.LETTER, Channel.WEB_FORM) and rng.random() < 0.5:
                acknowledged = answered
                status = CaseStatus.ACKNOWLEDGED
            else:
                first = answered
                status = rng.choice((CaseStatus.IN_PROGRESS, CaseStatus.WAITING_CUSTOMER))
        relaunches = 0
        if plan.state in (ResponseState.PAST_TARGET, ResponseState.PAST_LIMIT):
            relaunches = 2 if plan.state is ResponseState.PAST_LIMIT else 1
        case = self.case(
            customer,
            orders,
            opened_at=opened.replace(microsecond=0),
            kind=kind,
            category=category,
            channel=plan.channel,
            status=status,
            assignee=plan.assignee,
            acknowledged_at=acknowledged.replace(microsecond=0) if acknowledged else None,
            first_response_at=first.replace(microsecond=0) if first else None,
            hostile_text=plan.hostile_text,
            relaunches=relaunches,
        )
        if (
            status is CaseStatus.IN_PROGRESS
            and kind is CaseKind.COMPLAINT
            and plan.assignee is not None
            and self.grant_decisions
            and first is not None
            and rng.random() < 0.5
        ):
            self.grant(customer, case, orders, plan.assignee, first)
        return case

    def _satisfaction(self, customer: Customer, case: Case, late: bool) -> None:
        rng = self.rng
        if case.resolved_at is None or rng.random() > 0.6:
            return
        weights = (15, 20, 25, 25, 15) if late else (4, 6, 15, 35, 40)
        if case.kind is CaseKind.PRAISE:
            weights = (0, 0, 5, 25, 70)
        at = case.resolved_at + timedelta(hours=rng.uniform(1, 72))
        if at >= self.now:
            return
        self.batch.satisfaction.append(
            SatisfactionRating(
                id=self.ids.new("satisfaction"),
                case_id=case.id,
                customer_id=customer.id,
                score=rng.choices((1, 2, 3, 4, 5), weights=weights)[0],
                source=rng.choice(("survey", "survey", "advisor")),
                recorded_at=at.replace(microsecond=0),
                updated_at=at.replace(microsecond=0),
            )
        )

    # -- gestures ----------------------------------------------------------------------------------

    def grant(
        self,
        customer: Customer,
        case: Case,
        orders: list[Order],
        user: User,
        at: datetime,
        *,
        reviewed_by: User | None = None,
    ) -> Decision | None:
        """A goodwill gesture within ``user``'s envelope, checked by the domain's authority check."""
        rng = self.rng
        order = next((o for o in orders if o.id == case.order_id), None)
        envelope = DEFAULT_ENVELOPES[user.role]
        codes = [c for c in catalogue_suggestions(case.category, order) if envelope.limit_for(c) is not None]
        if not codes:
            return None
        code = codes[0] if rng.random() < 0.6 else codes[rng.randrange(len(codes))]
        limit = envelope.limit_for(code)
        assert limit is not None
        line = None
        line_refunded = 0
        shipping_paid: int | None = None
        shipping_refunded = 0
        bound = limit.max_per_decision_cents
        # The order bounds as the centre works them out (services/mutations/decisions.py and
        # services/authority.py): what earlier decisions already refunded counts, so the demo never
        # holds a grant the centre itself would refuse.
        if code is GestureCode.REFUND and order is not None:
            line = max(order.lines, key=lambda candidate: candidate.paid_cents)
            line_refunded = line.refunded_cents + sum(
                d.amount_cents
                for d in self._all_decisions
                if d.order_line_id == line.id and d.gesture is code and d.status.counts_against_budget
            )
            bound = min(bound, line.paid_cents - line_refunded)
        elif is_shipping_bound(code):
            on = shipping_order(orders, case.order_id)
            if on is None:
                return None  # the centre refuses a shipping refund with no order (unknown_order)
            shipping_paid = on.shipping_cents
            shipping_refunded = self._shipping_refunded(customer, code, orders, on)
            bound = min(bound, shipping_paid - shipping_refunded)
        presets = [p for p in GESTURE_CATALOGUE[code].presets_cents if p <= bound]
        amount = presets[rng.randrange(len(presets))] if presets else bound
        if amount <= 0:
            return None
        request = GrantRequest(
            user_id=user.id,
            customer_id=customer.id,
            gesture=code,
            amount_cents=amount,
            currency=DEFAULT_CURRENCY,
            at=at,
            line_paid_cents=line.paid_cents if line else None,
            line_refunded_cents=line_refunded,
            shipping_paid_cents=shipping_paid,
            shipping_refunded_cents=shipping_refunded,
        )
        usage = usage_from_decisions(self._all_decisions, user.id, customer.id, at, user.time_zone)
        if not check_grant(envelope, request, usage).allowed:
            return None
        lang = customer.language.value
        reviewed_at = None
        if reviewed_by is None and (self.now - at).days >= 3 and rng.random() < 0.6:
            lead = self.staff.of_team(user.team, "team_lead")
            reviewed_by = lead[0] if lead else None
        if reviewed_by is not None:
            reviewed_at = min(self.now, at + timedelta(days=rng.uniform(0.5, 3)))
        decision = Decision(
            id=self.ids.new("decision"),
            user_id=user.id,
            team=user.team,
            customer_id=customer.id,
            gesture=code,
            amount_cents=amount,
            currency=DEFAULT_CURRENCY,
            reason_code=_REASONS.get(case.category, ReasonCode.OTHER),
            reason_text=_REASON_TEXTS[lang].format(subject=case.subject),
            granted_at=at.replace(microsecond=0),
            status=DecisionStatus.GRANTED,
            case_id=case.id,
            order_line_id=line.id if line else None,
            voucher_code=(
                f"BA-{self.ids.count('decision') + 1:05d}-{rng.randrange(16**4):04X}"
                if code in (GestureCode.VOUCHER, GestureCode.GIFT)
                else None
            ),
            reviewed_by=reviewed_by.id if reviewed_by else None,
            reviewed_at=reviewed_at.replace(microsecond=0) if reviewed_at else None,
            review_comment=("OK" if reviewed_by else None),
            updated_at=(reviewed_at or at).replace(microsecond=0),
        )
        self.batch.decisions.append(decision)
        self._all_decisions.append(decision)
        self._case_orders[case.id] = case.order_id
        return decision

    def _shipping_refunded(
        self, customer: Customer, code: GestureCode, orders: list[Order], order: Order
    ) -> int:
        """What earlier decisions of this gesture refunded of ``order``'s shipping, each put on the order
        its case names (else the customer's latest), as the centre counts it."""
        refunded = 0
        for d in self._all_decisions:
            if d.customer_id != customer.id or d.gesture is not code or not d.status.counts_against_budget:
                continue
            on = shipping_order(orders, self._case_orders.get(d.case_id) if d.case_id else None)
            if on is not None and on.id == order.id:
                refunded += d.amount_cents
        return refunded

    def followup(
        self,
        customer: Customer,
        case: Case,
        user: User,
        due_at: datetime,
        *,
        outcome: FollowUpOutcome | None = None,
    ) -> FollowUp:
        lang = customer.language.value
        note = (
            "Appel de suivi : vérifier que tout est réglé."
            if lang == "fr"
            else "Follow-up call: check everything is sorted."
        )
        done = outcome is not None
        followup = FollowUp(
            id=self.ids.new("followup"),
            customer_id=customer.id,
            due_at=due_at.replace(microsecond=0),
            created_by=user.id,
            status=FollowUpStatus.DONE if done else FollowUpStatus.SCHEDULED,
            case_id=case.id,
            note=note,
            outcome=outcome,
            done_at=due_at.replace(microsecond=0) if done else None,
            updated_at=(due_at if done else case.updated_at or due_at).replace(microsecond=0),
        )
        self.batch.followups.append(followup)
        return followup

    # -- the rest of a life ------------------------------------------------------------------------

    def background(self, customer: Customer, orders: list[Order], count: int) -> None:
        """Interactions outside any case: store visits, reviews, quick calls, notes."""
        rng = self.rng
        lang = customer.language.value
        horizon = self.history_days
        for _ in range(count):
            at = (self.now - timedelta(days=rng.uniform(0.5, horizon))).replace(microsecond=0)
            what = rng.choices(("store", "review", "call", "chat", "note"), weights=(30, 15, 25, 20, 10))[0]
            product = self.products[rng.randrange(len(self.products))]
            fill = self._fill(customer, None, product, None)
            if what == "store":
                visits = texts.STORE_VISITS[lang]
                self._interaction(
                    customer,
                    Channel.STORE,
                    Direction.INBOUND,
                    at,
                    visits[rng.randrange(len(visits))].format_map(fill),
                    None,
                    details={"store": fill["store"]},
                )
            elif what == "review":
                stars = max(1, min(5, round(product.rating_average + rng.uniform(-1.5, 1.2))))
                reviews = texts.REVIEWS[lang][stars]
                self._interaction(
                    customer,
                    Channel.REVIEW,
                    Direction.INBOUND,
                    at,
                    reviews[rng.randrange(len(reviews))],
                    None,
                    details={"stars": stars, "product_id": product.id, "site": "avis clients"},
                )
            elif what in ("call", "chat"):
                category = ComplaintCategory.INFORMATION
                if orders and rng.random() < 0.5:
                    category = ComplaintCategory.REQUEST
                    fill["order"] = orders[rng.randrange(len(orders))].number
                answerer = self.staff.answerers(customer.team)
                advisor = answerer[rng.randrange(len(answerer))]
                fill["advisor"] = advisor.display_name
                if what == "call":
                    # A call is summed up by the advisor, then confirmed in writing.
                    subjects = texts.SUBJECTS[lang][category]
                    moods = texts.MOODS[lang]
                    summary = texts.CALL_SUMMARIES[lang][2].format_map(
                        {
                            **fill,
                            "subject": subjects[rng.randrange(len(subjects))].format_map(fill),
                            "mood": moods[rng.randrange(len(moods))],
                        }
                    )
                    self._interaction(
                        customer,
                        Channel.PHONE,
                        Direction.INBOUND,
                        at,
                        summary,
                        None,
                        details=self._channel_details(customer, Channel.PHONE, ""),
                    )
                    reply_channel = Channel.EMAIL
                    reply = texts.REPLIES[lang][category][0].format_map(fill)
                else:
                    # A terse chat line for an invoice, a full question for the warranty.
                    tone = 2 if category is ComplaintCategory.REQUEST else 1
                    self._interaction(
                        customer,
                        Channel.CHAT,
                        Direction.INBOUND,
                        at,
                        texts.INBOUND[lang][category][tone].format_map(fill),
                        None,
                    )
                    reply_channel = Channel.CHAT
                    reply = texts.CHAT_ANSWERS[lang][category].format_map(fill)
                self._interaction(
                    customer,
                    reply_channel,
                    Direction.OUTBOUND,
                    at + timedelta(minutes=rng.randint(1, 6)),
                    reply,
                    None,
                    author=advisor.display_name,
                    author_id=advisor.id,
                )
            else:
                notes = texts.NOTES[lang]
                answerer = self.staff.answerers(customer.team)
                advisor = answerer[rng.randrange(len(answerer))]
                self._interaction(
                    customer,
                    Channel.NOTE,
                    Direction.INTERNAL,
                    at,
                    notes[rng.randrange(len(notes))],
                    None,
                    author=advisor.display_name,
                    author_id=advisor.id,
                )
