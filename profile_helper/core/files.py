"""Writes that survive a crash: fsync a file and its folder, replace files atomically."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path


def fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_dir(directory: Path) -> None:
    """Make a rename or a new file in ``directory`` durable (a no-op where folders cannot sync)."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


def replace(source: Path, target: Path) -> None:
    """Atomically put ``source`` (already synced) in place of ``target``, durably."""
    source.replace(target)
    fsync_dir(target.parent)


def write_text_atomic(target: Path, text: str) -> None:
    """Write ``target`` so that a crash leaves either the old or the new content, never half."""
    temp = target.with_name(f".{target.name}.tmp")
    with temp.open("w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    replace(temp, target)


def remove_sidecars(db_path: Path) -> None:
    """Delete a database's leftover ``-wal``, ``-shm`` and ``-journal`` files."""
    for suffix in ("-wal", "-shm", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            db_path.with_name(db_path.name + suffix).unlink()


def claim_database(conn: sqlite3.Connection, path: Path) -> None:
    """Make sure no other connection has the database open, and fold its WAL into the file.

    Leaving WAL mode needs the only connection; when another window or command holds the
    database this fails at once, before anything was changed. ``conn`` is a fresh connection
    (with the key already applied) that the caller closes afterwards.
    """
    from profile_helper.core.errors import DatabaseError

    try:
        mode = conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
    except sqlite3.OperationalError as exc:
        mode = str(exc)
    if str(mode).lower() != "delete":
        raise DatabaseError(
            f"The database at {path} is in use by another Profile Helper window or command. "
            "Close it and try again. Nothing was changed."
        )
