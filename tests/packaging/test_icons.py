"""The application icon: every size each platform wants, well-formed containers, in step with the SVG."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from packaging_files import ICONS, PACKAGING, png_size, read_icns, read_ico


def _make_icons():
    spec = importlib.util.spec_from_file_location("make_icons", PACKAGING / "make_icons.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_icons"] = module
    spec.loader.exec_module(module)
    return module


make_icons = _make_icons()


@pytest.mark.parametrize("size", make_icons.HICOLOR_SIZES)
def test_hicolor_png_has_its_size(size: int) -> None:
    path = make_icons.hicolor_png(size)
    assert png_size(path.read_bytes()) == (size, size)


def test_hicolor_covers_16_to_512() -> None:
    assert {16, 32, 48, 128, 256, 512} <= set(make_icons.HICOLOR_SIZES)
    assert (ICONS / "advisor-desk.svg").is_file()


def test_windows_ico_holds_every_size_as_png() -> None:
    entries = read_ico((ICONS / "advisor-desk.ico").read_bytes())
    assert [size for size, _ in entries] == sorted(make_icons.ICO_SIZES)
    assert {16, 24, 32, 48, 256} <= {size for size, _ in entries}
    for size, image in entries:
        assert png_size(image) == (size, size)


def test_macos_icns_holds_every_element_with_its_pixel_size() -> None:
    elements = read_icns((ICONS / "advisor-desk.icns").read_bytes())
    assert [kind for kind, _ in elements] == [kind for kind, _ in make_icons.ICNS_TYPES]
    expected = dict(make_icons.ICNS_TYPES)
    for kind, image in elements:
        assert png_size(image) == (expected[kind], expected[kind])
    # The 512@2x Retina rendering is what Finder and the Dock show on modern Macs.
    assert (b"ic10", 1024) in make_icons.ICNS_TYPES


def test_container_readers_reject_damaged_files() -> None:
    ico = bytearray((ICONS / "advisor-desk.ico").read_bytes())
    with pytest.raises(ValueError):
        read_ico(bytes(ico[:200]))  # directory points past the end
    icns = (ICONS / "advisor-desk.icns").read_bytes()
    with pytest.raises(ValueError):
        read_icns(icns[:-10])
    with pytest.raises(ValueError):
        png_size(b"GIF89a" + bytes(30))


def test_writers_round_trip(qapp, tmp_path: Path) -> None:
    pngs = {size: make_icons.render_png(ICONS / "advisor-desk.svg", size) for size in (16, 32, 64, 128, 256)}
    pngs |= {512: pngs[256], 1024: pngs[256]}  # sizes are the writer's business, not checked here
    ico = read_ico(make_icons.ico_bytes({16: pngs[16], 256: pngs[256]}))
    assert [(size, data) for size, data in ico] == [(16, pngs[16]), (256, pngs[256])]
    icns = dict(read_icns(make_icons.icns_bytes(pngs)))
    assert icns[b"ic07"] == pngs[128]


def _pixels(data: bytes):
    from PySide6.QtGui import QImage

    image = QImage.fromData(data).convertToFormat(QImage.Format.Format_ARGB32)
    return [image.pixelColor(x, y) for y in range(image.height()) for x in range(image.width())]


@pytest.mark.parametrize("size", [16, 48, 256])
def test_committed_pngs_match_the_svg_master(qapp, size: int) -> None:
    fresh = _pixels(make_icons.render_png(ICONS / "advisor-desk.svg", size))
    committed = _pixels(make_icons.hicolor_png(size).read_bytes())
    # Antialiasing may move edge pixels by a few levels between Qt versions; an edited master changes
    # whole shapes (moving one dot of the bubble changes about 1 % of the pixels by more than 32 levels).
    changed = sum(
        max(
            abs(a.red() - b.red()),
            abs(a.green() - b.green()),
            abs(a.blue() - b.blue()),
            abs(a.alpha() - b.alpha()),
        )
        > 32
        for a, b in zip(fresh, committed, strict=True)
    )
    assert changed / len(fresh) < 0.002, "run `python packaging/make_icons.py` after editing the SVG master"


@pytest.mark.qt_log_ignore("Cannot read file")
def test_rendering_refuses_an_invalid_svg(qapp, tmp_path: Path) -> None:
    broken = tmp_path / "broken.svg"
    broken.write_text("<svg this is not xml", encoding="utf-8")
    with pytest.raises(ValueError, match="not a valid SVG"):
        make_icons.render_png(broken, 32)
