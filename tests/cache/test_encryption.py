"""The cache encrypted at rest (SQLCipher, key in the keyring): every cache feature through the encrypted
file, plain caches encrypted in place without losing anything, and the refusals — no keyring, no binding,
no key or the wrong one — that leave the file untouched and never fall back to plain text.

The OS keyring is replaced by an in-memory backend (``keyring.set_keyring``, the seam the keyring
library offers; the other tests do the same) and "no keyring" by keyring's own ``fail`` backend.
"""

from __future__ import annotations

import csv
import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

import keyring
import pytest
from cache_builders import ADVISOR, Clock, ForgetfulKeyring, MemoryKeyring, customer, interaction, open_desk
from keyring.backends import fail

from advisor_desk.cache import at_rest, decision_commands, encryption, retention
from advisor_desk.cache.commands import cache_main
from advisor_desk.cache.errors import (
    CacheUnavailable,
    EncryptionUnavailable,
    KeyUnavailable,
    SettingError,
)
from advisor_desk.cache.paths import cache_file, ensure_private_dir
from advisor_desk.cache.store import LocalCache, schema_revision
from advisor_desk.domain import decision_chain


@pytest.fixture(autouse=True)
def _no_setting_from_outside(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(encryption.ENV_FLAG, raising=False)
    # These tests are about the setting said or changed; with it left out, a new cache here behaves
    # as on an encrypted disk (plain). The default on other disks: test_encryption_default.py.
    monkeypatch.setattr(encryption.disk, "disk_encryption", lambda *_a, **_k: True)


@pytest.fixture
def encrypted_on(monkeypatch: pytest.MonkeyPatch, memory_keyring: MemoryKeyring) -> MemoryKeyring:
    monkeypatch.setenv(encryption.ENV_FLAG, "1")
    return memory_keyring


def _busy_desk(path: Path) -> dict[str, Any]:
    """A desk with data over many pages, unsynced actions, a decision chain and a draft."""
    desk = open_desk(path, Clock())
    cache = desk.cache
    desk.feed(*(customer(10 + n) for n in range(150)))
    desk.feed(*(interaction(1000 + n, f"cust-{10 + n % 150}", text="colis abîmé " * 20) for n in range(400)))
    cache.add_note("cust-1", "case-1", "rappeler lundi", ADVISOR)
    grant = cache.grant_gesture(
        ADVISOR, "cust-1", "case-1", "voucher", 2_000, "EUR", "late_delivery", "retard"
    )
    cache.save_draft("case-1", {"text": "Bonjour Madame"})
    facts = {
        "outbox": [(e.id, e.kind, e.payload) for e in cache.pending_mutations()],
        "chain": cache.decision_log_entries(),
        "workstation": cache.workstation_id,
        "rows": cache.stats()["rows"],
        "cursor": cache.cursor(),
        "grant": grant,
        "encrypted": cache.encrypted,
    }
    cache.close()
    return facts


def _assert_same(cache: LocalCache, facts: dict[str, Any]) -> None:
    assert [(e.id, e.kind, e.payload) for e in cache.pending_mutations()] == facts["outbox"]
    assert cache.decision_log_entries() == facts["chain"]
    assert decision_chain.verify(cache.decision_log_entries()).ok
    assert cache.workstation_id == facts["workstation"]
    assert cache.stats()["rows"] == facts["rows"]
    assert cache.cursor() == facts["cursor"]
    assert cache.load_draft("case-1") == {"text": "Bonjour Madame"}
    assert cache.decision(facts["grant"].id) == facts["grant"]
    assert cache.integrity_check() == "ok"


def _plain_sqlite_refuses(path: Path) -> None:
    conn = sqlite3.connect(path)
    try:
        with pytest.raises(sqlite3.DatabaseError, match="file is not a database"):
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    finally:
        conn.close()


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if ".corrupt-" in p.name or p.name.endswith(".converting"))


# ------------------------------------------------------------------------------------ the setting


def test_the_setting_is_off_by_default_and_read_from_the_environment_then_the_settings_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data_dir = ensure_private_dir(tmp_path / "data")
    path = cache_file(data_dir, "https://centre.example", "alice")
    assert encryption.setting(path) is None and not encryption.enabled(path)
    (data_dir / "advisor-desk.toml").write_text("[cache]\nencryption = true\n", encoding="utf-8")
    assert encryption.setting(path) is True
    assert encryption.setting(tmp_path / "elsewhere.sqlite3") is None  # not in a data folder
    monkeypatch.setenv(encryption.ENV_FLAG, "off")  # the environment wins
    assert encryption.setting(path) is False
    monkeypatch.setenv(encryption.ENV_FLAG, "ture")
    with pytest.raises(SettingError, match="neither on"):
        encryption.setting(path)
    monkeypatch.delenv(encryption.ENV_FLAG)
    (data_dir / "advisor-desk.toml").write_text('[cache]\nencryption = "yes please"\n', encoding="utf-8")
    with pytest.raises(SettingError, match="true or false"):
        LocalCache.open(path)
    (data_dir / "advisor-desk.toml").write_text("[cache\n", encoding="utf-8")
    with pytest.raises(SettingError, match="cannot be read"):
        encryption.setting(path)


def test_the_settings_file_turns_it_on_for_the_desk_and_the_command_line(
    tmp_path: Path, memory_keyring: MemoryKeyring, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir = ensure_private_dir(tmp_path / "data")
    (data_dir / "advisor-desk.toml").write_text("[cache]\nencryption = true\n", encoding="utf-8")
    path = cache_file(data_dir, "https://centre.example", "alice")
    with LocalCache.open(path) as cache:
        assert cache.encrypted
    _plain_sqlite_refuses(path)
    assert cache_main(["stats", "--data-dir", str(data_dir)]) == 0
    assert "encrypted at rest" in capsys.readouterr().out
    assert cache_main(["stats", "--json", "--data-dir", str(data_dir)]) == 0
    assert json.loads(capsys.readouterr().out)[0]["encrypted"] is True


# ------------------------------------------------------------------------------------ encrypted use


def test_an_encrypted_cache_is_an_sqlcipher_file_plain_sqlite_cannot_read(
    tmp_path: Path, encrypted_on: MemoryKeyring
) -> None:
    path = tmp_path / "desk.cache.sqlite3"
    facts = _busy_desk(path)
    assert facts["encrypted"]
    _plain_sqlite_refuses(path)
    assert at_rest.file_state(path) is at_rest.FileState.ENCRYPTED
    raw = path.read_bytes()
    assert not raw.startswith(at_rest.SQLITE_HEADER)
    for secret in (b"Martin", b"client1@example.fr", "abîmé".encode(), b"rappeler lundi", b"Bonjour Madame"):
        assert secret not in raw
    # the key lives in the keyring only: not in any file of the folder
    [key] = encryption_keys(encrypted_on)
    for name in tmp_path.iterdir():
        content = name.read_bytes()
        assert key.encode() not in content and bytes.fromhex(key) not in content
    with LocalCache.open(path, clock=Clock()) as cache:
        assert cache.encrypted
        _assert_same(cache, facts)
        pragmas = cache.pragmas()
        assert (
            pragmas["journal_mode"] == "wal" and pragmas["synchronous"] == 2 and pragmas["foreign_keys"] == 1
        )
        assert cache.stats()["encrypted"] is True


def encryption_keys(backend: MemoryKeyring) -> list[str]:
    return [v for (service, _), v in backend.secrets.items() if service == encryption.SERVICE]


def test_migrations_run_on_an_encrypted_cache(tmp_path: Path, encrypted_on: MemoryKeyring) -> None:
    path = tmp_path / "desk.cache.sqlite3"
    with LocalCache.open(path) as cache:
        head = schema_revision(cache._writer)
    assert head is not None
    [key] = encryption_keys(encrypted_on)
    # an older encrypted cache is brought to head when opened
    path.unlink()
    engine = encryption.encrypted_engine(path, key, writer=True)
    from advisor_desk.cache.store import migrate

    migrate(engine, "0001")
    assert schema_revision(engine) == "0001"
    engine.dispose()
    with LocalCache.open(path) as cache:
        assert schema_revision(cache._writer) == head
        assert cache.encrypted


def test_outbox_results_and_retention_on_an_encrypted_cache(
    tmp_path: Path, encrypted_on: MemoryKeyring
) -> None:
    desk = open_desk(tmp_path / "desk.cache.sqlite3", Clock())
    cache = desk.cache
    try:
        note = cache.add_note("cust-1", "case-1", "rappeler lundi", ADVISOR)
        [entry] = cache.pending_mutations()
        counts = cache.record_results([{"id": entry.id, "status": "applied", "data": None}])
        assert counts["confirmed"] == 1 and cache.outbox_counts() == (0, 0, 0)
        assert cache.interactions_by_ids([note.id]) == [note]
        report = retention.purge(cache, desk.clock(), 30)
        assert report.expired == 0
        assert cache.customer("cust-1") is not None
    finally:
        cache.close()


def test_full_text_search_works_encrypted(tmp_path: Path, encrypted_on: MemoryKeyring) -> None:
    desk = open_desk(tmp_path / "desk.cache.sqlite3", Clock())
    try:
        desk.feed(interaction(50, "cust-1", text="une valise cassée à l'arrivée"))
        hits = desk.cache.search_customers("valise")
        assert [h.customer.id for h in hits] == ["cust-1"]
    finally:
        desk.cache.close()


# ------------------------------------------------------------------------------------ converting


def test_turning_it_on_encrypts_a_plain_cache_in_place_keeping_everything(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, memory_keyring: MemoryKeyring
) -> None:
    path = tmp_path / "desk.cache.sqlite3"
    facts = _busy_desk(path)
    assert not facts["encrypted"] and at_rest.file_state(path) is at_rest.FileState.PLAIN
    monkeypatch.setenv(encryption.ENV_FLAG, "1")
    with LocalCache.open(path, clock=Clock()) as cache:
        assert cache.encrypted and cache.recovery is None
        _assert_same(cache, facts)
    _plain_sqlite_refuses(path)
    assert _leftovers(tmp_path) == []
    assert (path.stat().st_mode & 0o777) == 0o600
    # not set any more: an encrypted cache stays encrypted (a missing variable never decrypts it)
    monkeypatch.delenv(encryption.ENV_FLAG)
    with LocalCache.open(path, clock=Clock()) as cache:
        assert cache.encrypted
        _assert_same(cache, facts)


def test_turning_it_off_decrypts_the_cache_in_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, encrypted_on: MemoryKeyring
) -> None:
    path = tmp_path / "desk.cache.sqlite3"
    facts = _busy_desk(path)
    monkeypatch.setenv(encryption.ENV_FLAG, "0")
    with LocalCache.open(path, clock=Clock()) as cache:
        assert not cache.encrypted
        _assert_same(cache, facts)
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*) FROM outbox").fetchone() == (2,)
    conn.close()
    assert _leftovers(tmp_path) == []
    # and on again: the same key is used, nothing lost either way
    monkeypatch.setenv(encryption.ENV_FLAG, "1")
    with LocalCache.open(path, clock=Clock()) as cache:
        assert cache.encrypted
        _assert_same(cache, facts)
    assert len(encryption_keys(encrypted_on)) == 1


def test_a_failed_conversion_leaves_the_original_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, memory_keyring: MemoryKeyring
) -> None:
    path = tmp_path / "desk.cache.sqlite3"
    facts = _busy_desk(path)
    before = path.read_bytes()
    monkeypatch.setenv(encryption.ENV_FLAG, "1")

    def disk_fails(_path: Path, directory: bool = False) -> None:
        # a failing disk at the flush cannot be produced here on demand: the flush is what fails
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(at_rest, "_fsync", disk_fails)
    with pytest.raises(CacheUnavailable):
        LocalCache.open(path, clock=Clock())
    assert path.read_bytes() == before
    assert _leftovers(tmp_path) == []
    monkeypatch.undo()
    monkeypatch.setenv(encryption.ENV_FLAG, "1")
    # a crash leaves a half-written copy behind: never trusted, removed, the conversion done again
    path.with_name(path.name + at_rest.CONVERTING_SUFFIX).write_bytes(os.urandom(8192))
    with LocalCache.open(path, clock=Clock()) as cache:
        assert cache.encrypted
        _assert_same(cache, facts)
    assert _leftovers(tmp_path) == []


_CRASHING_OPENER = textwrap.dedent(
    """
    import json, os, sys
        import keyring

    class FileKeyring(KeyringBackend):
        # the test's keyring for another process: a JSON file in the test's folder
        priority = 1
        def _load(self):
            try:
                with open(sys.argv[2]) as f:
                    return json.load(f)
            except FileNotFoundError:
                return {}
        def get_password(self, service, user):
            return self._load().get(service + "\\n" + user)
        def set_password(self, service, user, secret):
            data = self._load(); data[service + "\\n" + user] = secret
            with open(sys.argv[2] + ".tmp", "w") as f:
                json.dump(data, f); f.flush(); os.fsync(f.fileno())
            os.replace(sys.argv[2] + ".tmp", sys.argv[2])
        def delete_password(self, service, user):
            pass

    keyring.set_keyring(FileKeyring())
    from advisor_desk.cache.store import LocalCache
    LocalCache.open(sys.argv[1], encrypt=True).close()
    """
)


@pytest.mark.parametrize("delay", [0.0, 0.02, 0.1])
def test_a_crash_during_the_conversion_loses_nothing(
    tmp_path: Path, memory_keyring: MemoryKeyring, delay: float
) -> None:
    """The opener is killed (SIGKILL) once the encrypted copy is being written: whatever moment the
    kill lands on, the next start finds either the whole plain cache or the whole encrypted one."""
    path = tmp_path / "desk.cache.sqlite3"
    facts = _busy_desk(path)
    script = tmp_path / "opener.py"
    script.write_text(_CRASHING_OPENER, encoding="utf-8")
    secrets_file = tmp_path / "keyring.json"
    proc = subprocess.Popen([sys.executable, str(script), str(path), str(secrets_file)])
    temp = path.with_name(path.name + at_rest.CONVERTING_SUFFIX)
    deadline = time.monotonic() + 60
    while proc.poll() is None and not temp.exists() and time.monotonic() < deadline:
        time.sleep(0.001)
    time.sleep(delay)
    if proc.poll() is None:
        proc.send_signal(signal.SIGKILL)
    proc.wait(30)
    if secrets_file.exists():  # the key, if the opener got that far, as the keyring kept it
        for name, key in json.loads(secrets_file.read_text()).items():
            service, account = name.split("\n")
            memory_keyring.set_password(service, account, key)
    state = at_rest.file_state(path)
    assert state in (at_rest.FileState.PLAIN, at_rest.FileState.ENCRYPTED)
    with LocalCache.open(path, clock=Clock(), encrypt=True) as cache:
        assert cache.encrypted and cache.recovery is None
        _assert_same(cache, facts)
    assert _leftovers(tmp_path) == []


# ------------------------------------------------------------------------------------ refusals


@pytest.mark.parametrize("setting", ["1", "", "0"])
def test_a_missing_key_is_an_error_and_the_file_is_kept_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, encrypted_on: MemoryKeyring, setting: str
) -> None:
    path = tmp_path / "desk.cache.sqlite3"
    _busy_desk(path)
    before = path.read_bytes()
    encrypted_on.secrets.clear()  # the keyring was reset
    monkeypatch.setenv(encryption.ENV_FLAG, setting)
    with pytest.raises(KeyUnavailable, match="holds no key for it") as caught:
        LocalCache.open(path, clock=Clock())
    assert isinstance(caught.value, CacheUnavailable)
    assert "left untouched" in str(caught.value)
    assert path.read_bytes() == before
    assert _leftovers(tmp_path) == []
    assert encryption_keys(encrypted_on) == [], "no new key made for a file that has one"


def test_a_wrong_key_is_an_error_and_the_file_is_kept_untouched(
    tmp_path: Path, encrypted_on: MemoryKeyring
) -> None:
    path = tmp_path / "desk.cache.sqlite3"
    facts = _busy_desk(path)
    before = path.read_bytes()
    [(account, right)] = list(encrypted_on.secrets)
    right_key = encrypted_on.secrets[(account, right)]
    encrypted_on.secrets[(account, right)] = "ab" * 32  # another user's, another computer's
    with pytest.raises(KeyUnavailable, match="does not open it"):
        LocalCache.open(path, clock=Clock())
    assert path.read_bytes() == before and _leftovers(tmp_path) == []
    with pytest.raises(decision_commands.UnreadableCache, match="does not open it"):
        decision_commands.read_evidence(path)
    # the right key back in the keyring: everything is there
    encrypted_on.secrets[(account, right)] = right_key
    with LocalCache.open(path, clock=Clock()) as cache:
        _assert_same(cache, facts)


def test_no_keyring_is_an_error_never_a_plain_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        monkeypatch.setenv(encryption.ENV_FLAG, "1")
        path = tmp_path / "new.cache.sqlite3"
        with pytest.raises(EncryptionUnavailable, match="keyring"):
            LocalCache.open(path)
        assert not path.exists() or path.stat().st_size == 0
        # an existing plain cache is left as it was, plain, not half-converted
        monkeypatch.delenv(encryption.ENV_FLAG)
        old = tmp_path / "old.cache.sqlite3"
        LocalCache.open(old).close()
        before = old.read_bytes()
        monkeypatch.setenv(encryption.ENV_FLAG, "1")
        with pytest.raises(EncryptionUnavailable):
            LocalCache.open(old)
        assert old.read_bytes() == before
    finally:
        keyring.set_keyring(previous)


def test_a_keyring_that_does_not_keep_the_key_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(ForgetfulKeyring())
    try:
        monkeypatch.setenv(encryption.ENV_FLAG, "1")
        path = tmp_path / "desk.cache.sqlite3"
        LocalCache.open(path, encrypt=False).close()
        before = path.read_bytes()
        with pytest.raises(EncryptionUnavailable, match="did not keep the key"):
            LocalCache.open(path)
        assert path.read_bytes() == before
    finally:
        keyring.set_keyring(previous)


def test_without_the_sqlcipher_binding_it_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, encrypted_on: MemoryKeyring
) -> None:
    # An installation without the binding cannot be had in this environment: hide the module.
    monkeypatch.setitem(sys.modules, "sqlcipher3", None)
    monkeypatch.setitem(sys.modules, "sqlcipher3.dbapi2", None)
    path = tmp_path / "desk.cache.sqlite3"
    with pytest.raises(EncryptionUnavailable, match="not installed"):
        LocalCache.open(path)
    assert encryption_keys(encrypted_on) == []
    assert not path.exists() or path.stat().st_size == 0


def test_the_command_line_says_why_and_exits_non_zero(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from advisor_desk.sync.commands import sync_main

    data_dir = ensure_private_dir(tmp_path / "data")
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        monkeypatch.setenv(encryption.ENV_FLAG, "1")
        monkeypatch.setenv("ADVISOR_DESK_PASSWORD", "irrelevant")
        code = sync_main(
            ["--server", "http://127.0.0.1:9", "--user", "alice", "--once", "--data-dir", str(data_dir)]
        )
        assert code != 0
        assert "keyring" in capsys.readouterr().err
        assert cache_main(["stats", "--data-dir", str(data_dir)]) == 1
        assert "keyring" in capsys.readouterr().err
    finally:
        keyring.set_keyring(previous)


# ------------------------------------------------------------------------------------ damage


def test_a_damaged_encrypted_cache_is_set_aside_and_salvaged_through_its_key(
    tmp_path: Path, encrypted_on: MemoryKeyring
) -> None:
    path = tmp_path / "desk.cache.sqlite3"
    facts = _busy_desk(path)
    [key] = encryption_keys(encrypted_on)
    conn = encryption.connect(path, key)
    page_size = int(conn.execute("PRAGMA page_size").fetchone()[0])
    [root] = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'interactions'").fetchone()
    conn.close()
    with open(path, "r+b") as f:  # a failing disk garbles one page of the interactions
        f.seek((root - 1) * page_size + 200)
        f.write(b"\xde\xad\xbe\xef" * 64)
    damaged = path.read_bytes()
    with LocalCache.open(path, clock=Clock()) as cache:
        report = cache.recovery
        assert report is not None and "HMAC" in report.problem
        assert report.recovered_outbox == 2 and report.recovered_log_entries == 1 and report.lost_nothing
        aside = Path(report.set_aside)
        assert aside.read_bytes() == damaged  # kept as it was
        assert cache.encrypted
        assert [(e.id, e.kind, e.payload) for e in cache.pending_mutations()] == facts["outbox"]
        assert cache.decision_log_entries() == facts["chain"]
        assert cache.load_draft("case-1") == {"text": "Bonjour Madame"}
    _plain_sqlite_refuses(path)


# ------------------------------------------------------------------------------------ decision log


def test_verify_log_and_export_on_an_encrypted_cache(
    tmp_path: Path, encrypted_on: MemoryKeyring, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir = ensure_private_dir(tmp_path / "data")
    path = cache_file(data_dir, "https://centre.example", "alice")
    facts = _busy_desk(path)
    report = decision_commands.verify_cache_file(path)
    assert report.ok and report.entries == len(facts["chain"]) == 1
    argv = ["--data-dir", str(data_dir), "--offline"]
    assert decision_commands.decisions_main("verify-log", argv) == decision_commands.EXIT_OK
    assert "OK: verified up to entry 1" in capsys.readouterr().out
    out = tmp_path / "decisions.csv"
    day = facts["grant"].granted_at.date().isoformat()
    code = decision_commands.decisions_main(
        "export-decisions", ["--data-dir", str(data_dir), "--from", day, "--to", day, "--csv", str(out)]
    )
    assert code == decision_commands.EXIT_OK, capsys.readouterr().err
    with open(out, encoding="utf-8-sig", newline="") as handle:
        assert len(list(csv.reader(handle))) == 2
    # tampering is still caught through the encryption (an edit made with the key)
    [key] = encryption_keys(encrypted_on)
    conn = encryption.connect(path, key)
    conn.execute("UPDATE decision_log SET fields = replace(fields, '2000', '9000')")
    conn.commit()
    conn.close()
    assert decision_commands.decisions_main("verify-log", argv) == decision_commands.EXIT_TAMPERED
    capsys.readouterr()
    # no key: exit 3 with the sentence, the file untouched
    before = path.read_bytes()
    encrypted_on.secrets.clear()
    assert decision_commands.decisions_main("verify-log", argv) == decision_commands.EXIT_NO_CACHE
    assert "holds no key" in capsys.readouterr().err
    assert path.read_bytes() == before


# ------------------------------------------------------------------------------------ sync


def test_sync_against_the_live_server_with_an_encrypted_cache(
    tmp_path: Path, live_server: Any, encrypted_on: MemoryKeyring
) -> None:
    from advisor_desk.sync.client import ApiClient
    from advisor_desk.sync.engine import SyncEngine

    live_server.seed_world()
    path = tmp_path / "ws1-advisor.sqlite3"
    cache = LocalCache.open(path)
    client = ApiClient(live_server.url, timeout=(2, 10))
    try:
        assert cache.encrypted
        client.login("advisor", "pw")
        engine = SyncEngine(cache, client, long_poll_wait=0)
        report = engine.sync_once()
        assert report.ok, report.errors
        assert report.pulled > 0 and cache.customer("c-north-1") is not None
        user = cache.current_user()
        assert user is not None
        cache.add_note("c-north-1", "c-north-1-case", "rappelé, pas de réponse", user)
        report = engine.sync_once()
        assert report.ok and report.pushed == 1 and cache.outbox_counts() == (0, 0, 0)
        assert cache.integrity_check() == "ok"
    finally:
        client.close()
        cache.close()
    _plain_sqlite_refuses(path)
    assert b"pas de r" not in path.read_bytes()
