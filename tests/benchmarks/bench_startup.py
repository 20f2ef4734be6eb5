"""Start-up: ``profile-helper --smoke-test`` against a bare PySide6 window, as whole processes."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from tests.benchmarks.harness import Result, alternate_processes, process_env

BARE_WINDOW = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.show()
QTimer.singleShot(0, lambda: (window.grab(), app.quit()))
app.exec()
"""


def run(runs: int = 9) -> list[Result]:
    with tempfile.TemporaryDirectory() as data_dir:
        app_cmd = [sys.executable, "-m", "profile_helper", "--data-dir", data_dir, "--smoke-test"]
        bare_cmd = [sys.executable, "-c", BARE_WINDOW]
        env = process_env(keyring_file=Path(data_dir) / "keyring.json")
        app, bare = alternate_processes([app_cmd, bare_cmd], runs, env)
    ratio = app / bare
    return [
        Result(
            "startup: --smoke-test vs bare QMainWindow",
            app,
            "s",
            bare,
            "bare PySide6",
            "<= 1.5x",
            ratio <= 1.5,
            f"{runs} runs each",
        )
    ]
