"""Showing customer-authored text safely: always as plain text, never as markup.

A message can contain ``<b>``, ``<img src=...>``, Qt rich text, bidirectional overrides, control
characters or a megabyte of text. Everything customer-authored goes through :func:`display_text`
(control characters made visible, bidi overrides removed and the text isolated so an RTL message does
not reorder the UI around it), into a :class:`PlainLabel` (``Qt.PlainText``) or a delegate's
``drawText`` (plain by nature). Tooltips are rich text in Qt, so :func:`plain_tooltip` escapes them.
Long texts are elided (:func:`elide`) with :class:`ReadInFullDialog` to read them whole.
"""

from __future__ import annotations

import html
import re

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

#: Characters of a preview; beyond it the text is elided and readable in full on demand.
PREVIEW_CHARS = 600

# C0/C1 controls except tab and newline: shown as their visible Unicode "control picture".
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Explicit bidi embeddings/overrides/isolates: removed, then the whole text is isolated (FSI...PDI).
_BIDI = re.compile(r"[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
FSI, PDI = "\u2068", "\u2069"


def _visible_control(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return "\u2421"
    return "\ufffd"


def display_text(text: str, isolate: bool = True) -> str:
    """Plain text ready to show: controls visible, bidi overrides gone, direction isolated."""
    cleaned = _BIDI.sub("", _CONTROLS.sub(_visible_control, text))
    return f"{FSI}{cleaned}{PDI}" if isolate and cleaned else cleaned


def one_line(text: str, limit: int = 200) -> str:
    """A single-line preview (line breaks as spaces), cut at ``limit`` characters."""
    flat = " ".join(text[: limit * 2].split())
    if len(flat) > limit or len(text) > limit * 2:
        return flat[:limit].rstrip() + "…"
    return flat


def elide(text: str, limit: int = PREVIEW_CHARS) -> tuple[str, bool]:
    """The first ``limit`` characters (cut at a word when possible) and whether anything was cut."""
    if len(text) <= limit:
        return text, False
    cut = text[:limit]
    space = cut.rfind(" ", limit // 2)
    return (cut[:space] if space > 0 else cut).rstrip() + "…", True


def plain_tooltip(text: str, limit: int = PREVIEW_CHARS) -> str:
    """A tooltip that shows ``text`` literally (Qt would otherwise render markup in it)."""
    short, _ = elide(display_text(text, isolate=False), limit)
    return "<p style='white-space:pre-wrap'>" + html.escape(short) + "</p>"


class PlainLabel(QLabel):
    """A QLabel that can only ever show plain text."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.set_customer_text(text)

    def set_customer_text(self, text: str) -> None:
        self.setText(display_text(text) if text else "")


class ReadInFullDialog(QDialog):
    """The whole of a long customer text, read-only and plain."""

    def __init__(self, title: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(720, 520)
        layout = QVBoxLayout(self)
        self.viewer = QPlainTextEdit(self)
        self.viewer.setReadOnly(True)
        self.viewer.setPlainText(display_text(text, isolate=False))
        self.viewer.setAccessibleName(QCoreApplication.translate("ReadInFullDialog", "Full text"))
        layout.addWidget(self.viewer)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
