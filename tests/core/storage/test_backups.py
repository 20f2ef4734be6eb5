"""Backups: encrypted like the database, thinned, and restored to exactly the saved state."""

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from profile_helper.core.app_database import open_app_database
from profile_helper.core.errors import DatabaseError, NotFoundError
from profile_helper.core.paths import database_path
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
    restore_with_safety_copy,
)
from profile_helper.core.storage.database import open_database
from profile_helper.core.storage.keys import DatabaseKey


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
    closed: list[bool] = []

    def close() -> None:
        conn.close()
        closed.append(True)

    backup = find_backup(data_dir, backup_path.name)
    safety = restore_with_safety_copy(conn, data_dir, backup, key, close)
    assert closed == [True]
    reopened = open_app_database(data_dir, daily_backup=False)
    assert _dump(reopened.conn) == saved
    reopened.conn.close()
    # The state before the restore is itself a backup, restorable in turn.
    assert safety.name.endswith("before-restore.sqlite3")
    again = open_app_database(data_dir, daily_backup=False)
    restore_with_safety_copy(
        again.conn, data_dir, find_backup(data_dir, safety.name), key, again.conn.close
    )
    final = open_app_database(data_dir, daily_backup=False)
    assert _dump(final.conn) == changed
    final.conn.close()


@pytest.mark.skipif(not cipher.available(), reason="SQLCipher is not installed")
def test_a_backup_with_another_key_is_refused_and_nothing_changes(data_dir: Path) -> None:
    opened = open_app_database(data_dir)
    backup = find_backup(data_dir, create_backup(opened.conn, data_dir).name)
    opened.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = database_path(data_dir).read_bytes()
    with pytest.raises(DatabaseError, match="Nothing was changed"):
        restore_with_safety_copy(
            opened.conn, data_dir, backup, DatabaseKey.generate(), opened.conn.close
        )
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


def test_restore_is_refused_while_another_connection_uses_the_database(data_dir: Path) -> None:
    opened = open_app_database(data_dir)
    key = opened.unlocked.key
    set_setting(opened.conn, "profile.name", "Ada")
    backup = find_backup(data_dir, create_backup(opened.conn, data_dir).name)
    set_setting(opened.conn, "profile.name", "Grace")
    other = open_app_database(data_dir, daily_backup=False)  # another window, say
    other.conn.execute("SELECT * FROM settings").fetchall()
    with pytest.raises(DatabaseError, match="in use"):
        restore_with_safety_copy(opened.conn, data_dir, backup, key, opened.conn.close)
    assert get_setting(other.conn, "profile.name") == "Grace"
    other.conn.close()
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
