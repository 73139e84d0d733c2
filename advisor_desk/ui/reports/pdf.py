"""The report as a PDF for the product-review meeting: a heading per section, its table and chart,
the team and the period in every page's header, page numbers in the footer.

Built with QTextDocument on a QPdfWriter. Every text placed in the HTML is escaped (product names
and any customer-authored text are plain text, never markup). Charts arrive as QImage (grabbed on
the GUI thread); the PDF is drawn into memory on the GUI thread (QTextDocument's
layout uses timers, which need an event loop) and written to the file in a worker.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QMarginsF,
    QRectF,
    QSizeF,
    Qt,
    QUrl,
)
from PySide6.QtGui import QFont, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument

from advisor_desk.ui.reports.sections import ReportSection

translate = QCoreApplication.translate

#: Device units: 96 per inch, so HTML sizes mean what they say on screen.
DPI = 96
HEADER = 48
FOOTER = 36


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def report_html(
    sections: Sequence[ReportSection], title: str, subtitle: str, images: Mapping[str, object]
) -> str:
    parts = [
        "<html><body style='font-family: sans-serif; font-size: 10pt;'>",
        f"<h1 style='font-size: 18pt;'>{_esc(title)}</h1>",
        f"<p style='color: #444;'>{_esc(subtitle)}</p>",
    ]
    for section in sections:
        parts.append(f"<h2 style='font-size: 13pt; margin-top: 14px;'>{_esc(section.title)}</h2>")
        if section.note:
            parts.append(f"<p style='color: #444;'>{_esc(section.note)}</p>")
        if section.key in images:
            parts.append(f"<p><img src='chart:{_esc(section.key)}' width='620'></p>")
        if not section.rows:
            nothing = translate("Reports", "Nothing in this period.")
            parts.append(f"<p><i>{_esc(nothing)}</i></p>")
            continue
        parts.append(
            "<table border='1' cellspacing='0' cellpadding='3' style='border-collapse: collapse;' width='100%'>"
        )
        parts.append(
            "<tr>"
            + "".join(f"<th align='left' bgcolor='#e8e8e8'>{_esc(h)}</th>" for h in section.headers)
            + "</tr>"
        )
        for row in section.rows:
            cells = []
            for cell in row:
                align = "right" if isinstance(cell.value, (int, float)) else "left"
                cells.append(f"<td align='{align}'>{_esc(cell.text)}</td>")
            parts.append("<tr>" + "".join(cells) + "</tr>")
        parts.append("</table>")
    parts.append("</body></html>")
    return "".join(parts)


def render_report_pdf(
    sections: Sequence[ReportSection],
    *,
    title: str,
    subtitle: str,
    header: str,
    images: Mapping[str, QImage],
) -> bytes:
    """The PDF's bytes (write them to a file off the GUI thread)."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(DPI)
    writer.setTitle(title)
    writer.setCreator("Advisor Desk")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, QMarginsF(15, 12, 15, 12)
        )
    )
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError("the PDF could not be drawn")
    try:
        page = writer.pageLayout().paintRectPixels(DPI)
        width, height = float(page.width()), float(page.height())
        body = height - HEADER - FOOTER
        doc = QTextDocument()
        doc.documentLayout().setPaintDevice(writer)
        doc.setDefaultFont(QFont("DejaVu Sans", 10))
        for key, image in images.items():
            doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(f"chart:{key}"), image)
        doc.setHtml(report_html(sections, title, subtitle, images))
        doc.setPageSize(QSizeF(width, body))
        pages = doc.pageCount()
        small = QFont("DejaVu Sans", 8)
        for number in range(pages):
            if number:
                writer.newPage()
            painter.setFont(small)
            painter.drawText(
                QRectF(0, 0, width, HEADER - 12),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                header,
            )
            painter.drawLine(0, HEADER - 8, int(width), HEADER - 8)
            footer = (
                translate("Reports", "Page %1 of %2").replace("%1", str(number + 1)).replace("%2", str(pages))
            )
            painter.drawText(
                QRectF(0, height - FOOTER + 8, width, FOOTER - 8),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                footer,
            )
            painter.save()
            painter.translate(0, HEADER - number * body)
            doc.drawContents(painter, QRectF(0, number * body, width, body))
            painter.restore()
    finally:
        painter.end()
        buffer.close()
    return bytes(data.data())
