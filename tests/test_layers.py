"""The architecture's import directions, enforced on every run (an AST walk, like check_layers.py)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
QT = ("PySide6", "shiboken6", "qtawesome", "PyQt5", "PyQt6")
IO_LIBS = (
    "sqlalchemy",
    "requests",
    "httpx",
    "urllib3",
    "fastapi",
    "alembic",
    "keyring",
    "uvicorn",
    "pydantic",
)
LAUNCHERS = {"__main__.py", "cli.py", "app.py", "__init__.py"}


def _imports(path: Path, root: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    rel = path.relative_to(root)
    package = list(rel.with_suffix("").parts[:-1])
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                found.append((node.lineno, ".".join(base + ([node.module] if node.module else []))))
            else:
                found.append((node.lineno, node.module or ""))
    return found


def _violations(root: Path = ROOT) -> list[str]:
    problems: list[str] = []
    for path in sorted((root / "advisor_desk").rglob("*.py")):
        rel = path.relative_to(root)
        layer = rel.parts[1] if len(rel.parts) > 2 else None
        for line, name in _imports(path, root):
            top = name.split(".")[0]
            where = f"{rel}:{line} imports {name}"
            if layer == "domain":
                if top in QT or top in IO_LIBS:
                    problems.append(f"{where}: the domain stays pure")
                if name.startswith("advisor_desk.") and not name.startswith("advisor_desk.domain"):
                    problems.append(f"{where}: the domain imports only the domain")
            if top in QT and layer != "ui":
                problems.append(f"{where}: only advisor_desk/ui imports Qt")
            if layer in ("cache", "sync") and top in QT:
                problems.append(f"{where}: cache and sync run without Qt")
            if layer == "server" and any(
                name.startswith(f"advisor_desk.{p}") for p in ("ui", "cache", "sync")
            ):
                problems.append(f"{where}: the server never imports the desktop side")
            if layer not in ("server", None) and name.startswith("advisor_desk.server"):
                problems.append(f"{where}: the desktop side never imports the server")
            if layer is None and rel.name not in LAUNCHERS and name.startswith("advisor_desk.server"):
                problems.append(f"{where}: only the launcher may start the server")
    return problems


def test_import_directions_hold() -> None:
    assert _violations() == []


@pytest.mark.parametrize(
    ("rel", "source", "expected"),
    [
        ("advisor_desk/domain/x.py", "import PySide6.QtCore\n", "the domain stays pure"),
        ("advisor_desk/domain/x.py", "from advisor_desk.cache import store\n", "imports only the domain"),
        ("advisor_desk/cache/x.py", "from PySide6 import QtCore\n", "only advisor_desk/ui imports Qt"),
        ("advisor_desk/server/x.py", "from ..sync import engine\n", "never imports the desktop side"),
        ("advisor_desk/ui/x.py", "import advisor_desk.server.app\n", "desktop side never imports the server"),
    ],
)
def test_checker_catches_crossings(tmp_path: Path, rel: str, source: str, expected: str) -> None:
    """The rule must fail loudly: plant a crossing in a scratch tree and see it reported."""
    target = tmp_path / rel
    target.parent.mkdir(parents=True)
    target.write_text(source, encoding="utf-8")
    problems = _violations(tmp_path)
    assert any(expected in p for p in problems), problems
