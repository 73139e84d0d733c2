"""The Linux bundle, built from this checkout with the README's command and started for real.

Builds ``advisor-desk`` with ``packaging/build_linux.sh`` into a temporary folder (about a minute on two
cores), then, from a folder outside the checkout so nothing can be read from the source tree:

- ``advisor-desk --self-check`` offscreen: Qt and its plugins, translations, icons, SQLite and the cache;
- the embedded server the way ``--demo`` runs it (``advisor-desk -m advisor_desk.server.cli``): init-db,
  seed --demo, serve, then a demo login over HTTP;
- a damaged copy of the bundle (the SVG icon engine removed) fails its self-check, naming the plugin.

Prints the build time and the bundle's size.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from packaging_files import PACKAGING, ROOT

pytestmark = pytest.mark.slow


def _size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory, pytestconfig: pytest.Config) -> Path:
    base = tmp_path_factory.mktemp("bundle")
    start = time.monotonic()
    result = subprocess.run(
        [
            "bash",
            str(PACKAGING / "build_linux.sh"),
            "--dist",
            str(base / "dist"),
            "--work",
            str(base / "build"),
        ],
        env={**os.environ, "PYTHON": sys.executable},
        capture_output=True,
        text=True,
        timeout=900,
    )
    seconds = time.monotonic() - start
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-5000:]
    folder = base / "dist" / "advisor-desk"
    message = (
        f"bundle built in {seconds:.0f} s on {os.cpu_count()} cores: {_size(folder) / 2**20:.0f} MiB, "
        f"{sum(1 for p in folder.rglob('*') if p.is_file())} files ({folder})"
    )
    # Shown even when output is captured: CI's log is where the size is followed over time.
    capture = pytestconfig.pluginmanager.getplugin("capturemanager")
    with capture.global_and_fixture_disabled():
        print(f"\n{message}")
    return folder


def _desk(bundle: Path, *args: str, cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env["QT_QPA_PLATFORM"] = "offscreen"
    return subprocess.run(
        [str(bundle / "advisor-desk"), *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def test_bundle_passes_its_self_check(bundle: Path, tmp_path: Path) -> None:
    result = _desk(bundle, "--self-check", cwd=tmp_path)
    print(result.stdout)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"frozen bundle at {bundle / '_internal'}" in result.stdout
    assert "self-check passed" in result.stdout
    assert "migrations head" in result.stdout
    # Every catalogue of the checkout was compiled into the bundle and loaded by the check.
    catalogues = sorted(p.stem for p in (ROOT / "translations").glob("advisor_desk_*.ts"))
    assert catalogues, "the checkout has translation sources"
    for name in catalogues:
        assert (bundle / "_internal" / "translations" / f"{name}.qm").is_file()
        assert f"{name}.qm" in result.stdout


def test_bundle_ships_the_data_files(bundle: Path) -> None:
    data = bundle / "_internal"
    for path in (
        "resources/icons/advisor-desk.svg",
        "advisor_desk/cache/migrations/env.py",
        "advisor_desk/server/migrations/env.py",
        "PySide6/Qt/translations/qtbase_fr.qm",
        "PySide6/Qt/plugins/platforms/libqxcb.so",
    ):
        assert (data / path).is_file(), path
    assert list((data / "qtawesome" / "fonts").glob("fontawesome6-solid-webfont-*.ttf"))
    assert not (data / "PyQt5").exists() and not (data / "tkinter").exists()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_bundle_runs_the_embedded_demo_server(bundle: Path, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'demo.sqlite3'}"
    server = ("-m", "advisor_desk.server.cli")
    for step in (("init-db",), ("seed", "--demo")):
        result = _desk(bundle, *server, *step, "--database-url", url, cwd=tmp_path)
        assert result.returncode == 0, result.stdout + result.stderr
    port = _free_port()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    log = tmp_path / "serve.log"
    with log.open("w") as sink:
        process = subprocess.Popen(
            [str(bundle / "advisor-desk"), *server, "serve", "--port", str(port), "--database-url", url],
            cwd=tmp_path,
            env=env,
            stdout=sink,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + 60
        while True:
            assert process.poll() is None, log.read_text()
            assert time.monotonic() < deadline, log.read_text()
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2) as response:
                    assert json.loads(response.read()) == {"status": "ok", "database": "ok"}
                break
            except OSError:
                time.sleep(0.2)
        login = urllib.request.Request(
            f"http://127.0.0.1:{port}/api/v1/auth/token",
            data=json.dumps({"username": "advisor", "password": "demo"}).encode(),
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(login, timeout=30) as response:
            answer = json.loads(response.read())
        assert answer["user"]["username"] == "advisor" and answer["access_token"]
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_bundle_refuses_other_modules(bundle: Path, tmp_path: Path) -> None:
    result = _desk(bundle, "-m", "os", cwd=tmp_path)
    assert result.returncode == 2
    assert "-m runs only advisor_desk.server.cli" in result.stderr


def test_a_damaged_bundle_fails_its_self_check(bundle: Path, tmp_path: Path) -> None:
    damaged = tmp_path / "advisor-desk"
    shutil.copytree(bundle, damaged, symlinks=True)
    (damaged / "_internal" / "PySide6" / "Qt" / "plugins" / "iconengines" / "libqsvgicon.so").unlink()
    result = _desk(damaged, "--self-check", cwd=tmp_path)
    assert result.returncode == 1, result.stdout
    assert "FAIL  qt plugins: Qt iconengines plugin(s) missing: svgicon" in result.stdout
    assert "self-check FAILED" in result.stdout
