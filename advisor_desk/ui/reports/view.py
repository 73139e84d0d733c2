"""The team lead's Reports view (Ctrl+P): for a chosen period, complaints by category, product,
channel and week; response times against target and limit; first-contact resolution; gestures and
their cost; satisfaction (team level); products under watch. Charts on screen, export to CSV and PDF.

Figures are computed in the "db" lane from the local cache; the view only shows them.
"""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCharts import QChartView
from PySide6.QtCore import QDate, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QImage, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from advisor_desk.domain.reports import ReportPeriod, report_csv_rows
from advisor_desk.domain.review import ReviewError
from advisor_desk.ui.context import DeskContext
from advisor_desk.ui.reports.charts import build_chart, chart_height, chart_pixmap, chart_view
from advisor_desk.ui.reports.data import Preset, ReportResult, load_report, preset_days
from advisor_desk.ui.reports.pdf import render_report_pdf
from advisor_desk.ui.reports.sections import ReportSection, build_sections
from advisor_desk.ui.reports.table import FigureTableModel, SortRole
from advisor_desk.ui.watch.words import fill


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


class SectionBox(QGroupBox):
    """One section: its note, its table and its chart."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        row = QHBoxLayout()
        self.model = FigureTableModel(parent=self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SortRole)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.chart: QChartView | None = None
        row.addWidget(self.table, 1, Qt.AlignmentFlag.AlignTop)
        self._row = row
        layout.addWidget(self.note)
        layout.addLayout(row)

    def show_section(self, section: ReportSection, dark: bool) -> None:
        self.setTitle(section.title)
        self.table.setAccessibleName(section.title)
        self.note.setText(section.note)
        self.note.setVisible(bool(section.note))
        self.model.set_rows(section.rows, section.headers)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        # the whole table without an inner scroll bar (sections are short; the page scrolls)
        self.table.resizeRowsToContents()
        rows = self.model.rowCount()
        shown = sum(self.table.rowHeight(r) for r in range(min(rows, 20))) or self.table.rowHeight(0) or 24
        height = self.table.horizontalHeader().sizeHint().height() + shown + 2 * self.table.frameWidth() + 2
        self.table.setFixedHeight(height)
        if section.chart is not None:
            chart = build_chart(section.chart, section.title, dark)
            if self.chart is None:
                self.chart = chart_view(chart, self)
                self._row.addWidget(self.chart, 1)
            else:
                self.chart.setChart(chart)
            self.chart.setFixedHeight(max(chart_height(section.chart), min(self.table.height(), 420)))


class ReportsView(QWidget):
    """Period bar, sections, exports. ``reportReady`` is emitted when the figures are shown."""

    reportReady = Signal()
    exported = Signal(str)

    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.result: ReportResult | None = None
        self.sections: list[ReportSection] = []
        self.boxes: dict[str, SectionBox] = {}
        self._watch_dialog: QDialog | None = None
        self.setWindowTitle(self.tr("Reports"))
        outer = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.preset = QComboBox(self)
        self.preset.addItem(self.tr("This week"), Preset.THIS_WEEK)
        self.preset.addItem(self.tr("Last 30 days"), Preset.LAST_30_DAYS)
        self.preset.addItem(self.tr("Last quarter"), Preset.LAST_QUARTER)
        self.preset.addItem(self.tr("Chosen dates"), "")
        self.preset.setAccessibleName(self.tr("Period"))
        self.first_day = QDateEdit(self)
        self.last_day = QDateEdit(self)
        for edit, name in ((self.first_day, self.tr("From")), (self.last_day, self.tr("To"))):
            edit.setCalendarPopup(True)
            edit.setAccessibleName(name)
        self.show_button = QPushButton(self.tr("Show"), self)
        self.csv_button = QPushButton(self.tr("Export CSV…"), self)
        self.pdf_button = QPushButton(self.tr("Export PDF…"), self)
        self.watch_button = QPushButton(self.tr("Watch list…"), self)
        self.watch_button.setToolTip(
            self.tr("Products customers rate poorly, with their complaints and gestures")
        )
        bar.addWidget(QLabel(self.tr("Period:"), self))
        bar.addWidget(self.preset)
        bar.addWidget(QLabel(self.tr("From"), self))
        bar.addWidget(self.first_day)
        bar.addWidget(QLabel(self.tr("to"), self))
        bar.addWidget(self.last_day)
        bar.addWidget(self.show_button)
        bar.addStretch(1)
        bar.addWidget(self.watch_button)
        bar.addWidget(self.csv_button)
        bar.addWidget(self.pdf_button)
        outer.addLayout(bar)
        self.state_label = QLabel(self)
        self.state_label.setWordWrap(True)
        outer.addWidget(self.state_label)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.body = QWidget(self.scroll)
        self.body_layout = QVBoxLayout(self.body)
        self.scroll.setWidget(self.body)
        outer.addWidget(self.scroll, 1)
        self.csv_button.setEnabled(False)
        self.pdf_button.setEnabled(False)

        self.preset.currentIndexChanged.connect(self._preset_chosen)
        self.show_button.clicked.connect(self.refresh)
        self.csv_button.clicked.connect(self._ask_csv)
        self.pdf_button.clicked.connect(self._ask_pdf)
        self.watch_button.clicked.connect(self.open_watch_list)
        self.first_day.dateChanged.connect(self._dates_edited)
        self.last_day.dateChanged.connect(self._dates_edited)
        self.preset.setCurrentIndex(1)  # last 30 days
        self._preset_chosen()

    # -- period ---------------------------------------------------------------------------------
    def _preset_chosen(self) -> None:
        preset = self.preset.currentData()
        if not preset:
            return
        first, last = preset_days(preset, self.ctx.now(), self.ctx.user.time_zone)
        self._setting_dates = True
        self.first_day.setDate(_qdate(first))
        self.last_day.setDate(_qdate(last))
        self._setting_dates = False
        self.refresh()

    def _dates_edited(self) -> None:
        if not getattr(self, "_setting_dates", False):
            self.preset.blockSignals(True)
            self.preset.setCurrentIndex(self.preset.count() - 1)
            self.preset.blockSignals(False)

    def set_days(self, first: date, last: date) -> None:
        """Choose the dates (as the lead would in the date fields) and show that period."""
        self.first_day.setDate(_qdate(first))
        self.last_day.setDate(_qdate(last))
        self.refresh()

    def period(self) -> ReportPeriod:
        return ReportPeriod.from_days(
            _pydate(self.first_day.date()), _pydate(self.last_day.date()), self.ctx.user.time_zone
        )

    def period_text(self) -> str:
        locale = self.locale()
        return fill(
            self.tr("%1 to %2"),
            locale.toString(self.first_day.date(), "d MMMM yyyy"),
            locale.toString(self.last_day.date(), "d MMMM yyyy"),
        )

    # -- loading --------------------------------------------------------------------------------
    def refresh(self) -> None:
        try:
            period = self.period()
        except ReviewError:
            self.state_label.setText(
                self.tr("The period ends before it starts: choose a last day after the first.")
            )
            return
        ctx = self.ctx
        now = ctx.now()
        self.state_label.setText(self.tr("Computing the report…"))
        self.csv_button.setEnabled(False)
        self.pdf_button.setEnabled(False)
        ctx.tasks.run(
            "db",
            lambda: load_report(ctx.cache, ctx.user.team, period, now),
            on_done=self._loaded,
            on_error=self._failed,
            owner=self,
            name="team report",
        )

    def _failed(self, exc: BaseException) -> None:
        self.state_label.setText(
            self.tr("The report could not be computed from the local cache. Nothing was changed; try again.")
        )
        self.state_label.setToolTip(str(exc)[:500])

    def _loaded(self, result: ReportResult) -> None:
        self.result = result
        self.sections = build_sections(result)
        dark = self.palette().color(QPalette.ColorRole.Window).lightness() < 128
        for section in self.sections:
            box = self.boxes.get(section.key)
            if box is None:
                box = SectionBox(self.body)
                self.boxes[section.key] = box
                self.body_layout.addWidget(box)
            box.show_section(section, dark)
        self.state_label.setText(fill(self.tr("Team %1 · %2"), self.ctx.user.team, self.period_text()))
        self.csv_button.setEnabled(True)
        self.pdf_button.setEnabled(True)
        self.reportReady.emit()

    def section(self, key: str) -> ReportSection:
        return next(s for s in self.sections if s.key == key)

    def shown_texts(self, key: str) -> list[list[str]]:
        """What the table of a section shows, row by row, in the view's order."""
        box = self.boxes[key]
        proxy = box.proxy
        return [
            [str(proxy.index(r, c).data() or "") for c in range(proxy.columnCount())]
            for r in range(proxy.rowCount())
        ]

    # -- exports --------------------------------------------------------------------------------
    def _default_name(self, suffix: str) -> str:
        return f"report-{self.ctx.user.team}-{_pydate(self.first_day.date())}-{_pydate(self.last_day.date())}.{suffix}"

    def _ask_csv(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the report as CSV"), self._default_name("csv"), self.tr("CSV files (*.csv)")
        )
        if path:
            self.export_csv(Path(path))

    def _ask_pdf(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the report as PDF"), self._default_name("pdf"), self.tr("PDF files (*.pdf)")
        )
        if path:
            self.export_pdf(Path(path))

    def _export_failed(self, exc: BaseException) -> None:
        self.state_label.setText(
            self.tr(
                "The file could not be written (%1). Choose another folder; the report is still here."
            ).replace(
                "%1", type(exc).__name__ if not isinstance(exc, OSError) else (exc.strerror or str(exc))[:200]
            )
        )

    def _exported(self, path: str) -> None:
        self.state_label.setText(fill(self.tr("Saved: %1"), path))
        self.exported.emit(path)

    def export_csv(self, path: Path) -> None:
        if self.result is None:
            return
        rows = report_csv_rows(self.result.report)

        def write() -> str:
            # BOM so spreadsheet programs read the accents; values are the domain's plain figures
            with path.open("w", encoding="utf-8-sig", newline="") as f:
                csv.writer(f).writerows(rows)
            return str(path)

        self.ctx.tasks.run(
            "db", write, on_done=self._exported, on_error=self._export_failed, owner=self, name="report csv"
        )

    def pdf_images(self) -> dict[str, QImage]:
        """The charts drawn off screen in the light theme (GUI thread: QChartView is a widget)."""
        return {s.key: chart_pixmap(s.chart, s.title).toImage() for s in self.sections if s.chart is not None}

    def export_pdf(self, path: Path) -> None:
        if self.result is None:
            return
        sections = list(self.sections)
        images = self.pdf_images()
        team = self.ctx.user.team
        title = self.tr("Complaints and satisfaction report")
        subtitle = fill(self.tr("Team %1 · %2"), team, self.period_text())
        header = fill(self.tr("Advisor Desk · team %1 · %2"), team, self.period_text())

        try:
            data = render_report_pdf(sections, title=title, subtitle=subtitle, header=header, images=images)
        except OSError as exc:
            self._export_failed(exc)
            return

        def write() -> str:
            path.write_bytes(data)
            return str(path)

        self.ctx.tasks.run(
            "db", write, on_done=self._exported, on_error=self._export_failed, owner=self, name="report pdf"
        )

    # -- watch list -----------------------------------------------------------------------------
    def open_watch_list(self) -> Any:
        from advisor_desk.ui.watch.view import WatchListView

        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Products under watch"))
        dialog.resize(1400, 720)
        layout = QVBoxLayout(dialog)
        view = WatchListView(self.ctx, dialog)
        layout.addWidget(view)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self._watch_dialog = dialog
        return view
