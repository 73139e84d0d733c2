"""Advisor actions from workstations (``POST /mutations``) and the chain receipts they earned."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path
from sqlalchemy import or_, select

from advisor_desk.domain.model import Role
from advisor_desk.domain.wire import format_time
from advisor_desk.server.api.deps import CurrentUser, DatabaseDep, SessionDep
from advisor_desk.server.models import ChainReceiptRow
from advisor_desk.server.schemas import ChainReceipt, ChainResponse, MutationBatch, MutationResults
from advisor_desk.server.services.mutations import apply_batch

router = APIRouter(tags=["sync"])


@router.post("/mutations", response_model=MutationResults)
def mutations(body: MutationBatch, user: CurrentUser, database: DatabaseDep) -> MutationResults:
    return MutationResults(results=apply_batch(database, user, body.workstation_id, body.mutations))


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
        entries=[ChainReceipt(seq=r.seq, hash=r.hash, received_at=format_time(r.received_at)) for r in rows]
    )
