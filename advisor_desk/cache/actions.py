"""Local-first advisor actions: each one changes the local copy and adds its outbox entry in one
durable transaction, so the desk shows it at once and the centre receives it exactly once.

Mutation payloads are exactly those of ``advisor_desk/server/API.md``.
"""

from __future__ import annotations

import secrets
import uuid
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime
from enum import Enum
from typing import Any, TypeVar

from sqlalchemy import Connection

from advisor_desk.cache import replica
from advisor_desk.cache.codec import dumps, loads, ts
from advisor_desk.cache.core import CacheCore, _check
from advisor_desk.cache.errors import (
    GrantRefused,
    InvalidAction,
    NotFound,
    StaleCase,
)
from advisor_desk.cache.replica import sql
from advisor_desk.domain.authority import (
    Verdict,
)
from advisor_desk.domain.channels import Channel
from advisor_desk.domain.decision_chain import EntryKind
from advisor_desk.domain.model import (
    Case,
    CaseStatus,
    Decision,
    DecisionStatus,
    Direction,
    Escalation,
    EscalationStatus,
    FollowUp,
    FollowUpOutcome,
    FollowUpStatus,
    GestureCode,
    Interaction,
    ReasonCode,
    RootCause,
    SatisfactionRating,
    User,
    can_transition,
)
from advisor_desk.domain.mutations import MutationKind
from advisor_desk.domain.wire import (
    EntityKind,
    entity_id,
    entity_kind,
    format_time,
    to_wire,
)

E = TypeVar("E", bound=Enum)

#: The most text one message, note or reason may hold (the central API refuses more).
MAX_TEXT = 100_000
_VOUCHER_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud at a counter


def _text(value: str, what: str, *, allow_empty: bool = False) -> str:
    _check(isinstance(value, str), f"{what} must be text")
    _check(allow_empty or bool(value.strip()), f"{what} cannot be empty")
    _check(len(value) <= MAX_TEXT, f"{what} is longer than {MAX_TEXT} characters")
    return value


def _enum(cls: type[E], value: object) -> E:
    """A value of enum ``cls``, or :class:`InvalidAction` naming what was expected."""
    try:
        return cls(value)
    except ValueError:
        allowed = ", ".join(str(m.value) for m in cls)
        raise InvalidAction(f"{str(value)[:40]!r} is not one of: {allowed}") from None


def _voucher_code() -> str:
    raw = "".join(secrets.choice(_VOUCHER_ALPHABET) for _ in range(8))
    return f"AD-{raw[:4]}-{raw[4:]}"


class LocalActions(CacheCore):
    """Advisor actions, written locally first (mixed into :class:`LocalCache`)."""

    # ------------------------------------------------------------------ local actions

    def _enqueue(
        self,
        conn: Connection,
        kind: MutationKind,
        payload: dict[str, Any],
        changes: Sequence[tuple[Any, Any | None, Sequence[str] | None]],
    ) -> str:
        """Write the action's entity changes and its outbox entry (inside the caller's transaction).

        ``changes`` holds (new entity, previous copy or None, fields changed or None for a new one).
        """
        effects = []
        for after, before, fields in changes:
            kind_of = entity_kind(after)
            replica.upsert_many(conn, kind_of, [after])
            effects.append(
                {
                    "entity": kind_of.value,
                    "id": entity_id(after),
                    "before": None if before is None else to_wire(before),
                    "after": to_wire(after),
                    "fields": list(fields) if fields else None,
                }
            )
        mutation_id = str(uuid.uuid4())
        sql(
            conn,
            "INSERT INTO outbox (id, kind, payload, created_at, status, attempts, effects) "
            "VALUES (?, ?, ?, ?, 'pending', 0, ?)",
            (mutation_id, kind.value, dumps(payload), ts(self._now()), dumps(effects)),
        )
        return mutation_id

    def _case(self, conn: Connection, case_id: str) -> Case:
        case: Case | None = replica.load(conn, EntityKind.CASE, case_id)
        if case is None:
            raise NotFound(f"case {case_id} is not in the local cache")
        return case

    def _require_customer(self, conn: Connection, customer_id: str) -> None:
        row = sql(conn, "SELECT 1 FROM customers WHERE id = ?", (customer_id,)).first()
        if row is None:
            raise NotFound(f"customer {customer_id} is not in the local cache")

    def _author_id(self, conn: Connection, by: User | str | None) -> str | None:
        if isinstance(by, User):
            return by.id
        if isinstance(by, str):
            return by
        user = self._meta(conn, "user")
        return loads(user).get("id") if user else None

    def add_note(self, customer_id: str, case_id: str | None, text: str, author: User) -> Interaction:
        """An internal note on the customer (and case), visible at once, queued for the centre."""
        _text(text, "a note")
        with self._write() as conn:
            self._require_customer(conn, customer_id)
            if case_id is not None:
                _check(self._case(conn, case_id).customer_id == customer_id, "the case is another customer's")
            now = self._now()
            note = Interaction(
                id=str(uuid.uuid4()),
                customer_id=customer_id,
                channel=Channel.NOTE,
                direction=Direction.INTERNAL,
                occurred_at=now,
                text=text,
                case_id=case_id,
                author=author.display_name,
                author_id=author.id,
                updated_at=now,
            )
            payload: dict[str, Any] = {
                "interaction_id": note.id,
                "customer_id": customer_id,
                "text": text,
                "created_at": format_time(now),
            }
            if case_id is not None:
                payload["case_id"] = case_id
            self._enqueue(conn, MutationKind.NOTE, payload, [(note, None, None)])
        return note

    def send_reply(
        self,
        case_id: str,
        channel: Channel | str,
        text: str,
        author: User,
        new_status: CaseStatus | str | None = None,
    ) -> Interaction:
        """An outbound reply on a case; sets the first response, and moves the case when asked."""
        _text(text, "a reply")
        channel = _enum(Channel, channel)
        _check(channel.customer_facing, f"cannot reply on {channel.value}")
        status = _enum(CaseStatus, new_status) if new_status is not None else None
        with self._write() as conn:
            case = self._case(conn, case_id)
            now = self._now()
            reply = Interaction(
                id=str(uuid.uuid4()),
                customer_id=case.customer_id,
                channel=channel,
                direction=Direction.OUTBOUND,
                occurred_at=now,
                text=text,
                case_id=case_id,
                author=author.display_name,
                author_id=author.id,
                updated_at=now,
            )
            changes: dict[str, Any] = {}
            if case.first_response_at is None:
                changes["first_response_at"] = now
            if status is not None and status is not case.status:
                changes.update(_status_changes(case, status, now))
            changed, fields = _touch(case, author.id, now, **changes)
            payload: dict[str, Any] = {
                "interaction_id": reply.id,
                "case_id": case_id,
                "customer_id": case.customer_id,
                "channel": channel.value,
                "text": text,
                "sent_at": format_time(now),
            }
            if status is not None:
                payload["new_status"] = status.value
            self._enqueue(conn, MutationKind.REPLY, payload, [(reply, None, None), (changed, case, fields)])
        return reply

    def acknowledge(self, case_id: str, channel: Channel | str, text: str, author: User) -> Interaction:
        """The acknowledgement of receipt: stops the first-response clock (not the resolution one)."""
        _text(text, "an acknowledgement")
        channel = _enum(Channel, channel)
        _check(channel.customer_facing, f"cannot acknowledge on {channel.value}")
        with self._write() as conn:
            case = self._case(conn, case_id)
            _check(case.is_open, "the case is closed")
            now = self._now()
            message = Interaction(
                id=str(uuid.uuid4()),
                customer_id=case.customer_id,
                channel=channel,
                direction=Direction.OUTBOUND,
                occurred_at=now,
                text=text,
                case_id=case_id,
                author=author.display_name,
                author_id=author.id,
                details={"acknowledgement": True},
                updated_at=now,
            )
            changes: dict[str, Any] = {}
            if case.acknowledged_at is None:
                changes["acknowledged_at"] = now
            if case.status is CaseStatus.NEW:
                changes["status"] = CaseStatus.ACKNOWLEDGED
            changed, fields = _touch(case, author.id, now, **changes)
            payload = {
                "case_id": case_id,
                "interaction_id": message.id,
                "channel": channel.value,
                "text": text,
                "at": format_time(now),
            }
            self._enqueue(
                conn, MutationKind.CASE_ACKNOWLEDGE, payload, [(message, None, None), (changed, case, fields)]
            )
        return message

    def change_case_status(
        self,
        case_id: str,
        status: CaseStatus | str,
        expected_version: int,
        root_cause: RootCause | str | None = None,
        product_id: str | None = None,
        *,
        by: User | str | None = None,
    ) -> Case:
        """Move a case; raises :class:`StaleCase` (with the fresh copy) when it changed meanwhile."""
        new = _enum(CaseStatus, status)
        cause = _enum(RootCause, root_cause) if root_cause is not None else None
        with self._write() as conn:
            case = self._case(conn, case_id)
            if case.version != expected_version:
                raise StaleCase(case)
            now = self._now()
            changes: dict[str, Any] = {}
            if new is not case.status:  # the same status is accepted: other fields may change
                changes.update(_status_changes(case, new, now))
            if cause is not None:
                changes["root_cause"] = cause
            if product_id is not None:
                changes["product_id"] = product_id
            changed, fields = (
                _touch(case, self._author_id(conn, by), now, **changes) if changes else (case, [])
            )
            payload: dict[str, Any] = {
                "case_id": case_id,
                "status": new.value,
                "expected_version": expected_version,
            }
            if cause is not None:
                payload["root_cause"] = cause.value
            if product_id is not None:
                payload["product_id"] = product_id
            self._enqueue(conn, MutationKind.CASE_STATUS, payload, [(changed, case, fields)])
        return changed

    def assign_case(
        self,
        case_id: str,
        user_id: str | None,
        *,
        expected_version: int | None = None,
        by: User | str | None = None,
    ) -> Case:
        """Give the case to ``user_id`` (None: nobody). The centre checks who may assign whom."""
        with self._write() as conn:
            case = self._case(conn, case_id)
            if expected_version is not None and case.version != expected_version:
                raise StaleCase(case)
            changed, fields = _touch(case, self._author_id(conn, by), self._now(), assignee_id=user_id)
            payload = {"case_id": case_id, "assignee_id": user_id, "expected_version": case.version}
            self._enqueue(conn, MutationKind.CASE_ASSIGN, payload, [(changed, case, fields)])
        return changed

    # -- the power to say yes

    def grant_preview(
        self,
        user: User,
        customer_id: str,
        gesture: GestureCode | str,
        amount_cents: int = 1,
        currency: str | None = None,
        order_line_id: str | None = None,
        case_id: str | None = None,
    ) -> Verdict:
        """What the authority check would answer now (remaining budgets, max for the gesture)."""
        with self._read() as conn:
            envelope = self._envelope_for(conn, user.role)
            return self._verdict(
                conn,
                user,
                envelope,
                customer_id,
                _enum(GestureCode, gesture),
                amount_cents,
                currency or envelope.currency,
                order_line_id,
                self._now(),
                case_id=case_id,
            )

    def grant_gesture(
        self,
        user: User,
        customer_id: str,
        case_id: str | None,
        gesture: GestureCode | str,
        amount_cents: int,
        currency: str,
        reason_code: ReasonCode | str,
        reason_text: str,
        order_line_id: str | None = None,
        offline: bool = False,
    ) -> Decision:
        """Say yes: check the envelope, then write decision, log entry and outbox entry durably.

        Raises :class:`GrantRefused` with the verdict (which limit, by how much) when the authority
        check refuses; offline, never more than what remained at the last sync.
        """
        code = _enum(GestureCode, gesture)
        reason = _enum(ReasonCode, reason_code)
        _text(reason_text, "the reason")
        with self._write() as conn:
            self._require_customer(conn, customer_id)
            if case_id is not None:
                _check(self._case(conn, case_id).customer_id == customer_id, "the case is another customer's")
            envelope = self._envelope_for(conn, user.role)
            now = self._now()
            verdict = self._verdict(
                conn,
                user,
                envelope,
                customer_id,
                code,
                amount_cents,
                currency,
                order_line_id,
                now,
                case_id=case_id,
            )
            if not verdict.allowed:
                raise GrantRefused(verdict)
            workstation = self._meta(conn, "workstation_id")
            decision = Decision(
                id=str(uuid.uuid4()),
                user_id=user.id,
                team=user.team,
                customer_id=customer_id,
                gesture=code,
                amount_cents=amount_cents,
                currency=currency,
                reason_code=reason,
                reason_text=reason_text,
                granted_at=now,
                status=DecisionStatus.PENDING,
                case_id=case_id,
                order_line_id=order_line_id,
                voucher_code=_voucher_code(),
                offline=bool(offline),
                workstation_id=workstation,
                updated_at=now,
            )
            fields = {
                "decision_id": decision.id,
                "user_id": user.id,
                "customer_id": customer_id,
                "case_id": case_id,
                "order_line_id": order_line_id,
                "gesture": code.value,
                "amount_cents": amount_cents,
                "currency": currency,
                "reason_code": reason.value,
                "reason_text": reason_text,
                "granted_at": format_time(now),
                "offline": bool(offline),
                "voucher_code": decision.voucher_code,
            }
            entry = self._append_chain(conn, EntryKind.GRANT, fields)
            decision = replace(decision, chain_seq=entry.seq, chain_hash=entry.hash)
            payload: dict[str, Any] = {
                "decision_id": decision.id,
                "customer_id": customer_id,
                "case_id": case_id,
                "gesture": code.value,
                "amount_cents": amount_cents,
                "currency": currency,
                "reason_code": reason.value,
                "reason_text": reason_text,
                "granted_at": format_time(now),
                "offline": bool(offline),
                "voucher_code": decision.voucher_code,
                "chain": {"seq": entry.seq, "prev_hash": entry.prev_hash, "hash": entry.hash},
            }
            if order_line_id is not None:
                payload["order_line_id"] = order_line_id
            self._enqueue(conn, MutationKind.DECISION_GRANT, payload, [(decision, None, None)])
        return decision

    def revoke_decision(self, user: User, decision_id: str, reason_text: str) -> Decision:
        """Revoke a decision (a new log entry; the original entry stays as it was)."""
        _text(reason_text, "the reason")
        with self._write() as conn:
            decision: Decision | None = replica.load(conn, EntityKind.DECISION, decision_id)
            if decision is None:
                raise NotFound(f"decision {decision_id} is not in the local cache")
            _check(decision.status.counts_against_budget, "only a pending or granted decision can be revoked")
            now = self._now()
            entry = self._append_chain(
                conn,
                EntryKind.REVOCATION,
                {
                    "decision_id": decision_id,
                    "by": user.id,
                    "reason_text": reason_text,
                    "at": format_time(now),
                },
            )
            revoked = replace(
                decision, status=DecisionStatus.REVOKED, rejection_reason=reason_text, updated_at=now
            )
            payload = {
                "decision_id": decision_id,
                "reason_text": reason_text,
                "chain": {"seq": entry.seq, "prev_hash": entry.prev_hash, "hash": entry.hash},
            }
            self._enqueue(
                conn,
                MutationKind.DECISION_REVOKE,
                payload,
                [(revoked, decision, ["status", "rejection_reason", "updated_at"])],
            )
        return revoked

    def request_escalation(
        self,
        user: User,
        customer_id: str,
        case_id: str | None,
        gesture: GestureCode | str,
        amount_cents: int,
        currency: str,
        reason_code: ReasonCode | str,
        reason_text: str,
    ) -> Escalation:
        """Ask the team lead for a gesture beyond the envelope (logged and queued)."""
        code = _enum(GestureCode, gesture)
        reason = _enum(ReasonCode, reason_code)
        _text(reason_text, "the reason")
        _check(
            isinstance(amount_cents, int) and not isinstance(amount_cents, bool) and amount_cents > 0,
            "the amount must be a positive number of cents",
        )
        with self._write() as conn:
            self._require_customer(conn, customer_id)
            now = self._now()
            escalation = Escalation(
                id=str(uuid.uuid4()),
                user_id=user.id,
                team=user.team,
                customer_id=customer_id,
                gesture=code,
                amount_cents=amount_cents,
                currency=currency,
                reason_code=reason,
                reason_text=reason_text,
                requested_at=now,
                case_id=case_id,
                updated_at=now,
            )
            body = {
                "escalation_id": escalation.id,
                "customer_id": customer_id,
                "case_id": case_id,
                "gesture": code.value,
                "amount_cents": amount_cents,
                "currency": currency,
                "reason_code": reason.value,
                "reason_text": reason_text,
                "requested_at": format_time(now),
            }
            entry = self._append_chain(conn, EntryKind.ESCALATION, {**body, "user_id": user.id})
            payload: dict[str, Any] = {k: v for k, v in body.items() if not (k == "case_id" and v is None)}
            payload["chain"] = {"seq": entry.seq, "prev_hash": entry.prev_hash, "hash": entry.hash}
            self._enqueue(conn, MutationKind.ESCALATION, payload, [(escalation, None, None)])
        return escalation

    def answer_escalation(
        self, user: User, escalation_id: str, approved: bool, comment: str | None = None
    ) -> Escalation:
        """The team lead's answer to an escalation request."""
        if comment is not None:
            _text(comment, "the comment", allow_empty=True)
        with self._write() as conn:
            escalation: Escalation | None = replica.load(conn, EntityKind.ESCALATION, escalation_id)
            if escalation is None:
                raise NotFound(f"escalation {escalation_id} is not in the local cache")
            _check(escalation.status is EscalationStatus.OPEN, "the escalation was already answered")
            now = self._now()
            answered = replace(
                escalation,
                status=EscalationStatus.APPROVED if approved else EscalationStatus.DECLINED,
                answered_by=user.id,
                answered_at=now,
                answer_comment=comment,
                updated_at=now,
            )
            self._append_chain(
                conn,
                EntryKind.ESCALATION_ANSWER,
                {
                    "escalation_id": escalation_id,
                    "approved": bool(approved),
                    "comment": comment,
                    "answered_by": user.id,
                    "answered_at": format_time(now),
                },
            )
            payload: dict[str, Any] = {"escalation_id": escalation_id, "approved": bool(approved)}
            if comment:
                payload["comment"] = comment
            fields = ["status", "answered_by", "answered_at", "answer_comment", "updated_at"]
            self._enqueue(conn, MutationKind.ESCALATION_ANSWER, payload, [(answered, escalation, fields)])
        return answered

    def record_csat(self, case_id: str, score: int, source: str = "advisor") -> SatisfactionRating:
        _check(
            isinstance(score, int) and not isinstance(score, bool) and 1 <= score <= 5,
            "satisfaction is rated from 1 to 5",
        )
        _check(source in ("survey", "advisor"), "the source is 'survey' or 'advisor'")
        with self._write() as conn:
            case = self._case(conn, case_id)
            now = self._now()
            rating = SatisfactionRating(
                id=str(uuid.uuid4()),
                case_id=case_id,
                customer_id=case.customer_id,
                score=score,
                source=source,
                recorded_at=now,
                updated_at=now,
            )
            payload = {
                "rating_id": rating.id,
                "case_id": case_id,
                "customer_id": case.customer_id,
                "score": score,
                "source": source,
                "recorded_at": format_time(now),
            }
            self._enqueue(conn, MutationKind.CSAT, payload, [(rating, None, None)])
        return rating

    def schedule_followup(
        self,
        customer_id: str,
        case_id: str | None,
        due_at: datetime,
        note: str = "",
        *,
        by: User | str | None = None,
    ) -> FollowUp:
        _text(note, "the note", allow_empty=True)
        _check(isinstance(due_at, datetime) and due_at.tzinfo is not None, "the due time needs its time zone")
        with self._write() as conn:
            self._require_customer(conn, customer_id)
            author = self._author_id(conn, by)
            _check(author is not None, "who schedules the follow-up is unknown")
            now = self._now()
            followup = FollowUp(
                id=str(uuid.uuid4()),
                customer_id=customer_id,
                due_at=due_at.astimezone(UTC),
                created_by=author or "",
                case_id=case_id,
                note=note,
                updated_at=now,
            )
            payload: dict[str, Any] = {
                "followup_id": followup.id,
                "customer_id": customer_id,
                "due_at": format_time(due_at),
                "note": note,
            }
            if case_id is not None:
                payload["case_id"] = case_id
            self._enqueue(conn, MutationKind.FOLLOWUP, payload, [(followup, None, None)])
        return followup

    def record_followup_outcome(
        self,
        followup_id: str,
        outcome: FollowUpOutcome | str,
        note: str = "",
        reschedule_at: datetime | None = None,
    ) -> FollowUp:
        """What the follow-up call gave; the centre reopens the case when not satisfied."""
        result = _enum(FollowUpOutcome, outcome)
        _text(note, "the note", allow_empty=True)
        with self._write() as conn:
            followup: FollowUp | None = replica.load(conn, EntityKind.FOLLOWUP, followup_id)
            if followup is None:
                raise NotFound(f"follow-up {followup_id} is not in the local cache")
            _check(followup.status is FollowUpStatus.SCHEDULED, "the follow-up is already done")
            now = self._now()
            if result is FollowUpOutcome.NOT_REACHED and reschedule_at is not None:
                # not reached, try again later: the same task stays scheduled at the new time
                _check(reschedule_at.tzinfo is not None, "the new time needs its time zone")
                done = replace(followup, outcome=result, due_at=reschedule_at.astimezone(UTC), updated_at=now)
            else:
                done = replace(
                    followup, status=FollowUpStatus.DONE, outcome=result, done_at=now, updated_at=now
                )
            payload: dict[str, Any] = {
                "followup_id": followup_id,
                "outcome": result.value,
                "note": note,
                "at": format_time(now),
            }
            if reschedule_at is not None:
                payload["reschedule_at"] = format_time(reschedule_at)
            fields = ["status", "outcome", "done_at", "due_at", "updated_at"]
            self._enqueue(conn, MutationKind.FOLLOWUP_OUTCOME, payload, [(done, followup, fields)])
        return done

    def mark_reviewed(
        self, decision_id: str, comment: str | None = None, *, by: User | str | None = None
    ) -> Decision:
        """The team lead's review mark on a decision."""
        if comment is not None:
            _text(comment, "the comment", allow_empty=True)
        with self._write() as conn:
            decision: Decision | None = replica.load(conn, EntityKind.DECISION, decision_id)
            if decision is None:
                raise NotFound(f"decision {decision_id} is not in the local cache")
            now = self._now()
            reviewed = replace(
                decision,
                reviewed_by=self._author_id(conn, by),
                reviewed_at=now,
                review_comment=comment,
                updated_at=now,
            )
            payload: dict[str, Any] = {"decision_id": decision_id}
            if comment:
                payload["comment"] = comment
            fields = ["reviewed_by", "reviewed_at", "review_comment", "updated_at"]
            self._enqueue(conn, MutationKind.REVIEW_MARK, payload, [(reviewed, decision, fields)])
        return reviewed

    # -- drafts (local only, never sent)

    def save_draft(self, case_id: str, data: dict[str, Any]) -> None:
        """Keep the reply draft of a case. Not for a case this cache no longer holds and has no draft
        of: its customer was erased or left the scope, and its drafts with it (a save still on its
        way must not bring them back). A case missing while a full re-pull runs keeps its draft
        row, so saves go on."""
        with self._write() as conn:
            sql(
                conn,
                "INSERT OR REPLACE INTO drafts (case_id, data, updated_at) SELECT ?, ?, ?"
                " WHERE EXISTS (SELECT 1 FROM cases WHERE id = ?)"
                " OR EXISTS (SELECT 1 FROM drafts WHERE case_id = ?)",
                (case_id, dumps(data), ts(self._now()), case_id, case_id),
            )

    def load_draft(self, case_id: str) -> dict[str, Any] | None:
        with self._read() as conn:
            row = sql(conn, "SELECT data FROM drafts WHERE case_id = ?", (case_id,)).first()
        return None if row is None else loads(row[0])

    def delete_draft(self, case_id: str) -> None:
        with self._write() as conn:
            sql(conn, "DELETE FROM drafts WHERE case_id = ?", (case_id,))


def _status_changes(case: Case, status: CaseStatus, now: datetime) -> dict[str, Any]:
    """What moving ``case`` to ``status`` changes, as the centre does it (refused if not allowed)."""
    _check(can_transition(case.status, status), f"a case cannot go from {case.status} to {status}")
    changes: dict[str, Any] = {"status": status}
    if status is CaseStatus.ACKNOWLEDGED and case.acknowledged_at is None:
        changes["acknowledged_at"] = now
    if status is CaseStatus.RESOLVED:
        changes["resolved_at"] = now
    elif case.status is CaseStatus.RESOLVED:
        changes["resolved_at"] = None  # reopened
    return changes


def _touch(case: Case, by: str | None, now: datetime, **changes: Any) -> tuple[Case, list[str]]:
    """The case with ``changes``, one version up, as the centre applies every change of a case.

    Keeping the versions in step is what lets several actions on one case taken offline reach the
    centre without a false conflict. Returns the case and the fields changed (for rebasing).
    """
    changed = replace(case, **changes, version=case.version + 1, updated_at=now, updated_by=by)
    return changed, [*changes, "version", "updated_at", "updated_by"]
