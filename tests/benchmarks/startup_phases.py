"""Where start-up time goes: the steps of ``--smoke-test`` timed one by one, in one process.

Run ``python tests/benchmarks/startup_phases.py [DATA_DIR]`` from the repository root (run it
twice with the same folder to time an existing database, as people mostly start). It follows the
order of ``gui.app.run_gui`` (imports, application, look, window, unlock, every page built and
painted) with a wall-clock timer around each step, in a throwaway data folder and keychain.
Not a benchmark with a target: a map for finding what to make faster next. It leaves out what
only a whole process shows (the interpreter's start and exit), which ``run.py startup`` counts.
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

    def print(self) -> None:
        for name, seconds in self.marks:
            print(f"{seconds * 1000:8.1f} ms  {name}")
        print(f"{(self.last - START) * 1000:8.1f} ms  total")


def main() -> None:
    sys.path.insert(0, str(REPO_ROOT))
    given = sys.argv[1:]
    data_dir = Path(given[0]) if given else Path(tempfile.mkdtemp(prefix="startup-phases-"))
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["PYTHON_KEYRING_BACKEND"] = "tests.keyring_backend.TemporaryKeyring"
    os.environ["PROFILE_HELPER_TEST_KEYRING"] = str(data_dir / "keyring.json")
    phases = Phases()
    gc.disable()  # as the CLI does before the GUI starts
    from PySide6 import QtWidgets  # noqa: F401, PLC0415 - timed: importing is a phase

    phases.mark("import PySide6 (QtCore, QtGui, QtWidgets)")
    from profile_helper.gui.app import run as gui_app  # noqa: PLC0415 - timed
    from profile_helper.gui.common import msgbox  # noqa: PLC0415 - timed

    phases.mark("import gui.app (theme, main window, crash handler)")
    msgbox.set_no_err_windows(True)
    qt_app = gui_app.create_application()
    from profile_helper.gui.app.single_instance import SingleInstance, ask_running_instance  # noqa: PLC0415 - timed

    ask_running_instance(data_dir)
    phases.mark("QApplication, single-instance check")
    gui_app.prepare(qt_app)
    phases.mark("look: style, palette, app icon")
    from profile_helper.gui.common.context import AppContext  # noqa: PLC0415 - timed
    from profile_helper.gui.security.startup import install, unlock_at_start  # noqa: PLC0415 - timed

    ctx = AppContext(data_dir)
    window = gui_app.MainWindow(ctx, defer_data=True)
    SingleInstance(data_dir, window)
    status = install(window, ctx)
    phases.mark("main window (sidebar, menus, first page built)")
    window.show()
    qt_app.processEvents()
    phases.mark("first paint")
    from profile_helper.core.logs import setup_logging  # noqa: PLC0415 - timed

    setup_logging(data_dir)
    phases.mark("logging")
    unlock_at_start(window, ctx, status)
    phases.mark("unlock: keychain, SQLCipher, migrations")
    window.prime()
    gui_app.collect_garbage_again()
    phases.mark("prime: Today's data and badge")
    for key in window.page_keys():
        page = window.show_page(key)
        phases.mark(f"page {key}: built and shown")
        qt_app.processEvents()
        page.grab()
        phases.mark(f"page {key}: painted")
    window.close()
    ctx.close()
    phases.mark("close (view state saved)")
    phases.print()


if __name__ == "__main__":
    main()
