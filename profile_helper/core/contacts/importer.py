"""Importing contacts all-or-nothing, matching people already stored.

A file is read completely before anything is written; then one transaction adds new contacts and
updates known ones (identity: normalised profile URL, then email, then name + company). A file
that cannot be read raises before the transaction; a cancel or crash mid-way leaves the database
as it was.
"""

from __future__ import annotations

import gc
import json
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from profile_helper.core.contacts.identity import email_key, name_key, normalize_url
from profile_helper.core.contacts.merge import apply_updates, fill
from profile_helper.core.contacts.models import ContactDraft, ParseResult, RowError
from profile_helper.core.contacts.store import (
    COLUMNS,
    clean_tags,
    now_iso,
    remember_statuses,
    row_values,
)
from profile_helper.core.db import transaction
from profile_helper.core.errors import InputError

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
    from profile_helper.core.contacts.linkedin import looks_like_connections
    from profile_helper.core.contacts.textfile import decode, read_bytes

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
    with _collector_paused():
        return _read_file(path, fmt, mapping)


def _read_file(path: Path, fmt: str, mapping: dict[str, str] | None) -> ParseResult:
    if fmt not in FORMATS:
        raise InputError(f"Unknown format {fmt!r}; use one of: {', '.join(FORMATS)}.")
    if fmt == "auto":
        fmt = detect_format(path)
    if fmt == "linkedin":
        from profile_helper.core.contacts.linkedin import read_connections

        return read_connections(path)
    if fmt == "vcard":
        from profile_helper.core.contacts.vcard import read_vcards

        return read_vcards(path)
    from profile_helper.core.contacts.csv_io import read_csv

    return read_csv(path, mapping)


class _Index:
    """The identities of every stored contact, loaded once per import."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.by_url: dict[str, int] = {}
        self.by_email: dict[str, int] = {}
        self.by_name: dict[str, int] = {}
        self.url_of: dict[int, str] = {}
        rows = conn.execute("SELECT id, url, email_key, name_key, emails FROM contacts")
        for cid, url, mail, name, emails in rows:
            if url:
                self.by_url[url] = cid
                self.url_of[cid] = url
            if mail:
                self.by_email.setdefault(mail, cid)
                if emails.count(",") > 0:
                    # Later addresses in the list identify the person too.
                    for other in json.loads(emails)[1:]:
                        key = email_key(other)
                        if key:
                            self.by_email.setdefault(key, cid)
            if name:
                self.by_name.setdefault(name, cid)

    def find(self, url: str | None, mails: list[str], key: str) -> int | None:
        """The stored contact with this (normalised) URL, else email, else name key."""
        if url and url in self.by_url:
            return self.by_url[url]
        for mail in mails:
            if mail in self.by_email:
                found = self.by_email[mail]
                return None if url and self._has_other_url(found, url) else found
        if key and key in self.by_name:
            found = self.by_name[key]
            # Two people of the same name at one firm with different profiles stay two.
            return None if url and self._has_other_url(found, url) else found
        return None

    def _has_other_url(self, contact_id: int, url: str) -> bool:
        own = self.url_of.get(contact_id)
        return own is not None and own != url

    def remember(self, cid: int, url: str | None, mails: list[str], key: str) -> None:
        if url:
            self.by_url[url] = cid
            self.url_of.setdefault(cid, url)
        for mail in mails:
            self.by_email.setdefault(mail, cid)
        if key:
            self.by_name.setdefault(key, cid)


def apply_import(
    conn: sqlite3.Connection,
    parsed: ParseResult,
    *,
    dry_run: bool = False,
    progress: ProgressFn | None = None,
) -> ImportReport:
    """Write parsed contacts in one transaction; with ``dry_run`` report only, writing nothing."""
    with _collector_paused(), _larger_page_cache(conn):
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
    inserts: list[tuple[Any, ...]] = []
    insert_tags: list[tuple[int, list[str]]] = []
    updates: dict[int, ContactDraft] = {}
    with transaction(conn):
        index = _Index(conn)
        next_id = int(conn.execute("SELECT coalesce(max(id), 0) FROM contacts").fetchone()[0])
        pending: dict[int, ContactDraft] = {}
        for done, (line, draft) in enumerate(parsed.rows, start=1):
            if progress is not None and done % 1000 == 0:
                progress(done, total)
            if draft.tags:
                draft.tags = clean_tags(draft.tags)
            url = None
            if draft.url:
                url = normalize_url(draft.url)
                if url is None:
                    report.errors.append(RowError(line, f"not a web address: {draft.url}"))
                    report.skipped += 1
                    continue
                draft.url = url
            mails = [k for k in map(email_key, draft.emails) if k] if draft.emails else []
            key = name_key(draft.first_name, draft.last_name, draft.company)
            found = index.find(url, mails, key)
            if found is None:
                next_id += 1
                pending[next_id] = draft
                index.remember(next_id, url, mails, key)
                report.added += 1
            elif found in pending or found in updates:
                # The same person twice in one file: the later row completes the earlier one.
                fill(pending.get(found) or updates[found], draft)
                report.skipped += 1
                report.errors.append(RowError(line, "repeats a person from an earlier line"))
            else:
                updates[found] = draft
                index.remember(found, url, mails, key)
                report.updated += 1
        for cid, draft in pending.items():
            inserts.append((cid, *row_values(draft, now, url_is_normal=True)))
            if draft.tags:
                insert_tags.append((cid, draft.tags))
        marks = ", ".join("?" * (len(COLUMNS.split(", ")) + 1))
        written = len(parsed.rows) - len(inserts)
        for start in range(0, len(inserts), 2000):
            chunk = inserts[start : start + 2000]
            conn.executemany(f"INSERT INTO contacts (id, {COLUMNS}) VALUES ({marks})", chunk)
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
    return apply_import(conn, read_file(path, fmt, mapping), dry_run=dry_run, progress=progress)


IMPORT_CACHE_KIB = 64 * 1024


@contextmanager
def _larger_page_cache(conn: sqlite3.Connection) -> Iterator[None]:
    """Let SQLite keep up to 64 MB of pages while a large import fills the indexes.

    With the default 2 MB, inserting 30,000 rows in profile-URL order evicts index pages over and
    over; the cache only grows as far as it is used, and is set back afterwards.
    """
    before = int(conn.execute("PRAGMA cache_size").fetchone()[0])
    conn.execute(f"PRAGMA cache_size = -{IMPORT_CACHE_KIB}")
    try:
        yield
    finally:
        conn.execute(f"PRAGMA cache_size = {before}")


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector while tens of thousands of rows are built.

    The rows hold no reference cycles, and without the pause the collector rescans them again
    and again as they accumulate, which doubles the time of a large import.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
