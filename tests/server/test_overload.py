"""Overload is a 503 with Retry-After, never a 500: every connection of the pool stayed busy.

The load test (tests/benchmarks/load_test.py) relies on it: a request that found no free database
connection within the pool's timeout did nothing, and the client may try again after Retry-After.
"""

from __future__ import annotations

import asyncio
import os
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import text
from sqlalchemy.exc import TimeoutError as PoolTimeout

from advisor_desk.server.app import create_app
from advisor_desk.server.auth import create_user
from advisor_desk.server.db import Database
from advisor_desk.server.errors import install_error_handlers
from advisor_desk.server.settings import ServerSettings


def _call(app: FastAPI, method: str, path: str, **kw: Any) -> httpx.Response:
    async def go() -> httpx.Response:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            return await client.request(method, path, **kw)

    return asyncio.run(go())


def test_a_pool_timeout_is_answered_503_with_retry_after() -> None:
    app = FastAPI()
    install_error_handlers(app)

    @app.get("/busy")
    def busy() -> None:
        raise PoolTimeout("QueuePool limit of size 1 overflow 0 reached")

    response = _call(app, "GET", "/busy")
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "2"
    assert response.json()["error"]["code"] == "unavailable"
    assert "QueuePool" not in response.text  # nothing of the internals leaks


@pytest.mark.postgres
# PostgreSQL only, where the tests have it (CI does): SQLite has no bounded pool to run out of.
@pytest.mark.parametrize(
    "database_url", ["postgres"] if os.environ.get("ADVISOR_DESK_TEST_POSTGRES_URL") else [], indirect=True
)
def test_a_server_whose_connections_are_all_busy_answers_503(database_url: str) -> None:
    assert database_url.startswith("postgresql")
    database = Database(database_url, pool_size=1, max_overflow=0, pool_timeout=0.3)
    try:
        with database.write() as session:
            create_user(session, "busy", "pw-busy", "advisor", "north", "Busy")
        app = create_app(ServerSettings(password_time_cost=1), database)
        token = _call(app, "POST", "/api/v1/auth/token", json={"username": "busy", "password": "pw-busy"})
        assert token.status_code == 200, token.text
        headers = {"Authorization": "Bearer " + token.json()["access_token"]}
        with database.engine.connect() as held:  # the pool's only connection
            held.execute(text("SELECT 1"))
            response = _call(app, "GET", "/api/v1/me", headers=headers)
        assert response.status_code == 503, response.text
        assert response.headers["Retry-After"] == "2"
        assert _call(app, "GET", "/api/v1/me", headers=headers).status_code == 200  # free again
    finally:
        database.dispose()
