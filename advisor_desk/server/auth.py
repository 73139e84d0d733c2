"""People and their sessions: password hashing, tokens, login throttling, user creation.

Passwords are hashed with argon2id. Tokens are random (``secrets.token_urlsafe(32)``) and only their
SHA-256 is stored, so a copy of the database opens no session. A login issues an access token (short)
and a refresh token (long) sharing a session id; refreshing rotates the refresh token, presenting a
refresh token that was already rotated revokes the whole session (it was stolen or replayed); logout
revokes the session. Repeated failed logins for a username or a client address are throttled.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import secrets
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import delete, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from advisor_desk.domain.model import Role, User
from advisor_desk.server.db import Database
from advisor_desk.server.errors import ApiError, unauthorized
from advisor_desk.server.models import LoginThrottleRow, TokenRow, UserRow
from advisor_desk.server.settings import ServerSettings

log = logging.getLogger("advisor_desk.server.auth")

ACCESS = "access"
REFRESH = "refresh"


@functools.cache
def _hasher_for(time_cost: int, memory_kib: int, parallelism: int) -> tuple[PasswordHasher, str]:
    hasher = PasswordHasher(time_cost=time_cost, memory_cost=memory_kib, parallelism=parallelism)
    # Verified when the username is unknown, so that a miss costs as long as a wrong password.
    return hasher, hasher.hash(secrets.token_urlsafe(16))


def password_hasher(settings: ServerSettings | None = None) -> tuple[PasswordHasher, str]:
    """The argon2id hasher the settings ask for, and a dummy hash made with it."""
    s = settings or ServerSettings()
    return _hasher_for(s.password_time_cost, s.password_memory_kib, s.password_parallelism)


class UserError(ValueError):
    """A user that cannot be created as asked."""


def now_utc() -> datetime:
    return datetime.now(UTC)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def hash_password(password: str, settings: ServerSettings | None = None) -> str:
    return password_hasher(settings)[0].hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return password_hasher()[0].verify(password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def user_from_row(row: UserRow) -> User:
    return User(
        id=row.id,
        username=row.username,
        display_name=row.display_name,
        role=Role(row.role),
        team=row.team,
        time_zone=row.time_zone,
    )


def create_user(
    session: Session,
    username: str,
    password: str,
    role: Role | str,
    team: str,
    display_name: str,
    time_zone: str = "Europe/Paris",
) -> User:
    """Create a user who can log in; raises :class:`UserError` for a bad or taken username."""
    username = username.strip()
    if not username or len(username) > 150:
        raise UserError("a username has 1 to 150 characters")
    if not password:
        raise UserError("the password cannot be empty")
    try:
        role = Role(role)
    except ValueError:
        raise UserError(f"unknown role {role!r} (one of {', '.join(r.value for r in Role)})") from None
    if not team.strip():
        raise UserError("a user belongs to a team")
    try:
        ZoneInfo(time_zone)
    except (ZoneInfoNotFoundError, ValueError):
        raise UserError(f"unknown time zone {time_zone!r}") from None
    if session.scalar(select(UserRow.id).where(UserRow.username == username)) is not None:
        raise UserError(f"the username {username!r} is taken")
    row = UserRow(
        id=str(uuid.uuid4()),
        username=username,
        display_name=display_name.strip() or username,
        role=role.value,
        team=team.strip(),
        time_zone=time_zone,
        password_hash=hash_password(password),
        active=True,
        created_at=now_utc(),
    )
    session.add(row)
    session.flush()
    log.info("user created id=%s role=%s team=%s", row.id, row.role, row.team)
    return user_from_row(row)


@dataclass(frozen=True, slots=True)
class IssuedTokens:
    access_token: str
    refresh_token: str
    expires_in: int
    user: User


def _issue(session: Session, user: UserRow, settings: ServerSettings, session_id: str) -> IssuedTokens:
    now = now_utc()
    # Tokens long past their end serve no purpose: drop this user's at each issue.
    session.execute(
        delete(TokenRow).where(TokenRow.user_id == user.id, TokenRow.expires_at < now - timedelta(days=1))
    )
    access, refresh = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    session.add_all(
        [
            TokenRow(
                token_hash=hash_token(access),
                kind=ACCESS,
                user_id=user.id,
                session_id=session_id,
                created_at=now,
                expires_at=now + settings.access_token_lifetime,
                revoked_at=None,
            ),
            TokenRow(
                token_hash=hash_token(refresh),
                kind=REFRESH,
                user_id=user.id,
                session_id=session_id,
                created_at=now,
                expires_at=now + settings.refresh_token_lifetime,
                revoked_at=None,
            ),
        ]
    )
    return IssuedTokens(
        access, refresh, int(settings.access_token_lifetime.total_seconds()), user_from_row(user)
    )


def _throttle_keys(username: str, client: str | None) -> list[str]:
    keys = [f"user:{username.strip().casefold()[:200]}"]
    if client:
        keys.append(f"addr:{client[:200]}")
    return keys


def check_throttle(session: Session, username: str, client: str | None) -> None:
    """429 when this username or address is locked out after repeated failures."""
    now = now_utc()
    rows = session.scalars(
        select(LoginThrottleRow).where(LoginThrottleRow.key.in_(_throttle_keys(username, client)))
    )
    waits = [(r.locked_until - now).total_seconds() for r in rows if r.locked_until and r.locked_until > now]
    if waits:
        retry = max(1, int(max(waits) + 0.999))
        raise ApiError(
            429,
            "too_many_requests",
            "Too many failed logins; try again later.",
            {"retry_after_seconds": retry},
            headers={"Retry-After": str(retry)},
        )


def record_failure(session: Session, username: str, client: str | None, settings: ServerSettings) -> None:
    """Count a failed login for the username and the address (atomic increment)."""
    now = now_utc()
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    for key in _throttle_keys(username, client):
        stmt = insert(LoginThrottleRow).values(key=key, failures=1, last_failure_at=now, locked_until=None)
        stmt = stmt.on_conflict_do_update(
            index_elements=["key"],
            set_={"failures": LoginThrottleRow.failures + 1, "last_failure_at": now},
        )
        session.execute(stmt)
        row = session.get(LoginThrottleRow, key, populate_existing=True)
        assert row is not None
        allowed = settings.login_failures_allowed * (10 if key.startswith("addr:") else 1)
        if row.failures >= allowed:
            seconds = min(
                settings.login_lockout_seconds * 2 ** min(row.failures - allowed, 20),
                settings.login_lockout_max_seconds,
            )
            row.locked_until = now + timedelta(seconds=seconds)
    session.flush()


def login(
    database: Database, username: str, password: str, client: str | None, settings: ServerSettings
) -> IssuedTokens | None:
    """Tokens for the right password; None for a wrong one (counted against the throttle).

    The slow password check runs outside any write transaction, so a burst of logins never holds
    the database's write lock while hashing.
    """
    with database.read() as session:
        check_throttle(session, username, client)
        row = session.scalar(select(UserRow).where(UserRow.username == username.strip()))
        known = row is not None and row.active
        hasher, dummy = password_hasher(settings)
        ok = verify_password(row.password_hash if row is not None and known else dummy, password)
    if row is None or not known or not ok:
        with database.write() as session:
            record_failure(session, username, client, settings)
        log.info("login failed user=%s", row.id if row is not None else "-")
        return None
    with database.write() as session:
        user = session.get(UserRow, row.id)
        if user is None or not user.active:
            return None
        if hasher.check_needs_rehash(user.password_hash):
            user.password_hash = hash_password(password, settings)
        throttle = session.get(LoginThrottleRow, _throttle_keys(username, None)[0])
        if throttle is not None:
            session.delete(throttle)
        log.info("login user=%s", user.id)
        return _issue(session, user, settings, str(uuid.uuid4()))


def refresh(session: Session, refresh_token: str, settings: ServerSettings) -> IssuedTokens | ApiError:
    """Rotate a refresh token: revoke it and issue a new pair in the same session.

    A refusal is returned, not raised, so that the caller commits what it did (revoking a session
    whose rotated token came back) before answering 401.
    """
    now = now_utc()
    token = session.get(TokenRow, hash_token(refresh_token), with_for_update=True)
    if token is None or token.kind != REFRESH:
        return unauthorized("Unknown refresh token.")
    if token.revoked_at is not None:
        # A rotated refresh token came back: someone holds a copy. End the whole session.
        revoke_session(session, token.session_id)
        log.warning("refresh token reuse, session revoked user=%s", token.user_id)
        return unauthorized("This refresh token was already used; log in again.")
    if token.expires_at <= now:
        return unauthorized("The refresh token has expired; log in again.", code="token_expired")
    user = session.get(UserRow, token.user_id)
    if user is None or not user.active:
        return unauthorized("This account is disabled.")
    # The old access tokens of the session end with the rotation: one live pair per session.
    session.execute(
        update(TokenRow)
        .where(TokenRow.session_id == token.session_id, TokenRow.revoked_at.is_(None))
        .values(revoked_at=now)
    )
    return _issue(session, user, settings, token.session_id)


def revoke_session(session: Session, session_id: str) -> None:
    session.execute(
        update(TokenRow)
        .where(TokenRow.session_id == session_id, TokenRow.revoked_at.is_(None))
        .values(revoked_at=now_utc())
    )


@dataclass(frozen=True, slots=True)
class Authenticated:
    user: User
    session_id: str


def authenticate(session: Session, access_token: str) -> Authenticated:
    """The user behind a bearer access token; 401 when unknown, revoked or expired."""
    if not access_token or len(access_token) > 200:
        raise unauthorized("Invalid access token.")
    # Plain columns, not ORM objects: this runs on every request.
    token, user = TokenRow.__table__.c, UserRow.__table__.c
    row = session.execute(
        select(
            token.kind,
            token.revoked_at,
            token.expires_at,
            token.session_id,
            user.id,
            user.username,
            user.display_name,
            user.role,
            user.team,
            user.time_zone,
            user.active,
        )
        .join_from(TokenRow.__table__, UserRow.__table__, user.id == token.user_id)
        .where(token.token_hash == hash_token(access_token))
    ).one_or_none()
    if row is None:
        raise unauthorized("Invalid access token.")
    if row.kind != ACCESS or row.revoked_at is not None or not row.active:
        raise unauthorized("This access token was revoked.")
    if row.expires_at <= now_utc():
        raise unauthorized("The access token has expired.", code="token_expired")
    return Authenticated(
        User(
            id=row.id,
            username=row.username,
            display_name=row.display_name,
            role=Role(row.role),
            team=row.team,
            time_zone=row.time_zone,
        ),
        row.session_id,
    )
