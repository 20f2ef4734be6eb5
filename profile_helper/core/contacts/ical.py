"""Follow-ups out as iCalendar: all-day VEVENTs with a reminder (Google Calendar ignores VTODO).

A contact's follow-up is titled by the person; an application's by what to do and for which
application ("Thank-you to Mira Okafor — Data Engineer at Nordlicht").
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta

from profile_helper import APP_NAME, __version__
from profile_helper.core.contacts.followup_model import FollowUp
from profile_helper.core.contacts.followup_text import application_label, headline

REMINDER_HOUR = 9
"""The reminder fires at this hour on the day (an all-day event starts at midnight)."""


def write_calendar(follow_ups: Iterable[FollowUp], stamp: datetime | None = None) -> bytes:
    """An ``.ics`` file with one all-day event per follow-up, each with a display alarm."""
    # icalendar is slow to import and needed only when a calendar is written.
    from icalendar import Alarm, Calendar, Event  # noqa: PLC0415

    calendar = Calendar()
    calendar.add("prodid", f"-//{APP_NAME}//{__version__}//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", f"{APP_NAME} follow-ups")
    now = stamp or datetime.now(UTC)
    for follow_up in follow_ups:
        day = date.fromisoformat(follow_up.due)
        who = follow_up.contact_name or "someone"
        if follow_up.application_id is None:
            summary = f"Follow up with {who}: {follow_up.reason}"
            description = follow_up.reason
            reminder = f"Follow up with {who}"
        else:
            # The title says what to do for which application; the reason follows it.
            summary = headline(follow_up)
            description = f"{follow_up.reason}\n\nApplication: {application_label(follow_up)}"
            reminder = summary
        event = Event()
        event.add("uid", f"follow-up-{follow_up.id}@profile-helper.local")
        event.add("dtstamp", now)
        event.add("dtstart", day)
        event.add("dtend", day + timedelta(days=1))
        event.add("summary", summary)
        event.add("description", description)
        event.add("transp", "TRANSPARENT")
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", reminder)
        alarm.add("trigger", timedelta(hours=REMINDER_HOUR))
        event.add_component(alarm)
        calendar.add_component(event)
    return bytes(calendar.to_ical())
