"""Days and timestamps as the stores write them: ``YYYY-MM-DD`` days, UTC ISO times."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from profile_helper.core.errors import InputError


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def iso_day(day: date | str | None, today: date | None = None) -> str:
    """A day as ``YYYY-MM-DD``: a date, an ISO string, or ``None`` for today."""
    if day is None:
        return (today or date.today()).isoformat()
    if isinstance(day, date):
        return day.isoformat()
    try:
        return date.fromisoformat(day.strip()).isoformat()
    except ValueError:
        raise InputError(f"Not a date: {day!r}. Use the form YYYY-MM-DD.") from None


def window_start(today: date, days: int) -> date:
    """The first day of "the last ``days`` days" up to ``today``, a day included in them.

    The one definition every view uses (statistics, "not contacted in 30 days", streaks): the
    window runs from ``today - days`` through ``today``, so what happened exactly 30 days ago is
    inside the last 30 days, as it is inside the last 90.
    """
    return today - timedelta(days=days)
