"""Follow-ups set by an application's events: read with their application, shown, exported,
and closed when the message they call for is marked sent."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from icalendar import Calendar

from profile_helper.core.applications.events import change_status
from profile_helper.core.applications.store import timeline as application_timeline
from profile_helper.core.contacts.export import export_follow_ups
from profile_helper.core.contacts.followup_text import (
    application_label,
    detail,
    headline,
    message_template,
)
from profile_helper.core.contacts.followups import (
    add_follow_up,
    due_follow_ups,
    follow_ups_of,
    get_follow_up,
    open_for_application,
)
from profile_helper.core.contacts.interactions import timeline
from profile_helper.core.errors import InputError, NotFoundError
from profile_helper.core.templates.channels import RenderedMessage
from profile_helper.core.templates.outreach import (
    prompting_follow_up,
    record_sent_for_application,
)
from profile_helper.core.today.summary import summary
from tests.core.applications.builders import TODAY, application, contact

INTERVIEW = "2026-03-17"


def _interviewed(db: sqlite3.Connection) -> tuple[int, int, int]:
    """Nordlicht: applied, interviewed by Mira and Jonas on 17 March. (app, mira, jonas)"""
    mira = contact(db, "Mira", "Okafor")
    jonas = contact(db, "Jonas", "Berg")
    app = application(
        db,
        "Nordlicht",
        applied="2026-03-02",
        contacts=[(mira, "interviewer"), (jonas, "interviewer")],
    )
    change_status(db, app, "interviewing", on=INTERVIEW, today=TODAY)
    return app, mira, jonas


def _message(
    template: str, body: str = "Hi Mira,\nThank you for the conversation."
) -> RenderedMessage:
    return RenderedMessage(
        template=template, channel="message", subject="", body=body, limit=8000, subject_limit=None
    )


def test_follow_ups_are_read_with_their_application(db: sqlite3.Connection) -> None:
    app, mira, _jonas = _interviewed(db)
    ana = contact(db, "Ana", "García")
    own = add_follow_up(db, ana, "2026-03-18", "Send the deck")
    items = {f.id: f for f in due_follow_ups(db, "2026-03-31")}
    thanks = next(f for f in items.values() if f.contact_id == mira)
    assert (thanks.application_id, thanks.template) == (app, "thank_you_interview")
    assert (thanks.application_company, thanks.application_role) == ("Nordlicht", "Data Engineer")
    assert thanks.contact_name == "Mira Okafor"
    assert items[own].application_id is None and items[own].template is None
    assert items[own].application_company == ""
    # The other queries read the same columns.
    assert get_follow_up(db, thanks.id).application_id == app
    assert follow_ups_of(db, mira)[0].template == "thank_you_interview"
    assert sorted(f.contact_id or 0 for f in open_for_application(db, app)) == [mira, _jonas]


def test_headline_detail_and_template(db: sqlite3.Connection) -> None:
    app, mira, _jonas = _interviewed(db)
    thanks = next(f for f in open_for_application(db, app) if f.contact_id == mira)
    assert headline(thanks) == "Thank-you to Mira Okafor — Data Engineer at Nordlicht"
    assert detail(thanks) == "Thank Mira Okafor for the interview"
    assert application_label(thanks) == "Data Engineer at Nordlicht"
    assert message_template(thanks) == "thank_you_interview"

    alone = application(db, "Helios", "ML Engineer", applied="2026-03-02")
    chase, ghosted = open_for_application(db, alone)
    assert headline(chase) == "Follow up on your application — ML Engineer at Helios"
    assert detail(chase) == "Follow up once more on your application"
    assert message_template(chase) == "follow_up_application"
    assert headline(ghosted) == "No answer in three weeks — ML Engineer at Helios"
    assert detail(ghosted) == "Mark it as ghosted, or follow up once more?"
    assert message_template(ghosted) is None  # a decision, not a message

    ana = contact(db, "Ana", "García")
    own = get_follow_up(db, add_follow_up(db, ana, "2026-03-18", "Send the deck"))
    assert (headline(own), detail(own), message_template(own)) == (
        "Ana García",
        "Send the deck",
        None,
    )
    nobody = get_follow_up(db, add_follow_up(db, None, "2026-03-18", "Tidy the list"))
    assert headline(nobody) == "General follow-up"


def test_add_follow_up_for_an_application(db: sqlite3.Connection) -> None:
    app = application(db)
    made = get_follow_up(
        db, add_follow_up(db, None, "2026-04-01", "Call", application_id=app, template="x")
    )
    assert (made.application_id, made.template, made.application_company) == (app, "x", "Northwind")
    with pytest.raises(NotFoundError, match="application #999"):
        add_follow_up(db, None, "2026-04-01", "Call", application_id=999)


def test_calendar_names_the_application(db: sqlite3.Connection, tmp_path: Path) -> None:
    _app, _mira, _jonas = _interviewed(db)
    ana = contact(db, "Ana", "García")
    add_follow_up(db, ana, "2026-03-20", "Send the deck")
    out = tmp_path / "f.ics"
    assert export_follow_ups(db, out) == 3
    events = {str(e["summary"]): e for e in Calendar.from_ical(out.read_bytes()).walk("VEVENT")}
    assert set(events) == {
        "Thank-you to Mira Okafor — Data Engineer at Nordlicht",
        "Thank-you to Jonas Berg — Data Engineer at Nordlicht",
        "Follow up with Ana García: Send the deck",
    }
    thanks = events["Thank-you to Mira Okafor — Data Engineer at Nordlicht"]
    assert "Application: Data Engineer at Nordlicht" in str(thanks["description"])
    assert "Thank Mira Okafor for the interview" in str(thanks["description"])
    alarm = next(iter(thanks.walk("VALARM")))
    assert "Nordlicht" in str(alarm["description"])
    assert str(events["Follow up with Ana García: Send the deck"]["description"]) == "Send the deck"


def test_mark_sent_logs_on_the_contact_and_closes_the_follow_up(db: sqlite3.Connection) -> None:
    app, mira, jonas = _interviewed(db)
    by_person = {f.contact_id: f.id for f in open_for_application(db, app)}
    mira_fu, jonas_fu = by_person[mira], by_person[jonas]
    sent = record_sent_for_application(
        db, app, mira, _message("thank_you_interview"), title="Thank-you", sent_on=TODAY,
        follow_up_id=mira_fu,
    )  # fmt: skip
    assert sent.done_follow_up_id == mira_fu
    assert get_follow_up(db, mira_fu).done_at is not None
    assert get_follow_up(db, jonas_fu).done_at is None
    # Jonas's thank-you is still open: the cadence sets nothing more yet.
    assert sent.step is None
    assert [(e.kind, e.occurred_on) for e in timeline(db, mira)] == [("message", "2026-03-18")]
    assert "Thank you for the conversation" in timeline(db, mira)[0].summary
    notes = [e.note for e in application_timeline(db, app) if e.kind == "note"]
    assert notes and "Thank you for the conversation" in notes[0]

    # No follow-up id given: the one to this person, written by this template, is found.
    second = record_sent_for_application(
        db, app, jonas, _message("thank_you_interview"), sent_on=TODAY
    )
    assert second.done_follow_up_id == jonas_fu
    assert second.step is not None and second.step.due > TODAY
    (nudge,) = open_for_application(db, app)
    assert (nudge.contact_id, nudge.template, nudge.due) == (
        jonas,
        "follow_up_application",
        second.step.due.isoformat(),
    )


def test_mark_sent_without_a_contact_or_a_matching_follow_up(db: sqlite3.Connection) -> None:
    app = application(db, "Helios", "ML Engineer", applied="2026-03-02")
    (chase, ghosted) = open_for_application(db, app)
    # A referral request answers none of the chase follow-ups.
    assert prompting_follow_up(db, app, "referral_request", None) is None
    sent = record_sent_for_application(db, app, None, _message("follow_up_application"))
    assert sent.done_follow_up_id == chase.id
    assert [f.id for f in open_for_application(db, app)] == [ghosted.id]
    assert sent.step is None


def test_a_follow_up_of_another_application_is_refused(db: sqlite3.Connection) -> None:
    app, mira, _jonas = _interviewed(db)
    other = application(db, "Acme", "Analyst")
    theirs = open_for_application(db, app)[0].id
    with pytest.raises(InputError, match="another application"):
        record_sent_for_application(
            db, other, mira, _message("thank_you_interview"), follow_up_id=theirs
        )
    assert get_follow_up(db, theirs).done_at is None
    assert timeline(db, mira) == []
    with pytest.raises(NotFoundError):
        record_sent_for_application(db, 999, mira, _message("thank_you_interview"))


def test_today_json_contract_is_unchanged(db: sqlite3.Connection) -> None:
    _interviewed(db)
    data = summary(db, date(2026, 3, 18))
    assert set(data) == {"date", "follow_ups", "goals", "streaks"}
    assert {tuple(sorted(f)) for f in data["follow_ups"]} == {
        ("application_id", "contact_id", "contact_name", "due", "id", "reason")
    }
