"""Reading the changes feed for one user: pages in commit order, and long-polling for new ones."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from advisor_desk.domain.model import User
from advisor_desk.domain.wire import EntityKind
from advisor_desk.server import feed, store
from advisor_desk.server.db import Database
from advisor_desk.server.errors import ApiError

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


def read_changes(session: Session, user: User, after: int, limit: int) -> ChangesPage:
    """One page of what ``user`` receives after position ``after``."""
    # The counter is read first: everything at or below it was committed before this read, so a
    # page that ends the feed may move the cursor up to it past other teams' changes.
    top = feed.current_position(session)
    if after > top:
        raise reset_required(str(after))
    rows, has_more = feed.read_page(session, user, after, limit)
    wanted: dict[EntityKind, list[str]] = {}
    for row in rows:
        if row.op == "upsert":
            wanted.setdefault(EntityKind(row.kind), []).append(row.entity_id)
    data = {kind: store.load_many(session, kind, ids) for kind, ids in wanted.items()}
    changes: list[dict[str, Any]] = []
    for row in rows:
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
    last = rows[-1].position if rows else after
    return ChangesPage(changes, last if has_more else max(last, top), has_more)


async def wait_for_changes(
    database: Database,
    user: User,
    after: int,
    limit: int,
    wait: float,
    poll_seconds: float,
    disconnected: Callable[[], Awaitable[bool]],
) -> ChangesPage:
    """A page, held up to ``wait`` seconds while there is nothing new for the user (long-polling).

    Between full reads it only looks at the counter (one row), so idle workstations cost little.
    """

    def read(position: int) -> ChangesPage:
        with database.read() as session:
            return read_changes(session, user, position, limit)

    def counter() -> int:
        with database.read() as session:
            return feed.current_position(session)

    page = await run_in_threadpool(read, after)
    deadline = time.monotonic() + min(max(wait, 0.0), MAX_WAIT_SECONDS)
    seen = page.next
    while not page.changes and time.monotonic() < deadline:
        await asyncio.sleep(min(poll_seconds, max(0.0, deadline - time.monotonic())))
        if await disconnected():
            break
        if await run_in_threadpool(counter) > seen:
            page = await run_in_threadpool(read, after)
            seen = page.next
    return page
