"""Build backend of the wheel: setuptools, plus the desk's data folders carried inside the package.

``resources/`` (reply scripts, icons) and ``translations/`` (Qt catalogues) sit at the repository's top
level, where the PyInstaller spec, translators and the tests expect them. A wheel installs packages
only, so a plain setuptools wheel left them out and an installed desk had no scripts, no application
icon and no French. Building copies them into the package, as ``advisor_desk/_data/resources/`` and
``advisor_desk/_data/translations/`` (the compiled ``.qm`` catalogues only, what the desk loads);
:mod:`advisor_desk.shipped_files` looks there, after a PyInstaller bundle and before the source tree.
The source distribution carries the folders (and this file) so a wheel built from it has them too.

``pyproject.toml`` names this module as the build backend (``backend-path = ["packaging/wheel"]``) and
its two commands in ``[tool.setuptools.cmdclass]``; every other hook is setuptools' own. An editable
install copies nothing: the desk then reads the folders in the checkout.
"""

from __future__ import annotations

import os
from pathlib import Path

from setuptools import build_meta as _setuptools_backend
from setuptools.command.build_py import build_py as _build_py
from setuptools.command.sdist import sdist as _sdist

# The PEP 517 hooks, unchanged: this module only adds the commands below.
build_wheel = _setuptools_backend.build_wheel
build_sdist = _setuptools_backend.build_sdist
build_editable = _setuptools_backend.build_editable
get_requires_for_build_wheel = _setuptools_backend.get_requires_for_build_wheel
get_requires_for_build_sdist = _setuptools_backend.get_requires_for_build_sdist
get_requires_for_build_editable = _setuptools_backend.get_requires_for_build_editable
prepare_metadata_for_build_wheel = _setuptools_backend.prepare_metadata_for_build_wheel
prepare_metadata_for_build_editable = _setuptools_backend.prepare_metadata_for_build_editable

#: Where the folders go inside the package (``advisor_desk.shipped_files.PACKAGE_DATA`` reads it).
PACKAGE_DATA = Path("advisor_desk") / "_data"
#: Top-level folder -> the files of it that are shipped (patterns relative to the folder).
SHIPPED: dict[str, tuple[str, ...]] = {
    "resources": ("**/*",),
    "translations": ("*.qm",),
}
#: What the source distribution adds besides the package: the folders whole, and this backend.
SDIST_EXTRA: tuple[tuple[str, str], ...] = (
    ("resources", "**/*"),
    ("translations", "*"),
    ("packaging/wheel", "*.py"),
)
_SKIPPED_PARTS = {"__pycache__", ".DS_Store"}


def _files(root: Path, folder: str, pattern: str) -> list[Path]:
    """Files under ``root/folder`` matching ``pattern``, relative to ``root``, in a stable order."""
    base = root / folder
    if not base.is_dir():
        raise FileNotFoundError(f"{base} is missing: the desk's {folder}/ folder must be built with it")
    return sorted(
        path.relative_to(root)
        for path in base.glob(pattern)
        if path.is_file() and not _SKIPPED_PARTS.intersection(path.parts)
    )


def shipped_files(root: Path) -> list[tuple[Path, Path]]:
    """``(source, destination)`` pairs, relative to ``root`` and to the build folder respectively."""
    pairs: list[tuple[Path, Path]] = []
    for folder, patterns in SHIPPED.items():
        for pattern in patterns:
            pairs += [(source, PACKAGE_DATA / source) for source in _files(root, folder, pattern)]
    return pairs


class build_py(_build_py):
    """setuptools' ``build_py``, then the data folders copied into ``advisor_desk/_data``."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return  # an editable install reads the checkout's folders where they are
        root = Path.cwd()
        for source, destination in shipped_files(root):
            target = Path(self.build_lib) / destination
            self.mkpath(str(target.parent))
            self.copy_file(str(root / source), str(target), preserve_mode=False)

    def get_outputs(self, include_bytecode: bool = True) -> list[str]:
        outputs = list(super().get_outputs(include_bytecode))
        if not getattr(self, "editable_mode", False):
            outputs += [os.path.join(self.build_lib, d) for _, d in shipped_files(Path.cwd())]
        return outputs


class sdist(_sdist):
    """setuptools' ``sdist``, plus the data folders and this backend (a wheel is built from it)."""

    def make_distribution(self) -> None:
        # setuptools lists the sdist's files in egg_info's manifest, which no sdist subclass sees:
        # the extra files are added to that list just before the archive is made.
        root = Path.cwd()
        listed = set(self.filelist.files)
        for folder, pattern in SDIST_EXTRA:
            for path in _files(root, folder, pattern):
                name = path.as_posix()
                if name not in listed:
                    self.filelist.append(name)
                    listed.add(name)
        super().make_distribution()
