"""Importing contacts all-or-nothing, matching people already stored.

One transaction adds new contacts and updates known ones (identity: normalised profile URL, then
email, then name + company). The file is read as it is written, in batches of rows, so memory
holds a batch and the identity keys, never the whole file; a file that turns out broken half-way,
a cancel or a crash mid-way rolls everything back and leaves the database as it was. A large
import builds the indexes and the search index once at the end, inside the same transaction.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from functools import partial
from itertools import islice
from pathlib import Path
from typing import Any

from profile_helper.core.collector import collector_paused
from profile_helper.core.contacts.bulk import (
    indexes_deferred,
    larger_page_cache,
    search_index_deferred,
)
from profile_helper.core.contacts.csv_io import read_csv, stream_csv
from profile_helper.core.contacts.identity import IdentityIndex, email_key, name_key, normalize_url
from profile_helper.core.contacts.linkedin import (
    looks_like_connections,
    read_connections,
    stream_connections,
)
from profile_helper.core.contacts.merge import apply_updates, fill
from profile_helper.core.contacts.models import ContactDraft, ParsedStream, ParseResult, RowError
from profile_helper.core.contacts.store import (
    BARE_COLUMNS,
    COLUMNS,
    bare_row_values,
    clean_tags,
    is_bare,
    remember_statuses,
    row_values,
)
from profile_helper.core.contacts.textfile import check_regular, decode, read_head
from profile_helper.core.contacts.vcard import read_vcards, stream_vcards
from profile_helper.core.dates import now_iso
from profile_helper.core.errors import InputError
from profile_helper.core.storage.transaction import transaction

FORMATS = ("auto", "linkedin", "csv", "vcard")

ProgressFn = Callable[[int, int], None]
"""Called as ``(done, total)`` while importing; it may raise to cancel (nothing is written)."""


@dataclass
class ImportReport:
    added: int = 0
    updated: int = 0
    """People already here whom the file changed."""
    unchanged: int = 0
    """People already here of whom the file says nothing new (a re-import: all of them)."""
    skipped: int = 0
    errors: list[RowError] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    """What reading changed in the file as a whole, said once (not per row)."""

    def as_dict(self) -> dict[str, Any]:
        return {
            "added": self.added,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "skipped": self.skipped,
            "errors": [{"line": e.line, "reason": e.reason} for e in self.errors],
            "notes": list(self.notes),
        }


def detect_format(path: Path) -> str:
    """``linkedin``, ``csv`` or ``vcard``, from the file's name and then its first bytes."""
    check_regular(path)
    suffix = path.suffix.casefold()
    if suffix == ".zip":
        return "linkedin"
    if suffix in (".vcf", ".vcard"):
        return "vcard"
    head = read_head(path, 8192)
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
    parsed: ParseResult | ParsedStream,
    *,
    dry_run: bool = False,
    progress: ProgressFn | None = None,
) -> ImportReport:
    """Write parsed contacts in one transaction; with ``dry_run`` report only, writing nothing."""
    with collector_paused(), larger_page_cache(conn):
        return _apply_import(conn, parsed, dry_run=dry_run, progress=progress)


@dataclass
class _Plan:
    """What an import will write, worked out row by row before anything is written."""

    now: str
    last_id: int
    """The highest contact id so far: new contacts are numbered after it, in file order."""
    base_id: int = 0
    """The highest id before this import: every id above it is a contact this file added."""
    pending: dict[int, ContactDraft] = field(default_factory=dict)
    """New contacts by the id each will have."""
    updates: dict[int, ContactDraft] = field(default_factory=dict)
    """Stored contacts by id, with what the file says of them."""
    values: dict[int, tuple[Any, ...]] = field(default_factory=dict)
    """The values each new contact is inserted with, built as soon as it is matched (with the
    identity keys just computed); a contact completed by a later row is built again."""
    completed: set[int] = field(default_factory=set)
    tags: list[tuple[int, list[str]]] = field(default_factory=list)
    repeats: dict[int, ContactDraft] = field(default_factory=dict)
    """People met in an earlier batch of this file, met again: merged, counted as skipped."""

    def add(self, draft: ContactDraft, keys: tuple[str | None, str]) -> int:
        self.last_id += 1
        cid = self.last_id
        self.pending[cid] = draft
        self.values[cid] = _insert_values(cid, draft, self.now, keys)
        if draft.tags:
            self.tags.append((cid, draft.tags))
        return cid

    def has(self, cid: int) -> bool:
        """Whether ``cid`` was already met in this file (new or stored)."""
        return cid in self.pending or cid in self.updates

    def complete(self, cid: int, draft: ContactDraft) -> None:
        """The same person twice in one file: the later row completes the earlier one."""
        fill(self.pending.get(cid) or self.updates[cid], draft)
        if cid in self.pending:
            self.completed.add(cid)

    def insert_runs(self) -> list[tuple[str, list[tuple[Any, ...]]]]:
        """Runs of rows for one statement each, in id order: bare contacts bind fewer values."""
        for cid in self.completed:
            self.values[cid] = _insert_values(cid, self.pending[cid], self.now, None)
        runs: list[tuple[str, list[tuple[Any, ...]]]] = []
        run: list[tuple[Any, ...]] = []
        run_width = 0
        for row in self.values.values():
            if len(row) != run_width:
                run_width, run = len(row), []
                runs.append((_BARE_SQL if run_width == _BARE_WIDTH else _FULL_SQL, run))
            run.append(row)
        self.values = {}
        return runs


def _email_keys(emails: list[str]) -> tuple[str | None, list[str]]:
    """The first address's identity key, and the keys of all of them."""
    if not emails:
        return None, []
    first = email_key(emails[0])
    if len(emails) > 1:
        return first, [k for k in map(email_key, emails) if k]
    return first, [first] if first else []


def _plan_row(
    plan: _Plan,
    index: IdentityIndex,
    report: ImportReport,
    met: set[int],
    row: tuple[int, ContactDraft],
) -> None:
    """Match one parsed row: a new contact, an update, a repeat, or a row skipped."""
    line, draft = row
    if draft.tags:
        draft.tags = clean_tags(draft.tags)
    url = draft.url
    if url:
        url = normalize_url(url)
        if url is None:
            report.errors.append(RowError(line, f"not a web address: {draft.url}"))
            report.skipped += 1
            return
        draft.url = url
    first_mail, mails = _email_keys(draft.emails)
    key = name_key(draft.first_name, draft.last_name, draft.company)
    found = index.find(url, mails, key)
    if found is None:
        index.remember(plan.add(draft, (first_mail, key)), url, mails, key)
    elif plan.has(found) or found > plan.base_id or found in met:
        if plan.has(found):
            plan.complete(found, draft)
        elif found in plan.repeats:
            fill(plan.repeats[found], draft)
        else:
            plan.repeats[found] = draft  # written in an earlier batch: merged into it
        report.skipped += 1
        report.errors.append(RowError(line, "repeats a person from an earlier line"))
    else:
        plan.updates[found] = draft
        index.remember(found, url, mails, key)


def _insert_new(conn: sqlite3.Connection, plan: _Plan) -> None:
    """Insert a batch's new contacts and their tags."""
    for sql, values in plan.insert_runs():
        for start in range(0, len(values), 2000):
            conn.executemany(sql, values[start : start + 2000])
    conn.executemany(
        "INSERT OR IGNORE INTO contact_tags(contact_id, tag) VALUES (?, ?)",
        [(cid, tag) for cid, tags in plan.tags for tag in tags],
    )


# Rows are matched and written this many at a time: memory holds one batch of drafts, and the
# identity keys of the whole file (to match a person met again further down).
BATCH_ROWS = 10_000


def _batches(
    rows: Iterable[tuple[int, ContactDraft]], size: int
) -> Iterator[list[tuple[int, ContactDraft]]]:
    remaining = iter(rows)
    while batch := list(islice(remaining, size)):
        yield batch


def _expected_rows(parsed: ParseResult | ParsedStream) -> int:
    if isinstance(parsed, ParseResult):
        return len(parsed.rows)
    return parsed.expected


def _write_batch(
    conn: sqlite3.Connection, plan: _Plan, report: ImportReport, statuses: set[str | None]
) -> None:
    report.added += len(plan.pending)
    _insert_new(conn, plan)
    changed = apply_updates(conn, plan.updates, plan.now)
    report.updated += changed
    report.unchanged += len(plan.updates) - changed
    apply_updates(conn, plan.repeats, plan.now)
    statuses.update(d.status for d in [*plan.pending.values(), *plan.updates.values()])


def _apply_import(
    conn: sqlite3.Connection,
    parsed: ParseResult | ParsedStream,
    *,
    dry_run: bool = False,
    progress: ProgressFn | None = None,
) -> ImportReport:
    """The work of :func:`apply_import`, inside its collector pause and page cache."""
    report = ImportReport()
    expected = _expected_rows(parsed)
    with transaction(conn):
        index = IdentityIndex(conn)
        last_id = int(conn.execute("SELECT coalesce(max(id), 0) FROM contacts").fetchone()[0])
        plan = _Plan(now_iso(), last_id, base_id=last_id)
        met: set[int] = set()
        statuses: set[str | None] = set()
        done = 0
        with (
            indexes_deferred(conn, "contacts", expected),
            search_index_deferred(conn, expected),
        ):
            for batch in _batches(parsed.rows, BATCH_ROWS):
                for count, row in enumerate(batch, start=1):
                    _plan_row(plan, index, report, met, row)
                    if progress is not None and count % 1000 == 0:
                        progress(done + count, max(expected, done + count) + 1)
                _write_batch(conn, plan, report, statuses)
                # New contacts are known by their ids (all above base_id); stored ones by name.
                met.update(plan.updates)
                plan = _Plan(plan.now, plan.last_id, base_id=plan.base_id)
                done += len(batch)
                if progress is not None:
                    progress(done, max(expected, done) + 1)
        remember_statuses(conn, statuses)
        report.skipped += len(parsed.skipped)
        report.errors[:0] = parsed.skipped
        report.errors.sort(key=lambda e: e.line)
        report.notes = list(parsed.notes)
        if progress is not None:
            progress(done + 1, done + 1)
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
    """Read ``path`` row by row and import it all-or-nothing; see :func:`apply_import`.

    A CSV (LinkedIn's or any other) is read as it is written to the database, so memory holds
    a batch of rows and never the file; a file found broken half-way rolls everything back.
    """
    # One pause over both halves, ended only once the parsed rows are freed: re-enabled in
    # between, the collector would first scan every object the reading made.
    with collector_paused(), open_import(path, fmt, mapping) as parsed:
        return apply_import(conn, parsed, dry_run=dry_run, progress=progress)


@contextmanager
def open_import(
    path: Path, fmt: str = "auto", mapping: dict[str, str] | None = None
) -> Iterator[ParsedStream]:
    """The contacts of an import file, read as they are used (see :func:`import_file`)."""
    if fmt not in FORMATS:
        raise InputError(f"Unknown format {fmt!r}; use one of: {', '.join(FORMATS)}.")
    if fmt == "auto":
        fmt = detect_format(path)
    openers: dict[str, Callable[[Path], AbstractContextManager[ParsedStream]]] = {
        "linkedin": stream_connections,
        "vcard": stream_vcards,
        "csv": partial(stream_csv, mapping=mapping),
    }
    opener = openers[fmt]
    with opener(path) as stream:
        # About a hundred bytes a row: enough to decide whether the indexes are rebuilt once.
        stream.expected = path.stat().st_size // 100
        yield stream
