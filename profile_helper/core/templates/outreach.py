"""Messages meet the contacts store: a contact as template variables, and "mark as sent".

Marking a message as sent logs it on the contact's timeline and schedules the next follow-up
from the cadence in ``resources/templates/cadence.json``, both in one transaction.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date
from typing import Any

from profile_helper.core.applications.store import add_event, get_application
from profile_helper.core.contacts.followup_text import message_template
from profile_helper.core.contacts.followups import (
    add_follow_up,
    get_follow_up,
    mark_done,
    open_for_application,
)
from profile_helper.core.contacts.interactions import log_interaction
from profile_helper.core.contacts.models import contact_as_dict
from profile_helper.core.contacts.query import ContactQuery, list_contacts
from profile_helper.core.contacts.store import get_contact
from profile_helper.core.errors import InputError
from profile_helper.core.storage.transaction import transaction
from profile_helper.core.templates.cadence import NextStep, next_follow_up
from profile_helper.core.templates.channels import RenderedMessage

# The kind of interaction each channel is logged as on the contact's timeline.
INTERACTION_KIND = {
    "connection_note": "connection request",
    "inmail": "message",
    "message": "message",
    "email": "email",
}
_SUMMARY_CHARS = 140


def contact_for_template(conn: sqlite3.Connection, contact_id: int) -> dict[str, Any]:
    """The stored contact as a plain dict (NotFoundError when there is none)."""
    return contact_as_dict(get_contact(conn, contact_id))


def find_contacts(conn: sqlite3.Connection, text: str, limit: int = 20) -> list[dict[str, Any]]:
    """Contacts matching a search, as plain dicts, best first (for a picker)."""
    found = list_contacts(conn, ContactQuery(search=text), limit=limit)
    return [contact_as_dict(contact) for contact in found]


def describe_contact(contact: dict[str, Any]) -> str:
    """ "Alex Kim · CTO at Acme": how a picker shows a contact on one line."""
    name = str(contact.get("full_name") or "Unnamed contact")
    position, company = contact.get("position") or "", contact.get("company") or ""
    role = f"{position} at {company}" if position and company else position or company
    return f"{name} · {role}" if role else name


def sent_summary(message: RenderedMessage, title: str = "") -> str:
    """One line for the timeline: which template, and how the message began."""
    lines = [line.strip() for line in message.body.splitlines() if line.strip()]
    # "Hi Alex," says nothing on a timeline; the sentence after it does.
    if len(lines) > 1 and lines[0].endswith(",") and len(lines[0]) <= 60:
        lines = lines[1:]
    opening = message.subject or (lines[0] if lines else "")
    if len(opening) > _SUMMARY_CHARS:
        opening = opening[: _SUMMARY_CHARS - 1].rstrip() + "…"
    label = title or message.template
    return f"Sent “{label}”: {opening}" if opening else f"Sent “{label}”"


def record_sent(
    conn: sqlite3.Connection,
    contact_id: int,
    message: RenderedMessage,
    title: str = "",
    sent_on: date | None = None,
) -> NextStep | None:
    """Log the message on the contact and schedule its follow-up; returns that follow-up."""
    day = sent_on or date.today()
    step = next_follow_up(message.template, day)
    with transaction(conn):
        log_interaction(
            conn, contact_id, INTERACTION_KIND[message.channel], sent_summary(message, title), day
        )
        if step is not None:
            add_follow_up(conn, contact_id, step.due, step.note)
    return step


# The message that writes the follow-up after a message about an application.
_NEXT_TEMPLATE = {"referral_request": "follow_up_no_reply"}


@dataclass
class ApplicationSent:
    """What marking an application's message sent did."""

    step: NextStep | None
    """The follow-up scheduled after it, if any."""
    done_follow_up_id: int | None
    """The follow-up the message answered, now done."""


def prompting_follow_up(
    conn: sqlite3.Connection, application_id: int, template: str, contact_id: int | None
) -> int | None:
    """The open follow-up of the application that this message answers, if there is one.

    It is the soonest one written by the same template, to this person, else to nobody named
    (a thank-you "to your interviewers").
    """
    candidates = [
        f for f in open_for_application(conn, application_id) if message_template(f) == template
    ]
    for wanted in (contact_id, None):
        found = next((f.id for f in candidates if f.contact_id == wanted), None)
        if found is not None:
            return found
    return None


def record_sent_for_application(
    conn: sqlite3.Connection,
    application_id: int,
    contact_id: int | None,
    message: RenderedMessage,
    *,
    title: str = "",
    sent_on: date | None = None,
    follow_up_id: int | None = None,
) -> ApplicationSent:
    """Log a message about an application as sent, all of it or none of it.

    It goes on the contact's timeline (when there is a contact) and the application's; the
    follow-up it answers (``follow_up_id``, else the one :func:`prompting_follow_up` finds) is
    marked done; the next follow-up from the cadence is set when no other one is open.
    """
    day = sent_on or date.today()
    summary = sent_summary(message, title)
    get_application(conn, application_id)
    if follow_up_id is not None and get_follow_up(conn, follow_up_id).application_id not in (
        application_id,
        None,
    ):
        raise InputError(f"Follow-up #{follow_up_id} belongs to another application.")
    with transaction(conn):
        if follow_up_id is None:
            follow_up_id = prompting_follow_up(conn, application_id, message.template, contact_id)
        if contact_id is not None:
            log_interaction(conn, contact_id, INTERACTION_KIND[message.channel], summary, day)
        add_event(conn, application_id, day.isoformat(), "note", note=summary)
        if follow_up_id is not None:
            mark_done(conn, follow_up_id)
        step = None
        if not open_for_application(conn, application_id):
            step = next_follow_up(message.template, day)
            if step is not None:
                add_follow_up(
                    conn,
                    contact_id,
                    step.due,
                    step.note,
                    application_id=application_id,
                    template=_NEXT_TEMPLATE.get(message.template, "follow_up_application"),
                )
    return ApplicationSent(step, follow_up_id)
