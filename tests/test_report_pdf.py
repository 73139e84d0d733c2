"""The report PDF on its own: every section heading, the header and page numbers on every page, text
that looks like markup printed as text, and a report long enough to need several pages."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

pytestmark = pytest.mark.gui


def pdf_pages(path: Path) -> list[str]:
    tool = shutil.which("pdftotext")
    assert tool is not None, "install poppler-utils (pdftotext)"
    text = subprocess.run(
        [tool, "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    return text.split("\f")[:-1]


def test_sections_header_page_numbers_and_escaped_text(qapp: Any, tmp_path: Path) -> None:
    from advisor_desk.ui.reports.charts import chart_pixmap
    from advisor_desk.ui.reports.pdf import render_report_pdf
    from advisor_desk.ui.reports.sections import ChartSpec, ReportSection
    from advisor_desk.ui.reports.table import Cell

    hostile = "<script>alert(1)</script> & <img src=x> Ünïcode"
    sections = [
        ReportSection(
            f"s{i}",
            f"Section {i}",
            ["Item", "Count"],
            [[Cell(f"{hostile} {i}.{j}"), Cell(str(j), j)] for j in range(30)],
            note="A note & <b>not bold</b>",
            chart=ChartSpec("bar", ["a", "b"], [1.0, 2.0]) if i % 2 else None,
        )
        for i in range(4)
    ]
    sections.append(ReportSection("empty", "Empty section", ["Item"], []))
    images = {s.key: chart_pixmap(s.chart, s.title).toImage() for s in sections if s.chart is not None}
    data = render_report_pdf(
        sections, title="Team report", subtitle="Team north", header="Desk · north · May", images=images
    )
    assert data.startswith(b"%PDF")
    target = tmp_path / "r.pdf"
    target.write_bytes(data)
    pages = pdf_pages(target)
    assert len(pages) > 2
    for number, page in enumerate(pages, 1):
        assert "Desk · north · May" in page
        assert f"Page {number} of {len(pages)}" in page
    text = "".join(pages)
    for s in sections:
        assert s.title in text
    assert "<script>alert(1)</script> & <img src=x> Ünïcode 3.29" in text
    assert "A note & <b>not bold</b>" in text
    assert "Nothing in this period." in text
