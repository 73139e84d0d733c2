"""``advisor-desk export-decisions``: local days in the user's zone, local unsynced decisions included,
flags judged with the 30 days before the period, a CSV Excel reads (UTF-8 with BOM), bad input refused
without touching anything."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from cache_builders import ADVISOR, Clock, customer, open_desk
from test_decision_log import SERVER

from advisor_desk.cache.paths import cache_file
from advisor_desk.domain.review import CSV_COLUMNS
from advisor_desk.domain.wire import to_wire


def export(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "advisor_desk", "export-decisions", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=data_dir.parent,
        env={**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"},
        check=False,
    )


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """Grants around midnight in Paris, and one 20 days earlier for the same customer."""
    data = tmp_path / "data"
    clock = Clock(datetime(2026, 11, 2, 9, 0, tzinfo=UTC))
    desk = open_desk(cache_file(data, SERVER, ADVISOR.username), clock)
    cache = desk.cache
    cache.save_me(
        {
            "user": to_wire(ADVISOR),
            "authority": {
                "currency": "EUR",
                "daily_budget_cents": 20_000,
                "remaining_today_cents": 20_000,
                "per_customer_30d_cents": 8_000,
                "gestures": [{"code": "voucher", "max_per_decision_cents": 5_000}],
            },
        }
    )
    desk.feed(customer(2, first_name="Jean", last_name="Dupont"))
    cache.grant_gesture(ADVISOR, "cust-1", None, "voucher", 1_000, "EUR", "late_delivery", "premier geste")
    clock.now = datetime(2026, 11, 22, 22, 30, tzinfo=UTC)  # 23:30 on the 22nd in Paris
    cache.grant_gesture(ADVISOR, "cust-2", None, "voucher", 1_250, "EUR", "late_delivery", "la veille")
    clock.now = datetime(2026, 11, 22, 23, 30, tzinfo=UTC)  # 00:30 on the 23rd in Paris
    cache.grant_gesture(ADVISOR, "cust-1", None, "voucher", 4_800, "EUR", "other", '=HYPERLINK("x")')
    clock.now = datetime(2026, 11, 23, 15, 0, tzinfo=UTC)
    cache.grant_gesture(ADVISOR, "cust-2", None, "refund", 2_000, "EUR", "damaged_or_defective", "Écran fêlé")
    cache.close()
    return data


def read(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read UTF-8
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert tuple(rows[0]) == CSV_COLUMNS
    return [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]


def test_a_local_day_in_the_users_zone_with_unsynced_decisions(data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "décisions.csv"
    done = export(data_dir, "--from", "2026-11-23", "--to", "2026-11-23", "--csv", str(out))
    assert done.returncode == 0, done.stderr
    assert "2 decisions" in done.stdout and "Europe/Paris" in done.stdout
    rows = read(out)
    assert [(r["amount"], r["gesture"], r["status"]) for r in rows] == [
        ("48.00", "voucher", "pending"),
        ("20.00", "refund", "pending"),
    ]
    first = rows[0]
    assert first["granted_at_utc"].startswith("2026-11-22T23:30")
    assert first["reason_text"] == '\'=HYPERLINK("x")'  # never a formula in the spreadsheet
    # the customer had a gesture 20 days before the period: a repeat customer; 48.00 of 50.00: near the limit
    assert first["flags"].split(";") == ["repeat_customer", "near_limit"]
    assert first["advisor_name"] == "Alice Martin" and first["chain_seq"] == "3"
    # cust-2 had one the evening before (another local day, inside 30 days); 20.00 of 100.00 is not near
    assert rows[1]["reason_text"] == "Écran fêlé" and rows[1]["flags"] == "repeat_customer"


def test_the_day_before_and_a_whole_month(data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    assert export(data_dir, "--from", "2026-11-22", "--to", "2026-11-22", "--csv", str(out)).returncode == 0
    assert [r["reason_text"] for r in read(out)] == ["la veille"]
    assert export(data_dir, "--from", "2026-11-01", "--to", "2026-11-30", "--csv", str(out)).returncode == 0
    assert len(read(out)) == 4
    assert export(data_dir, "--from", "2026-12-01", "--to", "2026-12-31", "--csv", str(out)).returncode == 0
    assert read(out) == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--from", "2026-11-23", "--to", "2026-11-01"], "ends before it starts"),
        (["--from", "23/11/2026", "--to", "2026-11-23"], "YYYY-MM-DD"),
        (["--from", "2026-11-23", "--to", "2026-11-23", "--time-zone", "Mars/Olympus"], "unknown time zone"),
    ],
)
def test_bad_input_is_refused_and_writes_nothing(
    data_dir: Path, tmp_path: Path, args: list[str], message: str
) -> None:
    out = tmp_path / "out.csv"
    out.write_text("keep me", encoding="utf-8")
    done = export(data_dir, *args, "--csv", str(out))
    assert done.returncode == 2 and message in done.stderr
    assert out.read_text(encoding="utf-8") == "keep me"


def test_an_unwritable_target_leaves_no_half_file(data_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "a-folder"
    target.mkdir()
    done = export(data_dir, "--from", "2026-11-23", "--to", "2026-11-23", "--csv", str(target))
    assert done.returncode == 3 and "cannot write" in done.stderr
    assert target.is_dir() and list(target.iterdir()) == []
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".export-")]
    missing = tmp_path / "nowhere" / "out.csv"
    done = export(data_dir, "--from", "2026-11-23", "--to", "2026-11-23", "--csv", str(missing))
    assert done.returncode == 3 and "does not exist" in done.stderr


def test_several_caches_need_a_choice(data_dir: Path, tmp_path: Path) -> None:
    open_desk(cache_file(data_dir, "https://other.example", "bob"), Clock()).cache.close()
    out = tmp_path / "out.csv"
    done = export(data_dir, "--from", "2026-11-23", "--to", "2026-11-23", "--csv", str(out))
    assert done.returncode == 2 and "--server and --user" in done.stderr and not out.exists()
    done = export(
        data_dir,
        "--from",
        "2026-11-23",
        "--to",
        "2026-11-23",
        "--csv",
        str(out),
        "--server",
        SERVER,
        "--user",
        "alice",
    )
    assert done.returncode == 0 and len(read(out)) == 2
