"""One command for every check: lint (ruff), types (mypy, strict on the domain), then the tests.

python tests/check.py [pytest arguments...]
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run(*cmd: str) -> int:
    print("$", " ".join(cmd), flush=True)
    return subprocess.call(cmd, cwd=ROOT)


def main() -> int:
    py = sys.executable
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    for step in (
        (py, "-m", "ruff", "check", "advisor_desk", "tests"),
        (py, "-m", "mypy", "advisor_desk/domain"),
    ):
        if run(*step) != 0:
            return 1
    return run(py, "-m", "pytest", *sys.argv[1:])


if __name__ == "__main__":
    raise SystemExit(main())
