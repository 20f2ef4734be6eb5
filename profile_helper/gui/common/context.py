"""What every page gets: the data directory and the database, opened once on first use."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Signal

from profile_helper.core.paths import database_path
from profile_helper.gui.common.changes import Change

if TYPE_CHECKING:
    import sqlite3

    from profile_helper.core.security.unlock import Unlocked


class AppContext(QObject):
    """Shared state of one running window, passed to each page (no global singletons).

    ``data_changed`` tells every page what changed in the store (a :class:`Change`: an import,
    a logged message), so that pages refresh what they show without knowing about each other.

    ``prompt`` asks the person for a passphrase or recovery key when the database needs one; the
    application sets it to a dialog at start-up, and without it such a database is an error.
    """

    data_changed = Signal(Change)
    status_message = Signal(str)

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self._conn: sqlite3.Connection | None = None
        self.passphrase: str | None = None
        self.prompt: Callable[[str, str], str | None] | None = None
        self.unlocked: Unlocked | None = None

    def database(self, *, daily_backup: bool = True) -> sqlite3.Connection:
        """The database, opened on first use; without ``daily_backup`` the day's first backup
        waits for :meth:`backup_daily` (start-up takes it once the first page is painted)."""
        if self._conn is None:
            # Start-up: the first frame may show data read ahead (core.read_ahead); the keychain,
            # storage and SQLCipher modules load once the database is opened here.
            from profile_helper.core.app_database import open_app_database  # noqa: PLC0415

            opened = open_app_database(
                self.data_dir, self.passphrase, self.prompt, daily_backup=daily_backup
            )
            self._conn, self.unlocked = opened.conn, opened.unlocked
        return self._conn

    def backup_daily(self) -> None:
        """The day's first backup, if none is yet (of an open database only)."""
        if self._conn is not None and self.unlocked is not None:
            from profile_helper.core.app_database import backup_daily  # noqa: PLC0415 - as in database()

            backup_daily(self._conn, self.data_dir, self.unlocked)

    def view_settings(self) -> QSettings:
        """View state (geometry, splitter sizes) in an ini file beside the data."""
        return QSettings(str(self.data_dir / "window.ini"), QSettings.Format.IniFormat)

    def close(self) -> None:
        """Close the database at quit, checked, so that the next start need not check it."""
        if self._conn is not None:
            from profile_helper.core.storage.database import close_checked  # noqa: PLC0415 - as above

            close_checked(self._conn, database_path(self.data_dir))
            self._conn = None
