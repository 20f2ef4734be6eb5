"""Copies of the database taken with SQLite's online backup, so they are always consistent."""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from pathlib import Path

from profile_helper.core.paths import backups_dir

_SAFE = re.compile(r"[^a-z0-9-]+")


def create_backup(conn: sqlite3.Connection, data_dir: Path, reason: str = "manual") -> Path:
    """Copy the live database into the backups folder and return the copy's path."""
    directory = backups_dir(data_dir)
    directory.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    tag = _SAFE.sub("-", reason.lower()).strip("-") or "manual"
    target = directory / f"profile-helper-{stamp}-{tag}.sqlite3"
    dest = sqlite3.connect(target)
    try:
        conn.backup(dest)
    finally:
        dest.close()
    return target
