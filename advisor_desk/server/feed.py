"""The changes feed: where each replicated entity's latest change sits, in commit order.

Writers call :func:`record_change` for every entity they touch; nothing is positioned yet. When the
transaction commits, :func:`_assign_positions` (a ``before_commit`` hook on every session) bumps the
single counter row by the number of changes — an ``UPDATE ... RETURNING`` that holds the row's lock
until the commit — and moves each entity's feed row to one of the fresh positions. Because the counter
lock is taken last and released by the commit itself, a transaction that commits late always gets
positions above everything committed before it: a reader that has passed position N never later finds
a new change at or below N, on PostgreSQL as on SQLite (where writers are serialised anyway).

One row per (kind, id): an entity changed ten times appears once, at its latest position.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import and_, event, exists, false, or_, select, text, update
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from advisor_desk.domain.model import Role, User
from advisor_desk.domain.wire import EntityKind
from advisor_desk.server.bell import BELL
from advisor_desk.server.models import (
    CaseRow,
    FeedCounterRow,
    FeedEntryRow,
    FollowUpRow,
    InteractionRow,
    OrderRow,
    SatisfactionRow,
    ScopeMemberRow,
)
from advisor_desk.server.sql import upsert

COUNTER_ID = 1
_PENDING = "advisor_desk.pending_changes"
_MOVED = "advisor_desk.feed_moved"

#: Tables of the entities hanging on a customer, to note which customer a ``team`` entry belongs to.
_ATTACHED_TABLES: dict[str, Any] = {
    EntityKind.ORDER.value: OrderRow,
    EntityKind.CASE.value: CaseRow,
    EntityKind.INTERACTION.value: InteractionRow,
    EntityKind.FOLLOWUP.value: FollowUpRow,
    EntityKind.SATISFACTION.value: SatisfactionRow,
}


class Scope(StrEnum):
    ALL = "all"  # catalogues: gesture types, products, scripts, targets, settings
    TEAM = "team"  # a customer and everything attached to it
    ROLE = "role"  # an authority envelope
    OWNER = "owner"  # decisions and escalations: their author, and the leads of their team


class FeedError(RuntimeError):
    """The feed cannot be written (the database was not initialised with ``init-db``)."""


@dataclass(frozen=True, slots=True)
class Audience:
    """Who receives a change."""

    scope: Scope
    team: str | None = None
    owner_id: str | None = None
    role: str | None = None


@dataclass(frozen=True, slots=True)
class PendingChange:
    op: str  # "upsert" or "delete"
    audience: Audience


def record_change(session: Session, kind: EntityKind, entity_id: str, op: str, audience: Audience) -> None:
    """Note that an entity changed in this transaction; it gets its feed position at commit."""
    pending: dict[tuple[str, str], PendingChange] = session.info.setdefault(_PENDING, {})
    key = (kind.value, entity_id)
    # Re-inserting moves the key to the end: the latest change decides the order within the commit.
    pending.pop(key, None)
    pending[key] = PendingChange(op, audience)


def record_changes(session: Session, changes: Iterable[tuple[EntityKind, str, str, Audience]]) -> None:
    for kind, entity_id, op, audience in changes:
        record_change(session, kind, entity_id, op, audience)


def pending_audience(session: Session, kind: EntityKind, entity_id: str) -> Audience | None:
    """The audience of a change recorded in this transaction and not yet committed, if any."""
    change = session.info.get(_PENDING, {}).get((kind.value, entity_id))
    return change.audience if change is not None else None


def pending_count(session: Session) -> int:
    return len(session.info.get(_PENDING, {}))


def claim_positions(session: Session, count: int) -> int:
    """Take ``count`` fresh positions (the counter's row lock is then held until commit); the first."""
    top = session.execute(
        update(FeedCounterRow)
        .where(FeedCounterRow.id == COUNTER_ID)
        .values(position=FeedCounterRow.position + count)
        .returning(FeedCounterRow.position)
    ).scalar_one_or_none()
    if top is None:
        raise FeedError("the feed counter is missing: run `advisor-desk-server init-db`")
    session.info[_MOVED] = max(int(top), session.info.get(_MOVED, 0))
    return int(top) - count + 1


def current_position(session: Session) -> int:
    value = session.scalar(select(FeedCounterRow.position).where(FeedCounterRow.id == COUNTER_ID))
    if value is None:
        raise FeedError("the feed counter is missing: run `advisor-desk-server init-db`")
    return int(value)


@event.listens_for(Session, "before_commit")
def _assign_positions(session: Session) -> None:
    pending: dict[tuple[str, str], PendingChange] | None = session.info.pop(_PENDING, None)
    if not pending:
        return
    # Flush first so that every entity write happens before the counter lock is taken: the lock is
    # then held only for the feed rows and the commit itself.
    session.flush()
    customers = _customers_of(session, pending)
    # Customers getting an open case enter the scope of their team's users at this commit.
    from advisor_desk.server import scope

    entering = scope.entering_with_open_cases(session, pending, customers)
    entries = [
        (kind, entity_id, change.op, change.audience, customers.get((kind, entity_id)))
        for (kind, entity_id), change in pending.items()
    ]
    if _is_postgres(session):
        claim_and_write(session, entries, entering)
        return
    count = len(pending) + len(entering)
    first = claim_positions(session, count)
    scope.write_entries(session, entering, first + len(pending))
    upsert(session, FeedEntryRow, _entry_rows(entries, first), ("kind", "entity_id"))


FeedEntry = tuple[str, str, str, Audience, str | None]  # kind, entity id, op, audience, customer id


def _entry_rows(entries: list[FeedEntry], first: int) -> list[dict[str, Any]]:
    return [
        {
            "kind": kind,
            "entity_id": entity_id,
            "position": first + offset,
            "op": op,
            "scope": audience.scope.value,
            "team": audience.team,
            "owner_id": audience.owner_id,
            "role": audience.role,
            "customer_id": customer_id,
        }
        for offset, (kind, entity_id, op, audience, customer_id) in enumerate(entries)
    ]


def _is_postgres(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


#: One statement (PostgreSQL): take the positions from the counter (its row lock is then held until
#: the commit) and write the feed rows and scope rows at them. Everything else of the transaction
#: happened before, so the lock that orders the feed by commit is held for this one round trip and
#: the commit -- not for several round trips of a busy Python process.
_CLAIM_AND_WRITE = text(
    """
WITH counter AS (
    UPDATE feed_counter SET position = position + :count WHERE id = :counter
    RETURNING position - :count AS base, position AS top
),
feed AS (
    INSERT INTO feed_entries (kind, entity_id, position, op, scope, team, owner_id, role, customer_id)
    SELECT e.kind, e.entity_id, counter.base + e.n, e.op, e.scope, e.team, e.owner_id, e.role, e.customer_id
    FROM counter, unnest(
        CAST(:kinds AS text[]), CAST(:entity_ids AS text[]), CAST(:ops AS text[]), CAST(:scopes AS text[]),
        CAST(:teams AS text[]), CAST(:owner_ids AS text[]), CAST(:roles AS text[]),
        CAST(:customer_ids AS text[])
    ) WITH ORDINALITY AS e(kind, entity_id, op, scope, team, owner_id, role, customer_id, n)
    ON CONFLICT (kind, entity_id) DO UPDATE SET
        position = excluded.position, op = excluded.op, scope = excluded.scope, team = excluded.team,
        owner_id = excluded.owner_id, role = excluded.role, customer_id = excluded.customer_id
),
members AS (
    INSERT INTO scope_members (user_id, customer_id, op, position)
    SELECT m.user_id, m.customer_id, m.op, counter.base + :entry_count + m.n
    FROM counter, unnest(
        CAST(:member_ids AS text[]), CAST(:member_customer_ids AS text[]), CAST(:member_ops AS text[])
    ) WITH ORDINALITY AS m(user_id, customer_id, op, n)
    ON CONFLICT (user_id, customer_id) DO UPDATE SET op = excluded.op, position = excluded.position
)
SELECT top FROM counter
"""
)


def claim_and_write(
    session: Session, entries: list[FeedEntry], scope_changes: list[tuple[str, str, str]]
) -> int:
    """Position feed entries, then scope changes (member, customer, op), at fresh consecutive
    positions in one statement (PostgreSQL); returns the counter's new top."""
    count = len(entries) + len(scope_changes)
    top = session.execute(
        _CLAIM_AND_WRITE,
        {
            "count": count,
            "counter": COUNTER_ID,
            "entry_count": len(entries),
            "kinds": [e[0] for e in entries],
            "entity_ids": [e[1] for e in entries],
            "ops": [e[2] for e in entries],
            "scopes": [e[3].scope.value for e in entries],
            "teams": [e[3].team for e in entries],
            "owner_ids": [e[3].owner_id for e in entries],
            "roles": [e[3].role for e in entries],
            "customer_ids": [e[4] for e in entries],
            "member_ids": [c[0] for c in scope_changes],
            "member_customer_ids": [c[1] for c in scope_changes],
            "member_ops": [c[2] for c in scope_changes],
        },
    ).scalar_one_or_none()
    if top is None:
        raise FeedError("the feed counter is missing: run `advisor-desk-server init-db`")
    session.info[_MOVED] = max(int(top), session.info.get(_MOVED, 0))
    return int(top)


def position_scope_changes(session: Session, scope_changes: list[tuple[str, str, str]]) -> None:
    """Give scope changes (member, customer, op) fresh positions; the counter lock is held to commit."""
    if not scope_changes:
        return
    if _is_postgres(session):
        claim_and_write(session, [], scope_changes)
        return
    from advisor_desk.server import scope

    scope.write_entries(session, scope_changes, claim_positions(session, len(scope_changes)))


def _customers_of(
    session: Session, pending: dict[tuple[str, str], PendingChange]
) -> dict[tuple[str, str], str]:
    """The customer each pending ``team`` change hangs on (per-user scope filters on it)."""
    found: dict[tuple[str, str], str] = {}
    wanted: dict[str, list[str]] = {}
    for (kind, entity_id), change in pending.items():
        if change.audience.scope is not Scope.TEAM:
            continue
        if kind == EntityKind.CUSTOMER.value:
            found[(kind, entity_id)] = entity_id
        elif kind in _ATTACHED_TABLES:
            wanted.setdefault(kind, []).append(entity_id)
    for kind, ids in wanted.items():
        table = _ATTACHED_TABLES[kind]
        for start in range(0, len(ids), 500):
            part = ids[start : start + 500]
            for key, customer_id in session.execute(
                select(table.id, table.customer_id).where(table.id.in_(part))
            ):
                found[(kind, key)] = customer_id
            # Deleted rows: the customer noted when the entity was last positioned.
            missing = [key for key in part if (kind, key) not in found]
            if missing:
                for key, customer_id in session.execute(
                    select(FeedEntryRow.entity_id, FeedEntryRow.customer_id).where(
                        FeedEntryRow.kind == kind, FeedEntryRow.entity_id.in_(missing)
                    )
                ):
                    if customer_id is not None:
                        found[(kind, key)] = customer_id
    return found


@event.listens_for(Session, "after_commit")
def _ring(session: Session) -> None:
    top = session.info.pop(_MOVED, 0)
    if top:
        BELL.ring(top)


@event.listens_for(Session, "after_rollback")
def _forget_pending(session: Session) -> None:
    session.info.pop(_PENDING, None)
    session.info.pop(_MOVED, None)


def visible_to(user: User, per_user_scope: bool = False) -> ColumnElement[bool]:
    """The feed rows a user's workstation receives (API.md, "What a workstation receives", "Scope")."""
    if user.role is Role.ADMIN:
        return FeedEntryRow.scope.is_not(None)
    owned: ColumnElement[bool] = FeedEntryRow.owner_id == user.id
    if user.role is Role.TEAM_LEAD:
        owned = or_(owned, FeedEntryRow.team == user.team)
    team: ColumnElement[bool] = FeedEntryRow.team == user.team
    if per_user_scope:
        # A customer's changes after it entered the user's scope (what came before is sent whole
        # at the entry); deletions go to the whole team, ids only, so nothing erased lingers.
        from advisor_desk.server.scope import members_of

        member = exists().where(
            ScopeMemberRow.user_id.in_(members_of(user)),
            ScopeMemberRow.customer_id == FeedEntryRow.customer_id,
            ScopeMemberRow.op == "enter",
            ScopeMemberRow.position < FeedEntryRow.position,
        )
        team = and_(team, or_(FeedEntryRow.op == "delete", FeedEntryRow.customer_id.is_(None), member))
    return or_(
        FeedEntryRow.scope == Scope.ALL.value,
        and_(FeedEntryRow.scope == Scope.TEAM.value, team),
        and_(FeedEntryRow.scope == Scope.ROLE.value, FeedEntryRow.role == user.role.value),
        and_(FeedEntryRow.scope == Scope.OWNER.value, owned) if user.id else false(),
    )


def read_page(
    session: Session, user: User, after: int, limit: int, per_user_scope: bool = False
) -> tuple[list[FeedEntryRow], bool]:
    """Up to ``limit`` visible entries after position ``after``, and whether more follow."""
    rows = list(
        session.scalars(
            select(FeedEntryRow)
            .where(FeedEntryRow.position > after, visible_to(user, per_user_scope))
            .order_by(FeedEntryRow.position)
            .limit(limit + 1)
        )
    )
    return rows[:limit], len(rows) > limit


def read_page_rows(
    session: Session, user: User, after: int, limit: int, per_user_scope: bool = False
) -> tuple[list[Any], bool]:
    """:func:`read_page` as plain rows (position, kind, entity_id, op, customer_id): no ORM objects."""
    entry = FeedEntryRow.__table__.c
    rows = list(
        session.execute(
            select(entry.position, entry.kind, entry.entity_id, entry.op, entry.customer_id)
            .where(entry.position > after, visible_to(user, per_user_scope))
            .order_by(entry.position)
            .limit(limit + 1)
        )
    )
    return rows[:limit], len(rows) > limit
