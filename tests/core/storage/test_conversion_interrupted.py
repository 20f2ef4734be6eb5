"""Encrypting a plain database, killed (SIGKILL) after each step: nothing is ever lost, and
no clear-text copy (database or backup) is left once the next start finishes the work."""

import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from profile_helper.core.app_database import open_app_database
from profile_helper.core.paths import database_path
from profile_helper.core.settings import set_setting
from profile_helper.core.storage import cipher
from profile_helper.core.storage.backups import check_backup, create_backup, list_backups
from profile_helper.core.storage.convert import STEPS, plain_files
from profile_helper.core.storage.database import open_database
from tests.conftest import REPO_ROOT

SQLITE_HEADER = b"SQLite format 3\x00"

pytestmark = [
    pytest.mark.skipif(not cipher.available(), reason="SQLCipher is not installed"),
    pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL"),
]

# Opens the app's database as the app does, but kills itself right after the step named.
_KILLER = """
import os, signal, sys
from pathlib import Path
from profile_helper.core.storage import convert
from profile_helper.core.app_database import open_app_database

real = convert.convert_database
def step(name):
    if name == sys.argv[2]:
        os.kill(os.getpid(), signal.SIGKILL)
convert.convert_database = lambda path, key, data_dir, on_step=None: real(path, key, data_dir, step)
open_app_database(Path(sys.argv[1]))
"""


def _settings(conn: sqlite3.Connection) -> dict[str, str]:
    """Every stored setting as it is in the table (key -> JSON text)."""
    return {str(r[0]): str(r[1]) for r in conn.execute("SELECT key, value FROM settings")}


def _plain_database(data_dir: Path) -> dict[str, str]:
    conn = open_database(database_path(data_dir), key=None)
    for i in range(300):
        set_setting(conn, f"contact.{i}", {"name": f"Person {i}", "note": "met at a meetup"})
    # Backups taken while the database was plain are plain too: the conversion must leave none.
    create_backup(conn, data_dir, reason="manual")
    create_backup(conn, data_dir, reason="daily")
    expected = _settings(conn)
    conn.close()
    return expected


@pytest.mark.parametrize("step", STEPS)
def test_conversion_killed_after_each_step_loses_nothing(data_dir: Path, step: str) -> None:
    expected = _plain_database(data_dir)
    result = subprocess.run(
        [sys.executable, "-c", _KILLER, str(data_dir), step],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == -signal.SIGKILL, result.stderr
    opened = open_app_database(data_dir)
    try:
        assert _settings(opened.conn) == expected
        assert opened.conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    finally:
        opened.conn.close()
    assert not cipher.is_plain_sqlite(database_path(data_dir))
    assert not any("encrypting" in p.name for p in data_dir.iterdir())
    # No clear text anywhere in the folder: every file read byte by byte.
    for path in data_dir.rglob("*"):
        if path.is_file():
            assert not path.read_bytes().startswith(SQLITE_HEADER), path
    assert plain_files(data_dir) == []
    for backup in list_backups(data_dir):
        assert check_backup(backup, opened.unlocked.key) >= 1
    assert any((data_dir / "backups").iterdir())
