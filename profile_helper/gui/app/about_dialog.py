"""The About dialog: what the app is, its version, where the person's data lives, and the
sources of the data it ships."""

from __future__ import annotations

from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from profile_helper import APP_NAME, __version__
from profile_helper.core.resources import read_text
from profile_helper.gui.common import theme

ATTRIBUTION_RESOURCE = "vocabulary/attribution.txt"


class AboutDialog(QDialog):
    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"About {APP_NAME}")
        self.data_dir = data_dir
        logo = QLabel()
        logo.setPixmap(theme.icon("app", None, 96).pixmap(96, 96))
        logo.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.version_label = QLabel(f"<h2>{APP_NAME}</h2><p>Version {__version__}</p>")
        text = QLabel(
            "Audit your LinkedIn profile, keep a private CRM of your network and write "
            "outreach messages. Everything stays on this computer: no account, no upload."
        )
        text.setWordWrap(True)
        self.location_label = QLabel(f"Your data: <code>{data_dir}</code>")
        self.location_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.location_label.setWordWrap(True)
        tech = QLabel(f"Qt for Python {pyside_version}")
        tech.setObjectName("Muted")
        # The vocabulary's licence asks for its attribution wherever the app shows who made it.
        self.attribution_label = QLabel(read_text(ATTRIBUTION_RESOURCE).strip())
        self.attribution_label.setObjectName("Muted")
        self.attribution_label.setWordWrap(True)
        self.attribution_label.setAccessibleName("Data sources and licences")
        column = QVBoxLayout()
        for widget in (self.version_label, text, self.location_label, tech, self.attribution_label):
            column.addWidget(widget)
        row = QHBoxLayout()
        row.addWidget(logo)
        row.addSpacing(12)
        row.addLayout(column, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        open_folder = QPushButton("Open data folder")
        open_folder.setToolTip("Show the folder that holds your database, backups and logs")
        open_folder.clicked.connect(self.open_data_folder)
        buttons.addButton(open_folder, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def open_data_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.data_dir)))
