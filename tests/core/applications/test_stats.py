"""Statistics on a known set of applications."""

from __future__ import annotations

import sqlite3
from datetime import date

from profile_helper.core.applications.events import change_status
from profile_helper.core.applications.stats import compute
from tests.core.applications.builders import application

TODAY = date(2026, 3, 31)  # a Tuesday


def _known_set(db: sqlite3.Connection) -> None:
    def app(applied: str, *moves: tuple[str, str, str | None]) -> None:
        app_id = application(db, applied=applied, today=TODAY)
        for status, day, stage in moves:
            change_status(db, app_id, status, on=day, stage=stage, today=TODAY)

    app(
        "2026-03-02",
        ("screening", "2026-03-06", None),
        ("interviewing", "2026-03-12", None),
        ("offer", "2026-03-25", None),
    )  # answer after 4 days
    app("2026-03-03", ("rejected", "2026-03-05", "applied"))  # 2 days
    app(
        "2026-03-09", ("screening", "2026-03-19", None), ("rejected", "2026-03-20", "screening")
    )  # 10 days
    app(
        "2026-03-10", ("interviewing", "2026-03-16", None), ("rejected", "2026-03-27", None)
    )  # 6 days, rejected at interview
    app("2026-03-17")  # no answer yet
    app("2026-03-18", ("ghosted", "2026-03-30", None))
    app("2026-03-30")
    app("2026-03-01")  # exactly 30 days ago: inside the last 30 days
    app("2026-01-20", ("screening", "2026-01-22", None))  # outside 30 days, inside 90
    app("2025-12-31")  # exactly 90 days ago: inside the last 90 days
    app("2025-12-30")  # 91 days ago: outside
    application(db, today=TODAY)  # saved: not sent


def test_last_thirty_days(db: sqlite3.Connection) -> None:
    _known_set(db)
    stats = compute(db, TODAY, 30)
    assert (stats.since, stats.until) == ("2026-03-01", "2026-03-31")
    assert stats.sent == 8
    assert stats.responses == 4
    assert stats.interviews == 2
    assert stats.offers == 1
    assert round(stats.response_rate, 3) == 0.5
    assert round(stats.interview_rate, 3) == 0.25
    assert stats.median_days_to_response == 5.0  # of 2, 4, 6, 10
    assert stats.rejections_by_stage == {
        "applied": 1,
        "screening": 1,
        "interviewing": 1,
        "offer": 0,
    }
    assert stats.per_week == [
        ("2026-02-23", 1),
        ("2026-03-02", 2),
        ("2026-03-09", 2),
        ("2026-03-16", 2),
        ("2026-03-23", 0),
        ("2026-03-30", 1),
    ]
    assert stats.pipeline == {
        "saved": 1,
        "applied": 5,
        "screening": 1,
        "interviewing": 0,
        "offer": 1,
        "accepted": 0,
        "rejected": 3,
        "withdrawn": 0,
        "ghosted": 1,
    }
    assert stats.as_dict()["per_week"][0] == {"week": "2026-02-23", "count": 1}


def test_last_ninety_days_and_an_empty_store(db: sqlite3.Connection) -> None:
    empty = compute(db, TODAY, 90)
    assert (empty.sent, empty.response_rate, empty.median_days_to_response) == (0, 0.0, None)
    assert len(empty.per_week) == 14
    _known_set(db)
    stats = compute(db, TODAY, 90)
    assert stats.since == "2025-12-31"
    assert (stats.sent, stats.responses) == (10, 5)
    assert stats.median_days_to_response == 4.0  # of 2, 2, 4, 6, 10
