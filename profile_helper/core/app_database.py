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
from profile_helper.core.security.state import write_state
from profile_helper.core.security.unlock import Prompt, Unlocked, unlock
from profile_helper.core.storage.backups import daily_backup as take_daily_backup
from profile_helper.core.storage.database import open_database


@dataclass(frozen=True)
class OpenedDatabase:
    conn: sqlite3.Connection
    unlocked: Unlocked
    leftovers_removed: list[Path] = field(default_factory=list)
    """Partial files of a killed backup or write, removed on the way in (``doctor`` says)."""


def open_app_database(
    data_dir: Path,
    passphrase: str | None = None,
    prompt: Prompt | None = None,
    *,
    daily_backup: bool = True,
) -> OpenedDatabase:
    """Open the data directory's database with its key, migrated, checked and backed up daily."""
    removed = [
        *remove_leftovers(data_dir),
        *remove_leftovers(backups_dir(data_dir)),
    ]
    unlocked = unlock(data_dir, passphrase, prompt)
    conn = open_database(database_path(data_dir), key=unlocked.key)
    state = unlocked.state
    if state is not None and not state.database_created:
        # From now on a missing file is an error to report, not a first start.
        state = replace(state, database_created=True)
        write_state(data_dir, state)
        unlocked = replace(unlocked, state=state)
    if daily_backup and not unlocked.created:
        try:
            take_daily_backup(conn, data_dir)
        except Exception:
            conn.close()
            raise
    return OpenedDatabase(conn, unlocked, removed)
