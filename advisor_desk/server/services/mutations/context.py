"""What every mutation handler works with: the transaction, the acting user, refusals and conflicts."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from advisor_desk.domain.model import Case, Customer, Role, User
from advisor_desk.domain.wire import EntityKind, format_time, to_wire
from advisor_desk.server import store
from advisor_desk.server.models import CaseRow, ChainReceiptRow, CustomerRow, UserRow
from advisor_desk.server.services.mutations.payloads import Chain


class Refused(Exception):
    """The mutation cannot be applied: final, nothing of it is written (``rejected``)."""

    def __init__(self, reason: str, data: dict[str, Any] | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.data = data


class Conflicted(Exception):
    """The entity changed meanwhile (``conflict``); ``data`` holds its current state."""

    def __init__(self, reason: str, data: dict[str, Any]) -> None:
        super().__init__(reason)
        self.reason = reason
        self.data = data


@dataclass(frozen=True, slots=True)
class Outcome:
    status: str  # "applied" or "rejected" (a refused grant is written, then answered "rejected")
    reason: str | None = None
    data: dict[str, Any] | None = None


@dataclass
class MutationContext:
    session: Session
    user: User
    workstation_id: str
    mutation_id: str
    now: datetime
    is_postgres: bool
    extras: dict[str, Any] = field(default_factory=dict)

    @property
    def is_lead(self) -> bool:
        return self.user.role in (Role.TEAM_LEAD, Role.ADMIN)

    def may_see_team(self, team: str) -> bool:
        return self.user.role is Role.ADMIN or team == self.user.team

    def lock_user(self, user_id: str) -> None:
        """Serialise with other writers of this user's budget (a no-op on SQLite: writers queue).

        Every lock here is FOR NO KEY UPDATE (``key_share=True``): it serialises our writers as much
        as FOR UPDATE does, but not against the KEY SHARE locks PostgreSQL takes for foreign-key
        checks of rows inserted under a case or customer, which deadlocked notes against grants.
        """
        if self.is_postgres:
            self.session.execute(
                select(UserRow.id).where(UserRow.id == user_id).with_for_update(key_share=True)
            )

    def lock_customer(self, customer_id: str) -> None:
        if self.is_postgres:
            self.session.execute(
                select(CustomerRow.id).where(CustomerRow.id == customer_id).with_for_update(key_share=True)
            )

    def customer(self, customer_id: str, *, lock: bool = False) -> Customer:
        """A customer the user may act on, or a refusal."""
        if lock:
            self.lock_customer(customer_id)
        customer: Customer | None = store.load(self.session, EntityKind.CUSTOMER, customer_id)
        if customer is None:
            raise Refused("unknown_customer")
        if not self.may_see_team(customer.team):
            raise Refused("forbidden: the customer belongs to another team")
        return customer

    def case(self, case_id: str, customer_id: str | None = None) -> Case:
        """A case the user may act on, locked for update, or a refusal."""
        if self.is_postgres:
            self.session.execute(
                select(CaseRow.id).where(CaseRow.id == case_id).with_for_update(key_share=True)
            )
        case: Case | None = store.load(self.session, EntityKind.CASE, case_id)
        if case is None:
            raise Refused("unknown_case")
        if customer_id is not None and case.customer_id != customer_id:
            raise Refused("case_customer_mismatch")
        self.customer(case.customer_id)
        return case

    def ensure_new(self, kind: EntityKind, entity_id: str) -> None:
        """Creating mutations carry the new entity's id: refuse one another mutation already used."""
        if store.load(self.session, kind, entity_id) is not None:
            raise Refused(f"{kind.value}_exists")

    def receipt(self, chain: Chain) -> dict[str, Any]:
        """Acknowledge the workstation's chain position (same seq with another hash is refused)."""
        row = self.session.get(ChainReceiptRow, (self.workstation_id, chain.seq))
        if row is not None:
            if row.hash != chain.hash or row.prev_hash != chain.prev_hash:
                raise Refused("chain_conflict: this workstation already sent another entry at this position")
        else:
            row = ChainReceiptRow(
                workstation_id=self.workstation_id,
                seq=chain.seq,
                hash=chain.hash,
                prev_hash=chain.prev_hash,
                user_id=self.user.id,
                team=self.user.team,
                mutation_id=self.mutation_id,
                received_at=self.now,
            )
            self.session.add(row)
        return {"seq": row.seq, "hash": row.hash, "received_at": format_time(row.received_at)}


def wire(entity: object) -> dict[str, Any]:
    data: dict[str, Any] = to_wire(entity)
    return data
