"""The customer header above the timeline: name, tier, language, preferred channel, open cases, flags."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from advisor_desk.ui import labels
from advisor_desk.ui.context import DeskContext
from advisor_desk.ui.customer360.data import CustomerFile
from advisor_desk.ui.safe_text import PlainLabel


class CustomerHeader(QWidget):
    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("customerHeader")
        self.name = PlainLabel("", self)
        self.name.setAccessibleName(self.tr("Customer name"))
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.name.setFont(font)
        self.facts = QLabel(self)
        self.facts.setTextFormat(Qt.TextFormat.PlainText)
        self.facts.setAccessibleName(self.tr("Customer facts"))
        self.flags = QLabel(self)
        self.flags.setTextFormat(Qt.TextFormat.PlainText)
        self.flags.setObjectName("customerFlags")
        self.flags.setAccessibleName(self.tr("Customer flags"))
        self.channel_icon = QLabel(self)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.name)
        top.addStretch(1)
        top.addWidget(self.flags)
        facts = QHBoxLayout()
        facts.setContentsMargins(0, 0, 0, 0)
        facts.addWidget(self.channel_icon)
        facts.addWidget(self.facts, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addLayout(top)
        layout.addLayout(facts)
        self.show_file(None)

    def show_file(self, file: CustomerFile | None, loading: bool = False) -> None:
        if file is None:
            self.name.setText(self.tr("Loading…") if loading else self.tr("No customer open"))
            self.facts.setText(
                "" if loading else self.tr("Press Ctrl+K to search, or pick a case in the work queue.")
            )
            self.flags.setText("")
            self.channel_icon.clear()
            return
        c = file.customer
        self.name.set_customer_text(f"{c.title} {c.display_name}".strip())
        self.channel_icon.setPixmap(self.ctx.icons.channel(c.preferred_channel).pixmap(16, 16))
        facts = [
            self.tr("Tier: %1").replace("%1", labels.tier(c.tier)),
            self.tr("Language: %1").replace("%1", labels.language_name(c.language.value)),
            self.tr("Prefers: %1").replace("%1", labels.channel(c.preferred_channel)),
            self.tr("%n open case(s)", "", len(file.open_cases)),
        ]
        self.facts.setText(" · ".join(facts))
        flags = []
        if file.last_score is not None and file.last_score <= 2:
            flags.append(self.tr("⚠ Unhappy last time (%1/5)").replace("%1", str(file.last_score)))
        if file.complaints_90d >= 3:
            flags.append(self.tr("⚠ %n complaint(s) in 90 days", "", file.complaints_90d))
        if file.gestures:
            flags.append(self.tr("%n gesture(s) this year", "", len(file.gestures)))
        self.flags.setText("  ".join(flags))
