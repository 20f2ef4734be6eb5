"""Representative data for looking at the window: long names, long follow-ups, a full audit.

Long on purpose: a name or a reason as long as real ones get is what shows a layout that cuts.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date, timedelta

from profile_helper.core.applications.events import change_status, new_application
from profile_helper.core.applications.models import ApplicationDraft
from profile_helper.core.contacts.followups import add_follow_up
from profile_helper.core.contacts.interactions import log_interaction
from profile_helper.core.contacts.models import ContactDraft
from profile_helper.core.contacts.store import add_contact
from tests.core.audit.profiles import JOB

LONG_REASON = (
    "Ask how the reorganisation of the regional logistics team went and whether the "
    "warehouse supervisor opening in Rotterdam is still being filled internally"
)


@dataclass(frozen=True)
class Sample:
    contacts: list[int]
    rejected: int
    interviewing: int


def _day(days_ago: int) -> str:
    return (date.today() - timedelta(days=days_ago)).isoformat()


def _contacts(conn: sqlite3.Connection) -> list[int]:
    people = [
        ContactDraft(
            first_name="Maximiliana Alexandra",
            last_name="Konstantinopoulou-Hohenzollern",
            position="Senior Principal Customer Success Operations Manager, EMEA and APAC",
            company="Northwind Analytics International Holdings GmbH & Co. KG",
            location="Frankfurt am Main, Hesse, Germany",
            emails=["maximiliana.konstantinopoulou@northwind-analytics.example.com"],
            tags=["former colleague", "logistics", "mentor"],
            status="talking",
            tier=1,
            notes="Met at the supply-chain conference; happy to introduce me to her team.",
        ),
        ContactDraft(first_name="Ana", last_name="García", company="Contoso", position="Nurse"),
        ContactDraft(first_name="Wei", last_name="Zhang", company="Fabrikam", position="Chef"),
    ]
    ids = [add_contact(conn, draft) for draft in people]
    log_interaction(conn, ids[0], "message", LONG_REASON, _day(3))
    add_follow_up(conn, ids[0], _day(1), LONG_REASON)
    add_follow_up(conn, ids[1], _day(0), "Thank her for the introduction")
    return ids


def fill(conn: sqlite3.Connection) -> Sample:
    """Contacts, a rejected application with long follow-ups, and one in interviews."""
    ids = _contacts(conn)
    rejected = new_application(
        conn,
        ApplicationDraft(
            "Northwind Analytics International Holdings GmbH & Co. KG",
            "Senior Warehouse Operations and Logistics Planning Supervisor (night shift)",
            job_text=JOB,
        ),
        applied_on=_day(20),
        contacts=[(ids[0], "interviewer")],
    )
    change_status(conn, rejected, "interviewing", on=_day(12))
    change_status(conn, rejected, "rejected", on=_day(2))
    add_follow_up(conn, ids[0], _day(0), LONG_REASON, application_id=rejected)
    interviewing = new_application(
        conn, ApplicationDraft("Contoso", "Registered Nurse"), applied_on=_day(6)
    )
    change_status(conn, interviewing, "interviewing", on=_day(1))
    new_application(conn, ApplicationDraft("Fabrikam", "Sous Chef"))
    return Sample(ids, rejected, interviewing)
