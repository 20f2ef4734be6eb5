"""The file on disk: unreadable without the key, readable with it, and sqlite3's errors kept."""

import sqlite3
from pathlib import Path

import pytest

from profile_helper.core.settings import get_setting, set_setting
from profile_helper.core.storage import cipher
from profile_helper.core.storage.database import open_database
from profile_helper.core.storage.errors import WrongKeyError
from profile_helper.core.storage.keys import DatabaseKey

pytestmark = pytest.mark.skipif(not cipher.available(), reason="SQLCipher is not installed")


def _make(path: Path, key: DatabaseKey) -> None:
    conn = open_database(path, key=key)
    set_setting(conn, "profile.name", "Ada Lovelace")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


@pytest.mark.parametrize(
    "key", [DatabaseKey.generate(), DatabaseKey(passphrase="a 'quoted' passphrase")]
)
def test_file_is_unreadable_by_plain_sqlite_and_readable_with_the_key(
    tmp_path: Path, key: DatabaseKey
) -> None:
    path = tmp_path / "db.sqlite3"
    _make(path, key)
    assert b"Ada Lovelace" not in path.read_bytes()
    assert not cipher.is_plain_sqlite(path)
    plain = sqlite3.connect(path)
    with pytest.raises(sqlite3.DatabaseError, match="not a database"):
        plain.execute("SELECT * FROM settings").fetchall()
    plain.close()
    conn = open_database(path, key=key)
    assert get_setting(conn, "profile.name") == "Ada Lovelace"
    conn.close()


def test_wrong_key_is_a_clear_error_and_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    _make(path, DatabaseKey.generate())
    before = path.read_bytes()
    for wrong in (DatabaseKey.generate(), DatabaseKey(passphrase="not the key at all")):
        with pytest.raises(WrongKeyError, match="Nothing was changed"):
            open_database(path, key=wrong)
    assert path.read_bytes() == before


def test_sqlcipher_errors_are_sqlite3_errors(tmp_path: Path) -> None:
    conn = open_database(tmp_path / "db.sqlite3", key=DatabaseKey.generate())
    conn.execute("CREATE TABLE t (x INTEGER UNIQUE)")
    conn.execute("INSERT INTO t VALUES (1)")
    conn.commit()
    with pytest.raises(sqlite3.IntegrityError, match="UNIQUE"):
        conn.execute("INSERT INTO t VALUES (1)")
    conn.commit()
    with pytest.raises(sqlite3.OperationalError):
        conn.execute("SELECT nope FROM t")
    with pytest.raises(sqlite3.IntegrityError), conn:
        conn.executemany("INSERT INTO t VALUES (?)", [(2,), (2,)])
    assert conn.execute("SELECT count(*) FROM t").fetchone()[0] == 1
    assert conn.execute("SELECT x FROM t").fetchone()["x"] == 1
    assert 'INSERT INTO "t" VALUES(1);' in list(conn.iterdump())
    conn.close()
