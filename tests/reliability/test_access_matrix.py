"""Who may do what: every endpoint of the real app x every role x own team / other team x every kind of token.

The endpoints are read from the application's OpenAPI document, so a new endpoint without a row in
``CALLS`` fails :func:`test_every_endpoint_is_in_the_matrix`. Users of the north team (advisor,
store_staff, team_lead) and an admin (team hq) act on north data ("own") and on south data
("other"); an admin may act on every team. Tokens: valid, expired (``401 token_expired``), revoked
by logout, forged (random, or a real token with one character changed) and none (``401
unauthorized``). One server (SQLite) serves the whole module; each case logs in afresh.
"""

from __future__ import annotations

import hashlib
import secrets
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from rootconf import seed_world
from rootconf import serve as _serve
from sqlalchemy import update

from advisor_desk.domain.wire import to_wire
from advisor_desk.server.db import Database
from advisor_desk.server.migrate import upgrade
from advisor_desk.server.models import TokenRow

pytestmark = pytest.mark.allow_threads  # the module's server keeps its worker threads between tests

ROLES = {"advisor": "advisor", "store_staff": "store", "team_lead": "lead", "admin": "admin"}
TEAMS = {"own": "north", "other": "south"}
TOKENS = ["valid", "expired", "revoked", "forged", "tampered", "none"]


@dataclass
class Env:
    server: Any
    world: Any


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Env]:
    path: Path = tmp_path_factory.mktemp("access") / "server.db"
    url = f"sqlite:///{path}"
    database = Database(url)
    upgrade(database)
    database.dispose()
    server = _serve(url, "sqlite")
    world = seed_world(server)
    now = datetime.now(UTC).isoformat().replace("+00:00", "Z")
    # One grant per team, each from its own workstation: decisions and chains to look for.
    for user, team in (("advisor", "north"), ("other", "south")):
        with server.client(user) as http:
            answer = http.post("/api/v1/mutations", json=_batch(f"ws-{team}", [_grant(team, now)]))
            assert answer.json()["results"][0]["status"] == "applied", answer.text
    yield Env(server, world)
    server.stop()


def _batch(workstation: str, mutations: list[dict[str, Any]]) -> dict[str, Any]:
    return {"workstation_id": workstation, "mutations": mutations}


def _grant(team: str, now: str) -> dict[str, Any]:
    return {
        "id": str(uuid.uuid4()),
        "kind": "decision.grant",
        "payload": {
            "decision_id": f"decision-{team}",
            "customer_id": f"c-{team}-1",
            "case_id": f"c-{team}-1-case",
            "gesture": "voucher",
            "amount_cents": 500,
            "currency": "EUR",
            "reason_code": "late_delivery",
            "reason_text": "late",
            "granted_at": now,
            "offline": False,
            "chain": {"seq": 1, "prev_hash": "0" * 64, "hash": hashlib.sha256(team.encode()).hexdigest()},
        },
    }


def _note(team: str) -> dict[str, Any]:
    return {
        "id": str(uuid.uuid4()),
        "kind": "note",
        "payload": {
            "interaction_id": str(uuid.uuid4()),
            "customer_id": f"c-{team}-1",
            "text": "access check",
            "created_at": datetime.now(UTC).isoformat().replace("+00:00", "Z"),
        },
    }


# Each call: (request builder, judge). The judge gets (role, team, response) and asserts what that
# role may see of that team; it runs only for valid tokens (the others must all be 401).
Request = Callable[[httpx.Client, str, Env], httpx.Response]
Judge = Callable[[str, str, httpx.Response, Env], None]


def _sees(role: str, team: str) -> bool:
    return team == "north" or role == "admin"


def _judge_me(role: str, team: str, r: httpx.Response, env: Env) -> None:
    assert r.status_code == 200 and r.json()["user"]["role"] == role


def _judge_changes(role: str, team: str, r: httpx.Response, env: Env) -> None:
    assert r.status_code == 200
    ids = {(c["entity"], c["id"]) for c in r.json()["changes"]}
    assert (("customer", f"c-{team}-1") in ids) == _sees(role, team)
    assert (("decision", f"decision-{team}") in ids) == (
        role == "admin" or (team == "north" and role in ("advisor", "team_lead"))
    )


def _judge_mutations(role: str, team: str, r: httpx.Response, env: Env) -> None:
    assert r.status_code == 200
    result = r.json()["results"][0]
    if _sees(role, team):
        assert result["status"] == "applied", result
    else:
        assert result["status"] == "rejected" and result["reason"].split(":")[0] in (
            "forbidden",
            "unknown_customer",
        )


def _judge_chain(role: str, team: str, r: httpx.Response, env: Env) -> None:
    if _sees(role, team):
        assert r.status_code == 200 and len(r.json()["entries"]) == 1
    else:
        assert r.status_code in (200, 403, 404)
        assert r.status_code != 200 or r.json()["entries"] == []


def _judge_search(role: str, team: str, r: httpx.Response, env: Env) -> None:
    assert r.status_code == 200
    found = {c["id"] for c in r.json()["customers"]}
    assert (f"c-{team}-1" in found) == _sees(role, team)


def _judge_timeline(role: str, team: str, r: httpx.Response, env: Env) -> None:
    if _sees(role, team):
        assert r.status_code == 200 and r.json()["customer"]["id"] == f"c-{team}-1"
        decisions = {d["id"] for d in r.json()["decisions"]}
        assert (f"decision-{team}" in decisions) == (role in ("admin", "team_lead") or role == "advisor")
    else:
        assert r.status_code == 404, r.text


def _judge_decisions(role: str, team: str, r: httpx.Response, env: Env) -> None:
    if role in ("advisor", "store_staff"):
        assert r.status_code == 403, r.text
        return
    assert r.status_code == 200
    ids = {d["id"] for d in r.json()["decisions"]}
    assert (f"decision-{team}" in ids) == _sees(role, team)


def _judge_envelope(role: str, team: str, r: httpx.Response, env: Env) -> None:
    assert r.status_code == (200 if role == "admin" else 403), r.text


def _judge_script(role: str, team: str, r: httpx.Response, env: Env) -> None:
    assert r.status_code == (200 if role in ("admin", "team_lead") else 403), r.text


def _judge_admin_only(role: str, team: str, r: httpx.Response, env: Env) -> None:
    assert r.status_code == (200 if role == "admin" else 403), r.text


def _erase(http: httpx.Client, team: str, env: Env) -> httpx.Response:
    """Erase a customer made for this call (erasure is for good: never the shared ones)."""
    from advisor_desk.domain import model

    customer = model.Customer(f"c-{team}-erase-{uuid.uuid4().hex[:8]}", "Ada", "Erase", team=team)
    env.server.save(customer)
    return http.post(f"/api/v1/customers/{customer.id}/erase", json={"reason_code": "gdpr_art17_request"})


def _judge_logout(role: str, team: str, r: httpx.Response, env: Env) -> None:
    assert r.status_code == 204


_SURNAME = {"north": "Dupont", "south": "Curie"}
# A script the desk's own parser accepts (the server validates with it): the shipped one.
_SCRIPT = (Path(__file__).resolve().parents[2] / "resources/scripts/en/billing_error.toml").read_text("utf-8")

CALLS: dict[tuple[str, str], tuple[Request, Judge]] = {
    ("get", "/api/v1/me"): (lambda h, t, e: h.get("/api/v1/me"), _judge_me),
    ("get", "/api/v1/changes"): (
        lambda h, t, e: h.get("/api/v1/changes", params={"after": "0", "limit": 1000}),
        _judge_changes,
    ),
    ("post", "/api/v1/mutations"): (
        lambda h, t, e: h.post("/api/v1/mutations", json=_batch(f"ws-access-{uuid.uuid4()}", [_note(t)])),
        _judge_mutations,
    ),
    ("get", "/api/v1/chain/{workstation_id}"): (lambda h, t, e: h.get(f"/api/v1/chain/ws-{t}"), _judge_chain),
    ("get", "/api/v1/customers/search"): (
        lambda h, t, e: h.get("/api/v1/customers/search", params={"q": _SURNAME[t]}),
        _judge_search,
    ),
    ("get", "/api/v1/customers/{customer_id}/timeline"): (
        lambda h, t, e: h.get(f"/api/v1/customers/c-{t}-1/timeline"),
        _judge_timeline,
    ),
    ("get", "/api/v1/decisions"): (lambda h, t, e: h.get("/api/v1/decisions"), _judge_decisions),
    ("post", "/api/v1/customers/{customer_id}/erase"): (_erase, _judge_admin_only),
    ("get", "/api/v1/customers/{customer_id}/export"): (
        lambda h, t, e: h.get(f"/api/v1/customers/c-{t}-1/export"),
        _judge_admin_only,
    ),
    ("put", "/api/v1/envelopes/{role}"): (
        lambda h, t, e: h.put("/api/v1/envelopes/advisor", json=to_wire(e.world.envelopes["advisor"])),
        _judge_envelope,
    ),
    ("put", "/api/v1/scripts/{script_id}"): (
        lambda h, t, e: h.put(
            "/api/v1/scripts/access-script",
            json={"category": "billing_error", "language": "en", "body_toml": _SCRIPT},
        ),
        _judge_script,
    ),
    ("post", "/api/v1/auth/logout"): (lambda h, t, e: h.post("/api/v1/auth/logout"), _judge_logout),
}
PUBLIC = {("get", "/health"), ("post", "/api/v1/auth/token"), ("post", "/api/v1/auth/refresh")}


def test_every_endpoint_is_in_the_matrix(env: Env) -> None:
    document = httpx.get(env.server.url + "/openapi.json").json()
    operations = {(method, path) for path, ops in document["paths"].items() for method in ops}
    assert operations == set(CALLS) | PUBLIC


def _token(env: Env, username: str, kind: str) -> str | None:
    if kind == "none":
        return None
    if kind == "forged":
        return secrets.token_urlsafe(32)
    token: str = env.server.login(username)["access_token"]
    if kind == "tampered":
        return token[:-1] + ("A" if token[-1] != "A" else "B")
    if kind == "expired":
        with env.server.database.write() as session:
            session.execute(
                update(TokenRow)
                .where(TokenRow.token_hash == hashlib.sha256(token.encode()).hexdigest())
                .values(expires_at=datetime.now(UTC) - timedelta(seconds=1))
            )
    if kind == "revoked":
        answer = httpx.post(env.server.api + "/auth/logout", headers={"Authorization": f"Bearer {token}"})
        assert answer.status_code == 204
    return token


@pytest.mark.parametrize("token", TOKENS)
@pytest.mark.parametrize("team", list(TEAMS))
@pytest.mark.parametrize("role", list(ROLES))
@pytest.mark.parametrize("call", [f"{m.upper()} {p}" for m, p in CALLS])
def test_access(env: Env, call: str, role: str, team: str, token: str) -> None:
    method, path = call.split(" ", 1)
    request, judge = CALLS[(method.lower(), path)]
    value = _token(env, ROLES[role], token)
    headers = {"Authorization": f"Bearer {value}"} if value is not None else {}
    with httpx.Client(base_url=env.server.url, headers=headers, timeout=30) as http:
        response = request(http, TEAMS[team], env)
    if token == "valid":
        judge(role, TEAMS[team], response, env)
        return
    assert response.status_code == 401, response.text
    error = response.json()["error"]
    assert error["code"] == ("token_expired" if token == "expired" else "unauthorized")
