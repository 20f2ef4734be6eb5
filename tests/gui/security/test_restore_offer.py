"""Data that would not open at start: the backups are offered, and one is restored."""

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot

from profile_helper.core.paths import database_path
from profile_helper.core.settings import get_setting, set_setting
from profile_helper.core.storage.backups import create_backup
from profile_helper.core.storage.connection import remove_sidecars
from profile_helper.gui.common import msgbox
from profile_helper.gui.common.context import AppContext
from profile_helper.gui.security import startup as privacy_startup
from profile_helper.gui.security.passphrase_dialog import PassphraseDialog
from profile_helper.gui.security.restore_dialog import RestoreOfferDialog
from tests.gui.dialogs import when_modal


def _damaged_with_a_backup(db: sqlite3.Connection, data_dir: Path) -> None:
    set_setting(db, "profile.name", "Ada")
    create_backup(db, data_dir, reason="manual")
    db.close()
    live = database_path(data_dir)
    remove_sidecars(live)
    live.write_bytes(b"\x01" * 8192)


def test_restore_offered_at_start_brings_the_data_back(
    qtbot: QtBot, ctx: AppContext, db: sqlite3.Connection, data_dir: Path
) -> None:
    _damaged_with_a_backup(db, data_dir)
    window = QMainWindow()  # the frame only: its pages would open the database themselves
    qtbot.addWidget(window)
    status = privacy_startup.install(window, ctx)
    seen: list[str] = []

    def restore_newest(dialog: RestoreOfferDialog) -> None:
        seen.append(dialog.windowTitle())
        assert dialog.list.count() == 1 and dialog.restore_button.isEnabled()
        dialog.restore_button.click()

    # A damaged encrypted file looks like one the key does not open: the person is asked for
    # the recovery key first, and has none to give.
    when_modal(PassphraseDialog, lambda dialog: dialog.reject())
    when_modal(RestoreOfferDialog, restore_newest)
    with qtbot.waitSignal(ctx.status_message) as said:
        assert privacy_startup.unlock_at_start(window, ctx, status)
    assert seen == ["Your data could not be opened"]
    assert get_setting(ctx.database(), "profile.name") == "Ada"
    assert status.text.text().startswith("Encrypted") or "Not encrypted" in status.text.text()
    # The file that would not open is kept, as it was, beside the restored database.
    (kept,) = data_dir.glob("damaged-*.sqlite3")
    assert kept.read_bytes() == b"\x01" * 8192
    assert kept.name in str(said.args[0])


def test_quitting_the_offer_restores_nothing(
    qtbot: QtBot, ctx: AppContext, db: sqlite3.Connection, data_dir: Path
) -> None:
    _damaged_with_a_backup(db, data_dir)
    window = QMainWindow()  # the frame only: its pages would open the database themselves
    qtbot.addWidget(window)
    status = privacy_startup.install(window, ctx)
    when_modal(PassphraseDialog, lambda dialog: dialog.reject())
    when_modal(RestoreOfferDialog, lambda dialog: dialog.quit_button.click())
    assert not privacy_startup.unlock_at_start(window, ctx, status)
    assert database_path(data_dir).read_bytes() == b"\x01" * 8192
    assert not list(data_dir.glob("damaged-*"))


@pytest.mark.usefixtures("no_windows")
def test_without_windows_the_error_goes_to_stderr(
    qtbot: QtBot,
    ctx: AppContext,
    db: sqlite3.Connection,
    data_dir: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _damaged_with_a_backup(db, data_dir)
    window = QMainWindow()  # the frame only: its pages would open the database themselves
    qtbot.addWidget(window)
    status = privacy_startup.install(window, ctx)
    assert msgbox.no_err_windows()
    assert not privacy_startup.unlock_at_start(window, ctx, status)
    assert "could not be opened" in capsys.readouterr().err
