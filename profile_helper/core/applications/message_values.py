"""An application as message-template variables: ``job`` and the person to write to.

``message feedback_request --application ID`` and the Write message action use it, so that
the template gets the company, the role and the interviewer without typing them again.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from profile_helper.core.applications.store import get_application
from profile_helper.core.contacts.models import contact_as_dict
from profile_helper.core.contacts.store import get_contact

# Who a message about an application goes to, most fitting first.
ADDRESSEE_ROLES = ("interviewer", "hiring manager", "recruiter", "referrer", "contact")
# The message an application's status calls for: a referral is asked for before applying,
# a thank-you follows an interview, feedback is asked for after a rejection.
TEMPLATE_FOR_STATUS = {
    "saved": "referral_request",
    "applied": "follow_up_application",
    "screening": "follow_up_application",
    "interviewing": "thank_you_interview",
    "offer": "follow_up_application",
    "rejected": "feedback_request",
    "ghosted": "follow_up_no_reply",
}


def application_variables(conn: sqlite3.Connection, application_id: int) -> dict[str, Any]:
    """``{"job": {...}, "contact": {...} | None, "contact_id": int | None, "template": id}``.

    ``job`` has the template fields ``title``, ``company``, ``url``, ``contact_name`` and
    ``stage``; ``contact`` is the interviewer (else the hiring manager, the recruiter...) as
    the contacts store gives it, ready for ``build_context``.
    """
    app = get_application(conn, application_id)
    person = None
    for role in ADDRESSEE_ROLES:
        person = next((p for p in app.contacts if p.role == role), None)
        if person is not None:
            break
    contact = contact_as_dict(get_contact(conn, person.contact_id)) if person else None
    return {
        "job": {
            "title": app.role,
            "company": app.company,
            "url": app.url,
            "contact_name": person.name if person else "",
            "stage": app.rejected_stage or app.status,
        },
        "contact": contact,
        "contact_id": person.contact_id if person else None,
        "template": TEMPLATE_FOR_STATUS.get(app.status, "follow_up_application"),
    }
