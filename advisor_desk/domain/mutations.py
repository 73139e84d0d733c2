"""The advisor actions that travel from a workstation to the centre, and what the centre answers.

Every action is a mutation with a client-made UUID: the idempotency key. The centre remembers it for
good, so sending it again (a lost answer, a retry, a restart) returns the first result, never a second
effect.
"""

from __future__ import annotations

from enum import StrEnum


class MutationKind(StrEnum):
    REPLY = "reply"
    NOTE = "note"
    CASE_STATUS = "case.status"
    CASE_ACKNOWLEDGE = "case.acknowledge"
    CASE_ASSIGN = "case.assign"
    DECISION_GRANT = "decision.grant"
    DECISION_REVOKE = "decision.revoke"
    CSAT = "csat"
    FOLLOWUP = "followup"
    FOLLOWUP_OUTCOME = "followup.outcome"
    REVIEW_MARK = "review.mark"
    ESCALATION = "escalation"
    ESCALATION_ANSWER = "escalation.answer"


class MutationStatus(StrEnum):
    APPLIED = "applied"
    DUPLICATE = "duplicate"
    REJECTED = "rejected"
    CONFLICT = "conflict"

    @property
    def confirms(self) -> bool:
        """Whether the workstation can drop the entry from its outbox as done."""
        return self in (MutationStatus.APPLIED, MutationStatus.DUPLICATE)


#: Most mutations one request may carry (also enforced by the server).
MAX_BATCH = 100
