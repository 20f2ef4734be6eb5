"""Migration 005 indexes the contacts a database already had for full-text search."""

from pathlib import Path

import pytest

from profile_helper.core.contacts.models import ContactDraft
from profile_helper.core.contacts.query import ContactQuery, contact_ids
from profile_helper.core.contacts.store import add_contact
from profile_helper.core.storage import database as db_module
from profile_helper.core.storage.connection import schema_version
from profile_helper.core.storage.database import open_database
from profile_helper.core.storage.migrations import latest_version, migrations


def test_existing_contacts_are_found_after_the_upgrade(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "db.sqlite3"
    with monkeypatch.context() as patch:
        before = migrations()[:4]
        patch.setattr(db_module, "migrations", lambda: before)
        patch.setattr(db_module, "latest_version", lambda: 4)
        conn = open_database(path, key=None)
        emilie = add_contact(conn, ContactDraft(first_name="Émilie", last_name="Durand"))
        hans = add_contact(conn, ContactDraft(first_name="Hans", last_name="Müller"))
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        assert "contacts_search" not in tables
        conn.close()
    conn = open_database(path, key=None)
    assert schema_version(conn) == latest_version()
    assert contact_ids(conn, ContactQuery(search="emi")) == [emilie]
    assert contact_ids(conn, ContactQuery(search="muller")) == [hans]
    conn.close()
