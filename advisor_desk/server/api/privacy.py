"""Erasure and export of one customer (admin): ``POST /customers/{id}/erase``, ``GET /customers/{id}/export``."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Path
from pydantic import BaseModel, ConfigDict, Field

from advisor_desk.server.api.deps import AdminUser, DatabaseDep, SessionDep
from advisor_desk.server.errors import not_found
from advisor_desk.server.services import privacy

router = APIRouter(tags=["privacy"])  # included under /customers by api/customers.py
log = logging.getLogger("advisor_desk.server.privacy")
CustomerId = Annotated[str, Path(min_length=1, max_length=64)]


class ErasureRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    #: A machine code (``gdpr_art17_request``, ``retention_end``...): never free text, it is kept.
    reason_code: str = Field(
        default="gdpr_art17_request", min_length=1, max_length=64, pattern=r"^[a-z0-9_.-]+$"
    )


class Tombstone(BaseModel):
    customer_id: str
    erased_at: str
    erased_by: str
    reason_code: str


@router.post("/{customer_id}/erase", response_model=Tombstone)
def erase(customer_id: CustomerId, body: ErasureRequest, user: AdminUser, database: DatabaseDep) -> Tombstone:
    with database.write() as session:
        row = privacy.erase(session, customer_id, user.id, body.reason_code, datetime.now(UTC))
        if row is None:
            raise not_found("No such customer.")
        answer = Tombstone.model_validate(privacy.tombstone_wire(row))
    log.info("customer %s erased by %s (%s)", customer_id, user.id, body.reason_code)
    return answer


@router.get("/{customer_id}/export")
def export(customer_id: CustomerId, user: AdminUser, session: SessionDep) -> dict[str, Any]:
    held = privacy.export(session, customer_id)
    if held is None:
        raise not_found("No such customer.")
    log.info("customer %s exported by %s", customer_id, user.id)
    return held
