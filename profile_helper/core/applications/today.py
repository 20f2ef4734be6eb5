"""What the Today page and ``profile-helper today`` show: what is due, goals and streaks."""

from __future__ import annotations

import sqlite3
from datetime import date
from typing import Any

from profile_helper.core.applications.habits import progress, streaks
from profile_helper.core.contacts.followups import due_follow_ups


def due_items(conn: sqlite3.Connection, today: date) -> list[dict[str, Any]]:
    """Open follow-ups due today or earlier, of contacts and of applications, soonest first."""
    return [
        {
            "id": f.id,
            "due": f.due,
            "reason": f.reason,
            "contact_id": f.contact_id,
            "application_id": f.application_id,
        }
        for f in due_follow_ups(conn, today)
    ]


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
