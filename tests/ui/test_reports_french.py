"""The loop screens in French: the catalogue (advisor_desk/ui/reports/reports_fr.ts) covers every string
lupdate finds in reports/, watch/, followups/ and resolution/, and the Reports view and the watch
list show no English once it is loaded beside the desk's catalogue."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from conftest import settle
from desk_world import LEAD, Clock
from test_reports_world import build_loop_world

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("does not support propagateSizeHints")]

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "advisor_desk" / "ui"
CATALOGUE = UI / "reports" / "reports_fr.ts"
FOLDERS = ("reports", "watch", "followups", "resolution")


def tool(name: str) -> str:
    return str(Path(sys.executable).with_name(name))


def messages(ts_file: Path) -> dict[tuple[str, str], str]:
    found = {}
    for context in ET.parse(ts_file).getroot().findall("context"):
        name = context.findtext("name") or ""
        for m in context.findall("message"):
            translation = m.find("translation")
            done = translation is not None and translation.get("type") != "unfinished"
            found[(name, m.findtext("source") or "")] = (translation.text or "") if done else ""
    return found


def test_the_catalogue_covers_every_string(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    files = sorted(str(p.relative_to(ROOT)) for f in FOLDERS for p in (UI / f).rglob("*.py"))
    subprocess.run(
        [tool("pyside6-lupdate"), *files, "-source-language", "en_GB", "-target-language", "fr_FR"]
        + ["-no-obsolete", "-locations", "none", "-silent", "-ts", str(fresh)],
        cwd=ROOT,
        check=True,
    )
    ours = messages(CATALOGUE)
    missing = sorted(k for k in messages(fresh) if not ours.get(k))
    assert missing == [], f"translate these in {CATALOGUE.name}: {missing[:10]}"


@pytest.fixture
def french(qapp: Any, tmp_path: Path) -> Iterator[None]:
    from PySide6.QtCore import QLocale, QTranslator

    from advisor_desk.ui import i18n, labels

    qm = tmp_path / "desk_fr.qm"
    subprocess.run(
        [
            tool("pyside6-lrelease"),
            "-silent",
            str(ROOT / "translations" / "advisor_desk_fr.ts"),
            str(CATALOGUE),
        ]
        + ["-qm", str(qm)],
        check=True,
    )
    translator = QTranslator(qapp)
    assert translator.load(str(qm))
    qapp.installTranslator(translator)
    QLocale.setDefault(i18n.locale_for("fr"))
    labels.clear()
    try:
        yield
    finally:
        qapp.removeTranslator(translator)
        QLocale.setDefault(i18n.locale_for("en"))
        labels.clear()


@pytest.fixture
def loop(tmp_path: Path, clock: Clock) -> Iterator[Any]:
    w = build_loop_world(tmp_path / "loop.sqlite3", clock)
    yield w
    w.cache.close()


def test_reports_and_watch_list_in_french(qtbot: Any, french: None, make_ctx: Any, loop: Any) -> None:
    from PySide6.QtWidgets import QAbstractButton, QLabel

    from advisor_desk.ui.reports.view import ReportsView

    ctx = make_ctx(loop.cache, LEAD)
    view = ReportsView(ctx)
    qtbot.addWidget(view)
    view.show()
    settle(qtbot, ctx)
    with qtbot.waitSignal(view.reportReady, timeout=5000):
        view.set_days(date(2026, 11, 2), date(2026, 11, 22))
    assert view.shown_texts("summary")[0] == ["Réclamations ouvertes", "3"]
    assert view.shown_texts("complaints.category")[0] == ["Retard de livraison", "1", "33,3 %"]
    assert view.shown_texts("satisfaction")[-1] == ["Moyenne", "4,5/5", ""]
    english = {
        "Complaints",
        "Summary",
        "Share",
        "Week",
        "Cost",
        "Average",
        "Export",
        "Period",
        "Team",
        "Watch",
    }
    texts = [s.title for s in view.sections] + [h for s in view.sections for h in s.headers]
    texts += [w.text() for w in view.findChildren(QLabel) + view.findChildren(QAbstractButton) if w.text()]
    leftovers = [t for t in texts if any(word in t.split() for word in english)]
    assert leftovers == []
    watch = view.open_watch_list()
    settle(qtbot, ctx)
    assert watch.model.headers()[0] == "Produit"
    assert watch.model.texts()[0][4] == "Transporteur 1 · Qualité du produit 1 · Pas encore résolue 1"
    assert watch.rule_label.text().startswith("Produits notés 3,0/5 ou moins")
