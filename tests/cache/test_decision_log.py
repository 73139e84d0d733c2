"""The decision log resists someone with the cache file: every kind of tampering, made with the
sqlite3 module on a real cache like an attacker would, is detected and located both by the
verification API and by ``advisor-desk verify-log`` run as a separate process.

The day on the desk (see :func:`day_of_decisions`): four grants (entries 1-4), the centre confirms
the first three (receipts stored) and refuses the fourth (entry 5, a rejection), then the advisor
revokes the second (entry 6, still queued).
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest
from cache_builders import ADVISOR, Clock, customer, open_desk

from advisor_desk.cache.decision_commands import (
    EXIT_NO_CACHE,
    EXIT_NO_CENTRE,
    EXIT_OK,
    EXIT_TAMPERED,
    centre_acknowledgements,
    read_evidence,
    verify_cache_file,
)
from advisor_desk.cache.paths import cache_file
from advisor_desk.domain import decision_chain as dc
from advisor_desk.domain.decision_chain import Tampering
from advisor_desk.domain.model import DecisionStatus
from advisor_desk.domain.wire import format_time, to_wire

SERVER = "https://centre.example"


@dataclass
class Day:
    path: Path
    data_dir: Path
    decisions: list[Any]  # the four grants, in order (entries 1 to 4)
    centre: list[dict[str, Any]]  # what the centre acknowledged, as GET /chain answers it


def day_of_decisions(data_dir: Path, clock: Clock | None = None) -> Day:
    """A real cache file in the data folder (as the desk lays it out) after a day of decisions."""
    path = cache_file(data_dir, SERVER, ADVISOR.username)
    desk = open_desk(path, clock or Clock())
    cache = desk.cache
    desk.feed(customer(2, first_name="Jean", last_name="Dupont"))
    grants = []
    for customer_id, cents in (("cust-1", 1_000), ("cust-2", 1_250), ("cust-1", 2_000), ("cust-2", 1_500)):
        grants.append(
            cache.grant_gesture(
                ADVISOR, customer_id, None, "voucher", cents, "EUR", "late_delivery", "colis en retard"
            )
        )
        desk.clock.advance(minutes=7)
    queued = {e.payload["decision_id"]: e for e in cache.pending_mutations()}
    results = []
    centre = []
    for d in grants[:3]:
        entry = queued[d.id]
        chain = entry.payload["chain"]
        receipt = {"seq": chain["seq"], "hash": chain["hash"], "received_at": format_time(desk.clock())}
        centre.append(receipt)
        confirmed = replace(d, status=DecisionStatus.GRANTED, workstation_id=cache.workstation_id)
        results.append(
            {
                "id": entry.id,
                "status": "applied",
                "data": {"decision": to_wire(confirmed), "receipt": receipt},
            }
        )
    refused = replace(grants[3], status=DecisionStatus.REJECTED, rejection_reason="over_budget")
    results.append(
        {
            "id": queued[grants[3].id].id,
            "status": "rejected",
            "reason": "over_budget",
            "data": {"decision": to_wire(refused)},
        }
    )
    cache.record_results(results)
    cache.revoke_decision(ADVISOR, grants[1].id, "accordé par erreur")
    assert [e.seq for e in cache.decision_log_entries()] == [1, 2, 3, 4, 5, 6]
    cache.close()
    return Day(path, data_dir, grants, centre)


@pytest.fixture
def day(tmp_path: Path) -> Day:
    return day_of_decisions(tmp_path / "data")


# -- the attacker's tools: plain sqlite3 on the file ------------------------------------------------


def attack(path: Path, *statements: tuple[str, tuple[Any, ...]]) -> None:
    conn = sqlite3.connect(path)
    try:
        for statement, params in statements:
            conn.execute(statement, params)
        conn.commit()
    finally:
        conn.close()


def log_rows(path: Path) -> list[tuple[int, int, str, dict[str, Any], str, str]]:
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute(
            "SELECT position, seq, kind, fields, prev_hash, hash FROM decision_log ORDER BY position"
        ).fetchall()
    finally:
        conn.close()
    return [
        (pos, seq, kind, json.loads(fields), prev, digest) for pos, seq, kind, fields, prev, digest in rows
    ]


def rebuild_chain(path: Path, edit_seq: int, amount_cents: int) -> None:
    """Edit an amount in the log, then rewrite every hash after it and every local copy of those hashes
    (decisions, queued actions, stored receipts): a consistent file that only the centre can contradict."""
    rows = log_rows(path)
    previous: dc.ChainEntry | None = None
    new_hashes: dict[int, str] = {}
    conn = sqlite3.connect(path)
    try:
        for pos, seq, kind, fields, _prev, _digest in rows:
            if seq == edit_seq:
                fields = {**fields, "amount_cents": amount_cents}
            entry = dc.append(previous, dc.EntryKind(kind), fields)
            assert entry.seq == seq
            conn.execute(
                "UPDATE decision_log SET fields = ?, prev_hash = ?, hash = ?, "
                "receipt_hash = CASE WHEN receipt_hash IS NULL THEN NULL ELSE ? END WHERE position = ?",
                (json.dumps(fields, ensure_ascii=False), entry.prev_hash, entry.hash, entry.hash, pos),
            )
            new_hashes[seq] = entry.hash
            previous = entry
        for ident, data in conn.execute("SELECT id, data FROM decisions").fetchall():
            record = json.loads(data)
            seq = record.get("chain_seq")
            if seq in new_hashes:
                record["chain_hash"] = new_hashes[seq]
                if seq == edit_seq:
                    record["amount_cents"] = amount_cents
                conn.execute(
                    "UPDATE decisions SET data = ?, amount_cents = ? WHERE id = ?",
                    (json.dumps(record), record["amount_cents"], ident),
                )
        for ident, payload in conn.execute("SELECT id, payload FROM outbox").fetchall():
            body = json.loads(payload)
            chain = body.get("chain")
            if chain and chain["seq"] in new_hashes:
                chain["hash"] = new_hashes[chain["seq"]]
                chain["prev_hash"] = new_hashes.get(chain["seq"] - 1, dc.GENESIS_HASH)
                if chain["seq"] == edit_seq:
                    body["amount_cents"] = amount_cents
                conn.execute("UPDATE outbox SET payload = ? WHERE id = ?", (json.dumps(body), ident))
        conn.commit()
    finally:
        conn.close()


def verify_log(data_dir: Path, *args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    """``python -m advisor_desk verify-log`` in its own process, from a neutral folder."""
    completed = subprocess.run(
        [sys.executable, "-m", "advisor_desk", "verify-log", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=data_dir.parent,
        env={**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring", **(env or {})},
        check=False,
    )
    return completed.returncode, completed.stdout, completed.stderr


def verify_log_json(
    data_dir: Path, *args: str, env: dict[str, str] | None = None
) -> tuple[int, dict[str, Any]]:
    code, out, err = verify_log(data_dir, "--json", *args, env=env)
    lines = [line for line in out.splitlines() if line.strip()]
    assert len(lines) == 1, (out, err)
    return code, json.loads(lines[0])


def assert_caught(
    day: Day, problem: Tampering, seq: int | None, decision_id: str | None = None
) -> dict[str, Any]:
    """Both the API and the command name the same entry and kind of tampering."""
    report = verify_cache_file(day.path)
    assert (report.report.problem, report.report.first_bad_seq) == (problem, seq), report.as_dict()
    if decision_id is not None:
        assert report.report.decision_id == decision_id
    if seq is not None:
        assert report.report.verified_up_to == seq - 1
    code, answer = verify_log_json(day.data_dir, "--offline")
    assert code == EXIT_TAMPERED
    assert (answer["problem"], answer["first_bad_seq"]) == (problem.value, seq)
    assert answer["ok"] is False and answer["centre"]["compared"] is False
    code, text, _ = verify_log(day.data_dir, "--offline")
    assert code == EXIT_TAMPERED
    assert "TAMPERED" in text and (seq is None or f"entry {seq} " in text), text
    return answer


# -- the untouched log ------------------------------------------------------------------------------


def test_an_untouched_log_verifies_to_its_last_entry(day: Day) -> None:
    report = verify_cache_file(day.path)
    assert report.ok and report.report.verified_up_to == 6 and report.entries == 6
    # the local copies agree: receipts of 1-3, decisions of 1-4, the queued revocation 6
    assert set(read_evidence(day.path).witnesses) == {1, 2, 3, 4, 6}
    code, text, err = verify_log(day.data_dir, "--offline")
    assert code == EXIT_OK, err
    assert "verified up to entry 6" in text
    assert "comparison with the centre's copy was not possible" in text


def test_the_centres_copy_confirms_an_untouched_log(day: Day) -> None:
    report = verify_cache_file(day.path, centre_acknowledgements(day.centre))
    assert report.ok and report.report.verified_up_to == 6 and report.report.confirmed_up_to == 3
    assert "the centre confirms up to entry 3" in report.summary()


def test_require_centre_fails_when_the_centre_cannot_be_asked(day: Day) -> None:
    code, answer = verify_log_json(day.data_dir, "--offline", "--require-centre")
    assert code == EXIT_NO_CENTRE and answer["ok"] is True
    assert "--offline" in answer["centre"]["note"]


def test_no_cache_and_a_file_that_is_no_cache(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    code, _, err = verify_log(empty)
    assert code == EXIT_NO_CACHE and "no cache" in err
    day = day_of_decisions(tmp_path / "data")
    day.path.write_bytes(b"not a database at all" * 100)
    code, _, err = verify_log(day.data_dir, "--offline")
    assert code == EXIT_NO_CACHE and "cannot be read" in err


def test_arguments_are_checked(day: Day) -> None:
    code, _, err = verify_log(day.data_dir, "--server", SERVER)
    assert code == 2 and "--server and --user go together" in err


# -- an amount edited -------------------------------------------------------------------------------


def test_amount_edited_in_the_decisions_table_names_its_entry(day: Day) -> None:
    target = day.decisions[2]  # entry 3
    attack(
        day.path,
        (
            "UPDATE decisions SET data = json_set(data, '$.amount_cents', 20000), amount_cents = 20000 WHERE id = ?",
            (target.id,),
        ),
    )
    answer = assert_caught(day, Tampering.ALTERED, 3, target.id)
    assert "amount_cents" in answer["detail"] and "2000" in answer["detail"] and "20000" in answer["detail"]
    assert answer["caught_by"] == "decisions"


def test_amount_edited_in_the_record_only_is_caught(day: Day) -> None:
    target = day.decisions[0]
    attack(
        day.path,
        ("UPDATE decisions SET data = json_set(data, '$.amount_cents', 5) WHERE id = ?", (target.id,)),
    )
    assert_caught(day, Tampering.ALTERED, 1, target.id)


def test_amount_edited_in_the_indexed_column_only_is_caught(day: Day) -> None:
    target = day.decisions[1]
    attack(day.path, ("UPDATE decisions SET amount_cents = 1 WHERE id = ?", (target.id,)))
    answer = assert_caught(day, Tampering.ALTERED, 2, target.id)
    assert "in the table" in answer["detail"]


def test_rejected_decision_turned_granted_in_the_table_is_caught(day: Day) -> None:
    target = day.decisions[3]  # the centre refused it: entry 5 says so
    attack(
        day.path,
        (
            "UPDATE decisions SET data = json_set(data, '$.status', 'granted'), status = 'granted' WHERE id = ?",
            (target.id,),
        ),
    )
    answer = assert_caught(day, Tampering.ALTERED, 4, target.id)
    assert "rejected" in answer["detail"]


def test_amount_edited_in_the_log_is_caught(day: Day) -> None:
    attack(
        day.path, ("UPDATE decision_log SET fields = json_set(fields, '$.amount_cents', 1) WHERE seq = 2", ())
    )
    assert_caught(day, Tampering.ALTERED, 2, day.decisions[1].id)


def test_amount_edited_in_the_log_with_its_hash_recomputed_is_caught(day: Day) -> None:
    rows = log_rows(day.path)
    pos, seq, kind, fields, prev, _ = rows[2]
    forged = dc.append(
        dc.ChainEntry(seq - 1, dc.EntryKind.GRANT, {}, "", prev),
        dc.EntryKind(kind),
        {**fields, "amount_cents": 1},
    )
    attack(
        day.path,
        (
            "UPDATE decision_log SET fields = ?, hash = ? WHERE position = ?",
            (json.dumps({**fields, "amount_cents": 1}), forged.hash, pos),
        ),
    )
    assert_caught(day, Tampering.ALTERED, 3, day.decisions[2].id)


def test_amount_edited_in_both_places_is_still_caught(day: Day) -> None:
    target = day.decisions[2]
    attack(
        day.path,
        ("UPDATE decision_log SET fields = json_set(fields, '$.amount_cents', 1) WHERE seq = 3", ()),
        (
            "UPDATE decisions SET data = json_set(data, '$.amount_cents', 1), amount_cents = 1 WHERE id = ?",
            (target.id,),
        ),
    )
    assert_caught(day, Tampering.ALTERED, 3, target.id)


# -- rows deleted, inserted, moved ------------------------------------------------------------------


def test_a_deleted_entry_is_named(day: Day) -> None:
    attack(day.path, ("DELETE FROM decision_log WHERE seq = 3", ()))
    assert_caught(day, Tampering.DELETED, 3)


def test_a_deleted_entry_with_the_later_ones_renumbered_is_named(day: Day) -> None:
    attack(
        day.path,
        ("DELETE FROM decision_log WHERE seq = 2", ()),
        ("UPDATE decision_log SET seq = seq - 1 WHERE seq > 2", ()),
    )
    assert_caught(day, Tampering.DELETED, 2)


def test_an_entry_inserted_with_a_number_already_used_is_named(day: Day) -> None:
    rows = log_rows(day.path)
    _, _, _, fields, prev, _ = rows[1]
    fake = dc.append(
        dc.ChainEntry(1, dc.EntryKind.GRANT, {}, "", prev),
        dc.EntryKind.GRANT,
        {**fields, "decision_id": "fake"},
    )
    attack(
        day.path,
        (
            "INSERT INTO decision_log (seq, kind, fields, prev_hash, hash) VALUES (?, ?, ?, ?, ?)",
            (2, "grant", json.dumps(dict(fake.fields)), fake.prev_hash, fake.hash),
        ),
    )
    assert_caught(day, Tampering.INSERTED, 2)


def test_an_entry_forged_into_the_middle_is_named(day: Day) -> None:
    """A well-made forgery: linked to entry 2, hashed correctly, the later entries renumbered."""
    rows = log_rows(day.path)
    _, _, _, fields, _, hash2 = rows[1]
    fake = dc.append(
        dc.ChainEntry(2, dc.EntryKind.GRANT, {}, "", hash2),
        dc.EntryKind.GRANT,
        {**fields, "decision_id": "forged", "amount_cents": 4_999},
    )
    attack(
        day.path,
        ("UPDATE decision_log SET position = position + 100, seq = seq + 1 WHERE seq >= 3", ()),
        (
            "INSERT INTO decision_log (position, seq, kind, fields, prev_hash, hash) VALUES (3, ?, ?, ?, ?, ?)",
            (3, "grant", json.dumps(dict(fake.fields)), fake.prev_hash, fake.hash),
        ),
    )
    assert_caught(day, Tampering.INSERTED, 3)


def test_two_entries_swapped_are_named(day: Day) -> None:
    attack(
        day.path, ("UPDATE decision_log SET seq = CASE seq WHEN 2 THEN 3 ELSE 2 END WHERE seq IN (2, 3)", ())
    )
    assert_caught(day, Tampering.REORDERED, 2)


def test_two_entries_swapped_with_their_numbers_kept_are_named(day: Day) -> None:
    """The rows trade places but keep the numbers of their positions (the contents moved)."""
    attack(
        day.path,
        (
            "UPDATE decision_log SET position = CASE seq WHEN 3 THEN 1004 ELSE 1003 END WHERE seq IN (3, 4)",
            (),
        ),
        ("UPDATE decision_log SET seq = CASE position WHEN 1003 THEN 3 ELSE 4 END WHERE position > 1000", ()),
        ("UPDATE decision_log SET position = position - 1000 WHERE position > 1000", ()),
    )
    rows = log_rows(day.path)
    assert [r[1] for r in rows] == [1, 2, 3, 4, 5, 6]
    assert_caught(day, Tampering.REORDERED, 3)


def test_a_truncated_log_is_caught_from_the_copies_the_file_keeps(day: Day) -> None:
    attack(day.path, ("DELETE FROM decision_log WHERE seq >= 5", ()))
    answer = assert_caught(day, Tampering.TRUNCATED, 5)
    assert answer["verified_up_to"] == 4


def test_a_truncated_log_with_every_trace_removed_is_caught_by_the_centre(day: Day) -> None:
    attack(
        day.path,
        ("DELETE FROM decision_log WHERE seq >= 3", ()),
        ("DELETE FROM outbox", ()),
        ("DELETE FROM decisions WHERE json_extract(data, '$.chain_seq') >= 3", ()),
    )
    assert verify_cache_file(day.path).ok  # nothing in the file contradicts it any more
    report = verify_cache_file(day.path, centre_acknowledgements(day.centre))
    assert (report.report.problem, report.report.first_bad_seq) == (Tampering.TRUNCATED, 3)


# -- a chain rebuilt consistently ------------------------------------------------------------------


def test_a_rebuilt_chain_is_caught_by_the_local_copies_when_they_were_forgotten(day: Day) -> None:
    rows = log_rows(day.path)
    previous = None
    for pos, _seq, kind, fields, _prev, _digest in rows:
        if kind == "grant" and fields["amount_cents"] == 1_250:
            fields = {**fields, "amount_cents": 125}
        previous = dc.append(previous, dc.EntryKind(kind), fields)
        attack(
            day.path,
            (
                "UPDATE decision_log SET fields = ?, prev_hash = ?, hash = ? WHERE position = ?",
                (json.dumps(fields), previous.prev_hash, previous.hash, pos),
            ),
        )
    report = verify_cache_file(day.path)
    assert (report.report.problem, report.report.first_bad_seq) == (Tampering.REBUILT, 2)


def test_a_chain_rebuilt_with_every_copy_is_only_caught_by_the_centre(day: Day) -> None:
    rebuild_chain(day.path, edit_seq=2, amount_cents=125)
    assert verify_cache_file(day.path).ok  # the file is consistent with itself
    code, text, _ = verify_log(day.data_dir, "--offline")
    assert code == EXIT_OK and "not possible" in text
    report = verify_cache_file(day.path, centre_acknowledgements(day.centre))
    assert (report.report.problem, report.report.first_bad_seq) == (Tampering.REBUILT, 2)
    assert report.caught_by == "centre" and report.report.verified_up_to == 1
    assert report.report.confirmed_up_to == 1


def test_the_centres_previous_hash_pins_the_first_rewritten_entry() -> None:
    entries: list[dc.ChainEntry] = []
    for i in range(6):
        entries.append(dc.append(entries[-1] if entries else None, dc.EntryKind.GRANT, {"amount_cents": i}))
    # the centre acknowledged 1 and 5 only (2-4 were local entries), with the hash before each
    acks = {s: dc.Acknowledgement(entries[s - 1].hash, entries[s - 1].prev_hash) for s in (1, 5)}
    rebuilt = entries[:3]
    for i in range(3, 6):
        rebuilt.append(dc.append(rebuilt[-1], dc.EntryKind.GRANT, {"amount_cents": 100 + i}))
    report = dc.verify(rebuilt, acks)
    # 4 is the first rewritten, and the prev_hash of 5 proves 4 changed; 2 and 3 cannot be told apart
    # from the centre's copy, so the report says where the doubt starts: after the last confirmed one
    assert report.problem is Tampering.REBUILT and report.first_bad_seq == 2
    only_5 = dict(acks)
    only_5[5] = dc.Acknowledgement(entries[4].hash, rebuilt[3].hash)
    report = dc.verify(rebuilt, only_5)
    assert (report.problem, report.first_bad_seq) == (Tampering.REBUILT, 5)
