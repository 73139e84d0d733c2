"""The API client against a real misbehaving socket server: every garbage answer becomes a typed error
with a sentence a user can read, never a stray exception."""

from __future__ import annotations

import pytest
from sync_faults import FaultyProxy, free_port

from advisor_desk.sync.client import (
    ApiClient,
    BadAnswer,
    InsecureServerUrl,
    ServerError,
    TokenSet,
    Unreachable,
    check_changes,
    check_results,
    normalise_server_url,
)


@pytest.fixture
def proxy():
    p = FaultyProxy(f"http://127.0.0.1:{free_port()}")
    yield p
    p.close()


def _client(url: str) -> ApiClient:
    client = ApiClient(url, timeout=(2, 1.5))
    client.set_refresh_token("not-used")
    return client


@pytest.mark.parametrize(
    ("fault", "error"),
    [
        ("reset", Unreachable),
        ("hang", Unreachable),
        ("500", ServerError),
        ("503", ServerError),
        ("html", BadAnswer),
        ("garbage", BadAnswer),
        ("wrong_shape", BadAnswer),
        ("redirect", BadAnswer),
    ],
)
def test_a_misbehaving_server_gives_a_typed_error(proxy: FaultyProxy, fault: str, error: type) -> None:
    proxy.fault = fault
    client = ApiClient(proxy.url, timeout=(2, 1.5))
    try:
        with pytest.raises(error) as caught:
            client.health()
        assert caught.value.user_message
        assert "Traceback" not in caught.value.user_message
    finally:
        client.close()


def test_a_truncated_body_is_a_bad_answer(proxy: FaultyProxy) -> None:
    # the proxy relays half of the upstream's body: here the upstream is the proxy's own canned page
    inner = FaultyProxy(f"http://127.0.0.1:{free_port()}")
    inner.fault = "wrong_shape"
    proxy.upstream_port = inner.port
    proxy.fault = "truncate"
    client = ApiClient(proxy.url, timeout=(2, 3))
    try:
        with pytest.raises(BadAnswer) as caught:
            client.health()
        assert "cut short" in caught.value.user_message
    finally:
        client.close()
        inner.close()


def test_connection_refused_is_unreachable() -> None:
    client = _client(f"http://127.0.0.1:{free_port()}")
    try:
        with pytest.raises(Unreachable) as caught:
            client.changes("0")
        assert "cannot be reached" in caught.value.user_message
    finally:
        client.close()


@pytest.mark.parametrize(
    "url",
    ["http://desk.example.com", "http://10.0.0.5:8000", "ftp://127.0.0.1", "desk.example.com", "https://"],
)
def test_plain_http_is_refused_away_from_loopback(url: str) -> None:
    with pytest.raises(InsecureServerUrl):
        ApiClient(url)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://127.0.0.1:8000/", "http://127.0.0.1:8000"),
        ("http://127.8.9.10:80", "http://127.8.9.10:80"),
        ("http://[::1]:8000", "http://[::1]:8000"),
        ("http://localhost:8000/api/v1", "http://localhost:8000"),
        ("https://desk.example.com/crm/", "https://desk.example.com/crm"),
    ],
)
def test_allowed_addresses_are_normalised(url: str, expected: str) -> None:
    assert normalise_server_url(url) == expected


def test_plain_http_elsewhere_only_when_explicitly_allowed() -> None:
    assert normalise_server_url("http://10.0.0.5:8000", allow_insecure_http=True) == "http://10.0.0.5:8000"


def test_certificate_verification_cannot_be_turned_off() -> None:
    with pytest.raises(ValueError):
        ApiClient("https://desk.example.com", verify=False)


def test_tokens_never_show_in_a_repr() -> None:
    tokens = TokenSet("access-secret-value", "refresh-secret-value", 0.0)
    assert "secret" not in repr(tokens)


@pytest.mark.parametrize(
    "body",
    [
        None,
        [],
        {"changes": {}, "next": "1", "has_more": False},
        {"changes": [], "next": 1, "has_more": False},
        {"changes": [], "next": "1", "has_more": "no"},
        {
            "changes": [{"cursor": "1", "entity": "martian", "op": "upsert", "id": "x", "data": {}}],
            "next": "1",
            "has_more": False,
        },
        {
            "changes": [{"cursor": "1", "entity": "customer", "op": "merge", "id": "x", "data": {}}],
            "next": "1",
            "has_more": False,
        },
        {
            "changes": [{"cursor": "1", "entity": "customer", "op": "upsert", "id": "x", "data": None}],
            "next": "1",
            "has_more": False,
        },
        {
            "changes": [{"cursor": "1", "entity": "customer", "op": "delete", "id": "x", "data": {"a": 1}}],
            "next": "1",
            "has_more": False,
        },
        {
            "changes": [{"cursor": "1", "entity": "customer", "op": "upsert", "id": "", "data": {}}],
            "next": "1",
            "has_more": False,
        },
    ],
)
def test_a_changes_page_of_the_wrong_shape_is_refused(body: object) -> None:
    with pytest.raises(BadAnswer):
        check_changes(body)


@pytest.mark.parametrize(
    "body",
    [
        {"results": []},
        {"results": [{"id": "b", "status": "applied", "reason": None, "data": None}]},
        {"results": [{"id": "a", "status": "done", "reason": None, "data": None}]},
        {"results": [{"id": "a", "status": "applied", "reason": 3, "data": None}]},
        {"results": [{"id": "a", "status": "applied", "reason": None, "data": []}]},
        {"results": [{"id": "a", "status": "applied"}, {"id": "b", "status": "applied"}]},
    ],
)
def test_results_must_answer_each_mutation_in_order(body: object) -> None:
    with pytest.raises(BadAnswer):
        check_results(body, ["a"])
