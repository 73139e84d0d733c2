"""Small SQL helpers that differ by backend (SQLite and PostgreSQL)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

#: Rows per statement in bulk writes (keeps memory and statement size bounded).
CHUNK = 5_000


def chunks(items: Sequence[Any], size: int = CHUNK) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def upsert(session: Session, table: Any, rows: Sequence[dict[str, Any]], keys: Sequence[str]) -> None:
    """Insert rows, updating every non-key column of those whose key already exists."""
    if not rows:
        return
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    # The Core table, not the mapped class: bulk rows skip the ORM's per-row bookkeeping.
    target = getattr(table, "__table__", table)
    for part in chunks(rows):
        stmt = insert(target)
        columns = [c for c in part[0] if c not in keys]
        if columns:
            stmt = stmt.on_conflict_do_update(
                index_elements=list(keys), set_={c: stmt.excluded[c] for c in columns}
            )
        else:
            stmt = stmt.on_conflict_do_nothing(index_elements=list(keys))
        session.execute(stmt, list(part))
