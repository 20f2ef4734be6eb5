"""Changes of status and interviews, and the follow-ups they create.

The cadence follows the usual advice (see FACTS.md): after applying, follow up after a week if
nothing happened, once more a week later, then suggest marking the application ghosted; after an
interview, a thank-you the next day to each interviewer; after a rejection at an interview
stage, a feedback request within two days. An automated rejection (after the application or
the screen) gets none: nobody reads a reply to it. These follow-ups go into the same
``follow_ups`` table as contacts' ones, with ``application_id`` set.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from profile_helper.core.applications.follow_up_kinds import (
    APPLICATION_KINDS,
    KIND_APPLICATION_FOLLOW_UP,
    KIND_FEEDBACK,
    KIND_GHOSTED,
    KIND_THANK_YOU,
)
from profile_helper.core.applications.models import ApplicationDraft
from profile_helper.core.applications.statuses import (
    INTERVIEW_STAGES,
    check_move,
    check_stage,
    check_status,
    default_stage,
)
from profile_helper.core.applications.store import (
    add_contacts,
    add_event,
    get_application,
    insert_application,
    involved,
)
from profile_helper.core.contacts.followups import add_follow_up
from profile_helper.core.dates import iso_day
from profile_helper.core.errors import InputError
from profile_helper.core.storage.transaction import transaction

FOLLOW_UP_AFTER_DAYS = 7
"""Days after applying before the first follow-up, and between it and the second."""
FEEDBACK_WITHIN_DAYS = 2
THANK_YOU_AFTER_DAYS = 1


@dataclass
class StatusChange:
    """What a change did: its timeline entry and the follow-ups it set."""

    event_id: int
    follow_up_ids: list[int] = field(default_factory=list)


def _clear_open(conn: sqlite3.Connection, application_id: int, kinds: Iterable[str]) -> None:
    kinds = tuple(kinds)
    marks = ", ".join("?" * len(kinds))
    conn.execute(
        "DELETE FROM follow_ups WHERE application_id = ? AND done_at IS NULL "
        f"AND kind IN ({marks})",
        (application_id, *kinds),
    )


def _first_of(conn: sqlite3.Connection, application_id: int, roles: Iterable[str]) -> int | None:
    people = involved(conn, application_id)
    for role in roles:
        for person in people:
            if person.role == role:
                return person.contact_id
    return None


def _remember(conn: sqlite3.Connection, event_id: int, follow_up_ids: list[int]) -> None:
    conn.execute(
        "UPDATE application_events SET follow_up_ids = ? WHERE id = ?",
        (json.dumps(follow_up_ids), event_id),
    )


def chase_schedule(applied: date, today: date) -> list[tuple[date, str]]:
    """The follow-ups after applying on ``applied``, without those already overtaken.

    A step whose next step is already due is dropped, so that an application entered weeks
    late shows one thing to do, not three overdue ones.
    """
    steps = [
        (applied + timedelta(days=FOLLOW_UP_AFTER_DAYS), "first"),
        (applied + timedelta(days=2 * FOLLOW_UP_AFTER_DAYS), "second"),
        (applied + timedelta(days=3 * FOLLOW_UP_AFTER_DAYS), "ghosted"),
    ]
    return [step for i, step in enumerate(steps) if i == len(steps) - 1 or steps[i + 1][0] > today]


def _schedule_chase(
    conn: sqlite3.Connection, application_id: int, applied: date, today: date
) -> list[int]:
    app = get_application(conn, application_id)
    what = f"{app.role} at {app.company}"
    to = _first_of(conn, application_id, ("recruiter", "hiring manager", "referrer"))
    reasons = {
        "first": (KIND_APPLICATION_FOLLOW_UP, f"Follow up on your application: {what}"),
        "second": (KIND_APPLICATION_FOLLOW_UP, f"Follow up once more on your application: {what}"),
        "ghosted": (KIND_GHOSTED, f"No answer in three weeks: mark {what} as ghosted?"),
    }
    ids = []
    for due, step in chase_schedule(applied, today):
        kind, reason = reasons[step]
        ids.append(add_follow_up(conn, to, due, reason, kind=kind, application_id=application_id))
    return ids


def _schedule_thank_you(
    conn: sqlite3.Connection, application_id: int, interview: date
) -> list[int]:
    app = get_application(conn, application_id)
    due = interview + timedelta(days=THANK_YOU_AFTER_DAYS)
    interviewers = [p for p in app.contacts if p.role == "interviewer"]
    if not interviewers:
        reason = f"Send a thank-you to your interviewers: {app.role} at {app.company}"
        return [
            add_follow_up(
                conn,
                None,
                due,
                reason,
                kind=KIND_THANK_YOU,
                application_id=application_id,
                template="thank_you_interview",
            )
        ]
    return [
        add_follow_up(
            conn,
            person.contact_id,
            due,
            f"Thank {person.name or 'your interviewer'} for the interview: {app.role} at "
            f"{app.company}",
            kind=KIND_THANK_YOU,
            application_id=application_id,
            template="thank_you_interview",
        )
        for person in interviewers
    ]


def _schedule_feedback(conn: sqlite3.Connection, application_id: int, rejected: date) -> int:
    app = get_application(conn, application_id)
    to = _first_of(conn, application_id, ("recruiter", "interviewer", "hiring manager", "contact"))
    return add_follow_up(
        conn,
        to,
        rejected + timedelta(days=FEEDBACK_WITHIN_DAYS),
        f"Ask for feedback after the rejection: {app.role} at {app.company}",
        kind=KIND_FEEDBACK,
        application_id=application_id,
        template="feedback_request",
    )


def change_status(
    conn: sqlite3.Connection,
    application_id: int,
    status: str,
    *,
    on: date | str | None = None,
    stage: str | None = None,
    note: str = "",
    today: date | None = None,
) -> StatusChange:
    """Move an application to ``status`` on day ``on`` (today by default) and set follow-ups.

    ``stage`` says where a rejection happened; it defaults to the status the application had.
    Moving to ``interviewing`` on a day records an interview that day. Raises
    :class:`InputError` for a move the statuses do not allow.
    """
    new = check_status(status)
    now = today or date.today()
    day = iso_day(on, now)
    app = get_application(conn, application_id)
    check_move(app.status, new)
    if stage is not None and new != "rejected":
        raise InputError("A stage is recorded only with a rejection (status 'rejected').")
    rejected_stage = (
        (check_stage(stage) if stage else default_stage(app.status)) if new == "rejected" else None
    )
    when = date.fromisoformat(day)
    if new in ("applied", "rejected", "offer", "accepted", "ghosted") and when > now:
        # An interview can be ahead; an application sent or an answer received cannot.
        raise InputError(f"{day} is in the future; give the day it happened.")
    # Anything past "saved" means it was sent; when the day is unknown, this one stands in.
    sent = new not in ("saved", "withdrawn")
    with transaction(conn):
        event_id = add_event(
            conn,
            application_id,
            day,
            "status",
            from_status=app.status,
            status=new,
            stage=rejected_stage,
            note=note,
        )
        conn.execute(
            "UPDATE applications SET status = ?, rejected_stage = ?, "
            "updated_on = max(updated_on, ?), "
            "applied_on = CASE WHEN ? THEN coalesce(applied_on, ?) ELSE applied_on END "
            "WHERE id = ?",
            (new, rejected_stage, day, sent, day, application_id),
        )
        # Anything but "applied" means something happened: the chase after applying stops.
        _clear_open(conn, application_id, (KIND_APPLICATION_FOLLOW_UP, KIND_GHOSTED))
        if new == "withdrawn":
            _clear_open(conn, application_id, APPLICATION_KINDS)
        elif new == "rejected":
            # A thank-you not sent by now is overtaken: the feedback request thanks them too.
            _clear_open(conn, application_id, (KIND_THANK_YOU,))
        created: list[int] = []
        if new == "applied":
            created += _schedule_chase(conn, application_id, when, now)
        elif new == "interviewing":
            conn.execute(
                "UPDATE applications SET interview_on = ? WHERE id = ?", (day, application_id)
            )
            created += _schedule_thank_you(conn, application_id, when)
        elif new == "rejected" and rejected_stage in INTERVIEW_STAGES:
            created.append(_schedule_feedback(conn, application_id, when))
        _remember(conn, event_id, created)
    return StatusChange(event_id, created)


def new_application(
    conn: sqlite3.Connection,
    draft: ApplicationDraft,
    *,
    applied_on: date | str | None = None,
    contacts: Iterable[tuple[int, str]] = (),
    today: date | None = None,
) -> int:
    """Add an application (saved, or applied on ``applied_on``) with the contacts involved.

    ``contacts`` are ``(contact_id, role)`` pairs. All of it is stored, or none of it.
    """
    now = today or date.today()
    with transaction(conn):
        first_day = iso_day(applied_on, now) if applied_on is not None else now.isoformat()
        app_id = insert_application(conn, draft, min(first_day, now.isoformat()))
        for contact_id, role in contacts:
            add_contacts(conn, app_id, [contact_id], role)
        if applied_on is not None:
            change_status(conn, app_id, "applied", on=applied_on, today=now)
    return app_id


def open_follow_ups(conn: sqlite3.Connection, application_id: int) -> list[sqlite3.Row]:
    """The application's open follow-ups, soonest first (id, due, reason, kind, template)."""
    return conn.execute(
        "SELECT id, contact_id, due, reason, kind, template FROM follow_ups "
        "WHERE application_id = ? AND done_at IS NULL ORDER BY due, id",
        (application_id,),
    ).fetchall()


def undo_last_change(
    conn: sqlite3.Connection, application_id: int, *, today: date | None = None
) -> str:
    """Take back the last change of status (a card dropped on the wrong column); returns the
    status restored.

    The follow-ups that change set are removed; going back to ``applied`` sets the chase after
    applying again. The first entry (the application added) cannot be undone: delete it instead.
    """
    get_application(conn, application_id)
    last = conn.execute(
        "SELECT id, from_status, status, follow_up_ids FROM application_events "
        "WHERE application_id = ? AND kind = 'status' ORDER BY id DESC LIMIT 1",
        (application_id,),
    ).fetchone()
    if last is None or last["from_status"] is None:
        raise InputError("There is no change of status to undo on this application.")
    restored = str(last["from_status"])
    with transaction(conn):
        for follow_up_id in json.loads(last["follow_up_ids"]):
            conn.execute(
                "DELETE FROM follow_ups WHERE id = ? AND application_id = ? AND done_at IS NULL",
                (follow_up_id, application_id),
            )
        conn.execute("DELETE FROM application_events WHERE id = ?", (last["id"],))
        conn.execute(
            "UPDATE applications SET status = ?, rejected_stage = NULL, "
            "applied_on = CASE WHEN ? = 'saved' THEN NULL ELSE applied_on END, "
            "interview_on = (SELECT max(occurred_on) FROM application_events "
            "WHERE application_id = applications.id AND (kind = 'interview' OR "
            "(kind = 'status' AND status = 'interviewing'))), "
            "updated_on = coalesce((SELECT max(occurred_on) FROM application_events "
            "WHERE application_id = applications.id AND kind = 'status'), updated_on) "
            "WHERE id = ?",
            (restored, restored, application_id),
        )
        app = get_application(conn, application_id)
        if restored == "applied" and app.applied_on:
            _clear_open(conn, application_id, (KIND_APPLICATION_FOLLOW_UP, KIND_GHOSTED))
            _schedule_chase(
                conn, application_id, date.fromisoformat(app.applied_on), today or date.today()
            )
        elif restored == "interviewing" and app.interview_on:
            # A rejection took back an unsent thank-you; undoing the rejection sets it again.
            sent_or_open = conn.execute(
                "SELECT 1 FROM follow_ups WHERE application_id = ? AND kind = ?",
                (application_id, KIND_THANK_YOU),
            ).fetchone()
            if sent_or_open is None:
                _schedule_thank_you(conn, application_id, date.fromisoformat(app.interview_on))
    return restored
