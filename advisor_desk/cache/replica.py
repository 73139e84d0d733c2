"""Writing replicated entities into the cache tables, and keeping the search index in step.

Every function works on an open connection inside the caller's transaction, so a page of the feed,
or a local action with its outbox entry, is all-or-nothing. Hot paths use plain SQL with executemany:
an initial sync writes hundreds of thousands of rows. Table and column names below are constants of
this module, never user input.
"""

from __future__ import annotations

import dataclasses
import sqlite3
import types
import typing
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import datetime
from enum import Enum
from functools import cache
from typing import Any

from sqlalchemy import Connection

from advisor_desk.cache.codec import dumps, loads, ts, ts_or_none
from advisor_desk.cache.search import customer_search_columns, interaction_body
from advisor_desk.domain import model
from advisor_desk.domain.channels import ResponseTarget
from advisor_desk.domain.wire import ENTITY_TYPES, EntityKind, from_wire, to_wire

Row = tuple[Any, ...]

SEARCH_COLUMNS = (
    "search_name",
    "search_emails",
    "search_phones",
    "search_handles",
    "search_loyalty",
    "search_orders",
)


def _customer(o: model.Customer, data: str) -> Row:
    return (o.id, o.team, o.last_name, o.first_name, 0, data)


def _order(o: model.Order, data: str) -> Row:
    return (o.id, o.customer_id, o.number, ts(o.placed_at), data)


def _case(o: model.Case, data: str) -> Row:
    return (
        o.id,
        o.customer_id,
        o.team,
        o.status.value,
        int(o.status.is_open),
        o.channel.value,
        o.kind.value,
        o.category.value,
        o.subject,
        o.assignee_id,
        ts(o.opened_at),
        ts_or_none(o.acknowledged_at),
        ts_or_none(o.first_response_at),
        ts_or_none(o.resolved_at),
        o.version,
        data,
    )


def _interaction(o: model.Interaction, data: str) -> Row:
    return (o.id, o.customer_id, o.case_id, o.channel.value, ts(o.occurred_at), data)


def _decision(o: model.Decision, data: str) -> Row:
    return (
        o.id,
        o.user_id,
        o.team,
        o.customer_id,
        o.case_id,
        o.order_line_id,
        o.gesture.value,
        o.amount_cents,
        o.status.value,
        int(o.reviewed_at is not None),
        ts(o.granted_at),
        data,
    )


#: kind -> (table, key column, columns, row builder)
TABLES: dict[EntityKind, tuple[str, str, tuple[str, ...], Callable[[Any, str], Row]]] = {
    EntityKind.CUSTOMER: (
        "customers",
        "id",
        ("id", "team", "last_name", "first_name", "kept", "data"),
        _customer,
    ),
    EntityKind.ORDER: ("orders", "id", ("id", "customer_id", "number", "placed_at", "data"), _order),
    EntityKind.PRODUCT: ("products", "id", ("id", "sku", "data"), lambda o, d: (o.id, o.sku, d)),
    EntityKind.CASE: (
        "cases",
        "id",
        (
            "id",
            "customer_id",
            "team",
            "status",
            "is_open",
            "channel",
            "kind",
            "category",
            "subject",
            "assignee_id",
            "opened_at",
            "acknowledged_at",
            "first_response_at",
            "resolved_at",
            "version",
            "data",
        ),
        _case,
    ),
    EntityKind.INTERACTION: (
        "interactions",
        "id",
        ("id", "customer_id", "case_id", "channel", "occurred_at", "data"),
        _interaction,
    ),
    EntityKind.GESTURE_TYPE: ("gesture_types", "code", ("code", "data"), lambda o, d: (o.code.value, d)),
    EntityKind.ENVELOPE: ("envelopes", "role", ("role", "data"), lambda o, d: (o.role.value, d)),
    EntityKind.RESPONSE_TARGET: (
        "response_targets",
        "channel",
        ("channel", "data"),
        lambda o, d: (o.channel.value, d),
    ),
    EntityKind.SCRIPT: (
        "scripts",
        "id",
        ("id", "category", "language", "data"),
        lambda o, d: (o.id, o.category.value, o.language.value, d),
    ),
    EntityKind.SETTING: ("settings", "key", ("key", "data"), lambda o, d: (o.key, d)),
    EntityKind.FOLLOWUP: (
        "followups",
        "id",
        ("id", "customer_id", "case_id", "created_by", "status", "due_at", "data"),
        lambda o, d: (o.id, o.customer_id, o.case_id, o.created_by, o.status.value, ts(o.due_at), d),
    ),
    EntityKind.SATISFACTION: (
        "satisfaction",
        "id",
        ("id", "customer_id", "case_id", "recorded_at", "data"),
        lambda o, d: (o.id, o.customer_id, o.case_id, ts(o.recorded_at), d),
    ),
    EntityKind.PRODUCT_RATING: (
        "product_ratings",
        "id",
        ("id", "product_id", "customer_id", "rated_at", "data"),
        lambda o, d: (o.id, o.product_id, o.customer_id, ts(o.rated_at), d),
    ),
    EntityKind.DECISION: (
        "decisions",
        "id",
        (
            "id",
            "user_id",
            "team",
            "customer_id",
            "case_id",
            "order_line_id",
            "gesture",
            "amount_cents",
            "status",
            "reviewed",
            "granted_at",
            "data",
        ),
        _decision,
    ),
    EntityKind.ESCALATION: (
        "escalations",
        "id",
        ("id", "user_id", "team", "customer_id", "status", "requested_at", "data"),
        lambda o, d: (o.id, o.user_id, o.team, o.customer_id, o.status.value, ts(o.requested_at), d),
    ),
}

#: Tables holding replicated data (cleared by a full re-pull), children first.
REPLICATED_TABLES = (
    "order_lines",
    "orders",
    "products",
    "cases",
    "interactions",
    "gesture_types",
    "envelopes",
    "response_targets",
    "scripts",
    "settings",
    "followups",
    "satisfaction",
    "product_ratings",
    "decisions",
    "escalations",
    "customers",
)


def _upsert_sql(kind: EntityKind) -> str:
    table, key, columns, _ = TABLES[kind]
    marks = ", ".join("?" for _ in columns)
    updates = ", ".join(f"{c} = excluded.{c}" for c in columns if c not in (key, "kept"))
    return (
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks}) "  # noqa: S608 - constant names
        f"ON CONFLICT({key}) DO UPDATE SET {updates}"
    )


UPSERT_SQL = {kind: _upsert_sql(kind) for kind in TABLES}


class Rows:
    """The few result methods the cache uses, over a plain sqlite3 cursor.

    The cache talks to SQLite through the DB-API connection SQLAlchemy opened and put in a
    transaction: SQLAlchemy's per-statement overhead (~0.1 ms) is more than most of these queries.
    """

    __slots__ = ("_cursor",)

    def __init__(self, cursor: sqlite3.Cursor) -> None:
        self._cursor = cursor

    def __iter__(self) -> Iterator[Any]:
        return iter(self._cursor)

    def first(self) -> Any | None:
        return self._cursor.fetchone()

    def all(self) -> list[Any]:
        return self._cursor.fetchall()

    def one(self) -> Any:
        row = self._cursor.fetchone()
        if row is None:
            raise LookupError("no row")
        return row

    def scalar(self) -> Any:
        row = self._cursor.fetchone()
        return None if row is None else row[0]

    def scalar_one(self) -> Any:
        return self.one()[0]


#: The DBAPI modules whose connections the cache may hold: :mod:`sqlite3`, and the SQLCipher binding
#: once an encrypted cache loaded it (:func:`register_driver`). The error tuples below follow, so that
#: ``except replica.OPERATIONAL_ERRORS`` catches what either driver raises. sqlcipher3 is imported
#: only when encryption is used (it costs ~60 ms and its own copy of SQLite).
CONNECTIONS: tuple[type[Any], ...] = (sqlite3.Connection,)
OPERATIONAL_ERRORS: tuple[type[Exception], ...] = (sqlite3.OperationalError,)
DATABASE_ERRORS: tuple[type[Exception], ...] = (sqlite3.DatabaseError,)
ERRORS: tuple[type[Exception], ...] = (sqlite3.Error,)


def register_driver(dbapi: Any) -> None:
    """Accept connections of another sqlite3-compatible DBAPI module (the SQLCipher binding)."""
    global CONNECTIONS, OPERATIONAL_ERRORS, DATABASE_ERRORS, ERRORS
    if dbapi.Connection in CONNECTIONS:
        return
    CONNECTIONS = (*CONNECTIONS, dbapi.Connection)
    OPERATIONAL_ERRORS = (*OPERATIONAL_ERRORS, dbapi.OperationalError)
    DATABASE_ERRORS = (*DATABASE_ERRORS, dbapi.DatabaseError)
    ERRORS = (*ERRORS, dbapi.Error)


def raw_sqlite(conn: Connection) -> Any:
    """The DBAPI connection under ``conn``: a :class:`sqlite3.Connection`, or its SQLCipher twin
    (same API) when the cache is encrypted."""
    raw = conn.connection.driver_connection
    assert isinstance(raw, CONNECTIONS), type(raw)
    return raw


def sql(conn: Connection, statement: str, params: Sequence[Any] | list[Sequence[Any]] = ()) -> Rows:
    """Run ``statement`` on the connection's SQLite handle (a list of tuples runs it for each)."""
    raw = conn.connection.driver_connection
    assert isinstance(raw, CONNECTIONS)
    if isinstance(params, list):
        return Rows(raw.executemany(statement, params))
    return Rows(raw.execute(statement, params))


def _converter(tp: Any) -> Callable[[Any], Any] | None:
    """How to rebuild a value of type ``tp`` from JSON the cache itself wrote (None: as is)."""
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(tp) if a is not type(None)]
        conv = _converter(inner[0]) if len(inner) == 1 else None
        if conv is None:
            return None
        return lambda v: None if v is None else conv(v)
    if origin is tuple:
        item = _converter(typing.get_args(tp)[0])
        return tuple if item is None else (lambda v: tuple(item(x) for x in v))
    if origin is dict:
        return dict
    if isinstance(tp, type) and issubclass(tp, Enum):
        return tp
    if tp is datetime:
        return datetime.fromisoformat
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return _fast_decoder(tp)
    return None


@cache
def _fast_decoder(cls: type[Any]) -> Callable[[dict[str, Any]], Any]:
    hints = typing.get_type_hints(cls)
    plan = [(f.name, _converter(hints[f.name])) for f in dataclasses.fields(cls)]

    def build(data: dict[str, Any]) -> Any:
        kwargs = {}
        for name, conv in plan:
            if name in data:
                value = data[name]
                kwargs[name] = conv(value) if conv is not None and value is not None else value
        return cls(**kwargs)

    return build


def decode(kind: EntityKind, data: str) -> Any:
    """Rebuild an entity the cache stored. Rows were checked by ``from_wire`` on their way in, so a
    lighter decoder reads them back; anything it cannot read goes through ``from_wire`` again, which
    names what is wrong (a file edited by hand, say)."""
    wire = loads(data)
    try:
        return _fast_decoder(ENTITY_TYPES[kind])(wire)  # type: ignore[arg-type]  # classes hash
    except (TypeError, ValueError, KeyError, AttributeError):
        return from_wire(ENTITY_TYPES[kind], wire)


def load(conn: Connection, kind: EntityKind, entity_id: str) -> Any | None:
    table, key, _, _ = TABLES[kind]
    row = sql(conn, f"SELECT data FROM {table} WHERE {key} = ?", (entity_id,)).first()  # noqa: S608
    return None if row is None else decode(kind, row[0])


def _chunks(items: Sequence[Any], size: int = 500) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def upsert_many(
    conn: Connection,
    kind: EntityKind,
    objects: Sequence[Any],
    kept: bool = False,
    wires: Sequence[Any] | None = None,
) -> set[str]:
    """Write entities of one kind; returns the ids of customers whose search entry must be rebuilt.

    ``wires`` are the entities' wire forms when the caller already has them (a feed page, checked
    by ``from_wire``): stored as received rather than serialised again.
    """
    if not objects:
        return set()
    _, _, _, build = TABLES[kind]
    if wires is None:
        wires = [to_wire(o) for o in objects]
    rows = [build(o, dumps(w)) for o, w in zip(objects, wires, strict=True)]
    if kind is EntityKind.INTERACTION:
        _upsert_interactions(conn, objects, rows)
        return set()
    sql(conn, UPSERT_SQL[kind], rows)
    if kind is EntityKind.CUSTOMER:
        ids = [o.id for o in objects]
        if kept:
            for chunk in _chunks(ids):
                marks = ",".join("?" * len(chunk))
                sql(conn, f"UPDATE customers SET kept = 1 WHERE id IN ({marks})", tuple(chunk))  # noqa: S608
        return set(ids)
    if kind is EntityKind.ORDER:
        ids = [(o.id,) for o in objects]
        sql(conn, "DELETE FROM order_lines WHERE order_id = ?", ids)
        lines = [
            (line.id, o.id, line.product_id, line.paid_cents, line.refunded_cents)
            for o in objects
            for line in o.lines
        ]
        if lines:
            sql(
                conn,
                "INSERT OR REPLACE INTO order_lines (id, order_id, product_id, paid_cents, refunded_cents) "
                "VALUES (?, ?, ?, ?, ?)",
                lines,
            )
        return {o.customer_id for o in objects}
    return set()


def _upsert_interactions(conn: Connection, objects: Sequence[Any], rows: list[Row]) -> None:
    ids = [o.id for o in objects]
    for chunk in _chunks(ids):
        marks = ",".join("?" * len(chunk))
        old = sql(
            conn,
            f"SELECT key, data FROM interactions WHERE id IN ({marks})",  # noqa: S608
            tuple(chunk),
        ).all()
        if old:
            # contentless index: removing an entry needs the text it was indexed with
            sql(
                conn,
                "INSERT INTO interaction_fts(interaction_fts, rowid, body) VALUES ('delete', ?, ?)",
                [(key, interaction_body(loads(data))) for key, data in old],
            )
    sql(conn, UPSERT_SQL[EntityKind.INTERACTION], rows)
    bodies = {o.id: interaction_body(to_wire_text(o)) for o in objects}
    for chunk in _chunks(ids):
        marks = ",".join("?" * len(chunk))
        keys = sql(
            conn,
            f"SELECT key, id FROM interactions WHERE id IN ({marks})",  # noqa: S608
            tuple(chunk),
        ).all()
        sql(
            conn,
            "INSERT INTO interaction_fts(rowid, body) VALUES (?, ?)",
            [(key, bodies[iid]) for key, iid in keys],
        )


def to_wire_text(o: model.Interaction) -> dict[str, object]:
    return {"text": o.text, "details": o.details}


def _delete_interactions(conn: Connection, where: str, params: tuple[Any, ...]) -> int:
    rows = sql(conn, f"SELECT key, data FROM interactions WHERE {where}", params).all()  # noqa: S608
    if not rows:
        return 0
    sql(
        conn,
        "INSERT INTO interaction_fts(interaction_fts, rowid, body) VALUES ('delete', ?, ?)",
        [(key, interaction_body(loads(data))) for key, data in rows],
    )
    sql(conn, "DELETE FROM interactions WHERE key = ?", [(key,) for key, _ in rows])
    return len(rows)


def _unindex_customer(conn: Connection, customer_id: str) -> None:
    cols = ", ".join(SEARCH_COLUMNS)
    sql(
        conn,
        f"INSERT INTO customer_fts(customer_fts, rowid, {cols}) "  # noqa: S608
        f"SELECT 'delete', key, {cols} FROM customers WHERE id = ? AND search_indexed = 1",
        (customer_id,),
    )
    sql(conn, "UPDATE customers SET search_indexed = 0 WHERE id = ?", (customer_id,))


def erase_customer(conn: Connection, customer_id: str) -> None:
    """Remove a customer and everything attached to it (data-protection erasure)."""
    _unindex_customer(conn, customer_id)
    _delete_interactions(conn, "customer_id = ?", (customer_id,))
    # The advisor's unsent reply drafts to this customer (addressed by name, about its story) go too.
    sql(
        conn,
        "DELETE FROM drafts WHERE case_id IN (SELECT id FROM cases WHERE customer_id = ?)",
        (customer_id,),
    )
    # a rating a customer gave is personal data too: the centre sends it back anonymised if it keeps it
    for table in ("cases", "orders", "followups", "satisfaction", "escalations", "product_ratings"):
        sql(conn, f"DELETE FROM {table} WHERE customer_id = ?", (customer_id,))  # noqa: S608
    # A local grant still waiting in the outbox stays until the centre answers it.
    sql(conn, "DELETE FROM decisions WHERE customer_id = ? AND status != 'pending'", (customer_id,))
    sql(conn, "DELETE FROM customers WHERE id = ?", (customer_id,))


def delete(conn: Connection, kind: EntityKind, entity_id: str) -> set[str]:
    """Remove one entity (and what hangs off it); returns customers whose search entry changed."""
    if kind is EntityKind.CUSTOMER:
        erase_customer(conn, entity_id)
        return set()
    if kind is EntityKind.INTERACTION:
        _delete_interactions(conn, "id = ?", (entity_id,))
        return set()
    touched: set[str] = set()
    if kind is EntityKind.ORDER:
        row = sql(conn, "SELECT customer_id FROM orders WHERE id = ?", (entity_id,)).first()
        if row:
            touched.add(row[0])
    table, key, _, _ = TABLES[kind]
    sql(conn, f"DELETE FROM {table} WHERE {key} = ?", (entity_id,))  # noqa: S608
    return touched


def refresh_customer_search(
    conn: Connection, customer_ids: Iterable[str], known: dict[str, Any] | None = None
) -> None:
    """Re-index the identity of these customers (their fields and order numbers).

    ``known`` maps ids to Customer objects the caller already holds, to spare decoding them.
    """
    cols = ", ".join(SEARCH_COLUMNS)
    ids = list(dict.fromkeys(customer_ids))
    for chunk in _chunks(ids):
        marks = ",".join("?" * len(chunk))
        rows = sql(
            conn,
            f"SELECT id, key, data, search_indexed, {cols} FROM customers WHERE id IN ({marks})",  # noqa: S608
            tuple(chunk),
        ).all()
        numbers: dict[str, list[str]] = {}
        for customer_id, number in sql(
            conn,
            f"SELECT customer_id, number FROM orders WHERE customer_id IN ({marks}) "  # noqa: S608
            "ORDER BY placed_at DESC",
            tuple(chunk),
        ):
            numbers.setdefault(customer_id, []).append(number)
        stale = [(row[1], *row[4:]) for row in rows if row[3]]
        if stale:
            # external-content index: an entry is removed by giving back the values it was built from
            marks_cols = ", ".join("?" for _ in SEARCH_COLUMNS)
            sql(
                conn,
                f"INSERT INTO customer_fts(customer_fts, rowid, {cols}) VALUES ('delete', ?, {marks_cols})",  # noqa: S608
                stale,
            )
        fresh = []
        for row in rows:
            customer = (known or {}).get(row[0]) or decode(EntityKind.CUSTOMER, row[2])
            values = customer_search_columns(customer, numbers.get(row[0], []))
            fresh.append((row[1], *(values[c] for c in SEARCH_COLUMNS)))
        sets = ", ".join(f"{c} = ?" for c in SEARCH_COLUMNS)
        sql(
            conn,
            f"UPDATE customers SET {sets}, search_indexed = 1 WHERE key = ?",  # noqa: S608
            [(*values, key) for key, *values in fresh],
        )
        sql(
            conn,
            f"INSERT INTO customer_fts(rowid, {cols}) VALUES (?, {', '.join('?' for _ in SEARCH_COLUMNS)})",  # noqa: S608
            fresh,
        )


def rebuild_search(conn: Connection) -> None:
    """Rebuild both full-text indexes from the stored entities (after an upgrade or a repair)."""
    sql(conn, "INSERT INTO customer_fts(customer_fts) VALUES ('delete-all')")
    sql(conn, "INSERT INTO interaction_fts(interaction_fts) VALUES ('delete-all')")
    sql(conn, "UPDATE customers SET search_indexed = 0")
    ids = [r[0] for r in sql(conn, "SELECT id FROM customers")]
    refresh_customer_search(conn, ids)
    batch: list[tuple[int, str]] = []
    for key, data in sql(conn, "SELECT key, data FROM interactions").all():
        batch.append((key, interaction_body(loads(data))))
        if len(batch) >= 1000:
            sql(conn, "INSERT INTO interaction_fts(rowid, body) VALUES (?, ?)", batch)
            batch = []
    if batch:
        sql(conn, "INSERT INTO interaction_fts(rowid, body) VALUES (?, ?)", batch)


def clear_replicated(conn: Connection) -> None:
    sql(conn, "INSERT INTO customer_fts(customer_fts) VALUES ('delete-all')")
    sql(conn, "INSERT INTO interaction_fts(interaction_fts) VALUES ('delete-all')")
    for table in REPLICATED_TABLES:
        if table == "decisions":
            # local grants not yet confirmed are the workstation's own: the outbox still needs them
            sql(conn, "DELETE FROM decisions WHERE status != 'pending'")
            continue
        sql(conn, f"DELETE FROM {table}")  # noqa: S608


def response_targets(conn: Connection) -> dict[str, ResponseTarget]:
    return {
        channel: decode(EntityKind.RESPONSE_TARGET, data)
        for channel, data in sql(conn, "SELECT channel, data FROM response_targets")
    }
