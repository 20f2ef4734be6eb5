"""The main window: the sidebar, shortcuts, restored geometry, About, crashes and the smoke test."""

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from profile_helper import __version__
from profile_helper.core.contacts import followups, store
from profile_helper.core.contacts.models import ContactDraft
from profile_helper.core.paths import database_path
from profile_helper.gui.app.about_dialog import AboutDialog
from profile_helper.gui.app.crash_dialog import CrashDialog
from profile_helper.gui.app.crash_handler import CrashHandler
from profile_helper.gui.app.main_window import MainWindow
from profile_helper.gui.common.context import AppContext
from tests.conftest import REPO_ROOT

PAGE_ORDER = ["today", "audit", "contacts", "applications", "messages", "settings"]


def test_sidebar_lists_the_pages_in_order(window: MainWindow) -> None:
    assert window.page_keys() == PAGE_ORDER
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert titles == ["Today", "Audit", "Contacts", "Applications", "Messages", "Settings"]


def test_clicking_the_sidebar_switches_page(qtbot: QtBot, window: MainWindow) -> None:
    item = window.nav.item(2)
    rect = window.nav.visualItemRect(item)
    qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_page().key == "contacts"
    assert window.stack.currentWidget() is window.page("contacts")


@pytest.mark.parametrize(("number", "key"), list(enumerate(PAGE_ORDER, start=1)))
def test_ctrl_number_switches_page(qtbot: QtBot, window: MainWindow, number: int, key: str) -> None:
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0 + number), Qt.KeyboardModifier.ControlModifier)
    assert window.current_page().key == key
    current = window.stack.currentWidget()
    assert current is not None and current.isVisible()


def test_geometry_and_page_are_restored(qtbot: QtBot, ctx: AppContext) -> None:
    first = MainWindow(ctx)
    qtbot.addWidget(first)
    first.show()
    first.resize(1010, 690)
    first.show_page("messages")
    first.close()
    second = MainWindow(ctx)
    qtbot.addWidget(second)
    second.show()
    assert second.current_page().key == "messages"
    assert (second.width(), second.height()) == (1010, 690)


def test_about_dialog_shows_version_and_data_location(qtbot: QtBot, data_dir: Path) -> None:
    dialog = AboutDialog(data_dir)
    qtbot.addWidget(dialog)
    assert __version__ in dialog.version_label.text()
    assert str(data_dir) in dialog.location_label.text()
    # The vocabulary's licence (CC BY 4.0) asks for its attribution in the app.
    assert "O*NET" in dialog.attribution_label.text()
    assert "CC BY 4.0" in dialog.attribution_label.text()


def test_help_menu_opens_about(qtbot: QtBot, window: MainWindow) -> None:
    seen: list[str] = []

    def close_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, AboutDialog)
        seen.append(dialog.windowTitle())
        dialog.reject()

    QTimer.singleShot(0, close_dialog)
    window.show_about()
    assert seen == ["About Profile Helper"]


def test_crash_with_no_err_windows_writes_a_log_and_opens_no_dialog(
    data_dir: Path, no_windows: None, capsys: pytest.CaptureFixture[str]
) -> None:
    handler = CrashHandler(data_dir)
    try:
        raise ValueError("injected failure")
    except ValueError as exc:
        handler(type(exc), exc, exc.__traceback__)
    assert len(handler.crashes) == 1
    log_path = handler.crashes[0]
    assert log_path is not None and log_path.parent == data_dir / "logs"
    text = log_path.read_text(encoding="utf-8")
    assert "injected failure" in text and "Traceback" in text
    assert "injected failure" in capsys.readouterr().err
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, CrashDialog)]


def test_crash_dialog_copies_debug_info(qtbot: QtBot, data_dir: Path) -> None:
    handler = CrashHandler(data_dir)
    shown: list[str] = []

    def press_copy_and_close() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, CrashDialog)
        dialog.copy_debug_info()
        shown.append(QGuiApplication.clipboard().text())
        dialog.reject()

    QTimer.singleShot(0, press_copy_and_close)
    try:
        raise KeyError("boom")
    except KeyError as exc:
        handler(type(exc), exc, exc.__traceback__)
    assert shown and "KeyError" in shown[0] and "Profile Helper" in shown[0]


@pytest.mark.slow
def test_smoke_test_visits_every_page_and_exits_cleanly(data_dir: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "profile_helper", "--data-dir", str(data_dir), "--smoke-test"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert (data_dir / "window.ini").is_file()


def test_a_database_problem_on_showing_a_page_is_a_plain_message(
    qtbot: QtBot, ctx: AppContext, no_windows: None, capsys: pytest.CaptureFixture[str]
) -> None:
    database_path(ctx.data_dir).write_bytes(b"not a database" * 500)
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    win.show_page("settings")
    err = capsys.readouterr().err
    assert "profile-helper: error: Settings:" in err
    assert "database" in err
    assert "Traceback" not in err


def test_write_message_on_a_contact_opens_messages_for_them(
    qtbot: QtBot, window: MainWindow
) -> None:
    conn = window.ctx.database()
    contact_id = store.add_contact(conn, ContactDraft(first_name="Ada", last_name="Lovelace"))
    contacts = window.show_page("contacts")
    contacts.write_message_requested.emit(contact_id)  # type: ignore[attr-defined]
    messages = window.current_page()
    assert messages.key == "messages"
    assert "Ada Lovelace" in messages.picker.chosen_label.text()  # type: ignore[attr-defined]


def test_prime_counts_what_is_due_on_the_sidebar(qtbot: QtBot, window: MainWindow) -> None:
    conn = window.ctx.database()
    contact_id = store.add_contact(conn, ContactDraft(first_name="Grace"))
    followups.add_follow_up(conn, contact_id, dt.date.today().isoformat(), "Say hello")
    window.show_page("settings")
    window.prime()
    assert window.badge("today") == 1
    assert window.current_page().key == "settings"


def test_deferred_window_reads_no_data_until_primed(qtbot: QtBot, ctx: AppContext) -> None:
    conn = ctx.database()
    contact_id = store.add_contact(conn, ContactDraft(first_name="Linus"))
    followups.add_follow_up(conn, contact_id, dt.date.today().isoformat(), "Reply")
    win = MainWindow(ctx, defer_data=True)
    qtbot.addWidget(win)
    win.show()
    assert win.current_page().key == "today"
    assert win.badge("today") == 0
    win.prime()
    assert win.badge("today") == 1
    assert [f.reason for f in win.page("today").due_now()] == ["Reply"]  # type: ignore[attr-defined]


@pytest.mark.slow
def test_smoke_test_fails_when_the_data_cannot_be_opened(data_dir: Path) -> None:
    database_path(data_dir).write_bytes(b"not a database" * 500)
    result = subprocess.run(
        [sys.executable, "-m", "profile_helper", "--data-dir", str(data_dir), "--smoke-test"],
        cwd=REPO_ROOT, capture_output=True, text=True, check=False, timeout=120,
    )  # fmt: skip
    assert result.returncode == 1
    assert "error message(s) shown" in result.stderr
    assert "Traceback" not in result.stderr


_FIRST_SIZE_PROBE = """
import sys
from pathlib import Path
from profile_helper.gui.app.main_window import MainWindow
from profile_helper.gui.app.run import create_application
from profile_helper.gui.common.context import AppContext
app = create_application()
window = MainWindow(AppContext(Path(sys.argv[1])), defer_data=True)
print(window.width(), window.height())
"""


@pytest.mark.parametrize(("screen", "size"), [((1024, 700), "984 660"), ((1920, 1080), "1180 760")])
def test_the_first_window_fits_its_screen(
    data_dir: Path, tmp_path: Path, screen: tuple[int, int], size: str
) -> None:
    config = tmp_path / "screen.json"
    width, height = screen
    config.write_text(
        f'{{"screens": [{{"name": "s", "x": 0, "y": 0, "width": {width}, "height": {height},'
        ' "logicalDpiX": 96, "logicalDpiY": 96, "dpr": 1}]}',
        encoding="utf-8",
    )
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
    result = subprocess.run(
        [sys.executable, "-c", _FIRST_SIZE_PROBE, str(data_dir)],
        cwd=REPO_ROOT, env=env, capture_output=True, text=True, check=False, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-2:] == size.split()
