"""What the Today page and ``profile-helper today`` show: what is due, goals and streaks."""

from __future__ import annotations

import sqlite3
from datetime import date
from typing import Any

from profile_helper.core.applications.habits import progress, streaks


def due_items(conn: sqlite3.Connection, today: date) -> list[dict[str, Any]]:
    """Open follow-ups due today or earlier, of contacts and of applications, soonest first."""
    rows = conn.execute(
        "SELECT id, due, reason, contact_id, application_id FROM follow_ups "
        "WHERE done_at IS NULL AND due <= ? ORDER BY due, id",
        (today.isoformat(),),
    )
    return [
        {
            "id": r["id"],
            "due": r["due"],
            "reason": r["reason"],
            "contact_id": r["contact_id"],
            "application_id": r["application_id"],
        }
        for r in rows
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
