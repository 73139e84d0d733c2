"""The watch list for team leads and product managers: the products customers rate poorly, with
their complaints by root cause, the gestures spent on them and their monthly rating trend.

Reached from the Reports view. Computed in the "db" lane from the local cache; the window never
waits for it (a placeholder says it is loading).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCharts import QChartView
from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from advisor_desk.ui.context import DeskContext
from advisor_desk.ui.reports.table import FigureTableModel, SortRole
from advisor_desk.ui.watch.charts import trend_chart
from advisor_desk.ui.watch.data import WatchListResult, load_watch_list
from advisor_desk.ui.watch.model import product_name, watch_headers, watch_rows
from advisor_desk.ui.watch.words import fill

CAUSES_COLUMN = 4


class WatchListView(QWidget):
    def __init__(self, ctx: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.result: WatchListResult | None = None
        self.setWindowTitle(self.tr("Products under watch"))
        layout = QVBoxLayout(self)
        self.rule_label = QLabel(self)
        self.rule_label.setWordWrap(True)
        self.state_label = QLabel(self.tr("Loading the watch list…"), self)
        self.state_label.setWordWrap(True)
        self.model = FigureTableModel(watch_headers(), self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SortRole)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAccessibleName(self.tr("Products under watch"))
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # the causes take what is left (whole list in the tooltip): no sideways scrolling
        header.setSectionResizeMode(CAUSES_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.trend = QChartView(self)
        self.trend.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.trend.setMinimumHeight(220)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(self.trend)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout.addWidget(self.rule_label)
        layout.addWidget(self.state_label)
        layout.addWidget(split, 1)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_trend())
        self.refresh()

    def refresh(self) -> None:
        ctx = self.ctx
        now = ctx.now()
        self.state_label.setText(self.tr("Loading the watch list…"))
        self.state_label.show()
        ctx.tasks.run(
            "db",
            lambda: load_watch_list(ctx.cache, ctx.user.team, now, ctx.user.time_zone),
            on_done=self._loaded,
            on_error=self._failed,
            owner=self,
            name="watch list",
        )

    def _failed(self, exc: BaseException) -> None:
        self.state_label.setText(
            self.tr("The watch list could not be read from the local cache. Nothing was changed; try again.")
        )
        self.state_label.setToolTip(str(exc)[:500])

    def _loaded(self, result: WatchListResult) -> None:
        self.result = result
        rule = result.rule
        text = fill(
            self.tr(
                "Products rated %1/5 or less on average over the last %2 days, with at least %3 ratings."
            ),
            self.locale().toString(rule.threshold, "f", 1),
            str(rule.period_days),
            str(rule.min_ratings),
        )
        if result.rule_problem:
            text += " " + self.tr("(The central setting could not be used; the default rule applies.)")
        self.rule_label.setText(text)
        self.model.set_rows(watch_rows(result.entries, result.products))
        if not result.entries:
            self.state_label.setText(
                self.tr("No product is under watch: none is rated at or below the threshold.")
            )
            self.state_label.show()
        else:
            self.state_label.hide()
            self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the domain's order: worst first
            self.table.selectRow(0)
        self._show_trend()

    def selected_entry(self) -> Any:
        if self.result is None:
            return None
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.result.entries[self.proxy.mapToSource(index).row()]

    def _show_trend(self) -> None:
        entry = self.selected_entry()
        dark = self.palette().color(QPalette.ColorRole.Window).lightness() < 128
        if entry is None or self.result is None:
            chart = trend_chart((), self.tr("Rating per month"), 3.0, dark)
        else:
            title = fill(
                self.tr("Rating per month: %1"), product_name(entry.status.product_id, self.result.products)
            )
            chart = trend_chart(entry.trend, title, self.result.rule.threshold, dark)
        self.trend.setChart(chart)
