"""What the local cache raises: one family, each with a sentence a person can read."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from advisor_desk.domain.authority import Verdict
    from advisor_desk.domain.model import Case


class CacheError(Exception):
    """Something the cache cannot do or accept; nothing was written."""


class NotFound(CacheError):
    """The entity an action refers to is not in the cache."""


class InvalidAction(CacheError, ValueError):
    """An action that breaks a rule (empty note, forbidden status change, unknown value...)."""


class StaleCase(CacheError):
    """The case changed since the advisor loaded it: ``current`` is the fresh copy."""

    def __init__(self, current: Case) -> None:
        super().__init__(
            f"case {current.id} is at version {current.version}"
            + (f", changed by {current.updated_by}" if current.updated_by else "")
        )
        self.current = current


class NoAuthority(CacheError):
    """No authority envelope for the user's role has been synced yet: nothing can be granted."""


class GrantRefused(CacheError):
    """The authority check said no; ``verdict`` says which limit and by how much."""

    def __init__(self, verdict: Verdict) -> None:
        super().__init__(verdict.reason())
        self.verdict = verdict
