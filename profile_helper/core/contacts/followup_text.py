"""How a follow-up reads in lists and calendars, and which message template writes it.

A contact's follow-up is headed by the person ("Ana García"); one an application's events set
says what to do and for which application ("Thank-you to Mira Okafor — Data Engineer at
Nordlicht"), so that the Today page, ``followups list`` and the calendar agree.
"""

from __future__ import annotations

from profile_helper.core.applications.follow_up_kinds import (
    KIND_APPLICATION_FOLLOW_UP,
    KIND_FEEDBACK,
    KIND_GHOSTED,
    KIND_THANK_YOU,
)
from profile_helper.core.contacts.followup_model import FollowUp

# The message a chase after applying calls for; thank-yous and feedback requests carry theirs.
CHASE_TEMPLATE = "follow_up_application"

# (with a person, without one) for each template or kind an application's follow-ups have.
_BY_TEMPLATE = {
    "thank_you_interview": ("Thank-you to {name}", "Thank-you to your interviewers"),
    "feedback_request": ("Feedback request to {name}", "Ask for feedback"),
    "follow_up_application": ("Follow up with {name}", "Follow up on your application"),
    "follow_up_no_reply": ("Follow up with {name}", "Follow up on your application"),
}
_BY_KIND = {
    KIND_THANK_YOU: _BY_TEMPLATE["thank_you_interview"],
    KIND_FEEDBACK: _BY_TEMPLATE["feedback_request"],
    KIND_APPLICATION_FOLLOW_UP: _BY_TEMPLATE["follow_up_application"],
    KIND_GHOSTED: ("No answer yet from {name}", "No answer in three weeks"),
}


def application_label(follow_up: FollowUp) -> str:
    """ "Data Engineer at Nordlicht", or ``""`` for a follow-up of no application."""
    if follow_up.application_id is None:
        return ""
    role, company = follow_up.application_role, follow_up.application_company
    if role and company:
        return f"{role} at {company}"
    return role or company or f"Application #{follow_up.application_id}"


def headline(follow_up: FollowUp) -> str:
    """The first line of a follow-up: the person, or what to do and for which application."""
    if follow_up.application_id is None:
        return follow_up.contact_name or "General follow-up"
    name = follow_up.contact_name
    pair = _BY_TEMPLATE.get(follow_up.template or "") or _BY_KIND.get(follow_up.kind)
    if pair is None:
        head = name or "Application follow-up"
    else:
        head = pair[0].format(name=name) if name else pair[1]
    return f"{head} — {application_label(follow_up)}"


def detail(follow_up: FollowUp) -> str:
    """The second line: the reason, without the application the headline already names."""
    if follow_up.application_id is not None and follow_up.kind == KIND_GHOSTED:
        # The headline already says three weeks went by; what is left is the decision.
        return "Mark it as ghosted, or follow up once more?"
    label = application_label(follow_up)
    suffix = f": {label}"
    if label and follow_up.reason.endswith(suffix) and len(follow_up.reason) > len(suffix):
        return follow_up.reason[: -len(suffix)]
    return follow_up.reason


def message_template(follow_up: FollowUp) -> str | None:
    """The template that writes this follow-up's message, or ``None`` when it needs none.

    The suggestion to mark an application ghosted is a decision, not a message.
    """
    if follow_up.template:
        return follow_up.template
    if follow_up.application_id is not None and follow_up.kind == KIND_APPLICATION_FOLLOW_UP:
        return CHASE_TEMPLATE
    return None
