"""The power to say yes on the desk: the "Say yes" side panel (Ctrl+G) and what it shares with store mode.

The main window finds :func:`create_panel` through :mod:`advisor_desk.ui.extensions`.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from advisor_desk.ui.context import DeskContext


def create_panel(ctx: DeskContext, parent: QWidget | None = None) -> QWidget:
    from advisor_desk.ui.compensation.panel import CompensationPanel

    return CompensationPanel(ctx, parent)
