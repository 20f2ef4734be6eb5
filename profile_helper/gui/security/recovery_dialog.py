"""The recovery key, shown once at set-up so that the person can save it to a file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from profile_helper.core.errors import ProfileHelperError
from profile_helper.core.security.keys import recovery_key
from profile_helper.core.security.recovery import (
    NOTICE_BODY,
    NOTICE_HEADLINE,
    save_recovery_key,
)
from profile_helper.core.storage.keys import DatabaseKey
from profile_helper.gui.common import msgbox, theme


class RecoveryKeyDialog(QDialog):
    """Shows the recovery key with Save and Copy; saving records that it was saved."""

    def __init__(self, data_dir: Path, key: DatabaseKey, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.key = key
        self.saved_to: Path | None = None
        self.setWindowTitle("Save your recovery key")
        self.setMinimumWidth(560)
        colors = theme.current()
        intro = QLabel(f"<b>{NOTICE_HEADLINE}</b> {NOTICE_BODY}")
        intro.setWordWrap(True)
        self.key_label = QLabel(recovery_key(key))
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        mono.setPointSize(mono.pointSize() + 2)
        self.key_label.setFont(mono)
        self.key_label.setWordWrap(True)
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key_label.setAccessibleName("Recovery key")
        self.key_label.setStyleSheet(
            f"background: {colors.alt_base}; border: 1px solid {colors.border};"
            "border-radius: 8px; padding: 12px;"
        )
        self.status = QLabel()
        self.status.setObjectName("Muted")
        self.save_button = QPushButton("&Save to file…")
        self.save_button.setObjectName("Primary")
        self.save_button.setShortcut(QKeySequence.StandardKey.Save)
        self.save_button.setToolTip("Write the recovery key to a file you choose (Ctrl+S)")
        self.save_button.clicked.connect(self.choose_file)
        copy = QPushButton("&Copy")
        copy.setToolTip("Copy the recovery key to the clipboard")
        copy.clicked.connect(self.copy)
        self.close_button = QPushButton("&Later")
        self.close_button.setToolTip("You can save it later from Settings, Privacy and backups")
        self.close_button.clicked.connect(self.accept)
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addWidget(copy)
        row.addStretch(1)
        row.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(intro)
        layout.addWidget(self.key_label)
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.addLayout(row)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(recovery_key(self.key))
        self.status.setText("Copied. Paste it into a password manager, then clear the clipboard.")

    def choose_file(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self,
            "Save recovery key",
            str(Path.home() / "profile-helper-recovery-key.txt"),
            "Text files (*.txt)",
        )
        if name:
            self.save_to(Path(name))

    def save_to(self, file: Path) -> None:
        try:
            save_recovery_key(self.data_dir, self.key, file)
        except ProfileHelperError as exc:
            msgbox.show_error(self, "Recovery key not saved", exc.message)
            return
        self.saved_to = file
        self.status.setText(f"Saved to {file}.")
        self.close_button.setText("&Done")
