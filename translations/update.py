"""Refresh the translation catalogues from the code, then compile them.

    python translations/update.py            # lupdate (.py -> .ts) then lrelease (.ts -> .qm)
    python translations/update.py --release  # lrelease only

``pyside6-lupdate`` reads every ``.py`` under ``advisor_desk/ui`` and ``advisor_desk/app.py`` and
updates ``advisor_desk_fr.ts`` and ``advisor_desk_en.ts`` (keeping what was translated, dropping what
vanished); ``pyside6-lrelease`` compiles them to ``.qm``, which the desk loads at start. New strings
arrive unfinished: translate them (Qt Linguist: ``pyside6-linguist translations/advisor_desk_fr.ts``)
before committing; the test suite fails while an entry is missing or unfinished.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
LANGUAGES = ("fr", "en")


def tool(name: str) -> str:
    """The PySide6 tool beside this Python (a venv's bin/), else on the PATH."""
    beside = Path(sys.executable).with_name(name)
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6 in this environment")
    return found


def sources(root: Path = ROOT) -> list[str]:
    files = sorted((root / "advisor_desk" / "ui").rglob("*.py")) + [root / "advisor_desk" / "app.py"]
    return [str(p.relative_to(root)) for p in files]


def lupdate(ts_file: Path, language: str, root: Path = ROOT) -> None:
    subprocess.run(
        [
            tool("pyside6-lupdate"),
            *sources(root),
            "-source-language",
            "en_GB",
            "-target-language",
            "fr_FR" if language == "fr" else "en_GB",
            "-no-obsolete",
            "-locations",
            "none",
            "-silent",
            "-ts",
            str(ts_file),
        ],
        cwd=root,
        check=True,
    )


def lrelease(ts_file: Path, qm_file: Path) -> None:
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts_file), "-qm", str(qm_file)], check=True)


def main(argv: list[str]) -> int:
    for language in LANGUAGES:
        ts_file = HERE / f"advisor_desk_{language}.ts"
        if "--release" not in argv:
            lupdate(ts_file, language)
        lrelease(ts_file, HERE / f"advisor_desk_{language}.qm")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
