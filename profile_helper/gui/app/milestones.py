"""Start-up milestones: how long after the process started the window, then its data, appeared.

``--startup-report FILE`` writes them as JSON, in milliseconds since the process started:
``qapplication`` (the application object made), ``first_paint`` (the window's first frame),
``first_page_data`` (the first page painted with what the store holds) and, with
``--smoke-test``, ``all_pages`` (every page visited and painted). The benchmark reads them, and
``--quit-after-first-page`` ends the run at ``first_page_data``.

Time zero is the process's own start as the kernel recorded it (``/proc/self/stat``), so the
interpreter's start and the imports count too; where that cannot be read, the earliest moment the
app itself noted.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class Milestone(StrEnum):
    QAPPLICATION = "qapplication"
    FIRST_PAINT = "first_paint"
    FIRST_PAGE_DATA = "first_page_data"
    ALL_PAGES = "all_pages"


def process_origin(fallback: float) -> float:
    """The ``time.perf_counter()`` reading at which this process started.

    Linux keeps the start in clock ticks since boot (field 22 of ``/proc/self/stat``); its age is
    measured against the boot-time clock and carried over to ``perf_counter``, which every
    milestone uses. Elsewhere, ``fallback``: the earliest ``perf_counter()`` the app took.
    """
    try:
        stat = Path("/proc/self/stat").read_text(encoding="ascii")
        # The command name (field 2) is in parentheses and may hold spaces: count after it.
        start_ticks = int(stat[stat.rindex(")") + 2 :].split()[19])
        age = time.clock_gettime(time.CLOCK_BOOTTIME) - start_ticks / os.sysconf("SC_CLK_TCK")
        origin = time.perf_counter() - age
    except (OSError, ValueError, IndexError, AttributeError):
        return fallback
    # The kernel counts in ticks (10 ms): never later than what the app saw itself.
    return min(origin, fallback)


class Milestones:
    """When each milestone was first reached, in milliseconds since ``origin``."""

    def __init__(self, origin: float) -> None:
        self.origin = origin
        self.reached: dict[Milestone, float] = {}

    def mark(self, milestone: Milestone) -> None:
        """Note the milestone now; a later call for the same one changes nothing."""
        if milestone not in self.reached:
            self.reached[milestone] = round((time.perf_counter() - self.origin) * 1000, 1)

    def report(self) -> dict[str, float]:
        return {str(name): ms for name, ms in self.reached.items()}

    def write(self, path: Path) -> None:
        path.write_text(json.dumps(self.report(), indent=2) + "\n", encoding="utf-8")


class _PaintWatcher(QObject):
    """Calls back once, just after ``widget`` has been painted (its frame done, not begun)."""

    def __init__(self, widget: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(widget)
        self.widget = widget
        self.callback = callback
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget and event.type() == QEvent.Type.Paint:
            self.widget.removeEventFilter(self)
            # Posted: it runs when the whole frame this paint belongs to has been drawn.
            QTimer.singleShot(0, self.callback)
            self.deleteLater()
        return False


def after_next_paint(widget: QWidget, callback: Callable[[], None]) -> None:
    """Call ``callback`` once, when ``widget`` has next been painted."""
    _PaintWatcher(widget, callback)
