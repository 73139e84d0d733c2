"""Login, token refresh (rotation) and logout."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

from advisor_desk.server import auth
from advisor_desk.server.api.deps import CurrentSession, DatabaseDep, SettingsDep
from advisor_desk.server.errors import ApiError, unauthorized
from advisor_desk.server.schemas import LoginRequest, RefreshRequest, TokenResponse, UserPublic

router = APIRouter(prefix="/auth", tags=["auth"])


def _answer(issued: auth.IssuedTokens) -> TokenResponse:
    return TokenResponse(
        access_token=issued.access_token,
        refresh_token=issued.refresh_token,
        expires_in=issued.expires_in,
        user=UserPublic.of(issued.user),
    )


@router.post("/token", response_model=TokenResponse)
def login(
    body: LoginRequest, request: Request, database: DatabaseDep, settings: SettingsDep
) -> TokenResponse:
    client = request.client.host if request.client else None
    issued = auth.login(database, body.username, body.password, client, settings)
    if issued is None:
        raise unauthorized("Wrong username or password.")
    return _answer(issued)


@router.post("/refresh", response_model=TokenResponse)
def refresh(body: RefreshRequest, database: DatabaseDep, settings: SettingsDep) -> TokenResponse:
    with database.write() as session:
        outcome = auth.refresh(session, body.refresh_token, settings)
    if isinstance(outcome, ApiError):
        raise outcome
    return _answer(outcome)


@router.post("/logout", status_code=204)
def logout(current: CurrentSession, database: DatabaseDep) -> Response:
    with database.write() as session:
        auth.revoke_session(session, current.session_id)
    return Response(status_code=204)
