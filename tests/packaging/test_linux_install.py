"""packaging/linux/install.sh: the layout a Linux desktop expects, staged into a folder, and its removal.

A stand-in bundle (a folder with an ``advisor-desk`` program) keeps this fast; test_bundle.py installs
nothing but runs the real bundle.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from packaging_files import ICONS, PACKAGING

INSTALL = PACKAGING / "linux" / "install.sh"
APP_ID = "fr.advisordesk.AdvisorDesk"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def _install(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["bash", str(INSTALL), *args], capture_output=True, text=True, timeout=60)


@pytest.fixture
def bundle(tmp_path: Path) -> Path:
    folder = tmp_path / "dist" / "advisor-desk"
    (folder / "_internal").mkdir(parents=True)
    program = folder / "advisor-desk"
    program.write_text("#!/bin/sh\necho stand-in desk\n", encoding="utf-8")
    program.chmod(0o755)
    (folder / "_internal" / "old-version-file").write_text("x", encoding="utf-8")
    return folder


def test_install_stages_bundle_menu_entry_metainfo_and_icons(tmp_path: Path, bundle: Path) -> None:
    stage = tmp_path / "stage"
    result = _install("--bundle", str(bundle), "--destdir", str(stage))
    assert result.returncode == 0, result.stderr

    link = stage / "usr/local/bin/advisor-desk"
    assert link.is_symlink() and os.readlink(link) == "/opt/advisor-desk/advisor-desk"
    assert (stage / "opt/advisor-desk/advisor-desk").read_text(encoding="utf-8").endswith("stand-in desk\n")
    assert os.access(stage / "opt/advisor-desk/advisor-desk", os.X_OK)
    share = stage / "usr/share"
    assert (share / f"applications/{APP_ID}.desktop").read_bytes() == (
        PACKAGING / "linux" / f"{APP_ID}.desktop"
    ).read_bytes()
    assert (share / f"metainfo/{APP_ID}.metainfo.xml").is_file()
    assert (share / f"icons/hicolor/scalable/apps/{APP_ID}.svg").read_bytes() == (
        ICONS / "advisor-desk.svg"
    ).read_bytes()
    for size in SIZES:
        assert (share / f"icons/hicolor/{size}x{size}/apps/{APP_ID}.png").is_file()


def test_reinstall_replaces_the_old_bundle_and_uninstall_removes_everything(
    tmp_path: Path, bundle: Path
) -> None:
    stage = tmp_path / "stage"
    assert _install("--bundle", str(bundle), "--destdir", str(stage)).returncode == 0
    (bundle / "_internal" / "old-version-file").unlink()
    assert _install("--bundle", str(bundle), "--destdir", str(stage)).returncode == 0
    assert not (stage / "opt/advisor-desk/_internal/old-version-file").exists()

    result = _install("--uninstall", "--destdir", str(stage))
    assert result.returncode == 0, result.stderr
    assert [p for p in stage.rglob("*") if p.is_file() or p.is_symlink()] == []


def test_install_without_a_bundle_says_how_to_build_it(tmp_path: Path) -> None:
    result = _install("--bundle", str(tmp_path / "nothing"), "--destdir", str(tmp_path / "stage"))
    assert result.returncode == 1
    assert "build it with packaging/build_linux.sh" in result.stderr
    assert not (tmp_path / "stage").exists()


@pytest.mark.parametrize("prefix", ["/", "opt/advisor-desk", ""])
def test_install_refuses_a_dangerous_prefix(tmp_path: Path, bundle: Path, prefix: str) -> None:
    result = _install("--bundle", str(bundle), "--destdir", str(tmp_path / "stage"), "--prefix", prefix)
    assert result.returncode == 2
    assert "--prefix must be an absolute folder" in result.stderr


def test_install_rejects_unknown_options() -> None:
    result = _install("--frobnicate")
    assert result.returncode == 2 and "unknown option --frobnicate" in result.stderr
