"""When to follow up after sending a message, from ``resources/templates/cadence.json``.

The advice in FACTS.md, in business days: a networking nudge after 7, a check after an
interview after 5; some messages (congratulations, a feedback request) get none.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, cast

from profile_helper.core.resources import read_json


@dataclass(frozen=True)
class NextStep:
    due: date
    note: str


def add_business_days(start: date, days: int) -> date:
    """The date ``days`` working days (Monday to Friday) after ``start``."""
    current = start
    remaining = days
    while remaining > 0:
        current += timedelta(days=1)
        if current.weekday() < 5:
            remaining -= 1
    return current


def next_follow_up(template_id: str, sent_on: date) -> NextStep | None:
    """The follow-up to schedule after sending this template, or None when there is none."""
    data = cast(dict[str, Any], read_json("templates/cadence.json"))
    rules = cast(dict[str, Any], data["templates"])
    rule = rules[template_id] if template_id in rules else data["default"]
    if rule is None:
        return None
    return NextStep(add_business_days(sent_on, int(rule["business_days"])), str(rule["note"]))
