"""``advisor-desk --self-check``: proves an installation has what the desk needs at run time.

Meant for the packaged application first (a PyInstaller bundle misses a plugin, a font or a data file
silently until a user opens the screen that needs it) and for an IT department checking a deployment:

    advisor-desk --self-check        (prints a short report; exit 0 when everything is there, 1 otherwise)

It starts Qt offscreen (unless QT_QPA_PLATFORM says otherwise), loads Qt's French ``qtbase`` catalogue
and every compiled ``advisor_desk_*.qm``, renders qtawesome icons and the application icon, opens an
in-memory SQLite database through SQLAlchemy and imports the cache layer (checking its Alembic
migrations when they are shipped), and lists the Qt plugins present. Each item reports what it found;
a failing item names what is missing.

``resource_root()`` is where ``resources/`` and ``translations/`` live, in a PyInstaller bundle
(``sys._MEIPASS``), an installed wheel (``advisor_desk/_data``) or a source checkout; it asks
:mod:`advisor_desk.shipped_files`, as the rest of the desk does.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from advisor_desk import shipped_files

#: Icons every desk screen relies on (channel glyphs from two qtawesome fonts, solid and brands).
DEFAULT_ICON_NAMES: tuple[str, ...] = (
    "fa6s.phone",
    "fa6s.envelope",
    "fa6s.comments",
    "fa6s.store",
    "fa6s.headset",
    "fa6b.x-twitter",
    "fa6b.facebook",
)
APPLICATION_ICON = Path("resources") / "icons" / "advisor-desk.svg"
TRANSLATIONS = Path("translations")


def is_frozen() -> bool:
    """True inside a PyInstaller bundle."""
    return hasattr(sys, "_MEIPASS")


def resource_root() -> Path:
    """The folder holding ``resources/`` and ``translations/``.

    In a bundle that is PyInstaller's data folder (``sys._MEIPASS``: ``_internal`` beside the
    executable; ``Contents/Frameworks`` in a macOS ``.app``, where PyInstaller links the data files
    kept in ``Contents/Resources``); in an installed wheel ``advisor_desk/_data``; from source the
    repository root.
    """
    return shipped_files.data_root()


class SelfCheckFailure(Exception):
    """One item of the self-check is missing or broken; the message says what."""


@dataclass(frozen=True)
class CheckResult:
    name: str
    ok: bool
    detail: str


def _qt_application() -> object:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        argv = ["advisor-desk"]
        if "QT_QPA_PLATFORM" not in os.environ:
            # The check needs no screen; offscreen also works on a server or over SSH.
            argv += ["-platform", "offscreen"]
        app = QApplication(argv)
    return app


def _check_qt() -> str:
    import PySide6
    from PySide6.QtCore import qVersion
    from PySide6.QtGui import QGuiApplication

    return f"PySide6 {PySide6.__version__}, Qt {qVersion()}, platform {QGuiApplication.platformName()}"


def _check_translations(root: Path) -> str:
    from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qtbase = QTranslator(QCoreApplication.instance())
    if not qtbase.load(QLocale(QLocale.Language.French), "qtbase", "_", qt_dir):
        raise SelfCheckFailure(f"Qt's qtbase_fr catalogue does not load from {qt_dir}")
    # A catalogue can load yet be empty or wrong: ask it for a string Qt's own dialogs show.
    cancel = qtbase.translate("QPlatformTheme", "Cancel")
    if cancel != "Annuler":
        raise SelfCheckFailure(f"qtbase_fr translates 'Cancel' as {cancel!r}, expected 'Annuler'")
    parts = [f"qtbase_fr ({Path(qtbase.filePath()).parent})"]

    folder = root / TRANSLATIONS
    catalogues = sorted(folder.glob("advisor_desk_*.qm")) if folder.is_dir() else []
    for path in catalogues:
        translator = QTranslator(QCoreApplication.instance())
        if not translator.load(str(path)) or translator.isEmpty():
            raise SelfCheckFailure(f"{path} does not load as a Qt catalogue")
        parts.append(path.name)
    if not catalogues:
        parts.append(f"no advisor_desk_*.qm in {folder} yet")
    return ", ".join(parts)


def _has_visible_pixels(image: object) -> bool:
    from PySide6.QtGui import QImage

    assert isinstance(image, QImage)
    argb = image.convertToFormat(QImage.Format.Format_ARGB32)
    return any(argb.pixelColor(x, y).alpha() > 0 for y in range(argb.height()) for x in range(argb.width()))


def _check_icons(names: Sequence[str]) -> str:
    import qtawesome

    for name in names:
        try:
            icon = qtawesome.icon(name)
        except Exception as error:  # qtawesome raises a bare Exception for an unknown name
            raise SelfCheckFailure(f"qtawesome icon {name!r}: {error}") from error
        image = icon.pixmap(32, 32).toImage()
        if image.isNull() or not _has_visible_pixels(image):
            raise SelfCheckFailure(f"qtawesome icon {name!r} renders blank (font not loaded?)")
    return f"{len(names)} qtawesome icons rendered ({qtawesome.__version__})"


def _check_application_icon(root: Path) -> str:
    from PySide6.QtGui import QIcon, QImageReader

    formats = {bytes(f.data()).decode() for f in QImageReader.supportedImageFormats()}
    if "svg" not in formats:
        raise SelfCheckFailure("the SVG image format plugin is missing")
    path = root / APPLICATION_ICON
    if not path.is_file():
        raise SelfCheckFailure(f"{path} is missing")
    image = QIcon(str(path)).pixmap(64, 64).toImage()
    if image.isNull() or image.pixelColor(32, 32).alpha() == 0:
        raise SelfCheckFailure(f"{path} renders blank (SVG icon engine missing?)")
    return f"{path.name} rendered at 64 px"


def _check_cache() -> str:
    from sqlalchemy import create_engine, text

    engine = create_engine("sqlite://")
    try:
        with engine.begin() as connection:
            version = connection.execute(text("select sqlite_version()")).scalar_one()
            # The cache stores wire payloads as JSON: the SQLite build must have the JSON functions.
            connection.execute(text("create table probe (id integer primary key, body text)"))
            connection.execute(text("""insert into probe (body) values ('{"channel": "phone"}')"""))
            channel = connection.execute(
                text("select json_extract(body, '$.channel') from probe")
            ).scalar_one()
    finally:
        engine.dispose()
    if channel != "phone":
        raise SelfCheckFailure(f"SQLite JSON functions answered {channel!r}")
    cache = importlib.import_module("advisor_desk.cache")
    detail = f"SQLite {version} in memory, advisor_desk.cache imported"
    if cache.__file__ is None:
        raise SelfCheckFailure("advisor_desk.cache has no location to ship migrations from")
    migrations = Path(cache.__file__).parent / "migrations"
    if (migrations / "env.py").is_file():
        from alembic.script import ScriptDirectory

        heads = ScriptDirectory(str(migrations)).get_heads()
        if not heads:
            raise SelfCheckFailure(f"{migrations} holds no Alembic revision")
        detail += f", migrations head {', '.join(heads)}"
    return detail


def _required_platform_plugin() -> str:
    if sys.platform.startswith("win"):
        return "windows"
    if sys.platform == "darwin":
        return "cocoa"
    return "xcb"


def _check_plugins() -> str:
    from PySide6.QtCore import QCoreApplication

    found: dict[str, set[str]] = {}
    for base in QCoreApplication.libraryPaths():
        for kind in ("platforms", "imageformats", "iconengines", "printsupport"):
            folder = Path(base) / kind
            if folder.is_dir():
                found.setdefault(kind, set()).update(_plugin_name(p) for p in folder.iterdir() if p.is_file())
    required = {
        "platforms": {"offscreen", _required_platform_plugin()},
        "imageformats": {"svg"},
        "iconengines": {"svgicon"},
    }
    if sys.platform.startswith("linux"):
        # Windows and macOS print through QtPrintSupport itself; Linux needs the CUPS plugin.
        required["printsupport"] = {"cupsprintersupport"}
    for kind, names in required.items():
        missing = names - found.get(kind, set())
        if missing:
            raise SelfCheckFailure(f"Qt {kind} plugin(s) missing: {', '.join(sorted(missing))}")
    return "; ".join(f"{kind}: {' '.join(sorted(names))}" for kind, names in sorted(found.items()))


def _plugin_name(path: Path) -> str:
    # libqxcb.so, qwindows.dll, libqcocoa.dylib, qsvgd.dll (debug) -> xcb, windows, cocoa, svg
    stem = path.name.split(".")[0]
    stem = stem.removeprefix("lib")
    return stem.removeprefix("q")


def _check_qt_modules() -> str:
    from PySide6.QtCharts import QChart
    from PySide6.QtCore import QByteArray
    from PySide6.QtPrintSupport import QPageSetupDialog  # noqa: F401  (the module must load)
    from PySide6.QtSvg import QSvgRenderer

    chart = QChart()
    chart.setTitle("self-check")
    svg = QSvgRenderer(QByteArray(b'<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"/>'))
    if not svg.isValid():
        raise SelfCheckFailure("QtSvg cannot parse a minimal SVG document")
    return "QtCharts, QtPrintSupport, QtSvg loaded"


def _check_launcher() -> str:
    import advisor_desk
    from advisor_desk import cli

    if not callable(getattr(cli, "main", None)):
        raise SelfCheckFailure("advisor_desk.cli.main is missing")
    layout, root = shipped_files.locate()
    if layout is shipped_files.Layout.MISSING:
        raise SelfCheckFailure(
            f"resources/ and translations/ are missing (looked in {root} and beside the package)"
        )
    return f"advisor-desk {advisor_desk.__version__}, {layout.value} at {root}"


def run_self_check(
    *, root: Path | None = None, icon_names: Sequence[str] = DEFAULT_ICON_NAMES, out: TextIO | None = None
) -> int:
    """Run every check, print one line each, return 0 if all passed and 1 otherwise.

    ``root`` replaces ``resource_root()`` and ``icon_names`` the icons to render: both let tests point
    the check at a broken installation.
    """
    stream = out if out is not None else sys.stdout
    base = resource_root() if root is None else root
    try:
        _qt_application()
    except Exception as error:
        print(f"FAIL  qt: cannot start a QApplication: {error}", file=stream)
        return 1
    checks: list[tuple[str, Callable[[], str]]] = [
        ("application", _check_launcher),
        ("qt", _check_qt),
        ("qt plugins", _check_plugins),
        ("qt modules", _check_qt_modules),
        ("translations", lambda: _check_translations(base)),
        ("icons", lambda: _check_icons(icon_names)),
        ("application icon", lambda: _check_application_icon(base)),
        ("cache", _check_cache),
    ]
    results: list[CheckResult] = []
    for name, check in checks:
        try:
            results.append(CheckResult(name, True, check()))
        except Exception as error:  # every failure is reported, whatever raised it
            detail = str(error) if isinstance(error, SelfCheckFailure) else f"{type(error).__name__}: {error}"
            results.append(CheckResult(name, False, detail))
    print("Advisor Desk self-check", file=stream)
    for result in results:
        status = "ok  " if result.ok else "FAIL"
        print(f"  {status}  {result.name}: {result.detail}", file=stream)
    failed = [r.name for r in results if not r.ok]
    if failed:
        print(f"self-check FAILED: {', '.join(failed)}", file=stream)
        return 1
    print(f"self-check passed ({len(results)} items)", file=stream)
    return 0
