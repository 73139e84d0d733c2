"""Advisor actions from workstations (``POST /mutations``) and the chain receipts they earned."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Path
from sqlalchemy import or_, select

from advisor_desk.domain.model import Role
from advisor_desk.domain.wire import format_time
from advisor_desk.server import scope
from advisor_desk.server.api.deps import CurrentUser, DatabaseDep, SessionDep, SettingsDep
from advisor_desk.server.models import ChainReceiptRow
from advisor_desk.server.schemas import (
    ChainReceipt,
    ChainResponse,
    MutationBatch,
    MutationIn,
    MutationResult,
    MutationResults,
)
from advisor_desk.server.services import privacy
from advisor_desk.server.services.mutations import apply_batch

router = APIRouter(tags=["sync"])


@router.post("/mutations", response_model=MutationResults)
def mutations(
    body: MutationBatch, user: CurrentUser, database: DatabaseDep, settings: SettingsDep
) -> MutationResults:
    with database.read() as session:
        erased = privacy.erased_among(session, (_customer_of(m) for m in body.mutations))
    results: list[MutationResult] = []
    for mutation in body.mutations:
        if _customer_of(mutation) in erased:
            # Not remembered (like an invalid id): the customer is gone, nothing can ever apply.
            results.append(
                MutationResult(
                    id=mutation.id,
                    status="rejected",
                    reason=f"{privacy.ERASED}: this customer was erased at the centre",
                )
            )
        else:
            results += apply_batch(database, user, body.workstation_id, [mutation])
    if settings.scope_per_user:
        touched = {
            cid
            for result in results
            if result.status in ("applied", "duplicate")
            for cid in _customers_in(result.data)
        }
        # The user acted about these customers: they stay in the user's scope for the window.
        scope.touch(database, user, touched, datetime.now(UTC))
    return MutationResults(results=results)


def _customer_of(mutation: MutationIn) -> str:
    value = mutation.payload.get("customer_id") if isinstance(mutation.payload, dict) else None
    return value if isinstance(value, str) else ""


def _customers_in(data: dict[str, Any] | None) -> set[str]:
    found: set[str] = set()
    for entity in (data or {}).values():
        if isinstance(entity, dict) and isinstance(entity.get("customer_id"), str):
            found.add(entity["customer_id"])
    return found


@router.get("/chain/{workstation_id}", response_model=ChainResponse)
def chain(
    workstation_id: Annotated[str, Path(min_length=1, max_length=100)], user: CurrentUser, session: SessionDep
) -> ChainResponse:
    """What the centre acknowledged of a workstation's decision log (entries of the user's team)."""
    query = select(ChainReceiptRow).where(ChainReceiptRow.workstation_id == workstation_id)
    if user.role is not Role.ADMIN:
        query = query.where(or_(ChainReceiptRow.team == user.team, ChainReceiptRow.user_id == user.id))
    rows = session.scalars(query.order_by(ChainReceiptRow.seq))
    return ChainResponse(
        entries=[
            ChainReceipt(
                seq=r.seq, prev_hash=r.prev_hash, hash=r.hash, received_at=format_time(r.received_at)
            )
            for r in rows
        ]
    )
