"""A data folder whose write-ahead log ends mid-frame (copied while the app ran, a crash, a full
disk): the WAL is kept before opening, ``doctor`` says so, and everything committed is there."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

from profile_helper.core.contacts.models import ContactDraft
from profile_helper.core.contacts.store import add_contact
from profile_helper.core.paths import database_path
from profile_helper.core.security.state import STATE_NAME
from profile_helper.core.storage.transaction import transaction
from profile_helper.core.storage.wal import inspect_wal, wal_path
from tests.cli.test_doctor import cli


def test_truncated_wal_is_kept_reported_and_loses_nothing_committed(
    db: sqlite3.Connection, data_dir: Path, tmp_path: Path
) -> None:
    db.execute("PRAGMA wal_autocheckpoint = 0")  # the frames stay in the log, as in a live app
    with transaction(db):
        for i in range(50):
            add_contact(db, ContactDraft(first_name=f"Saved{i}"))
    with transaction(db):
        add_contact(db, ContactDraft(first_name="Cut"))  # its commit frame is the last one
    # A copy of the folder made while the app runs: the database, its WAL, security.json.
    copy = tmp_path / "copy"
    copy.mkdir()
    for name in (database_path(data_dir).name, wal_path(database_path(data_dir)).name, STATE_NAME):
        shutil.copyfile(data_dir / name, copy / name)
    wal = wal_path(database_path(copy))
    whole = inspect_wal(database_path(copy))
    assert whole is not None and not whole.truncated and whole.frames > 2
    with wal.open("r+b") as handle:
        handle.truncate(whole.size - 3)
    cut = wal.read_bytes()

    result = cli(copy, "doctor", "--format", "json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["wal"]["truncated_at_open"] is True
    (kept,) = report["wal"]["kept"]
    assert (copy / kept).read_bytes() == cut  # the log as it was, before SQLite dropped a frame
    assert report["database"]["integrity"] == "ok"
    text = cli(copy, "doctor")
    assert "ended mid-frame" in text.stdout and "by design" in text.stdout

    listed = cli(copy, "contacts", "list", "--format", "json")
    names = {c["first_name"] for c in json.loads(listed.stdout)}
    # Every committed transaction whose frames are whole is there; the cut one is dropped whole.
    assert names == {f"Saved{i}" for i in range(50)}


def test_doctor_names_a_clear_text_database_in_the_folder(
    db: sqlite3.Connection, data_dir: Path, template_database: Path
) -> None:
    db.close()
    shutil.copyfile(template_database, data_dir / "old-copy.sqlite3")
    report = json.loads(cli(data_dir, "doctor", "--format", "json").stdout)
    if report["database"]["encrypted"]:
        assert report["plain_files"] == ["old-copy.sqlite3"]
        assert "old-copy.sqlite3" in cli(data_dir, "doctor").stdout
    else:
        assert "old-copy.sqlite3" in report["plain_files"]
