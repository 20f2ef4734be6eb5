"""A large import writes in bulk: indexes rebuilt once, bare rows with fewer values, same result."""

import sqlite3
from pathlib import Path

import pytest

from profile_helper.core.contacts.bulk import DEFER_INDEXES_AT, deferrable_indexes
from profile_helper.core.contacts.importer import import_file
from profile_helper.core.contacts.models import ContactDraft
from profile_helper.core.contacts.store import (
    BARE_COLUMNS,
    COLUMNS,
    bare_row_values,
    contact_count,
    is_bare,
    row_values,
)
from tests.core.contacts.builders import big_connections, write

ROWS = DEFER_INDEXES_AT + 500


def _index_plan(conn: sqlite3.Connection) -> str:
    rows = conn.execute("EXPLAIN QUERY PLAN SELECT id FROM contacts ORDER BY sort_key LIMIT 5")
    return " ".join(str(r[-1]) for r in rows)


def test_a_large_import_rebuilds_the_indexes_it_deferred(
    db: sqlite3.Connection, tmp_path: Path
) -> None:
    before = deferrable_indexes(db, "contacts")
    assert before  # the sort-key index of migration 002
    report = import_file(db, write(tmp_path / "Connections.csv", big_connections(ROWS)))
    assert report.added == ROWS
    assert deferrable_indexes(db, "contacts") == before
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert "contacts_sort_key" in _index_plan(db)


def test_cancel_while_writing_leaves_rows_and_indexes_as_they_were(
    db: sqlite3.Connection, tmp_path: Path
) -> None:
    before = deferrable_indexes(db, "contacts")
    path = write(tmp_path / "Connections.csv", big_connections(ROWS))

    def cancel_in_the_writing_half(done: int, total: int) -> None:
        if done > total // 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        import_file(db, path, progress=cancel_in_the_writing_half)
    assert contact_count(db) == 0
    assert deferrable_indexes(db, "contacts") == before
    assert not db.in_transaction


def test_a_dry_run_keeps_the_indexes(db: sqlite3.Connection, tmp_path: Path) -> None:
    before = deferrable_indexes(db, "contacts")
    report = import_file(db, write(tmp_path / "c.csv", big_connections(ROWS)), dry_run=True)
    assert report.added == ROWS
    assert contact_count(db) == 0
    assert deferrable_indexes(db, "contacts") == before


@pytest.mark.parametrize(
    "draft",
    [
        ContactDraft(first_name="Ana", last_name="García", company="Acme", position="CTO"),
        ContactDraft(first_name="Bo", emails=["Bo@X.io", "b@y.org"], tags=["Mentor"]),
        ContactDraft(last_name="Müller", url="https://www.linkedin.com/in/m", status="met"),
        ContactDraft(first_name="Émile", connected_on="2024-01-15", source="linkedin"),
    ],
)
def test_a_bare_row_stores_what_the_full_row_stores(
    db: sqlite3.Connection, draft: ContactDraft
) -> None:
    assert is_bare(draft)
    now = "2026-01-01T00:00:00+00:00"
    full = (1, *row_values(draft, now, url_is_normal=True))
    marks = ", ".join("?" * len(full))
    db.execute(f"INSERT INTO contacts (id, {COLUMNS}) VALUES ({marks})", full)
    one = tuple(db.execute("SELECT * FROM contacts").fetchone())
    db.execute("DELETE FROM contacts")  # the unique URL would not allow both at once
    bare = bare_row_values(2, draft, now, None)
    db.execute(f"INSERT INTO contacts ({BARE_COLUMNS}) VALUES ({', '.join('?' * len(bare))})", bare)
    two = tuple(db.execute("SELECT * FROM contacts").fetchone())
    assert (one[0], two[0]) == (1, 2)
    assert one[1:] == two[1:]


def test_a_draft_with_more_than_a_linkedin_row_is_not_bare() -> None:
    assert not is_bare(ContactDraft(first_name="Ana", phones=["+1 555"]))
    assert not is_bare(ContactDraft(first_name="Ana", notes="met at PyCon"))
    assert not is_bare(ContactDraft(first_name="Ana", tier=2))
