"""The power to say yes speaks French: its catalogue covers every string lupdate finds in
``ui/compensation`` and ``ui/store``, and the panel and the counter screen shown with it have no
English left.

The strings live in ``advisor_desk/ui/compensation/compensation_{fr,en}.ts`` (store mode's too);
``python translations/update.py`` merges them into the desk's catalogues (``translations/``).
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
HERE = ROOT / "advisor_desk" / "ui" / "compensation"
SOURCES = [*sorted(HERE.glob("*.py")), *sorted((ROOT / "advisor_desk" / "ui" / "store").glob("*.py"))]
TRANSLATIONS = ROOT / "translations"
LANGUAGES = ("fr", "en")

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("does not support propagateSizeHints")]

Forms = tuple[str, ...]


def tool(name: str) -> str:
    return str(Path(sys.executable).with_name(name))


def messages(ts_file: Path) -> dict[tuple[str, str], Forms]:
    """(context, source) -> the translated forms (empty when unfinished)."""
    found: dict[tuple[str, str], Forms] = {}
    for context in ET.parse(ts_file).getroot().findall("context"):
        name = context.findtext("name") or ""
        for message in context.findall("message"):
            t = message.find("translation")
            done = t is not None and t.get("type") not in ("unfinished", "vanished", "obsolete")
            forms = tuple(f.text or "" for f in t.findall("numerusform")) if t is not None else ()
            value = forms or ((t.text or "",) if t is not None else ())
            found[(name, message.findtext("source") or "")] = value if done and all(value) else ()
    return found


def lupdate(out: Path, language: str) -> None:
    subprocess.run(
        [
            tool("pyside6-lupdate"),
            *[str(p.relative_to(ROOT)) for p in SOURCES],
            "-source-language",
            "en_GB",
            "-target-language",
            "fr_FR" if language == "fr" else "en_GB",
            "-no-obsolete",
            "-locations",
            "none",
            "-silent",
            "-ts",
            str(out),
        ],
        check=True,
        cwd=ROOT,
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_catalogue_covers_every_string(tmp_path: Path, language: str) -> None:
    fresh = tmp_path / f"compensation_{language}.ts"
    lupdate(fresh, language)
    ours = messages(HERE / f"compensation_{language}.ts")
    missing = sorted(set(messages(fresh)) - {k for k, v in ours.items() if v})
    assert missing == [], (
        f"translate these in advisor_desk/ui/compensation/compensation_{language}.ts: {missing[:10]}"
    )


@pytest.fixture
def french(qapp: Any, tmp_path: Path) -> Iterator[None]:
    from PySide6.QtCore import QTranslator

    from advisor_desk.ui import labels
    from advisor_desk.ui.i18n import Translations

    qm = tmp_path / "compensation_fr.qm"
    subprocess.run(
        [tool("pyside6-lrelease"), "-silent", str(HERE / "compensation_fr.ts"), "-qm", str(qm)], check=True
    )
    desk = Translations()
    desk.install("fr")
    ours = QTranslator()
    assert ours.load(str(qm))
    qapp.installTranslator(ours)
    labels.clear()
    try:
        yield
    finally:
        qapp.removeTranslator(ours)
        desk.install("en")
        labels.clear()


def _english_left(root: Any) -> list[str]:
    """Visible texts of ``root`` that are still one of our English sources."""
    from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QLineEdit

    english = {source for (_c, source) in messages(HERE / "compensation_en.ts")}
    english -= {"Date"}  # the same word in French
    texts: list[str] = []
    for widget in root.findChildren(QLabel) + root.findChildren(QAbstractButton):
        if widget.isVisibleTo(root):
            texts.append(widget.text())
    for box in root.findChildren(QGroupBox):
        texts.append(box.title())
    for edit in root.findChildren(QLineEdit):
        if edit.isVisibleTo(root):
            texts.append(edit.placeholderText())
    return [t for t in texts if t and t.replace("&", "") in {e.replace("&", "") for e in english}]


def test_the_panel_and_the_counter_have_no_english_left(qtbot: Any, french: None, tmp_path: Path) -> None:
    from PySide6.QtCore import Qt
    from test_compensation_world import ADVISOR, CARD, CASE, ELODIE, SELLER, desk, wait_idle

    from advisor_desk.domain.model import GestureCode
    from advisor_desk.ui.compensation import create_panel
    from advisor_desk.ui.store import create_window

    with desk(tmp_path / "a", ADVISOR, "fr") as (_world, ctx):
        panel = create_panel(ctx)
        qtbot.addWidget(panel)
        panel.show()
        panel.set_selection(ELODIE.id, CASE.id)
        wait_idle(qtbot, ctx)
        panel.select_gesture(GestureCode.VOUCHER)
        qtbot.keyClicks(panel.amount, "45")
        assert panel.authority_box.title() == "Ce que je peux accorder maintenant"
        assert panel.say_yes.text().startswith("Hors de mon pouvoir de")
        assert "Au-delà du plafond par décision" in panel.verdict_label.text()
        assert _english_left(panel) == []
        panel.close()
        panel.deleteLater()
    with desk(tmp_path / "s", SELLER, "fr") as (_world, ctx):
        window = create_window(ctx)
        qtbot.addWidget(window)
        window.resize(1280, 800)
        window.show()
        assert _english_left(window) == []
        qtbot.keyClicks(window.find_page.field, CARD)
        qtbot.keyClick(window.find_page.field, Qt.Key.Key_Return)
        wait_idle(qtbot, ctx)
        assert window.see_page.say_yes.text() == "Dire oui (Entrée)"
        assert _english_left(window) == []
        window.go(window.SAY_YES)
        window.pick_gesture(GestureCode.GIFT)
        assert _english_left(window) == []
        window.close()
