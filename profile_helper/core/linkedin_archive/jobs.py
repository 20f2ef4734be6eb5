"""``Jobs/Job Applications.csv`` and ``Jobs/Saved Jobs.csv``: applications, applied or saved,
on the days they were.

An application gets the follow-ups adding one always sets only when it was sent within the last
30 days; an older one is history, not something to chase. An application is known again by its
job URL, else by company, title and day, so a second import adds nothing; a job saved earlier
and applied to since moves to applied.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from urllib.parse import urlsplit

from profile_helper.core.applications.events import change_status, new_application
from profile_helper.core.applications.models import ApplicationDraft
from profile_helper.core.applications.store import check_draft, insert_application
from profile_helper.core.dates import window_start
from profile_helper.core.errors import InputError
from profile_helper.core.linkedin_archive.dates import day_of
from profile_helper.core.linkedin_archive.importing import RECENT_DAYS, Importing
from profile_helper.core.linkedin_archive.layouts import JOB_APPLICATIONS, SAVED_JOBS
from profile_helper.core.linkedin_archive.report import FileReport
from profile_helper.core.linkedin_archive.source import Source
from profile_helper.core.linkedin_archive.table import Layout, read_table

SOURCE = "LinkedIn"


def job_key(url: str, company: str, title: str, day: str) -> str:
    """What an application is known by: its job URL (without query), else company+title+day."""
    if url:
        parts = urlsplit(url.strip())
        if parts.hostname:
            return f"job:{parts.hostname.lower()}{parts.path.rstrip('/')}"
    what = "|".join(" ".join(t.split()).casefold() for t in (company, title))
    return f"job:{what}|{day}"


def _hand_added(job: Importing) -> dict[str, int]:
    if job.hand_added_jobs is None:
        rows = job.conn.execute(
            "SELECT id, url FROM applications WHERE source_key IS NULL AND url != ''"
        )
        job.hand_added_jobs = {job_key(url, "", "", ""): int(app_id) for app_id, url in rows}
    return job.hand_added_jobs


def _find(job: Importing, key: str) -> sqlite3.Row | None:
    conn = job.conn
    row: sqlite3.Row | None = conn.execute(
        "SELECT id, status FROM applications WHERE source_key = ?", (key,)
    ).fetchone()
    if row is None:
        # One the person added by hand with the same job link: it becomes the imported one.
        app_id = _hand_added(job).pop(key, None)
        if app_id is not None:
            conn.execute("UPDATE applications SET source_key = ? WHERE id = ?", (key, app_id))
            row = conn.execute(
                "SELECT id, status FROM applications WHERE id = ?", (app_id,)
            ).fetchone()
    return row


def _drop_follow_ups(conn: sqlite3.Connection, app_id: int, event_id: int | None) -> None:
    """Remove the follow-ups an old application was just given, by the entry that set them
    (``event_id``, or every entry of a new application): it is history. What the person set on
    it themselves stays."""
    where, key = ("id = ?", event_id) if event_id is not None else ("application_id = ?", app_id)
    rows = conn.execute(f"SELECT follow_up_ids FROM application_events WHERE {where}", (key,))
    for (ids,) in rows.fetchall():
        conn.executemany(
            "DELETE FROM follow_ups WHERE id = ? AND application_id = ?",
            [(i, app_id) for i in json.loads(ids)],
        )
    conn.execute(f"UPDATE application_events SET follow_up_ids = '[]' WHERE {where}", (key,))


def _applied(job: Importing, draft: ApplicationDraft, day: str, key: str) -> str:
    """Store one application sent on ``day``; its outcome."""
    old = date.fromisoformat(day) < window_start(job.today, RECENT_DAYS)
    found = _find(job, key)
    if found is not None:
        if found["status"] != "saved":
            return "unchanged"
        change = change_status(job.conn, found["id"], "applied", on=day, today=job.today)
        app_id, event_id, outcome = int(found["id"]), change.event_id, "updated"
    else:
        app_id = new_application(job.conn, draft, applied_on=day, today=job.today)
        job.conn.execute("UPDATE applications SET source_key = ? WHERE id = ?", (key, app_id))
        event_id, outcome = None, "added"
    if old:
        _drop_follow_ups(job.conn, app_id, event_id)
    return outcome


def _saved(job: Importing, draft: ApplicationDraft, day: str, key: str) -> str:
    if _find(job, key) is not None:
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
