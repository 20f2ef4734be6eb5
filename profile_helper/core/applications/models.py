"""An application, the people involved and its timeline, as plain data."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from profile_helper.core.applications.statuses import LABELS

CONTACT_ROLES: tuple[str, ...] = (
    "recruiter",
    "referrer",
    "interviewer",
    "hiring manager",
    "contact",
)


@dataclass
class ApplicationDraft:
    """An application's fields as a person gives them, before it is stored."""

    company: str
    role: str
    url: str = ""
    job_text: str = ""
    source: str = ""
    salary: str = ""
    notes: str = ""


@dataclass
class Involved:
    """A contact involved in an application, in one role."""

    contact_id: int
    role: str
    name: str = ""
    position: str = ""
    company: str = ""


@dataclass
class Event:
    """One entry of an application's timeline."""

    id: int
    application_id: int
    occurred_on: str
    kind: str
    from_status: str | None
    status: str | None
    stage: str | None
    note: str

    def describe(self) -> str:
        """One line a person reads in the timeline."""
        if self.kind == "interview":
            text = "Interview"
        elif self.kind == "note":
            text = "Note"
        elif self.status == "rejected" and self.stage:
            text = f"Rejected at the {self.stage} stage"
        elif self.from_status is None:
            text = f"Added as {LABELS.get(self.status or '', self.status or '').lower()}"
        else:
            text = LABELS.get(self.status or "", self.status or "")
        return f"{text}: {self.note}" if self.note else text


@dataclass
class Application(ApplicationDraft):
    """A stored application."""

    id: int = 0
    status: str = "saved"
    applied_on: str | None = None
    rejected_stage: str | None = None
    interview_on: str | None = None
    created_at: str = ""
    updated_on: str = ""
    contacts: list[Involved] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        """The JSON shape of one application (``applications list --format json``)."""
        return {
            "id": self.id,
            "company": self.company,
            "role": self.role,
            "status": self.status,
            "applied_on": self.applied_on,
            "updated_on": self.updated_on,
            "url": self.url,
            "source": self.source,
            "rejected_stage": self.rejected_stage,
            "interview_on": self.interview_on,
            "salary": self.salary,
            "contacts": [
                {"id": c.contact_id, "role": c.role, "name": c.name} for c in self.contacts
            ],
        }
