"""Encrypt an existing plain database in place, so that an interruption at any point loses nothing.

The plain file is only read until the very end: the encrypted copy is written beside it,
checked, synced to disk and backed up, and only then renamed over the original in one atomic
step. Killed before the rename, the plain file is still the database and the next start begins
again; killed after it, the encrypted file is complete. Then every plain backup is encrypted the
same way, and any a kill left plain is encrypted at the next open, so that no clear text stays
behind. The key is the one security chose and passes in (see
:func:`profile_helper.core.security.unlock.unlock`).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

from profile_helper.core.errors import DatabaseError
from profile_helper.core.files import atomic_path, copy_atomic, fsync_dir, fsync_file, replace
from profile_helper.core.paths import backups_dir
from profile_helper.core.storage import cipher
from profile_helper.core.storage.backups import list_backups, new_backup_path
from profile_helper.core.storage.connection import claimed, integrity, remove_sidecars
from profile_helper.core.storage.errors import first_line
from profile_helper.core.storage.folder_lock import folder_lock
from profile_helper.core.storage.keys import DatabaseKey

Step = Callable[[str], None]
STEPS = (
    "checkpointed",
    "exported",
    "verified",
    "backed-up",
    "replaced",
    "backup-encrypted",  # told after each plain backup encrypted
    "backups-encrypted",
)


def _no_step(_name: str) -> None:
    return None


def _table_counts(conn: sqlite3.Connection) -> dict[str, int]:
    names = [
        str(r[0])
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        ).fetchall()
    ]
    return {
        name: int(conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]) for name in names
    }


def _merge_wal(path: Path) -> dict[str, int]:
    """Fold the plain database's WAL into the file and return its row counts per table."""
    with claimed(path, None) as conn:
        return _table_counts(conn)


def encrypt_copy(source: Path, target: Path, key: DatabaseKey) -> None:
    """Write an encrypted copy of the plain database ``source`` at ``target`` (synced)."""
    dbapi2 = cipher.module()
    if dbapi2 is None:
        raise DatabaseError("SQLCipher (the sqlcipher3 package) is not installed.")
    target.unlink(missing_ok=True)
    remove_sidecars(target)
    conn = dbapi2.connect(str(source))
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        conn.execute("ATTACH DATABASE ? AS encrypted KEY ?", (str(target), key.key_text()))
        conn.execute("SELECT sqlcipher_export('encrypted')")
        conn.execute(f"PRAGMA encrypted.user_version = {version}")
        conn.execute("DETACH DATABASE encrypted")
    except dbapi2.Error as exc:
        raise DatabaseError(
            f"Cannot write an encrypted copy of {source}: {first_line(exc)}"
        ) from exc
    finally:
        conn.close()
    fsync_file(target)
    fsync_dir(target.parent)


def _verify(path: Path, key: DatabaseKey, expected: dict[str, int]) -> None:
    conn = cipher.connect(path, key, isolation_level=None)
    try:
        check = integrity(conn)
        counts = _table_counts(conn)
    finally:
        conn.close()
    if check != "ok" or counts != expected:
        raise DatabaseError(
            f"The encrypted copy of {path.name} did not match the original; the original is "
            "unchanged and still in use."
        )


def convert_database(
    db_path: Path, key: DatabaseKey, data_dir: Path, on_step: Step = _no_step
) -> None:
    """Replace the plain database at ``db_path`` by an encrypted one holding the same data.

    ``on_step`` is told each step as it completes (for progress, and to test interruptions).
    The encrypted copy is built under a fixed name beside the database, so that a copy left by
    an interrupted run is found and overwritten by the next one.
    """
    with folder_lock(data_dir):
        _convert(db_path, key, data_dir, on_step)


def _convert(db_path: Path, key: DatabaseKey, data_dir: Path, on_step: Step) -> None:
    work = db_path.with_name(f"{db_path.name}.encrypting")
    counts = _merge_wal(db_path)
    on_step("checkpointed")
    encrypt_copy(db_path, work, key)
    on_step("exported")
    try:
        _verify(work, key, counts)
    except BaseException:
        work.unlink(missing_ok=True)
        raise
    on_step("verified")
    try:
        copy_atomic(work, new_backup_path(data_dir, "before-encryption"))
    except OSError as exc:
        # Nothing replaced yet: the plain database stays in use, and the work file goes.
        work.unlink(missing_ok=True)
        raise DatabaseError(
            f"Cannot keep a backup in {backups_dir(data_dir)} before encrypting: {exc.strerror}. "
            "Nothing was changed."
        ) from exc
    on_step("backed-up")
    # The plain file's WAL was merged and its connection closed; nothing beside it is live.
    remove_sidecars(db_path)
    replace(work, db_path)
    on_step("replaced")
    encrypt_plain_backups(data_dir, key, on_step)
    on_step("backups-encrypted")


def encrypt_plain_backups(data_dir: Path, key: DatabaseKey, on_step: Step = _no_step) -> int:
    """Encrypt every plain backup in place; returns how many there were.

    Part of the conversion, and run again at every open of an encrypted database until none is
    left: a conversion killed after its rename left the rest plain. Each encrypted twin is
    checked (integrity, the same rows) before it replaces its plain original in one atomic
    rename, so a kill at any point leaves each backup whole, plain or encrypted.
    """
    done = 0
    for old in list_backups(data_dir):
        if not cipher.is_plain_sqlite(old.path):
            continue
        with folder_lock(data_dir):
            if not cipher.is_plain_sqlite(old.path):
                continue  # another copy of the app did it meanwhile
            counts = _merge_wal(old.path)
            with atomic_path(old.path) as encrypted:
                encrypt_copy(old.path, encrypted, key)
                _verify(encrypted, key, counts)
            remove_sidecars(old.path)
        done += 1
        on_step("backup-encrypted")
    return done


def plain_files(data_dir: Path) -> list[Path]:
    """Every file in the data folder (and below) that is a clear-text SQLite database."""
    found = []
    for folder, dirs, files in os.walk(data_dir, followlinks=False):
        dirs[:] = [d for d in dirs if not Path(folder, d).is_symlink()]
        for name in files:
            path = Path(folder, name)
            if not path.is_symlink() and cipher.is_plain_sqlite(path):
                found.append(path)
    return sorted(found)
