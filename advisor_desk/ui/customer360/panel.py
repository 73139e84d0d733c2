"""The Customer 360 side panel (Ctrl+I): contact details, preferences, open cases, recent orders,
last satisfaction scores, goodwill gestures of the last 12 months with their total, notes."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFormLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from advisor_desk.domain.catalogue import gesture_name
from advisor_desk.ui import i18n, labels
from advisor_desk.ui.changes import Changes
from advisor_desk.ui.context import DeskContext
from advisor_desk.ui.customer360.data import CustomerFile, load_customer_file
from advisor_desk.ui.safe_text import display_text, one_line
from advisor_desk.ui.watch.badge import WatchFlagLabel


class Customer360Panel(QScrollArea):
    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("customer360")
        self.setWidgetResizable(True)
        self.customer_id: str | None = None
        self.case_id: str | None = None
        self.file: CustomerFile | None = None
        self._generation = 0
        self._body = QWidget(self)
        self._layout = QVBoxLayout(self._body)
        self._layout.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.setWidget(self._body)
        self._show_message(
            self.tr("No customer open. Pick a case in the work queue or search a customer (Ctrl+K).")
        )
        ctx.changes.changed.connect(self._on_changes)

    # the side-panel protocol
    def set_selection(self, customer_id: str | None, case_id: str | None) -> None:
        self.case_id = case_id
        if customer_id == self.customer_id and self.file is not None:
            return
        self.customer_id = customer_id
        if customer_id is None:
            self.file = None
            self._show_message(
                self.tr("No customer open. Pick a case in the work queue or search a customer (Ctrl+K).")
            )
            return
        self._show_message(self.tr("Loading…"))
        self.reload()

    def reload(self) -> None:
        if self.customer_id is None:
            return
        self._generation += 1
        generation = self._generation
        cache, cid, now = self.ctx.cache, self.customer_id, self.ctx.now()
        # Product-watch flags read the team's complaints (tens of ms of Python that would slow the
        # timeline's first paint): only while this panel is on screen; showing it reloads.
        team = self.ctx.user.team if self.isVisible() else ""
        self._with_watch = bool(team)
        self.ctx.tasks.run(
            "db",
            lambda: load_customer_file(cache, cid, now, team),
            lambda f: self._loaded(generation, f),
            lambda _e: self._show_message(
                self.tr("The customer file could not be read from the local cache.")
            ),
            owner=self,
            name="customer360",
        )

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self.customer_id is not None and not getattr(self, "_with_watch", False):
            self.reload()

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches_customer(self.customer_id):
            self.reload()

    def _loaded(self, generation: int, file: CustomerFile | None) -> None:
        if generation != self._generation:
            return
        self.file = file
        if file is None:
            self._show_message(self.tr("This customer is not in the local cache yet."))
            return
        self._clear()
        c = file.customer
        self._section(self.tr("Contact"))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._row(form, self.tr("E-mail"), ", ".join(c.emails) or "—")
        self._row(form, self.tr("Phone"), ", ".join(c.phones) or "—")
        self._row(form, self.tr("Social"), ", ".join(c.social_handles) or "—")
        self._row(form, self.tr("Loyalty card"), c.loyalty_card or "—")
        self._row(form, self.tr("Language"), labels.language_name(c.language.value), customer=False)
        self._row(form, self.tr("Preferred channel"), labels.channel(c.preferred_channel), customer=False)
        self._row(form, self.tr("Tier"), labels.tier(c.tier), customer=False)
        self._layout.addLayout(form)

        self._section(self.tr("Open cases (%1)").replace("%1", str(len(file.open_cases))))
        if not file.open_cases:
            self._line(self.tr("No open case."))
        for case in file.open_cases[:8]:
            self._line(
                f"{labels.kind(case.kind)} · {labels.status(case.status)} · {one_line(case.subject, 60)}"
            )
            self._watch_flag(file, case.product_id)

        self._section(self.tr("Recent orders"))
        if not file.recent_orders:
            self._line(self.tr("No order."))
        for order in file.recent_orders:
            self._line(
                f"{order.number} · {i18n.format_absolute(order.placed_at)} · "
                f"{i18n.format_money(order.total_cents, order.currency)}"
            )
            for line in order.lines:
                self._watch_flag(file, line.product_id)

        self._section(self.tr("Satisfaction"))
        if not file.satisfaction:
            self._line(self.tr("No rating yet."))
        else:
            self._line(
                "  ".join(f"{'★' * s.score}{'☆' * (5 - s.score)}" for s in file.satisfaction),
                accessible=self.tr("Last scores: %1").replace(
                    "%1", ", ".join(f"{s.score}/5" for s in file.satisfaction)
                ),
            )

        self._section(self.tr("Goodwill gestures, last 12 months"))
        if not file.gestures:
            self._line(self.tr("No gesture in the last 12 months."))
        else:
            total = " + ".join(i18n.format_money(v, cur) for cur, v in sorted(file.gestures_total.items()))
            self._line(self.tr("Total: %1").replace("%1", total), bold=True)
            for d in file.gestures[:8]:
                self._line(
                    f"{gesture_name(d.gesture, self.ctx.language)} · {i18n.format_money(d.amount_cents, d.currency)}"
                    f" · {i18n.format_absolute(d.granted_at)}"
                )

        self._section(self.tr("Notes"))
        if not file.notes:
            self._line(self.tr("No internal note."))
        for note in file.notes:
            self._line(
                f"{i18n.format_relative(note.occurred_at, self.ctx.now())} · {one_line(note.author, 40)}: {one_line(note.text, 160)}"
            )
        self._layout.addStretch(1)

    # -- building blocks --------------------------------------------------------------------------
    def _watch_flag(self, file: CustomerFile, product_id: str | None) -> None:
        """A product under watch on an order line or a case: its name and the flag (text, not colour)."""
        status = file.watch.get(product_id or "")
        if status is None:
            return
        name = file.product_names.get(product_id or "", product_id or "")
        flag = WatchFlagLabel(self._body)
        flag.setTextFormat(Qt.TextFormat.PlainText)
        flag.set_status(status, name)
        flag.setText(f"{one_line(name, 50)} · {flag.text()}")
        flag.setWordWrap(True)  # a long product name wraps inside the panel instead of widening it
        flag.setAccessibleName(flag.text())
        self._layout.addWidget(flag, 0, Qt.AlignmentFlag.AlignLeft)

    def _clear(self) -> None:
        # Widgets are unparented at once (hidden from the panel now), then deleted by the event loop.
        def drop(widget: QWidget) -> None:
            widget.hide()
            widget.setParent(None)
            widget.deleteLater()

        while self._layout.count():
            item = self._layout.takeAt(0)
            w = item.widget()
            if w is not None:
                drop(w)
            elif item.layout() is not None:
                lay = item.layout()
                while lay.count():
                    sub = lay.takeAt(0)
                    if sub.widget() is not None:
                        drop(sub.widget())
                lay.deleteLater()

    def _show_message(self, text: str) -> None:
        self._clear()
        label = QLabel(text, self._body)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._layout.addWidget(label)
        self.message = label

    def _section(self, title: str) -> None:
        label = QLabel(title, self._body)
        label.setTextFormat(Qt.TextFormat.PlainText)
        f = QFont(label.font())
        f.setBold(True)
        label.setFont(f)
        label.setContentsMargins(0, 8, 0, 2)
        self._layout.addWidget(label)

    def _line(self, text: str, bold: bool = False, accessible: str = "") -> None:
        label = QLabel(display_text(text, isolate=False), self._body)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if bold:
            f = QFont(label.font())
            f.setBold(True)
            label.setFont(f)
        if accessible:
            label.setAccessibleName(accessible)
        self._layout.addWidget(label)

    def _row(self, form: QFormLayout, name: str, value: str, customer: bool = True) -> None:
        label = QLabel(display_text(value, isolate=False) if customer else value, self._body)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(name, label)

    def texts(self) -> list[str]:
        """Every text shown (for tests and accessibility checks)."""
        return [w.text() for w in self._body.findChildren(QLabel)]
