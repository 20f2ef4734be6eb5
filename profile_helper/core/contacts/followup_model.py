"""A follow-up as plain data: what is due, when, for whom, and of which application.

Its own module, apart from the contact's models: the Today page shows follow-ups on the window's
first frame, and loads this without the rest.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class FollowUp:
    id: int
    contact_id: int | None
    due: str
    reason: str
    done_at: str | None
    created_at: str
    kind: str = "manual"
    contact_name: str = ""
    # Set on the follow-ups an application's events create (see core.applications.events).
    application_id: int | None = None
    template: str | None = None
    application_company: str = ""
    application_role: str = ""
