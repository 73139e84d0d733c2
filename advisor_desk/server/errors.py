"""API errors and the handlers that give every error the contract's JSON body.

Every 4xx/5xx answer is ``{"error": {"code", "message", "details"}}`` (API.md, Conventions).
Services raise :class:`ApiError`; framework errors (validation, unknown routes, wrong methods) and
anything unexpected are translated here, so no caller ever sees an HTML page or a bare 500.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DataError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from starlette.exceptions import HTTPException as StarletteHTTPException

log = logging.getLogger("advisor_desk.server")

_CODE_BY_STATUS = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    410: "reset_required",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "validation_error",
    429: "too_many_requests",
    503: "unavailable",
}


class ApiError(Exception):
    """An answer other than success, with its machine code and an English message."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        details: Any = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.details = details
        self.headers = headers


def unauthorized(message: str = "Authentication required.", code: str = "unauthorized") -> ApiError:
    return ApiError(401, code, message, headers={"WWW-Authenticate": "Bearer"})


def forbidden(message: str = "Your role does not allow this.") -> ApiError:
    return ApiError(403, "forbidden", message)


def not_found(message: str = "Not found.") -> ApiError:
    return ApiError(404, "not_found", message)


def error_body(code: str, message: str, details: Any = None) -> dict[str, Any]:
    return {"error": {"code": code, "message": message, "details": details}}


def error_response(
    status: int, code: str, message: str, details: Any = None, headers: dict[str, str] | None = None
) -> JSONResponse:
    return JSONResponse(error_body(code, message, details), status_code=status, headers=headers)


def _validation_details(exc: RequestValidationError) -> list[dict[str, Any]]:
    # Only where and what: the offending input is left out (it may hold customer data).
    return [
        {"loc": [str(p) for p in e.get("loc", ())], "type": e.get("type", ""), "msg": e.get("msg", "")}
        for e in exc.errors()
    ]


async def _on_api_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    return error_response(exc.status, exc.code, exc.message, exc.details, exc.headers)


async def _on_validation_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    details = _validation_details(exc)
    if any(d["type"] == "json_invalid" for d in details):
        return error_response(400, "bad_request", "The request body is not valid JSON.", details)
    return error_response(422, "validation_error", "The request does not have the expected shape.", details)


async def _on_http_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    code = _CODE_BY_STATUS.get(exc.status_code, "bad_request" if exc.status_code < 500 else "internal")
    message = exc.detail if isinstance(exc.detail, str) else "The request cannot be served."
    return error_response(exc.status_code, code, message, None, dict(exc.headers or {}) or None)


async def _on_database_down(request: Request, exc: Exception) -> JSONResponse:
    # Connection lost, lock wait exhausted: nothing was committed, the client may retry.
    log.warning("database unavailable on %s %s: %s", request.method, request.url.path, type(exc).__name__)
    return error_response(
        503,
        "unavailable",
        "The database is unavailable; the request was not applied.",
        None,
        {"Retry-After": "5"},
    )


async def _on_overloaded(request: Request, exc: Exception) -> JSONResponse:
    # Every database connection of this process stayed busy for the pool's whole timeout: the
    # server is overloaded. Nothing was done; the client waits Retry-After seconds and tries again.
    log.warning("no database connection free on %s %s", request.method, request.url.path)
    return error_response(
        503,
        "unavailable",
        "The server is overloaded; the request was not applied. Try again after Retry-After seconds.",
        None,
        {"Retry-After": "2"},
    )


async def _on_unstorable(request: Request, exc: Exception) -> JSONResponse:
    # A value the database refuses (a NUL character in text for PostgreSQL): the transaction was
    # rolled back, the request is at fault.
    log.info("unstorable value on %s %s", request.method, request.url.path)
    return error_response(422, "validation_error", "The request holds a value that cannot be stored.")


async def _on_unexpected(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unexpected error on %s %s", request.method, request.url.path)
    return error_response(500, "internal", "The server failed to answer; the request was not applied.")


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(ApiError, _on_api_error)
    app.add_exception_handler(RequestValidationError, _on_validation_error)
    app.add_exception_handler(StarletteHTTPException, _on_http_error)
    app.add_exception_handler(OperationalError, _on_database_down)
    app.add_exception_handler(PoolTimeout, _on_overloaded)
    app.add_exception_handler(DataError, _on_unstorable)
    app.add_exception_handler(Exception, _on_unexpected)
