"""The paper the customer leaves the counter with: the gesture, its amount and the voucher code.

A :class:`Receipt` is plain data; :func:`receipt_document` lays it out in a QTextDocument built with a
text cursor (every value inserted as plain text, so a customer named ``<b>Kévin</b>`` prints as typed),
which :func:`save_pdf` writes through QPdfWriter and :func:`print_receipt` sends to a printer chosen in
Qt's print dialog. A gesture granted offline says "pending confirmation by the centre" on the receipt.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QSizeF, Qt
from PySide6.QtGui import (
    QFont,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QDialog, QWidget

translate = QCoreApplication.translate


@dataclass(frozen=True, slots=True)
class Receipt:
    store: str
    date_text: str  # already in the user's locale and local time
    customer_name: str
    gesture: str  # the gesture's name in the user's language
    amount: str  # already formatted with its currency
    voucher_code: str
    pending: bool
    seller: str = ""
    reason: str = ""

    def lines(self) -> list[tuple[str, str]]:
        """(label, value) rows, in print order."""
        rows = [
            (translate("Receipt", "Store"), self.store),
            (translate("Receipt", "Date"), self.date_text),
            (translate("Receipt", "Customer"), self.customer_name),
            (translate("Receipt", "Goodwill gesture"), self.gesture),
            (translate("Receipt", "Amount"), self.amount),
        ]
        if self.reason:
            rows.append((translate("Receipt", "Reason"), self.reason))
        if self.seller:
            rows.append((translate("Receipt", "Granted by"), self.seller))
        return rows


def receipt_document(receipt: Receipt) -> QTextDocument:
    doc = QTextDocument()
    doc.setDocumentMargin(12)
    base = QFont()
    base.setPointSize(11)
    doc.setDefaultFont(base)
    cursor = QTextCursor(doc)
    centred = QTextBlockFormat()
    centred.setAlignment(Qt.AlignmentFlag.AlignHCenter)
    title = QTextCharFormat()
    title.setFontPointSize(16)
    title.setFontWeight(QFont.Weight.Bold)
    cursor.setBlockFormat(centred)
    cursor.insertText(translate("Receipt", "Goodwill gesture receipt"), title)
    plain = QTextCharFormat()
    bold = QTextCharFormat()
    bold.setFontWeight(QFont.Weight.Bold)
    left = QTextBlockFormat()
    left.setTopMargin(4)
    for label, value in receipt.lines():
        cursor.insertBlock(left)
        cursor.insertText(f"{label}: ", bold)
        cursor.insertText(value, plain)
    code_format = QTextCharFormat()
    code_format.setFontPointSize(22)
    code_format.setFontWeight(QFont.Weight.Bold)
    code_format.setFontFamilies(["DejaVu Sans Mono", "Courier New", "monospace"])
    block = QTextBlockFormat(centred)
    block.setTopMargin(16)
    cursor.insertBlock(block)
    cursor.insertText(translate("Receipt", "Voucher code"), bold)
    cursor.insertBlock(centred)
    cursor.insertText(receipt.voucher_code, code_format)
    if receipt.pending:
        note = QTextBlockFormat(centred)
        note.setTopMargin(12)
        cursor.insertBlock(note)
        cursor.insertText(
            translate(
                "Receipt",
                "Pending confirmation by the centre: this gesture was granted while the store was offline.",
            ),
            bold,
        )
    cursor.insertBlock(left)
    cursor.insertText(translate("Receipt", "Thank you for your visit."), plain)
    return doc


def save_pdf(receipt: Receipt, path: Path | str) -> Path:
    """Write the receipt as a one-page PDF (A6, the size of a counter slip) and return its path."""
    path = Path(path)
    writer = QPdfWriter(str(path))
    writer.setTitle(translate("Receipt", "Receipt %1").replace("%1", receipt.voucher_code))
    writer.setCreator("Advisor Desk")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A6), QPageLayout.Orientation.Portrait, QMarginsF(8, 8, 8, 8)
        )
    )
    writer.setResolution(300)
    doc = receipt_document(receipt)
    layout = writer.pageLayout()
    size = layout.paintRectPixels(writer.resolution()).size()
    doc.setPageSize(QSizeF(size))
    doc.print_(writer)
    del writer  # closes the file
    return path


def print_receipt(receipt: Receipt, parent: QWidget | None = None) -> bool:
    """Ask for a printer (Qt's print dialog) and print; False when the seller cancelled."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A6))
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(translate("Receipt", "Print the receipt"))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    receipt_document(receipt).print_(printer)
    return True
