"""Exports that could harm are refused with one line before anything is written."""

from __future__ import annotations

import os
import sqlite3
import zipfile
from pathlib import Path

import pytest

from profile_helper.core.errors import InputError
from profile_helper.core.linkedin_archive import source as source_module
from profile_helper.core.linkedin_archive.run import import_archive
from profile_helper.core.linkedin_archive.source import open_source
from tests.core.linkedin_archive import archive_factory as factory
from tests.core.linkedin_archive.snapshot import snapshot


def _refused(conn: sqlite3.Connection, path: Path, message: str) -> None:
    before = snapshot(conn)
    with pytest.raises(InputError, match=message) as refused:
        import_archive(conn, path, today=factory.TODAY)
    assert "\n" not in str(refused.value)
    assert snapshot(conn) == before


def _zip_with(path: Path, extra: dict[str, bytes]) -> Path:
    return factory.write_zip(path, {**factory.export_files(), **extra})


@pytest.mark.parametrize("name", ["../Connections.csv", "/etc/cron.d/x.csv", "a/../../b.csv",
                                  "C:\\Windows\\x.csv"])  # fmt: skip
def test_names_that_climb_out_are_refused(
    db: sqlite3.Connection, tmp_path: Path, name: str
) -> None:
    _refused(db, _zip_with(tmp_path / "e.zip", {name: b"x"}), "points outside the export")


def test_a_zip_bomb_is_refused(db: sqlite3.Connection, tmp_path: Path) -> None:
    path = tmp_path / "bomb.zip"
    factory.write_zip(path, factory.export_files())
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("messages (2).csv", b"\0" * (20 * 1024 * 1024))
    _refused(db, path, "compressed more than 100 times")


def test_too_many_members_are_refused(db: sqlite3.Connection, tmp_path: Path) -> None:
    extra = {f"Rich_Media/{i}.csv": b"x" for i in range(1000)}
    _refused(db, _zip_with(tmp_path / "e.zip", extra), "more than a LinkedIn export")


def test_a_device_is_refused(db: sqlite3.Connection) -> None:
    _refused(db, Path("/dev/zero"), "not a regular file")


def test_a_fifo_in_the_folder_is_refused(db: sqlite3.Connection, tmp_path: Path) -> None:
    folder = factory.write_folder(tmp_path / "export", factory.export_files())
    os.mkfifo(folder / "messages (copy).csv")
    _refused(db, folder, "not a regular file")


def test_a_link_out_of_the_folder_is_refused(db: sqlite3.Connection, tmp_path: Path) -> None:
    folder = factory.write_folder(tmp_path / "export", factory.export_files())
    secret = tmp_path / "secret.csv"
    secret.write_text("private\n", encoding="utf-8")
    (folder / "Skills.csv").unlink()
    (folder / "Skills.csv").symlink_to(secret)
    _refused(db, folder, "links outside the export folder")


def test_reading_stops_at_the_size_limit(
    db: sqlite3.Connection, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A file's size is also counted while it is read (a ZIP's declared sizes can lie).
    monkeypatch.setattr(source_module, "MAX_MEMBER_BYTES", 4096)
    path = tmp_path / "messages.csv"
    path.write_bytes(b"CONVERSATION ID,FROM,DATE\n" + b"c,Ana,2024-01-01 10:00:00 UTC\n" * 500)
    _refused(db, path, "expands to more than")


def test_a_declared_size_over_the_limit_is_refused(
    db: sqlite3.Connection, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(source_module, "MAX_MEMBER_BYTES", 4096)
    _refused(db, _zip_with(tmp_path / "e.zip", {"Ad_Targeting.csv": os.urandom(8192)}),
             r"Ad_Targeting\.csv in e\.zip expands to")  # fmt: skip


def test_a_broken_zip_is_one_line(db: sqlite3.Connection, tmp_path: Path) -> None:
    path = tmp_path / "broken.zip"
    path.write_bytes(b"PK\x03\x04 not really")
    _refused(db, path, "not a readable ZIP file")


def test_members_are_found_by_name_in_any_case_and_folder(tmp_path: Path) -> None:
    path = factory.write_zip(tmp_path / "e.zip", {"JOBS/job applications.CSV": b"x",
                                                  "Connections.csv": b"y"})  # fmt: skip
    with open_source(path) as source:
        assert source.has("Job Applications.csv")
        assert source.read_bytes("Job Applications.csv") == b"x"
        assert source.names() == ["Connections.csv", "JOBS/job applications.CSV"]
