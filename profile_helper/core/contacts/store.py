"""Contacts in the database: add, read, update, delete, tag and validate.

Searching and listing live in :mod:`query`; the timeline and follow-ups in their own modules.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any

from profile_helper.core.contacts.followups import reschedule_cadence
from profile_helper.core.contacts.identity import email_key, name_key, normalize_url
from profile_helper.core.contacts.models import STATUSES, Contact, ContactDraft, Website
from profile_helper.core.dates import now_iso
from profile_helper.core.errors import InputError, NotFoundError
from profile_helper.core.settings import get_setting
from profile_helper.core.storage.transaction import transaction

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
TAG_SEPARATOR = "\x1f"

COLUMNS = (
    "first_name, last_name, position, company, location, emails, phones, websites, url, notes, "
    "how_met, tier, status, connected_on, source, cadence_days, created_at, updated_at, "
    "email_key, name_key, search_text, sort_key"
)
_PLACEHOLDERS = ", ".join("?" * len(COLUMNS.split(", ")))

SELECT_CONTACT = (
    "SELECT c.*, (SELECT group_concat(tag, char(31)) FROM contact_tags t "
    "WHERE t.contact_id = c.id) AS tag_list, (SELECT min(due) FROM follow_ups f "
    "WHERE f.contact_id = c.id AND f.done_at IS NULL) AS next_follow_up FROM contacts c"
)


def clean_tags(tags: Iterable[str]) -> list[str]:
    """Tags stripped, empty ones dropped, repeats (in any case) kept once, order kept."""
    seen: set[str] = set()
    result = []
    for tag in tags:
        text = " ".join(tag.split())
        if text and text.casefold() not in seen:
            seen.add(text.casefold())
            result.append(text)
    return result


def search_text(draft: ContactDraft) -> str:
    """The casefolded text search scans: names, company, position, place, emails, tags, notes."""
    # filter(None, ...) drops the empty parts in C: an import computes this 30,000 times.
    return " ".join(
        filter(
            None,
            (
                draft.first_name,
                draft.last_name,
                draft.company,
                draft.position,
                draft.location,
                *draft.emails,
                *draft.tags,
                draft.notes,
                draft.how_met,
            ),
        )
    ).casefold()


def sort_key(draft: ContactDraft) -> str:
    """Last name then first name; a contact with one name sorts by it."""
    last, first = draft.last_name, draft.first_name
    return (f"{last} {first}" if last and first else last or first).casefold()


def _json_list(items: list[Any]) -> str:
    return json.dumps(items, ensure_ascii=False) if items else "[]"


def _identity_keys(draft: ContactDraft) -> tuple[str | None, str]:
    """The draft's email key (of its first email) and name key, as the contacts table keeps them."""
    emails = draft.emails
    return (
        email_key(emails[0]) if emails else None,
        name_key(draft.first_name, draft.last_name, draft.company),
    )


def row_values(
    draft: ContactDraft,
    now: str,
    created_at: str | None = None,
    *,
    url_is_normal: bool = False,
    keys: tuple[str | None, str] | None = None,
) -> tuple[Any, ...]:
    """The column values of :data:`COLUMNS` for a draft (the importer writes these in bulk).

    ``url_is_normal`` says ``draft.url`` was normalised already, and ``keys`` gives the
    draft's email key and name key when they are known already (the importer computes both to
    match people first).
    """
    emails = draft.emails
    if keys is None:
        keys = _identity_keys(draft)
    websites = draft.websites
    return (
        draft.first_name,
        draft.last_name,
        draft.position,
        draft.company,
        draft.location,
        json.dumps(emails, ensure_ascii=False) if emails else "[]",
        _json_list(draft.phones),
        _json_list([{"label": w.label, "url": w.url} for w in websites]) if websites else "[]",
        draft.url if url_is_normal else normalize_url(draft.url),
        draft.notes,
        draft.how_met,
        draft.tier,
        draft.status or "to contact",
        draft.connected_on,
        draft.source,
        draft.cadence_days,
        created_at or now,
        now,
        keys[0],
        keys[1],
        search_text(draft),
        sort_key(draft),
    )


# What an import writes for a contact with nothing but the fields a LinkedIn export has (the
# usual case, 30,000 at a time): the other columns keep their defaults, which are what
# row_values would write for it ('' and '[]' and NULL), so each row binds 7 values fewer.
BARE_COLUMNS = (
    "id, first_name, last_name, position, company, emails, url, status, connected_on, source, "
    "created_at, updated_at, email_key, name_key, search_text, sort_key"
)


def is_bare(draft: ContactDraft) -> bool:
    """Whether every column :data:`BARE_COLUMNS` leaves out is empty in the draft."""
    return not (
        draft.location
        or draft.phones
        or draft.websites
        or draft.notes
        or draft.how_met
        or draft.tier is not None
        or draft.cadence_days is not None
    )


def bare_row_values(
    contact_id: int, draft: ContactDraft, now: str, keys: tuple[str | None, str] | None
) -> tuple[Any, ...]:
    """The values of :data:`BARE_COLUMNS` for a draft that :func:`is_bare`, its URL normalised.

    The same values :func:`row_values` gives for those columns.
    """
    emails = draft.emails
    if keys is None:
        keys = _identity_keys(draft)
    return (
        contact_id,
        draft.first_name,
        draft.last_name,
        draft.position,
        draft.company,
        json.dumps(emails, ensure_ascii=False) if emails else "[]",
        draft.url,
        draft.status or "to contact",
        draft.connected_on,
        draft.source,
        now,
        now,
        keys[0],
        keys[1],
        search_text(draft),
        sort_key(draft),
    )


def validate(draft: ContactDraft) -> dict[str, str]:
    """Problems with the draft, by field name, in words for the person; empty when it is fine."""
    problems: dict[str, str] = {}
    if not (draft.first_name.strip() or draft.last_name.strip()):
        problems["first_name"] = "Give at least a first or a last name."
    bad = [e for e in draft.emails if not _EMAIL.match(e.strip())]
    if bad:
        problems["emails"] = f"Not an email address: {bad[0]}"
    if draft.url and normalize_url(draft.url) is None:
        problems["url"] = "Not a web address; paste the profile link, e.g. linkedin.com/in/name."
    if draft.tier is not None and draft.tier not in (1, 2, 3):
        problems["tier"] = "The tier is 1 (close), 2 (regular) or 3 (acquaintance)."
    if draft.connected_on and not _DATE.match(draft.connected_on):
        problems["connected_on"] = "Use a date like 2024-01-15."
    if draft.cadence_days is not None and draft.cadence_days <= 0:
        problems["cadence_days"] = "The cadence is a number of days above zero."
    return problems


def _check(draft: ContactDraft) -> None:
    problems = validate(draft)
    if problems:
        raise InputError(" ".join(problems.values()))


def _url_taken(conn: sqlite3.Connection, url: str | None, own_id: int | None) -> None:
    normal = normalize_url(url)
    if normal is None:
        return
    row = conn.execute("SELECT id FROM contacts WHERE url = ?", (normal,)).fetchone()
    if row is not None and row[0] != own_id:
        raise InputError(f"Another contact (#{row[0]}) already has the profile {normal}.")


def add_contact(conn: sqlite3.Connection, draft: ContactDraft) -> int:
    """Store a new contact; returns its id. Raises :class:`InputError` on invalid fields."""
    _check(draft)
    draft.tags = clean_tags(draft.tags)
    with transaction(conn):
        _url_taken(conn, draft.url, None)
        cursor = conn.execute(
            f"INSERT INTO contacts ({COLUMNS}) VALUES ({_PLACEHOLDERS})",
            row_values(draft, now_iso()),
        )
        contact_id = int(cursor.lastrowid or 0)
        remember_statuses(conn, [draft.status])
        conn.executemany(
            "INSERT INTO contact_tags(contact_id, tag) VALUES (?, ?)",
            [(contact_id, t) for t in draft.tags],
        )
    return contact_id


def update_contact(conn: sqlite3.Connection, contact_id: int, draft: ContactDraft) -> None:
    """Replace the editable fields and tags of a contact with those of ``draft``."""
    _check(draft)
    old = get_contact(conn, contact_id)
    draft.tags = clean_tags(draft.tags)
    assignments = ", ".join(f"{c} = ?" for c in COLUMNS.split(", "))
    with transaction(conn):
        _url_taken(conn, draft.url, contact_id)
        conn.execute(
            f"UPDATE contacts SET {assignments} WHERE id = ?",
            (*row_values(draft, now_iso(), old.created_at), contact_id),
        )
        remember_statuses(conn, [draft.status])
        conn.execute("DELETE FROM contact_tags WHERE contact_id = ?", (contact_id,))
        conn.executemany(
            "INSERT INTO contact_tags(contact_id, tag) VALUES (?, ?)",
            [(contact_id, t) for t in draft.tags],
        )
    if old.cadence_days != draft.cadence_days or old.tags != draft.tags:
        reschedule_cadence(conn, contact_id)


def contact_from_row(row: sqlite3.Row) -> Contact:
    tags = row["tag_list"]
    return Contact(
        id=row["id"],
        first_name=row["first_name"],
        last_name=row["last_name"],
        position=row["position"],
        company=row["company"],
        location=row["location"],
        emails=json.loads(row["emails"]),
        phones=json.loads(row["phones"]),
        websites=[Website(w["url"], w.get("label", "")) for w in json.loads(row["websites"])],
        url=row["url"],
        notes=row["notes"],
        how_met=row["how_met"],
        tier=row["tier"],
        status=row["status"],
        connected_on=row["connected_on"],
        source=row["source"],
        tags=sorted(tags.split(TAG_SEPARATOR), key=str.casefold) if tags else [],
        cadence_days=row["cadence_days"],
        last_interaction=row["last_interaction"],
        next_follow_up=row["next_follow_up"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
    )


def get_contact(conn: sqlite3.Connection, contact_id: int) -> Contact:
    """The contact with this id; raises :class:`NotFoundError` when there is none."""
    row = conn.execute(f"{SELECT_CONTACT} WHERE c.id = ?", (contact_id,)).fetchone()
    if row is None:
        raise NotFoundError(f"There is no contact #{contact_id}.")
    return contact_from_row(row)


def get_contacts(conn: sqlite3.Connection, ids: Sequence[int]) -> list[Contact]:
    """The contacts with these ids, in the order given (missing ones left out)."""
    found: dict[int, Contact] = {}
    for start in range(0, len(ids), 500):
        chunk = list(ids[start : start + 500])
        marks = ",".join("?" * len(chunk))
        for row in conn.execute(f"{SELECT_CONTACT} WHERE c.id IN ({marks})", chunk):
            found[row["id"]] = contact_from_row(row)
    return [found[i] for i in ids if i in found]


def delete_contacts(conn: sqlite3.Connection, ids: Sequence[int]) -> int:
    """Delete contacts with their timeline and follow-ups; returns how many were deleted."""
    with transaction(conn):
        cursor = conn.executemany("DELETE FROM contacts WHERE id = ?", [(i,) for i in ids])
    return cursor.rowcount


def _refresh_search_text(conn: sqlite3.Connection, ids: Iterable[int]) -> None:
    for contact in get_contacts(conn, list(ids)):
        conn.execute(
            "UPDATE contacts SET search_text = ?, updated_at = ? WHERE id = ?",
            (search_text(contact), now_iso(), contact.id),
        )


def add_tag(conn: sqlite3.Connection, ids: Sequence[int], tag: str) -> None:
    """Give every contact in ``ids`` the tag (bulk action)."""
    cleaned = clean_tags([tag])
    if not cleaned:
        raise InputError("A tag cannot be empty.")
    with transaction(conn):
        conn.executemany(
            "INSERT OR IGNORE INTO contact_tags(contact_id, tag) VALUES (?, ?)",
            [(i, cleaned[0]) for i in ids],
        )
        _refresh_search_text(conn, ids)
    for contact_id in ids:
        reschedule_cadence(conn, contact_id)


def remove_tag(conn: sqlite3.Connection, ids: Sequence[int], tag: str) -> None:
    """Take the tag off every contact in ``ids`` (bulk action); a cadence it gave goes too."""
    with transaction(conn):
        conn.executemany(
            "DELETE FROM contact_tags WHERE contact_id = ? AND tag = ? COLLATE NOCASE",
            [(i, tag) for i in ids],
        )
        _refresh_search_text(conn, ids)
    for contact_id in ids:
        reschedule_cadence(conn, contact_id)


def set_status(conn: sqlite3.Connection, ids: Sequence[int], status: str) -> None:
    text = " ".join(status.split())
    if not text:
        raise InputError("A status cannot be empty.")
    with transaction(conn):
        conn.executemany(
            "UPDATE contacts SET status = ?, updated_at = ? WHERE id = ?",
            [(text, now_iso(), i) for i in ids],
        )
        remember_statuses(conn, [text])


def all_tags(conn: sqlite3.Connection) -> list[tuple[str, int]]:
    """Every tag in use with how many contacts have it, by name."""
    rows = conn.execute(
        "SELECT tag, count(*) FROM contact_tags GROUP BY tag COLLATE NOCASE "
        "ORDER BY tag COLLATE NOCASE"
    )
    return [(r[0], r[1]) for r in rows]


STATUSES_SETTING = "contacts.statuses"


def all_statuses(conn: sqlite3.Connection) -> list[str]:
    """The person's statuses: the defaults and every one they have typed since, in that order.

    Kept in a setting (see :func:`remember_statuses`) so that listing them never scans every
    contact.
    """
    stored = get_setting(conn, STATUSES_SETTING, list(STATUSES))
    return [str(s) for s in stored] if isinstance(stored, list) and stored else list(STATUSES)


def remember_statuses(conn: sqlite3.Connection, statuses: Iterable[str | None]) -> None:
    """Add statuses not seen before to the person's list (inside the caller's transaction)."""
    known = all_statuses(conn)
    new = [s for s in dict.fromkeys(statuses) if s and s not in known]
    if new:
        conn.execute(
            "INSERT INTO settings(key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (STATUSES_SETTING, json.dumps([*known, *new], ensure_ascii=False)),
        )


def contact_count(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM contacts").fetchone()[0])
