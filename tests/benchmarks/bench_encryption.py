"""Encryption's cost: opening the database and a 30,000-row import, SQLCipher against plain SQLite.

Both go through storage's opener (``core.storage.database.open_database``), the same schema and
the same rows; the only difference is the key. The import is the contacts store's own
(``import_file`` of a LinkedIn ``Connections.csv`` with 30,000 rows into a fresh database); a bare
``executemany`` of the same number of rows is shown too, to separate SQLCipher's cost from the
importer's.

Opening is measured twice: the file as it last passed its integrity check (the check's answer is
known from the file's recorded size and CRC-32, see ``core.checked``; the target), and after a
change to the file, when the full check reads, and so decrypts, every page.
"""

from __future__ import annotations

import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from profile_helper.core.contacts.importer import import_file
from profile_helper.core.storage.connection import remove_sidecars
from profile_helper.core.storage.database import open_database
from profile_helper.core.storage.integrity_record import forget_checked
from profile_helper.core.storage.keys import DatabaseKey
from profile_helper.core.storage.transaction import transaction
from tests.benchmarks.harness import Result
from tests.core.contacts.builders import big_connections

ROWS = 30_000
_TABLE = """
CREATE TABLE IF NOT EXISTS bench_contacts (
    id INTEGER PRIMARY KEY, first_name TEXT, last_name TEXT, email TEXT, company TEXT,
    position TEXT, connected_on TEXT, notes TEXT
)
"""


def _rows() -> list[tuple[str, ...]]:
    rng = random.Random(7)
    companies = ["Acme", "Globex", "Initech", "Umbrella", "Hooli", "Stark Industries"]
    titles = ["Engineer", "Recruiter", "Product Manager", "Designer", "Data Scientist"]
    return [
        (
            f"First{i}",
            f"Last{i}",
            f"person{i}@example.com",
            rng.choice(companies),
            rng.choice(titles),
            f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            "Met at a meetup; follow up about the platform team." if i % 3 == 0 else "",
        )
        for i in range(ROWS)
    ]


def _import(path: Path, key: DatabaseKey | None, rows: list[tuple[str, ...]]) -> None:
    path.unlink(missing_ok=True)
    remove_sidecars(path)
    conn = open_database(path, key=key)
    conn.execute(_TABLE)
    with transaction(conn):
        conn.executemany(
            "INSERT INTO bench_contacts (first_name, last_name, email, company, position, "
            "connected_on, notes) VALUES (?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
    conn.close()


def _store_import(folder: Path, source: Path, key: DatabaseKey | None) -> None:
    path = folder / ("store-encrypted.sqlite3" if key else "store-plain.sqlite3")
    path.unlink(missing_ok=True)
    remove_sidecars(path)
    conn = open_database(path, key=key)
    report = import_file(conn, source)
    conn.close()
    assert report.added == ROWS, report


def _open(path: Path, key: DatabaseKey | None, check: bool = True, full: bool = False) -> None:
    if full:
        # As after any change to the file: the recorded clean check no longer applies.

        forget_checked(path)
    conn = open_database(path, key=key, check_integrity=check)
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    conn.close()


def _alternate(a: Callable[[], object], b: Callable[[], object], runs: int) -> tuple[float, float]:
    first: list[float] = []
    second: list[float] = []
    for _ in range(runs):
        for fn, times in ((a, first), (b, second)):
            start = time.perf_counter()
            fn()
            times.append(time.perf_counter() - start)
    return statistics.median(first), statistics.median(second)


def run(runs: int = 9) -> list[Result]:
    rows = _rows()
    key = DatabaseKey.generate()
    with tempfile.TemporaryDirectory() as folder:
        encrypted, plain = Path(folder) / "encrypted.sqlite3", Path(folder) / "plain.sqlite3"
        source = Path(folder) / "Connections.csv"
        source.write_bytes(big_connections(ROWS))
        store_enc, store_plain = _alternate(
            lambda: _store_import(Path(folder), source, key),
            lambda: _store_import(Path(folder), source, None),
            max(3, runs // 2),
        )
        imp_enc, imp_plain = _alternate(
            lambda: _import(encrypted, key, rows), lambda: _import(plain, None, rows), runs
        )
        # Each file opened once first: its clean check is recorded, as after any earlier start.
        _open(encrypted, key)
        _open(plain, None)
        open_enc, open_plain = _alternate(
            lambda: _open(encrypted, key), lambda: _open(plain, None), runs * 3
        )
        full_enc, full_plain = _alternate(
            lambda: _open(encrypted, key, full=True),
            lambda: _open(plain, None, full=True),
            runs * 3,
        )
        # The same without the integrity check, which reads (and so decrypts) every page.
        bare_enc, bare_plain = _alternate(
            lambda: _open(encrypted, key, False), lambda: _open(plain, None, False), runs * 3
        )
    note = f"open_database, {ROWS:,} rows in the file"
    return [
        Result(
            "encryption: open (raw key), file as last checked",
            open_enc,
            "s",
            open_plain,
            "plain SQLite",
            "<= 1.3x",
            open_enc <= 1.3 * open_plain,
            f"{note}; CRC-32 of the file matches its last clean check",
        ),
        Result(
            "encryption: open after a change (full check)",
            full_enc,
            "s",
            full_plain,
            "plain SQLite",
            "",
            None,
            "the file changed since its last clean check: every page read (and decrypted)",
        ),
        Result(
            "encryption: open without integrity check",
            bare_enc,
            "s",
            bare_plain,
            "plain SQLite",
            "",
            None,
            "shows what the check on open costs (every page decrypted and authenticated)",
        ),
        Result(
            f"encryption: {ROWS:,}-contact import (store)",
            store_enc,
            "s",
            store_plain,
            "plain SQLite",
            "<= 1.3x",
            store_enc <= 1.3 * store_plain,
            "core.contacts.importer.import_file of a LinkedIn Connections.csv",
        ),
        Result(
            f"encryption: {ROWS:,}-row executemany",
            imp_enc,
            "s",
            imp_plain,
            "plain SQLite",
            "<= 1.3x",
            imp_enc <= 1.3 * imp_plain,
            "one transaction, contact-like rows",
        ),
    ]
