"""The dialog for a bug: what happened, where the log is, and a button to copy debug info."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from profile_helper.gui.common import theme


class CrashDialog(QDialog):
    def __init__(self, report: str, log_path: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        theme.style_window(self)
        self.setWindowTitle("Profile Helper hit a bug")
        self.resize(640, 420)
        self._report = report
        where = (
            f"A report was saved to <code>{log_path}</code>."
            if log_path
            else "The report could not be saved; copy it from below."
        )
        intro = QLabel(
            "<b>Something went wrong inside Profile Helper.</b><br>"
            "Your data is safe: every change you saved is in the database. "
            f"{where} Please copy the debug info and send it to us."
        )
        intro.setWordWrap(True)
        details = QPlainTextEdit(report)
        details.setReadOnly(True)
        details.setAccessibleName("Crash details")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = QPushButton("Copy debug info")
        copy.setToolTip("Copy the report to the clipboard, to paste into a bug report")
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(self.copy_debug_info)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(details, 1)
        layout.addWidget(buttons)

    def copy_debug_info(self) -> None:
        QGuiApplication.clipboard().setText(self._report)
