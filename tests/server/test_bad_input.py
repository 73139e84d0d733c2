"""Bad input gets a 4xx with the contract's JSON error body, never a 500, and writes nothing."""

from __future__ import annotations

import socket
import uuid
from pathlib import Path
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from server.support import drain, mutation, now_iso, push


def _error(response: httpx.Response) -> dict[str, Any]:
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message", "details"}
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]
    error: dict[str, Any] = body["error"]
    return error


@pytest.fixture
def advisor(live_server) -> httpx.Client:
    live_server.seed_world()
    return live_server.client("advisor")


def test_malformed_json_is_a_bad_request(advisor: httpx.Client) -> None:
    for body in (b"{", b"not json", b'{"workstation_id": "w", "mutations": [}', b"\xff\xfe"):
        response = advisor.post(
            "/api/v1/mutations", content=body, headers={"content-type": "application/json"}
        )
        assert response.status_code == 400, body
        assert _error(response)["code"] == "bad_request"


def test_non_standard_json_numbers_are_refused_cleanly(advisor: httpx.Client) -> None:
    raw = '{"workstation_id": "w", "mutations": [{"id": "%s", "kind": "csat", "payload": {"score": NaN, "x": Infinity}}]}'
    response = advisor.post(
        "/api/v1/mutations", content=raw % uuid.uuid4(), headers={"content-type": "application/json"}
    )
    assert response.status_code in (200, 400, 422)
    if response.status_code == 200:
        assert response.json()["results"][0]["status"] == "rejected"
    else:
        _error(response)


@pytest.mark.parametrize(
    "body",
    [
        {},
        [],
        "text",
        {"workstation_id": 5, "mutations": []},
        {"workstation_id": "w", "mutations": "many"},
        {"workstation_id": "w", "mutations": [{"id": "x", "kind": "note"}]},
        {"workstation_id": "w", "mutations": [], "extra": True},
        {"workstation_id": "w", "mutations": [{"id": "x", "kind": "note", "payload": [], "more": 1}]},
        {"workstation_id": "", "mutations": []},
    ],
)
def test_wrong_shapes_are_validation_errors(advisor: httpx.Client, body: Any) -> None:
    response = advisor.post("/api/v1/mutations", json=body)
    assert response.status_code == 422
    error = _error(response)
    assert error["code"] == "validation_error" and isinstance(error["details"], list)


def test_more_than_a_hundred_mutations_is_refused_whole(advisor: httpx.Client, live_server) -> None:
    notes = [
        mutation(
            "note",
            {
                "interaction_id": str(uuid.uuid4()),
                "customer_id": "c-north-1",
                "text": "n",
                "created_at": now_iso(),
            },
        )
        for _ in range(101)
    ]
    _, cursor = drain(advisor)
    response = advisor.post("/api/v1/mutations", json={"workstation_id": "w", "mutations": notes})
    assert response.status_code == 422
    assert drain(advisor, after=cursor)[0] == [], "nothing of the batch was applied"


def test_oversized_bodies_are_refused_before_being_read(advisor: httpx.Client, live_server) -> None:
    big = {"username": "x", "password": "y" * (1024 * 1024)}
    response = advisor.post("/api/v1/auth/token", json=big)
    assert response.status_code == 413
    assert _error(response)["code"] == "payload_too_large"

    def chunks():
        for _ in range(40):
            yield b"a" * 65536

    streamed = advisor.post(
        "/api/v1/mutations", content=chunks(), headers={"content-type": "application/json"}
    )
    assert streamed.status_code == 413, "counted as it streams, without Content-Length"


def test_a_lying_content_length_is_refused_without_waiting_for_the_body(live_server) -> None:
    host, port = live_server.url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        sock.sendall(
            b"POST /api/v1/auth/token HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            b"Content-Length: 50000000\r\n\r\n{"
        )
        answer = sock.recv(4096)
    assert answer.startswith(b"HTTP/1.1 413")


def test_unknown_ids_and_routes_are_404(advisor: httpx.Client) -> None:
    for path in (
        "/api/v1/customers/nobody/timeline",
        "/api/v1/customers/c-south-1/timeline",
        "/api/v1/nothing-here",
    ):
        response = advisor.get(path)
        assert response.status_code == 404, path
        assert _error(response)["code"] == "not_found"
    wrong_method = advisor.delete("/api/v1/me")
    assert wrong_method.status_code == 405
    _error(wrong_method)


def test_unknown_enum_values_are_refused(advisor: httpx.Client, live_server) -> None:
    admin = live_server.client("admin")
    envelope = {
        "role": "wizard",
        "currency": "EUR",
        "daily_budget_cents": 1,
        "per_customer_30d_cents": 1,
        "gestures": [],
    }
    assert admin.put("/api/v1/envelopes/wizard", json=envelope).status_code == 422
    envelope["role"] = "advisor"
    envelope["gestures"] = [{"code": "teleport", "max_per_decision_cents": 5}]
    response = admin.put("/api/v1/envelopes/advisor", json=envelope)
    assert response.status_code == 422 and _error(response)["code"] == "validation_error"
    assert advisor.get("/api/v1/decisions", params={"gesture": "teleport"}).status_code in (403, 422)


def test_roles_are_checked_on_administration(live_server) -> None:
    world = live_server.seed_world()
    envelope = {
        "role": "advisor",
        "currency": "EUR",
        "daily_budget_cents": 20_000,
        "per_customer_30d_cents": 9_000,
        "gestures": [{"code": "voucher", "max_per_decision_cents": 6_000}],
    }
    for username in ("advisor", "lead", "store"):
        response = live_server.client(username).put("/api/v1/envelopes/advisor", json=envelope)
        assert response.status_code == 403, username
    admin = live_server.client("admin")
    assert admin.put("/api/v1/envelopes/advisor", json={**envelope, "surprise": 1}).status_code == 422
    assert admin.put("/api/v1/envelopes/advisor", json=envelope).status_code == 200
    me = live_server.client("advisor").get("/api/v1/me").json()["authority"]
    assert me["daily_budget_cents"] == 20_000 and me["gestures"] == [
        {"code": "voucher", "max_per_decision_cents": 6_000}
    ]
    changes, _ = drain(live_server.client("advisor"))
    [envelope_change] = [c for c in changes if c["entity"] == "envelope"]
    assert envelope_change["data"]["daily_budget_cents"] == 20_000

    shipped = Path(__file__).parents[2] / "resources" / "scripts" / "fr" / "late_delivery.toml"
    script = {"category": "late_delivery", "language": "fr", "body_toml": shipped.read_text(encoding="utf-8")}
    assert live_server.client("advisor").put("/api/v1/scripts/s1", json=script).status_code == 403
    lead = live_server.client("lead")
    assert lead.put("/api/v1/scripts/s1", json={**script, "body_toml": "= broken"}).status_code == 422
    unusable = lead.put("/api/v1/scripts/s1", json={**script, "body_toml": 'title = "Retard"\n'})
    assert unusable.status_code == 422 and _error(unusable)["details"], "problems are listed"
    assert lead.put("/api/v1/scripts/s1", json={**script, "category": "nonsense"}).status_code == 422
    saved = lead.put("/api/v1/scripts/s1", json=script)
    assert saved.status_code == 200 and saved.json()["updated_at"]
    assert any(c["entity"] == "script" and c["id"] == "s1" for c in drain(live_server.client("other"))[0])
    assert world.users["admin"].role.value == "admin"


def test_token_endpoint_validates_its_body(live_server) -> None:
    for body in (
        {"username": "a"},
        {"username": "", "password": "x"},
        {"username": "a", "password": "b", "c": 1},
        {"username": 1, "password": 2},
    ):
        response = httpx.post(live_server.api + "/auth/token", json=body)
        assert response.status_code == 422
        _error(response)
    assert httpx.post(live_server.api + "/auth/refresh", json={"refresh_token": "x" * 500}).status_code == 422


JSONISH = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=12,
)
KINDS = [
    "reply",
    "note",
    "case.status",
    "case.acknowledge",
    "case.assign",
    "decision.grant",
    "decision.revoke",
    "csat",
    "followup",
    "followup.outcome",
    "review.mark",
    "escalation",
    "escalation.answer",
    "nonsense",
]


@pytest.mark.allow_threads
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(kind=st.sampled_from(KINDS), payload=st.dictionaries(st.text(max_size=15), JSONISH, max_size=6))
def test_random_payloads_never_break_the_server(
    advisor: httpx.Client, kind: str, payload: dict[str, Any]
) -> None:
    response = advisor.post(
        "/api/v1/mutations", json={"workstation_id": "fuzz", "mutations": [mutation(kind, payload)]}
    )
    assert response.status_code == 200, response.text
    [result] = response.json()["results"]
    assert result["status"] == "rejected"


@pytest.mark.allow_threads
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=JSONISH)
def test_random_bodies_get_json_errors(advisor: httpx.Client, body: Any) -> None:
    for path in ("/api/v1/mutations", "/api/v1/auth/token", "/api/v1/auth/refresh"):
        response = advisor.post(path, json=body)
        assert 400 <= response.status_code < 500, (path, response.status_code, response.text)
        _error(response)


def test_nul_characters_are_refused_everywhere(advisor: httpx.Client, live_server) -> None:
    # PostgreSQL text cannot hold NUL: it must be a clean refusal on both backends, never a 500.
    note = mutation(
        "note",
        {
            "interaction_id": str(uuid.uuid4()),
            "customer_id": "c-north-1",
            "text": "a\x00b",
            "created_at": now_iso(),
        },
    )
    odd_field = mutation("note", {"\x00": 1})
    results = push(advisor, note, odd_field)
    assert [r["status"] for r in results] == ["rejected", "rejected"]
    assert all(r["reason"].startswith("invalid_payload") and "\x00" not in r["reason"] for r in results)
    for response in (
        advisor.post("/api/v1/mutations", json={"workstation_id": "w\x00", "mutations": []}),
        httpx.post(live_server.api + "/auth/token", json={"username": "a\x00", "password": "b"}),
        advisor.get("/api/v1/customers/search", params={"q": "du\x00pont"}),
        advisor.get("/api/v1/customers/c%00/timeline"),
        advisor.get("/api/v1/chain/ws%00"),
    ):
        assert 400 <= response.status_code < 500, response.text
        _error(response)
