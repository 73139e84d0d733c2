"""Who am I, and how much may I still grant today."""

from __future__ import annotations

from fastapi import APIRouter

from advisor_desk.server.api.deps import CurrentUser, SessionDep, SettingsDep
from advisor_desk.server.auth import now_utc
from advisor_desk.server.schemas import AuthorityPublic, MeResponse, UserPublic
from advisor_desk.server.services.authority import authority_summary

router = APIRouter(tags=["me"])


@router.get("/me", response_model=MeResponse)
def me(user: CurrentUser, session: SessionDep, settings: SettingsDep) -> MeResponse:
    summary = authority_summary(session, user, now_utc(), settings.currency)
    return MeResponse(user=UserPublic.of(user), authority=AuthorityPublic.model_validate(summary))
