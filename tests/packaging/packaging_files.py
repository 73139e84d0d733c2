"""Readers of the packaging files, shared by the packaging tests (names, versions, paths they declare)."""

from __future__ import annotations

import ast
import configparser
import re
import struct
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
SPEC = PACKAGING / "pyinstaller" / "advisor_desk.spec"
ISS = PACKAGING / "windows" / "advisor_desk.iss"
PLIST = PACKAGING / "macos" / "Info.plist"
DESKTOP = PACKAGING / "linux" / "fr.advisordesk.AdvisorDesk.desktop"
METAINFO = PACKAGING / "linux" / "fr.advisordesk.AdvisorDesk.metainfo.xml"
UNIT = PACKAGING / "server" / "advisor-desk-server.service"
ENV_EXAMPLE = PACKAGING / "server" / "server.env.example"
NGINX = PACKAGING / "server" / "nginx.conf"
ICONS = ROOT / "resources" / "icons"


def pyproject() -> dict[str, object]:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def project_version() -> str:
    project = pyproject()["project"]
    assert isinstance(project, dict)
    return str(project["version"])


def spec_constants(path: Path = SPEC) -> dict[str, str]:
    """Module-level ``NAME = "string"`` assignments of the PyInstaller spec (it is Python source)."""
    found: dict[str, str] = {}
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if (
            isinstance(node, ast.Assign)
            and len(node.targets) == 1
            and isinstance(node.targets[0], ast.Name)
            and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)
        ):
            found[node.targets[0].id] = node.value.value
    return found


@dataclass
class InnoScript:
    """What an Inno Setup script declares: ``#define``s (expanded) and its sections' lines."""

    defines: dict[str, str] = field(default_factory=dict)
    setup: dict[str, str] = field(default_factory=dict)
    sections: dict[str, list[dict[str, str]]] = field(default_factory=dict)

    def expand(self, text: str) -> str:
        return re.sub(r"\{#(\w+)\}", lambda m: self.defines[m.group(1)], text)


def read_inno(path: Path = ISS) -> InnoScript:
    script = InnoScript()
    section = None
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith(";"):
            continue
        if define := re.fullmatch(r'#define\s+(\w+)\s+"([^"]*)"', line):
            script.defines[define.group(1)] = define.group(2)
            continue
        if line.startswith("#"):
            continue  # #ifndef / #endif around the overridable defines
        if header := re.fullmatch(r"\[(\w+)\]", line):
            section = header.group(1)
            script.sections.setdefault(section, [])
            continue
        if section == "Setup":
            key, _, value = line.partition("=")
            script.setup[key.strip()] = script.expand(value.strip())
        elif section is not None:
            # Name: "x"; Filename: "{app}\y"; Flags: a b  -> {"Name": "x", "Filename": "{app}\y", ...}
            entry: dict[str, str] = {}
            for part in re.findall(r'(\w+):\s*("(?:[^"]|"")*"|[^;]+)', line):
                entry[part[0]] = script.expand(part[1].strip().strip('"'))
            script.sections[section].append(entry)
    return script


def windows_path(base: Path, relative: str) -> Path:
    """An Inno Setup path (backslashes, relative to the script) as a resolved path here."""
    return (base / relative.replace("\\", "/")).resolve()


def read_desktop(path: Path = DESKTOP) -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return dict(parser["Desktop Entry"])


def read_unit(path: Path = UNIT) -> dict[str, dict[str, str]]:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(path, encoding="utf-8")
    return {name: dict(parser[name]) for name in parser.sections()}


def read_env(path: Path = ENV_EXAMPLE) -> dict[str, str]:
    values: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            key, _, value = line.partition("=")
            values[key.strip()] = value.strip()
    return values


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from a PNG stream's header (and proof that it is one)."""
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        raise ValueError("not a PNG stream")
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def read_ico(data: bytes) -> list[tuple[int, bytes]]:
    """(declared size, image stream) of every entry of a Windows .ico."""
    reserved, kind, count = struct.unpack_from("<HHH", data, 0)
    if (reserved, kind) != (0, 1):
        raise ValueError("not an ICO file")
    entries = []
    for index in range(count):
        width, height, _, _, _, _, length, offset = struct.unpack_from("<BBBBHHII", data, 6 + 16 * index)
        if width != height or offset + length > len(data):
            raise ValueError(f"ICO entry {index} is inconsistent")
        entries.append((width or 256, data[offset : offset + length]))
    return entries


def read_icns(data: bytes) -> list[tuple[bytes, bytes]]:
    """(element type, payload) of every element of a macOS .icns."""
    if data[:4] != b"icns" or struct.unpack(">I", data[4:8])[0] != len(data):
        raise ValueError("not an ICNS file, or a truncated one")
    elements = []
    position = 8
    while position < len(data):
        kind = data[position : position + 4]
        (length,) = struct.unpack(">I", data[position + 4 : position + 8])
        if length < 8 or position + length > len(data):
            raise ValueError(f"ICNS element {kind!r} overruns the file")
        elements.append((kind, data[position + 8 : position + length]))
        position += length
    return elements
