"""Daily habits: goals, today's progress against them, streaks, and the log of skills learned.

"Today" is the person's own calendar day: a clock (UTC, injectable) read in a time zone. The
days stored with applications, interactions and skills are local calendar days already.
A day counts towards a streak when its goal is met; today not yet met does not break a streak,
since the day is not over.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import TYPE_CHECKING

from profile_helper.core.dates import iso_day, now_iso, window_start
from profile_helper.core.errors import InputError, NotFoundError
from profile_helper.core.settings import get_setting, set_setting
from profile_helper.core.storage.transaction import transaction

if TYPE_CHECKING:
    import sqlite3

Clock = Callable[[], datetime]

GOAL_SETTINGS: dict[str, str] = {
    "applications": "goals.applications_per_day",
    "networking": "goals.touches_per_day",
    "skills": "goals.skills_per_week",
}
"""Each goal's name and the setting that holds its target (defaults in ``settings.DEFAULTS``)."""

GOAL_LABELS: dict[str, str] = {
    "applications": "Applications sent",
    "networking": "Networking touches",
    "skills": "Skills learned",
}
WEEKLY = frozenset({"skills"})
MAX_STREAK_DAYS = 3650


def system_clock() -> datetime:
    return datetime.now(UTC)


def local_today(clock: Clock = system_clock, tz: tzinfo | None = None) -> date:
    """The calendar day it is now in ``tz`` (the system's zone when ``None``)."""
    moment = clock()
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(tz).date() if tz is not None else moment.astimezone().date()


def week_start(day: date) -> date:
    """The Monday of the week of ``day``."""
    return day - timedelta(days=day.weekday())


@dataclass
class GoalProgress:
    name: str
    label: str
    target: int
    done: int
    period: str  # "day" or "week"

    @property
    def met(self) -> bool:
        return self.target > 0 and self.done >= self.target


@dataclass
class Streak:
    """Consecutive days (weeks, for weekly goals) with the goal met, up to today."""

    name: str
    current: int
    best: int
    unit: str


def targets(conn: sqlite3.Connection) -> dict[str, int]:
    return {name: int(get_setting(conn, key) or 0) for name, key in GOAL_SETTINGS.items()}


def set_target(conn: sqlite3.Connection, name: str, value: int) -> None:
    if name not in GOAL_SETTINGS:
        raise InputError(f"Unknown goal {name!r}; use one of: {', '.join(GOAL_SETTINGS)}.")
    if not 0 <= value <= 100:
        raise InputError("A goal is a whole number from 0 (no goal) to 100.")
    set_setting(conn, GOAL_SETTINGS[name], int(value))


def _counts_by_day(conn: sqlite3.Connection, name: str, since: date, until: date) -> dict[str, int]:
    """How much was done each day from ``since`` to ``until`` for one goal."""
    if name == "applications":
        sql = (
            "SELECT occurred_on, count(DISTINCT application_id) FROM application_events "
            "WHERE kind = 'status' AND status = 'applied' AND occurred_on BETWEEN ? AND ? "
            "GROUP BY occurred_on"
        )
    elif name == "networking":
        sql = (
            "SELECT occurred_on, count(*) FROM interactions WHERE occurred_on BETWEEN ? AND ? "
            "GROUP BY occurred_on"
        )
    else:
        sql = (
            "SELECT learned_on, count(*) FROM skills_learned WHERE learned_on BETWEEN ? AND ? "
            "GROUP BY learned_on"
        )
    return {
        str(d)[:10]: int(n) for d, n in conn.execute(sql, (since.isoformat(), until.isoformat()))
    }


def progress(conn: sqlite3.Connection, today: date) -> list[GoalProgress]:
    """Each goal's target and what was done today (this week, for weekly goals)."""
    goal = targets(conn)
    result = []
    for name in GOAL_SETTINGS:
        start = week_start(today) if name in WEEKLY else today
        done = sum(_counts_by_day(conn, name, start, today).values())
        result.append(
            GoalProgress(
                name, GOAL_LABELS[name], goal[name], done, "week" if name in WEEKLY else "day"
            )
        )
    return result


def _run_lengths(periods: list[bool]) -> tuple[int, int]:
    """(current, best) runs of True in a list of periods, oldest first, ending with today's.

    The last period is the one in progress: when it is not met yet, the current run is the one
    that ended just before it.
    """
    best = run = 0
    for met in periods:
        run = run + 1 if met else 0
        best = max(best, run)
    if periods and not periods[-1]:
        run = 0
        for met in reversed(periods[:-1]):
            if not met:
                break
            run += 1
    return run, best


def streaks(conn: sqlite3.Connection, today: date, history_days: int = 365) -> dict[str, Streak]:
    """Current and best streak of each goal with a target, over the last ``history_days``."""
    goal = targets(conn)
    since = window_start(today, min(history_days, MAX_STREAK_DAYS))
    result: dict[str, Streak] = {}
    for name in GOAL_SETTINGS:
        if goal[name] <= 0:
            continue
        counts = _counts_by_day(conn, name, since, today)
        if name in WEEKLY:
            first = week_start(since)
            weeks: dict[date, int] = {}
            for day_text, n in counts.items():
                key = week_start(date.fromisoformat(day_text))
                weeks[key] = weeks.get(key, 0) + n
            periods = []
            monday = first
            while monday <= today:
                periods.append(weeks.get(monday, 0) >= goal[name])
                monday += timedelta(days=7)
            unit = "weeks"
        else:
            periods = [
                counts.get((since + timedelta(days=i)).isoformat(), 0) >= goal[name]
                for i in range((today - since).days + 1)
            ]
            unit = "days"
        current, best = _run_lengths(periods)
        result[name] = Streak(name, current, best, unit)
    return result


@dataclass
class SkillEntry:
    id: int
    learned_on: str
    skill: str
    note: str


def log_skill(
    conn: sqlite3.Connection, skill: str, note: str = "", on: date | str | None = None
) -> int:
    """Record a skill learned on a day (today by default)."""
    text = " ".join(skill.split())
    if not text:
        raise InputError("Name the skill you learned.")
    with transaction(conn):
        cursor = conn.execute(
            "INSERT INTO skills_learned(learned_on, skill, note, created_at) VALUES (?, ?, ?, ?)",
            (iso_day(on), text, note.strip(), now_iso()),
        )
    return int(cursor.lastrowid or 0)


def skills_log(conn: sqlite3.Connection, limit: int = 50) -> list[SkillEntry]:
    """The skills learned, latest first."""
    rows = conn.execute(
        "SELECT id, learned_on, skill, note FROM skills_learned "
        "ORDER BY learned_on DESC, id DESC LIMIT ?",
        (limit,),
    )
    return [SkillEntry(*r) for r in rows]


def delete_skill(conn: sqlite3.Connection, entry_id: int) -> None:
    with transaction(conn):
        cursor = conn.execute("DELETE FROM skills_learned WHERE id = ?", (entry_id,))
    if cursor.rowcount == 0:
        raise NotFoundError(f"There is no skill entry #{entry_id}.")
