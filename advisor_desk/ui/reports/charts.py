"""Qt Charts for the report's sections, drawn from a :class:`~advisor_desk.ui.reports.sections.ChartSpec`.

The same function draws the chart on screen and for the PDF (grabbed from an off-screen
QChartView), so the meeting sees what the lead saw.
"""

from __future__ import annotations

import math

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QPieSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtWidgets import QWidget

from advisor_desk.ui.reports.sections import ChartSpec
from advisor_desk.ui.watch.charts import base_chart

translate = QCoreApplication.translate


def _top(largest: float) -> tuple[float, int]:
    """A round axis top and a tick count that gives whole labels."""
    if largest <= 5:
        return 5.0, 6
    power = 10 ** math.floor(math.log10(largest))
    for step, ticks in ((1, 6), (2, 5), (4, 5), (5, 6), (10, 6)):
        if step * power >= largest:
            return float(step * power), ticks
    return float(10 * power), 6


def _value_axis(largest: float, fixed: float | None) -> QValueAxis:
    axis = QValueAxis()
    axis.setLabelFormat("%.0f")
    top, ticks = (fixed, 6) if fixed is not None else _top(largest)
    axis.setRange(0, top)
    axis.setTickCount(ticks)
    return axis


def build_chart(spec: ChartSpec | None, title: str, dark: bool = False) -> QChart:
    chart = base_chart(title, dark)
    values = spec.values if spec is not None else []
    groups = spec.groups if spec is not None else []
    if spec is None or not spec.labels or not (any(values) or any(any(g) for g in groups)):
        chart.setTitle(title + "\n" + translate("Reports", "Nothing in this period"))
        return chart
    if spec.kind == "pie":
        series = QPieSeries()
        for label, value in zip(spec.labels, spec.values, strict=False):
            if value > 0:
                series.append(label, value)
        series.setPieSize(0.8)
        series.setHorizontalPosition(0.35)
        chart.addSeries(series)
        chart.legend().setVisible(True)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
        return chart
    # channel and product names are long: horizontal bars keep them whole on the left
    horizontal = spec.kind in ("hbar", "grouped")
    series_cls = QHorizontalBarSeries if horizontal else QBarSeries
    bars = series_cls()
    if spec.kind == "grouped":
        for name, group in zip(spec.series_names, spec.groups, strict=False):
            s = QBarSet(name)
            s.append(list(reversed(group)))
            bars.append(s)
        largest = max((max(g) for g in spec.groups if g), default=0.0)
        chart.legend().setVisible(True)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    else:
        s = QBarSet(title)
        # horizontal bars read top to bottom in the table's order
        s.append(list(reversed(spec.values)) if horizontal else list(spec.values))
        bars.append(s)
        bars.setLabelsVisible(True)
        largest = max(spec.values)
    chart.addSeries(bars)
    categories = QBarCategoryAxis()
    categories.append(list(reversed(spec.labels)) if horizontal else list(spec.labels))
    values_axis = _value_axis(largest, spec.axis_max)
    chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft if horizontal else Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(values_axis, Qt.AlignmentFlag.AlignBottom if horizontal else Qt.AlignmentFlag.AlignLeft)
    bars.attachAxis(categories)
    bars.attachAxis(values_axis)
    return chart


def chart_height(spec: ChartSpec | None) -> int:
    """Room for every bar label or legend entry, so none is cut."""
    if spec is None:
        return 260
    per_item = 26 if spec.kind in ("hbar", "pie") else (34 if spec.kind == "grouped" else 0)
    return max(260, 90 + per_item * len(spec.labels))


def chart_view(chart: QChart, parent: QWidget | None = None) -> QChartView:
    view = QChartView(chart, parent)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(260)
    return view


def chart_pixmap(spec: ChartSpec | None, title: str, width: int = 800, height: int | None = None) -> QPixmap:
    """The chart drawn off screen, light theme, for the PDF (QChartView.grab of an unshown view)."""
    view = QChartView(build_chart(spec, title, dark=False))
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setStyleSheet("background: white;")
    view.resize(width, height or max(340, chart_height(spec)))
    pixmap = view.grab()
    view.deleteLater()
    return pixmap
