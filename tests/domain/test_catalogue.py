"""The gesture catalogue and the default envelopes: complete, coherent, and usable by the authority check."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from advisor_desk.domain.authority import GrantRequest, LimitKind, Usage, check_grant
from advisor_desk.domain.catalogue import (
    DEFAULT_CURRENCY,
    DEFAULT_ENVELOPES,
    GESTURE_CATALOGUE,
    GESTURE_TYPES,
    SUGGESTIONS,
    gesture_name,
    suggested_gestures,
)
from advisor_desk.domain.model import (
    AuthorityEnvelope,
    ComplaintCategory,
    GestureCode,
    GestureType,
    Order,
    OrderLine,
    Role,
)
from advisor_desk.domain.wire import from_wire, to_wire

AT = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)


def _order(paid: int = 4999, refunded: int = 0, shipping: int = 499) -> Order:
    line = OrderLine("l1", "p1", 1, 4999, paid, refunded)
    return Order("o1", "CMD-0000001", "c1", AT, "EUR", paid + shipping, shipping, "delivered", (line,))


def test_every_gesture_code_is_in_the_catalogue_once() -> None:
    assert [g.code for g in GESTURE_TYPES] == list(GestureCode)
    assert set(GESTURE_CATALOGUE) == set(GestureCode)


def test_names_exist_in_both_languages_and_differ() -> None:
    for g in GESTURE_TYPES:
        assert g.name_fr.strip() and g.name_en.strip()
    assert gesture_name(GestureCode.VOUCHER, "fr") == "Bon d'achat / avoir"
    assert gesture_name(GestureCode.VOUCHER, "en") == "Voucher / store credit"
    assert len({g.name_fr for g in GESTURE_TYPES}) == len(GESTURE_TYPES)
    assert len({g.name_en for g in GESTURE_TYPES}) == len(GESTURE_TYPES)


def test_bounds_say_what_a_refund_is_limited_by() -> None:
    assert GESTURE_CATALOGUE[GestureCode.REFUND].bounded_by == "line"
    assert GESTURE_CATALOGUE[GestureCode.SHIPPING_REFUND].bounded_by == "shipping"
    others = [g for g in GESTURE_TYPES if g.code not in (GestureCode.REFUND, GestureCode.SHIPPING_REFUND)]
    assert all(g.bounded_by == "" for g in others)


def test_presets_are_positive_increasing_cents() -> None:
    for g in GESTURE_TYPES:
        assert g.presets_cents, g.code
        assert all(isinstance(p, int) and p > 0 for p in g.presets_cents)
        assert list(g.presets_cents) == sorted(set(g.presets_cents))


def test_suggested_for_matches_the_suggestion_table() -> None:
    for g in GESTURE_TYPES:
        for category in g.suggested_for:
            assert g.code in SUGGESTIONS[category]
    for category, codes in SUGGESTIONS.items():
        for code in codes:
            assert category in GESTURE_CATALOGUE[code].suggested_for


def test_every_complaint_category_has_suggestions() -> None:
    complaints = [c for c in ComplaintCategory if c not in ("request", "information", "praise")]
    for category in complaints:
        assert suggested_gestures(category, _order()), category
        assert suggested_gestures(category, None), category


@pytest.mark.parametrize("role", list(Role))
def test_every_role_has_an_envelope_in_euros(role: Role) -> None:
    envelope = DEFAULT_ENVELOPES[role]
    assert envelope.role is role
    assert envelope.currency == DEFAULT_CURRENCY == "EUR"
    assert envelope.daily_budget_cents > 0 and envelope.per_customer_30d_cents > 0
    assert envelope.per_customer_30d_cents <= envelope.daily_budget_cents
    for limit in envelope.gestures:
        assert 0 < limit.max_per_decision_cents <= envelope.per_customer_30d_cents


def test_the_documented_advisor_defaults() -> None:
    advisor = DEFAULT_ENVELOPES[Role.ADVISOR]
    assert advisor.daily_budget_cents == 30_000
    assert advisor.per_customer_30d_cents == 15_000
    voucher = advisor.limit_for(GestureCode.VOUCHER)
    refund = advisor.limit_for(GestureCode.REFUND)
    assert voucher is not None and voucher.max_per_decision_cents == 3_000
    assert refund is not None and refund.max_per_decision_cents == 8_000


def test_roles_are_ordered_by_trust() -> None:
    store, advisor, lead, admin = (
        DEFAULT_ENVELOPES[r] for r in (Role.STORE_STAFF, Role.ADVISOR, Role.TEAM_LEAD, Role.ADMIN)
    )
    assert store.daily_budget_cents < advisor.daily_budget_cents < lead.daily_budget_cents
    assert lead.daily_budget_cents < admin.daily_budget_cents
    for limit in advisor.gestures:
        lead_limit = lead.limit_for(limit.code)
        assert lead_limit is not None and lead_limit.max_per_decision_cents > limit.max_per_decision_cents
    for limit in store.gestures:
        advisor_limit = advisor.limit_for(limit.code)
        assert advisor_limit is not None
        assert limit.max_per_decision_cents <= advisor_limit.max_per_decision_cents


def test_store_staff_keep_the_counter_gestures_only() -> None:
    store = DEFAULT_ENVELOPES[Role.STORE_STAFF]
    codes = {g.code for g in store.gestures}
    assert {GestureCode.VOUCHER, GestureCode.EXCHANGE, GestureCode.GIFT, GestureCode.REFUND} <= codes
    assert GestureCode.SHIPPING_REFUND not in codes and GestureCode.FREE_SHIPPING not in codes


def test_envelopes_work_with_the_authority_check_at_their_edges() -> None:
    advisor = DEFAULT_ENVELOPES[Role.ADVISOR]
    fresh = Usage(0, 0)

    def grant(cents: int, code: GestureCode = GestureCode.VOUCHER) -> GrantRequest:
        return GrantRequest("u1", "c1", code, cents, "EUR", AT)

    assert check_grant(advisor, grant(3_000), fresh).allowed
    over = check_grant(advisor, grant(3_001), fresh)
    assert [r.limit for r in over.refusals] == [LimitKind.PER_DECISION]
    assert over.refusals[0].over_by_cents == 1
    store = DEFAULT_ENVELOPES[Role.STORE_STAFF]
    refused = check_grant(store, grant(500, GestureCode.FREE_SHIPPING), fresh)
    assert [r.limit for r in refused.refusals] == [LimitKind.GESTURE_NOT_ALLOWED]


def test_catalogue_and_envelopes_round_trip_through_the_wire() -> None:
    for g in GESTURE_TYPES:
        assert from_wire(GestureType, to_wire(g)) == g
    for envelope in DEFAULT_ENVELOPES.values():
        assert from_wire(AuthorityEnvelope, to_wire(envelope)) == envelope


def test_suggestions_follow_the_category_order() -> None:
    assert suggested_gestures(ComplaintCategory.LATE_DELIVERY, _order()) == [
        GestureCode.SHIPPING_REFUND,
        GestureCode.VOUCHER,
        GestureCode.FREE_SHIPPING,
        GestureCode.LOYALTY_POINTS,
    ]
    assert suggested_gestures(ComplaintCategory.DAMAGED_ITEM, _order())[0] is GestureCode.REPLACEMENT


def test_no_shipping_refund_when_shipping_was_free() -> None:
    codes = suggested_gestures(ComplaintCategory.LATE_DELIVERY, _order(shipping=0))
    assert GestureCode.SHIPPING_REFUND not in codes
    assert codes[0] is GestureCode.VOUCHER


def test_no_order_bound_gesture_without_an_order() -> None:
    codes = suggested_gestures(ComplaintCategory.DEFECTIVE_PRODUCT, None)
    assert codes == [GestureCode.VOUCHER]


def test_a_fully_refunded_order_suggests_no_refund() -> None:
    codes = suggested_gestures(ComplaintCategory.BILLING_ERROR, _order(paid=4999, refunded=4999))
    assert codes == [GestureCode.VOUCHER]
    partly = suggested_gestures(ComplaintCategory.BILLING_ERROR, _order(paid=4999, refunded=4998))
    assert partly == [GestureCode.REFUND, GestureCode.VOUCHER]


def test_requests_and_information_suggest_nothing_praise_thanks() -> None:
    assert suggested_gestures(ComplaintCategory.REQUEST, _order()) == []
    assert suggested_gestures(ComplaintCategory.INFORMATION, None) == []
    assert suggested_gestures(ComplaintCategory.PRAISE, None) == [
        GestureCode.LOYALTY_POINTS,
        GestureCode.GIFT,
    ]
