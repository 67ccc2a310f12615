#!/usr/bin/env python3
"""Draw the launcher icon's PNGs (48, 128 and 256 px) from its SVG with Qt's own SVG renderer.

Maintainer tool: the PNGs are committed beside the SVG in workout_player/desktop/files/icons/
(hicolor layout) and tests/test_desktop_files.py checks they match a fresh render, so run this
after editing the SVG:

    .venv/bin/python scripts/render_icons.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

from workout_player.desktop import PNG_SIZES, icon_png_file, icon_svg_file  # noqa: E402


def render(svg: Path, size: int) -> QImage:
    """The SVG drawn on a transparent size x size image (straight ARGB32, as PNG stores it)."""
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg} is not an SVG file Qt can draw")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image.convertToFormat(QImage.Format.Format_ARGB32)


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 (keeps Qt up)
    svg = icon_svg_file()
    for size in PNG_SIZES:
        target = icon_png_file(size)
        target.parent.mkdir(parents=True, exist_ok=True)
        if not render(svg, size).save(str(target), "PNG"):
            print(f"Could not write {target}", file=sys.stderr)
            return 1
        print(f"Wrote {target.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
