"""Per-user scope: which customers each workstation replicates, and the feed entries that say so.

A customer is in a user's scope (API.md, "Scope") while

- it has an open case (not resolved or closed) in the user's team — kept per team, under the member
  ``team:<team>``, and maintained at every commit that writes a case (:func:`team_scope_changes`,
  called by the feed's commit hook);
- the user acted about it (any mutation) in the last ``scope.touched_days`` days (the setting, 30 by
  default) — :func:`touch`;
- the user fetched its timeline on demand in that same window — :func:`touch` with ``fetched``.

Each (member, customer) row remembers whether the customer is in (``enter``) or out (``leave``) and the
feed position at which that happened, claimed from the feed counter at the end of the transaction so
entries keep the commit order. The feed (:mod:`advisor_desk.server.services.changes`) turns an entry into
the whole customer (it and everything attached, as they are now) and an exit into a deletion; a
customer's own changes reach the user only after its entry. Windows that ran out are closed lazily
when the user reads the feed (:func:`refresh_due`).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from advisor_desk.domain.model import CaseStatus, Role, User
from advisor_desk.domain.wire import EntityKind
from advisor_desk.server import feed
from advisor_desk.server.models import CaseRow, CustomerRow, ScopeMemberRow, SettingRow, UserRow
from advisor_desk.server.sql import chunks, upsert

if TYPE_CHECKING:
    from advisor_desk.server.db import Database

TEAM_PREFIX = "team:"
TOUCHED_DAYS_SETTING = "scope.touched_days"
DEFAULT_TOUCHED_DAYS = 30
#: How often a user's expired windows are looked for when the feed is read (per server process).
REFRESH_SECONDS = 60.0
_CLOSED = (CaseStatus.RESOLVED.value, CaseStatus.CLOSED.value)


def team_member(team: str) -> str:
    """The member under which a team's open-case customers are kept."""
    return (TEAM_PREFIX + team)[:64]


def members_of(user: User) -> tuple[str, str]:
    """The scope members whose customers a user receives: the user and the user's team."""
    return (user.id, team_member(user.team))


def touched_days(session: Session) -> int:
    """The ``scope.touched_days`` setting (the same window keeps fetched customers)."""
    data = session.scalar(select(SettingRow.data).where(SettingRow.id == TOUCHED_DAYS_SETTING))
    value = data.get("value") if isinstance(data, dict) else None
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    return DEFAULT_TOUCHED_DAYS


def write_entries(session: Session, changes: list[tuple[str, str, str]], first: int) -> None:
    """Store scope changes (member, customer, op) at consecutive positions from ``first``."""
    upsert(
        session,
        ScopeMemberRow,
        [
            {"user_id": member, "customer_id": cid, "op": op, "position": first + n}
            for n, (member, cid, op) in enumerate(changes)
        ],
        ("user_id", "customer_id"),
    )


def entering_with_open_cases(
    session: Session, pending: Mapping[tuple[str, str], Any], customers: Mapping[tuple[str, str], str]
) -> list[tuple[str, str, str]]:
    """Team scope changes due to the cases written in this transaction (feed commit hook)."""
    customer_ids = sorted(
        {customers[key] for key in pending if key[0] == EntityKind.CASE.value and key in customers}
    )
    if not customer_ids:
        return []
    changes: list[tuple[str, str, str]] = []
    for part in chunks(customer_ids, 500):
        open_team = dict(
            session.execute(
                select(CustomerRow.id, CustomerRow.team)
                .join(CaseRow, CaseRow.customer_id == CustomerRow.id)
                .where(
                    CustomerRow.id.in_(part),
                    CaseRow.team == CustomerRow.team,
                    CaseRow.status.not_in(_CLOSED),
                )
                .distinct()
            ).all()
        )
        current = {
            (member, cid): op
            for member, cid, op in session.execute(
                select(ScopeMemberRow.user_id, ScopeMemberRow.customer_id, ScopeMemberRow.op).where(
                    ScopeMemberRow.customer_id.in_(part), ScopeMemberRow.user_id.like(TEAM_PREFIX + "%")
                )
            )
        }
        for cid in part:
            team = open_team.get(cid)
            wanted = team_member(team) if team is not None else None
            if wanted is not None and current.get((wanted, cid)) != "enter":
                changes.append((wanted, cid, "enter"))
            changes += [
                (member, c, "leave")
                for (member, c), op in current.items()
                if c == cid and op == "enter" and member != wanted
            ]
    return changes


def _team_customers(session: Session, team: str, ids: Iterable[str]) -> list[str]:
    found: list[str] = []
    for part in chunks(sorted(set(ids)), 500):
        found += session.scalars(
            select(CustomerRow.id).where(CustomerRow.id.in_(part), CustomerRow.team == team)
        )
    return found


def touch(
    database: Database, user: User, customer_ids: Iterable[str], now: datetime, *, fetched: bool = False
) -> int:
    """The user acted about (or fetched) these customers: in scope for the window. Returns entries."""
    if user.role is Role.ADMIN:
        return 0  # an admin receives everything
    wanted = set(customer_ids)
    if not wanted:
        return 0
    with database.write() as session:
        if not database.is_sqlite:
            # Serialise one user's touches (concurrent batches would both insert the same member
            # row); SQLite's writing transactions are serialised already.
            session.execute(select(UserRow.id).where(UserRow.id == user.id).with_for_update(key_share=True))
        ids = _team_customers(session, user.team, wanted)
        if not ids:
            return 0
        until = now + timedelta(days=touched_days(session))
        column = "fetched_until" if fetched else "touched_until"
        current = {
            row.customer_id: row
            for row in session.scalars(
                select(ScopeMemberRow).where(
                    ScopeMemberRow.user_id == user.id, ScopeMemberRow.customer_id.in_(ids)
                )
            )
        }
        # A window of zero days keeps nothing: nothing enters.
        entering = [cid for cid in ids if until > now and (cid not in current or current[cid].op != "enter")]
        for row in current.values():
            setattr(row, column, until)
        for cid in ids:
            if cid not in current:
                session.add(
                    ScopeMemberRow(
                        user_id=user.id, customer_id=cid, op="leave", position=0, **{column: until}
                    )
                )
        session.flush()
        if entering:
            # Positions last: the counter's lock is held from here to the commit (commit order).
            feed.position_scope_changes(session, [(user.id, cid, "enter") for cid in entering])
        return len(entering)


def refresh(database: Database, user: User, now: datetime) -> int:
    """Close the user's windows that ran out (and customers moved to another team). Returns exits."""
    if user.role is Role.ADMIN:
        return 0
    with database.write() as session:
        expired = list(
            session.scalars(
                select(ScopeMemberRow.customer_id)
                .outerjoin(CustomerRow, CustomerRow.id == ScopeMemberRow.customer_id)
                .where(
                    ScopeMemberRow.user_id == user.id,
                    ScopeMemberRow.op == "enter",
                    or_(
                        CustomerRow.team.is_(None),
                        CustomerRow.team != user.team,
                        and_(
                            or_(ScopeMemberRow.touched_until.is_(None), ScopeMemberRow.touched_until <= now),
                            or_(ScopeMemberRow.fetched_until.is_(None), ScopeMemberRow.fetched_until <= now),
                        ),
                    ),
                )
            )
        )
        if expired:
            feed.position_scope_changes(session, [(user.id, cid, "leave") for cid in expired])
        return len(expired)


_last_refresh: dict[tuple[int, str], float] = {}
_refresh_lock = threading.Lock()


def refresh_due(database: Database, user: User, now: datetime, force: bool = False) -> int:
    """:func:`refresh` at most every :data:`REFRESH_SECONDS` per user and database (feed reads)."""
    key = (id(database), user.id)
    moment = time.monotonic()
    with _refresh_lock:
        last = _last_refresh.get(key)
        if not force and last is not None and moment - last < REFRESH_SECONDS:
            return 0
        _last_refresh[key] = moment
    return refresh(database, user, now)


def forget_customer(session: Session, customer_id: str) -> None:
    """An erased customer leaves every scope (its deletions reach the whole team anyway)."""
    session.query(ScopeMemberRow).filter(ScopeMemberRow.customer_id == customer_id).delete()
