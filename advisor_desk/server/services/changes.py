"""Reading the changes feed for one user: pages in commit order, and long-polling for new ones."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from advisor_desk.domain.model import Role, User
from advisor_desk.domain.wire import EntityKind
from advisor_desk.server import feed, scope, store
from advisor_desk.server.bell import BELL
from advisor_desk.server.db import Database
from advisor_desk.server.errors import ApiError
from advisor_desk.server.models import FeedEntryRow as FeedRow
from advisor_desk.server.models import ScopeMemberRow

MAX_WAIT_SECONDS = 30


@dataclass(frozen=True, slots=True)
class ChangesPage:
    changes: list[dict[str, Any]]
    next: int
    has_more: bool


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


def _scope_page(session: Session, user: User, after: int, limit: int) -> list[ScopeMemberRow]:
    return list(
        session.scalars(
            select(ScopeMemberRow)
            .where(ScopeMemberRow.user_id.in_(scope.members_of(user)), ScopeMemberRow.position > after)
            .order_by(ScopeMemberRow.position)
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


def _customer_whole(session: Session, customer_id: str) -> list[tuple[EntityKind, str, Any]]:
    """A customer and everything attached to it, as they are now (a scope entry)."""
    found: list[tuple[EntityKind, str, Any]] = []
    customer = store.load_many(session, EntityKind.CUSTOMER, [customer_id]).get(customer_id)
    if customer is None:
        return found
    found.append((EntityKind.CUSTOMER, customer_id, customer))
    for kind in store.ATTACHED:
        table: Any = store.TABLES[kind]
        for key, data in session.execute(
            select(table.id, table.data).where(table.customer_id == customer_id).order_by(table.id)
        ):
            found.append((kind, key, data))
    return found


def read_changes(
    session: Session, user: User, after: int, limit: int, per_user_scope: bool = True
) -> ChangesPage:
    """One page of what ``user`` receives after position ``after``.

    With ``per_user_scope`` (API.md, "Scope"), the user's scope entries and exits are merged into
    the feed by position: an entry brings the whole customer at its position, an exit a deletion.
    """
    # The counter is read first: everything at or below it was committed before this read, so a
    # page that ends the feed may move the cursor up to it past other teams' changes.
    top = feed.current_position(session)
    if after > top:
        raise reset_required(str(after))
    scoped = per_user_scope and user.role is not Role.ADMIN
    rows, has_more = feed.read_page(session, user, after, limit, scoped)
    members = _scope_page(session, user, after, limit) if scoped else []
    merged: list[Any] = sorted([*rows, *members], key=lambda r: r.position)
    has_more = has_more or len(members) > limit or len(merged) > limit
    merged = merged[:limit]
    leaving = [m.customer_id for m in merged if isinstance(m, ScopeMemberRow) and m.op == "leave"]
    kept = _still_in_scope(session, user, leaving)
    wanted: dict[EntityKind, list[str]] = {}
    for row in merged:
        if isinstance(row, FeedRow) and row.op == "upsert":
            wanted.setdefault(EntityKind(row.kind), []).append(row.entity_id)
    data = {kind: store.load_many(session, kind, ids) for kind, ids in wanted.items()}
    changes: list[dict[str, Any]] = []
    for row in merged:
        if isinstance(row, ScopeMemberRow):
            cursor = str(row.position)
            if row.op == "enter":
                changes += [
                    {"cursor": cursor, "entity": kind.value, "op": "upsert", "id": key, "data": wire}
                    for kind, key, wire in _customer_whole(session, row.customer_id)
                ]
            elif row.customer_id not in kept:
                changes.append(
                    {
                        "cursor": cursor,
                        "entity": "customer",
                        "op": "delete",
                        "id": row.customer_id,
                        "data": None,
                    }
                )
            continue
        if row.op == "upsert":
            current = data[EntityKind(row.kind)].get(row.entity_id)
            if current is None:
                # Deleted since this page was read: its deletion sits at a later position.
                continue
            changes.append(
                {
                    "cursor": str(row.position),
                    "entity": row.kind,
                    "op": "upsert",
                    "id": row.entity_id,
                    "data": current,
                }
            )
        else:
            changes.append(
                {
                    "cursor": str(row.position),
                    "entity": row.kind,
                    "op": "delete",
                    "id": row.entity_id,
                    "data": None,
                }
            )
    last = merged[-1].position if merged else after
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
