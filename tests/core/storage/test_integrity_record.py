"""The integrity check on open is skipped only for a file byte for byte as it last passed."""

import os
from pathlib import Path

import pytest

from profile_helper.core.errors import DatabaseError
from profile_helper.core.settings import set_setting
from profile_helper.core.storage import cipher
from profile_helper.core.storage import integrity_record as checked
from profile_helper.core.storage.database import close_checked, open_database
from profile_helper.core.storage.keys import DatabaseKey

PAGE = 4096


def _opened_twice(path: Path, key: DatabaseKey | None = None) -> None:
    """Create the database, then open it again: that open checks it and records the check."""
    open_database(path, key=key).close()
    open_database(path, key=key).close()


def _damage_keeping_size_and_time(path: Path, page: int) -> None:
    """Overwrite one page with other bytes, as a failing disk would: same size, same mtime."""
    stat = path.stat()
    data = bytearray(path.read_bytes())
    data[page * PAGE : (page + 1) * PAGE] = bytes((i * 7 + 3) % 256 for i in range(PAGE))
    path.write_bytes(bytes(data))
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))


def test_a_clean_check_is_recorded_and_a_write_invalidates_it(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    _opened_twice(path)
    assert checked.was_checked(path, checked.fingerprint(path))
    conn = open_database(path, key=None)
    set_setting(conn, "profile.target_role", "Data Engineer")
    conn.close()
    assert not checked.was_checked(path, checked.fingerprint(path))


def test_a_log_with_frames_is_never_taken_as_checked(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    _opened_twice(path)
    conn = open_database(path, key=None)
    set_setting(conn, "profile.target_role", "Data Engineer")
    # While the connection is open the change is in the write-ahead log, not the file.
    assert checked.fingerprint(path) is None
    conn.close()


def test_damage_after_a_clean_check_is_caught_on_the_next_open(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    _opened_twice(path)
    open_database(path, key=None).close()  # the recorded check is used: nothing changed
    assert checked.was_checked(path, checked.fingerprint(path))
    _damage_keeping_size_and_time(path, page=2)
    with pytest.raises(DatabaseError, match="is damaged"):
        open_database(path, key=None)
    assert not checked.stamp_path(path).exists() or not checked.was_checked(
        path, checked.fingerprint(path)
    )


@pytest.mark.skipif(not cipher.available(), reason="SQLCipher is not installed")
def test_damage_to_an_encrypted_file_after_a_clean_check_is_caught(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    key = DatabaseKey.generate()
    _opened_twice(path, key)
    assert checked.was_checked(path, checked.fingerprint(path))
    # A page the opener itself never reads: only the full check would find it.
    pages = path.stat().st_size // PAGE
    _damage_keeping_size_and_time(path, page=pages - 1)
    with pytest.raises(DatabaseError):
        open_database(path, key=key)


def test_a_clean_close_records_the_check_so_the_next_open_skips_it(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    conn = open_database(path, key=None)
    set_setting(conn, "profile.name", "Ada")  # a write: the open's record no longer fits
    assert not checked.was_checked(path, checked.fingerprint(path))
    close_checked(conn, path)
    assert checked.was_checked(path, checked.fingerprint(path))


def test_a_close_after_reading_only_keeps_the_record_without_checking_again(
    tmp_path: Path,
) -> None:
    path = tmp_path / "db.sqlite3"
    _opened_twice(path)
    stamp = checked.stamp_path(path)
    recorded = stamp.stat().st_mtime_ns
    conn = open_database(path, key=None)
    conn.execute("SELECT count(*) FROM settings").fetchone()  # a session that only reads
    checks: list[str] = []
    conn.set_trace_callback(checks.append)
    close_checked(conn, path)
    assert not any("quick_check" in sql or "integrity_check" in sql for sql in checks)
    assert stamp.stat().st_mtime_ns == recorded  # not even written again
    assert checked.was_checked(path, checked.fingerprint(path))


def test_close_records_nothing_for_a_damaged_file(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    conn = open_database(path, key=None)
    conn.execute("CREATE TABLE filler (x TEXT)")
    conn.executemany("INSERT INTO filler VALUES (?)", [("x" * 500,) for _ in range(400)])
    conn.commit()
    conn.close()
    checked.forget_checked(path)
    # The last page holds table rows the check reads. Random bytes there could happen to land
    # in row text only, which no check sees; a whole page of a fixed pattern never does.
    _damage_keeping_size_and_time(path, path.stat().st_size // PAGE - 1)
    conn = open_database(path, check_integrity=False, key=None)
    close_checked(conn, path)
    assert not checked.stamp_path(path).exists()
    with pytest.raises(DatabaseError, match="damaged"):
        open_database(path, key=None)


def test_a_file_changed_during_its_check_is_not_recorded(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    open_database(path, key=None).close()
    before = checked.fingerprint(path)
    conn = open_database(path, check_integrity=False, key=None)
    set_setting(conn, "profile.target_role", "Data Engineer")
    conn.close()
    checked.record_checked(path, before)
    assert not checked.stamp_path(path).exists()
    checked.record_checked(path, checked.fingerprint(path))
    assert checked.was_checked(path, checked.fingerprint(path))
