"""``Jobs/Job Applications.csv`` and ``Jobs/Saved Jobs.csv``: applications, applied or saved,
on the days they were.

An application gets the follow-ups adding one always sets only when it was sent within the last
30 days; an older one is history, not something to chase. An application is known again by its
job URL, else by company, title and day, so a second import adds nothing; a job saved earlier
and applied to since moves to applied.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from urllib.parse import urlsplit

from profile_helper.core.applications.events import change_status, new_application
from profile_helper.core.applications.models import ApplicationDraft
from profile_helper.core.applications.store import check_draft, insert_application
from profile_helper.core.dates import window_start
from profile_helper.core.errors import InputError
from profile_helper.core.linkedin_archive.dates import day_of
from profile_helper.core.linkedin_archive.importing import Importing
from profile_helper.core.linkedin_archive.layouts import JOB_APPLICATIONS, SAVED_JOBS
from profile_helper.core.linkedin_archive.report import FileReport
from profile_helper.core.linkedin_archive.source import Source
from profile_helper.core.linkedin_archive.table import Layout, read_table

RECENT_DAYS = 30
SOURCE = "LinkedIn"


def job_key(url: str, company: str, title: str, day: str) -> str:
    """What an application is known by: its job URL (without query), else company+title+day."""
    if url:
        parts = urlsplit(url.strip())
        if parts.hostname:
            return f"job:{parts.hostname.lower()}{parts.path.rstrip('/')}"
    what = "|".join(" ".join(t.split()).casefold() for t in (company, title))
    return f"job:{what}|{day}"


def _find(conn: sqlite3.Connection, key: str, url: str) -> sqlite3.Row | None:
    row: sqlite3.Row | None = conn.execute(
        "SELECT id, status FROM applications WHERE source_key = ?", (key,)
    ).fetchone()
    if row is None and url:
        # One the person added by hand with the same link: it becomes the imported one.
        row = conn.execute(
            "SELECT id, status FROM applications WHERE url = ? AND source_key IS NULL",
            (url.strip(),),
        ).fetchone()
        if row is not None:
            conn.execute("UPDATE applications SET source_key = ? WHERE id = ?", (key, row[0]))
    return row


def _drop_chase(conn: sqlite3.Connection, app_id: int) -> None:
    """Remove the follow-ups an old application was just given: it is history."""
    conn.execute("DELETE FROM follow_ups WHERE application_id = ? AND done_at IS NULL", (app_id,))
    conn.execute(
        "UPDATE application_events SET follow_up_ids = '[]' WHERE application_id = ?", (app_id,)
    )


def _applied(job: Importing, draft: ApplicationDraft, day: str, key: str) -> str:
    """Store one application sent on ``day``; its outcome."""
    old = date.fromisoformat(day) < window_start(job.today, RECENT_DAYS)
    found = _find(job.conn, key, draft.url)
    if found is not None:
        if found["status"] != "saved":
            return "unchanged"
        change_status(job.conn, found["id"], "applied", on=day, today=job.today)
        app_id, outcome = int(found["id"]), "updated"
    else:
        app_id = new_application(job.conn, draft, applied_on=day, today=job.today)
        job.conn.execute("UPDATE applications SET source_key = ? WHERE id = ?", (key, app_id))
        outcome = "added"
    if old:
        _drop_chase(job.conn, app_id)
    return outcome


def _saved(job: Importing, draft: ApplicationDraft, day: str, key: str) -> str:
    if _find(job.conn, key, draft.url) is not None:
        return "unchanged"
    app_id = insert_application(job.conn, draft, day)
    job.conn.execute("UPDATE applications SET source_key = ? WHERE id = ?", (key, app_id))
    return "added"


def _import(job: Importing, source: Source, name: str, report: FileReport, layout: Layout) -> None:
    store = _applied if layout is JOB_APPLICATIONS else _saved
    with source.open(name) as stream:
        for done, (line, cells) in enumerate(read_table(stream, layout, name), start=1):
            job.tick(name, done)
            day = day_of(cells["date"])
            if day is None:
                report.skip(line, f"no date the app can read: {cells['date']!r}")
                continue
            if day > job.today.isoformat():
                report.skip(line, f"dated {day}, in the future")
                continue
            try:
                draft = check_draft(
                    ApplicationDraft(cells["company"], cells["title"], cells["url"], source=SOURCE)
                )
            except InputError as exc:
                report.skip(line, exc.message)
                continue
            key = job_key(draft.url, draft.company, draft.role, day)
            report.count(store(job, draft, day, key))


def import_applications(job: Importing, source: Source, name: str, report: FileReport) -> None:
    _import(job, source, name, report, JOB_APPLICATIONS)


def import_saved_jobs(job: Importing, source: Source, name: str, report: FileReport) -> None:
    _import(job, source, name, report, SAVED_JOBS)
