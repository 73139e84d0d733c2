"""``advisor-desk --self-check`` from source: passes on a sound installation, names what is broken otherwise.

The same check runs inside the built bundle in test_bundle.py; here it runs in-process (the real Qt,
qtawesome, SQLite and cache) and through the bundle's entry script as a separate program.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from packaging_files import ROOT

from advisor_desk.ui.selfcheck import APPLICATION_ICON, resource_root, run_self_check

ENTRY = ROOT / "packaging" / "pyinstaller" / "entry.py"


def _run(**kwargs) -> tuple[int, str]:
    out = io.StringIO()
    code = run_self_check(out=out, **kwargs)
    return code, out.getvalue()


def _installation(tmp_path: Path) -> Path:
    """A resource root with the application icon, like a bundle's data folder."""
    icon = tmp_path / APPLICATION_ICON
    icon.parent.mkdir(parents=True)
    shutil.copy(ROOT / APPLICATION_ICON, icon)
    return tmp_path


def test_resources_are_found_in_the_source_tree() -> None:
    assert resource_root() == ROOT
    assert (resource_root() / APPLICATION_ICON).is_file()


def test_self_check_passes_from_source(qapp) -> None:
    code, report = _run()
    assert code == 0, report
    for item in (
        "application",
        "qt plugins",
        "qt modules",
        "translations",
        "icons",
        "application icon",
        "cache",
    ):
        assert f"ok    {item}:" in report
    assert "qtbase_fr" in report
    assert "migrations head" in report  # the cache's Alembic revisions were found and read
    assert report.rstrip().endswith("self-check passed (8 items)")


def test_self_check_loads_the_desks_catalogues(qapp, tmp_path: Path) -> None:
    root = _installation(tmp_path)
    (root / "translations").mkdir()
    ts = root / "translations" / "advisor_desk_fr.ts"
    ts.write_text(
        """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS><TS version="2.1" language="fr_FR"><context><name>Probe</name>
<message><source>Work queue</source><translation>File de travail</translation></message>
</context></TS>""",
        encoding="utf-8",
    )
    subprocess.run(
        [
            sys.executable,
            "-c",
            "from PySide6.scripts.pyside_tool import lrelease; lrelease()",
            "-silent",
            str(ts),
        ],
        check=True,
    )
    code, report = _run(root=root)
    assert code == 0, report
    assert "advisor_desk_fr.qm" in report


def test_a_corrupt_catalogue_fails_the_check(qapp, tmp_path: Path) -> None:
    root = _installation(tmp_path)
    (root / "translations").mkdir()
    (root / "translations" / "advisor_desk_fr.qm").write_bytes(b"not a catalogue at all")
    code, report = _run(root=root)
    assert code == 1
    assert "FAIL  translations:" in report and "advisor_desk_fr.qm does not load" in report
    assert "self-check FAILED: translations" in report


def test_a_missing_application_icon_fails_the_check(qapp, tmp_path: Path) -> None:
    code, report = _run(root=tmp_path)
    assert code == 1
    assert "FAIL  application icon:" in report and "advisor-desk.svg is missing" in report


def test_an_unknown_icon_name_fails_the_check(qapp) -> None:
    code, report = _run(icon_names=("fa6s.phone", "fa6s.no-such-glyph"))
    assert code == 1
    assert "FAIL  icons: qtawesome icon 'fa6s.no-such-glyph'" in report
    # The other items are still checked and reported.
    assert "ok    cache:" in report


def test_entry_script_runs_the_check_as_a_program(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, str(ENTRY), "--self-check"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"source at {ROOT}" in result.stdout


@pytest.mark.parametrize("module", ["os", "advisor_desk.cli", ""])
def test_entry_script_runs_only_the_server_modules(tmp_path: Path, module: str) -> None:
    result = subprocess.run(
        [sys.executable, str(ENTRY), "-m", *([module] if module else [])],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "-m runs only advisor_desk.server.cli" in result.stderr
