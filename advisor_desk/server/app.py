"""The FastAPI application of the reference central API (``create_app`` is the composition root)."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from advisor_desk.server.api import admin, auth, changes, customers, decisions, health, me, mutations
from advisor_desk.server.db import Database
from advisor_desk.server.errors import install_error_handlers
from advisor_desk.server.limits import AccessLog, BodyLimit
from advisor_desk.server.settings import ServerSettings

API_PREFIX = "/api/v1"
log = logging.getLogger("advisor_desk.server")


def create_app(settings: ServerSettings | None = None, database: Database | None = None) -> FastAPI:
    """Build the application; it uses ``database`` when given (tests), else opens ``settings``' URL."""
    settings = settings or ServerSettings()
    owned = database is None
    db = database or Database(settings.database_url)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        if owned:
            db.dispose()

    app = FastAPI(
        title="Advisor Desk central API",
        version="1",
        summary="Reference implementation of the Advisor Desk contract (advisor_desk/server/API.md).",
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.database = db
    install_error_handlers(app)
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)
    app.add_middleware(AccessLog)
    app.include_router(health.router)
    for module in (auth, me, changes, mutations, customers, decisions, admin):
        app.include_router(module.router, prefix=API_PREFIX)
    return app
