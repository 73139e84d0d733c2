"""The side-panel protocol and the registry the main window keeps of its right-hand tabs.

Every side panel (Reply, Say yes, Customer 360, and the later ones) is a QWidget implementing
:class:`SidePanel`: the main window calls ``set_selection(customer_id, case_id)`` whenever the advisor
opens a customer or a case (None, None when nothing is selected). A panel is registered with
``window.panels.add(key, panel, title, icon_meaning, shortcut)``; the registry puts it in the tab
widget, gives it its shortcut, and forwards every selection to every panel.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from advisor_desk.ui.context import DeskContext


@runtime_checkable
class SidePanel(Protocol):
    def set_selection(self, customer_id: str | None, case_id: str | None) -> None:
        """The advisor opened this customer (and case); refresh, off the GUI thread, for them."""


@dataclass
class RegisteredPanel:
    key: str
    widget: QWidget
    action: QAction


class PanelRegistry:
    """Keeps the side panels in a QTabWidget and forwards the selection to all of them."""

    def __init__(self, ctx: DeskContext, tabs: QTabWidget) -> None:
        self._ctx = ctx
        self._tabs = tabs
        self._panels: dict[str, RegisteredPanel] = {}
        self._selection: tuple[str | None, str | None] = (None, None)

    def add(self, key: str, panel: QWidget, title: str, icon: str, shortcut: str = "") -> QAction:
        if not isinstance(panel, SidePanel):
            raise TypeError(f"panel {key!r} does not implement set_selection(customer_id, case_id)")
        index = self._tabs.addTab(panel, self._ctx.icons.icon(icon), title)
        action = QAction(self._ctx.icons.icon(icon), title, self._tabs)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setToolTip(f"{title} ({QKeySequence(shortcut).toString(QKeySequence.NativeText)})")
            self._tabs.setTabToolTip(index, action.toolTip())
        action.triggered.connect(lambda: self.show(key))
        panel.setAccessibleName(title)
        self._panels[key] = RegisteredPanel(key, panel, action)
        panel.set_selection(*self._selection)  # type: ignore[attr-defined]
        return action

    def show(self, key: str) -> None:
        panel = self._panels[key].widget
        self._tabs.setCurrentWidget(panel)
        panel.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def get(self, key: str) -> QWidget:
        return self._panels[key].widget

    def keys(self) -> list[str]:
        return list(self._panels)

    def actions(self) -> list[QAction]:
        return [p.action for p in self._panels.values()]

    def set_selection(self, customer_id: str | None, case_id: str | None) -> None:
        self._selection = (customer_id, case_id)
        for p in self._panels.values():
            p.widget.set_selection(customer_id, case_id)  # type: ignore[attr-defined]


class PlaceholderPanel(QWidget):
    """A side panel still to come: says what it will do and what to do meanwhile."""

    def __init__(self, message: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.label = QLabel(message, self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.label)
        self.customer_id: str | None = None
        self.case_id: str | None = None

    def set_selection(self, customer_id: str | None, case_id: str | None) -> None:
        self.customer_id, self.case_id = customer_id, case_id


def empty_state_text() -> str:
    return QCoreApplication.translate(
        "Panels", "Open a customer from the work queue or search (Ctrl+K) to start."
    )
