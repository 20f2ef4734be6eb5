"""Settings for writing tens of thousands of rows at once: the cost of a large import.

Each helper changes only how the work is done, never what ends up in the database.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

IMPORT_CACHE_KIB = 16 * 1024
# Below this many new rows, keeping the indexes up to date row by row costs less than a rebuild.
DEFER_INDEXES_AT = 2000


@contextmanager
def larger_page_cache(conn: sqlite3.Connection) -> Iterator[None]:
    """Let SQLite keep up to 64 MB of pages while a large import fills the indexes.

    With the default 2 MB, inserting 30,000 rows in profile-URL order evicts index pages over and
    over; the cache only grows as far as it is used, and is set back afterwards.
    """
    before = int(conn.execute("PRAGMA cache_size").fetchone()[0])
    conn.execute(f"PRAGMA cache_size = -{IMPORT_CACHE_KIB}")
    try:
        yield
    finally:
        conn.execute(f"PRAGMA cache_size = {before}")


def deferrable_indexes(conn: sqlite3.Connection, table: str) -> list[tuple[str, str]]:
    """``(name, sql)`` of the table's plain indexes: made by CREATE INDEX and not unique.

    Unique indexes (and UNIQUE or PRIMARY KEY constraints) stay, so that a duplicate fails at
    the row that brings it, as it would without the deferral.
    """
    names = [
        str(row[1])
        for row in conn.execute(f'PRAGMA index_list("{table}")')
        if row[3] == "c" and not row[2]
    ]
    found: list[tuple[str, str]] = []
    for name in sorted(names):
        sql = conn.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?", (name,)
        ).fetchone()
        if sql is not None and sql[0]:
            found.append((name, str(sql[0])))
    return found


@contextmanager
def indexes_deferred(conn: sqlite3.Connection, table: str, new_rows: int) -> Iterator[None]:
    """Build the table's plain indexes once after a bulk insert instead of row by row.

    Only inside the caller's transaction and only when the insert at least doubles the table:
    sorting every key once is then cheaper than updating the index for each row. The indexes
    are dropped and created again in that transaction, so a rollback (a failed, cancelled or
    dry-run import, or a killed process) brings them back untouched, and no other connection
    ever sees the table without them.
    """
    if not conn.in_transaction or new_rows < DEFER_INDEXES_AT:
        yield
        return
    existing = int(conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0])
    if new_rows < existing:
        yield
        return
    indexes = deferrable_indexes(conn, table)
    for name, _sql in indexes:
        conn.execute(f'DROP INDEX "{name}"')
    # No finally: when the block raises, the caller rolls back, which restores the indexes.
    yield
    for _name, sql in indexes:
        conn.execute(sql)


# The triggers of migration 005 that keep the search index in step with ``contacts``.
_SEARCH_TRIGGERS = ("contacts_search_insert", "contacts_search_update", "contacts_search_delete")


@contextmanager
def search_index_deferred(conn: sqlite3.Connection, touched_rows: int) -> Iterator[None]:
    """Rebuild the full-text search index once after a large import instead of row by row.

    As :func:`indexes_deferred`: only inside the caller's transaction, only when the import
    touches at least as many rows as the table had; the triggers are dropped and made again in
    that transaction, so a rollback restores them and the index as they were.
    """
    if not conn.in_transaction or touched_rows < DEFER_INDEXES_AT:
        yield
        return
    existing = int(conn.execute("SELECT count(*) FROM contacts").fetchone()[0])
    if touched_rows < existing:
        yield
        return
    marks = ",".join("?" * len(_SEARCH_TRIGGERS))
    triggers = [
        (str(name), str(sql))
        for name, sql in conn.execute(
            f"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN ({marks})",
            _SEARCH_TRIGGERS,
        )
    ]
    for name, _sql in triggers:
        conn.execute(f'DROP TRIGGER "{name}"')
    # No finally: when the block raises, the caller rolls back, which restores the triggers.
    yield
    for _name, sql in triggers:
        conn.execute(sql)
    conn.execute("INSERT INTO contacts_search(contacts_search) VALUES ('rebuild')")
