"""Refresh the translation catalogues from the code, then compile them.

    python translations/update.py            # lupdate (.py -> .ts) then lrelease (.ts -> .qm)
    python translations/update.py --release  # lrelease only

``pyside6-lupdate`` reads every ``.py`` under ``advisor_desk/ui`` and ``advisor_desk/app.py`` and
updates ``advisor_desk_fr.ts`` and ``advisor_desk_en.ts`` (keeping what was translated, dropping what
vanished); then the translations a feature folder keeps in its own catalogue
(``advisor_desk/ui/<feature>/<feature>_<lang>.ts``, written by the helper who owns that folder) fill
the entries still unfinished here; ``pyside6-lrelease`` compiles the result to ``.qm``, which the desk
loads at start. New strings arrive unfinished: translate them (Qt Linguist: ``pyside6-linguist
translations/advisor_desk_fr.ts``, or the feature's catalogue) before committing; the test suite fails
while an entry is missing or unfinished.
"""

from __future__ import annotations

import copy
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
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


def feature_catalogues(language: str, root: Path = ROOT) -> list[Path]:
    return sorted((root / "advisor_desk" / "ui").glob(f"*/*_{language}.ts"))


def _finished(message: ET.Element) -> ET.Element | None:
    translation = message.find("translation")
    if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete"):
        return None
    forms = [f.text for f in translation.findall("numerusform")] or [translation.text]
    return translation if all(forms) else None


def merge_features(ts_file: Path, language: str, root: Path = ROOT) -> int:
    """Copy finished translations of feature catalogues into entries still unfinished in ``ts_file``."""
    known: dict[tuple[str, str], ET.Element] = {}
    for catalogue in feature_catalogues(language, root):
        for context in ET.parse(catalogue).getroot().findall("context"):
            name = context.findtext("name") or ""
            for message in context.findall("message"):
                done = _finished(message)
                if done is not None:
                    known[(name, message.findtext("source") or "")] = done
    if not known:
        return 0
    tree = ET.parse(ts_file)
    merged = 0
    for context in tree.getroot().findall("context"):
        name = context.findtext("name") or ""
        for message in context.findall("message"):
            donor = known.get((name, message.findtext("source") or ""))
            if donor is None or _finished(message) is not None:
                continue
            old = message.find("translation")
            if old is not None:
                message.remove(old)
            message.append(copy.deepcopy(donor))
            merged += 1
    if merged:
        with open(ts_file, "wb") as out:
            out.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
            tree.write(out, encoding="utf-8", xml_declaration=False)
    return merged


def fill_english(ts_file: Path) -> int:
    """English is the source language: an unfinished English entry is its source text ("%n case(s)"
    becomes "%n case" / "%n cases")."""
    tree = ET.parse(ts_file)
    filled = 0
    for message in tree.getroot().iter("message"):
        if _finished(message) is not None:
            continue
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        for child in list(translation):
            translation.remove(child)
        translation.attrib.pop("type", None)
        if message.get("numerus") == "yes":
            translation.text = None
            for form in (re.sub(r"\((\w+)\)", "", source), re.sub(r"\((\w+)\)", r"\1", source)):
                ET.SubElement(translation, "numerusform").text = form
        else:
            translation.text = source
        filled += 1
    if filled:
        with open(ts_file, "wb") as out:
            out.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
            tree.write(out, encoding="utf-8", xml_declaration=False)
    return filled


def lrelease(ts_file: Path, qm_file: Path) -> None:
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts_file), "-qm", str(qm_file)], check=True)


def main(argv: list[str]) -> int:
    for language in LANGUAGES:
        ts_file = HERE / f"advisor_desk_{language}.ts"
        if "--release" not in argv:
            lupdate(ts_file, language)
            changed = merge_features(ts_file, language)
            if language == "en":
                changed += fill_english(ts_file)
            if changed:
                lupdate(ts_file, language)  # lupdate's own layout again, for small diffs
        lrelease(ts_file, HERE / f"advisor_desk_{language}.qm")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
