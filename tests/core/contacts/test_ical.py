import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar

from profile_helper.core.contacts.export import export_follow_ups
from profile_helper.core.contacts.followups import add_follow_up, mark_done
from profile_helper.core.contacts.models import ContactDraft
from profile_helper.core.contacts.store import add_contact
from profile_helper.core.errors import InputError


def test_follow_ups_become_all_day_events_with_alarms(
    db: sqlite3.Connection, tmp_path: Path
) -> None:
    cid = add_contact(db, ContactDraft(first_name="Ana", last_name="García"))
    add_follow_up(db, cid, "2024-06-10", "Thank-you note, mention the roadmap")
    done = add_follow_up(db, cid, "2024-06-01", "Already done")
    mark_done(db, done)
    add_follow_up(db, None, "2024-06-12", "Check the application")
    out = tmp_path / "follow-ups.ics"
    assert export_follow_ups(db, out) == 2

    calendar = Calendar.from_ical(out.read_bytes())
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 2
    assert not list(calendar.walk("VTODO"))
    first = events[0]
    assert first.decoded("dtstart") == date(2024, 6, 10)
    assert first.decoded("dtend") == date(2024, 6, 11)
    assert "Ana García" in str(first["summary"])
    assert "roadmap" in str(first["summary"])
    alarms = list(first.walk("VALARM"))
    assert len(alarms) == 1
    assert str(alarms[0]["action"]) == "DISPLAY"
    assert alarms[0].decoded("trigger") == timedelta(hours=9)
    assert len({str(e["uid"]) for e in events}) == 2


def test_unwritable_target_is_a_clear_error(db: sqlite3.Connection, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(InputError, match="Cannot write"):
        export_follow_ups(db, blocker / "sub" / "f.ics")
