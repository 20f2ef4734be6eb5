"""Icons are drawn from their SVG at the size asked, in the colour asked, without blur."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor

from profile_helper.core.resources import resource_path
from profile_helper.gui.common import theme


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
