"""What a workstation keeps: scope exits held back for pending actions, and the retention purge.

The centre says when a customer leaves this user's scope (or is erased) with a ``delete`` of the
customer in the changes feed. :func:`hold_back` (the sync engine calls it on every page) keeps such a
customer — its row and what hangs off it — while actions about it still wait in the outbox, and notes
it as *held*; :func:`purge` removes it once those actions are answered.

:func:`purge` (run after a sync, at most daily, and whenever customers are held) also removes customers
the workstation has not seen move for ``retention.days`` (the central setting, 30 by default): no open
case, nothing changed in the window, nothing pending in the outbox. Outbox entries and the decision
log are never touched; a removed customer's unsent reply drafts go with it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection

from advisor_desk.cache import replica
from advisor_desk.cache.codec import ts
from advisor_desk.cache.replica import sql
from advisor_desk.domain.wire import format_time

if TYPE_CHECKING:
    from advisor_desk.cache.store import LocalCache

RETENTION_SETTING = "retention.days"
DEFAULT_RETENTION_DAYS = 30
HELD_KEY = "retention.held"
LAST_PURGE_KEY = "retention.last_purge"
_CLOSED = ("resolved", "closed")


@dataclass(frozen=True, slots=True)
class PurgeReport:
    released: int  # held customers removed once their pending actions were answered
    expired: int  # customers older than the window removed
    still_held: int  # customers still waiting for outbox answers


def retention_days(cache: LocalCache) -> int:
    value = cache.settings().get(RETENTION_SETTING)
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return value
    return DEFAULT_RETENTION_DAYS


def _pending_customers(conn: Connection) -> set[str]:
    """Customers that pending outbox entries are about (directly or through their case)."""
    found: set[str] = set()
    case_ids: set[str] = set()
    for (payload,) in sql(conn, "SELECT payload FROM outbox WHERE status = 'pending'"):
        try:
            data = json.loads(payload)
        except ValueError:
            continue
        if not isinstance(data, dict):
            continue
        if isinstance(data.get("customer_id"), str):
            found.add(data["customer_id"])
        if isinstance(data.get("case_id"), str):
            case_ids.add(data["case_id"])
    for case_id in case_ids:
        row = sql(conn, "SELECT customer_id FROM cases WHERE id = ?", (case_id,)).first()
        if row is not None:
            found.add(row[0])
    return found


def _held(conn: Connection) -> set[str]:
    row = sql(conn, "SELECT value FROM meta WHERE key = ?", (HELD_KEY,)).first()
    return set(json.loads(row[0])) if row else set()


def _set_held(conn: Connection, held: set[str]) -> None:
    if held:
        sql(
            conn,
            "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
            (HELD_KEY, json.dumps(sorted(held))),
        )
    else:
        sql(conn, "DELETE FROM meta WHERE key = ?", (HELD_KEY,))


def hold_back(cache: LocalCache, changes: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """The page without deletions of customers that pending actions are about (those are held)."""
    deleted = {
        c.get("id")
        for c in changes
        if isinstance(c, dict) and c.get("entity") == "customer" and c.get("op") == "delete"
    }
    if not deleted:
        return list(changes)
    with cache._write() as conn:
        keep = deleted & _pending_customers(conn)
        if keep:
            _set_held(conn, _held(conn) | {str(k) for k in keep})
    if not keep:
        return list(changes)
    # An entry after the deletion (the customer came back) ends the hold.
    return [
        c
        for c in changes
        if not (c.get("entity") == "customer" and c.get("op") == "delete" and c.get("id") in keep)
    ]


def held_customers(cache: LocalCache) -> set[str]:
    with cache._read() as conn:
        return _held(conn)


def purge(cache: LocalCache, now: datetime, retention_days: int = DEFAULT_RETENTION_DAYS) -> PurgeReport:
    """Remove held customers whose actions were answered, and customers idle for the window."""
    start = now - timedelta(days=retention_days)
    with cache._write() as conn:
        pending = _pending_customers(conn)
        held = _held(conn)
        released = sorted(held - pending)
        for customer_id in released:
            replica.erase_customer(conn, customer_id)
        _set_held(conn, held & pending)
        expired = _idle_customers(conn, ts(start), format_time(start)) - pending - held
        for customer_id in sorted(expired):
            replica.erase_customer(conn, customer_id)
        sql(
            conn,
            "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
            (LAST_PURGE_KEY, format_time(now)),
        )
    return PurgeReport(len(released), len(expired), len(held & pending))


def _idle_customers(conn: Connection, cutoff: str, wire_cutoff: str) -> set[str]:
    """Customers without an open case and with nothing (interaction, case, order) since ``cutoff``."""
    rows = sql(
        conn,
        "SELECT c.id FROM customers c WHERE "
        " NOT EXISTS (SELECT 1 FROM cases k WHERE k.customer_id = c.id"
        "   AND (k.status NOT IN (?, ?) OR k.opened_at >= ?"
        "        OR COALESCE(json_extract(k.data, '$.updated_at'), '') >= ?))"
        " AND NOT EXISTS (SELECT 1 FROM interactions i WHERE i.customer_id = c.id AND i.occurred_at >= ?)"
        " AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id AND o.placed_at >= ?)"
        " AND COALESCE(json_extract(c.data, '$.updated_at'), '') < ?",
        (*_CLOSED, cutoff, wire_cutoff, cutoff, cutoff, wire_cutoff),
    )
    return {r[0] for r in rows}


def due(cache: LocalCache, now: datetime) -> bool:
    """Whether :func:`purge` should run now: customers are held, or the last purge is a day old."""
    with cache._read() as conn:
        if _held(conn):
            return True
        row = sql(conn, "SELECT value FROM meta WHERE key = ?", (LAST_PURGE_KEY,)).first()
    return row is None or row[0] < format_time(now - timedelta(days=1))
