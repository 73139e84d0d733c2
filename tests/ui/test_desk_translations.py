"""Translations stay complete: lupdate finds nothing new, French has no unfinished entry, the compiled
catalogues match their sources, no user-visible literal escapes tr(), and the desk speaks both languages."""

from __future__ import annotations

import ast
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "translations"
sys.path.insert(0, str(TRANSLATIONS))
import update  # noqa: E402

pytestmark = pytest.mark.gui


def entries(ts_file: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts_file).getroot()
    found = {}
    for context in root.findall("context"):
        name = context.findtext("name") or ""
        for message in context.findall("message"):
            found[(name, message.findtext("source") or "")] = message
    return found


@pytest.mark.parametrize("language", ["fr", "en"])
def test_lupdate_finds_no_string_missing_from_the_catalogue(tmp_path: Path, language: str) -> None:
    fresh = tmp_path / f"fresh_{language}.ts"
    update.lupdate(fresh, language)
    committed = entries(TRANSLATIONS / f"advisor_desk_{language}.ts")
    missing = sorted(set(entries(fresh)) - set(committed))
    assert missing == [], f"run python translations/update.py and translate: {missing[:10]}"


@pytest.mark.parametrize("language", ["fr", "en"])
def test_no_unfinished_or_empty_translation(language: str) -> None:
    problems = []
    for key, message in entries(TRANSLATIONS / f"advisor_desk_{language}.ts").items():
        translation = message.find("translation")
        assert translation is not None
        forms = [f.text for f in translation.findall("numerusform")] or [translation.text]
        if translation.get("type") in ("unfinished", "vanished", "obsolete") or not all(forms):
            problems.append(key)
    assert problems == [], problems[:10]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_committed_qm_files_match_their_ts(tmp_path: Path, language: str) -> None:
    built = tmp_path / f"{language}.qm"
    update.lrelease(TRANSLATIONS / f"advisor_desk_{language}.ts", built)
    assert built.read_bytes() == (TRANSLATIONS / f"advisor_desk_{language}.qm").read_bytes()


# Literals a user may see that are not words of ours: names of languages in their own language, symbols.
ALLOWED_LITERALS = {"Français", "English", "×", "https://desk.example.com", "—", "Advisor Desk"}
VISIBLE_SETTERS = {
    "setText",
    "setWindowTitle",
    "setToolTip",
    "setStatusTip",
    "setPlaceholderText",
    "setAccessibleName",
    "showMessage",
    "addTab",
    "setTabText",
    "addItem",
    "addRow",
    "addAction",
    "addMenu",
    "QLabel",
    "QPushButton",
    "QCheckBox",
    "QAction",
    "QDockWidget",
    "QToolBar",
}


def _literal_problems(path: Path) -> list[str]:
    problems = []
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
        if name not in VISIBLE_SETTERS:
            continue
        for arg in node.args:
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                text = arg.value.strip()
                if any(c.isalpha() for c in text) and text not in ALLOWED_LITERALS:
                    problems.append(f"{path.relative_to(ROOT)}:{node.lineno}: {name}({text!r})")
    return problems


def test_no_user_visible_literal_outside_tr() -> None:
    files = [ROOT / "advisor_desk" / "app.py", *sorted((ROOT / "advisor_desk" / "ui").rglob("*.py"))]
    problems = [p for f in files for p in _literal_problems(f)]
    assert problems == []


def test_the_lint_catches_a_literal(tmp_path: Path) -> None:
    sample = ROOT / "advisor_desk" / "ui" / "_lint_sample_tmp.py"
    try:
        sample.write_text("label.setText('Bonjour')\nlabel.setText(self.tr('Bonjour'))\n", encoding="utf-8")
        assert len(_literal_problems(sample)) == 1
    finally:
        sample.unlink()


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("fr", {"File de travail", "Client 360", "Dire oui", "Répondre", "Rechercher un client", "&Dossier"}),
        ("en", {"Work queue", "Customer 360", "Say yes", "Reply", "Search a customer", "&Case"}),
    ],
)
def test_the_desk_starts_in_each_language(
    qtbot: Any, qapp: Any, make_ctx: Any, world: Any, language: str, expected: set[str]
) -> None:
    from conftest import settle
    from PySide6.QtWidgets import QDockWidget

    from advisor_desk.ui import labels
    from advisor_desk.ui.i18n import Translations
    from advisor_desk.ui.main_window import MainWindow

    translations = Translations()
    translations.install(language)
    labels.clear()
    try:
        assert translations.app_loaded
        ctx = make_ctx(world.cache)
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        settle(qtbot, ctx)
        shown = {d.windowTitle() for d in window.findChildren(QDockWidget)}
        shown |= {window.tabs.tabText(i) for i in range(window.tabs.count())}
        shown |= {a.text() for a in window.menuBar().actions()}
        shown |= {window.search_action.text()}
        assert expected <= shown, expected - shown
        headers = window.queue.header_labels()
        if language == "fr":
            assert "Temps restant" in headers
            assert "Limite dépassée" in window.queue.counts.text()
        window.close()
    finally:
        translations.install("en")
        labels.clear()


def test_update_script_runs_the_pyside_tools() -> None:
    completed = subprocess.run(
        [update.tool("pyside6-lrelease"), "-version"], capture_output=True, text=True, check=False
    )
    assert "lrelease" in (completed.stdout + completed.stderr).lower()
