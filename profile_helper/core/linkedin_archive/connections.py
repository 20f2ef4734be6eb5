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
    # apply_import's transaction joins the export's: a later refusal takes this back too.
    # Its progress counts each row twice (matched, then written): rows done are half of it.
    result = apply_import(
        job.conn, parsed, progress=lambda done, _total: job.check(name, done // 2)
    )
    job.contacts_changed()
    report.added, report.updated, report.unchanged = result.added, result.updated, result.unchanged
    report.skips.extend(result.errors)
    report.notes.extend(result.notes)
