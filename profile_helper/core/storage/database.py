"""The one way the app opens its database.

Every front end and every core module gets its connection from :func:`open_database`, so that
the pragmas, the integrity check, the migrations and the backup before each migration happen in
one place.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from profile_helper.core.errors import DatabaseError, DatabaseTooNewError
from profile_helper.core.security.keys import DatabaseKey
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


def schema_version(conn: Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def integrity(conn: Connection) -> str:
    """SQLite's quick check: ``"ok"`` or the first problem found."""
    rows = conn.execute("PRAGMA quick_check").fetchall()
    return "ok" if rows and rows[0][0] == "ok" else "; ".join(str(r[0]) for r in rows[:5])


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
        from profile_helper.core.storage.backups import create_backup

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
                f"failed: {exc}"
            ) from exc
        log.info("migrated database to schema %s (%s)", migration.version, migration.name)
    return target


def _check_on_open(conn: Connection, db_path: Path) -> None:
    """The integrity check on open: run in full unless the file is exactly what last passed.

    See :mod:`core.checked`: the fingerprint of a file that passed is recorded, and a file
    with the same fingerprint needs no second reading of every page.
    """
    from profile_helper.core.storage import integrity_record as checked

    before = checked.fingerprint(db_path)
    if checked.was_checked(db_path, before):
        return
    problem = integrity(conn)
    if problem != "ok":
        checked.forget_checked(db_path)
        raise DatabaseError(
            f"The database at {db_path} is damaged ({problem}). Restore a backup from "
            "Settings or with 'profile-helper backup restore'."
        )
    checked.record_checked(db_path, before)


def close_checked(conn: Connection, db_path: Path) -> None:
    """Close the database and, when it is whole, record so that the next open can skip the check.

    The wait moves from the next start to this quit: the write-ahead log is emptied into the
    file, every page is checked, and the file's fingerprint is recorded only if nothing changed
    it meanwhile (another process, say). Any problem just leaves the full check to the next open.
    """
    from profile_helper.core.storage import integrity_record as checked

    problem = "not checked"
    before: str | None = None
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        before = checked.fingerprint(db_path)
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
        from profile_helper.core.security.errors import WrongKeyError
        from profile_helper.core.storage.cipher import is_plain_sqlite

        if db_path is not None and is_plain_sqlite(db_path):
            raise DatabaseError(f"The database at {db_path} is not encrypted.") from exc
        what = "passphrase" if key.kind == "passphrase" else "key"
        raise WrongKeyError(
            f"The {what} does not open the database at {db_path} (wrong {what}, or the file "
            "is damaged). Nothing was changed."
        ) from exc


def open_database(
    path: Path | str, *, check_integrity: bool = True, key: DatabaseKey | None = None
) -> Connection:
    """Open (creating if needed) the app's database at ``path``, migrated and checked.

    With ``key`` the file is a SQLCipher database opened with that key. Without, a plain file
    is opened as plain SQLite, and an encrypted one with the key kept in this computer's
    keychain for it (never asking; a missing key is a :class:`DatabaseError`).
    ``":memory:"`` opens a throwaway database, which tests and benchmarks use.
    """
    memory = str(path) == ":memory:"
    db_path = None if memory else Path(path)
    target = ":memory:" if db_path is None else db_path
    if key is None and db_path is not None:
        # An encrypted app database opened by path alone (a script, a test, a tool): use the
        # key this computer's keychain keeps for it, as named by security.json beside it.
        from profile_helper.core.security.unlock import stored_key

        key = stored_key(db_path)
    try:
        if key is None:
            conn = sqlite3.connect(target, isolation_level="DEFERRED")
        else:
            from profile_helper.core.storage.cipher import connect

            conn = connect(target, key, isolation_level="DEFERRED")
    except sqlite3.Error as exc:
        raise DatabaseError(f"Cannot open the database at {path}: {exc}") from exc
    try:
        if key is not None:
            _check_key(conn, db_path, key)
        _configure(conn)
        if check_integrity and db_path is not None and schema_version(conn) > 0:
            _check_on_open(conn, db_path)
        migrate(conn, db_path)
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise DatabaseError(f"Cannot use the database at {path}: {exc}") from exc
    except BaseException:
        conn.close()
        raise
    return conn


@contextmanager
def transaction(conn: Connection) -> Iterator[Connection]:
    """Run a block as one transaction: all of it is committed, or none of it."""
    if conn.in_transaction:
        # Nested use joins the outer transaction; the outermost block commits.
        yield conn
        return
    conn.execute("BEGIN")
    try:
        yield conn
    except BaseException:
        conn.rollback()
        raise
    conn.commit()
