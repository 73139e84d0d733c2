"""Password guessing, transport security and secrets in logs, end to end.

- Guessing: one username is locked after 5 failures (429 with Retry-After, the right password does
  not get through the lockout); guessing across many usernames from one address is locked after 50.
- TLS: the real server served by uvicorn with a self-signed certificate made here; the desk's
  ApiClient refuses it (no login, no token sent), and accepts it once given as the CA bundle.
- Plain HTTP to a host that is not loopback is refused by ApiClient before any connection.
- Logs: every log record of a full sync (login, push of a grant, pull, refresh after expiry,
  logout), client and server in one process, captured at DEBUG: no token, no password.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import logging
import os
import socket
import ssl
import subprocess
import sys
import time
import uuid
from pathlib import Path

import httpx
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from sqlalchemy import update

from advisor_desk.cache.store import LocalCache
from advisor_desk.server.models import TokenRow
from advisor_desk.sync.client import ApiClient, InsecureServerUrl, SyncError
from advisor_desk.sync.engine import SyncEngine


def _guess(api: str, username: str, password: str) -> httpx.Response:
    return httpx.post(api + "/auth/token", json={"username": username, "password": password}, timeout=30)


def test_guessing_one_password_is_locked_out_with_retry_after(live_server) -> None:
    live_server.seed_world()
    answers = [_guess(live_server.api, "advisor", f"guess-{n}").status_code for n in range(5)]
    assert answers == [401] * 5
    locked = _guess(live_server.api, "advisor", "guess-6")
    assert locked.status_code == 429 and locked.json()["error"]["code"] == "too_many_requests"
    assert int(locked.headers["Retry-After"]) >= 1
    right = _guess(live_server.api, "advisor", "pw")
    assert right.status_code == 429, "the right password must not get through a running lockout"
    assert _guess(live_server.api, "advisor2", "pw").status_code == 200  # others keep working


def test_guessing_across_many_usernames_from_one_address_is_locked_out(live_server) -> None:
    live_server.seed_world()
    statuses = [_guess(live_server.api, f"nobody-{n}", "x").status_code for n in range(50)]
    assert statuses == [401] * 50
    locked = _guess(live_server.api, f"nobody-{uuid.uuid4()}", "x")
    assert locked.status_code == 429 and int(locked.headers["Retry-After"]) >= 1


@pytest.mark.parametrize(
    "url", ["http://203.0.113.7:8765", "http://desk.example.com", "http://[2001:db8::1]"]
)
def test_plain_http_away_from_loopback_is_refused_before_connecting(url: str, monkeypatch) -> None:
    def no_connection(*args: object, **kwargs: object) -> None:
        raise AssertionError("a connection was attempted")

    monkeypatch.setattr(socket, "create_connection", no_connection)
    with pytest.raises(InsecureServerUrl) as refused:
        ApiClient(url).login("advisor", "pw")
    assert refused.value.user_message


def _self_signed(folder: Path) -> tuple[Path, Path]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), False
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    key_file, cert_file = folder / "key.pem", folder / "cert.pem"
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return key_file, cert_file


def test_an_untrusted_certificate_is_refused_and_a_given_ca_is_trusted(live_server, tmp_path) -> None:
    live_server.seed_world()
    key_file, cert_file = _self_signed(tmp_path)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "advisor_desk.server.app:create_app",
            "--factory",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--ssl-keyfile",
            str(key_file),
            "--ssl-certfile",
            str(cert_file),
            "--log-level",
            "warning",
        ],
        env={**os.environ, "ADVISOR_DESK_DATABASE_URL": live_server.database_url},
    )
    url = f"https://127.0.0.1:{port}"
    try:
        trust = ssl.create_default_context(cafile=str(cert_file))
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                httpx.get(url + "/health", verify=trust, timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        untrusting = ApiClient(url)
        with pytest.raises(SyncError) as refused:
            untrusting.login("advisor", "pw")
        assert not untrusting.has_session
        assert "certificate" in (refused.value.user_message + refused.value.detail).lower()
        untrusting.close()
        trusting = ApiClient(url, verify=str(cert_file))
        assert trusting.login("advisor", "pw").user.username == "advisor"
        trusting.close()
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_no_token_or_password_in_any_log_record_of_a_full_sync(live_server, tmp_path, caplog) -> None:
    live_server.seed_world()
    password = "pw-" + uuid.uuid4().hex
    live_server.create_user("logged", password=password, role="advisor", team="north")
    caplog.set_level(logging.DEBUG)
    tokens: list[str] = []
    cache = LocalCache.open(tmp_path / "desk.sqlite3")
    client = ApiClient(
        live_server.url, on_tokens=lambda t: tokens.extend([t.access_token, t.refresh_token]) if t else None
    )
    try:
        client.login("logged", password)
        engine = SyncEngine(cache, client, long_poll_wait=0)
        assert engine.sync_once().ok
        user = cache.current_user()
        assert user is not None
        cache.grant_gesture(
            user, "c-north-1", "c-north-1-case", "voucher", 500, "EUR", "late_delivery", "late"
        )
        with live_server.database.write() as session:  # expire: the next sync refreshes
            session.execute(
                update(TokenRow).where(TokenRow.kind == "access").values(expires_at=dt.datetime.now(dt.UTC))
            )
        assert engine.sync_once().ok
        client.logout()
    finally:
        client.close()
        cache.close()
    assert len(set(tokens)) >= 4, "login and refresh each gave an access and a refresh token"
    assert caplog.records, "nothing was logged: the test would prove nothing"
    text = "\n".join(r.getMessage() + " " + repr(r.args) for r in caplog.records)
    for secret in [password, *tokens]:
        assert secret not in text, f"a secret ({secret[:4]}...) is in the logs"
