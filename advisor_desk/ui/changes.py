"""The change bus: after a write or a sync, say what changed so each panel refreshes only that.

Like Anki's ``OpChanges``: the code that wrote (a timeline action, the sync adapter) publishes a
:class:`Changes`; the queue refreshes when cases changed, the timeline when its customer did, the
Customer 360 panel when its customer did. ``Changes.everything()`` is for a full sync or a reset.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal


@dataclass(frozen=True, slots=True)
class Changes:
    customers: frozenset[str] = frozenset()
    cases: frozenset[str] = frozenset()
    #: Kinds of things changed beyond specific ids: "queue", "decisions", "settings", "all".
    kinds: frozenset[str] = frozenset()
    #: The QObject that made the change, so it can skip refreshing from its own echo.
    source: object = None

    @classmethod
    def everything(cls) -> Changes:
        return cls(kinds=frozenset({"all"}))

    @classmethod
    def of(
        cls,
        customer_id: str | None = None,
        case_id: str | None = None,
        kinds: tuple[str, ...] = (),
        source: object = None,
    ) -> Changes:
        return cls(
            customers=frozenset({customer_id} if customer_id else ()),
            cases=frozenset({case_id} if case_id else ()),
            kinds=frozenset(kinds),
            source=source,
        )

    @property
    def is_everything(self) -> bool:
        return "all" in self.kinds

    def touches_customer(self, customer_id: str | None) -> bool:
        return self.is_everything or (customer_id is not None and customer_id in self.customers)

    def touches_queue(self) -> bool:
        return self.is_everything or bool(self.cases) or "queue" in self.kinds


class ChangeBus(QObject):
    """One per desk, held by the :class:`~advisor_desk.ui.context.DeskContext`."""

    changed = Signal(object)  # Changes

    def publish(self, changes: Changes) -> None:
        self.changed.emit(changes)
