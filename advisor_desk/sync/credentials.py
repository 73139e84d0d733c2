"""Where the desk keeps its tokens: the OS keyring, or nowhere but memory.

The refresh token is stored only through ``keyring`` (service ``advisor-desk``, one entry per server and
user); the access token lives in memory. When no usable keyring backend exists (a headless Linux
without a Secret Service, a broken D-Bus), the tokens are kept in memory for this session only and
:attr:`CredentialStore.persistent` says so, with a reason the UI shows. There is deliberately no
plaintext fallback: a token on disk is a password on disk.
"""

from __future__ import annotations

import logging
import threading

import keyring
import keyring.errors

from advisor_desk.sync.client import TokenSet

log = logging.getLogger(__name__)

SERVICE = "advisor-desk"

#: Backends that would write the secret to a readable file or drop it: never acceptable.
_UNACCEPTABLE_BACKENDS = (
    "keyring.backends.fail",
    "keyring.backends.null",
    "keyrings.alt.file",  # PlaintextKeyring and friends
)


def account_key(server_url: str, username: str) -> str:
    """The keyring entry for one user on one server."""
    return f"{server_url.rstrip('/').lower()}|{username}"


def usable_backend() -> tuple[keyring.backend.KeyringBackend | None, str]:
    """The current keyring backend if it can hold secrets safely, else None and why not."""
    try:
        backend = keyring.get_keyring()
    except Exception as exc:  # a misconfigured keyring must not stop the desk
        return None, f"the system keyring could not be opened ({type(exc).__name__})"
    module = type(backend).__module__
    if any(module.startswith(bad) for bad in _UNACCEPTABLE_BACKENDS):
        return None, "no system keyring is available on this computer"
    inner = getattr(backend, "backends", None)
    if inner is not None and not [
        b for b in inner if not any(type(b).__module__.startswith(bad) for bad in _UNACCEPTABLE_BACKENDS)
    ]:
        return None, "no system keyring is available on this computer"
    return backend, ""


class CredentialStore:
    """The tokens of one user on one server."""

    def __init__(self, server_url: str, username: str) -> None:
        self.account = account_key(server_url, username)
        self._lock = threading.Lock()
        self._memory_refresh: str | None = None
        self.access_token: str | None = None  # memory only, never written anywhere
        backend, reason = usable_backend()
        self._backend = backend
        self.persistent = backend is not None
        #: Why tokens are not kept between sessions (empty when they are): the UI says it.
        self.reason = reason
        if not self.persistent:
            log.warning("credentials kept in memory only: %s", reason)

    def _fall_back(self, exc: Exception) -> None:
        self._backend = None
        self.persistent = False
        self.reason = f"the system keyring failed ({type(exc).__name__}); you will log in again next time"
        log.warning("keyring failed (%s): credentials kept in memory only", type(exc).__name__)

    def load_refresh_token(self) -> str | None:
        with self._lock:
            if self._backend is not None:
                try:
                    stored = self._backend.get_password(SERVICE, self.account)
                except Exception as exc:  # keyring backends raise anything from D-Bus to OS errors
                    self._fall_back(exc)
                else:
                    if stored:
                        return stored
            return self._memory_refresh

    def save_refresh_token(self, token: str | None) -> None:
        with self._lock:
            self._memory_refresh = token
            if self._backend is None:
                return
            try:
                if token:
                    self._backend.set_password(SERVICE, self.account, token)
                else:
                    try:
                        self._backend.delete_password(SERVICE, self.account)
                    except keyring.errors.PasswordDeleteError:
                        pass  # nothing stored: nothing to forget
            except Exception as exc:
                self._fall_back(exc)

    def on_tokens(self, tokens: TokenSet | None) -> None:
        """Hook for :class:`ApiClient`: keep the latest (rotated) refresh token, forget on logout."""
        self.access_token = tokens.access_token if tokens else None
        self.save_refresh_token(tokens.refresh_token if tokens else None)

    def clear(self) -> None:
        self.access_token = None
        self.save_refresh_token(None)

    def __repr__(self) -> str:
        return f"CredentialStore(persistent={self.persistent})"
