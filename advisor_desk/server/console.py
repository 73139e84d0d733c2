"""What happens at the centre, from a terminal: a customer's message arriving, an erasure.

``advisor-desk-server message`` records an inbound message the way a channel connector (mail
gateway, chat platform, social listening) hands it to the centre; ``advisor-desk-server erase``
carries out a right-to-be-forgotten request. Both write through :mod:`advisor_desk.server.store`
like the API does, so the change takes its place in the feed and reaches the workstations in scope
(long-polling desks within about a second; other server processes notice through the feed counter).
They serve operators and demonstrations: with ``advisor-desk --demo`` running, the launcher prints
the commands with its own database.

A customer is named by id, e-mail, phone number or loyalty card.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from advisor_desk.domain.channels import Channel
from advisor_desk.domain.identity import normalise_email, normalise_phone
from advisor_desk.domain.model import Case, Customer, Direction, Interaction
from advisor_desk.domain.wire import EntityKind
from advisor_desk.server import store
from advisor_desk.server.models import CaseRow, CustomerIdentifierRow, CustomerRow
from advisor_desk.server.schemas import MAX_TEXT  # as any text the API takes
from advisor_desk.server.services import privacy

REASON_CODE = re.compile(r"[a-z0-9_.-]{1,64}")  # as the API: a machine code, never free text (it is kept)


class ConsoleError(ValueError):
    """A request the console cannot carry out; the message says why, for the operator."""


@dataclass(frozen=True)
class Delivered:
    interaction: Interaction
    case: Case | None


def find_customer(session: Session, who: str) -> str:
    """The id of the customer named by ``who`` (id, e-mail, phone or loyalty card)."""
    who = who.strip()
    if not who:
        raise ConsoleError("name a customer: its id, e-mail, phone number or loyalty card")
    if session.get(CustomerRow, who) is not None:
        return who
    candidates: set[str] = set()
    for kind, value in (("email", normalise_email(who)), ("phone", normalise_phone(who))):
        if value:
            candidates.update(
                session.scalars(
                    select(CustomerIdentifierRow.customer_id).where(
                        CustomerIdentifierRow.kind == kind, CustomerIdentifierRow.value == value
                    )
                )
            )
    candidates.update(session.scalars(select(CustomerRow.id).where(CustomerRow.loyalty_card == who.upper())))
    if not candidates:
        raise ConsoleError(f"no customer has the id, e-mail, phone number or loyalty card {who[:80]!r}")
    if len(candidates) > 1:
        raise ConsoleError(
            f"{len(candidates)} customers match {who[:80]!r} ({', '.join(sorted(candidates)[:5])}): give the id"
        )
    return candidates.pop()


def _open_case(session: Session, customer_id: str) -> Case | None:
    """The customer's open case touched last (the one a new message most likely belongs to)."""
    rows = session.scalars(
        select(CaseRow.id)
        .where(CaseRow.customer_id == customer_id, CaseRow.status.not_in(("resolved", "closed")))
        # a case never changed has no updated_at (NULL sorts first in PostgreSQL's DESC)
        .order_by(func.coalesce(CaseRow.updated_at, CaseRow.opened_at).desc(), CaseRow.id)
        .limit(1)
    )
    case_id = next(iter(rows), None)
    return None if case_id is None else store.load(session, EntityKind.CASE, case_id)


def deliver_message(
    session: Session,
    who: str,
    text: str,
    *,
    case_id: str | None = None,
    channel: str | None = None,
    now: datetime | None = None,
) -> Delivered:
    """Record an inbound message from the customer, on ``case_id`` or on its open case touched last
    (none: the message stands alone in the timeline, as an unlinked contact does)."""
    if not text.strip():
        raise ConsoleError("the message is empty")
    if len(text) > MAX_TEXT:
        raise ConsoleError(f"the message has {len(text):,} characters; the most is {MAX_TEXT:,}")
    customer_id = find_customer(session, who)
    customer: Customer = store.load(session, EntityKind.CUSTOMER, customer_id)
    case: Case | None
    if case_id is not None:
        case = store.load(session, EntityKind.CASE, case_id)
        if case is None:
            raise ConsoleError(f"there is no case {case_id[:80]!r}")
        if case.customer_id != customer_id:
            raise ConsoleError(f"case {case_id} belongs to another customer ({case.customer_id})")
    else:
        case = _open_case(session, customer_id)
    if channel is None:
        via = case.channel if case is not None and case.channel.customer_facing else Channel.CHAT
    else:
        try:
            via = Channel(channel)
        except ValueError:
            raise ConsoleError(f"unknown channel {channel[:40]!r}") from None
        if not via.customer_facing:
            raise ConsoleError(f"a customer does not write on the {via.value} channel")
    at = now or datetime.now(UTC)
    interaction = Interaction(
        id=f"msg-{uuid.uuid4().hex}",
        customer_id=customer_id,
        channel=via,
        direction=Direction.INBOUND,
        occurred_at=at,
        text=text,
        case_id=None if case is None else case.id,
        author=f"{customer.first_name} {customer.last_name}".strip(),
        updated_at=at,
    )
    store.save(session, interaction)
    return Delivered(interaction, case)


def erase_customer(
    session: Session, who: str, reason_code: str = "gdpr_art17_request", *, now: datetime | None = None
) -> dict[str, str]:
    """Erase the customer (the right to be forgotten); returns its tombstone, without personal data.

    Erasing again answers the same tombstone, as the API does."""
    if not REASON_CODE.fullmatch(reason_code):
        raise ConsoleError(
            f"the reason code must be a machine code ([a-z0-9_.-], at most 64), not {reason_code[:80]!r}"
        )
    existing = privacy.tombstone(session, who.strip())
    if existing is not None:
        return {key: str(value) for key, value in privacy.tombstone_wire(existing).items()}
    customer_id = find_customer(session, who)
    row = privacy.erase(session, customer_id, "console", reason_code, now or datetime.now(UTC))
    if row is None:  # pragma: no cover - find_customer found it in this transaction
        raise ConsoleError(f"there is no customer {customer_id}")
    return {key: str(value) for key, value in privacy.tombstone_wire(row).items()}
