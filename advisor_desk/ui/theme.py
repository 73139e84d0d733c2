"""Light and dark themes following the system, switchable, with response-time badges meeting WCAG AA.

The Fusion style follows ``QStyleHints.colorScheme``; choosing "light" or "dark" in the View menu
overrides it through ``QStyleHints.setColorScheme``. Badge colours are fixed pairs per theme whose
contrast ratio is at least 4.5:1 (a test computes it), and a badge always carries text, never colour
alone.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from advisor_desk.domain.channels import ResponseState


@dataclass(frozen=True, slots=True)
class BadgeColors:
    background: str
    text: str
    bold: bool = False


LIGHT_BADGES: dict[ResponseState, BadgeColors] = {
    ResponseState.ON_TIME: BadgeColors("#E6E8EB", "#1F2328"),
    ResponseState.NEAR_TARGET: BadgeColors("#FFE3A3", "#4D3300"),
    ResponseState.PAST_TARGET: BadgeColors("#FFD9D4", "#8A1C0F"),
    ResponseState.PAST_LIMIT: BadgeColors("#B3261E", "#FFFFFF", bold=True),
    ResponseState.DONE: BadgeColors("#DCEFE0", "#14532D"),
}
DARK_BADGES: dict[ResponseState, BadgeColors] = {
    ResponseState.ON_TIME: BadgeColors("#3A3F45", "#E8EAED"),
    ResponseState.NEAR_TARGET: BadgeColors("#5C4300", "#FFE08A"),
    ResponseState.PAST_TARGET: BadgeColors("#5F1D17", "#FFB4AB"),
    ResponseState.PAST_LIMIT: BadgeColors("#F2B8B5", "#4A0E0A", bold=True),
    ResponseState.DONE: BadgeColors("#1E3A28", "#B7F0C6"),
}


def _luminance(color: str) -> float:
    c = QColor(color)

    def channel(v: int) -> float:
        s = v / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.red()) + 0.7152 * channel(c.green()) + 0.0722 * channel(c.blue())


def contrast_ratio(a: str, b: str) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def system_is_dark(app: QGuiApplication) -> bool:
    scheme = app.styleHints().colorScheme()
    if scheme == Qt.ColorScheme.Dark:
        return True
    if scheme == Qt.ColorScheme.Light:
        return False
    return app.palette().color(QPalette.ColorRole.Window).lightness() < 128


def is_dark(app: QGuiApplication | None = None) -> bool:
    """Whether the desk currently shows its dark theme."""
    app = app or QGuiApplication.instance()  # type: ignore[assignment]
    if app is None:
        return False
    chosen = app.property("advisorDeskDark")
    if isinstance(chosen, bool):
        return chosen
    return system_is_dark(app)


def badge_colors(state: ResponseState, dark: bool | None = None) -> BadgeColors:
    table = DARK_BADGES if (is_dark() if dark is None else dark) else LIGHT_BADGES
    return table[state]


def _dark_palette() -> QPalette:
    p = QPalette()
    window, base, text = QColor("#202124"), QColor("#17181A"), QColor("#E8EAED")
    p.setColor(QPalette.ColorRole.Window, window)
    p.setColor(QPalette.ColorRole.WindowText, text)
    p.setColor(QPalette.ColorRole.Base, base)
    p.setColor(QPalette.ColorRole.AlternateBase, QColor("#25272A"))
    p.setColor(QPalette.ColorRole.Text, text)
    p.setColor(QPalette.ColorRole.Button, QColor("#2D2F33"))
    p.setColor(QPalette.ColorRole.ButtonText, text)
    p.setColor(QPalette.ColorRole.ToolTipBase, QColor("#2D2F33"))
    p.setColor(QPalette.ColorRole.ToolTipText, text)
    p.setColor(QPalette.ColorRole.PlaceholderText, QColor("#9AA0A6"))
    p.setColor(QPalette.ColorRole.Highlight, QColor("#4C8DF6"))
    p.setColor(QPalette.ColorRole.HighlightedText, QColor("#0B0C0D"))
    p.setColor(QPalette.ColorRole.Link, QColor("#8AB4F8"))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor("#7F848A"))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText, QColor("#7F848A"))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor("#7F848A"))
    return p


def apply_theme(app: QApplication, mode: str) -> None:
    """``system``, ``light`` or ``dark``; the Fusion style draws both well on every platform."""
    app.setStyle("Fusion")
    hints = app.styleHints()
    hints.unsetColorScheme()
    dark = system_is_dark(app) if mode == "system" else mode == "dark"
    if mode in ("light", "dark"):
        hints.setColorScheme(Qt.ColorScheme.Dark if dark else Qt.ColorScheme.Light)
    # Fusion follows the scheme on platforms with a theme; the palette makes it hold elsewhere too
    # (X11 without a desktop theme, offscreen).
    app.setPalette(_dark_palette() if dark else app.style().standardPalette())
    app.setProperty("advisorDeskDark", dark)


def text_color() -> QColor:
    app = QGuiApplication.instance()
    if app is None:
        return QColor("#1F2328")
    return app.palette().color(QPalette.ColorRole.WindowText)  # type: ignore[attr-defined]
