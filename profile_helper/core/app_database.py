"""The one way the app gets its database: unlock, open, back up once a day.

Both front ends (the window and the CLI) call :func:`open_app_database`. Security finds the key
(the keychain, a passphrase, the person), storage opens the file with it (pragmas, integrity
check, migrations), and the first start of a day leaves a backup. The layers below never call
up: storage uses the key it is given, and security asks storage whenever the file is involved
(does this key open it, encrypt this plain one).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field, replace
from pathlib import Path

from profile_helper.core.files import remove_leftovers
from profile_helper.core.paths import backups_dir, database_path
from profile_helper.core.security.state import read_state, write_state
from profile_helper.core.security.unlock import Prompt, Unlocked, unlock
from profile_helper.core.storage import cipher
from profile_helper.core.storage.backups import daily_backup as take_daily_backup
from profile_helper.core.storage.convert import encrypt_plain_backups
from profile_helper.core.storage.database import open_database, open_unchanged
from profile_helper.core.storage.folder_lock import folder_lock
from profile_helper.core.storage.keys import DatabaseKey
from profile_helper.core.storage.wal import keep_truncated_wal


@dataclass(frozen=True)
class OpenedDatabase:
    conn: sqlite3.Connection
    unlocked: Unlocked
    leftovers_removed: list[Path] = field(default_factory=list)
    """Partial files of a killed backup or write, removed on the way in (``doctor`` says)."""
    wal_kept: Path | None = None
    """A copy of the WAL, which ended mid-frame, made before this open (``doctor`` says)."""


def _set_up(data_dir: Path) -> bool:
    """Whether the folder's database was made and is ready: nothing to set up or convert."""
    path = database_path(data_dir)
    state = read_state(data_dir)
    if state is None or not state.database_created:
        return False
    try:
        return path.stat().st_size > 0 and not (cipher.available() and cipher.is_plain_sqlite(path))
    except OSError:
        return False  # missing: unlocking says so, under the lock


def open_app_database(
    data_dir: Path,
    passphrase: str | None = None,
    prompt: Prompt | None = None,
    *,
    daily_backup: bool = True,
) -> OpenedDatabase:
    """Open the data directory's database with its key, migrated, checked and backed up daily.

    A folder not yet set up (no database, a plain one to encrypt) is set up under the folder's
    lock, so that of several copies started at once one makes the key and the database, and the
    others, once it is done, open what it made.
    """
    removed = [
        *remove_leftovers(data_dir),
        *remove_leftovers(backups_dir(data_dir)),
    ]
    # Before anything opens the file: the first connection folds the WAL in and removes it.
    wal_kept = keep_truncated_wal(database_path(data_dir))

    def opened() -> OpenedDatabase:
        return _open(
            data_dir,
            passphrase,
            prompt,
            daily_backup=daily_backup,
            removed=removed,
            wal_kept=wal_kept,
        )

    if not _set_up(data_dir):
        with folder_lock(data_dir):
            if not _set_up(data_dir):
                return opened()
    return opened()


def open_to_read_ahead(data_dir: Path, key: DatabaseKey) -> sqlite3.Connection | None:
    """The folder's database opened only to be read, when it is set up and opening it for real
    would change nothing (:func:`~profile_helper.core.storage.database.open_unchanged`); else
    ``None``. For reading a first page ahead; the app's real open still follows."""
    if not _set_up(data_dir):
        return None
    return open_unchanged(database_path(data_dir), key)


def _open(
    data_dir: Path,
    passphrase: str | None,
    prompt: Prompt | None,
    *,
    daily_backup: bool,
    removed: list[Path],
    wal_kept: Path | None,
) -> OpenedDatabase:
    unlocked = unlock(data_dir, passphrase, prompt)
    if unlocked.key is not None:
        # A conversion killed after its rename left some backups in clear text: finish it.
        encrypt_plain_backups(data_dir, unlocked.key)
    conn = open_database(database_path(data_dir), key=unlocked.key)
    state = unlocked.state
    if state is not None and not state.database_created:
        # From now on a missing file is an error to report, not a first start.
        state = replace(state, database_created=True)
        write_state(data_dir, state)
        unlocked = replace(unlocked, state=state)
    if daily_backup:
        try:
            backup_daily(conn, data_dir, unlocked)
        except Exception:
            conn.close()
            raise
    return OpenedDatabase(conn, unlocked, removed, wal_kept)


def backup_daily(conn: sqlite3.Connection, data_dir: Path, unlocked: Unlocked) -> Path | None:
    """The day's first backup of a database opened with ``daily_backup=False``, if none is yet.

    Not of a database this start created (there is nothing to keep yet). Under the folder's
    lock: copies started together take one backup, not one each.
    """
    if unlocked.created:
        return None
    with folder_lock(data_dir):
        return take_daily_backup(conn, data_dir)
