"""``Connections.csv`` through the contacts import, inside the export's one transaction."""

from __future__ import annotations

import html

from profile_helper.core.contacts.importer import apply_import
from profile_helper.core.contacts.linkedin import parse_connections
from profile_helper.core.contacts.models import ContactDraft
from profile_helper.core.contacts.textfile import decode_text
from profile_helper.core.linkedin_archive.importing import Importing
from profile_helper.core.linkedin_archive.report import FileReport
from profile_helper.core.linkedin_archive.source import Source

_TEXT_FIELDS = ("first_name", "last_name", "company", "position")


def _unescape(draft: ContactDraft) -> None:
    """HTML entities (``Acme &amp; Co``), as the export's other files are read."""
    for name in _TEXT_FIELDS:
        value = getattr(draft, name)
        if "&" in value:
            setattr(draft, name, html.unescape(value))


def import_connections(job: Importing, source: Source, name: str, report: FileReport) -> None:
    # The contacts import reads its file whole; a connections file is a few MB at most.
    text, notes = decode_text(source.read_bytes(name), name)
    parsed = parse_connections(text)
    del text
    for _line, draft in parsed.rows:
        _unescape(draft)
    parsed.notes += notes
    changes_before = job.conn.total_changes
    # apply_import's transaction joins the export's: a later refusal takes this back too.
    result = apply_import(job.conn, parsed)
    job.contacts_changed()
    report.added, report.updated = result.added, result.updated
    unchanged = getattr(result, "unchanged", None)
    if unchanged is not None:
        report.unchanged = int(unchanged)
    elif result.added == 0 and job.conn.total_changes == changes_before:
        # Every person matched and nothing was written: they were all unchanged.
        report.updated, report.unchanged = 0, result.updated
    report.skips.extend(result.errors)
    report.notes.extend(result.notes)
