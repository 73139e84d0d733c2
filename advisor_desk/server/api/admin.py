"""Central settings workstations follow: authority envelopes (admin) and reply scripts (leads, admin)."""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated, Any

from fastapi import APIRouter, Body, Path

from advisor_desk.domain.model import AuthorityEnvelope, ReplyScript, Role
from advisor_desk.domain.scripts import ScriptError, parse_script
from advisor_desk.domain.wire import WireError, from_wire, to_wire
from advisor_desk.server import store
from advisor_desk.server.api.deps import AdminUser, DatabaseDep, TeamLeadOrAdmin
from advisor_desk.server.auth import now_utc
from advisor_desk.server.errors import ApiError

router = APIRouter(tags=["administration"])


def _invalid(message: str) -> ApiError:
    return ApiError(422, "validation_error", message)


def _unknown_keys(sent: Any, known: Any, where: str = "") -> list[str]:
    """Keys in ``sent`` that the parsed entity does not have (unknown fields are refused)."""
    if isinstance(sent, dict) and isinstance(known, dict):
        found = [f"{where}{k}" for k in sent if k not in known]
        for k in sent:
            if k in known:
                found += _unknown_keys(sent[k], known[k], f"{where}{k}.")
        return found
    if isinstance(sent, list) and isinstance(known, list):
        return [p for s, k in zip(sent, known, strict=False) for p in _unknown_keys(s, k, where)]
    return []


def _parse(cls: type[Any], body: dict[str, Any]) -> Any:
    try:
        entity = from_wire(cls, body)
    except WireError as exc:
        raise _invalid(str(exc)) from exc
    unknown = _unknown_keys(body, to_wire(entity))
    if unknown:
        raise _invalid("Unknown fields: " + ", ".join(unknown[:10]))
    return entity


@router.put("/envelopes/{role}")
def put_envelope(
    role: Role, body: Annotated[dict[str, Any], Body()], _admin: AdminUser, database: DatabaseDep
) -> dict[str, Any]:
    envelope: AuthorityEnvelope = _parse(AuthorityEnvelope, body)
    if envelope.role is not role:
        raise _invalid("The envelope's role differs from the one in the address.")
    if len(envelope.currency) != 3 or not envelope.currency.isupper():
        raise _invalid("The currency is an ISO 4217 code.")
    amounts = [envelope.daily_budget_cents, envelope.per_customer_30d_cents]
    amounts += [g.max_per_decision_cents for g in envelope.gestures]
    if any(a < 0 for a in amounts):
        raise _invalid("Amounts cannot be negative.")
    if len({g.code for g in envelope.gestures}) != len(envelope.gestures):
        raise _invalid("A gesture appears twice.")
    with database.write() as session:
        store.save(session, envelope)
    result: dict[str, Any] = to_wire(envelope)
    return result


@router.put("/scripts/{script_id}")
def put_script(
    script_id: Annotated[str, Path(min_length=1, max_length=64)],
    body: Annotated[dict[str, Any], Body()],
    _lead: TeamLeadOrAdmin,
    database: DatabaseDep,
) -> dict[str, Any]:
    script: ReplyScript = _parse(ReplyScript, {"id": script_id, **body})
    if script.id != script_id:
        raise _invalid("The script's id differs from the one in the address.")
    if len(script.body_toml) > 100_000:
        raise _invalid("A script is at most 100,000 characters.")
    try:
        # The desk's own parser and checks (fields, placeholders, lengths): what it would refuse to
        # load is refused here, before it reaches any workstation.
        parse_script(script.body_toml, f"script {script_id}", script.category, script.language, central=True)
    except ScriptError as exc:
        raise ApiError(
            422,
            "validation_error",
            "The script cannot be used.",
            [{"field": p.field, "message": p.message} for p in exc.problems],
        ) from exc
    script = replace(script, updated_at=now_utc())
    with database.write() as session:
        store.save(session, script)
    result: dict[str, Any] = to_wire(script)
    return result
