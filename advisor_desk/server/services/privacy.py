"""Data-protection duties of the centre: erasure (right to be forgotten) and export (right of access).

Erasure removes the customer and everything attached to it through :func:`advisor_desk.server.store.delete`
(so every workstation gets the deletions at its next sync and drops the customer from its search
index), the customer's product ratings, the copies of its data in remembered mutation answers, and
its scope rows; it keeps a tombstone without personal data (id, when, by whom, reason code).
Decisions and escalations stay: they are the audit record of money given, and carry ids only.
Later mutations about the customer are refused with ``customer_erased``.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import Text, cast, select, update
from sqlalchemy.orm import Session

from advisor_desk.domain.wire import EntityKind, format_time
from advisor_desk.server import scope, store
from advisor_desk.server.models import (
    CustomerRow,
    CustomerTombstoneRow,
    DecisionRow,
    EscalationRow,
    MutationLogRow,
    ProductRatingRow,
    ScopeMemberRow,
)

ERASED = "customer_erased"


def tombstone(session: Session, customer_id: str) -> CustomerTombstoneRow | None:
    return session.get(CustomerTombstoneRow, customer_id)


def erased_among(session: Session, customer_ids: Iterable[str]) -> set[str]:
    ids = sorted({c for c in customer_ids if c})
    if not ids:
        return set()
    return set(
        session.scalars(
            select(CustomerTombstoneRow.customer_id).where(CustomerTombstoneRow.customer_id.in_(ids))
        )
    )


def erase(
    session: Session, customer_id: str, by: str, reason_code: str, now: datetime
) -> CustomerTombstoneRow | None:
    """Erase one customer (None when there is no such customer and no tombstone)."""
    existing = tombstone(session, customer_id)
    if existing is not None:
        return existing
    if session.get(CustomerRow, customer_id) is None:
        return None
    for rating_id in list(
        session.scalars(select(ProductRatingRow.id).where(ProductRatingRow.customer_id == customer_id))
    ):
        store.delete(session, EntityKind.PRODUCT_RATING, rating_id)
    store.delete(session, EntityKind.CUSTOMER, customer_id)
    # Answers remembered for replays may hold the customer's texts (a reply's interaction).
    session.execute(
        update(MutationLogRow)
        .where(cast(MutationLogRow.data, Text).like(f"%{customer_id}%"))
        .values(data=None)
        .execution_options(synchronize_session=False)
    )
    scope.forget_customer(session, customer_id)
    row = CustomerTombstoneRow(customer_id=customer_id, erased_at=now, erased_by=by, reason_code=reason_code)
    session.add(row)
    return row


def tombstone_wire(row: CustomerTombstoneRow) -> dict[str, Any]:
    return {
        "customer_id": row.customer_id,
        "erased_at": format_time(row.erased_at),
        "erased_by": row.erased_by,
        "reason_code": row.reason_code,
    }


def export(session: Session, customer_id: str) -> dict[str, Any] | None:
    """Everything the centre holds about one customer, as wire forms (None when unknown)."""
    customer = session.get(CustomerRow, customer_id)
    if customer is None:
        stone = tombstone(session, customer_id)
        return None if stone is None else {"customer": None, "tombstone": tombstone_wire(stone)}
    held: dict[str, Any] = {"customer": customer.data, "tombstone": None}
    for kind in store.ATTACHED:
        table: Any = store.TABLES[kind]
        held[kind.value + "s"] = list(
            session.scalars(select(table.data).where(table.customer_id == customer_id).order_by(table.id))
        )
    for name, table in (
        ("product_ratings", ProductRatingRow),
        ("decisions", DecisionRow),
        ("escalations", EscalationRow),
    ):
        held[name] = list(
            session.scalars(select(table.data).where(table.customer_id == customer_id).order_by(table.id))
        )
    held["scope"] = [
        {"user_id": m.user_id, "op": m.op}
        for m in session.scalars(select(ScopeMemberRow).where(ScopeMemberRow.customer_id == customer_id))
    ]
    return held
