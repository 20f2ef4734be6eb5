"""``--startup-report`` and ``--quit-after-first-page``, on the real program run as a process."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from profile_helper.core.app_database import open_app_database
from profile_helper.core.contacts import followups, store
from profile_helper.core.contacts.models import ContactDraft
from profile_helper.gui.app.milestones import (
    Milestone,
    Milestones,
    after_next_paint,
    process_origin,
)
from tests.conftest import REPO_ROOT


def run_python(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *argv],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def run_app(data_dir: Path, *flags: str) -> subprocess.CompletedProcess[str]:
    return run_python("-m", "profile_helper", "--data-dir", str(data_dir), *flags)


@pytest.mark.slow
def test_quit_after_first_page_reports_the_milestones_in_order(
    data_dir: Path, tmp_path: Path
) -> None:
    report = tmp_path / "startup.json"
    args = ("--no-err-windows", "--startup-report", str(report), "--quit-after-first-page")
    result = run_app(data_dir, *args)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    milestones = json.loads(report.read_text(encoding="utf-8"))
    assert set(milestones) == {"qapplication", "first_paint", "first_page_data"}
    assert all(isinstance(ms, float) and ms > 0 for ms in milestones.values())
    assert milestones["qapplication"] <= milestones["first_paint"]
    assert milestones["first_paint"] <= milestones["first_page_data"]
    # It quits as a person quitting does: the window's place is kept.
    assert (data_dir / "window.ini").is_file()


@pytest.mark.slow
def test_the_first_page_is_painted_with_data_already_in_the_store(
    data_dir: Path, tmp_path: Path
) -> None:
    opened = open_app_database(data_dir, None, None)
    contact_id = store.add_contact(opened.conn, ContactDraft(first_name="Ada"))
    followups.add_follow_up(opened.conn, contact_id, time.strftime("%Y-%m-%d"), "Say hello")
    opened.conn.close()
    report = tmp_path / "startup.json"
    result = run_app(
        data_dir, "--no-err-windows", "--startup-report", str(report), "--quit-after-first-page"
    )
    assert result.returncode == 0, result.stderr
    assert "first_page_data" in json.loads(report.read_text(encoding="utf-8"))


@pytest.mark.slow
def test_smoke_test_adds_all_pages_after_the_first_page(data_dir: Path, tmp_path: Path) -> None:
    report = tmp_path / "startup.json"
    result = run_app(data_dir, "--smoke-test", "--startup-report", str(report))
    assert result.returncode == 0, result.stderr
    milestones = json.loads(report.read_text(encoding="utf-8"))
    assert list(milestones) == ["qapplication", "first_paint", "first_page_data", "all_pages"]
    assert milestones["first_page_data"] <= milestones["all_pages"]


@pytest.mark.slow
def test_an_unwritable_report_is_one_error_line(data_dir: Path, tmp_path: Path) -> None:
    report = tmp_path / "missing-folder" / "startup.json"
    result = run_app(
        data_dir, "--no-err-windows", "--startup-report", str(report), "--quit-after-first-page"
    )
    assert result.returncode == 1
    assert result.stderr.startswith("profile-helper: error: cannot write the start-up report:")
    assert "Traceback" not in result.stderr


def test_process_origin_is_no_later_than_what_the_app_saw() -> None:
    now = time.perf_counter()
    origin = process_origin(now)
    assert origin <= now
    # This test process has been running for a while, but not for a day.
    assert now - origin < 86_400


def test_a_milestone_keeps_its_first_time() -> None:
    milestones = Milestones(time.perf_counter())
    milestones.mark(Milestone.FIRST_PAINT)
    first = milestones.report()["first_paint"]
    milestones.origin -= 5  # as if five seconds had gone by
    milestones.mark(Milestone.FIRST_PAINT)
    milestones.mark(Milestone.QAPPLICATION)
    assert milestones.report()["first_paint"] == first
    assert milestones.report()["qapplication"] >= 5000


def test_after_next_paint_calls_back_once_the_widget_painted(qtbot: QtBot) -> None:
    label = QLabel("hello")
    qtbot.addWidget(label)
    calls: list[bool] = []
    after_next_paint(label, lambda: calls.append(label.isVisible()))
    label.show()
    qtbot.waitUntil(lambda: calls == [True])
    label.repaint()  # painted now, and anything it posted is delivered below
    QApplication.processEvents()
    QApplication.processEvents()
    assert calls == [True]


# The app run to its first page, then asked whether Python met Qt's namespace on the way.
_NAMESPACE_PROBE = """
import sys
from profile_helper.cli import main
code = main(sys.argv[1:])
from PySide6 import QtCore
print("namespace built" if "Qt" in QtCore.__dict__ else "namespace not built")
sys.exit(code)
"""


@pytest.mark.slow
def test_the_first_page_with_a_badge_is_painted_without_qts_namespace(data_dir: Path) -> None:
    """Its first use from Python builds types for all of it, about 30 ms of every start."""
    opened = open_app_database(data_dir, None, None)
    contact_id = store.add_contact(opened.conn, ContactDraft(first_name="Ada"))
    followups.add_follow_up(opened.conn, contact_id, time.strftime("%Y-%m-%d"), "Say hello")
    opened.conn.close()
    args = ["--data-dir", str(data_dir), "--no-err-windows", "--quit-after-first-page"]
    outputs = []
    for _start in range(2):  # the first start asks the system's scheme; the next one recalls it
        result = run_python("-c", _NAMESPACE_PROBE, *args)
        assert result.returncode == 0, result.stderr
        outputs.append(result.stdout.strip())
    assert outputs == ["namespace built", "namespace not built"]
