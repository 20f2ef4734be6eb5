"""The first page read ahead: the child's reading is the page's own, and it changes nothing.

``read`` runs here in the test process (the fork itself is tested in ``test_prefetch``), on a
real encrypted database whose key is in the tests' keychain, set up as the app sets it up.
"""

from __future__ import annotations

import marshal
from datetime import date
from pathlib import Path

import pytest

from profile_helper.core import read_ahead
from profile_helper.core.app_database import open_app_database
from profile_helper.core.contacts import store
from profile_helper.core.contacts.models import ContactDraft
from profile_helper.core.paths import database_path
from profile_helper.core.security import keychain
from profile_helper.core.security.state import read_state
from profile_helper.core.storage import cipher
from profile_helper.core.storage import integrity_record as checked
from profile_helper.core.storage.database import close_checked
from profile_helper.core.today.habits import local_today
from profile_helper.core.today.summary import read_today
from tests.sample_folder import DUE_THIS_WEEK, leave_folder

pytestmark = pytest.mark.skipif(not cipher.available(), reason="reads ahead only with SQLCipher")


def _entry(data_dir: Path) -> str:
    state = read_state(data_dir)
    assert state is not None
    return keychain.read_ahead_answer(keychain.entry_name(state.key_id))


def test_the_child_reads_what_the_page_reads_and_nothing_changes(data_dir: Path) -> None:
    leave_folder(data_dir)
    db = database_path(data_dir)
    before = checked.fingerprint(db)

    answers = read_ahead.read(data_dir)

    # It crosses the pipe as it is, and comes out as the page's own reading.
    sent = marshal.loads(marshal.dumps(answers))
    data = read_ahead.from_plain(sent[read_ahead.TODAY])
    conn = open_app_database(data_dir, None, None, daily_backup=False).conn
    try:
        assert data == read_today(conn, date.today(), local_today())
    finally:
        conn.close()
    assert data is not None
    assert [f.reason for f in data.follow_ups] == DUE_THIS_WEEK
    assert data.goals[[g.name for g in data.goals].index("networking")].done == 1
    assert isinstance(sent[_entry(data_dir)], str)
    # The file is byte for byte as before: the real open skips its check, as it would have.
    assert checked.fingerprint(db) == before
    assert checked.was_checked(db, before)


def test_a_write_ahead_log_leaves_the_page_to_the_real_open(data_dir: Path) -> None:
    leave_folder(data_dir)
    # Another process has the database open with a change not folded in yet.
    other = open_app_database(data_dir, None, None, daily_backup=False).conn
    store.add_contact(other, ContactDraft(first_name="Linus"))
    try:
        answers = read_ahead.read(data_dir)
    finally:
        other.close()
    assert read_ahead.TODAY not in answers
    assert _entry(data_dir) in answers  # the key is still read ahead


def test_a_file_not_known_to_be_whole_is_not_read_ahead(data_dir: Path) -> None:
    leave_folder(data_dir)
    checked.forget_checked(database_path(data_dir))
    assert read_ahead.TODAY not in read_ahead.read(data_dir)


def test_a_schema_to_migrate_is_not_read_ahead(data_dir: Path) -> None:
    leave_folder(data_dir)
    conn = open_app_database(data_dir, None, None, daily_backup=False).conn
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    conn.execute(f"PRAGMA user_version = {version - 1}")
    close_checked(conn, database_path(data_dir))
    assert read_ahead.TODAY not in read_ahead.read(data_dir)


def test_a_folder_without_a_keychain_key_is_not_read_ahead(data_dir: Path) -> None:
    open_app_database(data_dir, "a long enough passphrase for this test").conn.close()
    assert read_ahead.read(data_dir) == {}
    assert read_ahead.read(data_dir / "never-set-up") == {}


def test_anything_but_the_childs_reading_is_none() -> None:
    assert read_ahead.from_plain(None) is None
    assert read_ahead.from_plain({"day": "2026-12-03"}) is None
    garbled = {"day": "x", "follow_ups": [[1]], "habits_day": "x", "goals": [], "streaks": {}}
    assert read_ahead.from_plain(garbled) is None


def test_the_database_is_not_touched_by_the_reading(data_dir: Path) -> None:
    leave_folder(data_dir)
    db = database_path(data_dir)
    read_ahead.read(data_dir)
    # No write-ahead log or shared-memory file is left behind for the real open to fold in.
    assert not db.with_name(db.name + "-wal").exists()
    conn = open_app_database(data_dir, None, None, daily_backup=False).conn
    try:
        assert conn.execute("SELECT count(*) FROM contacts").fetchone()[0] == 2
    finally:
        conn.close()
