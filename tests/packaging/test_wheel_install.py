"""A wheel carries resources/ and translations/, and the desk installed from it finds them.

``pip install .`` and ``python -m build`` go through the build backend in
``packaging/wheel/advisor_desk_build.py``, which copies the two top-level folders into the package as
``advisor_desk/_data``; :mod:`advisor_desk.shipped_files` finds them there. The slow test builds a
wheel from a copy of the checkout, installs it into a fresh virtual environment (no dependencies: they
come from this interpreter's site-packages through a ``.pth`` file) and runs the installed
``advisor-desk --self-check`` offscreen, away from the checkout, then asks the installed desk where
its scripts and catalogues are. Building fetches setuptools>=68 into pip's isolated build environment,
as any ``pip install .`` does.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path
from types import ModuleType

import pytest
from packaging_files import PACKAGING, ROOT, project_version, pyproject

from advisor_desk import shipped_files
from advisor_desk.shipped_files import Layout, locate

BACKEND = PACKAGING / "wheel" / "advisor_desk_build.py"
#: What the source tree holds of the desk's build (tests, .git and local artefacts stay behind).
SOURCES = ("pyproject.toml", "README.md", "advisor_desk", "resources", "translations", "packaging")
_IGNORED = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info", "build", "dist")


def _backend() -> ModuleType:
    spec = importlib.util.spec_from_file_location("advisor_desk_build_probe", BACKEND)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --- fast: the locator and the backend agree ---------------------------------------------------------


def test_pyproject_builds_with_the_in_tree_backend() -> None:
    system = pyproject()["build-system"]
    assert isinstance(system, dict)
    assert system["build-backend"] == "advisor_desk_build"
    assert system["backend-path"] == ["packaging/wheel"]
    tool = pyproject()["tool"]
    assert isinstance(tool, dict)
    assert tool["setuptools"]["cmdclass"] == {
        "build_py": "advisor_desk_build.build_py",
        "sdist": "advisor_desk_build.sdist",
    }


def test_the_backend_ships_what_the_desk_reads_where_the_locator_looks() -> None:
    backend = _backend()
    assert backend.PACKAGE_DATA == shipped_files.PACKAGE_DATA.relative_to(ROOT)
    shipped = backend.shipped_files(ROOT)
    destinations = {d.as_posix() for _s, d in shipped}
    for needed in (
        "advisor_desk/_data/resources/icons/advisor-desk.svg",
        "advisor_desk/_data/resources/scripts/fr/late_delivery.toml",
        "advisor_desk/_data/resources/scripts/en/late_delivery.toml",
        "advisor_desk/_data/translations/advisor_desk_fr.qm",
        "advisor_desk/_data/translations/advisor_desk_en.qm",
    ):
        assert needed in destinations
    # Catalogue sources and the maintainer's script stay in the checkout.
    assert not any(d.endswith((".ts", ".py")) for d in destinations)


def test_the_checkout_reads_its_own_folders() -> None:
    assert locate() == (Layout.SOURCE, ROOT)
    assert shipped_files.scripts_dir() == ROOT / "resources" / "scripts"
    assert shipped_files.translations_dir() == ROOT / "translations"


def _data(root: Path) -> Path:
    (root / "resources" / "scripts").mkdir(parents=True)
    (root / "translations").mkdir()
    return root


def test_a_bundle_then_installed_data_then_the_checkout(tmp_path: Path) -> None:
    installed = _data(tmp_path / "site" / "advisor_desk" / "_data")
    checkout = _data(tmp_path / "checkout")
    (checkout / "pyproject.toml").write_text("", encoding="utf-8")
    assert locate(bundle=str(tmp_path / "b"), package_data=installed, source_tree=checkout) == (
        Layout.BUNDLE,
        tmp_path / "b",
    )
    assert locate(package_data=installed, source_tree=checkout) == (Layout.INSTALLED, installed)
    assert locate(package_data=tmp_path / "none", source_tree=checkout) == (Layout.SOURCE, checkout)


def test_a_stray_resources_folder_in_site_packages_is_not_ours(tmp_path: Path) -> None:
    # A wheel built without the data: the package's parent is site-packages, which may hold another
    # distribution's "resources" folder. The self-check then says the data is missing.
    site = _data(tmp_path / "site-packages")
    assert locate(package_data=site / "advisor_desk" / "_data", source_tree=site) == (Layout.MISSING, site)


# --- slow: a real wheel, a real installation ---------------------------------------------------------


def _venv_program(venv: Path, name: str) -> Path:
    scripts = venv / ("Scripts" if os.name == "nt" else "bin")
    return scripts / (f"{name}.exe" if os.name == "nt" else name)


def _clean_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "ADVISOR_DESK_"))}
    env.update(extra)
    return env


@pytest.fixture(scope="module")
def installed_desk(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(wheel, virtual environment) with the wheel built from a copy of the checkout installed in it."""
    base = tmp_path_factory.mktemp("wheel")
    source = base / "source"
    source.mkdir()
    for name in SOURCES:
        path = ROOT / name
        if path.is_dir():
            shutil.copytree(path, source / name, ignore=_IGNORED)
        else:
            shutil.copy2(path, source / name)
    dist = base / "dist"
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--wheel-dir", str(dist), str(source)],
        capture_output=True,
        text=True,
        timeout=600,
        env=_clean_env(),
    )
    assert build.returncode == 0, build.stdout + build.stderr
    [wheel] = dist.glob("advisor_desk-*.whl")

    venv = base / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    python = _venv_program(venv, "python")
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
        env=_clean_env(),
    ).stdout.strip()
    # The dependencies (PySide6, SQLAlchemy...) come from this interpreter's site-packages, after the
    # venv's own: the desk itself is imported from the installed wheel (asserted below).
    ours = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    (Path(site) / "zz_test_dependencies.pth").write_text("\n".join(sorted(ours)) + "\n", encoding="utf-8")
    install = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "--no-deps",
            "--no-index",
            str(wheel),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        env=_clean_env(),
    )
    assert install.returncode == 0, install.stdout + install.stderr
    return wheel, venv


@pytest.mark.slow
def test_the_wheel_holds_resources_and_translations(installed_desk: tuple[Path, Path]) -> None:
    wheel, _venv = installed_desk
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    expected = {
        "advisor_desk/_data/resources/icons/advisor-desk.svg",
        "advisor_desk/_data/translations/advisor_desk_fr.qm",
        "advisor_desk/_data/translations/advisor_desk_en.qm",
    }
    for script in (ROOT / "resources" / "scripts").rglob("*.toml"):
        expected.add(f"advisor_desk/_data/{script.relative_to(ROOT).as_posix()}")
    assert expected <= names
    # The top level of site-packages is left alone: everything is inside the package.
    assert {n.split("/")[0] for n in names} == {"advisor_desk", f"advisor_desk-{project_version()}.dist-info"}


@pytest.mark.slow
def test_the_installed_desk_passes_its_self_check(installed_desk: tuple[Path, Path], tmp_path: Path) -> None:
    _wheel, venv = installed_desk
    result = subprocess.run(
        [str(_venv_program(venv, "advisor-desk")), "--self-check"],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tmp_path,  # away from the checkout, so nothing can be read from it by accident
        env=_clean_env(QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path)),
    )
    report = result.stdout + result.stderr
    assert result.returncode == 0, report
    assert "installed package data at" in report and str(venv) in report
    assert "advisor_desk_fr.qm" in report and "advisor_desk_en.qm" in report
    assert "ok    application icon" in report
    assert report.rstrip().endswith("self-check passed (8 items)")


@pytest.mark.slow
def test_the_installed_desk_finds_its_scripts_and_catalogues(
    installed_desk: tuple[Path, Path], tmp_path: Path
) -> None:
    _wheel, venv = installed_desk
    probe = (
        "import advisor_desk.ui\n"
        "from pathlib import Path\n"
        "import advisor_desk\n"
        "from advisor_desk.ui.composer.data import scripts_directory, shipped_library\n"
        "from advisor_desk.ui.i18n import translations_dir\n"
        "from advisor_desk.ui.desk import app_icon_path\n"
        "print(Path(advisor_desk.__file__).resolve().parent)\n"
        "print(scripts_directory())\n"
        "print(len(shipped_library().scripts))\n"
        "print(sorted(p.name for p in translations_dir().glob('*.qm')))\n"
        "print(app_icon_path().is_file())\n"
    )
    result = subprocess.run(
        [str(_venv_program(venv, "python")), "-c", probe],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
        env=_clean_env(QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path)),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    package, scripts, count, catalogues, icon = result.stdout.strip().splitlines()
    assert Path(package).is_relative_to(venv.resolve()), "the desk was imported from the installed wheel"
    assert Path(scripts) == Path(package) / "_data" / "resources" / "scripts"
    assert int(count) == len(list((ROOT / "resources" / "scripts").rglob("*.toml")))
    assert catalogues == "['advisor_desk_en.qm', 'advisor_desk_fr.qm']"
    assert icon == "True"
