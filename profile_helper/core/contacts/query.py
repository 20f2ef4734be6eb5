"""Search, filter, sort and page through contacts: what the list views and ``contacts list`` show.

Search scans one casefolded column (names, company, position, emails, tags, notes), which keeps a
query over 30,000 contacts in a few milliseconds; listing is windowed (offset + limit) so that a
view only reads the rows it shows.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from profile_helper.core.contacts.models import Contact
from profile_helper.core.contacts.store import SELECT_CONTACT, contact_from_row

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
        for word in self.search.casefold().split():
            clauses.append("instr(c.search_text, ?) > 0")
            params.append(word)
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
            since = (self.today or date.today()) - timedelta(days=self.not_contacted_days)
            clauses.append("(c.last_interaction IS NULL OR c.last_interaction < ?)")
            params.append(since.isoformat())
        return (" WHERE " + " AND ".join(clauses) if clauses else ""), params

    def order(self) -> str:
        template = SORT_KEYS.get(self.sort, SORT_KEYS["name"])
        if self.search.strip():
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
