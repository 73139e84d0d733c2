"""Render the application icon for every platform from its SVG master.

    python packaging/make_icons.py

Reads ``resources/icons/advisor-desk.svg`` and writes, next to it:

- ``hicolor/<N>x<N>/apps/fr.advisordesk.AdvisorDesk.png`` for N in 16..512: the freedesktop icon theme
  layout, copied as is into ``/usr/share/icons/hicolor`` on Linux (the master goes to ``scalable/``);
- ``advisor-desk.ico``: Windows (installer, executable, shortcuts), PNG-compressed entries 16..256;
- ``advisor-desk.icns``: macOS bundle icon, PNG entries 16..1024 including the @2x variants.

Rendering uses Qt's own SVG renderer (the one the desk uses at run time), and the ICO/ICNS containers
are written here rather than through an image library: both are a short header, a directory and the
PNG streams, which keeps the build free of an extra dependency. The generated files are committed, so a
build needs neither this script nor a display; rerun it after editing the SVG (a test compares the
committed PNGs with a fresh rendering of the master).
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ICONS = ROOT / "resources" / "icons"
MASTER = ICONS / "advisor-desk.svg"
APP_ID = "fr.advisordesk.AdvisorDesk"

#: Sizes of the freedesktop theme (what desktop environments ask for, from menus to app grids).
HICOLOR_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
#: Sizes Windows picks from: small icons at 100-250 % scaling, Explorer views, and the 256 "jumbo" one.
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 96, 128, 256)
#: ICNS element types holding PNG data, with their pixel size (the @2x ones share a size with another).
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"icp6", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic09", 512),
    (b"ic10", 1024),
    (b"ic11", 32),
    (b"ic12", 64),
    (b"ic13", 256),
    (b"ic14", 512),
)


def hicolor_png(size: int, icons: Path = ICONS) -> Path:
    return icons / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"


def _ensure_gui_application() -> None:
    # QPainter needs a QGuiApplication; the offscreen platform keeps the script usable with no display.
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _ensure_gui_application.app = QGuiApplication(["make_icons"])  # type: ignore[attr-defined]


def render_png(svg: Path, size: int) -> bytes:
    """The SVG rendered at ``size`` x ``size`` pixels, antialiased, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _ensure_gui_application()
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg}: not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.convertToFormat(QImage.Format.Format_ARGB32).save(buffer, "PNG"):
        raise RuntimeError(f"could not encode the {size} px rendering as PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """A Windows .ico holding one PNG entry per size (Vista and later read PNG entries)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    directory = b""
    for size in sizes:
        data = pngs[size]
        # A width/height byte of 0 means 256 in the ICO directory.
        dim = 0 if size >= 256 else size
        directory += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    return header + directory + b"".join(pngs[s] for s in sizes)


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """A macOS .icns with one PNG element per ICNS_TYPES entry."""
    body = b""
    for kind, size in ICNS_TYPES:
        data = pngs[size]
        body += kind + struct.pack(">I", 8 + len(data)) + data
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def generate(master: Path = MASTER, icons: Path = ICONS) -> list[Path]:
    sizes = sorted({*HICOLOR_SIZES, *ICO_SIZES, *(s for _, s in ICNS_TYPES)})
    pngs = {size: render_png(master, size) for size in sizes}
    written: list[Path] = []
    for size in HICOLOR_SIZES:
        path = hicolor_png(size, icons)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(pngs[size])
        written.append(path)
    ico = icons / "advisor-desk.ico"
    ico.write_bytes(ico_bytes({s: pngs[s] for s in ICO_SIZES}))
    icns = icons / "advisor-desk.icns"
    icns.write_bytes(icns_bytes(pngs))
    return [*written, ico, icns]


def main() -> int:
    for path in generate():
        print(f"{path.relative_to(ROOT)}  {path.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
