"""What the Today page and ``profile-helper today`` show: what is due, goals and streaks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from profile_helper.core.contacts.followup_model import FollowUp
from profile_helper.core.contacts.followups import due_follow_ups
from profile_helper.core.today.habits import GoalProgress, Streak, progress, streaks

if TYPE_CHECKING:
    import sqlite3

HORIZON_DAYS = 7
"""The Today page shows the follow-ups due up to this many days ahead."""


@dataclass(frozen=True)
class TodayData:
    """Everything the Today page shows, read at once."""

    day: str
    """The day (ISO) the follow-ups were read for."""
    follow_ups: list[FollowUp]
    """Open follow-ups due by ``day`` plus :data:`HORIZON_DAYS`, soonest first."""
    habits_day: str
    """The person's own day (ISO) in their time zone, for the goals and streaks."""
    goals: list[GoalProgress]
    streaks: dict[str, Streak]


def due_within_horizon(conn: sqlite3.Connection, day: date) -> list[FollowUp]:
    """The open follow-ups the Today page lists on ``day``: due by then or within the horizon."""
    return due_follow_ups(conn, day + timedelta(days=HORIZON_DAYS))


def read_today(conn: sqlite3.Connection, day: date, habits_day: date) -> TodayData:
    """What the Today page shows on ``day`` (the habits counted on ``habits_day``)."""
    return TodayData(
        day=day.isoformat(),
        follow_ups=due_within_horizon(conn, day),
        habits_day=habits_day.isoformat(),
        goals=progress(conn, habits_day),
        streaks=streaks(conn, habits_day),
    )


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
