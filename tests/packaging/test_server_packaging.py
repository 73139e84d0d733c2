"""The central API's production packaging: systemd unit, environment file, nginx proxy.

The unit's own ExecStart command is run for real (uvicorn workers over a fresh database, SQLite and
PostgreSQL when configured): a typo in the factory path or an option uvicorn does not know fails here.
"""

from __future__ import annotations

import json
import re
import shlex
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from packaging_files import NGINX, read_env, read_unit

from advisor_desk.server.settings import ServerSettings

HARDENING = {
    "NoNewPrivileges": "yes",
    "ProtectSystem": "strict",
    "ProtectHome": "yes",
    "PrivateTmp": "yes",
    "PrivateDevices": "yes",
    "RestrictSUIDSGID": "yes",
    "CapabilityBoundingSet": "",
}


def _exec_start() -> list[str]:
    return shlex.split(read_unit()["Service"]["ExecStart"])


def _option(argv: list[str], name: str) -> str:
    return argv[argv.index(name) + 1]


def test_unit_runs_the_app_factory_as_a_dedicated_user() -> None:
    unit = read_unit()
    service = unit["Service"]
    assert service["User"] == service["Group"] == "advisor-desk"
    assert service["EnvironmentFile"] == "/etc/advisor-desk/server.env"
    assert service["Restart"] == "on-failure"
    assert unit["Install"]["WantedBy"] == "multi-user.target"
    assert "postgresql.service" in unit["Unit"]["After"]
    argv = _exec_start()
    assert argv[0] == "/opt/advisor-desk-server/venv/bin/uvicorn"
    assert "--factory" in argv
    module, _, factory = argv[argv.index("--factory") + 1].partition(":")
    app = __import__(module, fromlist=[factory])
    assert callable(getattr(app, factory))
    assert _option(argv, "--host") == "127.0.0.1"  # only the TLS proxy faces the network
    assert int(_option(argv, "--workers")) >= 2
    assert "--proxy-headers" in argv and _option(argv, "--forwarded-allow-ips") == "127.0.0.1"


def test_unit_is_hardened() -> None:
    service = read_unit()["Service"]
    for key, value in HARDENING.items():
        assert service.get(key) == value, key
    assert service["StateDirectory"] == "advisor-desk"
    assert service["WorkingDirectory"] == "/var/lib/advisor-desk"


def test_environment_example_names_real_settings() -> None:
    env = read_env()
    assert env["ADVISOR_DESK_DATABASE_URL"].startswith("postgresql+psycopg://")
    fields = set(ServerSettings.model_fields)
    for key in env:
        assert key.startswith("ADVISOR_DESK_")
        assert key.removeprefix("ADVISOR_DESK_").lower() in fields, f"{key} is not a server setting"


def test_nginx_proxies_to_the_unit_with_tls_and_forwarded_headers() -> None:
    conf = NGINX.read_text(encoding="utf-8")
    port = _option(_exec_start(), "--port")
    assert f"server 127.0.0.1:{port};" in conf
    assert re.search(r"listen 443 ssl", conf) and "ssl_certificate_key" in conf
    protocols = re.search(r"ssl_protocols ([^;]+);", conf)
    assert protocols and set(protocols.group(1).split()) == {"TLSv1.2", "TLSv1.3"}
    for header in ("X-Forwarded-For", "X-Forwarded-Proto", "Host"):
        assert f"proxy_set_header {header} " in conf
    assert "return 301 https://" in conf
    assert "Strict-Transport-Security" in conf
    # The proxy refuses no more than the API does, and waits out the longest long-poll (30 s).
    size = re.search(r"client_max_body_size (\d+)m;", conf)
    assert size and int(size.group(1)) * 1024 * 1024 == ServerSettings().max_body_bytes
    timeout = re.search(r"proxy_read_timeout (\d+)s;", conf)
    assert timeout and int(timeout.group(1)) > 30
    assert conf.count("{") == conf.count("}")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.mark.slow
def test_the_units_command_serves_the_api(database_url: str, tmp_path: Path) -> None:
    argv = _exec_start()
    port = _free_port()
    argv[argv.index("--port") + 1] = str(port)
    argv[argv.index("--workers") + 1] = "2"  # two suffice to prove the multi-process mode on 2 cores
    command = [sys.executable, "-m", "uvicorn", *argv[1:]]
    log = tmp_path / "uvicorn.log"
    env = {"ADVISOR_DESK_DATABASE_URL": database_url, "PATH": "/usr/bin:/bin"}
    with log.open("w") as sink:
        server = subprocess.Popen(command, env=env, stdout=sink, stderr=subprocess.STDOUT, cwd=tmp_path)
    try:
        deadline = time.monotonic() + 60
        answer = None
        while time.monotonic() < deadline and server.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2) as response:
                    answer = (response.status, json.loads(response.read()))
                break
            except OSError:  # not listening yet (URLError, reset, timeout)
                time.sleep(0.2)
        assert answer == (200, {"status": "ok", "database": "ok"}), log.read_text()
    finally:
        server.send_signal(signal.SIGTERM)  # what systemctl stop sends
        code = server.wait(timeout=40)
    output = log.read_text()
    assert code == 0, output
    assert output.count("Started server process") == 2, output
