"""Charts people would rather look at than read: spend per day, per gesture type and per advisor.

Built with Qt Charts from :class:`advisor_desk.domain.review.Totals` (spend only: pending and granted),
in one currency at a time (the team's main one: a chart never adds euros to pounds). Amounts become
floats here for drawing only; the totals and the table keep integer cents.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QLocale, QMargins, Qt
from PySide6.QtGui import QFont, QPainter, QPalette
from PySide6.QtWidgets import QHBoxLayout, QWidget

from advisor_desk.domain.review import Totals
from advisor_desk.ui.compensation import words


def main_currency(totals: Totals) -> str | None:
    """The currency most of the spend is in (by number of decisions), None when nothing was spent."""
    counts: dict[str, int] = {}
    for bucket in totals.by_gesture.values():
        for currency in bucket.cents:
            counts[currency] = counts.get(currency, 0) + bucket.count
    if not counts:
        return None
    return max(sorted(counts), key=lambda c: counts[c])


def _units(cents: int) -> float:
    return cents / 100  # drawing only


def nice_axis(largest: float) -> tuple[float, int]:
    """A round top for a money axis and a tick count that gives round labels (0, 10, 20...)."""
    if largest <= 10:
        return 10.0, 6
    power = 10 ** math.floor(math.log10(largest))
    for step, ticks in ((1, 6), (2, 5), (4, 5), (5, 6), (10, 6)):
        if step * power >= largest:
            return float(step * power), ticks
    return float(10 * power), 6


def _money_axis(largest: float) -> QValueAxis:
    axis = QValueAxis()
    axis.setLabelFormat("%.0f")
    top, ticks = nice_axis(largest)
    axis.setRange(0, top)
    axis.setTickCount(ticks)
    return axis


class SpendCharts(QWidget):
    """Three charts side by side, rebuilt from totals."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.per_day = self._view()
        self.per_gesture = self._view()
        self.per_advisor = self._view()
        for view in (self.per_day, self.per_gesture, self.per_advisor):
            layout.addWidget(view, 1)
        self.currency: str | None = None

    def _view(self) -> QChartView:
        view = QChartView(self)
        view.setRenderHint(QPainter.RenderHint.Antialiasing)
        view.setMinimumHeight(200)
        return view

    def _small_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
        return font

    def _chart(self, title: str) -> QChart:
        chart = QChart()
        chart.setTitle(title)
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        dark = self.palette().color(QPalette.ColorRole.Window).lightness() < 128
        chart.setTheme(QChart.ChartTheme.ChartThemeDark if dark else QChart.ChartTheme.ChartThemeLight)
        chart.setBackgroundVisible(False)
        chart.legend().setVisible(False)
        return chart

    def show_totals(self, totals: Totals, advisor_names: Mapping[str, str]) -> None:
        currency = main_currency(totals)
        self.currency = currency
        suffix = f" ({currency})" if currency else ""
        self.per_day.setChart(self._day_chart(totals, currency, self.tr("Spend per day") + suffix))
        self.per_gesture.setChart(
            self._gesture_chart(totals, currency, self.tr("Spend per gesture") + suffix)
        )
        self.per_advisor.setChart(
            self._advisor_chart(totals, currency, advisor_names, self.tr("Spend per advisor") + suffix)
        )

    def _day_chart(self, totals: Totals, currency: str | None, title: str) -> QChart:
        chart = self._chart(title)
        days = list(totals.by_day.items())
        if not days or currency is None:
            chart.setTitle(title + "\n" + self.tr("No spend in this period"))
            return chart
        values = QBarSet(self.tr("Spend"))
        for _, bucket in days:
            values.append(_units(bucket.cents.get(currency, 0)))
        series = QBarSeries()
        series.setBarWidth(0.8)
        series.append(values)
        chart.addSeries(series)
        # a label every few days, so a month stays readable (categories would print all thirty)
        x = QCategoryAxis()
        x.setRange(-0.5, len(days) - 0.5)
        x.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        step = max(1, math.ceil(len(days) / 5))
        locale = QLocale()
        for i in range(0, len(days), step):
            x.append(locale.toString(days[i][0], "d/M"), i)
        x.setGridLineVisible(False)
        x.setLabelsFont(self._small_font())
        chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(x)
        y = _money_axis(max(values.at(i) for i in range(values.count())))
        chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(y)
        return chart

    def _gesture_chart(self, totals: Totals, currency: str | None, title: str) -> QChart:
        spend = [
            # the catalogue's name without its precision in brackets: axis labels stay short
            (words.gesture_label(gesture).split(" (")[0], bucket.cents.get(currency or "", 0))
            for gesture, bucket in totals.by_gesture.items()
        ]
        return self._ranking_chart(title, spend)

    def _advisor_chart(
        self, totals: Totals, currency: str | None, names: Mapping[str, str], title: str
    ) -> QChart:
        spend = [
            (names.get(user_id) or user_id[:8], bucket.cents.get(currency or "", 0))
            for user_id, bucket in totals.by_advisor.items()
        ]
        return self._ranking_chart(title, spend)

    def _ranking_chart(self, title: str, spend: list[tuple[str, int]]) -> QChart:
        """Horizontal bars, largest on top: names stay readable where a pie's labels would not."""
        chart = self._chart(title)
        # at most six bars: more would not leave room for their names in a small window
        shown = sorted((s for s in spend if s[1] > 0), key=lambda s: s[1])[-6:]
        if not shown:
            chart.setTitle(title + "\n" + self.tr("No spend in this period"))
            return chart
        values = QBarSet(self.tr("Spend"))
        for _, cents in shown:
            values.append(_units(cents))
        series = QHorizontalBarSeries()
        series.append(values)
        chart.addSeries(series)
        y = QBarCategoryAxis()
        y.append([name for name, _ in shown])
        y.setLabelsFont(self._small_font())
        chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(y)
        x = _money_axis(max(_units(cents) for _, cents in shown))
        chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(x)
        return chart
