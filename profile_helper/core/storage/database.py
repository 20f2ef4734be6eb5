"""Opening a database file with the key it is given: pragmas, integrity check, migrations.

:func:`open_database` is where the pragmas, the integrity check on open, the migrations and the
backup before each migration happen. It uses the key it is given and never looks one up: the app
gets its database from :mod:`profile_helper.core.app_database`, which finds the key first.
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from profile_helper.core.errors import DatabaseError, DatabaseTooNewError
from profile_helper.core.storage import cipher
from profile_helper.core.storage import integrity_record as checked
from profile_helper.core.storage.backups import create_backup
from profile_helper.core.storage.connection import integrity, schema_version
from profile_helper.core.storage.errors import WrongKeyError, environment_error, first_line
from profile_helper.core.storage.keys import PASSPHRASE, DatabaseKey
from profile_helper.core.storage.migrations import latest_version, migrations

log = logging.getLogger(__name__)

Connection = sqlite3.Connection


def _configure(conn: Connection) -> None:
    if isinstance(conn, sqlite3.Connection):
        conn.row_factory = sqlite3.Row  # SQLCipher connections come with their own Row
    conn.execute("PRAGMA busy_timeout = 5000")
    conn.execute("PRAGMA foreign_keys = ON")
    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if str(mode).lower() != "wal":
        log.warning("journal_mode is %s, not WAL", mode)
    conn.execute("PRAGMA synchronous = NORMAL")


def migrate(conn: Connection, db_path: Path | None) -> int:
    """Bring the schema up to date, each step in one transaction; return the new version."""
    current = schema_version(conn)
    target = latest_version()
    if current > target:
        raise DatabaseTooNewError(
            f"This database was made by a newer Profile Helper (schema {current}, this version "
            f"knows {target}). Install the newer version to open it."
        )
    if current == target:
        return current
    if current > 0 and db_path is not None:
        create_backup(conn, db_path.parent, reason=f"before-schema-{target}")
    for migration in migrations()[current:]:
        script = f"BEGIN;\n{migration.sql}\nPRAGMA user_version = {migration.version};\nCOMMIT;"
        try:
            conn.executescript(script)
        except sqlite3.Error as exc:
            if conn.in_transaction:
                conn.rollback()
            raise DatabaseError(
                f"Upgrading the database to schema {migration.version} ({migration.name}) "
                f"failed: {first_line(exc)}"
            ) from exc
        log.info("migrated database to schema %s (%s)", migration.version, migration.name)
    return target


def _check_on_open(conn: Connection, db_path: Path) -> None:
    """The integrity check on open: run in full unless the file is exactly what last passed.

    See :mod:`.integrity_record`: the fingerprint of a file that passed is recorded, and a file
    with the same fingerprint needs no second reading of every page.
    """
    before = checked.fingerprint(db_path)
    if checked.was_checked(db_path, before):
        return
    try:
        problem = integrity(conn)
    except sqlite3.DatabaseError as exc:
        problem = str(exc)  # damage bad enough that the check itself cannot read on
    if problem != "ok":
        checked.forget_checked(db_path)
        raise DatabaseError(
            f"The database at {db_path} is damaged ({first_line(problem)}). Restore a backup from "
            "Settings or with 'profile-helper backup restore'."
        )
    checked.record_checked(db_path, before)


def close_checked(conn: Connection, db_path: Path) -> None:
    """Close the database and, when it is whole, record so that the next open can skip the check.

    The wait moves from the next start to this quit: the write-ahead log is emptied into the
    file, every page is checked, and the file's fingerprint is recorded only if nothing changed
    it meanwhile (another process, say). Any problem just leaves the full check to the next open.
    A file byte for byte as the record already vouches for (a session that only read) needs no
    second reading of every page: the check's answer on the same bytes is known.
    """
    problem = "not checked"
    before: str | None = None
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        before = checked.fingerprint(db_path)
        if before is not None and checked.was_checked(db_path, before):
            return  # closed below; the record stands as it is
        if before is not None:
            problem = integrity(conn)
    except sqlite3.Error as exc:
        log.info("no integrity check at close: %s", exc)
    finally:
        conn.close()
    if problem == "ok":
        checked.record_checked(db_path, before)


def _check_key(conn: Connection, db_path: Path | None, key: DatabaseKey) -> None:
    """Read the first page, which fails when the key is wrong (the file is not changed)."""
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as exc:
        if db_path is not None and cipher.is_plain_sqlite(db_path):
            raise DatabaseError(f"The database at {db_path} is not encrypted.") from exc
        known = environment_error(exc, db_path) if db_path is not None else None
        if known is not None:
            raise known from exc  # not the key: the folder, the disk
        what = "passphrase" if key.kind == PASSPHRASE else "key"
        raise WrongKeyError(
            f"The {what} does not open the database at {db_path} (wrong {what}, or the file "
            "is damaged). Nothing was changed."
        ) from exc


def _is_encrypted(db_path: Path) -> bool:
    """Whether ``db_path`` holds something but not SQLite's clear-text header."""
    try:
        return db_path.stat().st_size > 0 and not cipher.is_plain_sqlite(db_path)
    except OSError:
        return False


def _connect(target: Path | str, key: DatabaseKey | None) -> Connection:
    if key is None:
        return sqlite3.connect(target, isolation_level="DEFERRED")
    return cipher.connect(target, key, isolation_level="DEFERRED")


def open_database(
    path: Path | str, *, key: DatabaseKey | None, check_integrity: bool = True
) -> Connection:
    """Open (creating if needed) the database at ``path``, migrated and checked.

    With ``key`` the file is a SQLCipher database opened with that key (a wrong one is a
    :class:`WrongKeyError`); with ``None`` it is plain SQLite. No key is ever looked up here.
    ``":memory:"`` opens a throwaway database, which tests and benchmarks use.
    """
    db_path = None if str(path) == ":memory:" else Path(path)
    if key is None and db_path is not None and _is_encrypted(db_path):
        raise DatabaseError(
            f"The database at {db_path} is encrypted (or is not a database): it opens only with "
            "its key. Nothing was changed."
        )
    try:
        conn = _connect(":memory:" if db_path is None else db_path, key)
    except sqlite3.Error as exc:
        known = environment_error(exc, db_path) if db_path is not None else None
        raise known or DatabaseError(
            f"Cannot open the database at {path}: {first_line(exc)}"
        ) from exc
    try:
        if key is not None:
            _check_key(conn, db_path, key)
        _configure(conn)
        if check_integrity and db_path is not None and schema_version(conn) > 0:
            _check_on_open(conn, db_path)
        migrate(conn, db_path)
    except sqlite3.DatabaseError as exc:
        conn.close()
        known = environment_error(exc, db_path) if db_path is not None else None
        raise known or DatabaseError(
            f"Cannot use the database at {path}: {first_line(exc)}"
        ) from exc
    except BaseException:
        conn.close()
        raise
    return conn


def open_unchanged(path: Path, key: DatabaseKey) -> Connection | None:
    """The encrypted database at ``path`` opened to be read, only when opening it for real
    would find nothing to do: else ``None``.

    Nothing to do is: no write-ahead log to fold in, the file byte for byte what last passed the
    integrity check, and its schema current. Reading it then changes nothing on disk, so a start
    can read its first page's data ahead in a second process while the real open (with its
    checks, migrations and messages) waits until that page is shown.
    """
    if not checked.was_checked(path, checked.fingerprint(path)):
        return None
    try:
        conn = cipher.connect(path, key, isolation_level="DEFERRED")
    except sqlite3.Error:
        return None
    try:
        conn.execute("PRAGMA query_only = ON")
        if schema_version(conn) == latest_version():
            return conn
    except sqlite3.Error:
        pass  # a wrong key, a locked file: the real open says what is wrong
    conn.close()
    return None
