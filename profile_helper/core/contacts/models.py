"""The contact and its parts as plain data, shared by the store, the importers and the exporters."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

STATUSES: tuple[str, ...] = ("to contact", "requested", "connected", "talking", "met", "advocate")
"""The default statuses; the person may add their own (setting ``contacts.statuses``)."""

TIERS: dict[int, str] = {1: "Close", 2: "Regular", 3: "Acquaintance"}
"""Relationship tiers, closest first."""

INTERACTION_KINDS: tuple[str, ...] = (
    "connection request",
    "message",
    "email",
    "call",
    "meeting",
    "note",
)


@dataclass
class Website:
    """A web address with the label it was given (``Portfolio``, ``GitHub``...)."""

    url: str
    label: str = ""


@dataclass
class ContactDraft:
    """A contact's fields as given by a person or read from a file, before it has an id."""

    first_name: str = ""
    last_name: str = ""
    position: str = ""
    company: str = ""
    location: str = ""
    emails: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    websites: list[Website] = field(default_factory=list)
    url: str | None = None
    notes: str = ""
    how_met: str = ""
    tier: int | None = None
    status: str | None = None
    connected_on: str | None = None
    source: str = "manual"
    tags: list[str] = field(default_factory=list)
    cadence_days: int | None = None

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.first_name, self.last_name) if p)


@dataclass
class Contact(ContactDraft):
    """A stored contact."""

    id: int = 0
    status: str | None = "to contact"
    last_interaction: str | None = None
    next_follow_up: str | None = None
    created_at: str = ""
    updated_at: str = ""


@dataclass
class Interaction:
    id: int
    contact_id: int
    kind: str
    occurred_on: str
    summary: str
    created_at: str


def contact_as_dict(contact: ContactDraft) -> dict[str, Any]:
    """A plain dict of the contact, for templates, JSON output and anything else outside the store.

    ``url`` is the LinkedIn profile; ``email`` is the first address or ``""``.
    """
    data: dict[str, Any] = {
        "id": getattr(contact, "id", None),
        "first_name": contact.first_name,
        "last_name": contact.last_name,
        "full_name": contact.full_name,
        "company": contact.company,
        "position": contact.position,
        "location": contact.location,
        "emails": list(contact.emails),
        "email": contact.emails[0] if contact.emails else "",
        "phones": list(contact.phones),
        "url": contact.url,
        "websites": [{"label": w.label, "url": w.url} for w in contact.websites],
        "tags": list(contact.tags),
        "status": contact.status,
        "tier": contact.tier,
        "how_met": contact.how_met,
        "notes": contact.notes,
        "connected_on": contact.connected_on,
        "source": contact.source,
        "cadence_days": contact.cadence_days,
        "last_interaction": getattr(contact, "last_interaction", None),
        "next_follow_up": getattr(contact, "next_follow_up", None),
    }
    return data


@dataclass
class RowError:
    """A row that was not imported: its line in the file and why."""

    line: int
    reason: str


@dataclass
class ParseResult:
    """What a reader made of a file: contacts with the line each starts on, and skipped rows."""

    rows: list[tuple[int, ContactDraft]] = field(default_factory=list)
    skipped: list[RowError] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    """What reading changed in the file as a whole (NUL characters dropped, say)."""


@dataclass
class ParsedStream:
    """A file being read: its contacts come as they are read, never all held at once.

    ``skipped`` and ``notes`` fill as the rows pass; read them once ``rows`` is used up.
    """

    rows: Iterator[tuple[int, ContactDraft]]
    skipped: list[RowError] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    expected: int = 0
    """About how many rows are coming (from the file's size), to plan the writing by."""
