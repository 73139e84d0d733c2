"""Tokens live in the OS keyring only: a real Secret Service (gnome-keyring under dbus-run-session).

In a fresh HOME, a private D-Bus session starts gnome-keyring-daemon, unlocks a new login keyring,
and runs the real ``advisor-desk sync`` command against the live server (password from
``ADVISOR_DESK_PASSWORD``). Then, still in that session: the refresh token is in the keyring (read
back through ``advisor_desk.sync.credentials`` with the SecretService backend), a second sync works
with no password at all (the stored token is used), and after both runs neither the data folder nor
HOME holds the token, the access token or the password in plaintext.

Needs the Debian packages ``gnome-keyring`` and ``dbus`` (``dbus-run-session``).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = r"""
set -e
echo -n "keyring-pw" | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1
ADVISOR_DESK_PASSWORD=pw "$PY" -m advisor_desk sync --server "$URL" --user advisor --once --json --data-dir "$DATA" > "$OUT/first.json"
"$PY" - <<'PY' > "$OUT/keyring.json"
import json, os, keyring
from advisor_desk.sync.credentials import SERVICE, CredentialStore, account_key
store = CredentialStore(os.environ["URL"], "advisor")
print(json.dumps({
    "backend": type(keyring.get_keyring()).__module__,
    "persistent": store.persistent,
    "token": keyring.get_password(SERVICE, account_key(os.environ["URL"], "advisor")),
    "through_store": store.load_refresh_token(),
}))
PY
env -u ADVISOR_DESK_PASSWORD "$PY" -m advisor_desk sync --server "$URL" --user advisor --once --json --data-dir "$DATA" < /dev/null > "$OUT/second.json"
"""


def _files_holding(root: Path, secrets: list[str]) -> list[str]:
    found = []
    for path in root.rglob("*"):
        if path.is_file() and not path.is_symlink():
            data = path.read_bytes()
            found += [f"{path} holds {s[:6]}..." for s in secrets if s.encode() in data]
    return found


@pytest.mark.allow_threads
def test_the_refresh_token_is_kept_in_the_secret_service_and_nowhere_on_disk(live_server, tmp_path) -> None:
    live_server.seed_world()
    home, data, out = tmp_path / "home", tmp_path / "data", tmp_path / "out"
    for folder in (home, data, out, home / "run"):
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DBUS_", "XDG_", "GNOME_KEYRING", "PYTHON_KEYRING"))
    }
    env.update(
        HOME=str(home),
        XDG_DATA_HOME=str(home / ".local/share"),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_RUNTIME_DIR=str(home / "run"),
        PY=sys.executable,
        URL=live_server.url,
        DATA=str(data),
        OUT=str(out),
    )
    env.pop("ADVISOR_DESK_PASSWORD", None)
    run = subprocess.run(
        ["dbus-run-session", "--", "sh", "-c", SCRIPT],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]

    stored = json.loads((out / "keyring.json").read_text())
    assert stored["backend"] == "keyring.backends.SecretService"
    assert stored["persistent"] is True
    token = stored["token"]
    assert token and stored["through_store"] == token
    first, second = (json.loads((out / f"{n}.json").read_text()) for n in ("first", "second"))
    assert first["errors"] == [] and first["pulled"] > 0, first
    assert second["errors"] == [], second  # no password this time: the keyring's token did it

    # The stored token was rotated by the second run's refresh: both are secrets to look for.
    secrets = [token, "keyring-pw", "Bearer "]
    assert not _files_holding(data, secrets), _files_holding(data, secrets)
    assert not _files_holding(home, [token, "Bearer "]), _files_holding(home, [token])
    assert (home / ".local/share/keyrings").is_dir(), "the Secret Service kept nothing on disk?"
