"""Every date shape of the export's files, read keeping its precision."""

import pytest

from profile_helper.core.linkedin_archive.dates import day_of, partial_date, timestamp


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024", "2024"),
        ("Jan 2024", "2024-01"),
        ("September 2019", "2019-09"),
        ("2021-07", "2021-07"),
        ("01 Jan 2024", "2024-01-01"),
        ("15 Jan 2024", "2024-01-15"),
        ("4-Apr-21", "2021-04-04"),
        ("2024-01-15", "2024-01-15"),
        ("2024-01-15 14:30:00 UTC", "2024-01-15"),
        ("1/15/24, 10:00 AM", "2024-01-15"),
        ("  ", None),
        ("soon", None),
        ("Foo 2024", None),
        ("2024-13", None),
    ],
)
def test_partial_dates_keep_their_precision(text: str, expected: str | None) -> None:
    assert partial_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-01-15 14:30:00 UTC", "2024-01-15T14:30:00"),
        ("2024-01-15T14:30:00Z", "2024-01-15T14:30:00"),
        ("2024-01-15 14:30", "2024-01-15T14:30:00"),
        ("1/15/24, 10:00 AM", "2024-01-15T10:00:00"),
        ("1/15/24, 10:00 PM", "2024-01-15T22:00:00"),
        ("15 Jan 2024", "2024-01-15"),
        ("2024-02-30 10:00:00 UTC", None),
        ("", None),
    ],
)
def test_timestamps(text: str, expected: str | None) -> None:
    assert timestamp(text) == expected


def test_day_of_a_timestamp() -> None:
    assert day_of("2023-12-31 23:59:59 UTC") == "2023-12-31"
    assert day_of("not a date") is None
