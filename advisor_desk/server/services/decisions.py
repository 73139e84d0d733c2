"""The team lead's listing of decisions (own team only; admins see every team)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from advisor_desk.domain.model import DecisionStatus, GestureCode, Role, User
from advisor_desk.server.models import CustomerRow, DecisionRow, UserRow

MAX_LISTED = 10_000


@dataclass(frozen=True, slots=True)
class DecisionFilter:
    start: datetime | None = None
    end: datetime | None = None
    user_id: str | None = None
    gesture: GestureCode | None = None
    status: DecisionStatus | None = None
    reviewed: bool | None = None


def list_decisions(session: Session, user: User, f: DecisionFilter) -> list[dict[str, Any]]:
    query = select(DecisionRow.data)
    if user.role is not Role.ADMIN:
        query = query.where(DecisionRow.team == user.team)
    if f.start is not None:
        query = query.where(DecisionRow.granted_at >= f.start)
    if f.end is not None:
        query = query.where(DecisionRow.granted_at < f.end)
    if f.user_id is not None:
        query = query.where(DecisionRow.user_id == f.user_id)
    if f.gesture is not None:
        query = query.where(DecisionRow.gesture == f.gesture.value)
    if f.status is not None:
        query = query.where(DecisionRow.status == f.status.value)
    if f.reviewed is not None:
        query = query.where(DecisionRow.reviewed == f.reviewed)
    return list(
        session.scalars(query.order_by(DecisionRow.granted_at.desc(), DecisionRow.id).limit(MAX_LISTED))
    )


def customers_named(session: Session, decisions: list[dict[str, Any]]) -> dict[str, str]:
    """Display names of the customers of these decisions, by id (an erased customer has none)."""
    ids = sorted({str(d["customer_id"]) for d in decisions if d.get("customer_id")})
    names: dict[str, str] = {}
    for start in range(0, len(ids), 500):
        rows = session.execute(
            select(CustomerRow.id, CustomerRow.data).where(CustomerRow.id.in_(ids[start : start + 500]))
        )
        for customer_id, data in rows:
            name = f"{data.get('first_name', '')} {data.get('last_name', '')}".strip()
            if name:
                names[customer_id] = name
    return names


def people_named(session: Session, decisions: list[dict[str, Any]]) -> dict[str, str]:
    """Display names of the users who granted or reviewed these decisions, by id."""
    ids = {str(d[key]) for d in decisions for key in ("user_id", "reviewed_by") if d.get(key)}
    if not ids:
        return {}
    rows = session.execute(select(UserRow.id, UserRow.display_name).where(UserRow.id.in_(sorted(ids))))
    return {user_id: name for user_id, name in rows}
