"""Liveness and database reachability, for load balancers and the desktop launcher."""

from __future__ import annotations

import logging

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from sqlalchemy.exc import SQLAlchemyError

from advisor_desk.server.api.deps import DatabaseDep
from advisor_desk.server.schemas import HealthResponse

router = APIRouter(tags=["health"])
log = logging.getLogger("advisor_desk.server")


@router.get("/health", response_model=HealthResponse, responses={503: {"model": HealthResponse}})
def health(database: DatabaseDep) -> HealthResponse | JSONResponse:
    try:
        database.ping()
    except SQLAlchemyError:
        log.warning("health: database unreachable")
        return JSONResponse({"status": "degraded", "database": "unreachable"}, status_code=503)
    return HealthResponse(status="ok", database="ok")
