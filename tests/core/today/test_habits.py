"""Goals, progress and streaks with a fixed clock in several time zones."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from profile_helper.core.applications.events import change_status
from profile_helper.core.contacts.interactions import log_interaction
from profile_helper.core.errors import InputError, NotFoundError
from profile_helper.core.today.habits import (
    delete_skill,
    local_today,
    log_skill,
    progress,
    set_target,
    skills_log,
    streaks,
    targets,
)
from profile_helper.core.today.summary import summary
from tests.core.applications.builders import application, contact

TOKYO = timezone(timedelta(hours=9))
LOS_ANGELES = timezone(timedelta(hours=-8))


def clock(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def apply_on(db: sqlite3.Connection, day: str, count: int = 1) -> None:
    for _ in range(count):
        application(db, applied=day, today=date.fromisoformat(day))


def test_the_defaults_are_the_seeds_habits(db: sqlite3.Connection) -> None:
    assert targets(db) == {"applications": 2, "networking": 1, "skills": 1}
    set_target(db, "applications", 3)
    assert targets(db)["applications"] == 3
    with pytest.raises(InputError, match="Unknown goal"):
        set_target(db, "push-ups", 10)
    with pytest.raises(InputError, match="from 0"):
        set_target(db, "skills", -1)


@pytest.mark.parametrize(
    ("moment", "tz", "expected"),
    [
        ("2026-03-10T23:30:00", TOKYO, "2026-03-11"),  # already tomorrow in Tokyo
        ("2026-03-10T23:30:00", UTC, "2026-03-10"),
        ("2026-03-11T06:00:00", LOS_ANGELES, "2026-03-10"),  # still yesterday in California
        # Across a DST change: 2026-03-08 02:00 local in New York does not exist.
        ("2026-03-08T07:30:00", ZoneInfo("America/New_York"), "2026-03-08"),
        ("2026-03-08T04:30:00", ZoneInfo("America/New_York"), "2026-03-07"),
    ],
)
def test_today_is_the_persons_own_calendar_day(moment: str, tz: object, expected: str) -> None:
    assert local_today(lambda: clock(moment), tz).isoformat() == expected  # type: ignore[arg-type]


def test_progress_counts_applications_touches_and_skills(db: sqlite3.Connection) -> None:
    today = date(2026, 3, 11)  # a Wednesday
    apply_on(db, "2026-03-11", 2)
    apply_on(db, "2026-03-10")
    ana = contact(db, "Ana")
    log_interaction(db, ana, "message", "Congrats on the launch", "2026-03-11")
    log_interaction(db, ana, "call", "Catch-up", "2026-03-10")
    log_skill(db, "dbt incremental models", on="2026-03-09")  # Monday: this week
    log_skill(db, "Terraform modules", on="2026-03-08")  # Sunday: last week
    done = {g.name: (g.done, g.target, g.met) for g in progress(db, today)}
    assert done == {
        "applications": (2, 2, True),
        "networking": (1, 1, True),
        "skills": (1, 1, True),
    }


def test_streak_runs_through_yesterday_while_today_is_not_done_yet(db: sqlite3.Connection) -> None:
    for day in ("2026-03-07", "2026-03-08", "2026-03-09", "2026-03-10"):
        apply_on(db, day, 2)
    apply_on(db, "2026-03-05", 2)  # a gap on the 6th ends that run
    apply_on(db, "2026-03-11", 1)  # one of two today: not met yet, but the day is not over
    result = streaks(db, date(2026, 3, 11))["applications"]
    assert (result.current, result.best, result.unit) == (4, 4, "days")
    apply_on(db, "2026-03-11", 1)
    assert streaks(db, date(2026, 3, 11))["applications"].current == 5
    # A day later with nothing done yet the streak still stands; two days later it is gone.
    assert streaks(db, date(2026, 3, 12))["applications"].current == 5
    gone = streaks(db, date(2026, 3, 13))["applications"]
    assert (gone.current, gone.best) == (0, 5)


def test_the_same_moment_is_a_different_day_in_another_zone(db: sqlite3.Connection) -> None:
    ana = contact(db, "Ana")
    for day in ("2026-03-08", "2026-03-09", "2026-03-10"):
        log_interaction(db, ana, "message", "hello", day)
    moment = lambda: clock("2026-03-10T20:00:00")  # noqa: E731
    in_tokyo = local_today(moment, TOKYO)  # 11 March: nothing logged yet today
    in_la = local_today(moment, LOS_ANGELES)  # 10 March: today's touch is done
    tokyo = summary(db, in_tokyo)
    la = summary(db, in_la)
    assert tokyo["date"] == "2026-03-11"
    assert la["date"] == "2026-03-10"
    assert [g["done"] for g in tokyo["goals"] if g["name"] == "networking"] == [0]
    assert [g["done"] for g in la["goals"] if g["name"] == "networking"] == [1]
    assert tokyo["streaks"]["networking"] == {"current": 3, "best": 3, "unit": "days"}
    assert la["streaks"]["networking"] == {"current": 3, "best": 3, "unit": "days"}


def test_weekly_skill_streak_counts_weeks(db: sqlite3.Connection) -> None:
    for day in ("2026-02-16", "2026-02-27", "2026-03-01", "2026-03-04"):
        log_skill(db, f"skill of {day}", on=day)
    # Weeks of 16 Feb, 23 Feb, 2 Mar (the 1st is a Sunday, in the week of 23 Feb).
    result = streaks(db, date(2026, 3, 11))["skills"]
    assert (result.current, result.unit) == (3, "weeks")
    set_target(db, "skills", 2)
    assert streaks(db, date(2026, 3, 11))["skills"].current == 0


def test_a_goal_set_to_zero_has_no_streak(db: sqlite3.Connection) -> None:
    set_target(db, "networking", 0)
    assert "networking" not in streaks(db, date(2026, 3, 11))


def test_only_the_move_to_applied_counts_as_an_application(db: sqlite3.Connection) -> None:
    app_id = application(db, applied="2026-03-11", today=date(2026, 3, 11))
    change_status(db, app_id, "screening", on="2026-03-11", today=date(2026, 3, 11))
    application(db, today=date(2026, 3, 11))  # saved only
    [apps] = [g for g in progress(db, date(2026, 3, 11)) if g.name == "applications"]
    assert apps.done == 1


def test_skills_log(db: sqlite3.Connection) -> None:
    first = log_skill(db, "  SQL   window functions ", "LAG and LEAD", on="2026-03-02")
    log_skill(db, "Kubernetes probes", on="2026-03-09")
    assert [(e.skill, e.learned_on) for e in skills_log(db)] == [
        ("Kubernetes probes", "2026-03-09"),
        ("SQL window functions", "2026-03-02"),
    ]
    delete_skill(db, first)
    assert len(skills_log(db)) == 1
    with pytest.raises(NotFoundError):
        delete_skill(db, first)
    with pytest.raises(InputError, match="Name the skill"):
        log_skill(db, "   ")
