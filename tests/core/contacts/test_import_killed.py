"""A process killed in the middle of an import leaves the database as it was before."""

import contextlib
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from profile_helper.core.app_database import open_app_database
from profile_helper.core.contacts.models import ContactDraft
from profile_helper.core.contacts.store import add_contact
from profile_helper.core.paths import database_path
from profile_helper.core.storage.connection import integrity
from tests.conftest import REPO_ROOT
from tests.core.contacts.builders import big_connections, write

# Runs the real import; once half of the rows are written inside the transaction it says so
# and waits to be killed.
SCRIPT = """
import sys, time
from pathlib import Path
from profile_helper.core.app_database import open_app_database
from profile_helper.core.contacts.importer import import_file

conn = open_app_database(Path(sys.argv[1]), daily_backup=False).conn
marker = Path(sys.argv[3])

def progress(done, total):
    if done >= total * 3 // 4 and not marker.exists():
        marker.write_text("half written")
        time.sleep(120)

import_file(conn, Path(sys.argv[2]), progress=progress)
"""


@pytest.mark.slow
def test_sigkill_mid_import(db: sqlite3.Connection, data_dir: Path, tmp_path: Path) -> None:
    add_contact(db, ContactDraft(first_name="Before", last_name="Import"))
    source = write(tmp_path / "Connections.csv", big_connections(8000))
    marker = tmp_path / "marker"
    process = subprocess.Popen(
        [sys.executable, "-c", SCRIPT, str(data_dir), str(source), str(marker)],
        cwd=REPO_ROOT,
        env={**os.environ, "PYTHONPATH": str(REPO_ROOT)},
    )
    try:
        for _ in range(600):
            if marker.exists() or process.poll() is not None:
                break
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=0.1)
        assert marker.exists(), "the import never reached its midpoint"
        # Rows are in the WAL, uncommitted: now the process dies without any clean-up.
        wal = database_path(data_dir).with_name(database_path(data_dir).name + "-wal")
        assert wal.exists() and wal.stat().st_size > 0
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == -signal.SIGKILL

    after = open_app_database(data_dir, daily_backup=False).conn
    try:
        assert integrity(after) == "ok"
        rows = after.execute("SELECT first_name, last_name FROM contacts").fetchall()
        assert [tuple(r) for r in rows] == [("Before", "Import")]
        assert after.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        after.close()
