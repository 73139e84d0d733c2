"""The monthly rating trend of a watched product, a small Qt Charts line chart.

Months without ratings are gaps in the line, not zeros (a zero would read as a disaster).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import QCategoryAxis, QChart, QLineSeries, QValueAxis
from PySide6.QtCore import QCoreApplication, QLocale, QMargins, Qt
from PySide6.QtGui import QColor, QPen

from advisor_desk.domain.watch import MonthPoint

translate = QCoreApplication.translate


def base_chart(title: str, dark: bool = False) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setTheme(QChart.ChartTheme.ChartThemeDark if dark else QChart.ChartTheme.ChartThemeLight)
    chart.setBackgroundVisible(False)
    chart.legend().setVisible(False)
    return chart


def trend_chart(points: Sequence[MonthPoint], title: str, threshold: float, dark: bool = False) -> QChart:
    chart = base_chart(title, dark)
    if not any(p.average is not None for p in points):
        chart.setTitle(title + "\n" + translate("Watch", "No monthly ratings in the local cache"))
        return chart
    locale = QLocale()
    x = QCategoryAxis()
    x.setRange(-0.5, len(points) - 0.5)
    x.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
    step = max(1, len(points) // 6)
    for i in range(0, len(points), step):
        x.append(locale.toString(points[i].month, "MMM yy"), i)
    y = QValueAxis()
    y.setRange(1, 5)
    y.setTickCount(5)
    y.setLabelFormat("%.0f")
    chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
    # one series per run of consecutive months with ratings: a gap stays a gap
    series: QLineSeries | None = None
    for i, p in enumerate(points):
        if p.average is None:
            series = None
            continue
        if series is None:
            series = QLineSeries()
            series.setPointsVisible(True)
            chart.addSeries(series)
            series.attachAxis(x)
            series.attachAxis(y)
        series.append(i, p.average)
    line = QLineSeries()
    line.setName(translate("Watch", "Watch threshold"))
    line.append(-0.5, threshold)
    line.append(len(points) - 0.5, threshold)
    pen = QPen(QColor("#b26a00"))
    pen.setStyle(Qt.PenStyle.DashLine)
    line.setPen(pen)
    chart.addSeries(line)
    line.attachAxis(x)
    line.attachAxis(y)
    return chart
