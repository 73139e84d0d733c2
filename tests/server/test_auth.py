"""Logging in, refreshing, logging out; tokens that expired, were revoked or never existed."""

from __future__ import annotations

from datetime import timedelta

import httpx
import pytest
from sqlalchemy import update

from advisor_desk.server.auth import hash_token, now_utc
from advisor_desk.server.models import TokenRow

ROLES = {"advisor": "advisor", "store": "store_staff", "lead": "team_lead", "admin": "admin"}


def _error(response: httpx.Response) -> str:
    body = response.json()
    assert set(body["error"]) == {"code", "message", "details"}
    code: str = body["error"]["code"]
    return code


def test_every_role_logs_in_and_sees_itself(live_server) -> None:
    world = live_server.seed_world()
    for username, role in ROLES.items():
        answer = live_server.login(username)
        assert answer["token_type"] == "bearer"
        assert answer["expires_in"] == 15 * 60
        assert answer["user"]["role"] == role
        assert answer["user"]["id"] == world.users[username].id
        me = httpx.get(
            live_server.api + "/me", headers={"Authorization": f"Bearer {answer['access_token']}"}
        ).json()
        assert me["user"]["username"] == username
        assert me["authority"]["daily_budget_cents"] == world.envelopes[role].daily_budget_cents
        assert me["authority"]["remaining_today_cents"] == world.envelopes[role].daily_budget_cents


def test_wrong_password_and_unknown_user_get_401(live_server) -> None:
    live_server.create_user("alice")
    for body in ({"username": "alice", "password": "nope"}, {"username": "bob", "password": "pw"}):
        response = httpx.post(live_server.api + "/auth/token", json=body)
        assert response.status_code == 401
        assert _error(response) == "unauthorized"


def test_repeated_failures_are_throttled_with_retry_after(live_server) -> None:
    live_server.create_user("alice")
    statuses = [
        httpx.post(live_server.api + "/auth/token", json={"username": "alice", "password": "x"}).status_code
        for _ in range(6)
    ]
    assert statuses == [401] * 5 + [429]
    response = httpx.post(live_server.api + "/auth/token", json={"username": "alice", "password": "pw"})
    assert response.status_code == 429, "even the right password waits out the lockout"
    assert _error(response) == "too_many_requests"
    assert int(response.headers["Retry-After"]) >= 1
    # Another user from the same address is not locked out by alice's failures.
    live_server.create_user("bob")
    assert live_server.login("bob")["user"]["username"] == "bob"


def test_refresh_rotates_and_a_replayed_refresh_token_ends_the_session(live_server) -> None:
    live_server.create_user("alice")
    first = live_server.login("alice")
    second = httpx.post(live_server.api + "/auth/refresh", json={"refresh_token": first["refresh_token"]})
    assert second.status_code == 200
    second_tokens = second.json()
    assert second_tokens["refresh_token"] != first["refresh_token"]
    me = httpx.get(live_server.api + "/me", headers={"Authorization": f"Bearer {first['access_token']}"})
    assert me.status_code == 401, "the rotation ends the old access token"
    replay = httpx.post(live_server.api + "/auth/refresh", json={"refresh_token": first["refresh_token"]})
    assert replay.status_code == 401
    # The replay revoked the whole session, including the pair issued by the rotation.
    headers = {"Authorization": f"Bearer {second_tokens['access_token']}"}
    assert httpx.get(live_server.api + "/me", headers=headers).status_code == 401
    again = httpx.post(
        live_server.api + "/auth/refresh", json={"refresh_token": second_tokens["refresh_token"]}
    )
    assert again.status_code == 401


def test_logout_revokes_access_and_refresh(live_server) -> None:
    live_server.create_user("alice")
    tokens = live_server.login("alice")
    headers = {"Authorization": f"Bearer {tokens['access_token']}"}
    assert httpx.post(live_server.api + "/auth/logout", headers=headers).status_code == 204
    response = httpx.get(live_server.api + "/me", headers=headers)
    assert response.status_code == 401
    assert _error(response) == "unauthorized"
    refresh = httpx.post(live_server.api + "/auth/refresh", json={"refresh_token": tokens["refresh_token"]})
    assert refresh.status_code == 401


def test_expired_tokens_say_token_expired(live_server) -> None:
    live_server.create_user("alice")
    tokens = live_server.login("alice")
    with live_server.database.write() as session:
        session.execute(
            update(TokenRow)
            .where(
                TokenRow.token_hash.in_(
                    [hash_token(tokens["access_token"]), hash_token(tokens["refresh_token"])]
                )
            )
            .values(expires_at=now_utc() - timedelta(seconds=1))
        )
    response = httpx.get(
        live_server.api + "/me", headers={"Authorization": f"Bearer {tokens['access_token']}"}
    )
    assert response.status_code == 401
    assert _error(response) == "token_expired"
    refresh = httpx.post(live_server.api + "/auth/refresh", json={"refresh_token": tokens["refresh_token"]})
    assert refresh.status_code == 401
    assert _error(refresh) == "token_expired"


@pytest.mark.parametrize(
    "authorization",
    [None, "", "Bearer", "Bearer forged-token", "Basic YWxpY2U6cHc=", "Bearer " + "x" * 5000],
)
def test_missing_or_forged_tokens_get_401(live_server, authorization: str | None) -> None:
    headers = {} if authorization is None else {"Authorization": authorization}
    response = httpx.get(live_server.api + "/me", headers=headers)
    assert response.status_code == 401
    assert _error(response) == "unauthorized"


def test_health_says_when_the_database_is_unreachable(live_server_factory, tmp_path) -> None:
    # A SQLite file in a folder that does not exist cannot be opened: the server answers, the
    # database does not.
    server = live_server_factory(f"sqlite:///{tmp_path / 'missing' / 'server.db'}")
    response = httpx.get(server.url + "/health")
    assert response.status_code == 503
    assert response.json() == {"status": "degraded", "database": "unreachable"}
    login = httpx.post(server.api + "/auth/token", json={"username": "a", "password": "b"})
    assert login.status_code == 503
    assert _error(login) == "unavailable" and login.headers["Retry-After"] == "5"
