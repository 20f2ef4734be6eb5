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
from profile_helper.core.contacts.models import ContactDraft, ParseResult, RowError
from profile_helper.core.contacts.store import (
    COLUMNS,
    clean_tags,
    now_iso,
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
        for cid, url, mail, name in conn.execute(
            "SELECT id, url, email_key, name_key FROM contacts"
        ):
            if url:
                self.by_url[url] = cid
                self.url_of[cid] = url
            if mail:
                self.by_email.setdefault(mail, cid)
            if name:
                self.by_name.setdefault(name, cid)
        # Later emails in the lists identify too.
        for cid, emails in conn.execute("SELECT id, emails FROM contacts WHERE emails != '[]'"):
            for mail in json.loads(emails)[1:]:
                key = email_key(mail)
                if key:
                    self.by_email.setdefault(key, cid)

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


def _merge(old: sqlite3.Row, new: ContactDraft) -> ContactDraft:
    """The stored contact with what the file adds: filled fields win, the person's own stay."""
    from profile_helper.core.contacts.models import Website

    emails = json.loads(old["emails"])
    known = {e.casefold() for e in emails}
    emails += [e for e in new.emails if e.casefold() not in known]
    phones = json.loads(old["phones"])
    phones += [p for p in new.phones if p not in phones]
    sites = [Website(w["url"], w.get("label", "")) for w in json.loads(old["websites"])]
    urls = {w.url for w in sites}
    sites += [w for w in new.websites if w.url not in urls]
    return ContactDraft(
        first_name=new.first_name or old["first_name"],
        last_name=new.last_name or old["last_name"],
        position=new.position or old["position"],
        company=new.company or old["company"],
        location=new.location or old["location"],
        emails=emails,
        phones=phones,
        websites=sites,
        url=new.url or old["url"],
        notes=old["notes"] or new.notes,
        how_met=old["how_met"] or new.how_met,
        tier=old["tier"] if old["tier"] is not None else new.tier,
        # A status the person moved forward is theirs; an import only fills the default.
        status=new.status if old["status"] == "to contact" and new.status else old["status"],
        connected_on=new.connected_on or old["connected_on"],
        source=old["source"],
        tags=new.tags,
        cadence_days=old["cadence_days"],
    )


def apply_import(
    conn: sqlite3.Connection,
    parsed: ParseResult,
    *,
    dry_run: bool = False,
    progress: ProgressFn | None = None,
) -> ImportReport:
    """Write parsed contacts in one transaction; with ``dry_run`` report only, writing nothing."""
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
                _fill(pending.get(found) or updates[found], draft)
                report.skipped += 1
                report.errors.append(RowError(line, "repeats a person from an earlier line"))
            else:
                updates[found] = draft
                index.remember(found, url, mails, key)
                report.updated += 1
        for cid, draft in pending.items():
            inserts.append((cid, *row_values(draft, now)))
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
        _apply_updates(conn, updates, now)
        if progress is not None:
            progress(total, total)
        if dry_run:
            conn.rollback()
            return report
    return report


def _fill(target: ContactDraft, extra: ContactDraft) -> None:
    for name in ("position", "company", "location", "url", "connected_on"):
        if not getattr(target, name) and getattr(extra, name):
            setattr(target, name, getattr(extra, name))
    target.emails += [e for e in extra.emails if e not in target.emails]


def _apply_updates(conn: sqlite3.Connection, updates: dict[int, ContactDraft], now: str) -> int:
    """Merge matched rows into stored contacts; returns how many actually changed."""
    if not updates:
        return 0
    assignments = ", ".join(f"{c} = ?" for c in COLUMNS.split(", "))
    changed = 0
    ids = list(updates)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        rows = conn.execute(f"SELECT * FROM contacts WHERE id IN ({marks})", chunk).fetchall()
        for old in rows:
            merged = _merge(old, updates[old["id"]])
            old_tags = [
                r[0]
                for r in conn.execute(
                    "SELECT tag FROM contact_tags WHERE contact_id = ?", (old["id"],)
                )
            ]
            merged.tags = clean_tags([*old_tags, *merged.tags])
            values = row_values(merged, now, old["created_at"])
            # Unchanged rows are not rewritten, so a re-import does not touch updated_at.
            if _same(old, values):
                continue
            conn.execute(f"UPDATE contacts SET {assignments} WHERE id = ?", (*values, old["id"]))
            conn.executemany(
                "INSERT OR IGNORE INTO contact_tags(contact_id, tag) VALUES (?, ?)",
                [(old["id"], t) for t in merged.tags],
            )
            changed += 1
    return changed


def _same(old: sqlite3.Row, values: tuple[Any, ...]) -> bool:
    names = COLUMNS.split(", ")
    return all(old[n] == v for n, v in zip(names, values, strict=True) if n not in ("updated_at",))


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
    with _collector_paused():
        parsed = read_file(path, fmt, mapping)
        return apply_import(conn, parsed, dry_run=dry_run, progress=progress)


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
