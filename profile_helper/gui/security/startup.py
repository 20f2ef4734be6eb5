"""At start-up: unlock the database (asking if needed), show its protection in the status bar,
offer the recovery key on first set-up, and take the day's first backup once the first page is
painted. Data that cannot be opened is said so, with the backups offered for a restore.

Nothing here blocks a ``--smoke-test`` or ``--no-err-windows`` run: without windows there is
no prompt, problems go to stderr, and the recovery key is left for Settings or the CLI.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6 import QtCore
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QWidget

from profile_helper.core.errors import ProfileHelperError
from profile_helper.core.security.modes import MODE_KEYCHAIN, describe
from profile_helper.gui.common import msgbox, theme
from profile_helper.gui.common.context import AppContext


class EncryptionStatus(QWidget):
    """A lock and a few words in the status bar: encrypted, and how the key is kept."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.icon = QLabel()
        self.text = QLabel()
        self.setAccessibleName("Encryption status")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 6, 0)
        row.setSpacing(5)
        row.addWidget(self.icon)
        row.addWidget(self.text)

    def show_state(self, ctx: AppContext) -> None:
        """How the context's database was opened; Locked when it could not be."""
        unlocked = ctx.unlocked
        if unlocked is None:
            self.icon.setPixmap(theme.icon("unlock", theme.current().bad).pixmap(14, 14))
            self.text.setText("Locked")
            self.setToolTip("The database could not be opened.")
        else:
            self.show_opened(unlocked.mode, encrypted=unlocked.encrypted)

    def show_opened(self, mode: str, *, encrypted: bool) -> None:
        """A database opened in ``mode`` (``core.security.modes``): also the first frame's, from
        data read ahead with the keychain's key, before the real open says it again."""
        colors = theme.current()
        if encrypted:
            self.icon.setPixmap(theme.icon("lock", colors.good).pixmap(14, 14))
            how = "keychain" if mode == MODE_KEYCHAIN else "passphrase"
            self.text.setText(f"Encrypted ({how})")
            self.setToolTip(f"{describe(mode)}. Details in Settings, Privacy and backups.")
        else:
            self.icon.setPixmap(theme.icon("unlock", colors.warn).pixmap(14, 14))
            self.text.setText("Not encrypted: SQLCipher is not installed")
            self.setToolTip(describe(mode))


def _ask_with_dialog(window: QMainWindow) -> Callable[[str, str], str | None]:
    """Ask for a passphrase or recovery key with a dialog over ``window`` (once it is shown)."""

    def ask(kind: str, message: str) -> str | None:
        # Start-up: the dialog's module loads the key checks, needed only when the key is asked.
        from profile_helper.gui.security.passphrase_dialog import (  # noqa: PLC0415
            dialog_prompt,
        )

        return dialog_prompt(lambda: window if window.isVisible() else None)(kind, message)

    return ask


def install(window: QMainWindow, ctx: AppContext) -> EncryptionStatus:
    """Set up asking for a passphrase through a dialog, and the status bar's lock."""
    if not msgbox.no_err_windows():
        ctx.prompt = _ask_with_dialog(window)
    status = EncryptionStatus(window)
    window.statusBar().addPermanentWidget(status)
    return status


def backup_daily(window: QMainWindow, ctx: AppContext) -> None:
    """Take the day's first backup, if none is yet; a failure is said, and the app goes on."""
    try:
        ctx.backup_daily()
    except ProfileHelperError as exc:
        msgbox.show_error(window, "The day's backup could not be taken", exc.message)


def _offer_restore(window: QMainWindow, ctx: AppContext, message: str) -> bool:
    """Say why the data could not be opened and offer the backups; True once one is restored."""
    from profile_helper.core.storage.backups import (  # noqa: PLC0415 - start-up: only
        list_backups,  # when the data would not open
    )

    backups = list_backups(ctx.data_dir)
    if not backups or msgbox.no_err_windows():
        msgbox.show_error(window, "Your data could not be opened", message)
        return False
    from profile_helper.gui.security.restore_dialog import (  # noqa: PLC0415 - start-up: only
        RestoreOfferDialog,  # when the data would not open
    )

    dialog = RestoreOfferDialog(ctx, message, backups, window)
    if dialog.exec() != RestoreOfferDialog.DialogCode.Accepted or dialog.restored is None:
        return False
    kept = f"; the file that would not open is kept as {dialog.kept.name}" if dialog.kept else ""
    ctx.status_message.emit(
        f"Restored the backup of {dialog.restored.created:%d %b %Y %H:%M}{kept}"
    )
    return True


def unlock_at_start(window: QMainWindow, ctx: AppContext, status: EncryptionStatus) -> bool:
    """Open the database now (it may ask); False when it could not be opened.

    The day's first backup is left for :func:`backup_daily`, once the first page is painted.
    """
    try:
        ctx.database(daily_backup=False)
    except ProfileHelperError as exc:
        status.show_state(ctx)
        if not _offer_restore(window, ctx, exc.message):
            return False
    status.show_state(ctx)
    unlocked = ctx.unlocked
    if unlocked is not None and unlocked.converted:
        ctx.status_message.emit("Your data is now encrypted (a backup was taken first).")
    if (
        unlocked is not None
        and unlocked.created
        and unlocked.key is not None
        and unlocked.key.kind == "raw"
        and not (unlocked.state and unlocked.state.recovery_saved)
        and not msgbox.no_err_windows()
    ):
        from profile_helper.gui.security.recovery_dialog import (  # noqa: PLC0415 - start-up:
            RecoveryKeyDialog,  # only on the first start, after the unlock
        )

        dialog = RecoveryKeyDialog(ctx.data_dir, unlocked.key, window)
        # Qt's namespace by its module, when used: on the way to the first frame, naming it
        # would build Python types for all of it (about 30 ms).
        dialog.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
    return True
