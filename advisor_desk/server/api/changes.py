"""The changes feed (``GET /changes``)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from advisor_desk.server.api.deps import CurrentUser, DatabaseDep, SettingsDep
from advisor_desk.server.schemas import ChangesResponse
from advisor_desk.server.services.changes import MAX_WAIT_SECONDS, parse_cursor, wait_for_changes

router = APIRouter(tags=["sync"])


@router.get("/changes", response_model=ChangesResponse)
async def changes(
    request: Request,
    user: CurrentUser,
    database: DatabaseDep,
    settings: SettingsDep,
    after: Annotated[str, Query(max_length=40)] = "0",
    limit: Annotated[int, Query(ge=1, le=1000)] = 500,
    wait: Annotated[float, Query(ge=0, le=MAX_WAIT_SECONDS)] = 0,
) -> Response:
    page = await wait_for_changes(
        database,
        user,
        parse_cursor(after),
        limit,
        wait,
        settings.feed_poll_seconds,
        request.is_disconnected,
        settings.scope_per_user,
    )
    # The page is assembled from the stored wire JSON (services.changes.read_changes): sent as it
    # is, without parsing it into models and serialising it again (``ChangesResponse`` documents it).
    return Response(page.to_json(), media_type="application/json")
