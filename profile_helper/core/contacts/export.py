"""Writing contacts (CSV, vCard) and follow-ups (iCalendar) to files, replaced atomically."""

from __future__ import annotations

import os
import sqlite3
import tempfile
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from profile_helper.core.contacts.models import Contact, contact_as_dict
from profile_helper.core.contacts.query import ContactQuery, list_contacts
from profile_helper.core.contacts.store import get_contacts
from profile_helper.core.errors import InputError

EXPORT_FORMATS = ("csv", "vcard")


def export_format_for(path: Path, to: str | None) -> str:
    """The format named by ``--to``, else the file's extension (``.vcf`` is vCard, else CSV)."""
    if to is not None:
        if to not in EXPORT_FORMATS:
            raise InputError(f"Unknown export format {to!r}; use csv or vcard.")
        return to
    return "vcard" if path.suffix.casefold() in (".vcf", ".vcard") else "csv"


def write_atomically(path: Path, data: bytes) -> None:
    """Write to a temporary file beside ``path`` and rename it over: never half a file."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            Path(tmp).replace(path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise InputError(f"Cannot write {path}: {exc.strerror or exc}.") from None


def render_contacts(contacts: Sequence[Contact], fmt: str) -> bytes:
    if fmt == "vcard":
        from profile_helper.core.contacts.vcard import write_vcards

        return write_vcards(contacts).encode("utf-8")
    from profile_helper.core.contacts.csv_io import write_csv

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
    write_atomically(path, render_contacts(contacts, fmt))
    return len(contacts)


def export_follow_ups(conn: sqlite3.Connection, path: Path, until: date | None = None) -> int:
    """Write open follow-ups (due by ``until`` when given) as an ``.ics``; returns how many."""
    from profile_helper.core.contacts.followups import due_follow_ups
    from profile_helper.core.contacts.ical import write_calendar

    follow_ups = due_follow_ups(conn, until)
    write_atomically(path, write_calendar(follow_ups))
    return len(follow_ups)
