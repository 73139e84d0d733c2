"""What the sync writes to its logs: ids and counts, never a customer's personal data or a token."""

from __future__ import annotations

import logging

from sync_support import PASSWORD, grant

from advisor_desk.sync.client import ApiClient


def test_a_sync_session_logs_no_personal_data_and_no_token(live_server, desks, proxy_factory, caplog) -> None:
    live_server.seed_world()
    caplog.set_level(logging.DEBUG)
    tokens: list[str] = []
    proxy = proxy_factory(live_server.url)
    desk = desks(proxy.url, "advisor", page_size=2)
    assert desk.engine.sync_once().ok
    desk.cache.add_note("c-north-1", None, "Mme Dupont prefers a call after 6pm", desk.user)
    grant(desk, "c-north-1", 800)
    proxy.fault = "garbage"
    desk.engine.sync_once()
    proxy.fault = "pass"
    desk.engine.fetch_customer("c-north-2")
    desk.engine.sync_once()
    # a session resumed from a refresh token, then ended
    client = ApiClient(
        live_server.url, on_tokens=lambda t: tokens.extend([t.access_token, t.refresh_token] if t else [])
    )
    client.login("advisor", PASSWORD)
    client.me()
    client.logout()
    client.close()

    text = caplog.text
    assert "sync: pulled=" in text  # the counts are there
    secrets = [
        "Hélène",
        "Dupont",
        "John",
        "Smith",
        "hélène.dupont@example.com",
        "john.smith@example.com",
        "06 12 34 56 78",
        "7700 900123",
        "LC-C-NORTH-1",
        "prefers a call",
        "Where is my parcel",
        PASSWORD,
    ]
    for secret in secrets + tokens:
        assert secret.lower() not in text.lower(), secret
