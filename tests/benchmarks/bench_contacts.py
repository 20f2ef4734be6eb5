"""Contacts: 30,000-row import against plain executemany, search latency, start-up with 30,000,
and a 1,000,000-row import's time and peak memory.

Targets (issue 3): import within 2x of sqlite3 ``executemany`` of the same rows into a comparable
table, search median under 10 ms over 30,000 contacts, and the app showing the Contacts page with
30,000 contacts within 1.3x of with none, under 300 MB RSS; a 1,000,000-row import (read and
written in batches, issue 16) under 300 MB peak RSS.

The import baseline (``_plain_executemany``) copies the same migrated template the app imports
into, so its table is the app's ``contacts`` table itself (every column, the unique URL, the
sort-key index), reads the same file with the csv module and writes each row's seven cells with
one ``executemany`` in one transaction, on a connection with the app's pragmas. Both sides are
timed from the template copy to the closed connection.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from profile_helper.core.app_database import open_app_database
from profile_helper.core.contacts.importer import import_file
from profile_helper.core.contacts.query import ContactQuery, contact_ids
from profile_helper.core.contacts.store import get_contacts
from profile_helper.core.paths import database_path
from profile_helper.core.storage.database import open_database
from tests.benchmarks.harness import Result, process_env
from tests.core.contacts.builders import big_connections

ROWS = 30_000

# The app, opened on the Contacts page; prints its peak RSS in kB after the first paint.
SHOW_CONTACTS = """
import resource, sys
from pathlib import Path
from PySide6.QtCore import QTimer
from profile_helper.gui.common import msgbox
from profile_helper.gui.app.run import create_application, prepare
msgbox.set_no_err_windows(True)
from profile_helper.gui.common.context import AppContext
from profile_helper.gui.app.main_window import MainWindow
app = create_application(); prepare(app)
ctx = AppContext(Path(sys.argv[1]))
window = MainWindow(ctx)
window.show()
window.show_page("contacts")
def done():
    window.grab()
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
    window.close(); ctx.close(); app.quit()
QTimer.singleShot(0, done)
app.exec()
"""


MILLION = 1_000_000

# Imports a Connections.csv into a new database in a process of its own; prints the rows added,
# the seconds the import took and the process's peak RSS in kB.
IMPORT_ONE_FILE = """
import resource, sys, time
from pathlib import Path
from profile_helper.core.contacts.importer import import_file
from profile_helper.core.storage.database import open_database
conn = open_database(Path(sys.argv[2]), key=None)
begin = time.perf_counter()
report = import_file(conn, Path(sys.argv[1]))
seconds = time.perf_counter() - begin
conn.close()
# VmHWM is this program's own peak: ru_maxrss keeps, across exec, the peak of the process that
# started it (here the benchmark, which has just built the 90 MB file in memory).
try:
    status = Path("/proc/self/status").read_text()
    peak_kb = int(next(l for l in status.splitlines() if l.startswith("VmHWM:")).split()[1])
except (OSError, StopIteration):
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(report.added, seconds, peak_kb)
"""


def _connections(count: int) -> bytes:
    return big_connections(count)


def _template(folder: Path) -> Path:
    path = folder / "template.sqlite3"
    conn = open_database(path, key=None)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return path


# The baseline: the file's seven fields of each row written with one executemany into the
# app's own contacts table (a copy of the same migrated, empty template, so the same columns,
# constraints and indexes: the unique profile URL and the sort-key index), on a connection with
# the app's pragmas. Each cell goes to its column as it is in the file; the two timestamps
# NOT NULL requires are one constant; the derived columns (emails as JSON, identity keys,
# search text, sort key) keep their defaults, which the app has to compute and write.
_BASELINE_INSERT = (
    "INSERT INTO contacts (first_name, last_name, url, emails, company, position, connected_on, "
    "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, '2026-01-01', '2026-01-01')"
)


def _plain_executemany(source: Path, template: Path, db_path: Path) -> None:
    shutil.copyfile(template, db_path)
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA busy_timeout = 5000")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    text = source.read_bytes().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    start = next(i for i, r in enumerate(rows) if r[:2] == ["First Name", "Last Name"]) + 1
    with conn:
        conn.executemany(_BASELINE_INSERT, [r[:7] for r in rows[start:] if len(r) >= 7])
    assert conn.execute("SELECT count(*) FROM contacts").fetchone()[0] == ROWS
    conn.close()


def _app_import(source: Path, template: Path, db_path: Path) -> None:
    shutil.copyfile(template, db_path)
    conn = open_database(db_path, check_integrity=False, key=None)
    report = import_file(conn, source)
    assert report.added == ROWS, report.added
    conn.close()


def _import_results(folder: Path, runs: int) -> tuple[list[Result], Path]:
    source = folder / "Connections.csv"
    source.write_bytes(_connections(ROWS))
    template = _template(folder)
    app_times: list[float] = []
    plain_times: list[float] = []
    for i in range(runs):
        for target, times in ((_app_import, app_times), (_plain_executemany, plain_times)):
            db_path = folder / f"run-{i}-{len(times)}-{target.__name__}.sqlite3"
            begin = time.perf_counter()
            target(source, template, db_path)
            times.append(time.perf_counter() - begin)
    app, plain = statistics.median(app_times), statistics.median(plain_times)
    filled = folder / f"run-{runs - 1}-{runs - 1}-_app_import.sqlite3"
    result = Result(
        f"contacts: import {ROWS:,} Connections.csv rows",
        app,
        "s",
        plain,
        "csv + executemany into contacts",
        "<= 2x",
        app / plain <= 2,
        f"{runs} runs each",
    )
    return [result], filled


def _encrypted_import_result(folder: Path, runs: int, plain_baseline: float) -> Result:
    """The same import into the app's real, SQLCipher-encrypted database (for information)."""
    source = folder / "Connections.csv"
    saved = {
        k: os.environ.get(k) for k in ("PYTHON_KEYRING_BACKEND", "PROFILE_HELPER_TEST_KEYRING")
    }
    os.environ["PYTHON_KEYRING_BACKEND"] = "tests.keyring_backend.TemporaryKeyring"
    os.environ["PROFILE_HELPER_TEST_KEYRING"] = str(folder / "import-keyring.json")
    times = []
    try:
        for i in range(runs):
            data_dir = folder / f"encrypted-{i}"
            data_dir.mkdir()
            conn = open_app_database(data_dir).conn
            begin = time.perf_counter()
            import_file(conn, source)
            conn.close()
            times.append(time.perf_counter() - begin)
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    median = statistics.median(times)
    return Result(
        f"contacts: import {ROWS:,} rows, encrypted database",
        median,
        "s",
        plain_baseline,
        "csv + executemany into contacts",
        "(information)",
        None,
        f"{runs} runs",
    )


def _search_result(db_path: Path) -> Result:
    conn = open_database(db_path, check_integrity=False, key=None)
    terms = [
        "ana",
        "garcía",
        "recruiter",
        "techstart",
        "p900@",
        "zzz-nothing",
        "hana rossi",
        "engineer acme",
        "müller",
        "globex",
    ]
    times = []
    for _ in range(5):
        for term in terms:
            begin = time.perf_counter()
            # What the Contacts page runs per keystroke: every matching id in order (the row
            # count), then the first screenful of rows.
            ids = contact_ids(conn, ContactQuery(search=term))
            get_contacts(conn, ids[:100])
            times.append(time.perf_counter() - begin)
    conn.close()
    median_ms = statistics.median(times) * 1000
    return Result(
        f"contacts: search over {ROWS:,} (ids + first 100 rows)",
        median_ms,
        "ms",
        target="< 10 ms",
        ok=median_ms < 10,
        note=f"{len(times)} queries, max {max(times) * 1000:.1f} ms",
    )


def _startup_results(filled_db: Path, folder: Path, runs: int) -> list[Result]:
    full_dir, empty_dir = folder / "full", folder / "empty"
    full_dir.mkdir()
    empty_dir.mkdir()
    shutil.copyfile(filled_db, database_path(full_dir))
    # The database is encrypted with a key kept in a keychain: a throwaway file keychain here.
    env = process_env(keyring_file=folder / "keyring.json")

    def show(data_dir: Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-c", SHOW_CONTACTS, str(data_dir)],
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )

    # Untimed first starts: they encrypt the imported database and create the empty one.
    for data_dir in (full_dir, empty_dir):
        first = show(data_dir)
        if "error" in first.stderr:
            raise RuntimeError(first.stderr.strip())
    samples: dict[Path, list[float]] = {full_dir: [], empty_dir: []}
    rss: list[int] = []
    for _ in range(runs):
        for data_dir in (full_dir, empty_dir):
            begin = time.perf_counter()
            done = show(data_dir)
            samples[data_dir].append(time.perf_counter() - begin)
            if data_dir is full_dir:
                rss.append(int(done.stdout.split()[-1]))
    full, empty = statistics.median(samples[full_dir]), statistics.median(samples[empty_dir])
    peak_mb = max(rss) / 1024
    return [
        Result(
            f"contacts: start on Contacts page, {ROWS:,} contacts",
            full,
            "s",
            empty,
            "no contacts",
            "<= 1.3x",
            full / empty <= 1.3,
            f"{runs} runs each",
        ),
        Result(
            f"contacts: peak RSS with {ROWS:,} contacts",
            peak_mb,
            "MB",
            target="< 300 MB",
            ok=peak_mb < 300,
        ),
    ]


def _million_import_results(folder: Path) -> list[Result]:
    """A 1,000,000-row Connections.csv (about 90 MB): streamed in batches, memory stays flat."""
    source = folder / "million.csv"
    source.write_bytes(_connections(MILLION))
    done = subprocess.run(
        [sys.executable, "-c", IMPORT_ONE_FILE, str(source), str(folder / "million.sqlite3")],
        env=process_env(),
        check=True,
        capture_output=True,
        text=True,
    )
    added, seconds, rss_kb = done.stdout.split()
    assert int(added) == MILLION, done.stdout
    peak_mb = int(rss_kb) / 1024
    return [
        Result(
            f"contacts: import {MILLION:,} rows ({source.stat().st_size / 1e6:.0f} MB CSV)",
            float(seconds),
            "s",
            target="(information)",
            note="one process, plain database",
        ),
        Result(
            f"contacts: peak RSS importing {MILLION:,} rows",
            peak_mb,
            "MB",
            target="< 300 MB",
            ok=peak_mb < 300,
        ),
    ]


def run(runs: int = 5) -> list[Result]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        results, filled = _import_results(folder, runs)
        baseline = results[0].baseline or 0.0
        results.append(_encrypted_import_result(folder, 3, baseline))
        results.append(_search_result(filled))
        results += _startup_results(filled, folder, runs)
        results += _million_import_results(folder)
    return results
