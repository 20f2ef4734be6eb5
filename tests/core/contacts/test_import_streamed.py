"""A CSV import is read row by row in batches: all-or-nothing still, people met again far down
the file are still one person."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from profile_helper.core.contacts.importer import BATCH_ROWS, import_file
from profile_helper.core.contacts.models import ContactDraft
from profile_helper.core.contacts.query import list_contacts
from profile_helper.core.contacts.store import add_contact
from profile_helper.core.errors import FileReadError
from tests.core.contacts.builders import big_connections, connections_csv, write


def test_a_file_broken_after_the_first_batches_writes_nothing(
    db: sqlite3.Connection, tmp_path: Path
) -> None:
    add_contact(db, ContactDraft(first_name="Kept"))
    rows = big_connections(BATCH_ROWS * 2 + 10)
    # Invalid UTF-8 after two whole batches were read and written: the file is cp1252, so the
    # reader says so only there; the transaction must roll back everything before it.
    broken = rows + b'Zed,Broken,,"unclosed\n' + b"\x81\x8d\x8f" * 3
    with pytest.raises(FileReadError):
        import_file(db, write(tmp_path / "Connections.csv", broken))
    assert [c.first_name for c in list_contacts(db)] == ["Kept"]
    assert not db.in_transaction


def test_a_person_met_again_in_a_later_batch_is_one_contact(
    db: sqlite3.Connection, tmp_path: Path
) -> None:
    filler = [
        f"Filler,{i},https://www.linkedin.com/in/filler-{i},,Acme,Engineer,1 Jan 2024"
        for i in range(BATCH_ROWS + 5)
    ]
    first = "Ana,García,https://www.linkedin.com/in/ana,,Acme,Engineer,1 Jan 2024"
    again = "Ana,García,https://www.linkedin.com/in/ana,ana@new.io,Acme,CTO,1 Jan 2024"
    path = write(tmp_path / "Connections.csv", connections_csv([first, *filler, again]))
    report = import_file(db, path)
    assert report.added == BATCH_ROWS + 6
    assert report.skipped == 1
    assert [e.reason for e in report.errors] == ["repeats a person from an earlier line"]
    (ana,) = [c for c in list_contacts(db) if c.first_name == "Ana"]
    assert ana.emails == ["ana@new.io"]
