"""Where the files shipped with the desk are: ``resources/`` (reply scripts, icons) and ``translations/``.

One answer for every way the desk is installed, looked for in this order:

1. a PyInstaller bundle: its data folder (``sys._MEIPASS``), where the spec puts both folders;
2. an installed wheel (``pip install .``): ``advisor_desk/_data/`` inside the package, where the build
   backend (``packaging/wheel/advisor_desk_build.py``) copies them;
3. a source checkout or an editable install: the repository's top level, beside ``advisor_desk/``.

When none has them the source-tree place is answered, so whatever then fails to load names a path
(``advisor-desk --self-check`` reports it). Pure Python, no Qt: the cache, the sync and the UI may use it.
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
#: Where a wheel installs the folders (must match the build backend's ``PACKAGE_DATA``).
PACKAGE_DATA = PACKAGE / "_data"
#: A source checkout: the repository's top level.
SOURCE_TREE = PACKAGE.parent


class Layout(StrEnum):
    """How the running desk was installed, as far as its data files go."""

    BUNDLE = "frozen bundle"
    INSTALLED = "installed package data"
    SOURCE = "source"
    MISSING = "missing"


def _holds_data(root: Path) -> bool:
    return (root / "resources").is_dir() and (root / "translations").is_dir()


def locate(
    *, bundle: str | None = None, package_data: Path = PACKAGE_DATA, source_tree: Path = SOURCE_TREE
) -> tuple[Layout, Path]:
    """How the desk was installed and the folder holding ``resources/`` and ``translations/``.

    The keywords stand for ``sys._MEIPASS`` and the two folders of this installation (tests point
    them elsewhere).
    """
    if bundle is None:
        bundle = getattr(sys, "_MEIPASS", None)
    if bundle is not None:
        return Layout.BUNDLE, Path(bundle)
    if _holds_data(package_data):
        return Layout.INSTALLED, package_data
    # Only our own checkout: an installed package's parent is site-packages, where another
    # distribution may have dropped a folder called "resources".
    if _holds_data(source_tree) and (source_tree / "pyproject.toml").is_file():
        return Layout.SOURCE, source_tree
    return Layout.MISSING, source_tree


def data_root() -> Path:
    """The folder holding ``resources/`` and ``translations/``."""
    return locate()[1]


def resources_dir() -> Path:
    return data_root() / "resources"


def translations_dir() -> Path:
    """Where the compiled ``advisor_desk_<language>.qm`` catalogues are."""
    return data_root() / "translations"


def scripts_dir() -> Path:
    """The shipped reply scripts (``resources/scripts/<language>/<category>.toml``)."""
    return resources_dir() / "scripts"
