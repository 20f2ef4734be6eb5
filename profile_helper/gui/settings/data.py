"""Settings, "Your data": where the database, your templates, backups and logs live."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QWidget

from profile_helper.core.paths import backups_dir, database_path, logs_dir, user_templates_dir
from profile_helper.gui.common.context import AppContext
from profile_helper.gui.settings.section import SettingsSection


class DataSection(SettingsSection):
    title = "Your data"
    description = (
        "Everything is kept in one folder on this computer; nothing is uploaded. Back it up "
        "like any folder of your own."
    )

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        data_dir = ctx.data_dir
        self.places: list[tuple[str, Path]] = [
            ("Data folder", data_dir),
            ("Database", database_path(data_dir)),
            ("Your templates", user_templates_dir(data_dir)),
            ("Backups", backups_dir(data_dir)),
            ("Logs", logs_dir(data_dir)),
        ]
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        for row, (label, path) in enumerate(self.places):
            name = QLabel(label)
            value = QLabel(str(path))
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setAccessibleName(f"{label} location")
            value.setWordWrap(True)
            grid.addWidget(name, row, 0)
            grid.addWidget(value, row, 1)
        grid.setColumnStretch(1, 1)
        self.content.addLayout(grid)
        self.open_button = QPushButton("Open data folder")
        self.open_button.setToolTip("Show the folder in your file manager")
        self.open_button.clicked.connect(self.open_folder)
        self.content.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignLeft)

    def open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.ctx.data_dir)))
