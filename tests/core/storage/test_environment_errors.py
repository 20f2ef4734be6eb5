"""A read-only folder, a full disk, a missing folder: each said as what it is, not a wrong key."""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

import pytest

from profile_helper.cli import _environment_message
from profile_helper.core.errors import DatabaseError
from profile_helper.core.storage import cipher
from profile_helper.core.storage.errors import (
    DiskFullError,
    ReadOnlyError,
    WrongKeyError,
    environment_error,
)
from profile_helper.core.storage.keys import DatabaseKey

needs_cipher = pytest.mark.skipif(not cipher.available(), reason="SQLCipher is not installed")


def test_sqlite_read_only_is_a_read_only_error(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    sqlite3.connect(path).close()
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        with pytest.raises(sqlite3.OperationalError) as caught:
            conn.execute("CREATE TABLE t (x)")
    finally:
        conn.close()
    error = environment_error(caught.value, path)
    assert isinstance(error, ReadOnlyError)
    assert "read-only" in error.message
    assert "passphrase" not in error.message


def test_sqlite_full_is_a_disk_full_error(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    conn = sqlite3.connect(path)
    try:
        conn.execute("CREATE TABLE t (x)")
        conn.execute("PRAGMA max_page_count = 3")
        with pytest.raises(sqlite3.OperationalError) as caught:
            conn.execute("INSERT INTO t VALUES (zeroblob(100000))")
    finally:
        conn.close()
    error = environment_error(caught.value, path)
    assert isinstance(error, DiskFullError)
    assert "is full" in error.message


@needs_cipher
def test_a_key_is_wrong_only_when_it_was_tried_and_refused(tmp_path: Path) -> None:
    key = DatabaseKey.generate()
    path = tmp_path / "db.sqlite3"
    conn = cipher.connect(path, key, isolation_level=None)
    conn.execute("CREATE TABLE t (x)")
    conn.close()
    assert cipher.opens_with(path, key)
    assert not cipher.opens_with(path, DatabaseKey(passphrase="not the key"))
    # A folder that is not there cannot be opened: said so, not "the key is wrong".
    with pytest.raises(DatabaseError) as caught:
        cipher.opens_with(tmp_path / "gone" / "db.sqlite3", key)
    assert not isinstance(caught.value, WrongKeyError)
    assert "Cannot open" in caught.value.message


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_disk_met_by_any_write_is_one_line() -> None:
    with pytest.raises(OSError) as caught, open("/dev/full", "wb") as full:  # noqa: PTH123
        full.write(b"x" * 65536)
        full.flush()
    assert caught.value.errno == errno.ENOSPC
    caught.value.filename = "/dev/full"
    message = _environment_message(caught.value)
    assert message is not None
    assert message.startswith("The disk is full: cannot write /dev/full")
    assert _environment_message(OSError(errno.ENOENT, "No such file")) is None
