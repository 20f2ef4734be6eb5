"""The privacy parts of the window: dialogs, the status bar lock, Settings, single instance."""

import sqlite3
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from profile_helper.core.paths import backups_dir
from profile_helper.core.security.keys import parse_recovery_key
from profile_helper.core.security.state import read_state
from profile_helper.core.settings import get_setting, set_setting
from profile_helper.core.storage import cipher
from profile_helper.core.storage.backups import create_backup, list_backups
from profile_helper.gui.app.main_window import MainWindow
from profile_helper.gui.app.single_instance import SingleInstance, ask_running_instance
from profile_helper.gui.common import msgbox
from profile_helper.gui.common.context import AppContext
from profile_helper.gui.security import startup as privacy_startup
from profile_helper.gui.security.passphrase_dialog import PassphraseDialog, dialog_prompt
from profile_helper.gui.security.recovery_dialog import RecoveryKeyDialog
from profile_helper.gui.settings.privacy import PrivacySection

needs_cipher = pytest.mark.skipif(not cipher.available(), reason="SQLCipher is not installed")


def test_new_passphrase_is_checked_next_to_the_fields(qtbot: QtBot) -> None:
    dialog = PassphraseDialog("new-passphrase", "Choose a passphrase.")
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.ok_button.isEnabled()
    assert dialog.problem.isHidden()  # nothing said before anything is typed
    qtbot.keyClicks(dialog.field, "short")
    assert dialog.problem.isVisible() and "8 characters" in dialog.problem.text()
    assert not dialog.ok_button.isEnabled()
    dialog.accept()
    assert dialog.isVisible() and "8 characters" in dialog.problem.text()
    qtbot.keyClicks(dialog.field, " and long")
    assert dialog.problem.isHidden()  # the repeat is not typed yet
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.repeat, "short and lo")
    assert dialog.problem.isVisible() and "differ" in dialog.problem.text()
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.repeat, "ng")
    assert dialog.problem.isHidden()
    assert dialog.ok_button.isEnabled()
    with qtbot.waitSignal(dialog.accepted):
        dialog.ok_button.click()
    assert dialog.secret() == "short and long"


def test_unlock_dialog_has_one_field(qtbot: QtBot) -> None:
    dialog = PassphraseDialog("unlock", "Enter your recovery key or passphrase.")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.repeat.isHidden()
    assert not dialog.ok_button.isEnabled()
    dialog.accept()
    assert dialog.isVisible() and dialog.problem.text()
    dialog.field.setText("anything")
    assert dialog.ok_button.isEnabled()
    with qtbot.waitSignal(dialog.accepted):
        dialog.accept()


@needs_cipher
@pytest.mark.usefixtures("no_windows")
def test_start_up_shows_the_lock_and_offers_the_recovery_key(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path
) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    status = privacy_startup.install(window, ctx)
    window.show()
    assert ctx.prompt is None  # no windows: nothing may wait for a person
    assert privacy_startup.unlock_at_start(window, ctx, status)
    assert status.text.text() == "Encrypted (keychain)"
    assert ctx.unlocked is not None and ctx.unlocked.created
    key = ctx.unlocked.key
    assert key is not None
    dialog = RecoveryKeyDialog(ctx.data_dir, key)
    qtbot.addWidget(dialog)
    file = tmp_path / "recovery.txt"
    dialog.save_to(file)
    assert parse_recovery_key(file.read_text().splitlines()[0]) == key
    assert "Saved" in dialog.status.text()
    state = read_state(ctx.data_dir)
    assert state is not None and state.recovery_saved


def test_the_days_first_backup_waits_until_after_the_unlock(
    qtbot: QtBot, data_dir: Path, ctx: AppContext
) -> None:
    # A database made on an earlier start: the unlock is the second start's.
    earlier = AppContext(data_dir)
    earlier.database(daily_backup=False)
    earlier.close()
    window = MainWindow(ctx, defer_data=True)  # as at start-up: the pages wait for the unlock
    qtbot.addWidget(window)
    status = privacy_startup.install(window, ctx)
    assert privacy_startup.unlock_at_start(window, ctx, status)
    assert list_backups(data_dir) == []  # the first page is not kept waiting for it
    privacy_startup.backup_daily(window, ctx)
    assert len(list_backups(data_dir)) == 1
    privacy_startup.backup_daily(window, ctx)
    assert len(list_backups(data_dir)) == 1  # once a day


@pytest.mark.usefixtures("no_windows")
def test_a_database_that_cannot_be_opened_is_reported_not_prompted(
    qtbot: QtBot, ctx: AppContext, capsys: pytest.CaptureFixture[str]
) -> None:
    (ctx.data_dir / "profile-helper.sqlite3").write_bytes(b"\x01" * 4096)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    status = privacy_startup.install(window, ctx)
    assert not privacy_startup.unlock_at_start(window, ctx, status)
    assert status.text.text() == "Locked"
    assert "could not be opened" in capsys.readouterr().err


@needs_cipher
def test_settings_section_backs_up_and_restores(
    qtbot: QtBot,
    ctx: AppContext,
    db: sqlite3.Connection,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    set_setting(db, "profile.name", "Ada")
    db.close()
    ctx.database()
    section = PrivacySection(ctx)
    qtbot.addWidget(section)
    section.show()
    assert "Encrypted; the key is kept" in section.encryption.text()
    assert "saved" in section.detail.text().lower()
    assert section.table.rowCount() == len(list_backups(ctx.data_dir))
    assert not section.restore_button.isEnabled()

    with qtbot.waitSignal(ctx.status_message):
        qtbot.mouseClick(section.backup_button, Qt.MouseButton.LeftButton)
    assert section.table.rowCount() == len(list_backups(ctx.data_dir)) >= 1
    set_setting(ctx.database(), "profile.name", "Changed")

    section.table.selectRow(0)  # newest first: the backup just made
    assert section.restore_button.isEnabled()
    monkeypatch.setattr(msgbox, "confirm", lambda *_args, **_kw: True)
    with qtbot.waitSignal(ctx.data_changed):
        qtbot.mouseClick(section.restore_button, Qt.MouseButton.LeftButton)
    assert get_setting(ctx.database(), "profile.name") == "Ada"
    reasons = [b.reason for b in list_backups(ctx.data_dir)]
    assert "before-restore" in reasons
    assert section.table.rowCount() == len(reasons)


@pytest.mark.usefixtures("no_windows")
def test_declined_restore_changes_nothing(qtbot: QtBot, ctx: AppContext) -> None:
    create_backup(ctx.database(), ctx.data_dir)
    section = PrivacySection(ctx)
    qtbot.addWidget(section)
    section.refresh()
    section.table.selectRow(0)
    section.restore_selected()  # without windows, the confirmation answers no
    assert [b.reason for b in list_backups(ctx.data_dir)] == ["manual"]


# The offscreen platform cannot raise windows; it says so, which is not a problem of ours.
@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_second_start_brings_the_first_window_forward(
    qtbot: QtBot, ctx: AppContext, data_dir: Path
) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    guard = SingleInstance(data_dir, window)
    assert guard.listening()
    window.showMinimized()
    with qtbot.waitSignal(guard.brought_to_front):
        assert ask_running_instance(data_dir)
    assert not window.isMinimized()
    assert not ask_running_instance(data_dir / "another")


class _Typist:
    """Answers each passphrase dialog as it opens, from a list, the way a person would."""

    def __init__(self, qtbot: QtBot, *answers: tuple[str, str]) -> None:
        self.qtbot = qtbot
        self.answers = list(answers)
        self.seen: list[str] = []
        QTimer.singleShot(0, self.answer)

    def answer(self) -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, PassphraseDialog):
            QTimer.singleShot(10, self.answer)
            return
        self.seen.append(dialog.windowTitle())
        first, repeat = self.answers.pop(0)
        self.qtbot.keyClicks(dialog.field, first)
        self.qtbot.keyClicks(dialog.repeat, repeat)
        dialog.accept()
        if self.answers:
            QTimer.singleShot(0, self.answer)


@needs_cipher
def test_without_a_keychain_the_dialogs_set_up_and_unlock_a_passphrase(
    qtbot: QtBot, data_dir: Path
) -> None:
    saved = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        first = AppContext(data_dir)
        first.prompt = dialog_prompt(lambda: None)
        typist = _Typist(qtbot, ("a long passphrase", "a long passphrase"))
        set_setting(first.database(), "profile.name", "Ada")
        first.close()
        assert first.unlocked is not None and first.unlocked.mode == "passphrase"
        assert typist.seen == ["Choose a passphrase - Profile Helper"]

        later = AppContext(data_dir)
        later.prompt = dialog_prompt(lambda: None)
        typist = _Typist(qtbot, ("the wrong one", ""), ("a long passphrase", ""))
        assert get_setting(later.database(), "profile.name") == "Ada"
        later.close()
        assert typist.seen == ["Unlock Profile Helper", "Unlock Profile Helper"]
    finally:
        keyring.set_keyring(saved)


@pytest.mark.usefixtures("no_windows")
def test_without_sqlcipher_the_window_says_the_data_is_not_encrypted(
    qtbot: QtBot, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    # What cipher.module() reports where the sqlcipher3 wheel is not installed.
    monkeypatch.setattr(cipher, "module", lambda: None)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    status = privacy_startup.install(window, ctx)
    assert privacy_startup.unlock_at_start(window, ctx, status)
    assert status.text.text() == "Not encrypted: SQLCipher is not installed"
    section = PrivacySection(ctx)
    qtbot.addWidget(section)
    assert "Not encrypted" in section.encryption.text()
    assert "can read it" in section.detail.text()
    assert section.recovery_button.isHidden()
    assert cipher.is_plain_sqlite(ctx.data_dir / "profile-helper.sqlite3")


@pytest.mark.usefixtures("no_windows")
def test_a_days_backup_that_cannot_be_taken_is_said_and_the_app_goes_on(
    qtbot: QtBot, data_dir: Path, ctx: AppContext, capsys: pytest.CaptureFixture[str]
) -> None:
    earlier = AppContext(data_dir)
    earlier.database(daily_backup=False)
    earlier.close()
    window = MainWindow(ctx, defer_data=True)
    qtbot.addWidget(window)
    status = privacy_startup.install(window, ctx)
    assert privacy_startup.unlock_at_start(window, ctx, status)
    # A file where the backups folder goes: no backup can be written there.
    backups_dir(data_dir).write_text("not a folder", encoding="utf-8")
    privacy_startup.backup_daily(window, ctx)
    err = capsys.readouterr().err
    assert "The day's backup could not be taken" in err
    assert "Cannot write a backup" in err
    # The data is still open and the page still reads it.
    window.prime()
    assert window.current_page().key == "today"
    assert backups_dir(data_dir).read_text(encoding="utf-8") == "not a folder"
