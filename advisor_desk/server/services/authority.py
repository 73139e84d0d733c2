"""A user's authority as the centre sees it: envelope of the role, and what was spent today."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from advisor_desk.domain.authority import day_bounds, usage_from_decisions
from advisor_desk.domain.model import AuthorityEnvelope, Decision, DecisionStatus, User
from advisor_desk.domain.wire import EntityKind, from_wire
from advisor_desk.server import store
from advisor_desk.server.models import DecisionRow

_COUNTING = [s.value for s in DecisionStatus if s.counts_against_budget]


def envelope_of(session: Session, user: User) -> AuthorityEnvelope | None:
    envelope: AuthorityEnvelope | None = store.load(session, EntityKind.ENVELOPE, user.role.value)
    return envelope


def decisions_of_user_on_day(session: Session, user: User, at: datetime) -> list[Decision]:
    start, end = day_bounds(at, user.time_zone)
    rows = session.scalars(
        select(DecisionRow.data).where(
            DecisionRow.user_id == user.id,
            DecisionRow.status.in_(_COUNTING),
            DecisionRow.granted_at >= start,
            DecisionRow.granted_at < end,
        )
    )
    return [from_wire(Decision, data) for data in rows]


def authority_summary(session: Session, user: User, at: datetime, default_currency: str) -> dict[str, Any]:
    """The ``authority`` object of ``GET /me``; an empty envelope when the role has none."""
    envelope = envelope_of(session, user)
    if envelope is None:
        return {
            "currency": default_currency,
            "daily_budget_cents": 0,
            "remaining_today_cents": 0,
            "per_customer_30d_cents": 0,
            "gestures": [],
        }
    usage = usage_from_decisions(decisions_of_user_on_day(session, user, at), user.id, "", at, user.time_zone)
    return {
        "currency": envelope.currency,
        "daily_budget_cents": envelope.daily_budget_cents,
        "remaining_today_cents": max(0, envelope.daily_budget_cents - usage.user_today_cents),
        "per_customer_30d_cents": envelope.per_customer_30d_cents,
        "gestures": [
            {"code": g.code.value, "max_per_decision_cents": g.max_per_decision_cents}
            for g in envelope.gestures
        ],
    }
