"""Stretches of time between positions, from their start and end dates.

Dates keep the precision they came with (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``). A year alone is
read in the way that makes a gap shortest (an end in December, a start in January), so a gap is
only reported when the dates prove it; days are ignored, as LinkedIn shows months. A current
position (no end) covers everything after its start.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from profile_helper.core.my_profile.models import Position

_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2}))?(?:-\d{1,2})?$")


@dataclass(frozen=True)
class Gap:
    """Whole months with no position between ``before`` ending and ``after`` starting."""

    before: Position
    after: Position
    months: int


def month_index(text: str, *, end: bool) -> int | None:
    """Months since year 0 of a date, or None when it is unknown or not a date.

    A bare year is its last month for an end and its first for a start.
    """
    found = _DATE.match(text.strip())
    if found is None:
        return None
    year = int(found.group(1))
    if found.group(2) is None:
        month = 12 if end else 1
    else:
        month = int(found.group(2))
        if not 1 <= month <= 12:
            return None
    return year * 12 + month - 1


def gaps(positions: Sequence[Position], longer_than: int) -> list[Gap]:
    """The gaps of more than ``longer_than`` months between positions, earliest first.

    Positions that overlap leave no gap; positions without a start date are left out.
    """
    dated = []
    for position in positions:
        start = month_index(position.started_on, end=False)
        if start is not None:
            finish = None if position.current else month_index(position.finished_on, end=True)
            dated.append((start, finish, position))
    dated.sort(key=lambda item: item[0])
    found: list[Gap] = []
    covered_to: int | None = None  # the last month covered so far
    latest: Position | None = None  # the position that covers it
    for start, finish, position in dated:
        if covered_to is not None and latest is not None and start - covered_to - 1 > longer_than:
            found.append(Gap(latest, position, start - covered_to - 1))
        if finish is None and position.current:
            return found  # a current position covers the rest
        if finish is None:
            continue  # an end that is not a date: nothing to compare with
        if covered_to is None or finish > covered_to:
            covered_to, latest = finish, position
    return found
