"""The composer speaks French: its catalogue covers every string lupdate finds in ``ui/composer``, and the
panel shown with it has no English left in its labels, buttons, tabs and checks.

The composer's strings live in ``advisor_desk/ui/composer/composer_{fr,en}.ts`` until they are merged
into the desk's catalogues (``translations/``). To merge them::

    python translations/update.py                # lupdate adds the composer's strings, unfinished
    python tests/ui/test_composer_french.py      # copies their translations in, then lrelease again
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
COMPOSER = ROOT / "advisor_desk" / "ui" / "composer"
TRANSLATIONS = ROOT / "translations"
LANGUAGES = ("fr", "en")

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore("does not support propagateSizeHints", "does not support raise"),
]


def tool(name: str) -> str:
    return str(Path(sys.executable).with_name(name))


def messages(ts_file: Path) -> dict[tuple[str, str], str]:
    """(context, source) -> translation ("" when unfinished)."""
    found: dict[tuple[str, str], str] = {}
    for context in ET.parse(ts_file).getroot().findall("context"):
        name = context.findtext("name") or ""
        for message in context.findall("message"):
            translation = message.find("translation")
            done = translation is not None and translation.get("type") not in (
                "unfinished",
                "vanished",
                "obsolete",
            )
            found[(name, message.findtext("source") or "")] = (translation.text or "") if done else ""  # type: ignore[union-attr]
    return found


def lupdate_composer(out: Path, language: str) -> None:
    subprocess.run(
        [
            tool("pyside6-lupdate"),
            *sorted(str(p) for p in COMPOSER.glob("*.py")),
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
    """Copy the composer's translations into ``advisor_desk_*.ts`` (unfinished entries only) and compile."""
    for language in LANGUAGES:
        ours = messages(COMPOSER / f"composer_{language}.ts")
        target = directory / f"advisor_desk_{language}.ts"
        tree = ET.parse(target)
        for context in tree.getroot().findall("context"):
            name = context.findtext("name") or ""
            for message in context.findall("message"):
                text = ours.get((name, message.findtext("source") or ""))
                translation = message.find("translation")
                if text and translation is not None and translation.get("type") == "unfinished":
                    translation.text = text
                    del translation.attrib["type"]
        tree.write(target, encoding="utf-8", xml_declaration=True)
        subprocess.run(
            [tool("pyside6-lrelease"), "-silent", str(target), "-qm", str(target.with_suffix(".qm"))],
            check=True,
        )


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_composer_catalogue_covers_every_string(tmp_path: Path, language: str) -> None:
    fresh = tmp_path / f"composer_{language}.ts"
    lupdate_composer(fresh, language)
    ours = messages(COMPOSER / f"composer_{language}.ts")
    missing = sorted(set(messages(fresh)) - {k for k, v in ours.items() if v})
    assert missing == [], (
        f"translate these in advisor_desk/ui/composer/composer_{language}.ts: {missing[:10]}"
    )


def test_the_merge_fills_the_desk_catalogues_unfinished_composer_entries(tmp_path: Path) -> None:
    import shutil

    for language in LANGUAGES:
        copy = tmp_path / f"advisor_desk_{language}.ts"
        shutil.copy(TRANSLATIONS / f"advisor_desk_{language}.ts", copy)
        lupdate_composer(tmp_path / "fresh.ts", language)
        # what lupdate would add for the composer, unfinished, as translations/update.py does
        tree = ET.parse(copy)
        present = set(messages(copy))
        fresh = ET.parse(tmp_path / "fresh.ts").getroot()
        for context in fresh.findall("context"):
            name = context.findtext("name") or ""
            for message in context.findall("message"):
                if (name, message.findtext("source") or "") in present:
                    continue
                found = next(
                    (c for c in tree.getroot().findall("context") if c.findtext("name") == name), None
                )
                if found is None:
                    found = ET.SubElement(tree.getroot(), "context")
                    ET.SubElement(found, "name").text = name
                found.append(message)
        tree.write(copy, encoding="utf-8", xml_declaration=True)
    merge_into_desk_catalogues(tmp_path)
    for language in LANGUAGES:
        merged = messages(tmp_path / f"advisor_desk_{language}.ts")
        ours = messages(COMPOSER / f"composer_{language}.ts")
        assert all(merged[key] == text for key, text in ours.items()), language
        assert (tmp_path / f"advisor_desk_{language}.qm").stat().st_size > 0


@pytest.fixture
def french(qapp: Any, tmp_path: Path) -> Iterator[None]:
    from PySide6.QtCore import QLocale, QTranslator

    from advisor_desk.ui import i18n, labels

    qm = tmp_path / "desk_fr.qm"
    subprocess.run(
        [
            tool("pyside6-lrelease"),
            "-silent",
            str(TRANSLATIONS / "advisor_desk_fr.ts"),
            str(COMPOSER / "composer_fr.ts"),
            "-qm",
            str(qm),
        ],
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


def visible_texts(widget: Any) -> list[str]:
    from PySide6.QtWidgets import QAbstractButton, QLabel, QTabWidget

    found: list[str] = []
    for child in widget.findChildren(QLabel) + widget.findChildren(QAbstractButton):
        if child.isVisibleTo(widget) and child.text():
            found.append(child.text())
    for tabs in widget.findChildren(QTabWidget):
        found += [tabs.tabText(i) for i in range(tabs.count())]
    return found


def test_the_composer_in_french_has_no_english_left(qtbot: Any, french: None, ctx: Any) -> None:
    from conftest import settle

    from advisor_desk.domain.scripts import ReplyStep
    from advisor_desk.ui.composer.panel import ComposerPanel

    panel = ComposerPanel(ctx)
    qtbot.addWidget(panel)
    panel.resize(460, 900)
    panel.show()
    panel.set_selection("cust-01", "case-limit")
    settle(qtbot, ctx)
    assert panel.state is not None
    for step in ReplyStep:
        panel.choose(step, panel.state.options(step)[0].id)
    texts = visible_texts(panel)
    assert [panel.steps.tabText(i) for i in range(3)] == ["1. Accueillir", "2. Résoudre", "3. Conclure"]
    assert "Accuser réception" in texts and "Envoyer" in texts and "Aperçu de la réponse" in texts
    assert "Réclamation" in panel.case_label.text()
    english = {
        source
        for (_context, source), french_text in messages(COMPOSER / "composer_fr.ts").items()
        if source != french_text and len(source) > 3
    }
    left = [t for t in texts if t in english or t.replace("&", "") in {e.replace("&", "") for e in english}]
    assert left == []
    checks = [
        panel.checks_model.data(panel.checks_model.index(row, 0))
        for row in range(panel.checks_model.rowCount())
    ]
    assert any("Complétez les valeurs surlignées" in c for c in checks)
    assert any(c.startswith("Valeurs complétées — Bloque l’envoi") for c in checks)
    assert "Envoi impossible" in panel.send_reason.text()


if __name__ == "__main__":
    merge_into_desk_catalogues()
