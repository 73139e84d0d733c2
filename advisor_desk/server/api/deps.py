"""Dependencies of the route handlers, as ``Annotated`` aliases (``SessionDep``, ``CurrentUser``...)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.orm import Session

from advisor_desk.domain.model import Role, User
from advisor_desk.server.auth import Authenticated, authenticate
from advisor_desk.server.db import Database
from advisor_desk.server.errors import forbidden, unauthorized
from advisor_desk.server.settings import ServerSettings

_bearer = HTTPBearer(auto_error=False, description="An access token from POST /api/v1/auth/token.")


def get_database(request: Request) -> Database:
    database: Database = request.app.state.database
    return database


def get_settings(request: Request) -> ServerSettings:
    settings: ServerSettings = request.app.state.settings
    return settings


DatabaseDep = Annotated[Database, Depends(get_database)]
SettingsDep = Annotated[ServerSettings, Depends(get_settings)]


def get_session(database: DatabaseDep) -> Iterator[Session]:
    """A read-only session for the request (writes open their own transactions)."""
    with database.read() as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session)]


def get_authenticated(
    database: DatabaseDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Authenticated:
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise unauthorized()
    with database.read() as session:
        return authenticate(session, credentials.credentials)


CurrentSession = Annotated[Authenticated, Depends(get_authenticated)]


def get_current_user(auth: CurrentSession) -> User:
    return auth.user


CurrentUser = Annotated[User, Depends(get_current_user)]


def require_roles(*roles: Role) -> Callable[[User], User]:
    def check(user: CurrentUser) -> User:
        if user.role not in roles:
            raise forbidden()
        return user

    return check


TeamLeadOrAdmin = Annotated[User, Depends(require_roles(Role.TEAM_LEAD, Role.ADMIN))]
AdminUser = Annotated[User, Depends(require_roles(Role.ADMIN))]
