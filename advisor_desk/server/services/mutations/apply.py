"""Applying a batch of mutations: each in its own transaction, each id remembered for good.

For every mutation: if its id is in the mutation log, answer ``duplicate`` with the first result (or
``rejected``/``id_reused`` when the payload differs); otherwise run its handler and write the log row
in the same transaction, so the effect and the memory of it commit together. A refusal or a conflict
rolls the handler's writes back and is then logged on its own. Concurrent copies of one mutation
(two workers, a retry racing the original) meet on the log's primary key: the loser answers
``duplicate``.
"""

from __future__ import annotations

import hashlib
import json
import logging
import uuid
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel, ValidationError
from sqlalchemy.exc import DataError, IntegrityError, OperationalError
from sqlalchemy.orm import Session

from advisor_desk.domain.model import User
from advisor_desk.domain.mutations import MutationKind
from advisor_desk.server.auth import now_utc
from advisor_desk.server.db import Database
from advisor_desk.server.models import MutationLogRow
from advisor_desk.server.schemas import MutationIn, MutationResult
from advisor_desk.server.services.mutations import cases, decisions
from advisor_desk.server.services.mutations.context import Conflicted, MutationContext, Outcome, Refused
from advisor_desk.server.services.mutations.payloads import PAYLOADS, Chain

log = logging.getLogger("advisor_desk.server.mutations")

Handler = Callable[[MutationContext, Any], Outcome]
HANDLERS: dict[MutationKind, Handler] = {
    MutationKind.REPLY: cases.reply,
    MutationKind.NOTE: cases.note,
    MutationKind.CASE_STATUS: cases.case_status,
    MutationKind.CASE_ACKNOWLEDGE: cases.case_acknowledge,
    MutationKind.CASE_ASSIGN: cases.case_assign,
    MutationKind.CSAT: cases.csat,
    MutationKind.FOLLOWUP: cases.followup,
    MutationKind.FOLLOWUP_OUTCOME: cases.followup_outcome,
    MutationKind.DECISION_GRANT: decisions.grant,
    MutationKind.DECISION_REVOKE: decisions.revoke,
    MutationKind.REVIEW_MARK: decisions.review_mark,
    MutationKind.ESCALATION: decisions.escalation,
    MutationKind.ESCALATION_ANSWER: decisions.escalation_answer,
}
assert set(HANDLERS) == set(MutationKind) == set(PAYLOADS)

#: Attempts for a mutation that met a transient database error (deadlock, lock timeout).
ATTEMPTS = 5


def payload_hash(kind: str, payload: dict[str, Any]) -> str:
    canonical = json.dumps(
        {"kind": kind, "payload": payload}, sort_keys=True, separators=(",", ":"), ensure_ascii=False
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _result(
    mutation_id: str, status: str, reason: str | None = None, data: dict[str, Any] | None = None
) -> MutationResult:
    return MutationResult(id=mutation_id, status=status, reason=reason, data=data)  # type: ignore[arg-type]


def _replay(row: MutationLogRow, answer_id: str, digest: str, user: User) -> MutationResult:
    if row.payload_hash != digest or row.user_id != user.id:
        return _result(answer_id, "rejected", "id_reused: this mutation id was used for another mutation")
    return _result(answer_id, "duplicate", row.reason, row.data)


def _printable(text: str, limit: int = 40) -> str:
    return "".join(c if c.isprintable() else "?" for c in text[:limit])


def _validation_reason(exc: ValidationError) -> str:
    # Where and what only: never the submitted values (they may be customer text). Field names
    # come from the client too: made printable and short.
    problems = ["/".join(_printable(str(p)) for p in e["loc"]) + ": " + e["msg"] for e in exc.errors()[:5]]
    return "invalid_payload: " + "; ".join(problems)


def apply_batch(
    database: Database, user: User, workstation_id: str, mutations: list[MutationIn]
) -> list[MutationResult]:
    return [apply_one(database, user, workstation_id, m) for m in mutations]


def apply_one(database: Database, user: User, workstation_id: str, mutation: MutationIn) -> MutationResult:
    try:
        key = str(uuid.UUID(mutation.id))
    except ValueError:
        return _result(mutation.id, "rejected", "invalid_id: a mutation id is a UUID")
    digest = payload_hash(mutation.kind, mutation.payload)
    if database.is_sqlite:
        # A duplicate answered without queueing for SQLite's one writer. On PostgreSQL the writing
        # transaction looks the id up first anyway: a second transaction would only add a round trip.
        with database.read() as session:
            logged = session.get(MutationLogRow, key)
        if logged is not None:
            return _replay(logged, mutation.id, digest, user)

    parsed: BaseModel | None = None
    early: Refused | None = None
    try:
        kind = MutationKind(mutation.kind)
        parsed = PAYLOADS[kind].model_validate(mutation.payload)
    except ValueError as exc:  # an unknown kind, or a ValidationError (a ValueError too)
        early = Refused(_validation_reason(exc) if isinstance(exc, ValidationError) else "unknown_kind")

    for attempt in range(1, ATTEMPTS + 1):
        try:
            return _attempt(database, user, workstation_id, mutation, key, digest, parsed, early)
        except IntegrityError:
            # Either a concurrent copy of this mutation logged it first, or two creations raced on
            # an entity id; the next attempt sees which.
            log.info("mutation %s met a concurrent write (attempt %d)", key, attempt)
        except DataError:
            # A value the database cannot store slipped past validation: refuse this one alone.
            log.warning("mutation %s holds a value the database refuses", key)
            return _attempt(
                database,
                user,
                workstation_id,
                mutation,
                key,
                digest,
                parsed,
                Refused("invalid_payload: a value cannot be stored"),
            )
        except OperationalError:
            if attempt == ATTEMPTS:
                raise
            log.warning("mutation %s met a transient database error (attempt %d)", key, attempt)
    with database.read() as session:
        logged = session.get(MutationLogRow, key)
    if logged is not None:
        return _replay(logged, mutation.id, digest, user)
    raise RuntimeError(f"mutation {key} could not be applied")


def _attempt(
    database: Database,
    user: User,
    workstation_id: str,
    mutation: MutationIn,
    key: str,
    digest: str,
    parsed: BaseModel | None,
    early: Refused | None,
) -> MutationResult:
    refusal: Refused | Conflicted | None = early
    if refusal is None:
        try:
            with database.write() as session:
                logged = session.get(MutationLogRow, key)
                if logged is not None:
                    return _replay(logged, mutation.id, digest, user)
                ctx = MutationContext(session, user, workstation_id, key, now_utc(), not database.is_sqlite)
                outcome = HANDLERS[MutationKind(mutation.kind)](ctx, parsed)
                _log(
                    session,
                    key,
                    mutation,
                    digest,
                    user,
                    workstation_id,
                    outcome.status,
                    outcome.reason,
                    outcome.data,
                )
                log.info("mutation %s kind=%s user=%s %s", key, mutation.kind, user.id, outcome.status)
                return _result(mutation.id, outcome.status, outcome.reason, outcome.data)
        except (Refused, Conflicted) as exc:
            refusal = exc
    # Nothing of the handler was written; remember the answer on its own.
    status = "conflict" if isinstance(refusal, Conflicted) else "rejected"
    data = refusal.data
    with database.write() as session:
        logged = session.get(MutationLogRow, key)
        if logged is not None:
            return _replay(logged, mutation.id, digest, user)
        chain = getattr(parsed, "chain", None)
        if isinstance(chain, Chain) and not refusal.reason.startswith("chain_conflict"):
            # The workstation logged the entry in its chain before sending it: acknowledge the
            # position even though the action was refused, so its log verifies end to end.
            ctx = MutationContext(session, user, workstation_id, key, now_utc(), not database.is_sqlite)
            try:
                data = {**(data or {}), "receipt": ctx.receipt(chain)}
            except Refused:
                pass
        _log(session, key, mutation, digest, user, workstation_id, status, refusal.reason, data)
    log.info("mutation %s kind=%s user=%s %s", key, mutation.kind[:40], user.id, status)
    return _result(mutation.id, status, refusal.reason, data)


def _log(
    session: Session,
    key: str,
    mutation: MutationIn,
    digest: str,
    user: User,
    workstation_id: str,
    status: str,
    reason: str | None,
    data: dict[str, Any] | None,
) -> None:
    session.add(
        MutationLogRow(
            id=key,
            kind=mutation.kind[:32],
            payload_hash=digest,
            user_id=user.id,
            workstation_id=workstation_id,
            status=status,
            reason=reason,
            data=data,
            received_at=now_utc(),
        )
    )
    session.flush()
