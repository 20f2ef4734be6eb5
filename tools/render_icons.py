"""Write ``resources/icons/png/``: the icons of the window's first frame drawn ready, so that
it loads no SVG renderer.

Run after editing one of those icons in ``resources/icons/`` or a look's colours (a test fails
until then; the app draws from the SVG meanwhile): ``python tools/render_icons.py``. They are
the pages' icons in the sidebar's text colour of each look, the status bar's lock in each look's
colour for good news, and the app's own icon (in its own colours), at the sizes the window sets.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QGuiApplication

from profile_helper.core.resources import resource_path
from profile_helper.gui.common.page import PAGES
from profile_helper.gui.common.theme import DARK, LIGHT, ready_made_name, svg_image

SIZE = 40
APP_SIZE = 256


def ready_made() -> dict[str, tuple[str, str, int]]:
    """Each ready-made file's name, with the icon, the colour and the size it is drawn at."""
    files = {ready_made_name("app", "", APP_SIZE): ("app", "", APP_SIZE)}
    for look in (LIGHT, DARK):
        for page in PAGES:
            files[ready_made_name(page.key, look.sidebar_text, SIZE)] = (
                page.key,
                look.sidebar_text,
                SIZE,
            )
        # The status bar's lock, shown with the first frame when its data was read ahead.
        files[ready_made_name("lock", look.good, SIZE)] = ("lock", look.good, SIZE)
    return files


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication([])
    folder = resource_path("icons") / "png"
    shutil.rmtree(folder, ignore_errors=True)  # none left of icons no longer drawn ready
    folder.mkdir()
    for file_name, (name, color, size) in ready_made().items():
        path = folder / file_name
        if not svg_image(name, color, size).save(str(path)):
            print(f"cannot write {path}", file=sys.stderr)
            return 1
        print(f"wrote {path}")
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
