"""The reply composer on the desk: the "Reply" side panel (Ctrl+R), empathy → solution → follow-up.

The main window finds :func:`create_panel` through :mod:`advisor_desk.ui.extensions`.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from advisor_desk.ui.context import DeskContext


def create_panel(ctx: DeskContext, parent: QWidget | None = None) -> QWidget:
    from advisor_desk.ui.composer.panel import ComposerPanel

    return ComposerPanel(ctx, parent)
