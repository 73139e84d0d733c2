"""The team lead's Reports view (Ctrl+P) and the report's CSV and PDF exports. The main window finds
:func:`create_view` through :mod:`advisor_desk.ui.extensions`.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from advisor_desk.ui.context import DeskContext


def create_view(ctx: DeskContext, parent: QWidget | None = None) -> QWidget:
    from advisor_desk.ui.reports.view import ReportsView

    return ReportsView(ctx, parent)
