"""The date shapes of LinkedIn's export files, read keeping the precision they came with.

Profile files give ``Jan 2024`` or ``2024`` (kept as ``YYYY-MM`` and ``YYYY``), connections
``15 Jan 2024``, messages ``2024-01-15 14:30:00 UTC`` and invitations ``1/15/24, 10:00 AM``. Whole
days are read by :func:`profile_helper.core.contacts.textfile.parse_date`, the one reader of the
day formats imports meet; this module adds the partial dates and the times.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache

from profile_helper.core.contacts.textfile import parse_date

_MONTHS = {
    m: i
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
        start=1,
    )
}
_YEAR = re.compile(r"^(\d{4})$")
_MONTH_YEAR = re.compile(r"^([A-Za-z]{3,9})\.? (\d{4})$")
_YEAR_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
# 2024-01-15 14:30:00 UTC, 2024-01-15T14:30:00Z, 2024-01-15 14:30 (messages and most others)
_ISO_TIME = re.compile(
    r"^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(:\d{2})?(?:\.\d+)?\s*(?:UTC|Z|[+-]00:?00)?$"
)
_TIME_FORMATS = (
    "%m/%d/%y, %I:%M %p",  # 1/15/24, 10:00 AM: Invitations.csv
    "%m/%d/%Y, %I:%M %p",
    "%m/%d/%y %I:%M %p",
    "%m/%d/%Y %I:%M %p",
    "%m/%d/%y, %H:%M",
    "%m/%d/%Y %H:%M",
)


@lru_cache(maxsize=4096)
def partial_date(text: str) -> str | None:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` as precise as ``text`` is, or ``None``."""
    value = " ".join(text.split())
    if not value:
        return None
    if _YEAR.match(value):
        return value
    match = _MONTH_YEAR.match(value)
    if match:
        month = _MONTHS.get(match.group(1)[:3].casefold())
        return f"{match.group(2)}-{month:02d}" if month else None
    match = _YEAR_MONTH.match(value)
    if match:
        return value if 1 <= int(match.group(2)) <= 12 else None
    day = parse_date(value)
    if day is not None:
        return day
    moment = timestamp(value)
    return moment[:10] if moment else None


def timestamp(text: str) -> str | None:
    """``YYYY-MM-DDTHH:MM:SS`` from a date with a time (UTC as LinkedIn writes it), a day alone
    as ``YYYY-MM-DD``, or ``None``."""
    # The usual messages.csv cell, read without a regular expression: 100,000 rows ask this.
    if (
        len(text) == 23
        and text[19:] == " UTC"
        and text[10] == " "
        and text[11:13].isdigit()
        and _valid_day(text[:10])
    ):
        return text[:10] + "T" + text[11:19]
    value = text.strip()
    match = _ISO_TIME.match(value)
    if match:
        seconds = match.group(3) or ":00"
        try:
            datetime.fromisoformat(f"{match.group(1)}T{match.group(2)}{seconds}")
        except ValueError:
            return None
        return f"{match.group(1)}T{match.group(2)}{seconds}"
    for fmt in _TIME_FORMATS:
        try:
            return datetime.strptime(value, fmt).isoformat(timespec="seconds")
        except ValueError:
            continue
    return parse_date(value) if value else None


@lru_cache(maxsize=8192)
def _valid_day(text: str) -> bool:
    """Whether ``YYYY-MM-DD`` is a real day (an export has a few thousand distinct ones)."""
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def day_of(text: str) -> str | None:
    """The day (``YYYY-MM-DD``) of a date with or without a time, or ``None``."""
    moment = timestamp(text)
    return moment[:10] if moment else None
