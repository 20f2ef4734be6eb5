"""The global excepthook: an unexpected exception becomes a crash log and a dialog."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from types import TracebackType

from profile_helper.gui.common import msgbox

log = logging.getLogger(__name__)


class CrashHandler:
    """Installed as ``sys.excepthook`` while the GUI runs."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.crashes: list[Path | None] = []
        self._showing = False

    def __call__(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        from profile_helper.core.crashlog import (  # noqa: PLC0415 - start-up: only for a bug
            format_crash,
            write_crash_log,
        )

        report = format_crash(exc_type, exc, tb)
        path = write_crash_log(self.data_dir, report)
        self.crashes.append(path)
        log.error("unexpected error, report in %s", path)
        if msgbox.no_err_windows() or self._showing:
            where = f" (report: {path})" if path else ""
            print(f"profile-helper: bug: {exc_type.__name__}: {exc}{where}", file=sys.stderr)
            return

        from profile_helper.gui.app.crash_dialog import (  # noqa: PLC0415 - start-up: only for a bug
            CrashDialog,
        )

        # A bug inside the dialog itself must not open dialogs forever.
        self._showing = True
        try:
            CrashDialog(report, path).exec()
        finally:
            self._showing = False

    def install(self) -> None:
        sys.excepthook = self
