"""Backups: encrypted like the database, thinned, and restored to exactly the saved state."""

import datetime as dt
import os
import sqlite3
from pathlib import Path

import pytest

from profile_helper.core.app_database import open_app_database
from profile_helper.core.errors import DatabaseError, NotFoundError
from profile_helper.core.paths import backups_dir, database_path
from profile_helper.core.settings import get_setting, set_setting
from profile_helper.core.storage import cipher
from profile_helper.core.storage.backups import (
    BackupInfo,
    backups_to_thin,
    check_backup,
    create_backup,
    daily_backup,
    find_backup,
    list_backups,
    restore_replacing,
)
from profile_helper.core.storage.convert import convert_database
from profile_helper.core.storage.database import open_database
from profile_helper.core.storage.keys import DatabaseKey
from tests.holding import holding


def _dump(conn: sqlite3.Connection) -> dict[str, list[tuple[object, ...]]]:
    """Every table's rows and the schema: equal dumps mean equal databases."""
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    dump = {t: sorted(tuple(r) for r in conn.execute(f'SELECT * FROM "{t}"')) for t in tables}
    # Not rootpage: a copy made by VACUUM INTO may number its pages differently.
    dump["<schema>"] = sorted(
        tuple(r) for r in conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master")
    )
    dump["<version>"] = [tuple(conn.execute("PRAGMA user_version").fetchone())]
    return dump


def test_restore_gives_back_exactly_the_saved_state(data_dir: Path) -> None:
    opened = open_app_database(data_dir)
    conn, key = opened.conn, opened.unlocked.key
    set_setting(conn, "profile.name", "Ada")
    saved = _dump(conn)
    backup_path = create_backup(conn, data_dir)
    if key is not None:
        assert not cipher.is_plain_sqlite(backup_path)
    set_setting(conn, "profile.name", "Changed after the backup")
    set_setting(conn, "profile.pitch", "new")
    changed = _dump(conn)
    conn.close()

    kept = restore_replacing(data_dir, find_backup(data_dir, backup_path.name), key)
    reopened = open_app_database(data_dir, daily_backup=False)
    assert _dump(reopened.conn) == saved
    reopened.conn.close()
    # The state before the restore is kept whole beside the database, never opened by it.
    assert kept is not None and kept.name.startswith("damaged-")
    before = open_database(kept, key=key)
    assert _dump(before) == changed
    before.close()


@pytest.mark.skipif(not cipher.available(), reason="SQLCipher is not installed")
def test_a_backup_with_another_key_is_refused_and_nothing_changes(data_dir: Path) -> None:
    opened = open_app_database(data_dir)
    backup = find_backup(data_dir, create_backup(opened.conn, data_dir).name)
    opened.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = database_path(data_dir).read_bytes()
    with pytest.raises(DatabaseError, match="Nothing was changed"):
        restore_replacing(data_dir, backup, DatabaseKey.generate())
    opened.conn.close()
    assert database_path(data_dir).read_bytes() == before
    assert len(list_backups(data_dir)) == 1


def test_unknown_backup_is_not_found(data_dir: Path) -> None:
    with pytest.raises(NotFoundError, match="backup list"):
        find_backup(data_dir, "profile-helper-nothing.sqlite3")


def _at(when: dt.datetime) -> BackupInfo:
    return BackupInfo(Path(when.strftime("%Y%m%d-%H%M%S")), when, "daily", 1)


def test_thinning_keeps_the_last_seven_days_and_four_weeks() -> None:
    start = dt.datetime(2026, 11, 25, 9, 0)
    # Two backups a day for 60 days, newest first.
    backups = [_at(start - dt.timedelta(hours=12 * i)) for i in range(120)]
    kept = [b for b in backups if b not in backups_to_thin(backups)]
    kept_days = sorted({b.created.date() for b in kept}, reverse=True)
    assert kept[0] == backups[0]
    assert kept_days[:7] == [start.date() - dt.timedelta(days=i) for i in range(7)]
    assert len({b.created.date() for b in kept}) == len(kept)  # one per kept day
    weeks = {tuple(b.created.isocalendar())[:2] for b in kept}
    assert len(weeks) == 4
    assert len(kept) <= 7 + 4


def test_daily_backup_happens_once_a_day(data_dir: Path) -> None:
    opened = open_app_database(data_dir)
    assert opened.unlocked.created and list_backups(data_dir) == []
    assert daily_backup(opened.conn, data_dir) is not None
    assert daily_backup(opened.conn, data_dir) is None
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    newest = daily_backup(opened.conn, data_dir, today=tomorrow)
    opened.conn.close()
    # Both copies are stamped today, so thinning keeps the newer one only.
    assert [b.path for b in list_backups(data_dir)] == [newest]


# Another copy of the app (a window, say) with the database open until its input closes.
_OTHER_COPY = """
import sys
from pathlib import Path
from profile_helper.core.app_database import open_app_database
opened = open_app_database(Path(sys.argv[1]), daily_backup=False)
opened.conn.execute("SELECT * FROM settings").fetchall()
print("open", flush=True)
sys.stdin.read()
opened.conn.close()
"""


@pytest.mark.skipif(os.name != "posix", reason="Windows refuses to move an open file instead")
def test_restore_is_refused_while_another_process_uses_the_database(data_dir: Path) -> None:
    opened = open_app_database(data_dir)
    key = opened.unlocked.key
    set_setting(opened.conn, "profile.name", "Ada")
    backup = find_backup(data_dir, create_backup(opened.conn, data_dir).name)
    set_setting(opened.conn, "profile.name", "Grace")
    opened.conn.close()
    with holding(_OTHER_COPY, str(data_dir)) as said:
        assert said == "open"
        with pytest.raises(DatabaseError, match="open in another window"):
            restore_replacing(data_dir, backup, key)
    reopened = open_app_database(data_dir, daily_backup=False)
    assert get_setting(reopened.conn, "profile.name") == "Grace"
    reopened.conn.close()


@pytest.mark.skipif(not cipher.available(), reason="SQLCipher is not installed")
def test_passphrase_backups_open_with_the_passphrase(tmp_path: Path) -> None:
    key = DatabaseKey(passphrase="a long passphrase")
    conn = open_database(tmp_path / "profile-helper.sqlite3", key=key)
    create_backup(conn, tmp_path)
    conn.close()
    (backup,) = list_backups(tmp_path)
    assert not cipher.is_plain_sqlite(backup.path)
    assert check_backup(backup, key) >= 1
    with pytest.raises(DatabaseError, match="key"):
        check_backup(backup, DatabaseKey(passphrase="another passphrase"))


def test_a_backup_where_its_folder_cannot_be_made_is_one_error(data_dir: Path) -> None:
    conn = open_database(database_path(data_dir), key=None)
    set_setting(conn, "kept", "yes")
    # A file where the backups folder goes.
    backups_dir(data_dir).write_text("not a folder", encoding="utf-8")
    with pytest.raises(DatabaseError, match="Cannot write a backup"):
        create_backup(conn, data_dir)
    assert get_setting(conn, "kept") == "yes"
    conn.close()
    assert backups_dir(data_dir).read_text(encoding="utf-8") == "not a folder"


@pytest.mark.skipif(not cipher.available(), reason="SQLCipher is not installed")
def test_encrypting_without_room_for_its_backup_changes_nothing(data_dir: Path) -> None:
    path = database_path(data_dir)
    conn = open_database(path, key=None)
    set_setting(conn, "kept", "yes")
    conn.close()
    backups_dir(data_dir).write_text("not a folder", encoding="utf-8")
    with pytest.raises(DatabaseError, match=r"before encrypting.*Nothing was changed"):
        convert_database(path, DatabaseKey.generate(), data_dir)
    # Still the plain database, in use, with its data.
    assert path.read_bytes().startswith(b"SQLite format 3\x00")
    conn = open_database(path, key=None)
    assert get_setting(conn, "kept") == "yes"
    conn.close()
    assert sorted(p.name for p in data_dir.iterdir() if "encrypting" in p.name) == []
