"""Search, filter, sort and page through contacts: what the list views and ``contacts list`` show.

Search goes through the full-text index ``contacts_search`` (migration 005) over names, company,
position, emails, tags and notes: accents folded, each word matched by its start, which keeps a
query over 30,000 contacts in a few milliseconds. Listing is windowed (offset + limit) so that a
view only reads the rows it shows.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from datetime import date
from typing import Any

from profile_helper.core.contacts.models import Contact
from profile_helper.core.contacts.store import SELECT_CONTACT, contact_from_row
from profile_helper.core.dates import window_start

SORT_KEYS: dict[str, str] = {
    "name": "c.sort_key {dir}",
    "first_name": "c.first_name COLLATE NOCASE {dir}, c.last_name COLLATE NOCASE {dir}",
    "company": "c.company = '' , c.company COLLATE NOCASE {dir}",
    "position": "c.position = '', c.position COLLATE NOCASE {dir}",
    "status": "c.status COLLATE NOCASE {dir}",
    "connected_on": "c.connected_on IS NULL, c.connected_on {dir}",
    "last_interaction": "c.last_interaction IS NULL, c.last_interaction {dir}",
    "next_follow_up": "next_follow_up IS NULL, next_follow_up {dir}",
    "created_at": "c.created_at {dir}",
}


_TOKEN = re.compile(r"[^\W_]+")
"""What the index's tokenizer (unicode61) keeps of a word: runs of letters and digits."""


def match_expression(search: str) -> str:
    """The FTS5 query for what a person typed: every word, each matched by its start.

    A word with punctuation ("ana@acme.com") is a phrase of its parts, the last one a prefix;
    a word with nothing to match ("-") is left out. "" when nothing is left.
    """
    phrases = []
    for word in search.split():
        tokens = _TOKEN.findall(word)
        if tokens:
            phrases.append('"' + " ".join(tokens) + '"*')
    return " ".join(phrases)


@dataclass
class ContactQuery:
    """What to show: a search text, filters, and the order."""

    search: str = ""
    tag: str | None = None
    status: str | None = None
    due: bool = False
    overdue: bool = False
    not_contacted_days: int | None = None
    sort: str = "name"
    descending: bool = False
    today: date | None = None

    def where(self) -> tuple[str, list[Any]]:
        """The WHERE clause (possibly empty) and its parameters."""
        clauses: list[str] = []
        params: list[Any] = []
        match = match_expression(self.search)
        if match:
            clauses.append(
                "c.id IN (SELECT rowid FROM contacts_search WHERE contacts_search MATCH ?)"
            )
            params.append(match)
        if self.tag:
            clauses.append(
                "c.id IN (SELECT contact_id FROM contact_tags WHERE tag = ? COLLATE NOCASE)"
            )
            params.append(self.tag)
        if self.status:
            clauses.append("c.status = ? COLLATE NOCASE")
            params.append(self.status)
        today = (self.today or date.today()).isoformat()
        if self.overdue:
            clauses.append(
                "c.id IN (SELECT contact_id FROM follow_ups WHERE done_at IS NULL AND due < ?)"
            )
            params.append(today)
        elif self.due:
            clauses.append(
                "c.id IN (SELECT contact_id FROM follow_ups WHERE done_at IS NULL AND due <= ?)"
            )
            params.append(today)
        if self.not_contacted_days is not None:
            since = window_start(self.today or date.today(), self.not_contacted_days)
            clauses.append("(c.last_interaction IS NULL OR c.last_interaction < ?)")
            params.append(since.isoformat())
        return (" WHERE " + " AND ".join(clauses) if clauses else ""), params

    def order(self) -> str:
        template = SORT_KEYS.get(self.sort, SORT_KEYS["name"])
        if match_expression(self.search):
            # A search matches few rows: scanning then sorting them beats walking the whole
            # name index and looking up each row, which SQLite would otherwise choose.
            template = template.replace("c.sort_key", "+c.sort_key")
        return " ORDER BY " + template.format(dir="DESC" if self.descending else "ASC") + ", c.id"


def list_contacts(
    conn: sqlite3.Connection,
    query: ContactQuery | None = None,
    offset: int = 0,
    limit: int | None = None,
) -> list[Contact]:
    """One window of the contacts matching ``query``, in its order."""
    query = query or ContactQuery()
    where, params = query.where()
    sql = f"{SELECT_CONTACT}{where}{query.order()}"
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params = [*params, limit, offset]
    return [contact_from_row(r) for r in conn.execute(sql, params)]


def contact_ids(conn: sqlite3.Connection, query: ContactQuery | None = None) -> list[int]:
    """The ids of every matching contact, in order (cheap: no other columns are read)."""
    query = query or ContactQuery()
    where, params = query.where()
    order = query.order()
    if "next_follow_up" in order:
        sql = f"SELECT c.id FROM ({SELECT_CONTACT}) c{where}{order}"
    else:
        sql = f"SELECT c.id FROM contacts c{where}{order}"
    return [r[0] for r in conn.execute(sql, params)]
