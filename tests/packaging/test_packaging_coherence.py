"""The spec, the installers, the desktop entry and the macOS bundle agree on names, paths and version.

An installer that packs a folder the spec does not produce, a menu entry that runs a command nobody
installs, a version that drifts: each is caught here, without building anything.
"""

from __future__ import annotations

import plistlib
import re
import xml.etree.ElementTree as ET

import pytest
from packaging_files import (
    DESKTOP,
    ICONS,
    ISS,
    METAINFO,
    PLIST,
    ROOT,
    SPEC,
    png_size,
    project_version,
    pyproject,
    read_desktop,
    read_inno,
    spec_constants,
    windows_path,
)

APP_NAME = "advisor-desk"
APP_ID = "fr.advisordesk.AdvisorDesk"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def test_spec_names_the_bundle_after_the_command() -> None:
    constants = spec_constants()
    assert constants["APP_NAME"] == APP_NAME
    assert constants["BUNDLE_ID"] == APP_ID
    scripts = pyproject()["project"]["scripts"]  # type: ignore[index]
    assert scripts[APP_NAME] == "advisor_desk.cli:main"
    source = SPEC.read_text(encoding="utf-8")
    assert 'name=f"{APP_NAME}-cli"' in source  # the Windows console twin the README documents
    assert 'packaging" / "pyinstaller" / "entry.py"' in source


def test_spec_ships_the_data_the_desk_reads() -> None:
    source = SPEC.read_text(encoding="utf-8")
    for needle in (
        '(str(ROOT / "resources"), "resources")',
        "compiled_translations()",
        'collect_data_files("qtawesome")',
        '"*/migrations"',
        '"sqlalchemy.dialects.sqlite"',
        '"PySide6.QtCharts"',
        '"PySide6.QtPrintSupport"',
        '"PySide6.QtSvg"',
        'collect_submodules("uvicorn")',
    ):
        assert needle in source, needle
    # The migration folders the spec globs for exist: an empty glob would ship no schema at all.
    assert (ROOT / "advisor_desk" / "cache" / "migrations" / "env.py").is_file()
    assert (ROOT / "advisor_desk" / "server" / "migrations" / "env.py").is_file()


def test_inno_setup_installs_the_spec_bundle_per_machine() -> None:
    iss = read_inno()
    setup = iss.setup
    assert iss.defines["AppVersion"] == project_version()
    assert iss.defines["AppExeName"] == f"{APP_NAME}.exe"
    assert iss.defines["AppCliExeName"] == f"{APP_NAME}-cli.exe"
    assert iss.defines["AppUserModelID"] == APP_ID
    assert windows_path(ISS.parent, iss.defines["BundleDir"]) == ROOT / "dist" / APP_NAME
    assert setup["PrivilegesRequired"] == "admin"
    assert setup["DefaultDirName"].startswith("{autopf}\\")
    assert setup["UninstallDisplayIcon"] == f"{{app}}\\{APP_NAME}.exe"
    assert re.fullmatch(r"\{\{[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}\}", setup["AppId"])
    assert windows_path(ISS.parent, setup["SetupIconFile"]) == ICONS / "advisor-desk.ico"
    assert (ICONS / "advisor-desk.ico").is_file()
    assert windows_path(ISS.parent, setup["OutputDir"]).is_relative_to(ROOT / "dist")  # gitignored


def test_inno_setup_files_menu_entry_and_languages() -> None:
    iss = read_inno()
    files = iss.sections["Files"]
    assert len(files) == 1
    assert files[0]["Source"] == f"{iss.defines['BundleDir']}\\*"
    assert files[0]["DestDir"] == "{app}"
    assert {"recursesubdirs", "createallsubdirs"} <= set(files[0]["Flags"].split())
    start_menu = [i for i in iss.sections["Icons"] if i["Name"].startswith("{autoprograms}\\")]
    assert start_menu and start_menu[0]["Filename"] == f"{{app}}\\{APP_NAME}.exe"
    languages = {lang["Name"]: lang["MessagesFile"] for lang in iss.sections["Languages"]}
    assert languages == {"french": "compiler:Languages\\French.isl", "english": "compiler:Default.isl"}
    # Upgrades start from a clean library folder.
    assert {"Type": "filesandordirs", "Name": "{app}\\_internal"} in iss.sections["InstallDelete"]


def test_inno_reader_expands_defines_and_sees_a_wrong_version(tmp_path) -> None:
    broken = tmp_path / "broken.iss"
    broken.write_text(ISS.read_text(encoding="utf-8").replace('"0.1.0"', '"9.9.9"'), encoding="utf-8")
    assert read_inno(broken).defines["AppVersion"] == "9.9.9"
    assert read_inno(broken).setup["AppVersion"] == "9.9.9"
    assert read_inno(broken).defines["AppVersion"] != project_version()


def test_desktop_entry_runs_the_installed_command() -> None:
    entry = read_desktop()
    assert DESKTOP.name == f"{APP_ID}.desktop"
    assert entry["Type"] == "Application"
    assert entry["Exec"].split()[0] == APP_NAME
    assert entry["Icon"] == APP_ID
    assert "Office" in entry["Categories"].rstrip(";").split(";")
    assert entry["Categories"].endswith(";")
    for key in ("Name", "Name[fr]", "Comment", "Comment[fr]", "GenericName[fr]"):
        assert entry[key].strip(), key
    assert entry["Comment[fr]"] != entry["Comment"]
    assert entry["StartupWMClass"] == APP_NAME
    assert entry["Terminal"] == "false"
    # linux/install.sh links the command into the PATH under that very name.
    assert 'ln -sfn "$PREFIX/advisor-desk" "$DESTDIR$BINDIR/advisor-desk"' in (
        ROOT / "packaging" / "linux" / "install.sh"
    ).read_text(encoding="utf-8")


def test_appstream_metainfo_structure() -> None:
    component = ET.parse(METAINFO).getroot()
    assert component.tag == "component"
    assert component.get("type") == "desktop-application"
    assert component.findtext("id") == APP_ID
    assert component.findtext("metadata_license") in {"CC0-1.0", "FSFAP", "MIT", "CC-BY-SA-3.0"}
    assert component.findtext("project_license")
    name = component.findtext("name")
    assert name and len(name) <= 30
    summaries = {s.get(XML_LANG): (s.text or "") for s in component.findall("summary")}
    assert set(summaries) == {None, "fr"}
    for summary in summaries.values():
        assert 0 < len(summary) <= 100 and not summary.endswith(".")
    description = component.find("description")
    assert description is not None
    paragraphs = description.findall("p")
    assert {p.get(XML_LANG) for p in paragraphs} == {None, "fr"}
    assert all(child.tag in {"p", "ul", "ol"} for child in description)
    launchable = component.find("launchable")
    assert launchable is not None and launchable.get("type") == "desktop-id"
    assert launchable.text == DESKTOP.name and DESKTOP.is_file()
    icon = component.find("icon")
    assert icon is not None and icon.get("type") == "stock" and icon.text == APP_ID
    assert [c.text for c in component.iterfind("categories/category")] == ["Office"]
    assert component.findtext("provides/binary") == APP_NAME
    assert component.find("content_rating") is not None
    releases = component.findall("releases/release")
    assert releases and releases[0].get("version") == project_version()
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", releases[0].get("date") or "")


def test_metainfo_check_catches_a_missing_id(tmp_path) -> None:
    broken = tmp_path / "broken.xml"
    broken.write_text(
        METAINFO.read_text(encoding="utf-8").replace(f"<id>{APP_ID}</id>", ""), encoding="utf-8"
    )
    assert ET.parse(broken).getroot().findtext("id") is None


def test_macos_info_plist() -> None:
    info = plistlib.loads(PLIST.read_bytes())
    assert info["CFBundleIdentifier"] == APP_ID
    assert info["CFBundleName"] == info["CFBundleDisplayName"] == "Advisor Desk"
    assert info["CFBundleExecutable"] == APP_NAME
    assert info["CFBundleShortVersionString"] == info["CFBundleVersion"] == project_version()
    assert info["NSHighResolutionCapable"] is True
    assert info["CFBundleDevelopmentRegion"] == "fr"
    assert info["CFBundleLocalizations"] == ["fr", "en"]
    assert info["CFBundlePackageType"] == "APPL"
    assert info["CFBundleIconFile"] == "advisor-desk.icns"
    assert (ICONS / info["CFBundleIconFile"]).is_file()
    assert spec_constants()["APP_DISPLAY_NAME"] == info["CFBundleName"]
    assert 'macos" / "Info.plist"' in SPEC.read_text(encoding="utf-8")


@pytest.mark.parametrize("size", [16, 24, 32, 48, 64, 128, 256, 512])
def test_linux_icon_layout_for_the_desktop_entry(size: int) -> None:
    icon = ICONS / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
    assert png_size(icon.read_bytes()) == (size, size)
