"""The team lead's Decisions view (Ctrl+D): the team's decisions, flags, charts, review marks, export,
and the integrity of the decision log. The main window finds :func:`create_view` through
:mod:`advisor_desk.ui.extensions`.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from advisor_desk.ui.context import DeskContext


def create_view(ctx: DeskContext, parent: QWidget | None = None) -> QWidget:
    from advisor_desk.ui.review.view import ReviewView

    return ReviewView(ctx, parent)
