"""Mutations on cases and conversations: replies, notes, status, acknowledgement, assignment,
satisfaction ratings and follow-ups."""

from __future__ import annotations

import uuid
from dataclasses import replace

from sqlalchemy import select

from advisor_desk.domain.channels import Channel
from advisor_desk.domain.model import (
    Case,
    CaseKind,
    CaseStatus,
    ComplaintCategory,
    Direction,
    FollowUp,
    FollowUpOutcome,
    FollowUpStatus,
    Interaction,
    Role,
    SatisfactionRating,
    can_transition,
)
from advisor_desk.domain.wire import EntityKind
from advisor_desk.server import store
from advisor_desk.server.models import UserRow
from advisor_desk.server.services.mutations.context import (
    Conflicted,
    MutationContext,
    Outcome,
    Refused,
    wire,
)
from advisor_desk.server.services.mutations.payloads import (
    CaseAcknowledge,
    CaseAssign,
    CaseStatusChange,
    Csat,
    FollowUpCreate,
    FollowUpOutcomeRecord,
    Note,
    Reply,
)


def _touch(ctx: MutationContext, case: Case, **changes: object) -> Case:
    """The case with ``changes``, one version up, stamped with who changed it and when."""
    updated = replace(case, **changes, version=case.version + 1, updated_at=ctx.now, updated_by=ctx.user.id)  # type: ignore[arg-type]
    store.save(ctx.session, updated)
    return updated


def _status_changes(case: Case, status: CaseStatus, ctx: MutationContext) -> dict[str, object]:
    """Field changes that go with moving ``case`` to ``status`` (refused when not allowed)."""
    if not can_transition(case.status, status):
        raise Refused(f"invalid_transition: {case.status.value} -> {status.value}")
    changes: dict[str, object] = {"status": status}
    if status is CaseStatus.ACKNOWLEDGED and case.acknowledged_at is None:
        changes["acknowledged_at"] = ctx.now
    if status is CaseStatus.RESOLVED:
        changes["resolved_at"] = ctx.now
    elif case.status is CaseStatus.RESOLVED:
        changes["resolved_at"] = None  # reopened
    return changes


def _outbound(
    ctx: MutationContext,
    interaction_id: str,
    case: Case,
    channel: Channel,
    text: str,
    at: object,
    **details: object,
) -> Interaction:
    if not channel.customer_facing:
        raise Refused("channel_not_customer_facing")
    ctx.ensure_new(EntityKind.INTERACTION, interaction_id)
    return Interaction(
        id=interaction_id,
        customer_id=case.customer_id,
        channel=channel,
        direction=Direction.OUTBOUND,
        occurred_at=at,  # type: ignore[arg-type]
        text=text,
        case_id=case.id,
        author=ctx.user.display_name,
        author_id=ctx.user.id,
        details=dict(details),
        updated_at=ctx.now,
    )


def reply(ctx: MutationContext, p: Reply) -> Outcome:
    case = ctx.case(p.case_id, p.customer_id)
    interaction = _outbound(ctx, p.interaction_id, case, p.channel, p.text, p.sent_at)
    changes: dict[str, object] = {}
    if case.first_response_at is None:
        changes["first_response_at"] = p.sent_at
    if p.new_status is not None and p.new_status is not case.status:
        changes.update(_status_changes(case, p.new_status, ctx))
    store.save(ctx.session, interaction)
    updated = _touch(ctx, case, **changes)
    return Outcome("applied", data={"interaction": wire(interaction), "case": wire(updated)})


def note(ctx: MutationContext, p: Note) -> Outcome:
    ctx.customer(p.customer_id)
    if p.case_id is not None:
        ctx.case(p.case_id, p.customer_id)
    ctx.ensure_new(EntityKind.INTERACTION, p.interaction_id)
    interaction = Interaction(
        id=p.interaction_id,
        customer_id=p.customer_id,
        channel=Channel.NOTE,
        direction=Direction.INTERNAL,
        occurred_at=p.created_at,
        text=p.text,
        case_id=p.case_id,
        author=ctx.user.display_name,
        author_id=ctx.user.id,
        updated_at=ctx.now,
    )
    store.save(ctx.session, interaction)
    return Outcome("applied", data={"interaction": wire(interaction)})


def _check_version(case: Case, expected: int) -> None:
    if case.version != expected:
        raise Conflicted(
            f"version_mismatch: expected {expected}, current {case.version}", {"case": wire(case)}
        )


def case_status(ctx: MutationContext, p: CaseStatusChange) -> Outcome:
    case = ctx.case(p.case_id)
    _check_version(case, p.expected_version)
    if p.product_id is not None and store.load(ctx.session, EntityKind.PRODUCT, p.product_id) is None:
        raise Refused("unknown_product")
    changes: dict[str, object] = {}
    if p.status is not case.status:
        changes.update(_status_changes(case, p.status, ctx))
    if p.root_cause is not None:
        changes["root_cause"] = p.root_cause
    if p.product_id is not None:
        changes["product_id"] = p.product_id
    updated = _touch(ctx, case, **changes) if changes else case
    return Outcome("applied", data={"case": wire(updated)})


def case_acknowledge(ctx: MutationContext, p: CaseAcknowledge) -> Outcome:
    case = ctx.case(p.case_id)
    interaction = _outbound(ctx, p.interaction_id, case, p.channel, p.text, p.at, acknowledgement=True)
    changes: dict[str, object] = {}
    if case.acknowledged_at is None:
        changes["acknowledged_at"] = p.at
    if case.status is CaseStatus.NEW:
        changes["status"] = CaseStatus.ACKNOWLEDGED
    store.save(ctx.session, interaction)
    updated = _touch(ctx, case, **changes)
    return Outcome("applied", data={"interaction": wire(interaction), "case": wire(updated)})


def case_assign(ctx: MutationContext, p: CaseAssign) -> Outcome:
    case = ctx.case(p.case_id)
    _check_version(case, p.expected_version)
    if p.assignee_id is not None:
        assignee = ctx.session.execute(
            select(UserRow.id, UserRow.team, UserRow.active).where(UserRow.id == p.assignee_id)
        ).one_or_none()
        if assignee is None or not assignee.active or assignee.team != case.team:
            raise Refused("unknown_assignee: not an active member of the case's team")
    # Advisors and store staff take or drop a case themselves; leads hand cases to anyone.
    if not ctx.is_lead and p.assignee_id not in (ctx.user.id, None):
        raise Refused("forbidden: only a team lead assigns a case to someone else")
    if not ctx.is_lead and p.assignee_id is None and case.assignee_id not in (ctx.user.id, None):
        raise Refused("forbidden: only a team lead takes a case from someone else")
    updated = _touch(ctx, case, assignee_id=p.assignee_id)
    return Outcome("applied", data={"case": wire(updated)})


def csat(ctx: MutationContext, p: Csat) -> Outcome:
    ctx.case(p.case_id, p.customer_id)
    ctx.ensure_new(EntityKind.SATISFACTION, p.rating_id)
    rating = SatisfactionRating(
        p.rating_id, p.case_id, p.customer_id, p.score, p.source, p.recorded_at, ctx.now
    )
    store.save(ctx.session, rating)
    return Outcome("applied", data={"satisfaction": wire(rating)})


def followup(ctx: MutationContext, p: FollowUpCreate) -> Outcome:
    ctx.customer(p.customer_id)
    if p.case_id is not None:
        ctx.case(p.case_id, p.customer_id)
    ctx.ensure_new(EntityKind.FOLLOWUP, p.followup_id)
    task = FollowUp(
        id=p.followup_id,
        customer_id=p.customer_id,
        due_at=p.due_at,
        created_by=ctx.user.id,
        case_id=p.case_id,
        note=p.note,
        updated_at=ctx.now,
    )
    store.save(ctx.session, task)
    return Outcome("applied", data={"followup": wire(task)})


def followup_outcome(ctx: MutationContext, p: FollowUpOutcomeRecord) -> Outcome:
    task: FollowUp | None = store.load(ctx.session, EntityKind.FOLLOWUP, p.followup_id)
    if task is None:
        raise Refused("unknown_followup")
    ctx.customer(task.customer_id)
    if task.status is not FollowUpStatus.SCHEDULED:
        raise Refused("followup_closed: its outcome was already recorded")
    note_text = p.note or task.note
    if p.outcome is FollowUpOutcome.NOT_REACHED and p.reschedule_at is not None:
        updated_task = replace(
            task, due_at=p.reschedule_at, outcome=p.outcome, note=note_text, updated_at=ctx.now
        )
    else:
        updated_task = replace(
            task,
            status=FollowUpStatus.DONE,
            outcome=p.outcome,
            done_at=p.at,
            note=note_text,
            updated_at=ctx.now,
        )
    data = {"followup": wire(updated_task)}
    if p.outcome is FollowUpOutcome.NOT_SATISFIED:
        data["case"] = wire(_reopen(ctx, task, p))
    store.save(ctx.session, updated_task)
    return Outcome("applied", data=data)


def _reopen(ctx: MutationContext, task: FollowUp, p: FollowUpOutcomeRecord) -> Case:
    """A dissatisfied customer: reopen a resolved case, or open a new one after a closed one."""
    previous = ctx.case(task.case_id) if task.case_id is not None else None
    if previous is not None and previous.status is not CaseStatus.CLOSED:
        if previous.status is CaseStatus.RESOLVED:
            return _touch(ctx, previous, **_status_changes(previous, CaseStatus.IN_PROGRESS, ctx))
        return previous  # still open: it carries on
    customer = ctx.customer(task.customer_id)
    # Derived from the mutation id, so a replay elsewhere would name the same case.
    new_id = str(uuid.uuid5(uuid.NAMESPACE_URL, f"advisor-desk:followup-case:{ctx.mutation_id}"))
    case = Case(
        id=new_id,
        customer_id=task.customer_id,
        kind=previous.kind if previous else CaseKind.COMPLAINT,
        category=previous.category if previous else ComplaintCategory.OTHER,
        status=CaseStatus.NEW,
        channel=previous.channel if previous else Channel.CALLBACK,
        subject=previous.subject if previous else "Not satisfied after a follow-up",
        opened_at=p.at,
        team=customer.team,
        product_id=previous.product_id if previous else None,
        order_id=previous.order_id if previous else None,
        assignee_id=ctx.user.id if ctx.user.role is not Role.ADMIN else None,
        updated_at=ctx.now,
        updated_by=ctx.user.id,
    )
    store.save(ctx.session, case)
    return case
