"""Backups of the database: consistent copies, encrypted like the database, thinned, restorable.

Copies are made with ``VACUUM INTO``, which reads one consistent snapshot and, on a SQLCipher
connection, writes the copy encrypted with the same key, so a backup is never less private than
the database. Backups are taken before every migration, once a day on the first start, by hand,
and before a restore; they are thinned to the last 7 days and 4 weeks that have one.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from profile_helper.core.errors import DatabaseError, NotFoundError
from profile_helper.core.files import atomic_path, fsync_dir, make_private_dir
from profile_helper.core.paths import backups_dir, database_path
from profile_helper.core.storage import cipher
from profile_helper.core.storage.connection import (
    SIDECAR_SUFFIXES,
    integrity,
    remove_sidecars,
    schema_version,
)
from profile_helper.core.storage.errors import first_line
from profile_helper.core.storage.folder_lock import folder_lock
from profile_helper.core.storage.keys import DatabaseKey
from profile_helper.core.storage.migrations import latest_version

_SAFE = re.compile(r"[^a-z0-9-]+")
_NAME = re.compile(r"^profile-helper-(\d{8}-\d{6}-\d{6})-([a-z0-9-]+)\.sqlite3$")
KEEP_DAILY = 7
KEEP_WEEKLY = 4


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created: dt.datetime
    reason: str
    size: int

    @property
    def name(self) -> str:
        return self.path.name


def new_backup_path(data_dir: Path, reason: str) -> Path:
    """Where a backup taken now for ``reason`` goes (the folder is created)."""
    directory = backups_dir(data_dir)
    make_private_dir(directory)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    tag = _SAFE.sub("-", reason.lower()).strip("-") or "manual"
    return directory / f"profile-helper-{stamp}-{tag}.sqlite3"


def create_backup(conn: sqlite3.Connection, data_dir: Path, reason: str = "manual") -> Path:
    """Copy the live database into the backups folder, durably, and return the copy's path."""
    directory = backups_dir(data_dir)
    try:
        # Inside: a folder that cannot be made (a file in its place, no room) is said the same way.
        target = new_backup_path(data_dir, reason)
        with atomic_path(target) as partial:
            # VACUUM INTO fills the empty file; on a keyed connection, encrypted with its key.
            conn.execute("VACUUM INTO ?", (str(partial),))
    except sqlite3.Error as exc:
        raise DatabaseError(f"Cannot write a backup in {directory}: {first_line(exc)}") from exc
    except OSError as exc:
        raise DatabaseError(f"Cannot write a backup in {directory}: {exc.strerror}") from exc
    return target


def list_backups(data_dir: Path) -> list[BackupInfo]:
    """Every backup in the data directory, newest first."""
    directory = backups_dir(data_dir)
    if not directory.is_dir():
        return []
    found = []
    for path in directory.iterdir():
        match = _NAME.match(path.name)
        if not match:
            continue
        # 20261203-135122-123456 read as ISO 8601's basic form: strptime's first call costs
        # more than the whole listing, and this runs at every start.
        created = dt.datetime.fromisoformat(match.group(1).replace("-", "T", 1).replace("-", "."))
        try:
            size = path.stat().st_size
        except FileNotFoundError:
            continue  # thinned by another copy of the app meanwhile
        found.append(BackupInfo(path, created, match.group(2), size))
    return sorted(found, key=lambda b: b.created, reverse=True)


def backups_to_thin(backups: list[BackupInfo]) -> list[BackupInfo]:
    """The backups beyond the newest of each of the last 7 days and 4 weeks that have one."""
    keep: set[Path] = set()
    days: set[dt.date] = set()
    weeks: set[tuple[int, int]] = set()
    for backup in backups:  # newest first, so the first of each day or week is its newest
        day = backup.created.date()
        if day not in days and len(days) < KEEP_DAILY:
            days.add(day)
            keep.add(backup.path)
        year, week, _weekday = backup.created.isocalendar()
        if (year, week) not in weeks and len(weeks) < KEEP_WEEKLY:
            weeks.add((year, week))
            keep.add(backup.path)
    return [b for b in backups if b.path not in keep]


def thin_backups(data_dir: Path) -> list[Path]:
    removed = []
    for backup in backups_to_thin(list_backups(data_dir)):
        backup.path.unlink(missing_ok=True)
        removed.append(backup.path)
    return removed


def daily_backup(
    conn: sqlite3.Connection, data_dir: Path, today: dt.date | None = None
) -> Path | None:
    """On the first start of a day, back up and thin; return the new backup, if one was made."""
    day = today or dt.date.today()
    if any(b.created.date() == day for b in list_backups(data_dir)):
        return None
    if schema_version(conn) == 0:
        return None
    path = create_backup(conn, data_dir, reason="daily")
    thin_backups(data_dir)
    return path


def find_backup(data_dir: Path, name: str) -> BackupInfo:
    """A backup named by its file name (or a path to it inside the backups folder)."""
    wanted = Path(name).name
    for backup in list_backups(data_dir):
        if backup.name == wanted:
            return backup
    raise NotFoundError(
        f"No backup named {wanted} in {backups_dir(data_dir)}; see 'profile-helper backup list'."
    )


def check_backup(backup: BackupInfo, key: DatabaseKey | None) -> int:
    """Check that ``backup`` opens with ``key`` and is intact; return its schema version."""
    plain = cipher.is_plain_sqlite(backup.path)
    if plain or key is None:
        conn = sqlite3.connect(f"file:{backup.path}?mode=ro", uri=True)
    else:
        conn = cipher.connect(backup.path, key, isolation_level=None)
        # Read-only: a check must not leave a WAL or change the file it checks.
        conn.execute("PRAGMA query_only = ON")
    try:
        check = integrity(conn)
        version = schema_version(conn)
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(
            f"The backup {backup.name} cannot be read with this database's key (it may belong "
            "to another data folder, or be damaged). Nothing was changed."
        ) from exc
    finally:
        conn.close()
    if check != "ok":
        raise DatabaseError(
            f"The backup {backup.name} is damaged ({first_line(check)}). Nothing was changed."
        )
    if version > latest_version():
        raise DatabaseError(
            f"The backup {backup.name} was made by a newer Profile Helper. Nothing was changed."
        )
    return version


def _held_by_another_connection(live: Path) -> bool:
    """Whether another connection (a window, a command) has the database open, without opening it.

    Every SQLite connection to a WAL database holds a shared lock on byte 128 of its ``-shm``
    file (the "DMS" lock of SQLite's unix VFS) for as long as it is open; a lock we can take
    there means no one else holds the file. Windows refuses to rename an open file instead.
    """
    if os.name != "posix":
        return False
    import fcntl  # noqa: PLC0415 - POSIX only

    try:
        fd = os.open(live.with_name(live.name + "-shm"), os.O_RDWR)
    except OSError:
        return False  # no -shm: no connection in WAL mode
    try:
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, 128)
    except OSError:
        return True
    else:
        fcntl.lockf(fd, fcntl.LOCK_UN, 1, 128)
        return False
    finally:
        os.close(fd)


def _move_with_sidecars(source: Path, target: Path) -> None:
    """Rename a database file and its -wal, -shm and -journal together (none is opened)."""
    for suffix in ("", *SIDECAR_SUFFIXES):
        part = source.with_name(source.name + suffix)
        if part.exists():
            part.replace(target.with_name(target.name + suffix))
    fsync_dir(target.parent)


def restore_replacing(data_dir: Path, backup: BackupInfo, key: DatabaseKey | None) -> Path | None:
    """Restore ``backup`` without ever opening the current database, which may be damaged.

    The backup is checked; the current file is moved aside with its WAL and SHM (kept as
    ``damaged-<time>.sqlite3``, the state before the restore); the backup is copied in and
    checked in its place; only then is the old SHM (an index of the old WAL) removed. The old
    WAL stays beside the kept copy, where it belongs: it may hold the last changes. When the
    copy fails its check, everything is put back as it was. Returns the kept copy, if any.
    """
    check_backup(backup, key)
    with folder_lock(data_dir):
        return _replace_checked(data_dir, backup, key)


def _replace_checked(data_dir: Path, backup: BackupInfo, key: DatabaseKey | None) -> Path | None:
    """The part of :func:`restore_replacing` done under the folder's lock."""
    live = database_path(data_dir)
    if _held_by_another_connection(live):
        raise DatabaseError(
            "The database is open in another window or command; close it and restore again. "
            "Nothing was changed."
        )
    aside = None
    if live.exists():
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        aside = data_dir / f"damaged-{stamp}.sqlite3"
        _move_with_sidecars(live, aside)
    try:
        with atomic_path(live) as incoming:
            shutil.copyfile(backup.path, incoming)
        check_backup(BackupInfo(live, backup.created, backup.reason, backup.size), key)
    except BaseException:
        live.unlink(missing_ok=True)
        remove_sidecars(live)
        if aside is not None:
            _move_with_sidecars(aside, live)
        raise
    if aside is not None:
        for suffix in ("-shm", "-journal"):
            aside.with_name(aside.name + suffix).unlink(missing_ok=True)
    return aside
