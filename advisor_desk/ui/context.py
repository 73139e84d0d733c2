"""The desk's composition root: one object holding every service, passed explicitly to every panel.

No globals (the regrets of Anki's ``mw`` and qutebrowser's ``objreg``): a panel receives the
:class:`DeskContext` in its constructor and reaches the cache, the sync adapter, the user, the task
runner, the icons and the change bus through it. Tests build one over a real cache in ``tmp_path``
with a fixed clock.

How a panel uses it::

    ctx.tasks.run("db", lambda: ctx.cache.timeline(customer_id), on_done=self._show, owner=self)
    ctx.changes.changed.connect(self._on_changes)        # refresh only what changed
    ctx.icons.icon("channel.email")                       # the one icon registry
    ctx.now()                                             # the clock seam (UTC, aware)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QLocale, QObject

from advisor_desk.domain.model import Role, User
from advisor_desk.ui.changes import ChangeBus
from advisor_desk.ui.icons import IconRegistry
from advisor_desk.ui.settings import DeskSettings
from advisor_desk.ui.tasks import TaskRunner


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class Authority:
    """The user's delegated authority as last known (``GET /me`` through the sync)."""

    currency: str = "EUR"
    daily_budget_cents: int = 0
    remaining_today_cents: int = 0
    per_customer_30d_cents: int = 0
    gestures: dict[str, int] = field(default_factory=dict)

    @classmethod
    def from_snapshot(cls, snapshot: Any) -> Authority | None:
        if snapshot is None:
            return None
        return cls(
            currency=snapshot.currency,
            daily_budget_cents=snapshot.daily_budget_cents,
            remaining_today_cents=snapshot.remaining_today_cents,
            per_customer_30d_cents=snapshot.per_customer_30d_cents,
            gestures=dict(snapshot.gestures),
        )


@dataclass
class DeskContext:
    """Everything a panel needs, built once by :func:`advisor_desk.ui.desk.build_context`."""

    cache: Any  # advisor_desk.cache.store.LocalCache
    user: User
    settings: DeskSettings
    tasks: TaskRunner
    icons: IconRegistry
    changes: ChangeBus
    #: The Qt adapter of the sync engine (advisor_desk.ui.sync_adapter), None when running without one.
    sync: QObject | None = None
    #: The sync engine itself, for on-demand fetches run in the "net" lane.
    engine: Any = None
    #: The API client, for the central search run in the "net" lane.
    client: Any = None
    authority: Authority | None = None
    clock: Callable[[], datetime] = utc_now
    language: str = "en"
    server_url: str = ""
    demo: bool = False
    #: The reason tokens live in memory only (no keyring), shown once; empty when they persist.
    credentials_note: str = ""

    def now(self) -> datetime:
        return self.clock()

    @property
    def locale(self) -> QLocale:
        return QLocale()

    @property
    def is_team_lead(self) -> bool:
        return self.user.role in (Role.TEAM_LEAD, Role.ADMIN)

    def request_sync(self) -> None:
        """Ask the sync to run soon (after a local write)."""
        if self.sync is not None and hasattr(self.sync, "syncNow"):
            self.sync.syncNow()
