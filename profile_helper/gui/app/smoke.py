"""``--smoke-test``: show the window, visit and paint every page, quit with what went wrong."""

from __future__ import annotations

import sys
from collections.abc import Callable

from PySide6.QtWidgets import QApplication

from profile_helper.gui.app.crash_handler import CrashHandler
from profile_helper.gui.app.main_window import MainWindow
from profile_helper.gui.common import msgbox


class SmokeTest:
    def __init__(
        self,
        window: MainWindow,
        handler: CrashHandler,
        all_painted: Callable[[], None] = lambda: None,
    ) -> None:
        self.window = window
        self.handler = handler
        self.all_painted = all_painted
        self.failures: list[str] = []
        self.visited = False

    def run(self) -> None:
        """Visit and paint every page, then quit with what went wrong (exit 1 if anything)."""
        app = QApplication.instance()
        assert app is not None
        self.visited = True
        for key in self.window.page_keys():
            try:
                page = self.window.show_page(key)
                app.processEvents()
                image = page.grab().toImage()
                if image.isNull() or not page.isVisible():
                    self.failures.append(f"page {key} did not paint")
            except Exception as exc:
                self.failures.append(f"page {key}: {type(exc).__name__}: {exc}")
        app.processEvents()
        self.all_painted()
        failed = self.report()
        self.window.close()
        app.exit(1 if failed else 0)

    def report(self) -> bool:
        """Print what went wrong, one line each, to stderr; True if anything did."""
        if not self.visited:
            self.failures.append("the app closed before its pages were visited")
        if msgbox.errors_shown:
            self.failures.append(f"{len(msgbox.errors_shown)} error message(s) shown")
        if self.handler.crashes:
            self.failures.append(f"{len(self.handler.crashes)} unexpected error(s) while painting")
        for failure in self.failures:
            print(f"profile-helper: smoke test: {failure}", file=sys.stderr)
        return bool(self.failures)
