"""Migration 007: a database of schema 6 with a timeline and applications keeps them all."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from profile_helper.core.storage.database import migrate
from profile_helper.core.storage.migrations import migrations


def test_007_keeps_what_was_there_and_keys_what_comes(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "old.sqlite3")
    for migration in migrations()[:6]:
        conn.executescript(
            f"BEGIN;\n{migration.sql}\nPRAGMA user_version = {migration.version};\nCOMMIT;"
        )
    conn.execute(
        "INSERT INTO contacts(first_name, created_at, updated_at) VALUES ('Ana', 'x', 'x')"
    )
    for _ in range(2):  # the same thing logged twice by hand stays twice
        conn.execute(
            "INSERT INTO interactions(contact_id, kind, occurred_on, summary, created_at) "
            "VALUES (1, 'call', '2024-01-01', '', 'x')"
        )
    conn.commit()
    assert migrate(conn, None) >= 7
    rows = conn.execute("SELECT source_key, direction, conversation FROM interactions").fetchall()
    assert rows == [(None, None, None), (None, None, None)]
    insert = (
        "INSERT INTO interactions(contact_id, kind, occurred_on, created_at, source_key, "
        "direction) VALUES (1, 'message', '2024-01-02', 'x', 'message:k', ?)"
    )
    conn.execute(insert, ("sent",))
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute(insert, ("sent",))
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute(insert.replace("message:k", "message:other"), ("sideways",))
    conn.close()
