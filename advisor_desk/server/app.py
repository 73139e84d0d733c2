"""The FastAPI application of the reference central API (``create_app`` is the composition root)."""

from __future__ import annotations

import logging
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from advisor_desk.server.api import admin, auth, changes, customers, decisions, health, me, mutations
from advisor_desk.server.db import Database
from advisor_desk.server.errors import install_error_handlers
from advisor_desk.server.limits import AccessLog, BodyLimit
from advisor_desk.server.schemas import ErrorResponse
from advisor_desk.server.settings import ServerSettings

API_PREFIX = "/api/v1"
log = logging.getLogger("advisor_desk.server")


def create_app(settings: ServerSettings | None = None, database: Database | None = None) -> FastAPI:
    """Build the application; it uses ``database`` when given (tests), else opens ``settings``' URL."""
    settings = settings or ServerSettings()
    owned = database is None
    db = database or Database(
        settings.database_url,
        pool_size=settings.db_pool_size,
        max_overflow=settings.db_max_overflow,
        pool_timeout=settings.db_pool_timeout,
    )

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
        responses={"4XX": {"model": ErrorResponse}, "5XX": {"model": ErrorResponse}},
    )
    app.state.settings = settings
    app.state.database = db
    install_error_handlers(app)
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)
    app.add_middleware(AccessLog)
    app.include_router(health.router)
    for module in (auth, me, changes, mutations, customers, decisions, admin):
        app.include_router(module.router, prefix=API_PREFIX)
    _document_mutation_payloads(app)
    _prepare_routes(app)
    return app


_ROUTE_PREPARATION = threading.Lock()


def _prepare_routes(app: FastAPI) -> None:
    """Build every route's request parsing now, once, instead of on the first requests.

    FastAPI prepares included routes lazily; several apps sharing the module-level routers (two
    servers in one process) could prepare them concurrently on their first requests and race in
    pydantic's schema building. Preparing at creation, under a process-wide lock, removes the race
    (the hooks are looked up defensively: they are FastAPI internals).
    """
    with _ROUTE_PREPARATION:
        pending = list(app.router.routes)
        while pending:
            route = pending.pop()
            build = getattr(route, "effective_candidates", None)
            if callable(build):
                pending.extend(c for c in build() if getattr(c, "effective_candidates", None))
            build_low = getattr(route, "effective_low_priority_routes", None)
            if callable(build_low):
                build_low()


def _document_mutation_payloads(app: FastAPI) -> None:
    """Publish each mutation kind's payload schema in the OpenAPI document.

    The batch endpoint takes payloads as free objects (a bad one is rejected alone), so FastAPI
    cannot see them; those who implement the contract on their own systems need them.
    """
    from advisor_desk.server.services.mutations.payloads import PAYLOADS

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = get_openapi(title=app.title, version=app.version, summary=app.summary, routes=app.routes)
            components = schema.setdefault("components", {}).setdefault("schemas", {})
            kinds = {}
            for kind, model in PAYLOADS.items():
                payload = model.model_json_schema(ref_template="#/components/schemas/{model}")
                components.update(payload.pop("$defs", {}))
                name = f"Mutation_{kind.value.replace('.', '_')}"
                components[name] = payload
                kinds[kind.value] = {"$ref": f"#/components/schemas/{name}"}
            schema["x-mutation-payloads"] = kinds
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
