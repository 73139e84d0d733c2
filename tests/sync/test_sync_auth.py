"""Token refresh on 401, and a clean "log in again" when the session is over, losing nothing."""

from __future__ import annotations

import pytest
from sync_support import PASSWORD, expire_access_tokens, outbox_rows, revoke_all_tokens

from advisor_desk.sync.client import ApiClient, BadCredentials, NeedsLogin, TokenSet
from advisor_desk.sync.engine import SyncState


def test_an_expired_access_token_is_refreshed_and_the_call_retried(live_server) -> None:
    live_server.create_user("alice")
    seen: list[TokenSet | None] = []
    client = ApiClient(live_server.url, on_tokens=seen.append)
    try:
        client.login("alice", PASSWORD)
        first = seen[-1]
        assert first is not None
        expire_access_tokens(live_server)
        me = client.me()
        assert me["user"]["username"] == "alice"
        assert len(seen) == 2
        assert seen[-1] is not None and seen[-1].refresh_token != first.refresh_token  # rotated
        # the rotated token resumes a session in a new process
        other = ApiClient(live_server.url)
        other.set_refresh_token(seen[-1].refresh_token)
        assert other.me()["user"]["username"] == "alice"
        other.close()
    finally:
        client.close()


def test_a_wrong_password_is_bad_credentials(live_server) -> None:
    live_server.create_user("alice")
    client = ApiClient(live_server.url)
    try:
        with pytest.raises(BadCredentials) as caught:
            client.login("alice", "not the password")
        assert "password" in caught.value.user_message
    finally:
        client.close()


def test_a_revoked_session_asks_for_login_and_keeps_the_outbox(live_server, desks) -> None:
    live_server.seed_world()
    desk = desks(live_server.url, "advisor")
    assert desk.engine.sync_once().ok
    states: list[SyncState] = []
    desk.engine.state_listeners.add(states.append)
    desk.cache.add_note("c-north-1", None, "asked for a call back", desk.user)
    revoke_all_tokens(live_server)

    report = desk.engine.sync_once()
    assert isinstance(report.failure, NeedsLogin)
    assert desk.engine.state is SyncState.NEEDS_LOGIN
    assert states[-1] is SyncState.NEEDS_LOGIN
    assert "log in again" in desk.engine.last_error
    assert [status for _, _, status in outbox_rows(desk.path)] == ["pending"]

    desk.client.login("advisor", PASSWORD)
    report = desk.engine.sync_once()
    assert report.ok, report.errors
    assert report.applied == 1
    assert [status for _, _, status in outbox_rows(desk.path)] == ["confirmed"]
    assert desk.engine.state is SyncState.ONLINE


def test_logout_ends_the_session_on_the_server(live_server) -> None:
    live_server.create_user("alice")
    client = ApiClient(live_server.url)
    try:
        client.login("alice", PASSWORD)
        client.logout()
        assert not client.has_session
        with pytest.raises(NeedsLogin):
            client.me()
    finally:
        client.close()
