"""A large import rebuilds the search index once: every contact is found, the triggers are back."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from profile_helper.core.contacts.bulk import DEFER_INDEXES_AT
from profile_helper.core.contacts.importer import import_file
from profile_helper.core.contacts.models import ContactDraft
from profile_helper.core.contacts.query import ContactQuery, contact_ids
from profile_helper.core.contacts.store import add_contact
from tests.core.contacts.builders import big_connections, connections_csv, write

COUNT = DEFER_INDEXES_AT + 500


def _triggers(conn: sqlite3.Connection) -> list[str]:
    rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name")
    return [str(r[0]) for r in rows]


def _found(conn: sqlite3.Connection, text: str) -> int:
    return len(contact_ids(conn, ContactQuery(search=text)))


def test_large_import_is_searchable_and_keeps_the_index_in_step(
    db: sqlite3.Connection, tmp_path: Path
) -> None:
    triggers = _triggers(db)
    source = write(tmp_path / "Connections.csv", big_connections(COUNT))
    dry = import_file(db, source, dry_run=True)
    assert dry.added == COUNT
    assert _triggers(db) == triggers and _found(db, "p900@") == 0  # rolled back whole

    assert import_file(db, source).added == COUNT
    assert _triggers(db) == triggers
    assert _found(db, "p900@") == 1
    assert _found(db, "recruiter") == sum(1 for i in range(COUNT) if i % 6 == 1)
    # Row by row again afterwards: a contact added by hand is found at once.
    add_contact(db, ContactDraft(first_name="Zelda", company="Hyrule"))
    assert _found(db, "hyrule") == 1
    # FTS5 raises when its index and the contacts it reads from differ.
    db.execute("INSERT INTO contacts_search(contacts_search, rank) VALUES ('integrity-check', 1)")

    # A newer export moving everyone to one firm: an update, searchable by the new name.
    moved = [
        f"Ana,Smith,https://www.linkedin.com/in/ana-{i},,Newco,Engineer,1 Jan 2024"
        for i in range(0, COUNT, 10)
    ]
    report = import_file(db, write(tmp_path / "newer.csv", connections_csv(moved)))
    assert (report.added, report.updated) == (0, len(moved))
    assert _found(db, "newco") == len(moved)
