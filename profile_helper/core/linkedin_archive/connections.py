"""``Connections.csv`` through the contacts import, inside the export's one transaction."""

from __future__ import annotations

import html
import sqlite3
from dataclasses import fields

from profile_helper.core.contacts.importer import ImportReport, apply_import
from profile_helper.core.contacts.linkedin import parse_connections
from profile_helper.core.contacts.models import ContactDraft
from profile_helper.core.contacts.store import COLUMNS
from profile_helper.core.contacts.textfile import decode_text
from profile_helper.core.linkedin_archive.importing import Importing
from profile_helper.core.linkedin_archive.report import FileReport
from profile_helper.core.linkedin_archive.source import Source

_TEXT_FIELDS = ("first_name", "last_name", "company", "position")
# What a person's row holds, without the time it was last written.
_CONTENT = ", ".join(c for c in COLUMNS.split(", ") if c != "updated_at")


def _unescape(draft: ContactDraft) -> None:
    """HTML entities (``Acme &amp; Co``), as the export's other files are read."""
    for name in _TEXT_FIELDS:
        value = getattr(draft, name)
        if "&" in value:
            setattr(draft, name, html.unescape(value))


def _fingerprints(conn: sqlite3.Connection) -> dict[int, int]:
    return {
        row[0]: hash(tuple(row[1:])) for row in conn.execute(f"SELECT id, {_CONTENT} FROM contacts")
    }


def _changed_count(conn: sqlite3.Connection, before: dict[int, int]) -> int:
    after = _fingerprints(conn)
    return sum(1 for cid, fingerprint in before.items() if after.get(cid) != fingerprint)


def import_connections(job: Importing, source: Source, name: str, report: FileReport) -> None:
    # The contacts import reads its file whole; a connections file is a few MB at most.
    text, notes = decode_text(source.read_bytes(name), name)
    parsed = parse_connections(text)
    del text
    for _line, draft in parsed.rows:
        _unescape(draft)
    parsed.notes += notes
    # The contacts import counts every person it matched as updated; when it does not say which
    # were unchanged, the stored rows are compared before and after.
    counts_unchanged = "unchanged" in {f.name for f in fields(ImportReport)}
    before = None if counts_unchanged else _fingerprints(job.conn)
    # apply_import's transaction joins the export's: a later refusal takes this back too.
    # Its progress counts each row twice (matched, then written): rows done are half of it.
    result = apply_import(
        job.conn, parsed, progress=lambda done, _total: job.check(name, done // 2)
    )
    job.contacts_changed()
    report.added, report.updated = result.added, result.updated
    if before is None:
        report.unchanged = int(getattr(result, "unchanged", 0))
    else:
        report.updated = _changed_count(job.conn, before) if before else 0
        report.unchanged = result.updated - report.updated
    report.skips.extend(result.errors)
    report.notes.extend(result.notes)
