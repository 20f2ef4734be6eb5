"""Applications in the database: add, read, list, edit, delete, the contacts involved, timeline.

Changes of status and the follow-ups they create live in :mod:`events`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

from profile_helper.core.applications.models import (
    CONTACT_ROLES,
    Application,
    ApplicationDraft,
    Event,
    Involved,
)
from profile_helper.core.applications.statuses import check_status
from profile_helper.core.dates import now_iso
from profile_helper.core.errors import InputError, NotFoundError
from profile_helper.core.storage.transaction import transaction

_COLUMNS = (
    "id, company, role, url, job_text, source, salary, notes, status, applied_on, "
    "rejected_stage, interview_on, created_at, updated_on"
)


def check_draft(draft: ApplicationDraft) -> ApplicationDraft:
    """The draft with its text tidied; an :class:`InputError` when company or role is missing."""
    company = " ".join(draft.company.split())
    role = " ".join(draft.role.split())
    if not company:
        raise InputError("An application needs the company's name.")
    if not role:
        raise InputError("An application needs the role applied for.")
    return ApplicationDraft(
        company=company,
        role=role,
        url=draft.url.strip(),
        job_text=draft.job_text.strip(),
        source=" ".join(draft.source.split()),
        salary=" ".join(draft.salary.split()),
        notes=draft.notes.strip(),
    )


def _row(row: sqlite3.Row) -> Application:
    return Application(
        id=row["id"],
        company=row["company"],
        role=row["role"],
        url=row["url"],
        job_text=row["job_text"],
        source=row["source"],
        salary=row["salary"],
        notes=row["notes"],
        status=row["status"],
        applied_on=row["applied_on"],
        rejected_stage=row["rejected_stage"],
        interview_on=row["interview_on"],
        created_at=row["created_at"],
        updated_on=row["updated_on"],
    )


def _draft_values(draft: ApplicationDraft) -> tuple[str, ...]:
    """The edited fields in the column order the statements below name them."""
    return (
        draft.company,
        draft.role,
        draft.url,
        draft.job_text,
        draft.source,
        draft.salary,
        draft.notes,
    )


def insert_application(conn: sqlite3.Connection, draft: ApplicationDraft, day: str) -> int:
    """Store a new application as ``saved`` on ``day`` with its first timeline entry."""
    clean = check_draft(draft)
    with transaction(conn):
        cursor = conn.execute(
            "INSERT INTO applications(company, role, url, job_text, source, salary, notes, "
            "status, created_at, updated_on) VALUES (?, ?, ?, ?, ?, ?, ?, 'saved', ?, ?)",
            (*_draft_values(clean), now_iso(), day),
        )
        app_id = int(cursor.lastrowid or 0)
        add_event(conn, app_id, day, "status", status="saved")
    return app_id


def add_event(
    conn: sqlite3.Connection,
    application_id: int,
    day: str,
    kind: str,
    *,
    from_status: str | None = None,
    status: str | None = None,
    stage: str | None = None,
    note: str = "",
) -> int:
    cursor = conn.execute(
        "INSERT INTO application_events(application_id, occurred_on, kind, from_status, status, "
        "stage, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (application_id, day, kind, from_status, status, stage, note.strip(), now_iso()),
    )
    return int(cursor.lastrowid or 0)


def get_application(conn: sqlite3.Connection, application_id: int) -> Application:
    row = conn.execute(
        f"SELECT {_COLUMNS} FROM applications WHERE id = ?", (application_id,)
    ).fetchone()
    if row is None:
        raise NotFoundError(f"There is no application #{application_id}.")
    app = _row(row)
    app.contacts = involved(conn, application_id)
    return app


@dataclass
class ApplicationQuery:
    """What :func:`list_applications` returns: one status or all, text in company or role."""

    status: str | None = None
    search: str = ""


def list_applications(
    conn: sqlite3.Connection, query: ApplicationQuery | None = None
) -> list[Application]:
    """Applications, the most recently changed first."""
    q = query or ApplicationQuery()
    where: list[str] = []
    params: list[object] = []
    if q.status:
        where.append("status = ?")
        params.append(check_status(q.status))
    if q.search.strip():
        where.append("(company || ' ' || role || ' ' || notes) LIKE ? ESCAPE '\\'")
        text = q.search.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        params.append(f"%{text}%")
    clause = f"WHERE {' AND '.join(where)}" if where else ""
    rows = conn.execute(
        f"SELECT {_COLUMNS} FROM applications {clause} ORDER BY updated_on DESC, id DESC", params
    ).fetchall()
    apps = [_row(r) for r in rows]
    people = _involved_by_app(conn)
    for app in apps:
        app.contacts = people.get(app.id, [])
    return apps


def update_application(
    conn: sqlite3.Connection, application_id: int, draft: ApplicationDraft
) -> None:
    """Change the fields a person edits (not the status: see :mod:`events`)."""
    get_application(conn, application_id)
    clean = check_draft(draft)
    with transaction(conn):
        conn.execute(
            "UPDATE applications SET company = ?, role = ?, url = ?, job_text = ?, source = ?, "
            "salary = ?, notes = ? WHERE id = ?",
            (*_draft_values(clean), application_id),
        )


def delete_application(conn: sqlite3.Connection, application_id: int) -> None:
    """Remove an application, its timeline and its follow-ups."""
    get_application(conn, application_id)
    with transaction(conn):
        conn.execute("DELETE FROM applications WHERE id = ?", (application_id,))


_INVOLVED = (
    "SELECT a.application_id, a.contact_id, a.role, "
    "trim(c.first_name || ' ' || c.last_name) AS name, c.position, c.company "
    "FROM application_contacts a JOIN contacts c ON c.id = a.contact_id"
)


def _involved_row(r: sqlite3.Row) -> Involved:
    return Involved(r["contact_id"], r["role"], r["name"], r["position"], r["company"])


def involved(conn: sqlite3.Connection, application_id: int) -> list[Involved]:
    """The contacts involved in an application, by role then name."""
    rows = conn.execute(
        f"{_INVOLVED} WHERE a.application_id = ? ORDER BY a.role, name", (application_id,)
    )
    return [_involved_row(r) for r in rows]


def _involved_by_app(conn: sqlite3.Connection) -> dict[int, list[Involved]]:
    result: dict[int, list[Involved]] = {}
    for r in conn.execute(f"{_INVOLVED} ORDER BY a.role, name"):
        result.setdefault(r["application_id"], []).append(_involved_row(r))
    return result


def add_contacts(
    conn: sqlite3.Connection,
    application_id: int,
    contact_ids: Iterable[int],
    role: str = "contact",
) -> None:
    """Involve contacts in an application in ``role`` (recruiter, interviewer...)."""
    if role not in CONTACT_ROLES:
        raise InputError(f"Unknown role {role!r}; use one of: {', '.join(CONTACT_ROLES)}.")
    get_application(conn, application_id)
    with transaction(conn):
        for contact_id in contact_ids:
            if (
                conn.execute("SELECT 1 FROM contacts WHERE id = ?", (contact_id,)).fetchone()
                is None
            ):
                raise NotFoundError(f"There is no contact #{contact_id}.")
            conn.execute(
                "INSERT OR IGNORE INTO application_contacts(application_id, contact_id, role) "
                "VALUES (?, ?, ?)",
                (application_id, contact_id, role),
            )


def remove_contact(conn: sqlite3.Connection, application_id: int, contact_id: int) -> None:
    with transaction(conn):
        conn.execute(
            "DELETE FROM application_contacts WHERE application_id = ? AND contact_id = ?",
            (application_id, contact_id),
        )


def timeline(conn: sqlite3.Connection, application_id: int) -> list[Event]:
    """An application's timeline, latest first."""
    rows = conn.execute(
        "SELECT id, application_id, occurred_on, kind, from_status, status, stage, note "
        "FROM application_events WHERE application_id = ? ORDER BY occurred_on DESC, id DESC",
        (application_id,),
    )
    return [Event(*r) for r in rows]
