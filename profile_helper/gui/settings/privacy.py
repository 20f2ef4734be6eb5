"""Settings, "Privacy and backups": how the data is protected, the recovery key, the backups."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from profile_helper.core.errors import ProfileHelperError
from profile_helper.core.security.state import read_state
from profile_helper.core.storage import cipher
from profile_helper.core.storage.backups import (
    check_backup,
    create_backup,
    find_backup,
    list_backups,
)
from profile_helper.gui.common import msgbox, theme
from profile_helper.gui.common.changes import Change
from profile_helper.gui.common.context import AppContext
from profile_helper.gui.security.recovery_dialog import RecoveryKeyDialog
from profile_helper.gui.security.restore_dialog import restore
from profile_helper.gui.settings.section import SettingsSection


class PrivacySection(SettingsSection):
    """How the data is protected and its backups; read again when shown and after each action."""

    title = "Privacy and backups"
    description = "How your data is protected on this computer, and the copies kept of it."

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        top = self._build_protection()
        self._build_backups()
        buttons = QHBoxLayout()
        buttons.addWidget(self.backup_button)
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        layout = self.content
        layout.addLayout(top)
        backups_title = QLabel("Backups")
        backups_title.setStyleSheet("font-weight: 600;")
        layout.addWidget(backups_title)
        layout.addWidget(self.backups_note)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.refresh()

    # -- building -------------------------------------------------------------------------
    def _build_protection(self) -> QHBoxLayout:
        """The lock, how the data is encrypted, and the recovery key's button."""
        self.lock_icon = QLabel()
        self.encryption = QLabel()
        self.encryption.setWordWrap(True)
        self.encryption.setAccessibleName("Encryption")
        self.detail = QLabel()
        self.detail.setObjectName("Muted")
        self.detail.setWordWrap(True)
        self.recovery_button = QPushButton("Save recovery key…")
        self.recovery_button.setToolTip(
            "Show the recovery key again and save it to a file: it opens your data on another "
            "computer"
        )
        self.recovery_button.clicked.connect(self.show_recovery_key)
        top = QHBoxLayout()
        top.addWidget(self.lock_icon, 0, Qt.AlignmentFlag.AlignTop)
        text = QVBoxLayout()
        text.addWidget(self.encryption)
        text.addWidget(self.detail)
        top.addLayout(text, 1)
        top.addWidget(self.recovery_button, 0, Qt.AlignmentFlag.AlignTop)
        return top

    def _build_backups(self) -> None:
        """The table of backups, a note on how they are kept, and the two buttons."""
        self.table = QTableWidget(0, 3)
        self.table.setAccessibleName("Backups")
        self.table.setHorizontalHeaderLabels(["Taken", "Why", "Size"])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setMinimumHeight(170)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.backups_note = QLabel()
        self.backups_note.setObjectName("Muted")
        self.backups_note.setWordWrap(True)
        self.backup_button = QPushButton("&Back up now")
        self.backup_button.setToolTip("Take an encrypted copy of your data now (Ctrl+Shift+B)")
        self.backup_button.setShortcut(QKeySequence("Ctrl+Shift+B"))
        self.backup_button.clicked.connect(self.back_up_now)
        self.restore_button = QPushButton("&Restore…")
        self.restore_button.setToolTip(
            "Put the selected backup in place of your data (your current data is backed up first)"
        )
        self.restore_button.clicked.connect(self.restore_selected)

    # -- state ----------------------------------------------------------------------------
    def load(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        colors = theme.current()
        unlocked = self.ctx.unlocked
        encrypted = bool(unlocked and unlocked.encrypted)
        color = colors.good if encrypted else colors.warn
        name = "lock" if encrypted else "unlock"
        self.lock_icon.setPixmap(theme.icon(name, color).pixmap(28, 28))
        if unlocked is None:
            self.encryption.setText("The database is not open yet.")
            self.detail.setText("")
        else:
            self.encryption.setText(f"<b>{unlocked.describe()}.</b>")
            details = []
            if encrypted:
                details.append(
                    f"SQLCipher {cipher.version()}, AES-256. Backups are encrypted the same way."
                )
                if unlocked.key is not None and unlocked.key.kind == "raw":
                    saved = unlocked.state is not None and unlocked.state.recovery_saved
                    details.append(
                        "Recovery key saved."
                        if saved
                        else "Your recovery key has not been saved yet: save it now."
                    )
            else:
                details.append(
                    "Anyone who gets a copy of the data folder or its backups can read it."
                )
            self.detail.setText(" ".join(details))
        can_export = bool(unlocked and unlocked.key is not None and unlocked.key.kind == "raw")
        self.recovery_button.setVisible(can_export)

        backups = list_backups(self.ctx.data_dir)
        self.table.setRowCount(len(backups))
        for row, backup in enumerate(backups):
            taken = QTableWidgetItem(backup.created.strftime("%a %d %b %Y, %H:%M"))
            taken.setData(Qt.ItemDataRole.UserRole, backup.name)
            taken.setToolTip(str(backup.path))
            self.table.setItem(row, 0, taken)
            self.table.setItem(row, 1, QTableWidgetItem(_reason(backup.reason)))
            size = QTableWidgetItem(f"{max(1, round(backup.size / 1024))} KB")
            size.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, 2, size)
        self.backups_note.setText(
            "Taken before every upgrade and once a day; the last 7 days and 4 weeks are kept."
            if backups
            else "No backups yet. One is taken every day you use the app; or back up now."
        )
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(bool(self.table.selectedItems()))

    def _selected_name(self) -> str | None:
        items = self.table.selectedItems()
        if not items:
            return None
        first = self.table.item(items[0].row(), 0)
        return None if first is None else str(first.data(Qt.ItemDataRole.UserRole))

    # -- actions --------------------------------------------------------------------------
    def back_up_now(self) -> None:
        try:
            path = create_backup(self.ctx.database(), self.ctx.data_dir, reason="manual")
        except ProfileHelperError as exc:
            msgbox.show_error(self, "Backup failed", exc.message)
            return
        self.refresh()
        self.ctx.status_message.emit(f"Backed up to {path.name}")

    def restore_selected(self) -> None:
        name = self._selected_name()
        if name is None:
            return

        if not msgbox.confirm(
            self,
            "Restore this backup?",
            "Your data will be replaced by this backup. Your current data is backed up first, "
            "so you can go back to it from this list.",
            "Restore",
        ):
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            backup = find_backup(self.ctx.data_dir, name)
            key = self.ctx.unlocked.key if self.ctx.unlocked else None
            check_backup(backup, key)  # before the safety copy: a bad backup changes nothing
            # The data as it is now, in this list, to go back to (the file moved aside by the
            # restore is kept too, outside the list).
            safety = create_backup(self.ctx.database(), self.ctx.data_dir, "before-restore")
            restore(self.ctx, backup)
        except ProfileHelperError as exc:
            QGuiApplication.restoreOverrideCursor()
            msgbox.show_error(self, "Restore failed", exc.message)
            return
        QGuiApplication.restoreOverrideCursor()
        self.refresh()
        self.ctx.data_changed.emit(Change.ALL)
        self.ctx.status_message.emit(
            f"Restored the backup of {backup.created:%d %b %Y %H:%M}; "
            f"the data before it is in {safety.name}"
        )

    def show_recovery_key(self) -> None:
        unlocked = self.ctx.unlocked
        if unlocked is None or unlocked.key is None:
            return

        dialog = RecoveryKeyDialog(self.ctx.data_dir, unlocked.key, self)
        dialog.finished.connect(lambda _code: self._after_recovery_dialog())
        dialog.open()

    def _after_recovery_dialog(self) -> None:
        if self.ctx.unlocked is not None:
            self.ctx.unlocked = replace(self.ctx.unlocked, state=read_state(self.ctx.data_dir))
        self.refresh()


_REASONS = {
    "daily": "Daily",
    "manual": "By hand",
    "before-restore": "Before a restore",
    "before-encryption": "Before encryption",
}


def _reason(tag: str) -> str:
    if tag.startswith("before-schema"):
        return "Before an upgrade"
    return _REASONS.get(tag, tag.replace("-", " ").capitalize())
