"""What every CLI handler gets: the chosen data directory and the database, opened on demand."""

from __future__ import annotations

import sqlite3
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO


@dataclass
class CliContext:
    data_dir: Path
    passphrase_file: Path | None = None
    out: TextIO = field(default_factory=lambda: sys.stdout)
    err: TextIO = field(default_factory=lambda: sys.stderr)
    _conn: sqlite3.Connection | None = None

    def database(self) -> sqlite3.Connection:
        """The app's database, opened once through the one opening function."""
        if self._conn is None:
            from profile_helper.core.db import open_database
            from profile_helper.core.paths import database_path

            self._conn = open_database(database_path(self.data_dir))
        return self._conn

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None
