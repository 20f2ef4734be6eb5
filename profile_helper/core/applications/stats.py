"""Statistics of the last 30 or 90 days: what was sent, what came back, and where it stopped.

The window holds the applications *sent* in it (applied on a day inside it); what happened to
them afterwards counts, whenever it happened. The pipeline is the current status of every
application, since it is the state of the search now.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from statistics import median
from typing import Any

from profile_helper.core.applications.statuses import RESPONSE_STATUSES, STAGES, STATUSES
from profile_helper.core.dates import window_start
from profile_helper.core.today.habits import week_start

REACHED_INTERVIEW = frozenset({"interviewing", "offer", "accepted"})


@dataclass
class Stats:
    days: int
    since: str
    until: str
    sent: int = 0
    responses: int = 0
    interviews: int = 0
    offers: int = 0
    median_days_to_response: float | None = None
    rejections_by_stage: dict[str, int] = field(default_factory=dict)
    per_week: list[tuple[str, int]] = field(default_factory=list)
    pipeline: dict[str, int] = field(default_factory=dict)

    @property
    def response_rate(self) -> float:
        return self.responses / self.sent if self.sent else 0.0

    @property
    def interview_rate(self) -> float:
        return self.interviews / self.sent if self.sent else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "days": self.days,
            "since": self.since,
            "until": self.until,
            "sent": self.sent,
            "responses": self.responses,
            "response_rate": round(self.response_rate, 4),
            "interviews": self.interviews,
            "interview_rate": round(self.interview_rate, 4),
            "offers": self.offers,
            "median_days_to_response": self.median_days_to_response,
            "rejections_by_stage": self.rejections_by_stage,
            "per_week": [{"week": w, "count": n} for w, n in self.per_week],
            "pipeline": self.pipeline,
        }


def compute(conn: sqlite3.Connection, today: date, days: int = 30) -> Stats:
    """The statistics of applications sent in the last ``days`` days (see ``window_start``)."""
    since = window_start(today, days)
    result = Stats(days, since.isoformat(), today.isoformat())
    apps = conn.execute(
        "SELECT id, applied_on, status, rejected_stage FROM applications "
        "WHERE applied_on BETWEEN ? AND ?",
        (since.isoformat(), today.isoformat()),
    ).fetchall()
    ids = [row["id"] for row in apps]
    reached: dict[int, set[str]] = {i: set() for i in ids}
    first_response: dict[int, str] = {}
    if ids:
        marks = ", ".join("?" * len(ids))
        for app_id, status, day in conn.execute(
            "SELECT application_id, status, occurred_on FROM application_events "
            f"WHERE kind IN ('status', 'interview') AND application_id IN ({marks}) "
            "ORDER BY occurred_on, id",
            ids,
        ):
            reached[app_id].add(status or "interviewing")
            if (status or "interviewing") in RESPONSE_STATUSES and app_id not in first_response:
                first_response[app_id] = day
    delays = []
    stages = dict.fromkeys(STAGES, 0)
    for row in apps:
        seen = reached[row["id"]]
        if seen & RESPONSE_STATUSES:
            result.responses += 1
            first = first_response.get(row["id"])
            if first is not None:
                delays.append(
                    (date.fromisoformat(first) - date.fromisoformat(row["applied_on"])).days
                )
        if seen & REACHED_INTERVIEW or row["rejected_stage"] in REACHED_INTERVIEW:
            result.interviews += 1
        if seen & {"offer", "accepted"}:
            result.offers += 1
        if row["status"] == "rejected":
            stage = row["rejected_stage"] or "applied"
            stages[stage] = stages.get(stage, 0) + 1
    result.sent = len(apps)
    result.median_days_to_response = float(median(delays)) if delays else None
    result.rejections_by_stage = stages
    result.per_week = per_week((row["applied_on"] for row in apps), since, today)
    result.pipeline = pipeline(conn)
    return result


def per_week(sent_on: Iterable[str], since: date, until: date) -> list[tuple[str, int]]:
    """Applications sent each week (by its Monday) from ``since`` to ``until``, empty weeks too.

    ``sent_on`` holds the day each application in that window was sent.
    """
    counts: dict[date, int] = {}
    for day in sent_on:
        monday = week_start(date.fromisoformat(day))
        counts[monday] = counts.get(monday, 0) + 1
    weeks = []
    monday = week_start(since)
    while monday <= until:
        weeks.append((monday.isoformat(), counts.get(monday, 0)))
        monday += timedelta(days=7)
    return weeks


def pipeline(conn: sqlite3.Connection) -> dict[str, int]:
    """How many applications have each status now, every status listed."""
    counts = dict.fromkeys(STATUSES, 0)
    for status, n in conn.execute("SELECT status, count(*) FROM applications GROUP BY status"):
        counts[status] = int(n)
    return counts
