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


class CacheUnavailable(CacheError):
    """The cache file cannot be opened here (read-only disk, no permission, held by another program).

    The file is sound as far as anyone knows and is left untouched: it is never taken for a damaged
    one and set aside. Once the cause is fixed the cache opens with everything it held.
    """


class EncryptionUnavailable(CacheUnavailable):
    """Encryption of the cache was asked for (or the file is encrypted) but cannot be provided here:
    no SQLCipher binding, or no keyring to keep the key. The file is left as it was: never a silent
    fallback to plain text, never a key written to disk."""


class KeyUnavailable(CacheUnavailable):
    """The cache file is encrypted and the keyring holds no key for it, or one that does not open it.

    The file is kept untouched: a file nobody can read *here* is not a damaged file, and setting it
    aside or replacing it would throw away what another keyring (restored, or the right user's)
    still opens.
    """


class SettingError(CacheError):
    """A cache setting (the environment or the settings file) has a value the desk cannot read."""


def _cause_and_remedy(reason: str) -> tuple[str, str]:
    lowered = reason.lower()
    if "full" in lowered or "disk i/o" in lowered:
        return "the disk holding it is full", "free some space on that disk and try again"
    if "readonly" in lowered or "read-only" in lowered or "unable to open" in lowered:
        return (
            "the disk or folder holding it is read-only (or not yours to write)",
            "make the data folder writable, or choose another one, and try again",
        )
    if "locked" in lowered or "busy" in lowered:
        return (
            "another program is holding it",
            "close any other Advisor Desk using the same data folder and try again",
        )
    return f"the system refused ({reason})", "check the disk and the data folder, then try again"


def unwritable_message(path_name: str, reason: str) -> str:
    """The sentence shown for a write SQLite refused, from the driver's ``reason``."""
    cause, remedy = _cause_and_remedy(reason)
    return f"Nothing was saved: the local cache {path_name} could not be written because {cause}. Please {remedy}."


def unavailable_message(path_name: str, reason: str) -> str:
    """The sentence shown when the cache file cannot be opened, from the driver's ``reason``."""
    cause, remedy = _cause_and_remedy(reason)
    return (
        f"The local cache {path_name} cannot be opened because {cause}. It was left untouched and "
        f"nothing in it is lost. Please {remedy}."
    )


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
