"""A damaged cache file: set aside (never deleted), the user told, unsynced work carried over."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from cache_builders import ADVISOR, Clock, case, change, customer, interaction, open_desk

from advisor_desk.cache.store import LocalCache
from advisor_desk.domain import decision_chain


def _busy_desk(path: Path) -> dict:
    """A desk with enough data to span many pages, unsynced actions, a chain and a draft."""
    desk = open_desk(path, Clock())
    cache = desk.cache
    desk.feed(*(customer(10 + n) for n in range(200)))
    desk.feed(*(interaction(1000 + n, f"cust-{10 + n % 200}", text="x" * 300) for n in range(600)))
    note = cache.add_note("cust-1", "case-1", "rappeler lundi", ADVISOR)
    grant = cache.grant_gesture(
        ADVISOR, "cust-1", "case-1", "voucher", 2_000, "EUR", "late_delivery", "retard"
    )
    cache.save_draft("case-1", {"text": "Bonjour Madame"})
    facts = {
        "outbox": [(e.id, e.kind, e.payload) for e in cache.pending_mutations()],
        "chain": cache.decision_log_entries(),
        "workstation": cache.workstation_id,
        "note": note,
        "grant": grant,
    }
    cache.close()
    return facts


def _corrupt_table_pages(path: Path, table: str) -> None:
    """Overwrite the pages of one table's b-tree root with garbage, as a failing disk would."""
    conn = sqlite3.connect(path)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    [root] = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()
    conn.close()
    with open(path, "r+b") as f:
        f.seek((root - 1) * page_size)
        f.write(b"\xde\xad\xbe\xef" * (page_size // 4))


def test_corrupt_page_set_aside_and_outbox_recovered(tmp_path: Path) -> None:
    path = tmp_path / "desk.cache.sqlite3"
    facts = _busy_desk(path)
    _corrupt_table_pages(path, "interactions")
    damaged_bytes = path.read_bytes()

    cache = LocalCache.open(path, clock=Clock())
    try:
        report = cache.recovery
        assert report is not None and report.problem
        assert (
            report.recovered_outbox == 2
            and report.recovered_log_entries == 1
            and report.recovered_drafts == 1
        )
        assert report.lost_nothing
        aside = Path(report.set_aside)
        assert aside.exists() and aside.read_bytes() == damaged_bytes  # kept as it was, not deleted
        assert aside.name.startswith(path.name + ".corrupt-")
        # the fresh cache is sound, holds the unsynced work and continues the same chain
        assert cache.integrity_check() == "ok"
        assert [(e.id, e.kind, e.payload) for e in cache.pending_mutations()] == facts["outbox"]
        assert cache.decision_log_entries() == facts["chain"]
        assert cache.workstation_id == facts["workstation"]
        assert cache.load_draft("case-1") == {"text": "Bonjour Madame"}
        assert cache.cursor() == "0"  # everything replicated comes back with a full pull
        assert cache.decision(facts["grant"].id) == facts["grant"]
        assert cache.interactions_by_ids([facts["note"].id]) == [facts["note"]]
    finally:
        cache.close()


@pytest.mark.parametrize("damage", ["garbage", "truncated", "header"])
def test_unreadable_file_still_gives_a_working_cache(tmp_path: Path, damage: str) -> None:
    path = tmp_path / "desk.cache.sqlite3"
    _busy_desk(path)
    data = path.read_bytes()
    if damage == "garbage":
        path.write_bytes(b"this is not a database, whatever it was " * 1000)
    elif damage == "truncated":
        path.write_bytes(data[: len(data) // 3])
    else:
        path.write_bytes(b"\x00" * 100 + data[100:])
    cache = LocalCache.open(path, clock=Clock())
    try:
        assert cache.recovery is not None
        assert Path(cache.recovery.set_aside).exists()
        assert cache.integrity_check() == "ok"
        cache.apply_page([change(customer(9)), change(case(9, "cust-9"))], "1")
        cache.save_draft("case-9", {"text": "toujours utilisable"})
        assert cache.load_draft("case-9") == {"text": "toujours utilisable"}
        entries = cache.decision_log_entries()
        assert decision_chain.verify(entries).ok
        if damage == "garbage":
            assert not cache.recovery.lost_nothing
    finally:
        cache.close()


def test_sound_file_is_not_touched(tmp_path: Path) -> None:
    path = tmp_path / "desk.cache.sqlite3"
    _busy_desk(path)
    cache = LocalCache.open(path)
    try:
        assert cache.recovery is None
        assert list(tmp_path.glob("*.corrupt-*")) == []
    finally:
        cache.close()
