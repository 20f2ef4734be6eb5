"""Importing contacts all-or-nothing, matching people already stored.

A file is read completely before anything is written; then one transaction adds new contacts and
updates known ones (identity: normalised profile URL, then email, then name + company). A file
that cannot be read raises before the transaction; a cancel or crash mid-way leaves the database
as it was.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from profile_helper.core.contacts.bulk import collector_paused, indexes_deferred, larger_page_cache
from profile_helper.core.contacts.csv_io import read_csv
from profile_helper.core.contacts.identity import IdentityIndex, email_key, name_key, normalize_url
from profile_helper.core.contacts.linkedin import looks_like_connections, read_connections
from profile_helper.core.contacts.merge import apply_updates, fill
from profile_helper.core.contacts.models import ContactDraft, ParseResult, RowError
from profile_helper.core.contacts.store import (
    BARE_COLUMNS,
    COLUMNS,
    bare_row_values,
    clean_tags,
    is_bare,
    remember_statuses,
    row_values,
)
from profile_helper.core.contacts.textfile import decode, read_bytes
from profile_helper.core.contacts.vcard import read_vcards
from profile_helper.core.dates import now_iso
from profile_helper.core.errors import InputError
from profile_helper.core.storage.database import transaction

FORMATS = ("auto", "linkedin", "csv", "vcard")

ProgressFn = Callable[[int, int], None]
"""Called as ``(done, total)`` while importing; it may raise to cancel (nothing is written)."""


@dataclass
class ImportReport:
    added: int = 0
    updated: int = 0
    skipped: int = 0
    errors: list[RowError] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "added": self.added,
            "updated": self.updated,
            "skipped": self.skipped,
            "errors": [{"line": e.line, "reason": e.reason} for e in self.errors],
        }


def detect_format(path: Path) -> str:
    """``linkedin``, ``csv`` or ``vcard``, from the file's name and then its first bytes."""
    suffix = path.suffix.casefold()
    if suffix == ".zip":
        return "linkedin"
    if suffix in (".vcf", ".vcard"):
        return "vcard"
    head = read_bytes(path)[:8192]
    try:
        text = decode(head, path.name)
    except InputError:
        text = head.decode("utf-8", "replace")
    if "BEGIN:VCARD" in text.upper():
        return "vcard"
    return "linkedin" if looks_like_connections(text) else "csv"


def read_file(path: Path, fmt: str = "auto", mapping: dict[str, str] | None = None) -> ParseResult:
    """Parse an import file; raises :class:`FileReadError` when it cannot be read at all."""
    with collector_paused():
        return _read_file(path, fmt, mapping)


def _read_file(path: Path, fmt: str, mapping: dict[str, str] | None) -> ParseResult:
    if fmt not in FORMATS:
        raise InputError(f"Unknown format {fmt!r}; use one of: {', '.join(FORMATS)}.")
    if fmt == "auto":
        fmt = detect_format(path)
    if fmt == "linkedin":
        return read_connections(path)
    if fmt == "vcard":
        return read_vcards(path)
    return read_csv(path, mapping)


_BARE_WIDTH = len(BARE_COLUMNS.split(", "))
_BARE_SQL = f"INSERT INTO contacts ({BARE_COLUMNS}) VALUES ({', '.join('?' * _BARE_WIDTH)})"
_FULL_WIDTH = len(COLUMNS.split(", ")) + 1
_FULL_SQL = f"INSERT INTO contacts (id, {COLUMNS}) VALUES ({', '.join('?' * _FULL_WIDTH)})"


def _insert_values(
    cid: int, draft: ContactDraft, now: str, keys: tuple[str | None, str] | None
) -> tuple[Any, ...]:
    """The values a new contact is inserted with: :data:`_BARE_SQL`'s when it is bare."""
    if is_bare(draft):
        return bare_row_values(cid, draft, now, keys)
    return (cid, *row_values(draft, now, url_is_normal=True, keys=keys))


def apply_import(
    conn: sqlite3.Connection,
    parsed: ParseResult,
    *,
    dry_run: bool = False,
    progress: ProgressFn | None = None,
) -> ImportReport:
    """Write parsed contacts in one transaction; with ``dry_run`` report only, writing nothing."""
    with collector_paused(), larger_page_cache(conn):
        return _apply_import(conn, parsed, dry_run=dry_run, progress=progress)


def _apply_import(
    conn: sqlite3.Connection,
    parsed: ParseResult,
    *,
    dry_run: bool = False,
    progress: ProgressFn | None = None,
) -> ImportReport:
    """The work of :func:`apply_import`, inside its collector pause and page cache."""
    report = ImportReport(skipped=len(parsed.skipped), errors=list(parsed.skipped))
    # Matching is the first half of the work, writing the second.
    total = 2 * len(parsed.rows)
    now = now_iso()
    insert_tags: list[tuple[int, list[str]]] = []
    updates: dict[int, ContactDraft] = {}
    with transaction(conn):
        index = IdentityIndex(conn)
        next_id = int(conn.execute("SELECT coalesce(max(id), 0) FROM contacts").fetchone()[0])
        pending: dict[int, ContactDraft] = {}
        # The values each new contact is inserted with, built as soon as it is matched (with the
        # identity keys just computed); a contact completed by a later row is built again.
        values: dict[int, tuple[Any, ...]] = {}
        completed: set[int] = set()
        find, remember = index.find, index.remember
        errors = report.errors
        for done, (line, draft) in enumerate(parsed.rows, start=1):
            if progress is not None and done % 1000 == 0:
                progress(done, total)
            if draft.tags:
                draft.tags = clean_tags(draft.tags)
            url = draft.url
            if url:
                url = normalize_url(url)
                if url is None:
                    errors.append(RowError(line, f"not a web address: {draft.url}"))
                    report.skipped += 1
                    continue
                draft.url = url
            emails = draft.emails
            if emails:
                first_mail = email_key(emails[0])
                if len(emails) > 1:
                    mails = [k for k in map(email_key, emails) if k]
                else:
                    mails = [first_mail] if first_mail else []
            else:
                first_mail, mails = None, []
            key = name_key(draft.first_name, draft.last_name, draft.company)
            found = find(url, mails, key)
            if found is None:
                next_id += 1
                pending[next_id] = draft
                values[next_id] = _insert_values(next_id, draft, now, (first_mail, key))
                if draft.tags:
                    insert_tags.append((next_id, draft.tags))
                remember(next_id, url, mails, key)
            elif found in pending or found in updates:
                # The same person twice in one file: the later row completes the earlier one.
                fill(pending.get(found) or updates[found], draft)
                if found in pending:
                    completed.add(found)
                report.skipped += 1
                errors.append(RowError(line, "repeats a person from an earlier line"))
            else:
                updates[found] = draft
                remember(found, url, mails, key)
        report.added, report.updated = len(pending), len(updates)
        for cid in completed:
            values[cid] = _insert_values(cid, pending[cid], now, None)
        # Runs of rows for one statement each, in id order: bare contacts bind fewer values.
        runs: list[tuple[str, list[tuple[Any, ...]]]] = []
        run: list[tuple[Any, ...]] = []
        run_width = 0
        for row in values.values():
            if len(row) != run_width:
                run_width, run = len(row), []
                runs.append((_BARE_SQL if run_width == _BARE_WIDTH else _FULL_SQL, run))
            run.append(row)
        del values
        written = len(parsed.rows) - len(pending)
        with indexes_deferred(conn, "contacts", len(pending)):
            for sql, rows in runs:
                for start in range(0, len(rows), 2000):
                    chunk = rows[start : start + 2000]
                    conn.executemany(sql, chunk)
                    written += len(chunk)
                    if progress is not None:
                        progress(len(parsed.rows) + written, total)
        conn.executemany(
            "INSERT OR IGNORE INTO contact_tags(contact_id, tag) VALUES (?, ?)",
            [(cid, tag) for cid, tags in insert_tags for tag in tags],
        )
        apply_updates(conn, updates, now)
        remember_statuses(conn, {d.status for d in [*pending.values(), *updates.values()]})
        if progress is not None:
            progress(total, total)
        if dry_run:
            conn.rollback()
    return report


def import_file(
    conn: sqlite3.Connection,
    path: Path,
    fmt: str = "auto",
    *,
    mapping: dict[str, str] | None = None,
    dry_run: bool = False,
    progress: ProgressFn | None = None,
) -> ImportReport:
    """Read ``path`` and import it all-or-nothing; see :func:`apply_import`."""
    # One pause over both halves, ended only once the parsed rows are freed: re-enabled in
    # between, the collector would first scan every object the reading made.
    with collector_paused():
        parsed = read_file(path, fmt, mapping)
        report = apply_import(conn, parsed, dry_run=dry_run, progress=progress)
        del parsed
    return report
