"""Atomic writes on real files: the target is replaced whole or not at all, and nothing is left."""

from __future__ import annotations

import contextlib
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from profile_helper.core.files import (
    PRIVATE_MODE,
    atomic_path,
    atomic_writer,
    copy_atomic,
    write_bytes_atomic,
    write_text_atomic,
)
from tests.conftest import REPO_ROOT


class WriterFailedError(Exception):
    pass


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_a_write_replaces_the_whole_file_and_leaves_nothing_beside_it(tmp_path: Path) -> None:
    target = tmp_path / "state.json"
    target.write_text("old content, longer than the new one", encoding="utf-8")
    write_text_atomic(target, "new")
    assert target.read_text(encoding="utf-8") == "new"
    write_bytes_atomic(target, b"\x00bytes\xff")
    assert target.read_bytes() == b"\x00bytes\xff"
    assert _names(tmp_path) == ["state.json"]


def test_a_failed_streamed_write_keeps_the_old_file_and_removes_its_temporary(
    tmp_path: Path,
) -> None:
    target = tmp_path / "contacts.csv"
    target.write_bytes(b"the old export")
    with pytest.raises(WriterFailedError), atomic_writer(target) as handle:
        handle.write(b"half of the new ")
        raise WriterFailedError
    assert target.read_bytes() == b"the old export"
    assert _names(tmp_path) == ["contacts.csv"]


def test_a_failed_first_write_creates_nothing(tmp_path: Path) -> None:
    target = tmp_path / "new.txt"
    with pytest.raises(WriterFailedError), atomic_path(target) as temp:
        temp.write_text("partial", encoding="utf-8")
        raise WriterFailedError
    assert _names(tmp_path) == []


def test_an_unwritable_place_is_an_os_error_with_nothing_left(tmp_path: Path) -> None:
    with pytest.raises(OSError):
        write_text_atomic(tmp_path / "missing-folder" / "file.txt", "text")
    assert _names(tmp_path) == []


def test_sqlite_can_write_the_temporary_file_by_its_path(tmp_path: Path) -> None:
    source = sqlite3.connect(tmp_path / "live.sqlite3")
    source.execute("CREATE TABLE t (x)")
    source.execute("INSERT INTO t VALUES (42)")
    source.commit()
    target = tmp_path / "copy.sqlite3"
    with atomic_path(target) as temp:
        source.execute("VACUUM INTO ?", (str(temp),))
    source.close()
    copy = sqlite3.connect(target)
    assert copy.execute("SELECT x FROM t").fetchall() == [(42,)]
    copy.close()
    assert _names(tmp_path) == ["copy.sqlite3", "live.sqlite3"]


def test_copy_replaces_the_target_with_the_source(tmp_path: Path) -> None:
    source = tmp_path / "source.bin"
    source.write_bytes(os.urandom(300_000))
    target = tmp_path / "target.bin"
    target.write_bytes(b"older")
    copy_atomic(source, target)
    assert target.read_bytes() == source.read_bytes()
    assert _names(tmp_path) == ["source.bin", "target.bin"]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_a_private_file_is_readable_by_its_owner_only(tmp_path: Path) -> None:
    target = tmp_path / "recovery-key.txt"
    write_text_atomic(target, "ABCD", mode=PRIVATE_MODE)
    assert target.stat().st_mode & 0o777 == PRIVATE_MODE


_HALF_WRITTEN = """
import sys, time
from pathlib import Path
from profile_helper.core.files import atomic_writer

target, marker = Path(sys.argv[1]), Path(sys.argv[2])
with atomic_writer(target) as handle:
    handle.write(b"new " * 100_000)
    handle.flush()
    marker.write_text("half written")
    time.sleep(60)
    handle.write(b"end")
"""


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_writer_killed_halfway_leaves_the_old_content(tmp_path: Path) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    target = folder / "settings.json"
    target.write_bytes(b"old")
    marker = tmp_path / "marker"
    process = subprocess.Popen(
        [sys.executable, "-c", _HALF_WRITTEN, str(target), str(marker)], cwd=REPO_ROOT
    )
    try:
        for _ in range(300):
            if marker.exists() or process.poll() is not None:
                break
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=0.1)
        assert marker.exists(), "the writer never got halfway"
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert target.read_bytes() == b"old"
    # Only the killed writer's own temporary file is beside it; the next write replaces the
    # target as usual.
    assert [p.name.startswith(".settings.json.") for p in folder.iterdir()].count(True) == 1
    write_text_atomic(target, "new")
    assert target.read_text(encoding="utf-8") == "new"
