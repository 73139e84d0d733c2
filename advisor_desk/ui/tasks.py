"""Background work for the desk: run a function off the GUI thread, get its result back on it.

In the spirit of Anki's ``CollectionOp`` and ``taskman``: a panel calls
``ctx.tasks.run(lane, fn, on_done=..., on_error=..., owner=self)``; ``fn`` runs in a worker of that
lane and never touches a widget; ``on_done(result)`` or ``on_error(exc)`` runs later on the GUI thread.

Lanes are separated by resource so a slow network call never queues behind the database or the other
way round: ``"db"`` has exactly one worker (SQLite has one writer, and one reader thread keeps the
cache's connection use simple), ``"net"`` a small pool. Results are delivered in time-boxed batches
(Picard's ``_process_callback_batch``): a burst of finished tasks cannot freeze the window. A delivery
is dropped when its owner QObject was destroyed meanwhile (the panel closed) or the task was cancelled.
"""

from __future__ import annotations

import logging
import sys
import threading
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal

log = logging.getLogger(__name__)

LANES: dict[str, int] = {"db": 1, "net": 3}

#: How long a thread holding the GIL runs before another is let in (see TaskRunner.__init__).
GIL_SWITCH_S = 0.001

#: Longest stretch the GUI thread spends delivering results before it lets the event loop breathe.
BATCH_SECONDS = 0.012


@dataclass(eq=False)
class Task:
    """A handle on one background call; ``cancel()`` drops its delivery (the work may still run)."""

    lane: str
    name: str
    on_done: Callable[[Any], None] | None
    on_error: Callable[[BaseException], None] | None
    owner: QObject | None
    cancelled: bool = False
    finished: threading.Event = field(default_factory=threading.Event)

    def cancel(self) -> None:
        self.cancelled = True

    def owner_alive(self) -> bool:
        return self.owner is None or shiboken6.isValid(self.owner)


class TaskRunner(QObject):
    """Runs functions in lanes of worker threads and delivers results on the GUI thread."""

    _resultsReady = Signal()
    #: Emitted (on the GUI thread) when an error had no ``on_error`` handler: the window shows it.
    unhandledError = Signal(str, object)
    #: Number of tasks submitted and not yet delivered, for a busy indicator.
    busyChanged = Signal(int)

    def __init__(self, parent: QObject | None = None, lanes: dict[str, int] | None = None) -> None:
        super().__init__(parent)
        # Workers and the GUI thread share the GIL. By default a thread waits up to 5 ms before a
        # running one is asked to let go: the GUI thread, handing a result to a view while a worker
        # decodes the next read, would lose that much per hand-over. 1 ms keeps the window prompt.
        if sys.getswitchinterval() > GIL_SWITCH_S:
            sys.setswitchinterval(GIL_SWITCH_S)
        self._pools = {
            lane: ThreadPoolExecutor(max_workers=n, thread_name_prefix=f"desk-{lane}")
            for lane, n in (lanes or LANES).items()
        }
        self._done: deque[tuple[Task, bool, Any]] = deque()
        self._lock = threading.Lock()
        self._in_flight = 0
        self._closed = False
        self._resultsReady.connect(self._schedule_delivery)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._deliver_batch)

    # -- submitting ---------------------------------------------------------------------------------
    def run(
        self,
        lane: str,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        owner: QObject | None = None,
        name: str = "",
    ) -> Task:
        task = Task(lane, name or getattr(fn, "__name__", "task"), on_done, on_error, owner)
        if self._closed:
            # The desk is closing: a late signal (a last sync report) may still ask for work. It is
            # dropped quietly; nothing it would show is on screen any more.
            log.debug("task %s dropped: the desk is closing", task.name)
            task.cancel()
            return task
        with self._lock:
            self._in_flight += 1
        self.busyChanged.emit(self._in_flight)
        self._pools[lane].submit(self._work, task, fn)
        return task

    def _work(self, task: Task, fn: Callable[[], Any]) -> None:
        # Runs in a worker thread: no widget, no QObject of the GUI is touched here.
        try:
            result: Any = fn()
            ok = True
        except BaseException as exc:  # noqa: BLE001 - every failure is delivered to the GUI
            result, ok = exc, False
        with self._lock:
            self._done.append((task, ok, result))
        task.finished.set()
        if not self._closed:
            self._resultsReady.emit()

    # -- delivering ---------------------------------------------------------------------------------
    def _schedule_delivery(self) -> None:
        if not self._timer.isActive():
            self._timer.start()

    def _deliver_batch(self) -> None:
        started = time.monotonic()
        while True:
            with self._lock:
                if not self._done:
                    break
                task, ok, result = self._done.popleft()
                self._in_flight -= 1
            self._deliver(task, ok, result)
            if time.monotonic() - started > BATCH_SECONDS:
                self._timer.start()  # the rest on the next turn of the event loop
                break
        self.busyChanged.emit(self._in_flight)

    def _deliver(self, task: Task, ok: bool, result: Any) -> None:
        if task.cancelled or not task.owner_alive():
            return
        try:
            if ok:
                if task.on_done is not None:
                    task.on_done(result)
            elif task.on_error is not None:
                task.on_error(result)
            else:
                log.error("background task %s failed", task.name, exc_info=result)
                self.unhandledError.emit(task.name, result)
        except Exception as exc:  # a bug in a callback must not stop the other deliveries
            log.exception("callback of task %s failed", task.name)
            self.unhandledError.emit(task.name, exc)

    # -- tests and shutdown -------------------------------------------------------------------------
    @property
    def in_flight(self) -> int:
        return self._in_flight

    def is_idle(self) -> bool:
        return self._in_flight == 0

    def shutdown(self, wait: bool = True) -> None:
        """Stop accepting work and let the workers finish (never kills a write half-way)."""
        self._closed = True
        self._timer.stop()
        for pool in self._pools.values():
            pool.shutdown(wait=wait, cancel_futures=True)
