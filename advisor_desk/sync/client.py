"""The HTTP client of the central API (contract: ``advisor_desk/server/API.md``).

Every answer is checked for shape before anyone uses it: a garbage answer (an HTML error page, a
truncated body, JSON of the wrong shape) becomes a typed :class:`SyncError` with a sentence a user can
read, never an exception from deep inside ``requests`` or a ``KeyError`` three layers up. The UI
translates by error type (``code``); the English ``user_message`` is for logs and the headless commands.

The server URL must be ``https://`` except on the loopback interface, unless the caller explicitly
allows plain HTTP; certificate verification is never turned off (the OS trust store through
``truststore`` when installed, else ``certifi``; a custom CA bundle path may be given).
"""

from __future__ import annotations

import ipaddress
import json
import logging
import ssl
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlsplit

import requests
from requests.adapters import HTTPAdapter

from advisor_desk.domain import model
from advisor_desk.domain.mutations import MAX_BATCH, MutationStatus
from advisor_desk.domain.wire import EntityKind, WireError, from_wire

log = logging.getLogger(__name__)

API_PREFIX = "/api/v1"
#: The server refuses request bodies above 1 MiB; batches are cut below it, with room for the envelope.
MAX_BODY_BYTES = 1024 * 1024
#: A long-poll answer may take ``wait`` seconds on top of the usual read timeout.
MAX_WAIT_S = 30


# --------------------------------------------------------------------------------------------- errors


class SyncError(Exception):
    """Something went wrong talking to the central API. ``code`` is stable; the UI translates by it."""

    code = "sync_error"
    default_message = "Synchronisation with the central system failed."
    #: Whether trying again later may help (network, server trouble) or not (refused request).
    transient = True

    def __init__(self, user_message: str | None = None, *, detail: str = "") -> None:
        self.user_message = user_message or self.default_message
        self.detail = detail  # technical detail for logs: no personal data, no tokens
        super().__init__(self.user_message if not detail else f"{self.user_message} ({detail})")


class Unreachable(SyncError):
    code = "unreachable"
    default_message = "The central system cannot be reached. Your work is kept and will be sent later."


class ServerError(SyncError):
    code = "server_error"
    default_message = "The central system is having trouble. Your work is kept and will be sent later."

    def __init__(self, user_message: str | None = None, *, detail: str = "", retry_after: float = 0) -> None:
        super().__init__(user_message, detail=detail)
        #: Seconds the server asked to wait (a 503 when it is overloaded says so with Retry-After).
        self.retry_after = retry_after


class BadAnswer(SyncError):
    code = "bad_answer"
    default_message = (
        "The central system sent an answer that could not be understood. Nothing was changed locally."
    )


class NeedsLogin(SyncError):
    code = "needs_login"
    default_message = "Your session has ended. Please log in again; nothing waiting to be sent is lost."
    transient = False

    def __init__(self, user_message: str | None = None, *, detail: str = "", reason: str = "") -> None:
        super().__init__(user_message, detail=detail)
        #: "expired", "revoked", "no_token" or "bad_credentials"
        self.reason = reason


class BadCredentials(NeedsLogin):
    code = "bad_credentials"
    default_message = "The user name or password is not correct."


class Forbidden(SyncError):
    code = "forbidden"
    default_message = "You are not allowed to do this."
    transient = False


class NotFound(SyncError):
    code = "not_found"
    default_message = "The central system does not know this item."
    transient = False


class ResetRequired(SyncError):
    code = "reset_required"
    default_message = "The central system asked for a full refresh of local data."


class TooManyRequests(SyncError):
    code = "too_many_requests"
    default_message = "The central system is busy. Trying again shortly."

    def __init__(self, user_message: str | None = None, *, detail: str = "", retry_after: float = 0) -> None:
        super().__init__(user_message, detail=detail)
        self.retry_after = retry_after


class Rejected(SyncError):
    """The server refused the request itself (bad request, validation, too large): sending it again
    as is will not help."""

    code = "rejected"
    default_message = "The central system refused the request."
    transient = False

    def __init__(self, user_message: str | None = None, *, detail: str = "", error_code: str = "") -> None:
        super().__init__(user_message, detail=detail)
        self.error_code = error_code


class InsecureServerUrl(SyncError):
    code = "insecure_url"
    default_message = (
        "The server address must start with https:// (plain http:// is only allowed on this computer)."
    )
    transient = False


# --------------------------------------------------------------------------------------------- answers


@dataclass(frozen=True, slots=True)
class TokenSet:
    access_token: str
    refresh_token: str
    expires_at: float  # time.monotonic() when the access token is expected to expire

    def __repr__(self) -> str:  # never print a token, even in a traceback
        return f"TokenSet(expires_at={self.expires_at:.0f})"


@dataclass(frozen=True, slots=True)
class Session:
    """What a login or a refresh gives: the tokens and who is logged in."""

    tokens: TokenSet
    user: model.User


@dataclass(frozen=True, slots=True)
class ChangesPage:
    changes: list[dict[str, Any]]
    next: str
    has_more: bool


@dataclass(frozen=True, slots=True)
class DecisionListing:
    decisions: list[dict[str, Any]]
    #: Display names by user id (who granted, who reviewed).
    people: dict[str, str]
    #: Display names of their customers by id (shown, never stored).
    customers: dict[str, str]


@dataclass(frozen=True, slots=True)
class MutationResult:
    id: str
    status: MutationStatus
    reason: str | None
    data: dict[str, Any] | None

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "status": self.status.value, "reason": self.reason, "data": self.data}


# --------------------------------------------------------------------------------------------- checks


def _expect(condition: bool, what: str) -> None:
    if not condition:
        raise BadAnswer(detail=what)


def _names(value: object) -> dict[str, str]:
    """Display names by id: they only help the display, so an older centre sends none and an odd
    entry is left out rather than failing the answer."""
    if not isinstance(value, dict):
        return {}
    return {k: v[:200] for k, v in value.items() if isinstance(k, str) and isinstance(v, str) and v.strip()}


def _obj(value: object, what: str) -> dict[str, Any]:
    _expect(isinstance(value, dict), f"{what}: expected an object")
    assert isinstance(value, dict)
    return value


def _list(value: object, what: str) -> list[Any]:
    _expect(isinstance(value, list), f"{what}: expected a list")
    assert isinstance(value, list)
    return value


def _str(value: object, what: str, *, empty: bool = False) -> str:
    _expect(isinstance(value, str) and (empty or bool(value)), f"{what}: expected text")
    assert isinstance(value, str)
    return value


def _user(value: object) -> model.User:
    try:
        return from_wire(model.User, value)
    except WireError as exc:
        raise BadAnswer(detail=f"user: {exc}") from exc


_ENTITY_KINDS = frozenset(k.value for k in EntityKind)


def check_changes(body: object) -> ChangesPage:
    """The changes page's structure; entity data is checked by the cache with ``from_wire``."""
    page = _obj(body, "changes page")
    items = _list(page.get("changes"), "changes")
    checked: list[dict[str, Any]] = []
    for i, raw in enumerate(items):
        item = _obj(raw, f"changes[{i}]")
        _str(item.get("cursor"), f"changes[{i}].cursor")
        entity = item.get("entity")
        _expect(isinstance(entity, str) and entity in _ENTITY_KINDS, f"changes[{i}].entity: unknown kind")
        op = item.get("op")
        _expect(op in ("upsert", "delete"), f"changes[{i}].op: unknown operation")
        _str(item.get("id"), f"changes[{i}].id")
        if op == "upsert":
            _obj(item.get("data"), f"changes[{i}].data")
        else:
            _expect(item.get("data") is None, f"changes[{i}].data: a delete carries no data")
        checked.append(item)
    next_cursor = _str(page.get("next"), "next")
    has_more = page.get("has_more")
    _expect(isinstance(has_more, bool), "has_more: expected true or false")
    return ChangesPage(checked, next_cursor, bool(has_more))


_STATUSES = frozenset(s.value for s in MutationStatus)


def check_results(body: object, sent_ids: Sequence[str]) -> list[MutationResult]:
    """Results must answer the sent mutations one for one, in order."""
    answer = _obj(body, "mutation results")
    items = _list(answer.get("results"), "results")
    _expect(len(items) == len(sent_ids), "results: not one result per mutation")
    results = []
    for i, (raw, sent) in enumerate(zip(items, sent_ids, strict=True)):
        item = _obj(raw, f"results[{i}]")
        _expect(item.get("id") == sent, f"results[{i}].id: does not match the mutation sent")
        status = item.get("status")
        _expect(isinstance(status, str) and status in _STATUSES, f"results[{i}].status: unknown status")
        reason = item.get("reason")
        _expect(reason is None or isinstance(reason, str), f"results[{i}].reason: expected text")
        data = item.get("data")
        _expect(data is None or isinstance(data, dict), f"results[{i}].data: expected an object")
        results.append(MutationResult(sent, MutationStatus(str(status)), reason, data))
    return results


def check_session(body: object) -> Session:
    answer = _obj(body, "token answer")
    access = _str(answer.get("access_token"), "access_token")
    refresh = _str(answer.get("refresh_token"), "refresh_token")
    expires_in = answer.get("expires_in")
    _expect(
        isinstance(expires_in, int | float) and not isinstance(expires_in, bool) and expires_in > 0,
        "expires_in: expected a positive number",
    )
    assert isinstance(expires_in, int | float)
    user = _user(answer.get("user"))
    return Session(TokenSet(access, refresh, time.monotonic() + float(expires_in)), user)


def check_me(body: object) -> dict[str, Any]:
    answer = _obj(body, "me")
    _user(answer.get("user"))
    authority = _obj(answer.get("authority"), "authority")
    _str(authority.get("currency"), "authority.currency")
    for key in ("daily_budget_cents", "remaining_today_cents", "per_customer_30d_cents"):
        value = authority.get(key)
        _expect(isinstance(value, int) and not isinstance(value, bool), f"authority.{key}: expected cents")
    for i, g in enumerate(_list(authority.get("gestures"), "authority.gestures")):
        gesture = _obj(g, f"authority.gestures[{i}]")
        _str(gesture.get("code"), f"authority.gestures[{i}].code")
        cents = gesture.get("max_per_decision_cents")
        _expect(isinstance(cents, int) and not isinstance(cents, bool), "max_per_decision_cents: cents")
    return answer


TIMELINE_KEYS: dict[str, EntityKind] = {
    "orders": EntityKind.ORDER,
    "products": EntityKind.PRODUCT,
    "cases": EntityKind.CASE,
    "interactions": EntityKind.INTERACTION,
    "followups": EntityKind.FOLLOWUP,
    "satisfaction": EntityKind.SATISFACTION,
    "decisions": EntityKind.DECISION,
}


def check_timeline(body: object) -> dict[str, Any]:
    answer = _obj(body, "timeline")
    _obj(answer.get("customer"), "timeline.customer")
    for key in TIMELINE_KEYS:
        for i, item in enumerate(_list(answer.get(key), f"timeline.{key}")):
            _obj(item, f"timeline.{key}[{i}]")
    return answer


# --------------------------------------------------------------------------------------------- transport


LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost"})


def is_loopback(host: str) -> bool:
    host = host.strip("[]").lower()
    if host in LOOPBACK_NAMES or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def normalise_server_url(url: str, *, allow_insecure_http: bool = False) -> str:
    """The server's base URL without a trailing slash, after the https-only policy."""
    text = url.strip()
    parts = urlsplit(text)
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not parts.hostname:
        raise InsecureServerUrl(
            "The server address is not valid: it should look like https://desk.example.com.",
            detail="not an http(s) URL",
        )
    if scheme == "http" and not allow_insecure_http and not is_loopback(parts.hostname):
        raise InsecureServerUrl(detail="plain http to a non-loopback host")
    path = parts.path.rstrip("/")
    if path.endswith(API_PREFIX):
        path = path[: -len(API_PREFIX)]
    return f"{scheme}://{parts.netloc}{path}"


class _TrustStoreAdapter(HTTPAdapter):
    """Verifies certificates against the operating system's trust store (truststore)."""

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        import truststore

        kwargs["ssl_context"] = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        super().init_poolmanager(*args, **kwargs)


def _new_http_session(verify: bool | str) -> requests.Session:
    http = requests.Session()
    http.trust_env = False  # no proxy or CA bundle taken silently from the environment
    http.headers["User-Agent"] = "advisor-desk"
    http.headers["Accept"] = "application/json"
    http.verify = verify
    if verify is True:
        try:
            import truststore  # noqa: F401
        except ImportError:
            pass  # requests verifies against certifi's bundle
        else:
            http.mount("https://", _TrustStoreAdapter())
    return http


def _retry_after(response: requests.Response, default: float) -> float:
    """The seconds a Retry-After header asks for (a number; a date or nonsense gives ``default``),
    kept between 0 and 5 minutes so that a broken header can neither spin nor stall the desk."""
    try:
        seconds = float(response.headers.get("Retry-After", default))
    except (TypeError, ValueError):
        seconds = default
    if seconds != seconds:  # NaN
        seconds = default
    return max(0.0, min(seconds, 300.0))


def _error_body(response: requests.Response) -> tuple[str, str, Any]:
    """(code, message, details) of a contract error body; empty strings when it is not one."""
    try:
        body = response.json()
    except ValueError:
        return "", "", None
    if isinstance(body, dict) and isinstance(body.get("error"), dict):
        err = body["error"]
        code = err.get("code") if isinstance(err.get("code"), str) else ""
        message = err.get("message") if isinstance(err.get("message"), str) else ""
        return code, message, err.get("details")
    return "", "", None


class ApiClient:
    """One logged-in conversation with the central API. Thread-safe: the sync worker and on-demand
    fetches may use it at once (each request takes its own pooled connection; tokens are guarded)."""

    def __init__(
        self,
        base_url: str,
        *,
        verify: bool | str = True,
        timeout: tuple[float, float] = (5, 30),
        allow_insecure_http: bool = False,
        on_tokens: Callable[[TokenSet | None], None] | None = None,
    ) -> None:
        if verify is False:
            raise ValueError("certificate verification cannot be turned off; give a CA bundle instead")
        self.base_url = normalise_server_url(base_url, allow_insecure_http=allow_insecure_http)
        self.timeout = timeout
        self._http = _new_http_session(verify)
        # long-polls hold a connection for up to MAX_WAIT_S: keep them off the main pool
        self._poll_http = _new_http_session(verify)
        self._lock = threading.RLock()
        self._tokens: TokenSet | None = None
        self._refresh_token: str | None = None
        self.user: model.User | None = None
        #: Called with the new token set after a login or a rotation (None after logout / revocation),
        #: so the credential store keeps the current refresh token.
        self.on_tokens = on_tokens

    # ------------------------------------------------------------------ tokens

    def set_refresh_token(self, refresh_token: str | None) -> None:
        """Resume a session from a stored refresh token (the access token comes on first use)."""
        with self._lock:
            self._refresh_token = refresh_token
            self._tokens = None

    @property
    def has_session(self) -> bool:
        with self._lock:
            return self._tokens is not None or self._refresh_token is not None

    def _take_session(self, session: Session) -> Session:
        with self._lock:
            self._tokens = session.tokens
            self._refresh_token = session.tokens.refresh_token
            self.user = session.user
        if self.on_tokens:
            self.on_tokens(session.tokens)
        return session

    def _drop_session(self) -> None:
        with self._lock:
            self._tokens = None
            self._refresh_token = None
        if self.on_tokens:
            self.on_tokens(None)

    # ------------------------------------------------------------------ auth

    def login(self, username: str, password: str) -> Session:
        try:
            body = self._request("POST", "/auth/token", json={"username": username, "password": password})
        except NeedsLogin as exc:
            raise BadCredentials(reason="bad_credentials", detail=exc.detail) from None
        return self._take_session(check_session(body))

    def refresh(self) -> Session:
        """Exchange the refresh token for new tokens (the old refresh token is then revoked)."""
        with self._lock:
            refresh_token = self._refresh_token
            if refresh_token is None:
                raise NeedsLogin(reason="no_token", detail="no refresh token")
            try:
                body = self._request("POST", "/auth/refresh", json={"refresh_token": refresh_token})
            except NeedsLogin as exc:
                self._drop_session()
                raise NeedsLogin(reason="revoked", detail=exc.detail) from None
            return self._take_session(check_session(body))

    def logout(self) -> None:
        try:
            if self._tokens is not None:
                self._authed("POST", "/auth/logout", expect_body=False, refresh=False)
        except (NeedsLogin, Unreachable, ServerError, BadAnswer):
            pass  # the local session ends whatever the server says
        finally:
            self._drop_session()

    # ------------------------------------------------------------------ endpoints

    def me(self) -> dict[str, Any]:
        return check_me(self._authed("GET", "/me"))

    def changes(self, after: str, limit: int = 500, wait: float = 0) -> ChangesPage:
        params: dict[str, Any] = {"after": after or "0", "limit": max(1, min(1000, limit))}
        wait = max(0, min(MAX_WAIT_S, int(wait)))
        if wait:
            params["wait"] = wait
        return check_changes(self._authed("GET", "/changes", params=params, wait=wait))

    def push(self, workstation_id: str, mutations: Sequence[Mapping[str, Any]]) -> list[MutationResult]:
        """Send one batch (≤ 100 mutations, < 1 MiB); results come back in the same order."""
        if len(mutations) > MAX_BATCH:
            raise ValueError(f"a batch carries at most {MAX_BATCH} mutations")
        batch = [{"id": m["id"], "kind": m["kind"], "payload": m["payload"]} for m in mutations]
        body = self._authed("POST", "/mutations", json={"workstation_id": workstation_id, "mutations": batch})
        return check_results(body, [str(m["id"]) for m in batch])

    def search(self, q: str, limit: int = 50) -> list[dict[str, Any]]:
        answer = _obj(self._authed("GET", "/customers/search", params={"q": q, "limit": limit}), "search")
        return [_obj(c, "customer") for c in _list(answer.get("customers"), "customers")]

    def timeline(self, customer_id: str) -> dict[str, Any]:
        return check_timeline(self._authed("GET", f"/customers/{quote(customer_id, safe='')}/timeline"))

    def chain(self, workstation_id: str) -> list[dict[str, Any]]:
        answer = _obj(self._authed("GET", f"/chain/{quote(workstation_id, safe='')}"), "chain")
        entries = []
        for i, raw in enumerate(_list(answer.get("entries"), "entries")):
            entry = _obj(raw, f"entries[{i}]")
            seq = entry.get("seq")
            _expect(isinstance(seq, int) and not isinstance(seq, bool), f"entries[{i}].seq")
            _str(entry.get("hash"), f"entries[{i}].hash")
            entries.append(entry)
        return entries

    def decisions(self, **filters: Any) -> list[dict[str, Any]]:
        return self.decision_listing(**filters).decisions

    def decision_listing(self, **filters: Any) -> DecisionListing:
        """``/decisions``: the decisions, and the display names of the users they name."""
        params = {k: v for k, v in filters.items() if v is not None}
        answer = _obj(self._authed("GET", "/decisions", params=params), "decisions")
        decisions = [_obj(d, "decision") for d in _list(answer.get("decisions"), "decisions")]
        return DecisionListing(decisions, _names(answer.get("people")), _names(answer.get("customers")))

    def health(self) -> dict[str, Any]:
        """``/health`` (outside ``/api/v1``, no token)."""
        answer = _obj(self._request("GET", "/health", prefix=""), "health")
        _str(answer.get("status"), "health.status")
        return answer

    def close(self) -> None:
        self._http.close()
        self._poll_http.close()

    # ------------------------------------------------------------------ plumbing

    def _authed(
        self,
        method: str,
        path: str,
        *,
        refresh: bool = True,
        expect_body: bool = True,
        wait: int = 0,
        **kwargs: Any,
    ) -> Any:
        """A request with the bearer token; on 401, one refresh and one retry."""
        refreshed = False
        while True:
            with self._lock:
                tokens = self._tokens
                if tokens is not None and time.monotonic() > tokens.expires_at - 30:
                    self._tokens = tokens = None  # about to expire: refresh before, not after a 401
            if tokens is None:
                if not refresh:
                    raise NeedsLogin(reason="no_token", detail="not logged in")
                if refreshed:
                    raise NeedsLogin(reason="revoked", detail="refused after refresh")
                self._ensure_access()
                refreshed = True
                continue
            headers = {"Authorization": f"Bearer {tokens.access_token}"}
            try:
                return self._request(
                    method, path, headers=headers, expect_body=expect_body, wait=wait, **kwargs
                )
            except NeedsLogin as exc:
                if not refresh or refreshed:
                    raise
                log.info("access token refused (%s): refreshing", exc.reason or "unauthorized")
                with self._lock:
                    if self._tokens is tokens:  # another thread may have refreshed already
                        self._tokens = None

    def _ensure_access(self) -> None:
        """Refresh unless another thread did it while this one waited for the lock."""
        with self._lock:
            if self._tokens is None:
                self.refresh()

    def _request(
        self,
        method: str,
        path: str,
        *,
        prefix: str = API_PREFIX,
        headers: Mapping[str, str] | None = None,
        expect_body: bool = True,
        wait: int = 0,
        **kwargs: Any,
    ) -> Any:
        url = f"{self.base_url}{prefix}{path}"
        http = self._poll_http if wait else self._http
        connect, read = self.timeout
        try:
            # no redirects: the API never sends one, and following it could leave https or the host
            response = http.request(
                method,
                url,
                headers=dict(headers or {}),
                timeout=(connect, read + wait),
                allow_redirects=False,
                **kwargs,
            )
            content = response.content  # reads the whole body: a cut-short body raises here
        except requests.exceptions.SSLError as exc:
            raise Unreachable(
                "The central system's certificate could not be verified. Ask your administrator.",
                detail=type(exc).__name__,
            ) from None
        except (requests.exceptions.ChunkedEncodingError, requests.exceptions.ContentDecodingError) as exc:
            raise BadAnswer("The central system's answer was cut short.", detail=type(exc).__name__) from None
        except (requests.exceptions.ConnectionError, requests.exceptions.Timeout) as exc:
            raise Unreachable(detail=type(exc).__name__) from None
        except requests.exceptions.RequestException as exc:
            raise Unreachable(detail=type(exc).__name__) from None
        status = response.status_code
        where = f"{method} {path} -> {status}"
        if status >= 400:
            raise self._error(response, where)
        if not expect_body or status == 204:
            return None
        if not 200 <= status < 300:
            raise BadAnswer(detail=f"{where}: unexpected status")
        content_type = response.headers.get("Content-Type", "")
        if "json" not in content_type.lower():
            raise BadAnswer(detail=f"{where}: not JSON ({content_type.split(';')[0][:40]})")
        try:
            return json.loads(content)
        except (ValueError, UnicodeDecodeError):
            raise BadAnswer(detail=f"{where}: malformed JSON") from None

    @staticmethod
    def _error(response: requests.Response, where: str) -> SyncError:
        status = response.status_code
        code, message, _details = _error_body(response)
        detail = f"{where} {code}".strip()
        if status == 401:
            reason = "expired" if code == "token_expired" else "revoked"
            return NeedsLogin(reason=reason, detail=detail)
        if status == 403:
            return Forbidden(detail=detail)
        if status == 404:
            return NotFound(detail=detail)
        if status == 410:
            return ResetRequired(detail=detail)
        if status == 429:
            return TooManyRequests(detail=detail, retry_after=_retry_after(response, 1.0))
        if status >= 500:
            # An overloaded server answers 503 with Retry-After: the engine waits at least that long.
            return ServerError(detail=detail, retry_after=_retry_after(response, 0.0))
        if status == 413:
            return Rejected(
                "This is too large to be sent to the central system.", detail=detail, error_code=code
            )
        # the server's English message is shown as is only when it came in the contract's shape
        return Rejected(message[:300] or None, detail=detail, error_code=code or "bad_request")
