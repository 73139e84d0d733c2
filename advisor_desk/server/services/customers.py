"""Finding customers (by name, e-mail, phone in any format, handle, loyalty card, order number) and
one customer's whole timeline, within what the user may see."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Text, cast, func, literal_column, select, union_all
from sqlalchemy.orm import Session

from advisor_desk.domain.identity import normalise_email, normalise_handle, phone_search_variants
from advisor_desk.domain.model import Role, User
from advisor_desk.server.models import (
    CaseRow,
    CustomerIdentifierRow,
    CustomerRow,
    DecisionRow,
    FollowUpRow,
    InteractionRow,
    OrderLineRow,
    OrderRow,
    ProductRow,
    SatisfactionRow,
)
from advisor_desk.server.store import fold


def _like_prefix(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return escaped + "%"


def _like_anywhere(text: str) -> str:
    return "%" + _like_prefix(text)


def search(session: Session, user: User, text: str, limit: int) -> list[dict[str, Any]]:
    """Customers matching ``text``; name matches first, then identifiers, each once."""
    return [json.loads(data) for data in search_json(session, user, text, limit)]


def search_json(session: Session, user: User, text: str, limit: int) -> list[str]:
    """:func:`search` as the customers' stored wire JSON, in one statement (served as it is)."""
    text = text.strip()
    if len(text) < 2:
        return []
    branches: list[Any] = []

    def add(query: Any, order: Any = None) -> None:
        if user.role is not Role.ADMIN:
            query = query.where(CustomerRow.team == user.team)
        if order is not None:
            query = query.order_by(order)
        ranked = query.add_columns(
            literal_column(str(len(branches))).label("branch"),
            func.row_number().over(order_by=order).label("n"),
        )
        branches.append(select(ranked.limit(limit).subquery()))

    name = fold(text)
    add(
        select(CustomerRow.id.label("cid")).where(
            CustomerRow.search_name.like(_like_anywhere(name), escape="\\")
        ),
        CustomerRow.search_name,
    )
    values = {("email", normalise_email(text)), ("handle", normalise_handle(text))}
    values |= {("phone", v) for v in phone_search_variants(text)}
    for kind, value in sorted(values, key=lambda kv: (kv[0], kv[1] or "")):
        if value:
            add(
                select(CustomerIdentifierRow.customer_id.label("cid"))
                .join(CustomerRow, CustomerRow.id == CustomerIdentifierRow.customer_id)
                .where(
                    CustomerIdentifierRow.kind == kind,
                    CustomerIdentifierRow.value.like(_like_prefix(value), escape="\\"),
                )
            )
    upper = text.upper()
    add(select(CustomerRow.id.label("cid")).where(CustomerRow.loyalty_card == upper))
    add(
        select(OrderRow.customer_id.label("cid"))
        .join(CustomerRow, CustomerRow.id == OrderRow.customer_id)
        .where(OrderRow.number == upper)
    )
    hits = union_all(*branches).subquery()
    rows = session.execute(
        select(hits.c.branch, hits.c.n, hits.c.cid, cast(CustomerRow.data, Text)).join(
            CustomerRow, CustomerRow.id == hits.c.cid
        )
    ).all()
    found: dict[str, str] = {}
    for _branch, _n, cid, data in sorted(rows, key=lambda r: (int(r[0]), int(r[1]))):
        found.setdefault(cid, data)
    return list(found.values())[:limit]


def timeline(session: Session, user: User, customer_id: str) -> dict[str, Any] | None:
    """Everything about one customer, or None when unknown or out of the user's reach."""
    row = session.get(CustomerRow, customer_id)
    if row is None or (user.role is not Role.ADMIN and row.team != user.team):
        return None

    def datas(table: Any, order: Any) -> list[dict[str, Any]]:
        return list(
            session.scalars(select(table.data).where(table.customer_id == customer_id).order_by(order))
        )

    orders = datas(OrderRow, OrderRow.placed_at)
    cases = datas(CaseRow, CaseRow.opened_at)
    product_ids = set(
        session.scalars(
            select(OrderLineRow.product_id)
            .join(OrderRow, OrderRow.id == OrderLineRow.order_id)
            .where(OrderRow.customer_id == customer_id)
        )
    )
    product_ids |= {c["product_id"] for c in cases if c.get("product_id")}
    decision_query = select(DecisionRow.data).where(DecisionRow.customer_id == customer_id)
    if user.role not in (Role.TEAM_LEAD, Role.ADMIN):
        decision_query = decision_query.where(DecisionRow.user_id == user.id)
    elif user.role is Role.TEAM_LEAD:
        decision_query = decision_query.where(DecisionRow.team == user.team)
    return {
        "customer": row.data,
        "orders": orders,
        "products": list(
            session.scalars(select(ProductRow.data).where(ProductRow.id.in_(sorted(product_ids))))
        ),
        "cases": cases,
        "interactions": datas(InteractionRow, InteractionRow.occurred_at),
        "followups": datas(FollowUpRow, FollowUpRow.due_at),
        "satisfaction": datas(SatisfactionRow, SatisfactionRow.recorded_at),
        "decisions": list(session.scalars(decision_query.order_by(DecisionRow.granted_at))),
    }
