"""What the local cache raises: one family, each with a sentence a person can read."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from advisor_desk.domain.authority import Verdict
    from advisor_desk.domain.model import Case


class CacheError(Exception):
    """Something the cache cannot do or accept; nothing was written."""


class CacheUnwritable(CacheError):
    """The cache file could not be written (disk full, read-only, locked...): nothing was saved.

    The transaction was rolled back, so the cache holds exactly what it held before; once the cause
    is fixed (space freed, the disk writable again) the same action can be done again.
    """


def unwritable_message(path_name: str, reason: str) -> str:
    """The sentence shown for a write SQLite refused, from the driver's ``reason``."""
    lowered = reason.lower()
    if "full" in lowered or "disk i/o" in lowered:
        cause = "the disk holding it is full"
        remedy = "free some space on that disk and try again"
    elif "readonly" in lowered or "read-only" in lowered:
        cause = "the disk holding it is read-only"
        remedy = "make the data folder writable (or choose another one) and try again"
    elif "locked" in lowered or "busy" in lowered:
        cause = "another program is holding it"
        remedy = "close any other Advisor Desk using the same data folder and try again"
    else:
        cause = f"the system refused the write ({reason})"
        remedy = "check the disk and the data folder, then try again"
    return f"Nothing was saved: the local cache {path_name} could not be written because {cause}. Please {remedy}."


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
