"""The first frame's Today page from data read ahead, before the database is open; then the
real open, which changes nothing the page shows."""

from __future__ import annotations

import dataclasses
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from profile_helper.core import read_ahead
from profile_helper.core.security.modes import MODE_KEYCHAIN
from profile_helper.core.storage import cipher
from profile_helper.core.today.summary import TodayData
from profile_helper.gui.app.main_window import MainWindow
from profile_helper.gui.common.context import AppContext
from profile_helper.gui.security import startup as privacy_startup
from tests.gui.app.test_startup_report import run_python
from tests.sample_folder import DUE_NOW, leave_folder

pytestmark = pytest.mark.skipif(not cipher.available(), reason="reads ahead only with SQLCipher")


def _read_ahead(data_dir: Path) -> TodayData:
    leave_folder(data_dir)
    data = read_ahead.from_plain(read_ahead.read(data_dir).get(read_ahead.TODAY))
    assert data is not None
    return data


def _window(qtbot: QtBot, ctx: AppContext) -> MainWindow:
    win = MainWindow(ctx, defer_data=True)
    qtbot.addWidget(win)
    win.show()
    return win


def _due_now(win: MainWindow) -> list[str]:
    return [f.reason for f in win.page("today").due_now()]  # type: ignore[attr-defined]


def test_today_is_shown_from_data_read_ahead_then_opened_for_real(
    qtbot: QtBot, ctx: AppContext, data_dir: Path
) -> None:
    data = _read_ahead(data_dir)
    win = _window(qtbot, ctx)
    assert win.prime_read_ahead(data)
    assert ctx.unlocked is None  # nothing opened the database
    assert win.badge("today") == len(DUE_NOW)
    assert _due_now(win) == DUE_NOW
    win.prime()
    assert ctx.unlocked is not None
    assert win.badge("today") == len(DUE_NOW)
    assert _due_now(win) == DUE_NOW


def test_the_status_bar_says_how_the_data_is_kept_from_the_first_frame(
    qtbot: QtBot, ctx: AppContext, data_dir: Path
) -> None:
    data = _read_ahead(data_dir)
    win = _window(qtbot, ctx)
    status = privacy_startup.install(win, ctx)
    assert win.prime_read_ahead(data)
    status.show_opened(MODE_KEYCHAIN, encrypted=True)  # as the start does, before the open
    first = (status.text.text(), status.toolTip())
    assert first[0] == "Encrypted (keychain)"
    assert status.icon.pixmap() is not None and not status.icon.pixmap().isNull()
    assert privacy_startup.unlock_at_start(win, ctx, status)
    assert (status.text.text(), status.toolTip()) == first  # the real open says the same


def test_data_read_for_another_day_is_not_shown(
    qtbot: QtBot, ctx: AppContext, data_dir: Path
) -> None:
    yesterday = (date.today() - timedelta(days=1)).isoformat()
    data = dataclasses.replace(_read_ahead(data_dir), day=yesterday)
    win = _window(qtbot, ctx)
    assert not win.prime_read_ahead(data)
    assert win.badge("today") == 0


def test_only_today_as_the_first_page_is_read_ahead(
    qtbot: QtBot, ctx: AppContext, data_dir: Path
) -> None:
    data = _read_ahead(data_dir)
    win = _window(qtbot, ctx)
    win.show_page("contacts")
    assert not win.prime_read_ahead(data)
    assert win.badge("today") == 0


# The app run to its first page with the data, then asked what it loaded on the way.
_MODULES_PROBE = """
import sys
from profile_helper.cli import main
code = main(sys.argv[1:])
loaded = [m for m in ("sqlite3", "sqlcipher3", "keyring", "profile_helper.core.app_database")
          if m in sys.modules]
if "libqsvg" in open("/proc/self/maps").read():
    loaded.append("the SVG renderer")
print(" ".join(loaded) or "none")
sys.exit(code)
"""


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads ahead on Linux only")
def test_the_first_page_is_painted_without_loading_the_database(
    data_dir: Path, tmp_path: Path
) -> None:
    """The key, SQLite, SQLCipher and the storage load in the second process, on the other core;
    the first frame's icons come ready-made, without the SVG renderer."""
    leave_folder(data_dir)
    report = tmp_path / "startup.json"
    args = ["--data-dir", str(data_dir), "--no-err-windows", "--quit-after-first-page"]
    result = run_python("-c", _MODULES_PROBE, *args, "--startup-report", str(report))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "none"
    assert "first_page_data" in report.read_text(encoding="utf-8")
    # Without the quit, the database is opened once that page is shown, as always.
    result = run_python("-c", _MODULES_PROBE, *args[:-1], "--smoke-test")
    assert result.returncode == 0, result.stderr
    assert "sqlcipher3" in result.stdout
