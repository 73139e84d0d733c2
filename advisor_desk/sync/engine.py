"""The sync engine: the outbox up to the centre, the changes feed down into the local cache. No Qt.

One :meth:`SyncEngine.sync_once` is: push the outbox in order, in batches, each mutation's id its
idempotency key (a batch sent twice, after a lost answer or a crash, has no second effect); then pull the
changes feed page by page, each page applied together with its cursor in one cache transaction (killed
at any point, the next run resumes at the last applied page: nothing skipped, nothing applied twice);
then refresh the user's authority snapshot from ``/me``.

:meth:`SyncEngine.run` repeats it on a worker thread: every ``interval`` seconds, at once on
:meth:`request_sync_now`, soon after the centre reports a change (a long-poll watcher, when the server
supports ``wait``), with capped exponential backoff and full jitter after a failure. State changes,
the pending count, the last success and the last error reach listeners (plain callbacks, called on the
engine's threads: the Qt adapter re-emits them on the GUI thread).

Logs carry ids and counts, never customer data or tokens.
"""

from __future__ import annotations

import functools
import json
import logging
import random
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any, Protocol

from advisor_desk.cache import retention
from advisor_desk.cache.errors import CacheError
from advisor_desk.cache.store import LocalCache
from advisor_desk.domain.mutations import MAX_BATCH, MutationStatus
from advisor_desk.sync.client import (
    MAX_BODY_BYTES,
    TIMELINE_KEYS,
    ApiClient,
    BadAnswer,
    ChangesPage,
    NeedsLogin,
    Rejected,
    ResetRequired,
    ServerError,
    SyncError,
    TooManyRequests,
)

log = logging.getLogger(__name__)

#: Room left in a request body for the envelope around the mutations.
_BODY_BUDGET = MAX_BODY_BYTES - 16 * 1024


class LocalCacheError(SyncError):
    code = "local_cache"
    default_message = "The local data on this computer could not be updated. Nothing was lost."
    transient = True


class CacheLike(Protocol):
    """What the engine needs from :class:`advisor_desk.cache.store.LocalCache`."""

    @property
    def workstation_id(self) -> str: ...
    def cursor(self) -> str: ...
    def apply_page(self, changes: list[dict[str, Any]], next_cursor: str) -> Any: ...
    def reset_for_full_pull(self) -> Any: ...
    def upsert_entities(self, entities: list[Any]) -> Any: ...
    def pending_mutations(self, limit: int) -> list[Any]: ...
    def record_results(self, results: list[dict[str, Any]]) -> Any: ...
    def outbox_counts(self) -> tuple[int, int, int]: ...
    def mark_attempt(self, ids: list[str], error: str | None = None) -> Any: ...
    def save_me(self, me: dict[str, Any]) -> Any: ...
    def set_last_sync(self, at: datetime | None = None) -> Any: ...
    def set_last_error(self, message: str | None) -> Any: ...
    def last_sync_at(self) -> datetime | None: ...


class SyncState(StrEnum):
    ONLINE = "online"
    OFFLINE = "offline"
    SYNCING = "syncing"
    NEEDS_LOGIN = "needs_login"


@dataclass(slots=True)
class SyncReport:
    pulled: int = 0  # feed changes applied to the cache
    pushed: int = 0  # outbox entries the centre answered
    applied: int = 0
    duplicates: int = 0
    rejected: int = 0
    conflicts: int = 0
    pending: int = 0  # outbox entries still waiting after this sync
    errors: list[str] = field(default_factory=list)  # user-facing sentences
    resets: int = 0  # full re-pulls the server asked for
    #: (mutation id, kind, reason) of what the centre refused in this sync, to show the user
    rejections: list[tuple[str, str, str]] = field(default_factory=list)
    #: (mutation id, kind) of what met a conflict: the local copy was refreshed, the user may retry
    conflicted: list[tuple[str, str]] = field(default_factory=list)
    #: What the pull changed, so panels refresh only that: entity kind -> ids (upserted or deleted).
    #: Kept for small pulls only; after a big one (``changed_everything``) refresh all.
    changed: dict[str, set[str]] = field(default_factory=dict)
    changed_everything: bool = False
    failure: SyncError | None = None

    @property
    def ok(self) -> bool:
        return self.failure is None

    def as_dict(self) -> dict[str, Any]:
        return {
            "pulled": self.pulled,
            "pushed": self.pushed,
            "applied": self.applied,
            "duplicates": self.duplicates,
            "rejected": self.rejected,
            "conflicts": self.conflicts,
            "pending": self.pending,
            "resets": self.resets,
            "errors": list(self.errors),
            "error_code": self.failure.code if self.failure else None,
        }


class Listeners:
    """Thread-safe list of plain callbacks; a failing callback is logged, never breaks the engine."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._callbacks: list[Callable[[Any], None]] = []

    def add(self, callback: Callable[[Any], None]) -> None:
        with self._lock:
            self._callbacks.append(callback)

    def remove(self, callback: Callable[[Any], None]) -> None:
        with self._lock:
            if callback in self._callbacks:
                self._callbacks.remove(callback)

    def emit(self, value: Any) -> None:
        with self._lock:
            callbacks = list(self._callbacks)
        for callback in callbacks:
            try:
                callback(value)
            except Exception:
                log.exception("sync listener failed")


def _utcnow() -> datetime:
    return datetime.now(UTC)


def _entry_field(entry: Any, name: str) -> Any:
    return entry[name] if isinstance(entry, dict) else getattr(entry, name)


class SyncEngine:
    def __init__(
        self,
        cache: CacheLike,
        client: ApiClient,
        credentials: Any = None,
        *,
        clock: Callable[[], datetime] = _utcnow,
        interval: float = 15.0,
        backoff_base: float = 1.0,
        backoff_cap: float = 60.0,
        page_size: int = 1000,  # the most the contract allows: fewer round trips and commits
        long_poll_wait: float = 25.0,
        rng: random.Random | None = None,
    ) -> None:
        self.cache = cache
        self.client = client
        self.credentials = credentials
        self.clock = clock
        self.interval = interval
        self.backoff_base = backoff_base
        self.backoff_cap = backoff_cap
        self.page_size = page_size
        self.long_poll_wait = long_poll_wait
        self._rng = rng or random.Random()
        # the cache is used from the worker and from on-demand fetches: one writer at a time
        self._cache_lock = threading.RLock()
        self._state_lock = threading.Lock()
        self._state = SyncState.OFFLINE
        self._wake = threading.Event()
        self._failures = 0
        self._cursor = ""
        self._cursor_changed = threading.Condition()
        self.long_poll_supported: bool | None = None  # unknown until tried
        self.last_success: datetime | None = None
        self.last_error: str = ""
        self.last_error_code: str = ""  # SyncError.code of the last failure, "" after a success
        self.state_listeners = Listeners()
        self.pending_listeners = Listeners()
        self.last_sync_listeners = Listeners()
        self.error_listeners = Listeners()
        self.failure_listeners = Listeners()  # (code, message)
        self.report_listeners = Listeners()
        self._sync_lock = threading.Lock()  # one sync at a time, whoever asks
        if credentials is not None:
            # the credential store keeps the rotated refresh token; a stored one resumes the session
            if client.on_tokens is None:
                client.on_tokens = credentials.on_tokens
            if not client.has_session:
                stored = credentials.load_refresh_token()
                if stored:
                    client.set_refresh_token(stored)

    def login(self, username: str, password: str) -> None:
        """Log in (again) and sync at once; raises :class:`SyncError` (``BadCredentials``...)."""
        self.client.login(username, password)
        self.request_sync_now()

    # ------------------------------------------------------------------ observable state

    @property
    def state(self) -> SyncState:
        with self._state_lock:
            return self._state

    def _set_state(self, state: SyncState) -> None:
        with self._state_lock:
            changed = state != self._state
            self._state = state
        if changed:
            self.state_listeners.emit(state)

    def _set_error(self, message: str, code: str = "") -> None:
        if message != self.last_error or code != self.last_error_code:
            self.last_error = message
            self.last_error_code = code
            self.error_listeners.emit(message)
            # the UI translates by code (the English sentence is for logs and the terminal)
            self.failure_listeners.emit((code, message))

    def pending_count(self) -> int:
        with self._cache_lock:
            return int(self.cache.outbox_counts()[0])

    def announce_pending(self) -> None:
        """Tell listeners how many actions wait (after a local write, for instance)."""
        self.pending_listeners.emit(self.pending_count())

    def workstation_id(self) -> str:
        return str(self.cache.workstation_id)

    # ------------------------------------------------------------------ one sync

    def sync_once(self) -> SyncReport:
        """Push, pull, refresh authority. Never raises a :class:`SyncError`: it lands in the report."""
        with self._sync_lock:
            report = SyncReport()
            self._set_state(SyncState.SYNCING)
            try:
                self._push(report)
                self._pull(report)
                self._refresh_me()
                self._retain()
            except SyncError as exc:
                report.failure = exc
            except Exception as exc:
                # a local database error (disk full, locked too long...): the loop must survive it.
                # Only the type is logged: driver messages can quote the row's values.
                report.failure = LocalCacheError(detail=type(exc).__name__)
            if report.failure is not None:
                report.errors.append(report.failure.user_message)
                log.warning("sync failed: %s (%s)", report.failure.code, report.failure.detail)
            try:
                report.pending = self.pending_count()
            except Exception as exc:  # the report must still reach the user
                log.warning("outbox count failed: %s", type(exc).__name__)
            self._finish(report)
            return report

    def _finish(self, report: SyncReport) -> None:
        failure = report.failure
        if failure is None:
            self._failures = 0
            self.last_success = self.clock()
            try:
                with self._cache_lock:
                    self.cache.set_last_sync(self.last_success)
            except Exception as exc:
                log.warning("could not record the last sync in the cache: %s", type(exc).__name__)
            self._set_state(SyncState.ONLINE)
            self._set_error("")
            self.last_sync_listeners.emit(self.last_success)
        else:
            self._failures += 1
            try:
                with self._cache_lock:
                    self.cache.set_last_error(failure.code)
            except Exception:
                log.warning("could not record the last error in the cache")
            self._set_state(SyncState.NEEDS_LOGIN if isinstance(failure, NeedsLogin) else SyncState.OFFLINE)
            self._set_error(failure.user_message, failure.code)
        log.info(
            "sync: pulled=%d pushed=%d applied=%d duplicates=%d rejected=%d conflicts=%d pending=%d",
            report.pulled,
            report.pushed,
            report.applied,
            report.duplicates,
            report.rejected,
            report.conflicts,
            report.pending,
        )
        self.pending_listeners.emit(report.pending)
        self.report_listeners.emit(report)

    # ------------------------------------------------------------------ push

    def _batches(self, entries: list[Any], max_count: int) -> list[Any]:
        """The longest prefix of ``entries`` within the count and body-size limits (at least one)."""
        batch: list[Any] = []
        size = 0
        for entry in entries[:max_count]:
            wire = {
                "id": _entry_field(entry, "id"),
                "kind": _entry_field(entry, "kind"),
                "payload": _entry_field(entry, "payload"),
            }
            entry_size = len(json.dumps(wire, ensure_ascii=False).encode("utf-8")) + 1
            if batch and size + entry_size > _BODY_BUDGET:
                break
            batch.append(wire)
            size += entry_size
        return batch

    def _push(self, report: SyncReport) -> None:
        workstation = self.workstation_id()
        max_count = MAX_BATCH
        answered: set[str] = set()
        while True:
            with self._cache_lock:
                entries = self.cache.pending_mutations(MAX_BATCH)
            batch = self._batches(entries, max_count)
            if not batch:
                return
            ids = [m["id"] for m in batch]
            if answered.issuperset(ids):
                # the cache keeps offering what the centre already answered: stop rather than loop
                raise LocalCacheError(detail="outbox did not record the results")
            try:
                results = self.client.push(workstation, batch)
            except Rejected as exc:
                if len(batch) > 1:
                    # halve until the one the server refuses is alone; the others get through
                    max_count = max(1, len(batch) // 2)
                    continue
                # one mutation the server cannot take at all (too large, malformed): final for it
                reason = exc.error_code or "rejected"
                results_dicts = [{"id": ids[0], "status": "rejected", "reason": reason, "data": None}]
                log.warning("mutation %s refused as a request (%s)", ids[0], reason)
                self._record(results_dicts, report, batch)
                answered.update(ids)
                continue
            except SyncError as exc:
                with self._cache_lock:
                    self.cache.mark_attempt(ids, exc.code)
                raise
            self._record([r.as_dict() for r in results], report, batch)
            answered.update(ids)
            max_count = min(MAX_BATCH, max_count * 2)

    def _record(self, results: list[dict[str, Any]], report: SyncReport, batch: list[dict[str, Any]]) -> None:
        kinds = {m["id"]: m["kind"] for m in batch}
        with self._cache_lock:
            self.cache.record_results(results)
        for result in results:
            status = MutationStatus(result["status"])
            report.pushed += 1
            if status is MutationStatus.APPLIED:
                report.applied += 1
            elif status is MutationStatus.DUPLICATE:
                report.duplicates += 1
            elif status is MutationStatus.REJECTED:
                report.rejected += 1
                reason = str(result.get("reason") or "")
                report.rejections.append((result["id"], kinds.get(result["id"], ""), reason))
                log.info("mutation %s rejected", result["id"])
            else:
                report.conflicts += 1
                report.conflicted.append((result["id"], kinds.get(result["id"], "")))
                log.info("mutation %s met a conflict", result["id"])
        if report.rejected:
            report.errors.append(
                f"{report.rejected} action(s) were refused by the central system; see the outbox."
            )
        if report.conflicts:
            report.errors.append(
                f"{report.conflicts} action(s) met a change made elsewhere; the case was refreshed."
            )
        report.errors[:] = list(dict.fromkeys(report.errors))

    # ------------------------------------------------------------------ pull

    def _pull(self, report: SyncReport) -> None:
        """Pull pages until the feed is exhausted. The next page is fetched while this one is
        applied (the server's work and ours overlap); the cursor still only moves with an applied
        page, so a crash loses at most the prefetched answer, never a change."""
        with self._cache_lock:
            after = self.cache.cursor() or "0"
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="advisor-desk-prefetch") as fetcher:
            ahead: Future[ChangesPage] = fetcher.submit(self.client.changes, after, self.page_size)
            while True:
                try:
                    page = ahead.result()
                except ResetRequired:
                    if report.resets:
                        raise BadAnswer(detail="reset asked twice in one sync") from None
                    report.resets += 1
                    log.warning("feed position %s unknown to the server: full re-pull (outbox kept)", after)
                    with self._cache_lock:
                        self.cache.reset_for_full_pull()
                        after = self.cache.cursor() or "0"
                    ahead = fetcher.submit(self.client.changes, after, self.page_size)
                    continue
                if page.has_more and page.next == after and not page.changes:
                    raise BadAnswer(detail="feed did not advance")
                if page.has_more:
                    ahead = fetcher.submit(self.client.changes, page.next, self.page_size)
                self._apply(page.changes, page.next)
                report.pulled += len(page.changes)
                _note_changed(report, page.changes)
                after = page.next
                self._note_cursor(after)
                if not page.has_more:
                    return

    def _retain(self) -> None:
        """The retention purge (advisor_desk.cache.retention): daily, and while customers are held."""
        if not isinstance(self.cache, LocalCache):
            return
        now = self.clock()
        with self._cache_lock:
            if retention.due(self.cache, now):
                done = retention.purge(self.cache, now, retention.retention_days(self.cache))
                log.info(
                    "retention: released=%d expired=%d held=%d", done.released, done.expired, done.still_held
                )

    def _apply(self, changes: list[dict[str, Any]], next_cursor: str) -> None:
        try:
            with self._cache_lock:
                if isinstance(self.cache, LocalCache):
                    # customers leaving the scope stay while actions about them wait in the outbox
                    changes = retention.hold_back(self.cache, changes)
                self.cache.apply_page(changes, next_cursor)
        except SyncError:
            raise
        except Exception as exc:
            if isinstance(exc, CacheError):
                # the cache refused the page (bad entity data) and wrote nothing
                raise BadAnswer(detail=f"page refused by the cache: {exc}") from None
            raise LocalCacheError(detail=type(exc).__name__) from exc

    def _note_cursor(self, cursor: str) -> None:
        with self._cursor_changed:
            self._cursor = cursor
            self._cursor_changed.notify_all()

    def _refresh_me(self) -> None:
        me = self.client.me()
        try:
            with self._cache_lock:
                self.cache.save_me(me)
        except CacheError as exc:
            raise BadAnswer(detail=f"/me refused by the cache: {exc}") from None

    # ------------------------------------------------------------------ on demand

    def fetch_customer(self, customer_id: str) -> int:
        """Fetch a customer the cache does not hold (with everything attached) and keep it.
        Returns how many entities were stored; raises :class:`SyncError` when it cannot."""
        timeline = self.client.timeline(customer_id)
        entities: list[dict[str, Any]] = [
            {
                "entity": "customer",
                "id": str(timeline["customer"].get("id", "")),
                "data": timeline["customer"],
            }
        ]
        for key, kind in TIMELINE_KEYS.items():
            for item in timeline[key]:
                entities.append({"entity": kind.value, "id": str(item.get("id", "")), "data": item})
        try:
            with self._cache_lock:
                self.cache.upsert_entities(entities)
        except Exception as exc:
            if isinstance(exc, CacheError):
                raise BadAnswer(detail=f"timeline refused by the cache: {exc}") from None
            raise LocalCacheError(detail=type(exc).__name__) from exc
        log.info("fetched customer %s on demand: %d entities", customer_id, len(entities))
        return len(entities)

    # ------------------------------------------------------------------ the loop

    def _announce_stored(self) -> None:
        """What the cache remembers from earlier sessions, so the status shows it before the first
        sync of this one answers (or while offline)."""
        try:
            with self._cache_lock:
                pending = self.pending_count()
                stored = self.cache.last_sync_at()
        except Exception as exc:
            log.warning("could not read the sync state from the cache: %s", type(exc).__name__)
            return
        self.pending_listeners.emit(pending)
        if stored is not None and self.last_success is None:
            self.last_success = stored
            self.last_sync_listeners.emit(stored)

    def request_sync_now(self) -> None:
        """Sync as soon as possible (a local write, the user's "sync now", a change at the centre)."""
        self._failures = 0  # the user asked: no backoff wait
        self._wake.set()

    def next_delay(self) -> float:
        """Seconds until the next attempt: the interval when healthy, capped full-jitter backoff after
        failures (1 s, 2 s, 4 s... up to the cap, a random fraction of it so workstations spread out)."""
        if self._failures == 0:
            return self.interval
        ceiling = min(self.backoff_cap, self.backoff_base * (2 ** min(self._failures - 1, 30)))
        return max(0.1, self._rng.uniform(0, ceiling))

    def run(self, stop_event: threading.Event) -> None:
        """Sync until ``stop_event`` is set. Meant for a worker thread."""
        self._announce_stored()
        watcher = None
        if self.long_poll_wait > 0:
            watcher = threading.Thread(
                target=self._watch, args=(stop_event,), name="advisor-desk-feed-watcher", daemon=True
            )
            watcher.start()
        try:
            while not stop_event.is_set():
                self._wake.clear()
                report = self.sync_once()
                if stop_event.is_set():
                    break
                if isinstance(report.failure, NeedsLogin):
                    # nothing to do until someone logs in again (they call request_sync_now)
                    self._wait(stop_event, None)
                    continue
                delay = self.next_delay()
                if isinstance(report.failure, TooManyRequests | ServerError):
                    delay = max(delay, report.failure.retry_after)  # what the server asked for
                self._wait(stop_event, delay)
        finally:
            self._wake.set()
            with self._cursor_changed:
                self._cursor_changed.notify_all()
            if watcher is not None:
                # a watcher stuck in a long-poll is a daemon: do not hold the shutdown for it
                watcher.join(timeout=2.0)

    def _wait(self, stop_event: threading.Event, delay: float | None) -> None:
        deadline = None if delay is None else time.monotonic() + delay
        while not stop_event.is_set() and not self._wake.is_set():
            remaining = 0.25 if deadline is None else min(0.25, deadline - time.monotonic())
            if remaining <= 0:
                return
            self._wake.wait(remaining)

    def _moved_on(self, polled: str, stop_event: threading.Event) -> bool:
        return self._cursor != polled or stop_event.is_set()

    def _watch(self, stop_event: threading.Event) -> None:
        """Long-poll the feed and wake the loop as soon as the centre has something new."""
        while not stop_event.is_set():
            with self._cursor_changed:
                cursor = self._cursor
                if not cursor or self.state is not SyncState.ONLINE:
                    self._cursor_changed.wait(0.5)
                    continue
            started = time.monotonic()
            try:
                page = self.client.changes(cursor, limit=1, wait=self.long_poll_wait)
            except SyncError:
                stop_event.wait(min(self.interval, 5.0))
                continue
            if page.changes:
                self.long_poll_supported = True
                self._wake.set()
                # wait until the loop has pulled past this position before asking again
                with self._cursor_changed:
                    self._cursor_changed.wait_for(
                        functools.partial(self._moved_on, cursor, stop_event), timeout=self.interval
                    )
            elif time.monotonic() - started < self.long_poll_wait / 2:
                # the server answered an empty page at once: it does not hold requests
                self.long_poll_supported = False
                stop_event.wait(self.interval)
            else:
                self.long_poll_supported = True


#: Above this many pulled changes a report stops listing ids and says "everything changed".
CHANGED_IDS_LIMIT = 2_000


def _note_changed(report: SyncReport, changes: list[dict[str, Any]]) -> None:
    if report.changed_everything:
        return
    if report.pulled > CHANGED_IDS_LIMIT:
        report.changed_everything = True
        report.changed.clear()
        return
    for change in changes:
        report.changed.setdefault(str(change["entity"]), set()).add(str(change["id"]))


def summarise(reports: Iterable[SyncReport]) -> SyncReport:
    """Add reports up (the headless loop prints totals)."""
    total = SyncReport()
    for r in reports:
        for name in ("pulled", "pushed", "applied", "duplicates", "rejected", "conflicts", "resets"):
            setattr(total, name, getattr(total, name) + getattr(r, name))
        total.pending = r.pending
        total.errors = list(r.errors)
        total.failure = r.failure
    return total
