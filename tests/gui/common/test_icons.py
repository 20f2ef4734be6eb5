"""Icons are drawn from their SVG at the size asked, in the colour asked, without blur."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtGui import QColor, QImage

from profile_helper.core.resources import resource_path
from profile_helper.gui.common import theme

TOOL = Path(__file__).resolve().parents[3] / "tools" / "render_icons.py"


@pytest.mark.parametrize(("name", "size"), [("today", 40), ("lock", 14), ("app", 256)])
def test_an_icon_is_drawn_at_the_size_asked(qapp: object, name: str, size: int) -> None:
    image = theme.icon(name, "#ff0000", size).pixmap(size, size).toImage()
    assert (image.width(), image.height()) == (size, size)
    pixels = [image.pixelColor(x, y) for x in range(size) for y in range(size)]
    # Drawn from the vector at that size: strokes across it, not a small bitmap in a corner.
    assert sum(1 for c in pixels if c.alpha() > 0) > 2 * size
    if name != "app":  # the app's icon has colours of its own
        assert {c.name() for c in pixels if c.alpha() == 255} == {QColor("#ff0000").name()}


def test_every_icon_file_renders(qapp: object) -> None:
    names = sorted(p.stem for p in resource_path("icons").glob("*.svg"))
    assert "today" in names
    for name in names:
        assert not theme.icon(name, "#000000", 24).isNull()


def _load_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("render_icons", TOOL)
    assert spec is not None and spec.loader is not None
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    return tool


def _largest_difference(a: QImage, b: QImage) -> int:
    a = a.convertToFormat(QImage.Format.Format_ARGB32)
    b = b.convertToFormat(QImage.Format.Format_ARGB32)
    assert a.size() == b.size()
    worst = 0
    for y in range(a.height()):
        for x in range(a.width()):
            pa, pb = a.pixelColor(x, y), b.pixelColor(x, y)
            if pa.alpha() or pb.alpha():
                channels = (pa.red(), pa.green(), pa.blue(), pa.alpha())
                others = (pb.red(), pb.green(), pb.blue(), pb.alpha())
                worst = max(worst, *(abs(i - j) for i, j in zip(channels, others, strict=True)))
    return worst


def test_the_ready_made_icons_are_the_svgs_drawn(qapp: object) -> None:
    # Fails after an edit of one of those icons or of a look's colours: run
    # python tools/render_icons.py.
    files = _load_tool().ready_made()
    assert "today-40-1f2937.png" in files and "app-256.png" in files
    folder = resource_path("icons/png")
    assert sorted(p.name for p in folder.iterdir()) == sorted(files), "run tools/render_icons.py"
    for file_name, (name, color, size) in files.items():
        drawn = theme.svg_image(name, color, size)
        assert _largest_difference(QImage(str(folder / file_name)), drawn) <= 1, file_name


def test_the_sidebar_icons_come_ready_made(qapp: object) -> None:
    for look in (theme.LIGHT, theme.DARK):
        name = theme.ready_made_name("today", look.sidebar_text, 40)
        assert (resource_path("icons/png") / name).is_file()
        ready = theme.icon_image("today", look.sidebar_text, 40)
        assert _largest_difference(ready, theme.svg_image("today", look.sidebar_text, 40)) <= 1
    # Another colour is drawn from the SVG.
    assert not (resource_path("icons/png") / theme.ready_made_name("today", "#123456", 40)).exists()
    assert (
        _largest_difference(
            theme.icon_image("today", "#123456", 40), theme.svg_image("today", "#123456", 40)
        )
        == 0
    )
