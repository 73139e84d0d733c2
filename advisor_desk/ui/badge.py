"""Painting a response-time badge: a rounded pill with its text, coloured per state and theme."""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter

from advisor_desk.domain.channels import ResponseState
from advisor_desk.ui.theme import badge_colors


def badge_width(text: str, font: QFont) -> int:
    bold = QFont(font)
    bold.setBold(True)
    return QFontMetrics(bold).horizontalAdvance(text) + 14


def paint_badge(painter: QPainter, rect: QRect, state: ResponseState, text: str, font: QFont) -> int:
    """Paint the badge at the left of ``rect``, vertically centred; returns the width used."""
    colors = badge_colors(state)
    f = QFont(font)
    f.setBold(colors.bold)
    metrics = QFontMetrics(f)
    width = min(rect.width(), metrics.horizontalAdvance(text) + 14)
    height = metrics.height() + 4
    pill = QRectF(rect.left(), rect.top() + (rect.height() - height) / 2, width, height)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(colors.background))
    painter.drawRoundedRect(pill, height / 2, height / 2)
    painter.setPen(QColor(colors.text))
    painter.setFont(f)
    painter.drawText(
        pill, Qt.AlignmentFlag.AlignCenter, metrics.elidedText(text, Qt.TextElideMode.ElideRight, width - 10)
    )
    painter.restore()
    return width
