"""Restoring a backup from the window: the one restore the CLI does too, and the offer to use it
when the data could not be opened at start.

Every restore goes through :func:`profile_helper.core.storage.backups.restore_replacing`: the
backup is checked with the key that opens it, the current file is moved aside (never opened,
never deleted), the backup is copied in and checked, and the database is opened again.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from profile_helper.core.errors import ProfileHelperError
from profile_helper.core.security.unlock import unlock_file
from profile_helper.core.storage.backups import BackupInfo, restore_replacing
from profile_helper.core.storage.keys import DatabaseKey
from profile_helper.gui.common.context import AppContext


def restore(ctx: AppContext, backup: BackupInfo) -> Path | None:
    """Put ``backup`` in place of the database and open it; returns where the old file went.

    The key is the open database's when there is one; otherwise (the database would not open)
    the one that opens the backup, found as at start (the keychain, or the person is asked).
    """
    key: DatabaseKey | None
    if ctx.unlocked is not None and ctx.unlocked.key is not None:
        key = ctx.unlocked.key
    else:
        key = unlock_file(ctx.data_dir, backup.path, ctx.passphrase, ctx.prompt)
    ctx.close()  # our own connection too: the file is about to be moved aside
    kept = restore_replacing(ctx.data_dir, backup, key)
    ctx.database()
    return kept


def describe(backup: BackupInfo) -> str:
    """One line for a backup in a list: when, why, how big."""
    reason = backup.reason.replace("-", " ")
    return f"{backup.created:%d %b %Y %H:%M}  ·  {reason}  ·  {backup.size / 1024:.0f} KB"


class RestoreOfferDialog(QDialog):
    """Your data could not be opened: why, and the backups one of which can take its place."""

    def __init__(
        self,
        ctx: AppContext,
        message: str,
        backups: list[BackupInfo],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.backups = backups
        self.restored: BackupInfo | None = None
        self.kept: Path | None = None
        self.setWindowTitle("Your data could not be opened")
        self.setMinimumWidth(560)
        why = QLabel(message)
        why.setWordWrap(True)
        why.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        offer = QLabel(
            "You can restore one of your backups. The current file is kept beside it, "
            "unchanged, in case it can still be rescued."
        )
        offer.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName("Backups")
        for backup in backups:
            item = QListWidgetItem(describe(backup))
            item.setData(Qt.ItemDataRole.UserRole, backup.name)
            item.setToolTip(backup.name)
            self.list.addItem(item)
        self.list.setCurrentRow(0)  # newest first
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setObjectName("Error")
        self.problem.hide()
        self.restore_button = QPushButton("&Restore this backup")
        self.restore_button.setObjectName("Primary")
        self.restore_button.clicked.connect(self.restore_selected)
        self.quit_button = QPushButton("&Quit")
        self.quit_button.clicked.connect(self.reject)
        self.list.itemSelectionChanged.connect(
            lambda: self.restore_button.setEnabled(bool(self.list.selectedItems()))
        )
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.quit_button)
        row.addWidget(self.restore_button)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(why)
        layout.addWidget(offer)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.problem)
        layout.addLayout(row)

    def restore_selected(self) -> None:
        row = self.list.currentRow()
        if row < 0:
            return
        backup = self.backups[row]
        try:
            self.kept = restore(self.ctx, backup)
        except ProfileHelperError as exc:
            self.problem.setText(exc.message)
            self.problem.show()
            return
        self.restored = backup
        self.accept()
