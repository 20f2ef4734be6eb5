"""Writing contacts (CSV, vCard) and follow-ups (iCalendar) to files, replaced atomically."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from profile_helper.core.contacts.csv_io import write_csv
from profile_helper.core.contacts.followups import due_follow_ups
from profile_helper.core.contacts.ical import write_calendar
from profile_helper.core.contacts.models import Contact, contact_as_dict
from profile_helper.core.contacts.query import ContactQuery, list_contacts
from profile_helper.core.contacts.store import get_contacts
from profile_helper.core.contacts.vcard import write_vcards
from profile_helper.core.errors import InputError
from profile_helper.core.files import PRIVATE_MODE, write_bytes_atomic

EXPORT_FORMATS = ("csv", "vcard")


def export_format_for(path: Path, to: str | None) -> str:
    """The format named by ``--to``, else the file's extension (``.vcf`` is vCard, else CSV)."""
    if to is not None:
        if to not in EXPORT_FORMATS:
            raise InputError(f"Unknown export format {to!r}; use csv or vcard.")
        return to
    return "vcard" if path.suffix.casefold() in (".vcf", ".vcard") else "csv"


def _save(path: Path, data: bytes) -> None:
    """Write an export whole or not at all; a failure is a message the person can act on."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Other people's names and addresses: readable by the person only, as before.
        write_bytes_atomic(path, data, mode=PRIVATE_MODE)
    except OSError as exc:
        raise InputError(f"Cannot write {path}: {exc.strerror or exc}.") from None


def render_contacts(contacts: Sequence[Contact], fmt: str) -> bytes:
    if fmt == "vcard":
        return write_vcards(contacts).encode("utf-8")
    # A BOM so that Excel opens UTF-8 names correctly; our reader skips it.
    return ("\ufeff" + write_csv(contact_as_dict(c) for c in contacts)).encode("utf-8")


def export_contacts(
    conn: sqlite3.Connection,
    path: Path,
    to: str | None = None,
    *,
    query: ContactQuery | None = None,
    ids: Sequence[int] | None = None,
) -> int:
    """Write the chosen contacts (``ids``, else all matching ``query``); returns how many."""
    fmt = export_format_for(path, to)
    contacts = get_contacts(conn, ids) if ids is not None else list_contacts(conn, query)
    _save(path, render_contacts(contacts, fmt))
    return len(contacts)


def export_follow_ups(conn: sqlite3.Connection, path: Path, until: date | None = None) -> int:
    """Write open follow-ups (due by ``until`` when given) as an ``.ics``; returns how many."""
    follow_ups = due_follow_ups(conn, until)
    _save(path, write_calendar(follow_ups))
    return len(follow_ups)
