"""Reading the changes feed for one user: pages in commit order, and long-polling for new ones."""

from __future__ import annotations

import json
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Row, String, Text, cast, literal_column, null, select, union_all
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from advisor_desk.domain.model import Role, User
from advisor_desk.domain.wire import EntityKind
from advisor_desk.server import feed, scope, store
from advisor_desk.server.bell import BELL
from advisor_desk.server.db import Database
from advisor_desk.server.errors import ApiError
from advisor_desk.server.models import ScopeMemberRow
from advisor_desk.server.sql import chunks

MAX_WAIT_SECONDS = 30


@dataclass(frozen=True, slots=True)
class ChangesPage:
    """One page of the feed; each change is already its JSON text (see :func:`read_changes`)."""

    changes: list[str]
    next: int
    has_more: bool

    def to_json(self) -> bytes:
        """The answer's body: ``{"changes": [...], "next": "N", "has_more": bool}``."""
        more = "true" if self.has_more else "false"
        return f'{{"changes":[{",".join(self.changes)}],"next":"{self.next}","has_more":{more}}}'.encode()


def reset_required(cursor: str) -> ApiError:
    return ApiError(
        410,
        "reset_required",
        "This feed position is unknown to the server; start again from 0 and keep the outbox.",
        {"after": cursor[:40]},
    )


def parse_cursor(after: str | None) -> int:
    """A cursor the server issued, as a position (410 for anything it cannot have issued)."""
    text = (after or "0").strip()
    if not text.isdigit() or len(text) > 18:
        raise reset_required(text)
    return int(text)


def _scope_page(session: Session, user: User, after: int, limit: int) -> list[Row[Any]]:
    member = ScopeMemberRow.__table__.c
    return list(
        session.execute(
            select(member.position, member.customer_id, member.op)
            .where(member.user_id.in_(scope.members_of(user)), member.position > after)
            .order_by(member.position)
            .limit(limit + 1)
        )
    )


def _still_in_scope(session: Session, user: User, customer_ids: list[str]) -> set[str]:
    """Customers among these that one of the user's members still holds (an exit of the other one)."""
    if not customer_ids:
        return set()
    return set(
        session.scalars(
            select(ScopeMemberRow.customer_id).where(
                ScopeMemberRow.user_id.in_(scope.members_of(user)),
                ScopeMemberRow.customer_id.in_(customer_ids),
                ScopeMemberRow.op == "enter",
            )
        )
    )


def _stored_json(table: Any) -> Any:
    """The stored wire form as its JSON text: served as is, never parsed and serialised again."""
    return cast(table.c.data, Text)


def _wire_texts(
    session: Session, wanted: dict[EntityKind, list[str]], whole: list[str]
) -> tuple[dict[tuple[str, str], str], dict[str, list[tuple[str, str, str]]]]:
    """The stored JSON of the entities ``wanted`` (by kind and id), and of the customers ``whole``
    with everything attached to them (a scope entry), in one statement.

    Returns ``{(kind, id): json}`` and ``{customer id: [(kind, id, json)]}`` (the customer first, then
    its orders, cases, interactions, follow-ups and satisfaction, each by id).
    """
    parts: list[Any] = []
    for kind, ids in wanted.items():
        table: Any = store.TABLES[kind].__table__
        for part in chunks(sorted(set(ids)), 500):
            parts.append(
                select(
                    literal_column("0").label("w"),
                    literal_column(f"'{kind.value}'").label("kind"),
                    table.c.id,
                    cast(null(), String).label("owner"),
                    _stored_json(table).label("data"),
                ).where(table.c.id.in_(part))
            )
    if whole:
        customers: Any = store.TABLES[EntityKind.CUSTOMER].__table__
        parts.append(
            select(
                literal_column("1").label("w"),
                literal_column(f"'{EntityKind.CUSTOMER.value}'").label("kind"),
                customers.c.id,
                customers.c.id.label("owner"),
                _stored_json(customers).label("data"),
            ).where(customers.c.id.in_(whole))
        )
        for kind in store.ATTACHED:
            table = store.TABLES[kind].__table__
            parts.append(
                select(
                    literal_column("1").label("w"),
                    literal_column(f"'{kind.value}'").label("kind"),
                    table.c.id,
                    table.c.customer_id.label("owner"),
                    _stored_json(table).label("data"),
                ).where(table.c.customer_id.in_(whole))
            )
    found: dict[tuple[str, str], str] = {}
    attached: dict[str, list[tuple[str, str, str]]] = {}
    if not parts:
        return found, attached
    for w, kind_value, key, owner, data in session.execute(union_all(*parts)):
        if w == 0:
            found[(kind_value, key)] = data
        else:
            attached.setdefault(owner, []).append((kind_value, key, data))
    order = {kind.value: n for n, kind in enumerate((EntityKind.CUSTOMER, *store.ATTACHED))}
    for entries in attached.values():
        entries.sort(key=lambda e: (order[e[0]], e[1]))
    return found, attached


def _change(cursor: int, kind: str, op: str, key: str, data: str | None) -> str:
    return (
        f'{{"cursor":"{cursor}","entity":"{kind}","op":"{op}","id":{json.dumps(key)},'
        f'"data":{"null" if data is None else data}}}'
    )


def read_changes(
    session: Session, user: User, after: int, limit: int, per_user_scope: bool = True
) -> ChangesPage:
    """One page of what ``user`` receives after position ``after``.

    With ``per_user_scope`` (API.md, "Scope"), the user's scope entries and exits are merged into
    the feed by position: an entry brings the whole customer at its position, an exit a deletion.

    Entities are served from their stored wire JSON as it is (no ORM objects, no parsing): one
    statement for the page's feed rows, one for its scope rows, one for all the data.
    """
    # The counter is read first: everything at or below it was committed before this read, so a
    # page that ends the feed may move the cursor up to it past other teams' changes.
    top = feed.current_position(session)
    if after > top:
        raise reset_required(str(after))
    scoped = per_user_scope and user.role is not Role.ADMIN
    rows, has_more = feed.read_page_rows(session, user, after, limit, scoped)
    members = _scope_page(session, user, after, limit) if scoped else []
    # (position, is scope row, row): feed rows and scope rows never share a position.
    merged: list[tuple[int, bool, Any]] = sorted(
        [*((r.position, False, r) for r in rows), *((m.position, True, m) for m in members)],
        key=lambda item: item[0],
    )
    has_more = has_more or len(members) > limit or len(merged) > limit
    merged = merged[:limit]
    leaving = [r.customer_id for _, is_scope, r in merged if is_scope and r.op == "leave"]
    kept = _still_in_scope(session, user, leaving)
    wanted: dict[EntityKind, list[str]] = {}
    entering: list[str] = []
    for _, is_scope, row in merged:
        if is_scope:
            if row.op == "enter":
                entering.append(row.customer_id)
        elif row.op == "upsert":
            wanted.setdefault(EntityKind(row.kind), []).append(row.entity_id)
    data, whole = _wire_texts(session, wanted, sorted(set(entering)))
    changes: list[str] = []
    for position, is_scope, row in merged:
        if is_scope:
            if row.op == "enter":
                changes += [
                    _change(position, kind, "upsert", key, wire)
                    for kind, key, wire in whole.get(row.customer_id, ())
                ]
            elif row.customer_id not in kept:
                changes.append(_change(position, EntityKind.CUSTOMER.value, "delete", row.customer_id, None))
            continue
        if row.op == "upsert":
            current = data.get((row.kind, row.entity_id))
            if current is None:
                # Deleted since this page was read: its deletion sits at a later position.
                continue
            changes.append(_change(position, row.kind, "upsert", row.entity_id, current))
        else:
            changes.append(_change(position, row.kind, "delete", row.entity_id, None))
    last = merged[-1][0] if merged else after
    return ChangesPage(changes, last if has_more else max(last, top), has_more)


async def wait_for_changes(
    database: Database,
    user: User,
    after: int,
    limit: int,
    wait: float,
    poll_seconds: float,
    disconnected: Callable[[], Awaitable[bool]],
    per_user_scope: bool = True,
) -> ChangesPage:
    """A page, held up to ``wait`` seconds while there is nothing new for the user (long-polling).

    A waiting request sleeps on the in-process bell (:mod:`advisor_desk.server.bell`), rung by every
    commit that moves the feed, so a change reaches it at once; every ``poll_seconds`` one waiter of
    the process looks at the counter (one row) for commits of other server processes and rings the
    bell for all. Idle workstations cost a sleeping task each.
    """

    def read(position: int) -> ChangesPage:
        if per_user_scope:
            scope.refresh_due(database, user, datetime.now(UTC), force=position == 0)
        with database.read() as session:
            return read_changes(session, user, position, limit, per_user_scope)

    def counter() -> int:
        with database.read() as session:
            return feed.current_position(session)

    page = await run_in_threadpool(read, after)
    deadline = time.monotonic() + min(max(wait, 0.0), MAX_WAIT_SECONDS)
    seen = page.next
    while not page.changes and time.monotonic() < deadline:
        # Wake at least every poll interval: one waiter of the process then looks at the counter.
        await BELL.wait(min(poll_seconds, deadline - time.monotonic()))
        if await disconnected():
            break
        if BELL.claim_poll(time.monotonic(), poll_seconds):
            await run_in_threadpool(lambda: BELL.heard(counter()))
        if BELL.top <= seen:
            continue
        page = await run_in_threadpool(read, after)
        seen = page.next
    return page
