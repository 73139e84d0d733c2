"""Schema migrations: an older cache is upgraded with everything in it, never dropped."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from cache_builders import ADVISOR, Clock, case, change, customer, interaction, order
from sqlalchemy import create_engine

from advisor_desk.cache.errors import CacheError
from advisor_desk.cache.schema import Base
from advisor_desk.cache.store import LocalCache, migrate, schema_revision
from advisor_desk.domain.wire import to_wire


def _make_v1(path: Path) -> None:
    """A cache as the first released version left it: no search index, no drafts table."""
    engine = create_engine(f"sqlite:///{path}")
    migrate(engine, "0001")
    c = customer(1, first_name="Élodie", last_name="Martin")
    o = order(1, c.id)
    i = interaction(1, c.id, text="Mon vélo électrique grince")
    payload = {
        "interaction_id": "n-1",
        "customer_id": c.id,
        "text": "note hors ligne",
        "created_at": "2026-11-23T09:00:00Z",
    }
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO customers (id, team, last_name, first_name, kept, data) VALUES (?, ?, ?, ?, 0, ?)",
            (c.id, c.team, c.last_name, c.first_name, json.dumps(to_wire(c))),
        )
        conn.exec_driver_sql(
            "INSERT INTO orders (id, customer_id, number, placed_at, data) VALUES (?, ?, ?, ?, ?)",
            (o.id, c.id, o.number, "2026-11-13T10:00:00.000000Z", json.dumps(to_wire(o))),
        )
        conn.exec_driver_sql(
            "INSERT INTO interactions (id, customer_id, case_id, channel, occurred_at, data) VALUES (?, ?, ?, ?, ?, ?)",
            (i.id, c.id, None, "email", "2026-11-23T09:30:01.000000Z", json.dumps(to_wire(i))),
        )
        conn.exec_driver_sql(
            "INSERT INTO outbox (id, kind, payload, created_at, status, attempts) VALUES (?, ?, ?, ?, 'pending', 3)",
            ("m-1", "note", json.dumps(payload), "2026-11-23T09:00:00.000000Z"),
        )
        conn.exec_driver_sql(
            "INSERT INTO meta (key, value) VALUES ('workstation_id', 'ws-old'), ('cursor', '1234')"
        )
    engine.dispose()


def test_v1_cache_is_upgraded_with_everything_kept(tmp_path: Path) -> None:
    path = tmp_path / "old.cache.sqlite3"
    _make_v1(path)
    cache = LocalCache.open(path, clock=Clock())
    try:
        assert schema_revision(cache._writer) == "0006"
        assert cache.recovery is None
        assert cache.workstation_id == "ws-old" and cache.cursor() == "1234"
        [entry] = cache.pending_mutations()
        assert (entry.id, entry.attempts, entry.payload["text"]) == ("m-1", 3, "note hors ligne")
        # the new search index was built from what the old cache held
        assert [h.customer.id for h in cache.search_customers("elodie")] == ["cust-1"]
        assert [h.customer.id for h in cache.search_customers("CMD-2026-000001")] == ["cust-1"]
        assert [h.customer.id for h in cache.search_customers("velo")] == ["cust-1"]
        # and the new features work
        cache.apply_page([change(case(1, "cust-1"), cursor="1235")], "1235")
        cache.save_draft("case-1", {"text": "brouillon"})
        cache.add_note("cust-1", None, "après la mise à jour", ADVISOR)
        assert cache.outbox_counts() == (2, 0, 0)
        assert cache.integrity_check() == "ok"
    finally:
        cache.close()
    # opening again does not rebuild or lose anything
    again = LocalCache.open(path)
    try:
        assert again.meta("search_rebuild") is None and again.load_draft("case-1") == {"text": "brouillon"}
    finally:
        again.close()


def test_migrated_schema_matches_the_declared_tables(tmp_path: Path) -> None:
    cache = LocalCache.open(tmp_path / "fresh.cache.sqlite3")
    try:
        with cache._writer.connect() as conn:
            context = MigrationContext.configure(
                conn,
                opts={
                    "include_object": lambda obj, name, kind, reflected, compare_to: (
                        not (kind == "table" and (name.endswith("_fts") or "_fts_" in name))
                    )
                },
            )
            assert compare_metadata(context, Base.metadata) == []
    finally:
        cache.close()


def test_cache_from_a_newer_desk_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "newer.cache.sqlite3"
    LocalCache.open(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0999'")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(CacheError, match="left untouched"):
        LocalCache.open(path)
    assert path.read_bytes() == before
    assert list(tmp_path.glob("*.corrupt-*")) == []
