"""A busy or overloaded centre says how long to wait (Retry-After): the client keeps it, the loop waits it."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
import requests

from advisor_desk.cache.store import LocalCache
from advisor_desk.sync.client import ApiClient, ServerError, TooManyRequests
from advisor_desk.sync.engine import SyncEngine, SyncReport


def answer(status: int, retry_after: str | None) -> requests.Response:
    response = requests.Response()
    response.status_code = status
    response._content = b'{"error": {"code": "unavailable", "message": "busy"}}'
    response.headers["Content-Type"] = "application/json"
    if retry_after is not None:
        response.headers["Retry-After"] = retry_after
    return response


@pytest.mark.parametrize(
    ("header", "seconds"),
    [("7", 7.0), ("0", 0.0), ("-5", 0.0), ("99999", 300.0), ("nan", 0.0), ("Wed, 21 Oct 2026 07:28:00 GMT", 0.0),
     (None, 0.0)],
)  # fmt: skip
def test_an_overloaded_centre_s_503_carries_its_retry_after(header: str | None, seconds: float) -> None:
    error = ApiClient._error(answer(503, header), "GET /changes")
    assert isinstance(error, ServerError)
    assert error.retry_after == seconds


def test_a_429_without_a_usable_header_waits_one_second() -> None:
    error = ApiClient._error(answer(429, "soon"), "POST /mutations")
    assert isinstance(error, TooManyRequests) and error.retry_after == 1.0


def test_the_loop_waits_at_least_what_the_centre_asked(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    cache = LocalCache.open(tmp_path / "desk.cache.sqlite3")
    engine = SyncEngine(cache, ApiClient("http://127.0.0.1:9"), long_poll_wait=0, backoff_base=0.01)
    stop = threading.Event()
    waited: list[float | None] = []

    def sync_once() -> SyncReport:
        return SyncReport(failure=ServerError(detail="GET /changes unavailable", retry_after=42.0))

    def wait(_stop: threading.Event, delay: float | None) -> None:
        waited.append(delay)
        stop.set()

    monkeypatch.setattr(engine, "sync_once", sync_once)
    monkeypatch.setattr(engine, "_wait", wait)
    try:
        engine.run(stop)
    finally:
        cache.close()
    assert waited == [42.0]  # not the short backoff of an ordinary server error
