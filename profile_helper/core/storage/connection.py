"""A database file and its connections, below any schema: what is read of it, who holds it.

The quick check and the schema version, the ``-wal``/``-shm``/``-journal`` files beside the
database, and claiming a database for a file operation (a restore, an encryption) that needs
every other connection gone.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from profile_helper.core.errors import DatabaseError
from profile_helper.core.storage import cipher
from profile_helper.core.storage.keys import DatabaseKey

SIDECAR_SUFFIXES = ("-wal", "-shm", "-journal")
# How long a claim waits for another connection: barely, since it must fail before any change.
_CLAIM_WAIT_MS = 200


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def integrity(conn: sqlite3.Connection) -> str:
    """SQLite's quick check: ``"ok"`` or the problems found, one a line (up to five)."""
    rows = conn.execute("PRAGMA quick_check").fetchall()
    return "ok" if rows and rows[0][0] == "ok" else "\n".join(str(r[0]) for r in rows[:5])


def remove_sidecars(db_path: Path) -> None:
    """Delete a database's leftover ``-wal``, ``-shm`` and ``-journal`` files."""
    for suffix in SIDECAR_SUFFIXES:
        with contextlib.suppress(FileNotFoundError):
            db_path.with_name(db_path.name + suffix).unlink()


def claim_database(conn: sqlite3.Connection, path: Path) -> None:
    """Make sure no other connection has the database open, and fold its WAL into the file.

    Leaving WAL mode needs the only connection; when another window or command holds the
    database this fails at once, before anything was changed. ``conn`` is a fresh connection
    (with the key already applied) that the caller closes afterwards.
    """
    try:
        mode = conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
    except sqlite3.OperationalError as exc:
        mode = str(exc)
    if str(mode).lower() != "delete":
        raise DatabaseError(
            f"The database at {path} is in use by another Profile Helper window or command. "
            "Close it and try again. Nothing was changed."
        )


@contextmanager
def claimed(path: Path, key: DatabaseKey | None) -> Iterator[sqlite3.Connection]:
    """The only connection to the database at ``path`` (see :func:`claim_database`).

    Raises :class:`DatabaseError` at once when another connection holds the database. The
    connection is closed after the block, leaving the file whole and alone.
    """
    if key is None:
        conn = sqlite3.connect(path, timeout=_CLAIM_WAIT_MS / 1000)
    else:
        conn = cipher.connect(path, key, isolation_level=None)
        conn.execute(f"PRAGMA busy_timeout = {_CLAIM_WAIT_MS}")
    try:
        claim_database(conn, path)
        yield conn
    finally:
        conn.close()
