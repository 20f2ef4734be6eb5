"""What every page gets: the data directory and the database, opened once on first use."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Signal


class AppContext(QObject):
    """Shared state of one running window, passed to each page (no global singletons).

    ``data_changed`` tells every page that the store changed (an import, a logged message), so
    that pages refresh what they show without knowing about each other.
    """

    data_changed = Signal(str)
    status_message = Signal(str)

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self._conn: sqlite3.Connection | None = None

    def database(self) -> sqlite3.Connection:
        if self._conn is None:
            from profile_helper.core.db import open_database
            from profile_helper.core.paths import database_path

            self._conn = open_database(database_path(self.data_dir))
        return self._conn

    def view_settings(self) -> QSettings:
        """View state (geometry, splitter sizes) in an ini file beside the data."""
        return QSettings(str(self.data_dir / "window.ini"), QSettings.Format.IniFormat)

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None
