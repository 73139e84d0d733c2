"""Customer search and timelines, for customers a workstation does not cache."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Path, Query, Response

from advisor_desk.server import scope
from advisor_desk.server.api import privacy
from advisor_desk.server.api.deps import CurrentUser, DatabaseDep, SessionDep, SettingsDep
from advisor_desk.server.errors import not_found
from advisor_desk.server.schemas import CustomersResponse, TimelineResponse
from advisor_desk.server.services import customers

router = APIRouter(prefix="/customers", tags=["customers"])


@router.get("/search", response_model=CustomersResponse)
def search(
    user: CurrentUser,
    session: SessionDep,
    q: Annotated[str, Query(min_length=1, max_length=200)],
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> Response:
    # The customers' stored wire JSON as it is (``CustomersResponse`` documents the shape).
    found = customers.search_json(session, user, q, limit)
    return Response(f'{{"customers":[{",".join(found)}]}}'.encode(), media_type="application/json")


@router.get("/{customer_id}/timeline", response_model=TimelineResponse)
def timeline(
    customer_id: Annotated[str, Path(min_length=1, max_length=64)],
    user: CurrentUser,
    session: SessionDep,
    database: DatabaseDep,
    settings: SettingsDep,
) -> TimelineResponse:
    found = customers.timeline(session, user, customer_id)
    if found is None:
        raise not_found("No such customer in your reach.")
    if settings.scope_per_user:
        # Fetched on demand: in the user's scope for the window (API.md, "Scope").
        scope.touch(database, user, [customer_id], datetime.now(UTC), fetched=True)
    return TimelineResponse.model_validate(found)


# Erasure and export live under /customers too (the app includes this router only).
router.include_router(privacy.router)
