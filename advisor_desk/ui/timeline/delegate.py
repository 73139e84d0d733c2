"""Painting timeline rows: a case header (kind, category, status, badge) or an interaction (channel
icon, direction, author, time, details, text preview). Text is drawn with ``drawText``: plain always."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from advisor_desk.domain.model import Case, Direction, Interaction
from advisor_desk.ui import i18n, labels
from advisor_desk.ui.badge import paint_badge
from advisor_desk.ui.icons import IconRegistry
from advisor_desk.ui.safe_text import display_text, one_line
from advisor_desk.ui.timeline.model import (
    CASE_ROLE,
    COUNT_ROLE,
    COUNTDOWN_ROLE,
    ENTRY_ROLE,
    INTERACTION_ROLE,
    KIND_ROLE,
    WATCH_ROLE,
    TimelineEntry,
    details_text,
)

ICON = 20
PAD = 6


class TimelineDelegate(QStyledItemDelegate):
    def __init__(self, icons: IconRegistry, now, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self._icons = icons
        self._now = now
        # Rendering a font icon costs far more than blitting a pixmap: one pixmap per channel and size.
        self._pixmaps: dict[tuple[str, int, float], QPixmap] = {}
        self._times: dict[tuple[str, int], str] = {}

    def _pixmap(self, channel: str, size: int, painter: QPainter) -> QPixmap:
        return self._meaning_pixmap(f"channel.{channel}", size, painter)

    def _meaning_pixmap(self, meaning: str, size: int, painter: QPainter) -> QPixmap:
        ratio = painter.device().devicePixelRatioF() if painter.device() is not None else 1.0
        key = (meaning, size, ratio)
        found = self._pixmaps.get(key)
        if found is None:
            found = self._icons.icon(meaning).pixmap(QSize(size, size), ratio)
            self._pixmaps[key] = found
        return found

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        h = option.fontMetrics.height()
        return QSize(200, 2 * h + 3 * PAD)

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        # No initStyleOption: it asks the model for every role (text, font, icon...) this delegate
        # draws itself. The panel (background, selection, focus) only needs the view's option.
        widget = option.widget
        style = widget.style() if widget else None
        if style is not None:
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        group = QPalette.ColorGroup.Normal
        text_color = option.palette.color(
            group, QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        dim = option.palette.color(group, QPalette.ColorRole.PlaceholderText) if not selected else text_color
        painter.save()
        painter.setPen(text_color)
        kind = index.data(KIND_ROLE)
        if kind == "case":
            self._paint_case(painter, option, index, text_color, dim)
        elif kind in ("decision", "escalation", "rating"):
            self._paint_entry(painter, option, index, text_color, dim)
        else:
            self._paint_interaction(painter, option, index, text_color, dim)
        painter.restore()

    def _when(self, it: Interaction) -> str:
        """The row's time text, cached per interaction for the current minute (formatting is costly)."""
        now = self._now()
        key = (it.id, int(now.timestamp() // 60))
        found = self._times.get(key)
        if found is None:
            if len(self._times) > 20_000:
                self._times.clear()
            found = i18n.format_relative(it.occurred_at, now)
            self._times[key] = found
        return found

    def _paint_case(self, painter, option, index, text_color, dim) -> None:  # type: ignore[no-untyped-def]
        case: Case | None = index.data(CASE_ROLE)
        count = index.data(COUNT_ROLE) or 0
        r = option.rect.adjusted(PAD, PAD, -PAD, -PAD)
        fm = option.fontMetrics
        h = fm.height()
        bold = QFont(option.font)
        bold.setBold(True)
        line1 = QRect(r.left(), r.top(), r.width(), h)
        line2 = QRect(r.left(), r.top() + h + PAD // 2, r.width(), h)
        if case is None:
            painter.setFont(bold)
            painter.drawText(line1, Qt.AlignmentFlag.AlignVCenter, self.tr("Not linked to a case"))
            painter.setFont(option.font)
            painter.setPen(dim)
            painter.drawText(line2, Qt.AlignmentFlag.AlignVCenter, self.tr("%n interaction(s)", "", count))
            return
        x = line1.left()
        painter.drawPixmap(
            QRect(x, line1.top() + (h - 16) // 2, 16, 16), self._pixmap(case.channel, 16, painter)
        )
        x += 22
        cd = index.data(COUNTDOWN_ROLE)
        if cd is not None:
            used = paint_badge(
                painter,
                QRect(x, line1.top() - 2, 220, h + 4),
                cd.state,
                f"{labels.state(cd.state)} · {i18n.format_countdown(cd.seconds_left)}",
                option.font,
            )
            x += used + 8
        painter.setFont(bold)
        title = " · ".join(
            dict.fromkeys(
                (labels.kind(case.kind), labels.category(case.category), labels.status(case.status))
            )
        )
        bm = QFontMetrics(bold)
        painter.drawText(
            QRect(x, line1.top(), line1.right() - x, h),
            Qt.AlignmentFlag.AlignVCenter,
            bm.elidedText(title, Qt.TextElideMode.ElideRight, max(0, line1.right() - x)),
        )
        painter.setFont(option.font)
        painter.setPen(dim)
        watch = index.data(WATCH_ROLE) or ""
        sub = " · ".join(
            p
            for p in (
                "⚑ " + watch if watch else "",
                one_line(display_text(case.subject, isolate=False), 160),
                self.tr("opened %1").replace("%1", i18n.format_relative(case.opened_at, self._now())),
                self.tr("%n interaction(s)", "", count),
            )
            if p
        )
        painter.drawText(
            line2,
            Qt.AlignmentFlag.AlignVCenter,
            fm.elidedText(sub, Qt.TextElideMode.ElideRight, line2.width()),
        )

    def _paint_entry(self, painter, option, index, text_color, dim) -> None:  # type: ignore[no-untyped-def]
        """A gesture, escalation or rating: its icon, title, status in words (never colour alone)."""
        entry: TimelineEntry | None = index.data(ENTRY_ROLE)
        if entry is None:
            return
        r = option.rect.adjusted(PAD, PAD, -PAD, -PAD)
        fm = option.fontMetrics
        h = fm.height()
        painter.drawPixmap(
            QRect(r.left(), r.top() + (2 * h + PAD - ICON) // 2, ICON, ICON),
            self._meaning_pixmap(entry.icon, ICON, painter),
        )
        x = r.left() + ICON + 10
        line1 = QRect(x, r.top(), r.right() - x, h)
        line2 = QRect(x, r.top() + h + PAD // 2, r.right() - x, h)
        when = i18n.format_relative(entry.when, self._now())
        rw = fm.horizontalAdvance(when)
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        bm = QFontMetrics(bold)
        painter.drawText(
            QRect(line1.left(), line1.top(), line1.width() - rw - 12, h),
            Qt.AlignmentFlag.AlignVCenter,
            bm.elidedText(entry.title, Qt.TextElideMode.ElideRight, max(0, line1.width() - rw - 12)),
        )
        painter.setFont(option.font)
        painter.setPen(dim)
        painter.drawText(line1, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, when)
        x2 = line2.left()
        if entry.kind == "decision" and entry.status:
            painter.drawPixmap(
                QRect(x2, line2.top() + (h - 16) // 2, 16, 16),
                self._meaning_pixmap(f"decision.{entry.status}", 16, painter),
            )
            x2 += 20
        painter.setPen(text_color)
        painter.drawText(
            QRect(x2, line2.top(), line2.right() - x2, h),
            Qt.AlignmentFlag.AlignVCenter,
            fm.elidedText(entry.detail, Qt.TextElideMode.ElideRight, max(0, line2.right() - x2)),
        )

    def _paint_interaction(self, painter, option, index, text_color, dim) -> None:  # type: ignore[no-untyped-def]
        it: Interaction | None = index.data(INTERACTION_ROLE)
        r = option.rect.adjusted(PAD, PAD, -PAD, -PAD)
        fm = option.fontMetrics
        h = fm.height()
        if it is None:
            painter.setPen(dim)
            painter.drawText(r, Qt.AlignmentFlag.AlignVCenter, self.tr("Loading…"))
            return
        painter.drawPixmap(
            QRect(r.left(), r.top() + (2 * h + PAD - ICON) // 2, ICON, ICON),
            self._pixmap(it.channel, ICON, painter),
        )
        x = r.left() + ICON + 10
        line1 = QRect(x, r.top(), r.right() - x, h)
        line2 = QRect(x, r.top() + h + PAD // 2, r.right() - x, h)
        arrow = {Direction.INBOUND: "↘", Direction.OUTBOUND: "↗", Direction.INTERNAL: "🔒"}.get(
            it.direction, ""
        )
        bold = QFont(option.font)
        bold.setBold(True)
        head = f"{arrow} {labels.direction(it.direction)} · {one_line(display_text(it.author, isolate=False), 60)}"
        when = self._when(it)
        details = details_text(it)
        right = when if not details else f"{details} · {when}"
        rw = fm.horizontalAdvance(right)
        painter.setFont(bold)
        bm = QFontMetrics(bold)
        painter.drawText(
            QRect(line1.left(), line1.top(), line1.width() - rw - 12, h),
            Qt.AlignmentFlag.AlignVCenter,
            bm.elidedText(head, Qt.TextElideMode.ElideRight, max(0, line1.width() - rw - 12)),
        )
        painter.setFont(option.font)
        painter.setPen(dim)
        painter.drawText(line1, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, right)
        painter.setPen(text_color)
        preview = one_line(display_text(it.text, isolate=False), 400)
        painter.drawText(
            line2,
            Qt.AlignmentFlag.AlignVCenter,
            fm.elidedText(preview, Qt.TextElideMode.ElideRight, line2.width()),
        )
