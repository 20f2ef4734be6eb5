"""Follow-ups: what is due, marking done, snoozing, and stay-in-touch cadences.

A cadence (per contact, else the shortest of its tags') keeps exactly one open follow-up of kind
``cadence`` per contact, due that many days after the last interaction; logging an interaction
restarts it. Queries name their columns, since other features add columns to ``follow_ups``.
The follow-ups an application's events create carry its id and the template that writes them;
the queries join the application so that lists can say which one ("Data Engineer at Nordlicht").
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from profile_helper.core.contacts.followup_model import FollowUp
from profile_helper.core.dates import iso_day, now_iso
from profile_helper.core.errors import InputError, NotFoundError
from profile_helper.core.storage.transaction import transaction

if TYPE_CHECKING:
    import sqlite3

_FIELDS = (
    "f.id, f.contact_id, f.due, f.reason, f.done_at, f.created_at, f.kind, "
    "trim(coalesce(c.first_name, '') || ' ' || coalesce(c.last_name, '')) AS contact_name, "
    "f.application_id, f.template, a.company AS application_company, a.role AS application_role"
)
_FROM = (
    "FROM follow_ups f LEFT JOIN contacts c ON c.id = f.contact_id "
    "LEFT JOIN applications a ON a.id = f.application_id"
)


def _row(row: sqlite3.Row) -> FollowUp:
    return FollowUp(
        id=row["id"],
        contact_id=row["contact_id"],
        due=row["due"],
        reason=row["reason"],
        done_at=row["done_at"],
        created_at=row["created_at"],
        kind=row["kind"],
        contact_name=row["contact_name"] or "",
        application_id=row["application_id"],
        template=row["template"],
        application_company=row["application_company"] or "",
        application_role=row["application_role"] or "",
    )


def add_follow_up(
    conn: sqlite3.Connection,
    contact_id: int | None,
    due: date | str,
    reason: str,
    *,
    kind: str = "manual",
    application_id: int | None = None,
    template: str | None = None,
) -> int:
    """Set a follow-up on ``due`` (a date or ``YYYY-MM-DD``) for a contact; returns its id.

    ``application_id`` ties it to an application, ``template`` names the message that writes it.
    """
    due_text = iso_day(due)
    reason_text = " ".join(reason.split()) or "Follow up"
    if (
        contact_id is not None
        and conn.execute("SELECT 1 FROM contacts WHERE id = ?", (contact_id,)).fetchone() is None
    ):
        raise NotFoundError(f"There is no contact #{contact_id}.")
    if (
        application_id is not None
        and conn.execute("SELECT 1 FROM applications WHERE id = ?", (application_id,)).fetchone()
        is None
    ):
        raise NotFoundError(f"There is no application #{application_id}.")
    with transaction(conn):
        cursor = conn.execute(
            "INSERT INTO follow_ups(contact_id, due, reason, created_at, kind, application_id, "
            "template) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (contact_id, due_text, reason_text, now_iso(), kind, application_id, template),
        )
    return int(cursor.lastrowid or 0)


def get_follow_up(conn: sqlite3.Connection, follow_up_id: int) -> FollowUp:
    row = conn.execute(f"SELECT {_FIELDS} {_FROM} WHERE f.id = ?", (follow_up_id,)).fetchone()
    if row is None:
        raise NotFoundError(f"There is no follow-up #{follow_up_id}.")
    return _row(row)


def due_follow_ups(conn: sqlite3.Connection, until: date | str | None = None) -> list[FollowUp]:
    """Open follow-ups due on or before ``until`` (all open ones when ``None``), soonest first."""
    if until is None:
        rows = conn.execute(
            f"SELECT {_FIELDS} {_FROM} WHERE f.done_at IS NULL ORDER BY f.due, f.id"
        )
    else:
        rows = conn.execute(
            f"SELECT {_FIELDS} {_FROM} WHERE f.done_at IS NULL AND f.due <= ? ORDER BY f.due, f.id",
            (iso_day(until),),
        )
    return [_row(r) for r in rows]


def follow_ups_of(conn: sqlite3.Connection, contact_id: int) -> list[FollowUp]:
    """Every follow-up of a contact: open ones first by date, then done ones, latest first."""
    rows = conn.execute(
        f"SELECT {_FIELDS} {_FROM} WHERE f.contact_id = ? "
        "ORDER BY f.done_at IS NOT NULL, CASE WHEN f.done_at IS NULL THEN f.due END, "
        "f.done_at DESC",
        (contact_id,),
    )
    return [_row(r) for r in rows]


def open_for_application(conn: sqlite3.Connection, application_id: int) -> list[FollowUp]:
    """The application's open follow-ups, soonest first."""
    rows = conn.execute(
        f"SELECT {_FIELDS} {_FROM} WHERE f.application_id = ? AND f.done_at IS NULL "
        "ORDER BY f.due, f.id",
        (application_id,),
    )
    return [_row(r) for r in rows]


def mark_done(conn: sqlite3.Connection, follow_up_id: int, today: date | None = None) -> None:
    """Mark a follow-up done; a cadence follow-up schedules the next one from today."""
    follow_up = get_follow_up(conn, follow_up_id)
    with transaction(conn):
        conn.execute(
            "UPDATE follow_ups SET done_at = ? WHERE id = ? AND done_at IS NULL",
            (now_iso(), follow_up_id),
        )
        if follow_up.kind == "cadence" and follow_up.contact_id is not None:
            reschedule_cadence(conn, follow_up.contact_id, since=today or date.today())


def reopen(conn: sqlite3.Connection, follow_up_id: int) -> None:
    """Undo :func:`mark_done`."""
    get_follow_up(conn, follow_up_id)
    with transaction(conn):
        conn.execute("UPDATE follow_ups SET done_at = NULL WHERE id = ?", (follow_up_id,))


def delete_follow_up(conn: sqlite3.Connection, follow_up_id: int) -> None:
    with transaction(conn):
        conn.execute("DELETE FROM follow_ups WHERE id = ?", (follow_up_id,))


def snooze_target(how: str, today: date | None = None) -> date:
    """``tomorrow`` or ``next week`` (next Monday) from today; or an ISO date."""
    day = today or date.today()
    if how == "tomorrow":
        return day + timedelta(days=1)
    if how in ("next week", "next_week"):
        return day + timedelta(days=7 - day.weekday())
    return date.fromisoformat(iso_day(how))


def snooze(
    conn: sqlite3.Connection, follow_up_id: int, how: str | date, today: date | None = None
) -> str:
    """Move a follow-up to tomorrow, next week or a date; returns the new due date."""
    get_follow_up(conn, follow_up_id)
    target = how if isinstance(how, date) else snooze_target(how, today)
    with transaction(conn):
        conn.execute(
            "UPDATE follow_ups SET due = ? WHERE id = ?", (target.isoformat(), follow_up_id)
        )
    return target.isoformat()


def set_tag_cadence(conn: sqlite3.Connection, tag: str, days: int | None) -> None:
    """Everyone with ``tag`` gets a stay-in-touch follow-up every ``days`` (``None`` removes it)."""
    if days is not None and days <= 0:
        raise InputError("The cadence is a number of days above zero.")
    with transaction(conn):
        if days is None:
            conn.execute("DELETE FROM tag_cadences WHERE tag = ?", (tag,))
        else:
            conn.execute(
                "INSERT INTO tag_cadences(tag, days) VALUES (?, ?) "
                "ON CONFLICT(tag) DO UPDATE SET days = excluded.days",
                (tag, days),
            )
        ids = [
            r[0]
            for r in conn.execute(
                "SELECT contact_id FROM contact_tags WHERE tag = ? COLLATE NOCASE", (tag,)
            )
        ]
        for contact_id in ids:
            reschedule_cadence(conn, contact_id)


def tag_cadences(conn: sqlite3.Connection) -> dict[str, int]:
    return {r[0]: r[1] for r in conn.execute("SELECT tag, days FROM tag_cadences ORDER BY tag")}


def cadence_of(conn: sqlite3.Connection, contact_id: int) -> int | None:
    """The contact's own cadence, else the shortest cadence of its tags, else ``None``."""
    row = conn.execute(
        "SELECT coalesce(c.cadence_days, (SELECT min(d.days) FROM contact_tags t "
        "JOIN tag_cadences d ON d.tag = t.tag COLLATE NOCASE WHERE t.contact_id = c.id)) "
        "FROM contacts c WHERE c.id = ?",
        (contact_id,),
    ).fetchone()
    return None if row is None or row[0] is None else int(row[0])


def reschedule_cadence(
    conn: sqlite3.Connection, contact_id: int, since: date | None = None
) -> str | None:
    """Replace the contact's open cadence follow-up with one a cadence after ``since``.

    ``since`` defaults to the last interaction (or today when there was none). Returns the new
    due date, or ``None`` when the contact has no cadence.
    """
    days = cadence_of(conn, contact_id)
    with transaction(conn):
        conn.execute(
            "DELETE FROM follow_ups WHERE contact_id = ? AND kind = 'cadence' AND done_at IS NULL",
            (contact_id,),
        )
        if days is None:
            return None
        if since is None:
            row = conn.execute(
                "SELECT last_interaction FROM contacts WHERE id = ?", (contact_id,)
            ).fetchone()
            since = date.fromisoformat(row[0][:10]) if row and row[0] else date.today()
        due = (since + timedelta(days=days)).isoformat()
        conn.execute(
            "INSERT INTO follow_ups(contact_id, due, reason, created_at, kind) "
            "VALUES (?, ?, ?, ?, 'cadence')",
            (contact_id, due, f"Stay in touch (every {days} days)", now_iso()),
        )
    return due
