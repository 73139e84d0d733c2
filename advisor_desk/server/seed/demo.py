"""The demo data set: about 200 customers of the Lyon and Nantes teams and their last 90 days.

It is built to show every part of the desk at once: open cases at every response-time state on
several channels (on time, near the target, past the target, past the limit, on the first-response
clock and on the resolution clock), customers writing in French and in English, poorly rated
products under watch, gestures already granted (some reviewed by the team lead, a few today),
follow-up calls due today, an open escalation, satisfaction ratings, one customer with a very long
history, and messages full of markup, right-to-left text and emoji that must be shown as plain text.

:func:`demo_entities` is pure (no database): the same ``now``, users and seed give the same data.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from advisor_desk.domain.authority import day_bounds
from advisor_desk.domain.catalogue import DEFAULT_CURRENCY
from advisor_desk.domain.channels import Channel, ResponseState
from advisor_desk.domain.model import (
    Case,
    CaseKind,
    Customer,
    Escalation,
    EscalationStatus,
    FollowUpOutcome,
    GestureCode,
    Language,
    Order,
    Product,
    ProductRating,
    ReasonCode,
    User,
)
from advisor_desk.server.seed import texts
from advisor_desk.server.seed.history import Batch, HistoryBuilder, Ids, OpenPlan, Staff
from advisor_desk.server.seed.products import build_products
from advisor_desk.server.seed.reference import MAIN_TEAM, SECOND_TEAM

DEMO_SEED = 20261123
DEMO_CUSTOMERS = 200
LONG_HISTORY_INTERACTIONS = 320

#: States an open case can show, and the clocks they run on.
OPEN_STATES = (
    ResponseState.ON_TIME,
    ResponseState.NEAR_TARGET,
    ResponseState.PAST_TARGET,
    ResponseState.PAST_LIMIT,
)
CLOCKS = ("first_response", "resolution")

#: Channels cycled through for open cases: slow ones (letter, review, e-mail) keep their badge for
#: hours after seeding, fast ones (chat, Twitter) show how tight those targets are.
_OPEN_CHANNELS = (
    Channel.EMAIL,
    Channel.TWITTER,
    Channel.LETTER,
    Channel.PHONE,
    Channel.REVIEW,
    Channel.CHAT,
    Channel.WEB_FORM,
    Channel.FACEBOOK,
    Channel.SMS,
    Channel.STORE,
    Channel.CALLBACK,
)

#: Customers placed first, with the names that test a desk's handling of text.
_NAMED: tuple[tuple[str, str, str, Language], ...] = (
    ("Mme", "Élodie", "Lefèvre", Language.FR),
    ("M.", "Jean-Baptiste", "N'Diaye", Language.FR),
    ("Ms", "Siobhan", "O'Brien", Language.EN),
    ("Mme", "Marie-Hélène", "d'Arcy", Language.FR),
    ("M.", "François", "de La Fontaine", Language.FR),
    ("Mr", "Seán", "Ó Súilleabháin", Language.EN),
    ("Mme", "Anaïs", "Le Bihan-Kerbrat", Language.FR),
    ("Mrs", "Zoë", "Smith-Jones", Language.EN),
)

#: Customers whose messages must be displayed inertly (markup, scripts, RTL, emoji, very long).
_HOSTILE_NAMED: tuple[tuple[str, str, str, Language], ...] = (
    ("M.", "Kévin", "<b>Durand</b>", Language.FR),
    ("Mme", "Yasmine", "بن علي", Language.FR),
    ("Mr", "Robert'); DROP TABLE customers;--", "Tables", Language.EN),
    ("Mme", "Zoé 🌸", "Lambert", Language.FR),
    ("M.", "Hugo", "Marchand", Language.FR),
    ("M.", "Éric", "Dupont", Language.FR),
    ("Mme", "Léa", "Martin", Language.FR),
)

LONG_HISTORY_NAME = ("M.", "Jean-Baptiste", "N'Diaye")


@dataclass
class DemoData:
    """Everything the demo seeds besides users and the reference catalogue."""

    products: list[Product]
    ratings: list[ProductRating]
    batch: Batch
    open_plans: list[tuple[Case, OpenPlan]] = field(default_factory=list)

    def entities(self) -> list[object]:
        return [*self.products, *self.ratings, *self.batch.entities()]


def _open_plans(staff: Staff) -> list[OpenPlan]:
    """At least two open cases for every (state, clock) pair, over varied channels."""
    plans: list[OpenPlan] = []
    n = 0
    for state in OPEN_STATES:
        for clock in CLOCKS:
            for _ in range(3):
                plans.append(OpenPlan(state, clock, _OPEN_CHANNELS[n % len(_OPEN_CHANNELS)]))
                n += 1
    return plans


def _assignee(staff: Staff, team: str, n: int) -> User | None:
    if team == SECOND_TEAM:
        others = staff.answerers(SECOND_TEAM)
        return others[n % len(others)] if n % 3 else None
    advisors = staff.of_team(MAIN_TEAM, "advisor")
    # The demo "advisor" gets most, so logging in as them shows a full queue; some stay unassigned.
    cycle = [advisors[0], advisors[0], advisors[-1], None] if advisors else [None]
    return cycle[n % len(cycle)]


def demo_entities(now: datetime, users: list[User], seed: int = DEMO_SEED) -> DemoData:
    """Build the demo data relative to ``now`` for the given demo users."""
    now = now.replace(microsecond=0)
    rng = random.Random(seed)
    staff = Staff(tuple(users))
    products, ratings = build_products(rng, now)[:2]
    builder = HistoryBuilder(rng, Ids(f"demo:{seed}"), now, staff, products, order_prefix="CMD-26")
    data = DemoData(products, ratings, builder.batch)
    plans = _open_plans(staff)
    hostile = list(texts.HOSTILE)
    open_counter = 0
    customers: list[tuple[Customer, list[Order]]] = []

    for serial in range(1, DEMO_CUSTOMERS + 1):
        team = SECOND_TEAM if serial % 7 == 3 else MAIN_TEAM
        named = _NAMED[serial - 1] if serial <= len(_NAMED) else None
        hostile_named = None
        if named is None and serial - len(_NAMED) <= len(_HOSTILE_NAMED):
            hostile_named = _HOSTILE_NAMED[serial - len(_NAMED) - 1]
            team = MAIN_TEAM
        spec = named or hostile_named
        if spec is not None:
            title, first, last, language = spec
            customer = builder.customer(
                serial, team, language=language, first_name=first, last_name=last, title=title
            )
        else:
            customer = builder.customer(serial, team)
        long_history = (customer.title, customer.first_name, customer.last_name) == LONG_HISTORY_NAME
        orders = builder.orders(customer, rng.randint(8, 12) if long_history else rng.randint(1, 4))
        answerers = staff.answerers(team)
        past = rng.randint(30, 40) if long_history else rng.choices((0, 1, 2, 3), weights=(2, 4, 3, 1))[0]
        for _ in range(past):
            case = builder.past_case(customer, orders, answerers[rng.randrange(len(answerers))])
            if case.resolved_at is not None and rng.random() < 0.12:
                due = case.resolved_at + timedelta(days=rng.randint(2, 5))
                if due < now:
                    outcome = rng.choice(list(FollowUpOutcome))
                    builder.followup(customer, case, answerers[0], due, outcome=outcome)
        builder.background(customer, orders, rng.randint(60, 90) if long_history else rng.randint(1, 6))

        plan: OpenPlan | None = None
        if hostile_named is not None and hostile:
            state = OPEN_STATES[len(hostile) % len(OPEN_STATES)]
            plan = OpenPlan(
                state,
                "first_response",
                (Channel.EMAIL, Channel.WEB_FORM, Channel.FACEBOOK)[len(hostile) % 3],
                hostile_text=hostile.pop(0),
            )
        elif plans and (serial % 3 == 0 or long_history):
            plan = plans.pop(0)
        elif serial % 8 == 1:
            plan = OpenPlan(
                rng.choice(OPEN_STATES),
                rng.choice(CLOCKS),
                _OPEN_CHANNELS[rng.randrange(len(_OPEN_CHANNELS))],
            )
        if plan is not None:
            plan = OpenPlan(
                plan.state, plan.clock, plan.channel, _assignee(staff, team, open_counter), plan.hostile_text
            )
            open_counter += 1
            case = builder.open_case(customer, orders, plan)
            data.open_plans.append((case, plan))
        if long_history:
            while sum(1 for i in builder.batch.interactions if i.customer_id == customer.id) < (
                LONG_HISTORY_INTERACTIONS
            ):
                builder.background(customer, orders, 10)
        customers.append((customer, orders))

    _todays_work(builder, staff, data, now)
    return data


def _todays_work(builder: HistoryBuilder, staff: Staff, data: DemoData, now: datetime) -> None:
    """What the demo advisor and lead find today: follow-ups due, gestures granted, an escalation."""
    rng = builder.rng
    batch = builder.batch
    advisors = staff.of_team(MAIN_TEAM, "advisor")
    leads = staff.of_team(MAIN_TEAM, "team_lead")
    stores = staff.of_team(MAIN_TEAM, "store_staff")
    if not advisors:
        return
    advisor = advisors[0]
    customers = {c.id: c for c in batch.customers}
    orders_of: dict[str, list[Order]] = {}
    for order in batch.orders:
        orders_of.setdefault(order.customer_id, []).append(order)

    start, end = day_bounds(now, advisor.time_zone)
    resolved = [
        c
        for c in batch.cases
        if c.team == MAIN_TEAM and c.resolved_at is not None and c.kind is CaseKind.COMPLAINT
    ]
    resolved.sort(key=lambda c: c.resolved_at or now, reverse=True)
    # Follow-up calls: due later today, due earlier today, left over from yesterday, due tomorrow.
    slots = (
        timedelta(hours=1),
        timedelta(hours=3),
        -timedelta(hours=1),
        start - now - timedelta(hours=3),
        end - now + timedelta(hours=10),
    )
    for n, (case, offset) in enumerate(zip(resolved[: len(slots)], slots, strict=False)):
        due = now + offset
        if n < 3:
            due = min(max(due, start + timedelta(minutes=1)), end - timedelta(minutes=1))
        builder.followup(customers[case.customer_id], case, advisor, due)

    # Gestures granted today by the advisor and the store seller: "remaining today" is not full.
    open_mine = [
        c
        for c, plan in data.open_plans
        if plan.assignee == advisor
        and plan.clock == "resolution"
        and c.kind is CaseKind.COMPLAINT
        and c.opened_at < now - timedelta(hours=1)
    ]
    for n, case in enumerate(open_mine[:2]):
        at = max(start, now - timedelta(minutes=25 * (n + 1)), case.opened_at + timedelta(minutes=30))
        builder.grant(customers[case.customer_id], case, orders_of.get(case.customer_id, []), advisor, at)
    if stores:
        seller = stores[0]
        store_cases = [c for c in resolved if c.channel is Channel.STORE][:1] or resolved[:1]
        for case in store_cases:
            at = max(start, now - timedelta(minutes=40))
            builder.grant(customers[case.customer_id], case, orders_of.get(case.customer_id, []), seller, at)

    # An open escalation for the lead to answer, and one answered last week.
    candidates = [
        c for c, plan in data.open_plans if plan.assignee == advisor and c.kind is CaseKind.COMPLAINT
    ]
    if candidates:
        case = candidates[-1]
        customer = customers[case.customer_id]
        french = customer.language is Language.FR
        batch.escalations.append(
            Escalation(
                id=builder.ids.new("escalation"),
                user_id=advisor.id,
                team=MAIN_TEAM,
                customer_id=customer.id,
                gesture=GestureCode.REFUND,
                amount_cents=14_999,
                currency=DEFAULT_CURRENCY,
                reason_code=ReasonCode.DAMAGED_OR_DEFECTIVE,
                reason_text=(
                    "Produit défectueux pour la deuxième fois, client fidèle : remboursement intégral."
                    if french
                    else "Faulty for the second time, loyal customer: full refund."
                ),
                requested_at=now - timedelta(minutes=rng.randint(10, 50)),
                case_id=case.id,
                updated_at=now,
            )
        )
    if leads and len(resolved) > 5:
        lead = leads[0]
        case = resolved[5]
        requested = (case.resolved_at or now) - timedelta(hours=3)
        batch.escalations.append(
            Escalation(
                id=builder.ids.new("escalation"),
                user_id=advisors[-1].id,
                team=MAIN_TEAM,
                customer_id=case.customer_id,
                gesture=GestureCode.VOUCHER,
                amount_cents=5_000,
                currency=DEFAULT_CURRENCY,
                reason_code=ReasonCode.SERVICE_FAILURE,
                reason_text="Troisième retard de livraison consécutif.",
                requested_at=requested,
                status=EscalationStatus.APPROVED,
                case_id=case.id,
                answered_by=lead.id,
                answered_at=requested + timedelta(minutes=35),
                answer_comment="D'accord, merci de m'avoir sollicitée.",
                updated_at=requested + timedelta(minutes=35),
            )
        )
