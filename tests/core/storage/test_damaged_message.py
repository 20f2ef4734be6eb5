"""A damaged database is said in one line: SQLite's first finding; the whole goes to the log."""

import logging
from pathlib import Path

import pytest

from profile_helper.core.errors import DatabaseError
from profile_helper.core.storage.database import open_database

PAGE = 4096


def test_many_findings_make_one_line_and_a_full_log(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "profile-helper.sqlite3"
    conn = open_database(path, key=None)
    conn.execute("CREATE TABLE notes (body TEXT)")
    conn.executemany("INSERT INTO notes VALUES (?)", [(f"note {i} " * 5,) for i in range(20000)])
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = bytearray(path.read_bytes())
    for page in range(40, 200, 7):  # scribble over the middle of many table pages
        data[page * PAGE + 100 : page * PAGE + 400] = b"\x07" * 300
    path.write_bytes(bytes(data))

    with caplog.at_level(logging.WARNING), pytest.raises(DatabaseError) as caught:
        open_database(path, key=None)
    message = caught.value.message
    assert "\n" not in message and "damaged" in message and "***" not in message
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert logged.count("\n") > 5  # every finding, for whoever looks into it
