import sqlite3
from pathlib import Path

import pytest

from profile_helper.core.errors import DatabaseError, DatabaseTooNewError
from profile_helper.core.paths import backups_dir
from profile_helper.core.settings import get_setting, set_setting
from profile_helper.core.storage import database as db_module
from profile_helper.core.storage.connection import schema_version
from profile_helper.core.storage.database import open_database
from profile_helper.core.storage.migrations import Migration, latest_version, migrations
from profile_helper.core.storage.transaction import transaction


def test_new_database_is_migrated_with_wal_and_foreign_keys(tmp_path: Path) -> None:
    conn = open_database(tmp_path / "db.sqlite3", key=None)
    assert schema_version(conn) == latest_version() >= 1
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    conn.close()


def test_migrations_are_numbered_from_one_without_gaps() -> None:
    versions = [m.version for m in migrations()]
    assert versions == list(range(1, len(versions) + 1))


def test_database_newer_than_the_code_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    conn = open_database(path, key=None)
    conn.execute(f"PRAGMA user_version = {latest_version() + 1}")
    conn.close()
    with pytest.raises(DatabaseTooNewError, match="newer"):
        open_database(path, key=None)


def _with_extra(monkeypatch: pytest.MonkeyPatch, sql: str) -> None:
    extra = Migration(latest_version() + 1, "extra", sql)
    monkeypatch.setattr(db_module, "migrations", lambda: (*migrations(), extra))
    monkeypatch.setattr(db_module, "latest_version", lambda: extra.version)


def test_migration_takes_a_backup_first_and_keeps_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "db.sqlite3"
    conn = open_database(path, key=None)
    set_setting(conn, "profile.name", "Ada")
    conn.close()
    _with_extra(monkeypatch, "CREATE TABLE extra (x INTEGER);")
    conn = open_database(path, key=None)
    assert schema_version(conn) == latest_version() + 1
    assert get_setting(conn, "profile.name") == "Ada"
    conn.close()
    backups = list(backups_dir(tmp_path).iterdir())
    assert len(backups) == 1
    copy = sqlite3.connect(backups[0])
    assert copy.execute("PRAGMA user_version").fetchone()[0] == latest_version()
    copy.close()


def test_failed_migration_changes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "db.sqlite3"
    open_database(path, key=None).close()
    _with_extra(monkeypatch, "CREATE TABLE half (x INTEGER);\nTHIS IS NOT SQL;")
    with pytest.raises(DatabaseError, match="extra"):
        open_database(path, key=None)
    monkeypatch.undo()
    conn = open_database(path, key=None)
    assert schema_version(conn) == latest_version()
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert "half" not in tables
    conn.close()


def test_damaged_file_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    path.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(DatabaseError, match="database"):
        open_database(path, key=None)


def test_transaction_is_all_or_nothing(db: sqlite3.Connection) -> None:
    with pytest.raises(RuntimeError), transaction(db):
        db.execute("INSERT INTO settings(key, value) VALUES ('a', '1')")
        raise RuntimeError("stop")
    assert db.execute("SELECT COUNT(*) FROM settings WHERE key = 'a'").fetchone()[0] == 0
    with transaction(db):
        db.execute("INSERT INTO settings(key, value) VALUES ('a', '1')")
    assert get_setting(db, "a") == 1


def test_settings_have_defaults(db: sqlite3.Connection) -> None:
    assert get_setting(db, "profile.target_role") == ""
    set_setting(db, "profile.target_role", "Data Engineer")
    assert get_setting(db, "profile.target_role") == "Data Engineer"


def test_setting_written_inside_a_transaction_is_undone_with_it(db: sqlite3.Connection) -> None:
    with pytest.raises(RuntimeError), transaction(db):
        set_setting(db, "profile.name", "Ada")
        set_setting(db, "profile.pitch", "Builds pipelines")
        raise RuntimeError("stop")
    assert get_setting(db, "profile.name") == ""
    assert get_setting(db, "profile.pitch") == ""
