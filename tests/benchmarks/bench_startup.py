"""Start-up: the whole process up to the first page painted with its data, against bare PySide6.

Three commands run alternately, as whole processes, in one throwaway data folder and keychain:

- the app with ``--quit-after-first-page`` (timed against the target): the interpreter's start,
  the imports, the window, the unlock, the first page's data painted, and a clean quit;
- a bare PySide6 window that shows, paints once and quits (the baseline);
- the app with ``--smoke-test`` (for information: every page built and painted).

Each app run writes ``--startup-report``; the bare window writes the same two milestones it has
(``qapplication``, ``first_paint``) counted the same way, from the process's start. The table
gives every milestone's median beside the bare window's.
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
from pathlib import Path

from tests.benchmarks.harness import Result, alternate_processes, process_env

# Written to a file as plain text (json would be one more import in the baseline).
BARE_WINDOW = """
import os, sys, time
def since_start():
    stat = open("/proc/self/stat").read()
    ticks = int(stat[stat.rindex(")") + 2:].split()[19])
    age = time.clock_gettime(time.CLOCK_BOOTTIME) - ticks / os.sysconf("SC_CLK_TCK")
    return round(age * 1000, 1)
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
marks = {"qapplication": since_start()}
window = QMainWindow()
window.show()
def painted():
    window.grab()
    marks["first_paint"] = since_start()
    app.quit()
QTimer.singleShot(0, painted)
app.exec()
with open(sys.argv[1], "w") as out:
    out.write("{" + ", ".join(f'"{k}": {v}' for k, v in marks.items()) + "}")
"""

APP_MILESTONES = ("qapplication", "first_paint", "first_page_data")
TARGET = 1.5


def _median(reports: list[dict[str, float]], key: str) -> float | None:
    values = [r[key] for r in reports if key in r]
    return statistics.median(values) if values else None


def run(runs: int = 9) -> list[Result]:
    with tempfile.TemporaryDirectory() as folder:
        data_dir = Path(folder) / "data"
        data_dir.mkdir()
        first_report = Path(folder) / "first.json"
        smoke_report = Path(folder) / "smoke.json"
        bare_report = Path(folder) / "bare.json"
        # The smoke test has a folder of its own: it ends on another page, which the app
        # would open next time, and the timed start is the one a person gets by default.
        smoke_dir = Path(folder) / "smoke-data"
        smoke_dir.mkdir()
        app = [sys.executable, "-m", "profile_helper", "--data-dir", str(data_dir)]
        first_cmd = [*app, "--no-err-windows", "--startup-report", str(first_report)]
        first_cmd.append("--quit-after-first-page")
        bare_cmd = [sys.executable, "-c", BARE_WINDOW, str(bare_report)]
        smoke_cmd = [sys.executable, "-m", "profile_helper", "--data-dir", str(smoke_dir)]
        smoke_cmd += ["--smoke-test", "--startup-report", str(smoke_report)]
        reports: list[list[dict[str, float]]] = [[], [], []]
        paths = (first_report, bare_report, smoke_report)

        def collect(index: int) -> None:
            reports[index].append(json.loads(paths[index].read_text(encoding="utf-8")))

        env = process_env(keyring_file=Path(folder) / "keyring.json")
        first, bare, smoke = alternate_processes(
            [first_cmd, bare_cmd, smoke_cmd], runs, env, after_each=collect
        )
    first_reports, bare_reports, smoke_reports = reports
    ratio = first / bare
    results = [
        Result(
            "startup: process to first page with data",
            first,
            "s",
            bare,
            "bare PySide6 window",
            f"<= {TARGET}x",
            ratio <= TARGET,
            f"--quit-after-first-page, {runs} runs each, alternated",
        )
    ]
    bare_paint = _median(bare_reports, "first_paint")
    for key in APP_MILESTONES:
        value = _median(first_reports, key)
        baseline = _median(bare_reports, "qapplication" if key == "qapplication" else "first_paint")
        results.append(
            Result(
                f"startup milestone: {key}",
                value or 0.0,
                "ms",
                baseline,
                "bare: " + ("qapplication" if key == "qapplication" else "first_paint"),
                note="ms since the process started (--startup-report)",
            )
        )
    all_pages = _median(smoke_reports, "all_pages")
    results.append(
        Result(
            "startup milestone: all_pages (--smoke-test)",
            all_pages or 0.0,
            "ms",
            bare_paint,
            "bare: first_paint",
            note=f"whole --smoke-test process {smoke:.3g} s",
        )
    )
    return results
