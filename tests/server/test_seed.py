"""The demo and volume seeds: deterministic, complete enough to show every part of the desk, and
written into a real database through the store (feed included)."""

from __future__ import annotations

import json
import re
import uuid
from collections import Counter
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select

from advisor_desk.domain.authority import (
    GrantRequest,
    check_grant,
    day_bounds,
    usage_from_decisions,
)
from advisor_desk.domain.catalogue import DEFAULT_ENVELOPES
from advisor_desk.domain.channels import DEFAULT_TARGETS, ResponseState, countdown
from advisor_desk.domain.followups import Badge, badge
from advisor_desk.domain.model import (
    CaseKind,
    CaseStatus,
    Direction,
    EscalationStatus,
    Language,
    Role,
    User,
)
from advisor_desk.domain.watch import WatchRule, evaluate
from advisor_desk.domain.wire import EntityKind, entity_kind, from_wire, to_wire
from advisor_desk.server import store
from advisor_desk.server.seed import SeedSummary, run_demo, run_volume, texts
from advisor_desk.server.seed.demo import DemoData, demo_entities
from advisor_desk.server.seed.history import SEED_NAMESPACE, Ids
from advisor_desk.server.seed.products import PRODUCTS, Profile, product_id
from advisor_desk.server.seed.reference import DEMO_PASSWORD, DEMO_USERS, reference_entities
from advisor_desk.server.seed.volume import BIG_CUSTOMER_INTERACTIONS, volume_chunks, volume_products

NOW = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)
OPEN_STATES = {
    ResponseState.ON_TIME,
    ResponseState.NEAR_TARGET,
    ResponseState.PAST_TARGET,
    ResponseState.PAST_LIMIT,
}


def _users() -> list[User]:
    return [
        User(str(uuid.uuid5(uuid.NAMESPACE_URL, u.username)), u.username, u.display_name, u.role, u.team)
        for u in DEMO_USERS
    ]


@pytest.fixture(scope="module")
def demo() -> DemoData:
    return demo_entities(NOW, _users())


def _wire(entities: list[Any]) -> list[Any]:
    return [to_wire(e) for e in entities]


# --- determinism -----------------------------------------------------------------------------------


def test_the_demo_is_the_same_for_the_same_seed(demo: DemoData) -> None:
    again = demo_entities(NOW, _users())
    assert _wire(again.entities()) == _wire(demo.entities())


def test_another_seed_gives_other_data(demo: DemoData) -> None:
    other = demo_entities(NOW, _users(), seed=7)
    assert [c.id for c in other.batch.customers] != [c.id for c in demo.batch.customers]
    assert [c.last_name for c in other.batch.customers[20:]] != [
        c.last_name for c in demo.batch.customers[20:]
    ]


def test_the_demo_moves_with_now_and_keeps_its_ids(demo: DemoData) -> None:
    later = demo_entities(NOW + timedelta(days=3), _users())
    assert [i.id for i in later.batch.interactions] == [i.id for i in demo.batch.interactions]
    shift = {i.id: i.occurred_at for i in later.batch.interactions}
    assert all(shift[i.id] - i.occurred_at == timedelta(days=3) for i in demo.batch.interactions)


def _volume(seed: int, customers: int = 40, big: bool = False) -> list[Any]:
    products, _ = volume_products(seed, NOW)
    found: list[Any] = []
    for batch in volume_chunks(customers, seed, NOW, _users(), products, chunk=15, big_customer=big):
        found += _wire(batch.entities())
    return found


def test_ids_are_the_uuid5_of_prefix_kind_and_counter() -> None:
    ids = Ids("demo:1")
    made = [ids.new("case"), ids.new("case"), ids.new("interaction")]
    expected = [
        uuid.uuid5(SEED_NAMESPACE, name)
        for name in ("demo:1:case:1", "demo:1:case:2", "demo:1:interaction:1")
    ]
    assert made == [str(u) for u in expected]
    assert all(u.version == 5 for u in expected)


def test_volume_data_is_deterministic_per_seed() -> None:
    first = _volume(11)
    assert first == _volume(11)
    assert first != _volume(12)


def test_volume_has_about_twenty_interactions_per_customer() -> None:
    products, _ = volume_products(3, NOW)
    customers = interactions = 0
    for batch in volume_chunks(200, 3, NOW, _users(), products, big_customer=False):
        customers += len(batch.customers)
        interactions += len(batch.interactions)
        assert {c.team for c in batch.customers} <= {"lyon", "nantes"}
    assert customers == 200
    assert 15 <= interactions / customers <= 25


def test_volume_big_customer_has_five_thousand_interactions() -> None:
    products, _ = volume_products(5, NOW)
    per_customer: Counter[str] = Counter()
    customer_ids: set[str] = set()
    for batch in volume_chunks(3, 5, NOW, _users(), products):
        customer_ids |= {c.id for c in batch.customers}
        per_customer.update(i.customer_id for i in batch.interactions)
    (big_id, count), *_ = per_customer.most_common(1)
    assert count == BIG_CUSTOMER_INTERACTIONS
    assert big_id in customer_ids and len(customer_ids) == 4


# --- what the demo shows ---------------------------------------------------------------------------


def test_every_response_state_is_open_on_both_clocks(demo: DemoData) -> None:
    seen: Counter[tuple[ResponseState, str]] = Counter()
    channels: dict[ResponseState, set[str]] = {}
    for case in demo.batch.cases:
        if not case.is_open:
            continue
        state = countdown(
            DEFAULT_TARGETS[case.channel],
            case.opened_at,
            NOW,
            case.first_response_clock_stopped_at,
            case.resolved_at,
        )
        seen[(state.state, state.clock)] += 1
        channels.setdefault(state.state, set()).add(case.channel.value)
    for state in OPEN_STATES:
        for clock in ("first_response", "resolution"):
            assert seen[(state, clock)] >= 2, (state, clock, seen)
        assert len(channels[state]) >= 3
    assert ResponseState.DONE not in channels


def test_open_plans_match_the_computed_badges(demo: DemoData) -> None:
    for case, plan in demo.open_plans:
        state = countdown(
            DEFAULT_TARGETS[case.channel], case.opened_at, NOW, case.first_response_clock_stopped_at
        )
        assert (state.state, state.clock) == (plan.state, plan.clock)


def test_open_and_resolved_cases_are_consistent(demo: DemoData) -> None:
    for case in demo.batch.cases:
        assert case.opened_at <= NOW and case.opened_at.tzinfo is not None
        if case.status.is_open:
            assert case.resolved_at is None
        else:
            assert case.resolved_at is not None and case.opened_at <= case.resolved_at <= NOW
            assert case.first_response_at is not None and case.first_response_at <= case.resolved_at
        if case.status is CaseStatus.NEW:
            assert case.first_response_clock_stopped_at is None
        if case.resolved_at is not None and case.kind is CaseKind.COMPLAINT:
            assert case.root_cause is not None
    statuses = {c.status for c in demo.batch.cases}
    assert statuses == set(CaseStatus)
    assert {c.kind for c in demo.batch.cases} == set(CaseKind)


def test_every_channel_appears_in_the_histories(demo: DemoData) -> None:
    from advisor_desk.domain.channels import Channel

    assert {i.channel for i in demo.batch.interactions} == set(Channel)
    assert {i.direction for i in demo.batch.interactions} == set(Direction)
    for i in demo.batch.interactions:
        assert i.occurred_at <= NOW
        assert i.text.strip()


def test_histories_cover_the_last_ninety_days(demo: DemoData) -> None:
    times = [i.occurred_at for i in demo.batch.interactions]
    assert min(times) >= NOW - timedelta(days=91)
    assert max(times) >= NOW - timedelta(hours=1)
    assert Counter(i.customer_id for i in demo.batch.interactions).most_common(1)[0][1] >= 300


def test_references_point_at_existing_entities(demo: DemoData) -> None:
    batch = demo.batch
    customers = {c.id for c in batch.customers}
    orders = {o.id: o for o in batch.orders}
    cases = {c.id for c in batch.cases}
    products = {p.id for p in demo.products}
    lines = {line.id for o in batch.orders for line in o.lines}
    users = {u.id for u in _users()}
    assert len(customers) == len(batch.customers) == 200
    for o in batch.orders:
        assert o.customer_id in customers
        assert o.total_cents == sum(line.paid_cents for line in o.lines) + o.shipping_cents
        assert all(line.product_id in products and line.paid_cents > 0 for line in o.lines)
    for c in batch.cases:
        assert c.customer_id in customers
        assert c.order_id is None or orders[c.order_id].customer_id == c.customer_id
        assert c.product_id is None or c.product_id in products
        assert c.assignee_id is None or c.assignee_id in users
    for i in batch.interactions:
        assert i.customer_id in customers and (i.case_id is None or i.case_id in cases)
    for d in batch.decisions:
        assert d.customer_id in customers and d.case_id in cases and d.user_id in users
        assert d.order_line_id is None or d.order_line_id in lines
    for f in batch.followups:
        assert f.customer_id in customers and f.case_id in cases and f.created_by in users
    for s in batch.satisfaction:
        assert s.customer_id in customers and s.case_id in cases
    ids = [e.id for e in demo.entities() if hasattr(e, "id")]
    assert len(ids) == len(set(ids))


def test_customers_in_both_languages_with_real_world_names(demo: DemoData) -> None:
    customers = demo.batch.customers
    languages = Counter(c.language for c in customers)
    assert 0.65 <= languages[Language.FR] / len(customers) <= 0.85
    assert languages[Language.EN] > 20
    names = [c.display_name for c in customers]
    assert "Élodie Lefèvre" in names and "Jean-Baptiste N'Diaye" in names and "Siobhan O'Brien" in names
    assert any(re.search(r"[éèêëïîôûüçÉ]", n) for n in names)
    assert sum("'" in n for n in names) >= 3 and sum("-" in n for n in names) >= 5
    assert all(c.emails or c.phones for c in customers)
    assert any(len(c.emails) > 1 for c in customers) and any(len(c.phones) > 1 for c in customers)
    assert any(c.social_handles for c in customers) and any(c.loyalty_card for c in customers)
    formats = {re.sub(r"\d", "9", p) for c in customers for p in c.phones}
    assert {"99 99 99 99 99", "99.99.99.99.99", "+99 9 99 99 99 99", "9999999999999"} <= formats
    assert {c.team for c in customers} == {"lyon", "nantes"}


def test_identifiers_are_searchable_however_they_are_written(demo: DemoData) -> None:
    from advisor_desk.domain.identity import normalise_phone

    for c in demo.batch.customers:
        for phone in c.phones:
            digits = normalise_phone(phone)
            assert re.fullmatch(r"33[1-9]\d{8}|447700\d{6}", digits), phone
        if c.loyalty_card:
            assert re.fullmatch(r"29\d{11}", c.loyalty_card)
            weights = [1, 3] * 6
            check = (10 - sum(int(d) * w for d, w in zip(c.loyalty_card, weights, strict=False)) % 10) % 10
            assert int(c.loyalty_card[-1]) == check  # a valid EAN-13: a barcode scanner reads it
    emails = [e.lower() for c in demo.batch.customers for e in c.emails]
    assert len(emails) == len(set(emails))
    cards = [c.loyalty_card for c in demo.batch.customers if c.loyalty_card]
    assert len(cards) == len(set(cards))
    numbers = [o.number for o in demo.batch.orders]
    assert len(numbers) == len(set(numbers))


def _template_pattern(template: str) -> re.Pattern[str]:
    parts = re.split(r"\{[a-z_]+\}", template)
    return re.compile(".*".join(re.escape(p) for p in parts), re.S)


def test_texts_are_in_the_customer_language(demo: DemoData) -> None:
    customers = {c.id: c for c in demo.batch.customers}
    patterns = {
        lang: [_template_pattern(t) for by_cat in texts.SUBJECTS[lang].values() for t in by_cat]
        for lang in ("fr", "en")
    }
    for case in demo.batch.cases:
        lang = customers[case.customer_id].language.value
        other = "en" if lang == "fr" else "fr"
        assert any(p.fullmatch(case.subject) for p in patterns[lang]), case.subject
        assert not any(p.fullmatch(case.subject) for p in patterns[other]), case.subject
    replies = [i for i in demo.batch.interactions if i.direction is Direction.OUTBOUND and i.case_id]
    en = [i.text for i in replies if customers[i.customer_id].language is Language.EN]
    fr = [i.text for i in replies if customers[i.customer_id].language is Language.FR]
    assert en and fr
    assert not any(t.startswith("Bonjour") for t in en)
    assert not any(t.startswith("Dear") for t in fr)


EMPATHY = {
    "fr": ("comprends", "décevant", "navré", "excuses", "merci", "désolé"),
    "en": ("understand", "disappointing", "sorry", "apolog", "thank"),
}


def test_replies_put_empathy_first_and_are_detailed() -> None:
    for lang, by_category in texts.REPLIES.items():
        for category, replies in by_category.items():
            for reply in replies:
                greeting, body, *_ = reply.split("\n\n")
                first_sentence = body.split(". ")[0].lower()
                assert any(word in first_sentence for word in EMPATHY[lang]), (lang, category)
                assert len(body) > 120, (lang, category)  # a fifth of real answers are too terse


def test_hostile_texts_are_seeded_verbatim(demo: DemoData) -> None:
    inbound = {i.text for i in demo.batch.interactions if i.direction is Direction.INBOUND}
    for hostile in texts.HOSTILE:
        assert hostile in inbound
    assert any("<script>" in t for t in inbound)
    assert any(len(t) > 20_000 for t in inbound)
    assert any("\u0645" in t for t in inbound)  # Arabic, right to left
    assert all("\x00" not in i.text for i in demo.batch.interactions)  # PostgreSQL refuses NUL
    hostile_open = [case for case, plan in demo.open_plans if plan.hostile_text]
    assert len(hostile_open) == len(texts.HOSTILE)
    assert any("<b>" in c.last_name for c in demo.batch.customers)


def test_the_product_watch_has_poor_products_and_its_edges(demo: DemoData) -> None:
    statuses = evaluate(demo.ratings, WatchRule(), NOW, demo.batch.cases)
    by_profile: dict[Profile, list[bool]] = {}
    for spec in PRODUCTS:
        status = statuses[product_id(spec.sku)]
        by_profile.setdefault(spec.profile, []).append(status.watched)
    assert all(by_profile[Profile.WATCHED]) and len(by_profile[Profile.WATCHED]) >= 4
    assert by_profile[Profile.EDGE_EXACT] == [True]
    assert by_profile[Profile.EDGE_FEW] == [False]
    assert by_profile[Profile.EDGE_OLD] == [False]
    assert not any(by_profile[Profile.LOVED])
    for product in demo.products:
        ratings = [r.stars for r in demo.ratings if r.product_id == product.id]
        assert product.rating_count == len(ratings)
        assert product.rating_average == round(sum(ratings) / len(ratings), 2)
    watched = [p for p in demo.products if statuses[p.id].watched]
    assert all(p.rating_average <= 3.0 and p.rating_count >= 25 for p in watched)
    # The watch list shows them with their complaints: poorly rated products draw more of them.
    loved = sorted(
        statuses[product_id(s.sku)].complaint_count for s in PRODUCTS if s.profile is Profile.LOVED
    )
    assert min(statuses[p.id].complaint_count for p in watched) > loved[len(loved) // 2]


def test_granted_gestures_pass_the_authority_check(demo: DemoData) -> None:
    users = {u.id: u for u in _users()}
    decisions = sorted(demo.batch.decisions, key=lambda d: d.granted_at)
    assert len(decisions) >= 20
    for n, d in enumerate(decisions):
        user = users[d.user_id]
        usage = usage_from_decisions(decisions[:n], user.id, d.customer_id, d.granted_at, user.time_zone)
        request = GrantRequest(user.id, d.customer_id, d.gesture, d.amount_cents, d.currency, d.granted_at)
        verdict = check_grant(DEFAULT_ENVELOPES[user.role], request, usage)
        assert verdict.allowed, (d, verdict.reason())
        assert d.team == user.team
    advisor = next(u for u in _users() if u.username == "advisor")
    start, end = day_bounds(NOW, advisor.time_zone)
    today = [d for d in decisions if d.user_id == advisor.id and start <= d.granted_at < end]
    assert today and sum(d.amount_cents for d in today) < DEFAULT_ENVELOPES[Role.ADVISOR].daily_budget_cents
    assert any(d.reviewed_by for d in decisions) and any(d.reviewed_by is None for d in decisions)
    assert any(d.voucher_code for d in decisions)


def test_today_work_for_the_advisor_and_the_lead(demo: DemoData) -> None:
    advisor = next(u for u in _users() if u.username == "advisor")
    mine = [f for f in demo.batch.followups if f.created_by == advisor.id]
    badges = Counter(badge(f, NOW, advisor.time_zone) for f in mine)
    assert badges[Badge.DUE_TODAY] >= 3 and badges[Badge.OVERDUE] >= 1 and badges[Badge.LATER] >= 1
    assert any(f.outcome is not None for f in demo.batch.followups)
    assert any(e.status is EscalationStatus.OPEN for e in demo.batch.escalations)
    open_mine = [c for c in demo.batch.cases if c.is_open and c.assignee_id == advisor.id]
    assert len(open_mine) >= 10
    other = next(u for u in _users() if u.username == "other")
    assert any(c.is_open and c.assignee_id == other.id for c in demo.batch.cases)


def test_satisfaction_only_on_resolved_cases(demo: DemoData) -> None:
    cases = {c.id: c for c in demo.batch.cases}
    scores = Counter(s.score for s in demo.batch.satisfaction)
    assert set(scores) == {1, 2, 3, 4, 5}
    for s in demo.batch.satisfaction:
        case = cases[s.case_id]
        assert case.resolved_at is not None and case.resolved_at <= s.recorded_at <= NOW


# --- wire format -----------------------------------------------------------------------------------


def test_every_seeded_entity_round_trips_through_the_wire(demo: DemoData) -> None:
    entities = [*reference_entities(NOW), *demo.entities()]
    kinds = set()
    for entity in entities:
        kinds.add(entity_kind(entity))
        data = json.loads(json.dumps(to_wire(entity)))
        assert from_wire(type(entity), data) == entity
    assert kinds == set(EntityKind) - {EntityKind.SCRIPT}


# --- a real database -------------------------------------------------------------------------------


def _count(session: Any, table: Any) -> int:
    return int(session.scalar(select(func.count()).select_from(table)))


def test_the_demo_seeds_a_real_database(database: Any) -> None:
    from advisor_desk.server.auth import verify_password
    from advisor_desk.server.feed import read_page
    from advisor_desk.server.models import CaseRow, CustomerRow, InteractionRow, UserRow

    with database.write() as session:
        summary = run_demo(session, now=NOW)
    assert isinstance(summary, SeedSummary)
    assert summary.users_created == 5 and summary.customers == 200
    assert summary.open_cases >= 40 and summary.interactions > 2000
    assert any(line.startswith("customers: 200") for line in summary.lines())

    with database.read() as session:
        assert _count(session, CustomerRow) == 200
        assert _count(session, CaseRow) == summary.cases
        assert _count(session, InteractionRow) == summary.interactions
        rows = {r.username: r for r in session.scalars(select(UserRow))}
        for spec in DEMO_USERS:
            row = rows[spec.username]
            assert (row.role, row.team, row.display_name) == (spec.role.value, spec.team, spec.display_name)
            assert verify_password(row.password_hash, DEMO_PASSWORD)
        users = {u.username: u for u in _db_users(rows)}
        envelope = store.load(session, EntityKind.ENVELOPE, "advisor")
        assert envelope == DEFAULT_ENVELOPES[Role.ADVISOR]
        target = store.load(session, EntityKind.RESPONSE_TARGET, "twitter")
        assert target == DEFAULT_TARGETS[target.channel]
        watch = store.load(session, EntityKind.SETTING, "product_watch.threshold")
        assert watch is not None and watch.value == 3.0

        # The feed carries each team's customers to that team only.
        lyon = _feed_customers(session, read_page, users["advisor"])
        nantes = _feed_customers(session, read_page, users["other"])
        assert lyon and nantes and not lyon & nantes
        assert len(lyon) + len(nantes) == 200
        elodie = session.scalar(
            select(CustomerRow.id).where(CustomerRow.search_name.like("elodie lefevre|%"))
        )
        customer = store.load(session, EntityKind.CUSTOMER, elodie)
        assert customer.display_name == "Élodie Lefèvre" and elodie in lyon


def _db_users(rows: dict[str, Any]) -> list[User]:
    return [User(r.id, r.username, r.display_name, Role(r.role), r.team, r.time_zone) for r in rows.values()]


def _feed_customers(session: Any, read_page: Any, user: User) -> set[str]:
    entries, _more = read_page(session, user, 0, 1_000_000)
    return {e.entity_id for e in entries if e.kind == EntityKind.CUSTOMER.value}


def test_seeding_the_demo_twice_rewrites_the_same_rows(database: Any) -> None:
    from advisor_desk.server.models import CustomerRow, InteractionRow, UserRow

    with database.write() as session:
        first = run_demo(session, now=NOW)
    with database.write() as session:
        second = run_demo(session, now=NOW + timedelta(hours=2))
    assert second.users_created == 0
    assert (second.customers, second.interactions) == (first.customers, first.interactions)
    with database.read() as session:
        assert _count(session, UserRow) == 5
        assert _count(session, CustomerRow) == 200
        assert _count(session, InteractionRow) == first.interactions


def test_volume_seeds_a_real_database_deterministically(database: Any, tmp_path: Any) -> None:
    from advisor_desk.server.db import Database
    from advisor_desk.server.migrate import upgrade
    from advisor_desk.server.models import CaseRow, CustomerRow, InteractionRow, UserRow

    with database.write() as session:
        summary = run_volume(session, 60, 42, now=NOW)
    assert summary.customers == 61 and summary.users_created == 5
    assert summary.interactions >= BIG_CUSTOMER_INTERACTIONS + 60 * 15

    other = Database(f"sqlite:///{tmp_path / 'again.db'}")
    try:
        upgrade(other)
        with other.write() as session:
            run_volume(session, 60, 42, now=NOW)
        contents = []
        for db in (database, other):
            with db.read() as session:
                # User ids are made by create_user (random): compare the data with usernames instead.
                names = dict(session.execute(select(UserRow.id, UserRow.username)).all())
                rows = [
                    *session.execute(select(CustomerRow.id, CustomerRow.data)).all(),
                    *session.execute(select(InteractionRow.id, InteractionRow.data)).all(),
                    *session.execute(select(CaseRow.id, CaseRow.data)).all(),
                ]
                text = json.dumps(sorted((key, data) for key, data in rows), sort_keys=True)
                for user_id, username in names.items():
                    text = text.replace(user_id, username)
                contents.append(text)
        assert contents[0] == contents[1]
        with other.read() as session:
            assert _count(session, InteractionRow) == summary.interactions
    finally:
        other.dispose()


def test_volume_keeps_what_an_admin_changed(database: Any) -> None:
    from dataclasses import replace

    with database.write() as session:
        run_demo(session, now=NOW)
        tighter = replace(DEFAULT_ENVELOPES[Role.ADVISOR], daily_budget_cents=12_345)
        store.save(session, tighter)
    with database.write() as session:
        summary = run_volume(session, 5, 1, now=NOW, big_customer=False)
    assert summary.customers == 5 and summary.users_created == 0
    with database.read() as session:
        assert store.load(session, EntityKind.ENVELOPE, "advisor") == tighter


def test_volume_refuses_a_negative_count(database: Any) -> None:
    with database.write() as session, pytest.raises(ValueError, match="negative"):
        run_volume(session, -1, 1)
