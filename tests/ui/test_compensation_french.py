"""The power to say yes speaks French: its catalogue covers every string lupdate finds in
``ui/compensation`` and ``ui/store``, and the panel and the counter screen shown with it have no
English left.

The strings live in ``advisor_desk/ui/compensation/say_yes_{fr,en}.ts`` until they are merged into
the desk's catalogues (``translations/``). To merge them::

    python translations/update.py                  # lupdate adds these strings, unfinished
    python tests/ui/test_compensation_french.py    # copies their translations in, then lrelease
"""

from __future__ import annotations

import shutil
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


def merge_into_desk_catalogues(directory: Path = TRANSLATIONS) -> None:
    """Copy our translations into ``advisor_desk_*.ts`` (entries still unfinished there) and compile."""
    for language in LANGUAGES:
        ours = messages(HERE / f"say_yes_{language}.ts")
        target = directory / f"advisor_desk_{language}.ts"
        tree = ET.parse(target)
        for context in tree.getroot().findall("context"):
            name = context.findtext("name") or ""
            for message in context.findall("message"):
                forms = ours.get((name, message.findtext("source") or ""))
                translation = message.find("translation")
                if not forms or translation is None or translation.get("type") != "unfinished":
                    continue
                if message.get("numerus") == "yes":
                    for old in list(translation):
                        translation.remove(old)
                    for form in forms:
                        ET.SubElement(translation, "numerusform").text = form
                else:
                    translation.text = forms[0]
                del translation.attrib["type"]
        tree.write(target, encoding="utf-8", xml_declaration=True)
        subprocess.run(
            [tool("pyside6-lrelease"), "-silent", str(target), "-qm", str(target.with_suffix(".qm"))],
            check=True,
        )


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_catalogue_covers_every_string(tmp_path: Path, language: str) -> None:
    fresh = tmp_path / f"say_yes_{language}.ts"
    lupdate(fresh, language)
    ours = messages(HERE / f"say_yes_{language}.ts")
    missing = sorted(set(messages(fresh)) - {k for k, v in ours.items() if v})
    assert missing == [], (
        f"translate these in advisor_desk/ui/compensation/say_yes_{language}.ts: {missing[:10]}"
    )


def test_the_merge_fills_the_desks_unfinished_entries(tmp_path: Path) -> None:
    added: dict[str, set[tuple[str, str]]] = {language: set() for language in LANGUAGES}
    for language in LANGUAGES:
        copy = tmp_path / f"advisor_desk_{language}.ts"
        shutil.copy(TRANSLATIONS / f"advisor_desk_{language}.ts", copy)
        # what translations/update.py does: lupdate adds our strings, unfinished
        lupdate(tmp_path / "fresh.ts", language)
        tree = ET.parse(copy)
        present = set(messages(copy))
        for context in ET.parse(tmp_path / "fresh.ts").getroot().findall("context"):
            name = context.findtext("name") or ""
            target = next((c for c in tree.getroot().findall("context") if c.findtext("name") == name), None)
            if target is None:
                target = ET.SubElement(tree.getroot(), "context")
                ET.SubElement(target, "name").text = name
            for message in context.findall("message"):
                key = (name, message.findtext("source") or "")
                if key in present:
                    continue
                translation = message.find("translation")
                assert translation is not None
                translation.set("type", "unfinished")
                translation.text = None
                for form in list(translation):
                    form.text = None
                target.append(message)
                added[language].add(key)
        tree.write(copy, encoding="utf-8", xml_declaration=True)
    merge_into_desk_catalogues(tmp_path)
    for language in LANGUAGES:
        merged = messages(tmp_path / f"advisor_desk_{language}.ts")
        ours = messages(HERE / f"say_yes_{language}.ts")
        for key in ours:
            assert merged[key], (language, key)  # translated, by us or already by the desk
        assert all(merged[key] == ours[key] for key in added[language]), language
        assert (tmp_path / f"advisor_desk_{language}.qm").stat().st_size > 0


@pytest.fixture
def french(qapp: Any, tmp_path: Path) -> Iterator[None]:
    from PySide6.QtCore import QTranslator

    from advisor_desk.ui import labels
    from advisor_desk.ui.i18n import Translations

    qm = tmp_path / "say_yes_fr.qm"
    subprocess.run(
        [tool("pyside6-lrelease"), "-silent", str(HERE / "say_yes_fr.ts"), "-qm", str(qm)], check=True
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

    english = {source for (_c, source) in messages(HERE / "say_yes_en.ts")}
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


if __name__ == "__main__":
    merge_into_desk_catalogues()
    print("merged advisor_desk/ui/compensation/say_yes_{fr,en}.ts into translations/")
