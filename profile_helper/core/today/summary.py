"""What the Today page and ``profile-helper today`` show: what is due, goals and streaks."""

from __future__ import annotations

import sqlite3
from datetime import date
from typing import Any

from profile_helper.core.contacts.followups import due_follow_ups
from profile_helper.core.contacts.models import FollowUp
from profile_helper.core.today.habits import progress, streaks


def follow_up_record(follow_up: FollowUp) -> dict[str, Any]:
    """The JSON shape of one follow-up in ``today`` and ``applications set-status``.

    ``contact_name`` is ``""`` when the follow-up is of an application with nobody named.
    """
    return {
        "id": follow_up.id,
        "due": follow_up.due,
        "reason": follow_up.reason,
        "contact_id": follow_up.contact_id,
        "contact_name": follow_up.contact_name if follow_up.contact_id is not None else "",
        "application_id": follow_up.application_id,
    }


def due_items(conn: sqlite3.Connection, today: date) -> list[dict[str, Any]]:
    """Open follow-ups due today or earlier, of contacts and of applications, soonest first."""
    return [follow_up_record(f) for f in due_follow_ups(conn, today)]


def summary(conn: sqlite3.Connection, today: date) -> dict[str, Any]:
    """The JSON shape of ``today --format json``."""
    return {
        "date": today.isoformat(),
        "follow_ups": due_items(conn, today),
        "goals": [
            {"name": g.name, "target": g.target, "done": g.done} for g in progress(conn, today)
        ],
        "streaks": {
            name: {"current": s.current, "best": s.best, "unit": s.unit}
            for name, s in streaks(conn, today).items()
        },
    }
