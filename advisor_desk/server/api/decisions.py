"""The team lead's view of the team's decisions."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Query

from advisor_desk.domain.model import DecisionStatus, GestureCode
from advisor_desk.server.api.deps import SessionDep, TeamLeadOrAdmin
from advisor_desk.server.errors import ApiError
from advisor_desk.server.schemas import DecisionsResponse
from advisor_desk.server.services.decisions import (
    DecisionFilter,
    customers_named,
    list_decisions,
    people_named,
)

router = APIRouter(tags=["decisions"])


@router.get("/decisions", response_model=DecisionsResponse)
def decisions(
    user: TeamLeadOrAdmin,
    session: SessionDep,
    start: Annotated[datetime | None, Query(alias="from")] = None,
    end: Annotated[datetime | None, Query(alias="to")] = None,
    user_id: Annotated[str | None, Query(max_length=64)] = None,
    gesture: GestureCode | None = None,
    status: DecisionStatus | None = None,
    reviewed: bool | None = None,
) -> DecisionsResponse:
    for value in (start, end):
        if value is not None and value.tzinfo is None:
            raise ApiError(422, "validation_error", "Times need their zone (UTC with a Z suffix).")
    found = list_decisions(session, user, DecisionFilter(start, end, user_id, gesture, status, reviewed))
    return DecisionsResponse(
        decisions=found, people=people_named(session, found), customers=customers_named(session, found)
    )
