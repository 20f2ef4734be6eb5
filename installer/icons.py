"""Render the app icon (``profile_helper/resources/icons/app.svg``) in every format platforms want.

Qt renders the PNGs; the Windows ``.ico`` and macOS ``.icns`` containers are written here, since
both may simply hold PNG images (Windows Vista and later, macOS 10.7 and later) and Qt writes
neither with several sizes.
"""

from __future__ import annotations

import os
import struct
from pathlib import Path

# The hicolor theme's usual sizes; 512 also feeds the macOS icon.
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# icns element types that hold PNG data, by pixel size (the @2x variants share a size).
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"ic11", 32),
    (b"icp6", 64),
    (b"ic12", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic13", 256),
    (b"ic09", 512),
    (b"ic14", 512),
)


def render_pngs(svg: Path, sizes: tuple[int, ...] = PNG_SIZES) -> dict[int, bytes]:
    """PNG bytes of the SVG drawn at each size, on a transparent background."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    # Painting needs a GUI application; keep one that a caller (or a test) already made.
    app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg} is not a valid SVG image")
    pngs: dict[int, bytes] = {}
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        renderer.render(painter)
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        if not image.save(buffer, "PNG"):  # type: ignore[call-overload]
            raise RuntimeError(f"Qt could not encode the {size} px icon as PNG")
        buffer.close()
        pngs[size] = bytes(data.data())
    del app  # kept alive until every size is painted
    return pngs


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """A Windows icon holding the given PNG images (sizes up to 256)."""
    sizes = sorted(size for size in pngs if size <= 256)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, images = b"", b""
    for size in sizes:
        data = pngs[size]
        # A width or height of 256 is stored as 0.
        edge = 0 if size == 256 else size
        entries += struct.pack("<BBBBHHII", edge, edge, 0, 0, 1, 32, len(data), offset)
        images += data
        offset += len(data)
    return header + entries + images


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """A macOS icon holding the given PNG images, each under every type of its size."""
    body = b""
    for kind, size in ICNS_TYPES:
        if size in pngs:
            body += kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size]
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def generate(svg: Path, out_dir: Path) -> dict[str, Path]:
    """Write ``app-<size>.png``, ``app.ico``, ``app.icns`` and ``app.svg`` into ``out_dir``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    pngs = render_pngs(svg)
    written: dict[str, Path] = {}
    for size, data in pngs.items():
        path = out_dir / f"app-{size}.png"
        path.write_bytes(data)
        written[f"png{size}"] = path
    written["ico"] = out_dir / "app.ico"
    written["ico"].write_bytes(ico_bytes(pngs))
    written["icns"] = out_dir / "app.icns"
    written["icns"].write_bytes(icns_bytes(pngs))
    written["svg"] = out_dir / "app.svg"
    written["svg"].write_bytes(svg.read_bytes())
    return written
