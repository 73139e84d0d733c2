"""The goodwill-gesture catalogue and the default authority envelope of each role.

The catalogue says which gestures exist, what they are called in French and English, which complaint
categories suggest them and which amounts the compensation panel offers as presets. The envelopes are
the demo defaults of "the power to say yes": inside them an advisor, a seller or a team lead grants at
once, with no approval; every decision is logged and reviewed afterwards. The central API seeds both
and an admin changes envelopes through ``PUT /api/v1/envelopes/{role}``; workstations receive them
through the changes feed, so nothing here is read at run time except as that seed and as a fallback
for tests.

Default envelopes, in euros (``-`` means the role may not grant that gesture)::

    | Gesture              | Advisor | Store staff | Team lead | Admin |
    |----------------------|--------:|------------:|----------:|------:|
    | Refund (order line)  |      80 |          50 |       300 | 1 000 |
    | Shipping refund      |      15 |           - |        30 |   100 |
    | Voucher / credit     |      30 |          20 |       100 |   500 |
    | Free shipping        |      10 |           - |        20 |    50 |
    | Express replacement  |      80 |          60 |       300 | 1 000 |
    | Exchange             |      80 |          80 |       300 | 1 000 |
    | Loyalty points       |      10 |          10 |        30 |   100 |
    | Small gift           |      15 |          15 |        40 |   100 |
    | Per user per day     |     300 |         150 |     1 500 | 5 000 |
    | Per customer, 30 d   |     150 |          80 |       500 | 2 000 |

Store staff are smaller per decision but keep the counter gestures (refund, exchange, on-the-spot
replacement, voucher, points, gift); shipping gestures belong to remote channels. A refund is also
never above what the customer paid for the line (``bounded_by="line"``) and a shipping refund never
above the shipping paid (``bounded_by="shipping"``); the one authority check
(:func:`advisor_desk.domain.authority.check_grant`) enforces both, on the desk and at the centre.
Loyalty points are granted as their value in cents (100 points = 1 €).

Reason-code labels are not here: the UI translates :class:`~advisor_desk.domain.model.ReasonCode`.
"""

from __future__ import annotations

from advisor_desk.domain.model import (
    AuthorityEnvelope,
    ComplaintCategory,
    GestureCode,
    GestureLimit,
    GestureType,
    Order,
    Role,
)

#: The organisation's currency for the demo envelopes.
DEFAULT_CURRENCY = "EUR"

_C = ComplaintCategory
_G = GestureCode

#: Gestures a case category suggests, most fitting first. The catalogue's ``suggested_for`` is
#: derived from this one table so the two never disagree.
SUGGESTIONS: dict[ComplaintCategory, tuple[GestureCode, ...]] = {
    _C.LATE_DELIVERY: (_G.SHIPPING_REFUND, _G.VOUCHER, _G.FREE_SHIPPING, _G.LOYALTY_POINTS),
    _C.DAMAGED_ITEM: (_G.REPLACEMENT, _G.REFUND, _G.EXCHANGE, _G.VOUCHER),
    _C.DEFECTIVE_PRODUCT: (_G.REPLACEMENT, _G.REFUND, _G.EXCHANGE, _G.VOUCHER),
    _C.WRONG_ITEM: (_G.EXCHANGE, _G.REPLACEMENT, _G.SHIPPING_REFUND, _G.VOUCHER),
    _C.BILLING_ERROR: (_G.REFUND, _G.VOUCHER),
    _C.REFUND_NOT_RECEIVED: (_G.VOUCHER, _G.LOYALTY_POINTS),
    _C.STAFF_BEHAVIOUR: (_G.VOUCHER, _G.GIFT, _G.LOYALTY_POINTS),
    _C.WEBSITE_APP: (_G.FREE_SHIPPING, _G.VOUCHER, _G.LOYALTY_POINTS),
    _C.STORE_EXPERIENCE: (_G.GIFT, _G.VOUCHER, _G.LOYALTY_POINTS),
    _C.OTHER: (_G.VOUCHER, _G.GIFT),
    _C.REQUEST: (),
    _C.INFORMATION: (),
    _C.PRAISE: (_G.LOYALTY_POINTS, _G.GIFT),
}


def _suggested_for(code: GestureCode) -> tuple[ComplaintCategory, ...]:
    return tuple(category for category, codes in SUGGESTIONS.items() if code in codes)


def _gesture(
    code: GestureCode, name_fr: str, name_en: str, presets_cents: tuple[int, ...], bounded_by: str = ""
) -> GestureType:
    return GestureType(
        code=code,
        name_fr=name_fr,
        name_en=name_en,
        bounded_by=bounded_by,
        suggested_for=_suggested_for(code),
        presets_cents=presets_cents,
    )


#: The gesture catalogue, in the order the compensation panel lists it.
GESTURE_TYPES: tuple[GestureType, ...] = (
    _gesture(
        _G.REFUND,
        "Remboursement (ligne de commande)",
        "Refund (order line)",
        (500, 1000, 2000, 5000),
        bounded_by="line",
    ),
    _gesture(
        _G.SHIPPING_REFUND,
        "Remboursement des frais de port",
        "Shipping refund",
        (499, 599, 999),
        bounded_by="shipping",
    ),
    _gesture(_G.VOUCHER, "Bon d'achat / avoir", "Voucher / store credit", (500, 1000, 1500, 2000, 3000)),
    _gesture(
        _G.FREE_SHIPPING,
        "Frais de port offerts (prochaine commande)",
        "Free shipping on the next order",
        (499, 599, 999),
    ),
    _gesture(_G.REPLACEMENT, "Remplacement express", "Express replacement", (1500, 3000, 5000, 8000)),
    _gesture(_G.EXCHANGE, "Échange", "Exchange", (1500, 3000, 5000, 8000)),
    _gesture(_G.LOYALTY_POINTS, "Points de fidélité", "Loyalty points", (200, 500, 1000)),
    _gesture(_G.GIFT, "Petit cadeau", "Small gift", (500, 1000, 1500)),
)

GESTURE_CATALOGUE: dict[GestureCode, GestureType] = {g.code: g for g in GESTURE_TYPES}


def _euros(value: int) -> int:
    return value * 100


def _envelope(role: Role, daily: int, per_customer: int, limits: dict[GestureCode, int]) -> AuthorityEnvelope:
    return AuthorityEnvelope(
        role=role,
        currency=DEFAULT_CURRENCY,
        daily_budget_cents=_euros(daily),
        per_customer_30d_cents=_euros(per_customer),
        # Catalogue order, so every envelope lists its gestures the same way.
        gestures=tuple(
            GestureLimit(g.code, _euros(limits[g.code])) for g in GESTURE_TYPES if g.code in limits
        ),
    )


#: Demo defaults of each role's envelope (see the table in the module docstring).
DEFAULT_ENVELOPES: dict[Role, AuthorityEnvelope] = {
    Role.ADVISOR: _envelope(
        Role.ADVISOR,
        daily=300,
        per_customer=150,
        limits={
            _G.REFUND: 80,
            _G.SHIPPING_REFUND: 15,
            _G.VOUCHER: 30,
            _G.FREE_SHIPPING: 10,
            _G.REPLACEMENT: 80,
            _G.EXCHANGE: 80,
            _G.LOYALTY_POINTS: 10,
            _G.GIFT: 15,
        },
    ),
    Role.STORE_STAFF: _envelope(
        Role.STORE_STAFF,
        daily=150,
        per_customer=80,
        limits={
            _G.REFUND: 50,
            _G.VOUCHER: 20,
            _G.REPLACEMENT: 60,
            _G.EXCHANGE: 80,
            _G.LOYALTY_POINTS: 10,
            _G.GIFT: 15,
        },
    ),
    Role.TEAM_LEAD: _envelope(
        Role.TEAM_LEAD,
        daily=1500,
        per_customer=500,
        limits={
            _G.REFUND: 300,
            _G.SHIPPING_REFUND: 30,
            _G.VOUCHER: 100,
            _G.FREE_SHIPPING: 20,
            _G.REPLACEMENT: 300,
            _G.EXCHANGE: 300,
            _G.LOYALTY_POINTS: 30,
            _G.GIFT: 40,
        },
    ),
    Role.ADMIN: _envelope(
        Role.ADMIN,
        daily=5000,
        per_customer=2000,
        limits={
            _G.REFUND: 1000,
            _G.SHIPPING_REFUND: 100,
            _G.VOUCHER: 500,
            _G.FREE_SHIPPING: 50,
            _G.REPLACEMENT: 1000,
            _G.EXCHANGE: 1000,
            _G.LOYALTY_POINTS: 100,
            _G.GIFT: 100,
        },
    ),
}


def gesture_name(code: GestureCode, language: str) -> str:
    """The catalogue name of a gesture in ``language`` ("fr" or "en"; anything else gets English)."""
    gesture = GESTURE_CATALOGUE[code]
    return gesture.name_fr if language == "fr" else gesture.name_en


def _refundable_cents(order: Order) -> int:
    return sum(max(0, line.paid_cents - line.refunded_cents) for line in order.lines)


def suggested_gestures(category: ComplaintCategory, order: Order | None) -> list[GestureCode]:
    """Gestures worth proposing for a case of ``category`` about ``order`` (None when no order).

    Gestures bound to an order (refund of a line, shipping refund, replacement, exchange) are only
    suggested when there is an order they can apply to: a line with something left to refund, or
    shipping that was actually paid. When nothing order-bound is left, a voucher is offered instead
    so a complaint is never without a suggestion.
    """
    codes = list(SUGGESTIONS.get(category, ()))
    if order is None:
        order_bound = {_G.REFUND, _G.SHIPPING_REFUND, _G.REPLACEMENT, _G.EXCHANGE}
        codes = [c for c in codes if c not in order_bound]
    else:
        if _refundable_cents(order) <= 0:
            codes = [c for c in codes if c not in (_G.REFUND, _G.REPLACEMENT, _G.EXCHANGE)]
        if order.shipping_cents <= 0:
            codes = [c for c in codes if c != _G.SHIPPING_REFUND]
    if not codes and SUGGESTIONS.get(category):
        codes = [_G.VOUCHER]
    return codes
