"""Store mode (``advisor-desk --store``, the default for the store_staff role): the counter screen.

The launcher finds :func:`create_window` through :mod:`advisor_desk.ui.extensions` and shows the
window full screen.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from advisor_desk.ui.context import DeskContext


def create_window(ctx: DeskContext) -> QWidget:
    from advisor_desk.ui.store.window import StoreWindow

    return StoreWindow(ctx)
