"""The timeline of a contact: connection requests, messages, emails, calls, meetings and notes.

Logging one moves the contact's last interaction forward and restarts its stay-in-touch cadence.
"""

from __future__ import annotations

import sqlite3
from datetime import date, datetime

from profile_helper.core.contacts.followups import reschedule_cadence
from profile_helper.core.contacts.models import INTERACTION_KINDS, Interaction
from profile_helper.core.dates import iso_day, now_iso
from profile_helper.core.errors import InputError, NotFoundError
from profile_helper.core.storage.transaction import transaction


def log_interaction(
    conn: sqlite3.Connection,
    contact_id: int,
    kind: str,
    summary: str,
    when: date | datetime | str | None = None,
) -> int:
    """Add an interaction to a contact's timeline (today unless ``when`` says otherwise)."""
    if kind not in INTERACTION_KINDS:
        raise InputError(
            f"Unknown kind of interaction {kind!r}; use one of: "
            + ", ".join(INTERACTION_KINDS)
            + "."
        )
    # A timestamp counts on its day: the timeline keeps days only.
    if isinstance(when, datetime):
        when = when.date()
    elif isinstance(when, str):
        when = when.strip()[:10]
    day = iso_day(when)
    with transaction(conn):
        if conn.execute("SELECT 1 FROM contacts WHERE id = ?", (contact_id,)).fetchone() is None:
            raise NotFoundError(f"There is no contact #{contact_id}.")
        cursor = conn.execute(
            "INSERT INTO interactions(contact_id, kind, occurred_on, summary, created_at) "
            "VALUES (?, ?, ?, ?, ?)",
            (contact_id, kind, day, summary.strip(), now_iso()),
        )
        conn.execute(
            "UPDATE contacts SET last_interaction = max(coalesce(last_interaction, ''), ?), "
            "updated_at = ? WHERE id = ?",
            (day, now_iso(), contact_id),
        )
        reschedule_cadence(conn, contact_id)
    return int(cursor.lastrowid or 0)


def timeline(conn: sqlite3.Connection, contact_id: int) -> list[Interaction]:
    """A contact's interactions, latest first."""
    rows = conn.execute(
        "SELECT id, contact_id, kind, occurred_on, summary, created_at FROM interactions "
        "WHERE contact_id = ? ORDER BY occurred_on DESC, id DESC",
        (contact_id,),
    )
    return [Interaction(*r) for r in rows]


def delete_interaction(conn: sqlite3.Connection, interaction_id: int) -> None:
    """Remove one entry (logged by mistake, say) and recompute the contact's last interaction
    from what is left; the stay-in-touch cadence counts from that one again."""
    with transaction(conn):
        row = conn.execute(
            "SELECT contact_id FROM interactions WHERE id = ?", (interaction_id,)
        ).fetchone()
        if row is None:
            raise NotFoundError(f"There is no interaction #{interaction_id}.")
        conn.execute("DELETE FROM interactions WHERE id = ?", (interaction_id,))
        conn.execute(
            "UPDATE contacts SET last_interaction = (SELECT max(occurred_on) FROM interactions "
            "WHERE contact_id = ?) WHERE id = ?",
            (row[0], row[0]),
        )
        reschedule_cadence(conn, row[0])
