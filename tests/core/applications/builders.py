"""Small helpers to build applications and contacts in a test database."""

from __future__ import annotations

import sqlite3
from datetime import date

from profile_helper.core.applications.events import new_application
from profile_helper.core.applications.models import ApplicationDraft
from profile_helper.core.contacts.models import ContactDraft
from profile_helper.core.contacts.store import add_contact

TODAY = date(2026, 3, 18)  # a Wednesday


def contact(conn: sqlite3.Connection, first: str, last: str = "", company: str = "") -> int:
    return add_contact(conn, ContactDraft(first_name=first, last_name=last, company=company))


def application(
    conn: sqlite3.Connection,
    company: str = "Northwind",
    role: str = "Data Engineer",
    *,
    applied: str | None = None,
    contacts: list[tuple[int, str]] | None = None,
    today: date = TODAY,
) -> int:
    return new_application(
        conn,
        ApplicationDraft(company=company, role=role),
        applied_on=applied,
        contacts=contacts or [],
        today=today,
    )


def open_follow_ups(conn: sqlite3.Connection, application_id: int) -> list[tuple[str, str, str]]:
    """(due, kind, template) of the application's open follow-ups, soonest first."""
    return [
        (r["due"], r["kind"], r["template"] or "")
        for r in conn.execute(
            "SELECT due, kind, template FROM follow_ups WHERE application_id = ? "
            "AND done_at IS NULL ORDER BY due, id",
            (application_id,),
        )
    ]
