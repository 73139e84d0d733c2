"""Answers from the centre the advisor must see: refused grants and answered escalation requests.

A grant made offline (or on two desks at once) can be refused by the centre when it arrives; the sync
records the refusal in the cache (the decision becomes ``rejected``). An escalation request comes back
approved or declined. Neither may be silently dropped: :class:`NoticeBoard` reads, off the GUI thread,
every refused decision and answered escalation of the user that was not dismissed yet, and
:class:`NoticeBanner` shows them (whichever customer is open) until the user dismisses them. What was
dismissed is remembered in the cache's meta table, so a restart does not bring it back.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from advisor_desk.domain.model import Decision, DecisionStatus, Escalation, EscalationStatus
from advisor_desk.ui.changes import Changes
from advisor_desk.ui.compensation import words
from advisor_desk.ui.context import DeskContext
from advisor_desk.ui.safe_text import display_text

translate = QCoreApplication.translate
SEEN_KEY = "compensation.seen_notices"
#: How many dismissed notices are remembered (older ones are long answered and never come back).
SEEN_LIMIT = 1000


@dataclass(frozen=True, slots=True)
class Notice:
    key: str
    customer_id: str
    customer_name: str
    decision: Decision | None = None
    escalation: Escalation | None = None

    @property
    def is_rejection(self) -> bool:
        return self.decision is not None

    def text(self) -> str:
        """One translated line: what, for whom, and the centre's answer."""
        name = display_text(self.customer_name)
        if self.decision is not None:
            d = self.decision
            what = f"{words.gesture_label(d.gesture)} {words.money(d.amount_cents, d.currency)}"
            line = (
                translate("Compensation", "Refused by the centre: %1 for %2.")
                .replace("%1", what)
                .replace("%2", name)
            )
            if d.rejection_reason:
                line += " " + translate("Compensation", "Reason: %1").replace(
                    "%1", display_text(d.rejection_reason, isolate=False)
                )
            if d.voucher_code:
                line += " " + translate("Compensation", "Voucher %1 is not valid.").replace(
                    "%1", d.voucher_code
                )
            return line
        e = self.escalation
        assert e is not None
        what = f"{words.gesture_label(e.gesture)} {words.money(e.amount_cents, e.currency)}"
        if e.status is EscalationStatus.APPROVED:
            line = (
                translate("Compensation", "Your team lead approved %1 for %2.")
                .replace("%1", what)
                .replace("%2", name)
            )
        else:
            line = (
                translate("Compensation", "Your team lead declined %1 for %2.")
                .replace("%1", what)
                .replace("%2", name)
            )
        if e.answer_comment:
            line += " " + translate("Compensation", "Comment: %1").replace(
                "%1", display_text(e.answer_comment, isolate=False)
            )
        return line


def read_seen(cache: Any) -> list[str]:
    raw = cache.meta(SEEN_KEY)
    try:
        value = json.loads(raw) if raw else []
    except ValueError:
        return []  # a damaged value only means old notices show again
    return [str(v) for v in value] if isinstance(value, list) else []


def load_notices(cache: Any, user_id: str) -> list[Notice]:
    """Refused grants and answered escalations of the user not dismissed yet (blocking: "db" lane)."""
    seen = set(read_seen(cache))
    found: list[tuple[str, Decision | None, Escalation | None]] = []
    for d in cache.decisions(user_id=user_id, status=DecisionStatus.REJECTED):
        if f"decision:{d.id}" not in seen:
            found.append((f"decision:{d.id}", d, None))
    for e in cache.escalations(user_id=user_id):
        if e.status is not EscalationStatus.OPEN and f"escalation:{e.id}" not in seen:
            found.append((f"escalation:{e.id}", None, e))
    ids = sorted({(d or e).customer_id for _, d, e in found})  # type: ignore[union-attr]
    names = {c.id: c.display_name for c in cache.customers(ids)}
    return [
        Notice(key, (d or e).customer_id, names.get((d or e).customer_id, ""), d, e)  # type: ignore[union-attr]
        for key, d, e in found
    ]


def dismiss(cache: Any, keys: list[str]) -> None:
    seen = read_seen(cache)
    seen += [k for k in keys if k not in seen]
    cache.set_meta(SEEN_KEY, json.dumps(seen[-SEEN_LIMIT:]))


class NoticeBoard(QObject):
    """Keeps the list of notices fresh: after every sync, every change, and on demand."""

    noticesChanged = Signal(list)  # list[Notice]
    #: A notice that was not on the board before (for a status-bar message or an alert).
    arrived = Signal(str)

    def __init__(self, ctx: DeskContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.notices: list[Notice] = []
        self._known: set[str] | None = None
        ctx.changes.changed.connect(self._on_changes)
        if ctx.sync is not None and hasattr(ctx.sync, "syncFinished"):
            ctx.sync.syncFinished.connect(lambda _report: self.refresh())  # type: ignore[attr-defined]

    def _on_changes(self, changes: Changes) -> None:
        if changes.is_everything or "decisions" in changes.kinds or changes.customers:
            self.refresh()

    def refresh(self) -> None:
        cache, user_id = self.ctx.cache, self.ctx.user.id
        self.ctx.tasks.run(
            "db", lambda: load_notices(cache, user_id), on_done=self._show, owner=self, name="notices"
        )

    def _show(self, notices: list[Notice]) -> None:
        fresh = [n for n in notices if self._known is not None and n.key not in self._known]
        self._known = {n.key for n in notices} | (self._known or set())
        self.notices = notices
        self.noticesChanged.emit(notices)
        for n in fresh:
            self.arrived.emit(n.text())

    def dismiss_all(self) -> None:
        keys = [n.key for n in self.notices]
        cache = self.ctx.cache
        self.notices = []
        self.noticesChanged.emit([])
        self.ctx.tasks.run("db", lambda: dismiss(cache, keys), owner=self, name="dismiss notices")


class NoticeBanner(QFrame):
    """The answers of the centre, above the panel, until dismissed; never hidden by opening a customer."""

    def __init__(self, board: NoticeBoard, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.board = board
        self.setObjectName("noticeBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#noticeBanner { background: palette(alternate-base); border: 2px solid #b3261e; border-radius: 4px; }"
        )
        layout = QVBoxLayout(self)
        self.title = QLabel(self)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setStyleSheet("font-weight: bold;")
        layout.addWidget(self.title)
        self.body = QLabel(self)
        self.body.setTextFormat(Qt.TextFormat.PlainText)
        self.body.setWordWrap(True)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.body)
        row = QHBoxLayout()
        row.addStretch(1)
        self.dismiss_button = QPushButton(self.tr("Seen, dismiss"), self)
        self.dismiss_button.clicked.connect(board.dismiss_all)
        row.addWidget(self.dismiss_button)
        layout.addLayout(row)
        self.hide()
        board.noticesChanged.connect(self.show_notices)
        board.arrived.connect(self._alert)

    def show_notices(self, notices: list[Notice]) -> None:
        if not notices:
            self.hide()
            return
        rejected = sum(1 for n in notices if n.is_rejection)
        answered = len(notices) - rejected
        parts = []
        if rejected:
            parts.append(self.tr("%n gesture(s) refused by the centre", "", rejected))
        if answered:
            parts.append(self.tr("%n approval request(s) answered", "", answered))
        self.title.setText(" · ".join(parts))
        self.body.setText("\n".join("• " + n.text() for n in notices[:8]))
        self.setAccessibleDescription(self.body.text())
        self.show()

    def _alert(self, text: str) -> None:
        window = self.window()
        status = getattr(window, "statusBar", None)
        if callable(status):
            status().showMessage(text, 15000)
        QApplication.alert(window)
