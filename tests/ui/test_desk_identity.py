"""The application's identity on the desktop: its desktop entry name and its icon from the resources."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.gui]


def test_the_application_names_its_desktop_entry_and_icon(qapp: Any) -> None:
    from PySide6.QtGui import QGuiApplication

    from advisor_desk.ui.desk import DESKTOP_FILE_NAME, app_icon, app_icon_path, name_application
    from advisor_desk.ui.selfcheck import resource_root

    before = (QGuiApplication.desktopFileName(), qapp.windowIcon())
    try:
        name_application(qapp)
        assert QGuiApplication.desktopFileName() == "fr.advisordesk.AdvisorDesk" == DESKTOP_FILE_NAME
        assert not qapp.windowIcon().isNull()
    finally:
        QGuiApplication.setDesktopFileName(before[0])
        qapp.setWindowIcon(before[1])
    assert app_icon_path().is_relative_to(resource_root()) and app_icon_path().is_file()
    assert not app_icon().isNull()
    # the packaged desktop entry carries the same name
    entry = resource_root() / "packaging" / "linux" / f"{DESKTOP_FILE_NAME}.desktop"
    assert entry.is_file() and "[Desktop Entry]" in Path(entry).read_text(encoding="utf-8")
