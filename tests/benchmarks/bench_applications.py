"""Applications: listing, statistics and the Today summary over a year of a busy search.

2,000 applications over 365 days (five or so a day, far above the seed's two or three), each
with two to four changes of status. Baselines are plain reads of the same rows in the same run;
targets: listing within 5x of reading the rows, and every call under 100 ms.
"""

from __future__ import annotations

import random
import sqlite3
import tempfile
from datetime import date, timedelta
from pathlib import Path

from profile_helper.core.applications.events import change_status, new_application
from profile_helper.core.applications.models import ApplicationDraft
from profile_helper.core.applications.stats import compute
from profile_helper.core.applications.store import list_applications
from profile_helper.core.storage.database import open_database
from profile_helper.core.storage.transaction import transaction
from profile_helper.core.today.summary import summary
from tests.benchmarks.harness import Result, median_seconds

COUNT = 2_000
TODAY = date(2026, 6, 30)


def _fill(conn: sqlite3.Connection) -> None:
    rng = random.Random(7)
    paths = [
        [],
        [("screening", 5)],
        [("rejected", 3)],
        [("screening", 4), ("interviewing", 10), ("rejected", 20)],
        [("screening", 6), ("interviewing", 12), ("offer", 25)],
        [("ghosted", 24)],
    ]
    with transaction(conn):
        for i in range(COUNT):
            applied = TODAY - timedelta(days=rng.randrange(365))
            app_id = new_application(
                conn,
                ApplicationDraft(f"Company {i % 400}", f"Data Engineer {i}"),
                applied_on=applied,
                today=TODAY,
            )
            for status, after in rng.choice(paths):
                day = min(applied + timedelta(days=after), TODAY)
                change_status(conn, app_id, status, on=day, today=TODAY)


def run(runs: int = 15) -> list[Result]:
    with tempfile.TemporaryDirectory() as folder:
        conn = open_database(Path(folder) / "bench.sqlite3", key=None)
        _fill(conn)

        def raw() -> None:
            conn.execute("SELECT * FROM applications").fetchall()
            conn.execute("SELECT * FROM application_contacts").fetchall()

        baseline = median_seconds(raw, runs)
        listing = median_seconds(lambda: list_applications(conn), runs)
        stats_90 = median_seconds(lambda: compute(conn, TODAY, 90), runs)
        today = median_seconds(lambda: summary(conn, TODAY), runs)
        conn.close()
    note = f"{COUNT} applications, {runs} runs"
    return [
        Result(
            "applications: list all",
            listing,
            "s",
            baseline,
            "SELECT of the same rows",
            "<= 5x, < 100 ms",
            listing <= 5 * baseline and listing < 0.1,
            note,
        ),
        Result(
            "applications: statistics, 90 days",
            stats_90,
            "s",
            baseline,
            "SELECT of the same rows",
            "< 100 ms",
            stats_90 < 0.1,
            note,
        ),
        Result(
            "applications: today summary and streaks",
            today,
            "s",
            baseline,
            "SELECT of the same rows",
            "< 100 ms",
            today < 0.1,
            note,
        ),
    ]
