"""One transaction: all of a block's writes are committed, or none of them.

Its own small module: every store writes through it, and the window's first page loads the
stores without loading how the database file is opened (the keys, the backups, the migrations).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite3


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """Run a block as one transaction: all of it is committed, or none of it."""
    if conn.in_transaction:
        # Nested use joins the outer transaction; the outermost block commits.
        yield conn
        return
    # IMMEDIATE: the write lock is taken (waiting up to busy_timeout) before the first read.
    # A deferred transaction that reads and then writes fails at once, without waiting, when
    # another process wrote in between (SQLite cannot move its snapshot forward).
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.rollback()
        raise
    conn.commit()
