"""Every row of every table, to show that an import changed nothing (or exactly what it did)."""

from __future__ import annotations

import sqlite3


def snapshot(conn: sqlite3.Connection) -> dict[str, list[tuple[object, ...]]]:
    tables = [
        str(r[0])
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND name NOT LIKE 'contacts_search_%'"
        )
    ]
    return {
        t: sorted(tuple(r) for r in conn.execute(f'SELECT * FROM "{t}"'))
        for t in sorted(tables)
        if t != "contacts_search"
    }
