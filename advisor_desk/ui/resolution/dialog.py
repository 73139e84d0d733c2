"""Resolving a complaint asks why it happened and which product it was about (ISO 10002: complaints
feed the improvement of products and services). The root cause and the product travel to the centre
with the case's new status.

The timeline's (or composer's) status action calls :func:`ask_resolution`, then :func:`resolve` with
the choice; the write runs in the "db" lane.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from advisor_desk.domain.model import Case, CaseKind, CaseStatus, Product, RootCause
from advisor_desk.ui.context import DeskContext
from advisor_desk.ui.safe_text import one_line
from advisor_desk.ui.watch.words import root_cause_label


@dataclass(frozen=True)
class ResolutionChoice:
    root_cause: RootCause | None  # None only for cases that are not complaints
    product_id: str | None


def case_products(cache: Any, case: Case) -> list[Product]:
    """The case's product first, then the products of its order's lines (blocking: "db" lane)."""
    ids: list[str] = []
    if case.product_id:
        ids.append(case.product_id)
    if case.order_id:
        for order in cache.orders(case.customer_id):
            if order.id == case.order_id:
                ids += [line.product_id for line in order.lines if line.product_id not in ids]
    found = {p.id: p for p in cache.products(ids)} if ids else {}
    return [found[i] for i in ids if i in found]


class ResolutionDialog(QDialog):
    """Root cause (required for a complaint) and product concerned (prefilled, may be none)."""

    def __init__(self, ctx: DeskContext, case: Case, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.case = case
        self.setWindowTitle(self.tr("Resolve the case"))
        self.setMinimumWidth(480)  # product names and notes stay readable
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Why did this happen? The cause helps the team and the product managers fix it for everyone."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        subject = QLabel(one_line(case.subject, 120), self)
        subject.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(subject)
        form = QFormLayout()
        self.cause = QComboBox(self)
        self.cause.addItem(self.tr("Choose a root cause…"), None)
        for cause in RootCause:
            self.cause.addItem(root_cause_label(cause), cause.value)
        if case.root_cause is not None:
            self.cause.setCurrentIndex(self.cause.findData(case.root_cause.value))
        self.product = QComboBox(self)
        self.product.addItem(self.tr("No particular product"), None)
        if case.product_id:
            self.product.addItem(case.product_id, case.product_id)
            self.product.setCurrentIndex(1)
        form.addRow(self.tr("Root cause"), self.cause)
        form.addRow(self.tr("Product concerned"), self.product)
        layout.addLayout(form)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.hide()
        layout.addWidget(self.problem)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.ok = self.buttons.addButton(self.tr("Resolve"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        ctx.tasks.run(
            "db",
            lambda: case_products(ctx.cache, case),
            on_done=self._products,
            owner=self,
            name="case products",
        )

    def _products(self, products: list[Product]) -> None:
        current = self.product.currentData()
        self.product.clear()
        self.product.addItem(self.tr("No particular product"), None)
        for p in products:
            self.product.addItem(f"{p.name} ({p.sku})", p.id)
        index = self.product.findData(current) if current else -1
        self.product.setCurrentIndex(index if index >= 0 else (1 if products and self.case.product_id else 0))

    def choice(self) -> ResolutionChoice:
        value = self.cause.currentData()
        return ResolutionChoice(RootCause(value) if value else None, self.product.currentData())

    def accept(self) -> None:
        if self.case.kind is CaseKind.COMPLAINT and self.choice().root_cause is None:
            self.problem.setText(self.tr("Choose the root cause of the complaint first."))
            self.problem.show()
            self.cause.setFocus()
            return
        super().accept()


def ask_resolution(parent: QWidget | None, ctx: DeskContext, case: Case) -> ResolutionChoice | None:
    """Ask the root cause and product of a case being resolved; None when the advisor cancels."""
    dialog = ResolutionDialog(ctx, case, parent)
    try:
        return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


def resolve(
    ctx: DeskContext,
    case: Case,
    choice: ResolutionChoice,
    on_done: Callable[[Case], None],
    on_error: Callable[[BaseException], None],
    owner: Any = None,
) -> None:
    """Move the case to resolved with its root cause and product (local first, synced later). A
    :class:`~advisor_desk.cache.errors.StaleCase` reaches ``on_error`` when it changed meanwhile."""
    cache = ctx.cache

    def write() -> Case:
        return cache.change_case_status(
            case.id,
            CaseStatus.RESOLVED,
            case.version,
            root_cause=choice.root_cause,
            product_id=choice.product_id,
            by=ctx.user,
        )

    def done(changed: Case) -> None:
        ctx.request_sync()
        on_done(changed)

    ctx.tasks.run("db", write, on_done=done, on_error=on_error, owner=owner, name="resolve case")
