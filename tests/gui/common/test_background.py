"""Slow work off the GUI thread: results, failures and Cancel come back on the GUI thread."""

import threading

from PySide6.QtCore import QThread
from pytestqt.qtbot import QtBot

from profile_helper.gui.common.background import BackgroundOp, Progress


def test_work_runs_off_the_gui_thread_and_succeeds_on_it(qtbot: QtBot) -> None:
    gui_thread = threading.get_ident()
    seen: dict[str, object] = {}

    def work(progress: Progress) -> int:
        seen["work_thread"] = threading.get_ident()
        progress.report(1, 2, "half")
        return 42

    def ok(value: int) -> None:
        seen["value"] = value
        seen["callback_in_gui_thread"] = QThread.currentThread().isMainThread()

    def progress(done: int, total: int, text: str) -> None:
        seen.setdefault("progress", (done, total, text))

    op = BackgroundOp(work, ok, on_progress=progress)
    with qtbot.waitSignal(op.signals.finished, timeout=5000):
        op.start()
    assert seen["work_thread"] != gui_thread
    assert seen["value"] == 42
    assert seen["callback_in_gui_thread"] is True
    assert seen["progress"] == (1, 2, "half")
    assert op.running is False


def test_failure_goes_to_the_failure_callback(qtbot: QtBot) -> None:
    errors: list[BaseException] = []

    def work(progress: Progress) -> None:
        raise ValueError("bad file")

    op = BackgroundOp(work, lambda _: None, on_failure=errors.append)
    with qtbot.waitSignal(op.signals.finished, timeout=5000):
        op.start()
    assert [str(e) for e in errors] == ["bad file"]


def test_cancel_stops_the_work_at_its_next_check(qtbot: QtBot) -> None:
    started = threading.Event()
    release = threading.Event()
    outcome: list[str] = []

    def work(progress: Progress) -> None:
        started.set()
        release.wait(5)
        progress.check()
        outcome.append("not cancelled")

    op = BackgroundOp(
        work, lambda _: outcome.append("success"), on_cancelled=lambda: outcome.append("cancelled")
    )
    with qtbot.waitSignal(op.signals.finished, timeout=5000):
        op.start()
        assert started.wait(5)
        op.cancel()
        release.set()
    assert outcome == ["cancelled"]
