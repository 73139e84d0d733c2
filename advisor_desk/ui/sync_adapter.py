"""The sync engine seen from Qt: it runs on a worker thread and reports by signals on the GUI thread.

The engine itself knows nothing of Qt (``advisor_desk/sync/engine.py``); its listeners are plain
callbacks called on the worker. This adapter turns each into a signal: a signal emitted from another
thread reaches slots of GUI-thread objects through a queued connection, so widgets only ever change on
the GUI thread. Nothing here blocks the GUI thread except :meth:`SyncAdapter.stop` at shutdown, which
waits for the worker to finish its current request.
"""

from __future__ import annotations

import logging
import threading
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from advisor_desk.sync.client import SyncError
from advisor_desk.sync.engine import SyncEngine, SyncReport, SyncState

log = logging.getLogger(__name__)


class SyncAdapter(QObject):
    #: "online", "offline", "syncing" or "needs_login" (:class:`SyncState` values)
    stateChanged = Signal(str)
    #: actions waiting in the outbox
    pendingChanged = Signal(int)
    #: time (aware, UTC) of the last successful sync
    lastSyncChanged = Signal(object)
    #: the last error in words a user understands; empty when the last sync went well
    errorChanged = Signal(str)
    #: (error code, English message) of the last failure, ("", "") after a success: the UI translates
    #: by code (``unreachable``, ``server_error``, ``bad_answer``, ``needs_login``, ``local_cache``...)
    failureChanged = Signal(str, str)
    #: a :class:`SyncReport` after every sync
    syncFinished = Signal(object)
    #: (customer id, entities stored) after :meth:`fetchCustomer`
    customerFetched = Signal(str, int)
    #: (customer id, error code, user message) when an on-demand fetch failed
    customerFetchFailed = Signal(str, str, str)

    def __init__(self, engine: SyncEngine, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self._stop = threading.Event()
        self._worker: threading.Thread | None = None
        self._fetchers: set[threading.Thread] = set()
        self._fetchers_lock = threading.Lock()
        engine.state_listeners.add(self._on_state)
        engine.pending_listeners.add(self._on_pending)
        engine.last_sync_listeners.add(self._on_last_sync)
        engine.error_listeners.add(self._on_error)
        engine.report_listeners.add(self._on_report)
        engine.failure_listeners.add(self._on_failure)

    # the engine's callbacks, on its threads: only emit, never touch widgets
    def _on_state(self, state: SyncState) -> None:
        self.stateChanged.emit(str(state.value))

    def _on_pending(self, count: int) -> None:
        self.pendingChanged.emit(int(count))

    def _on_last_sync(self, when: datetime) -> None:
        self.lastSyncChanged.emit(when)

    def _on_error(self, message: str) -> None:
        self.errorChanged.emit(message)

    def _on_failure(self, failure: tuple[str, str]) -> None:
        self.failureChanged.emit(failure[0], failure[1])

    def _on_report(self, report: SyncReport) -> None:
        self.syncFinished.emit(report)

    @property
    def running(self) -> bool:
        return self._worker is not None and self._worker.is_alive()

    @Slot()
    def start(self) -> None:
        """Start syncing in the background (no-op when already running)."""
        if self.running:
            return
        self._stop.clear()
        self._worker = threading.Thread(target=self._run, name="advisor-desk-sync", daemon=True)
        self._worker.start()

    def _run(self) -> None:
        try:
            self.engine.run(self._stop)
        except Exception:  # a bug in the engine must not take the desk down with it
            log.exception("sync worker stopped on an unexpected error")
            self.stateChanged.emit(SyncState.OFFLINE.value)

    @Slot()
    def syncNow(self) -> None:
        """Sync as soon as possible; returns at once."""
        if not self.running:
            self.start()
        else:
            self.engine.request_sync_now()

    @Slot(str)
    def fetchCustomer(self, customer_id: str) -> None:
        """Fetch a customer the cache does not hold, in the background."""
        thread = threading.Thread(
            target=self._fetch, args=(customer_id,), name="advisor-desk-fetch", daemon=True
        )
        with self._fetchers_lock:
            self._fetchers.add(thread)
        thread.start()

    def _fetch(self, customer_id: str) -> None:
        try:
            stored = self.engine.fetch_customer(customer_id)
        except SyncError as exc:
            self.customerFetchFailed.emit(customer_id, exc.code, exc.user_message)
        except Exception:
            log.exception("on-demand fetch of customer %s failed", customer_id)
            self.customerFetchFailed.emit(customer_id, "unexpected", "The customer could not be loaded.")
        else:
            self.customerFetched.emit(customer_id, stored)
        finally:
            with self._fetchers_lock:
                self._fetchers.discard(threading.current_thread())

    @Slot()
    def stop(self, timeout: float | None = 60.0) -> bool:
        """Stop syncing and wait for the worker; True when every thread has ended."""
        self._stop.set()
        self.engine.request_sync_now()  # wake it from its wait
        ended = True
        if self._worker is not None:
            self._worker.join(timeout)
            ended = not self._worker.is_alive()
            if ended:
                self._worker = None
        with self._fetchers_lock:
            fetchers = list(self._fetchers)
        for thread in fetchers:
            thread.join(timeout)
            ended = ended and not thread.is_alive()
        return ended

    def close(self) -> None:
        """Stop and detach from the engine (the adapter is about to be deleted)."""
        self.stop()
        for listeners, callback in self._callbacks():
            listeners.remove(callback)

    def _callbacks(self) -> list[tuple[Any, Any]]:
        e = self.engine
        return [
            (e.state_listeners, self._on_state),
            (e.pending_listeners, self._on_pending),
            (e.last_sync_listeners, self._on_last_sync),
            (e.error_listeners, self._on_error),
            (e.report_listeners, self._on_report),
            (e.failure_listeners, self._on_failure),
        ]
