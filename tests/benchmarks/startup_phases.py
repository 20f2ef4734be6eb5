"""Where start-up time goes: the steps to the first page painted with its data, one by one.

Run ``python tests/benchmarks/startup_phases.py [DATA_DIR] [--all-pages]`` from the repository
root (run it twice with the same folder to time an existing database, as people mostly start).
It follows ``gui.app.run.run_gui`` step by step in one process (reading ahead in a second one, as
the app does), in a throwaway data folder and keychain, with a wall-clock timer around each step;
the first line is the interpreter's own start (from the process's start time). With data read
ahead, the first paint comes before the database is opened, as in the app. With ``--all-pages``
it goes on to build and paint every other page, as ``--smoke-test`` does. Not a benchmark with
a target: a map for finding what to make faster next.
"""

from __future__ import annotations

import gc
import os
import sys
import tempfile
import time
from pathlib import Path

START = time.perf_counter()
REPO_ROOT = Path(__file__).resolve().parents[2]


class Phases:
    def __init__(self) -> None:
        self.marks: list[tuple[str, float]] = []
        self.last = START

    def mark(self, name: str) -> None:
        now = time.perf_counter()
        self.marks.append((name, now - self.last))
        self.last = now

    def print(self, origin: float) -> None:
        print(f"{(START - origin) * 1000:8.1f} ms  interpreter start, site")
        for name, seconds in self.marks:
            print(f"{seconds * 1000:8.1f} ms  {name}")
        print(f"{(self.last - origin) * 1000:8.1f} ms  total since the process started")


def main() -> None:
    sys.path.insert(0, str(REPO_ROOT))
    given = [a for a in sys.argv[1:] if not a.startswith("--")]
    all_pages = "--all-pages" in sys.argv
    data_dir = Path(given[0]) if given else Path(tempfile.mkdtemp(prefix="startup-phases-"))
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["PYTHON_KEYRING_BACKEND"] = "tests.keyring_backend.TemporaryKeyring"
    os.environ["PROFILE_HELPER_TEST_KEYRING"] = str(data_dir / "keyring.json")
    gc.disable()  # as the CLI does before the GUI starts
    phases = Phases()
    from profile_helper import cli  # noqa: PLC0415 - timed: importing is a phase

    phases.mark("import the CLI")
    args = cli.parse_args(["--data-dir", str(data_dir), "--no-err-windows"])
    phases.mark("parse the command line")
    from profile_helper.core import read_ahead  # noqa: PLC0415 - timed

    read_ahead.start(data_dir)
    phases.mark("start reading ahead (the fork)")
    from PySide6 import QtWidgets  # noqa: F401, PLC0415 - timed

    phases.mark("import PySide6 (QtCore, QtGui, QtWidgets)")
    from profile_helper.gui.app import run as gui_app  # noqa: PLC0415 - timed
    from profile_helper.gui.common import msgbox, theme  # noqa: PLC0415 - timed

    phases.mark("import gui.app.run (window, crash handler, context)")
    # Already imported by gui.app.run above: named here from where they are defined.
    from profile_helper.core.storage.folder_lock import (  # noqa: PLC0415 - timed above
        hold_window_lock,
    )
    from profile_helper.gui.app.main_window import MainWindow  # noqa: PLC0415 - timed above
    from profile_helper.gui.app.milestones import process_origin  # noqa: PLC0415 - timed above
    from profile_helper.gui.common.context import AppContext  # noqa: PLC0415 - timed above
    from profile_helper.gui.security import startup  # noqa: PLC0415 - timed above

    msgbox.set_no_err_windows(bool(args.no_err_windows))
    qt_app = gui_app.create_application()
    phases.mark("QApplication")
    hold_window_lock(data_dir)
    phases.mark("single-instance check (the window lock)")
    ctx = AppContext(data_dir)
    view = ctx.view_settings()
    gui_app.prepare_look(qt_app, theme.stored_choice(view), view)
    phases.mark("look: style, palette, app icon")
    window = MainWindow(ctx, defer_data=True)
    phases.mark("main window (sidebar, menus, first page built)")
    status = startup.install(window, ctx)
    phases.mark("status bar lock")
    ahead = read_ahead.today_read_ahead()
    phases.mark("the child's answer (waited for, read)")
    if ahead is not None and window.prime_read_ahead(ahead):
        phases.mark("the first page shown with the data read ahead")
        window.show()
        qt_app.processEvents()
        phases.mark("first paint, with the first page's data")
        startup.unlock_at_start(window, ctx, status)
        phases.mark("after the first frame: open the database (SQLCipher, checks)")
        window.prime()
        phases.mark("after the first frame: every page's data from the database")
    else:
        startup.unlock_at_start(window, ctx, status)
        phases.mark("unlock: keychain, SQLCipher, migrations (nothing read ahead)")
        window.prime()
        phases.mark("prime: the first page's data and Today's badge")
        window.show()
        qt_app.processEvents()
        phases.mark("first paint, with the first page's data")
    gui_app.collect_garbage_again()
    phases.mark("garbage collection back on")
    gui_app.finish_start(qt_app, window, data_dir)
    phases.mark("after the first frame: wheel guard, single-instance server")
    if all_pages:
        for key in window.page_keys():
            page = window.show_page(key)
            phases.mark(f"page {key}: built and shown")
            qt_app.processEvents()
            page.grab()
            phases.mark(f"page {key}: painted")
    window.close()
    ctx.close()
    phases.mark("close (view state saved, database closed)")
    phases.print(process_origin(START))


if __name__ == "__main__":
    main()
