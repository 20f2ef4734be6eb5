"""``backup create | list | restore`` as real processes."""

import json
import sqlite3
from pathlib import Path

from profile_helper.core.app_database import open_app_database
from profile_helper.core.settings import get_setting, set_setting
from profile_helper.core.storage.database import open_database
from profile_helper.core.storage.keys import DatabaseKey
from tests.cli.test_doctor import cli


def _name(data_dir: Path) -> object:
    opened = open_app_database(data_dir, daily_backup=False)
    try:
        return get_setting(opened.conn, "profile.name")
    finally:
        opened.conn.close()


def test_create_list_and_restore(
    db: sqlite3.Connection, data_dir: Path, session_key: DatabaseKey | None
) -> None:
    set_setting(db, "profile.name", "Ada")
    created = cli(data_dir, "backup", "create")
    assert created.returncode == 0, created.stderr
    assert created.stdout.startswith("Backed up to ")
    set_setting(db, "profile.name", "Someone else")
    db.close()

    listed = cli(data_dir, "backup", "list", "--format", "json")
    assert listed.returncode == 0, listed.stderr
    entries = json.loads(listed.stdout)
    manual = [e for e in entries if e["reason"] == "manual"]
    assert len(manual) == 1
    assert set(manual[0]) == {"name", "path", "created", "reason", "size"}
    text = cli(data_dir, "backup", "list")
    assert manual[0]["name"] in text.stdout

    restored = cli(data_dir, "backup", "restore", manual[0]["name"])
    assert restored.returncode == 0, restored.stderr
    # The state before the restore is kept beside the database, moved aside, never opened.
    (kept,) = data_dir.glob("damaged-*.sqlite3")
    assert kept.name in restored.stdout
    assert _name(data_dir) == "Ada"
    assert not list(data_dir.glob("damaged-*.sqlite3-shm"))
    # It is the old database, whole: it opens with the same key and holds the later change.
    restored_again = open_database(kept, key=session_key)
    try:
        assert get_setting(restored_again, "profile.name") == "Someone else"
    finally:
        restored_again.close()


def test_restoring_an_unknown_backup_is_one_line(data_dir: Path) -> None:
    result = cli(data_dir, "backup", "restore", "nope.sqlite3")
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1
    assert "backup list" in result.stderr


def test_list_without_backups_says_how_to_make_one(data_dir: Path) -> None:
    result = cli(data_dir, "backup", "list")
    assert result.returncode == 0
    assert "backup create" in result.stdout


def _damage(path: Path) -> None:
    """Overwrite the middle of the file: its first page (and so the key check) still reads."""
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 8192] = b"\xa5" * 8192
    path.write_bytes(bytes(data))


def test_restore_works_on_a_damaged_database(db: sqlite3.Connection, data_dir: Path) -> None:
    for i in range(300):
        set_setting(db, f"filler.{i}", "x" * 200)
    set_setting(db, "profile.name", "Ada")
    assert cli(data_dir, "backup", "create").returncode == 0
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    live = data_dir / "profile-helper.sqlite3"
    _damage(live)
    refused = cli(data_dir, "contacts", "list")
    assert refused.returncode == 1, refused.stderr
    assert "passphrase" not in refused.stderr

    (manual,) = [
        e["name"]
        for e in json.loads(cli(data_dir, "backup", "list", "--format", "json").stdout)
        if e["reason"] == "manual"
    ]
    restored = cli(data_dir, "backup", "restore", manual)
    assert restored.returncode == 0, restored.stderr
    assert _name(data_dir) == "Ada"
    (kept,) = data_dir.glob("damaged-*.sqlite3")
    assert kept.read_bytes()[len(kept.read_bytes()) // 2 :][:8] == b"\xa5" * 8


def test_restore_works_when_the_database_file_is_gone(
    db: sqlite3.Connection, data_dir: Path
) -> None:
    set_setting(db, "profile.name", "Ada")
    db.close()
    # A first open records that this folder has a database.
    assert cli(data_dir, "contacts", "list").returncode == 0
    assert cli(data_dir, "backup", "create").returncode == 0
    (data_dir / "profile-helper.sqlite3").unlink()

    missing = cli(data_dir, "contacts", "list")
    assert missing.returncode == 1
    assert "is missing" in missing.stderr
    assert "backup restore" in missing.stderr
    assert "passphrase" not in missing.stderr
    assert not (data_dir / "profile-helper.sqlite3").exists()  # not silently made anew

    (manual,) = [
        e["name"]
        for e in json.loads(cli(data_dir, "backup", "list", "--format", "json").stdout)
        if e["reason"] == "manual"
    ]
    restored = cli(data_dir, "backup", "restore", manual)
    assert restored.returncode == 0, restored.stderr
    assert "no database before it" in restored.stdout
    assert _name(data_dir) == "Ada"
