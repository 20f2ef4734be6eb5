"""Writing the export's messages and invitations onto contacts' timelines, in bulk.

:func:`profile_helper.core.contacts.interactions.log_interaction` writes one entry and
reschedules one cadence; an export brings a hundred thousand. Here entries go in by the
thousand, each contact's last interaction moves once to its latest day, and only the contacts
whose day moved and who have a stay-in-touch cadence get it rescheduled.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field
from operator import itemgetter

from profile_helper.core.contacts.followups import reschedule_cadence

_INSERT = (
    "INSERT OR IGNORE INTO interactions(contact_id, kind, occurred_on, summary, created_at, "
    "source_key, direction, conversation) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
)
BATCH = 5000
_contact = itemgetter(0)

Entry = tuple[int, str, str, str, str, str, str | None, str | None]
"""contact id, kind, day, summary, created at, source key, direction, conversation."""


@dataclass
class TimelineWriter:
    """Entries buffered and written a batch at a time; an entry already there is left alone."""

    conn: sqlite3.Connection
    pending: list[Entry] = field(default_factory=list)
    latest: dict[int, str] = field(default_factory=dict)
    """The latest day written per contact."""
    added: int = 0
    unchanged: int = 0

    def add(self, entry: Entry) -> None:
        pending = self.pending
        pending.append(entry)
        if entry[2] > self.latest.get(entry[0], ""):
            self.latest[entry[0]] = entry[2]
        if len(pending) >= BATCH:
            self.flush()

    def flush(self) -> None:
        if not self.pending:
            return
        before = self.conn.total_changes
        # In contact order: each page of the indexes is then visited once per batch.
        self.pending.sort(key=_contact)
        self.conn.executemany(_INSERT, self.pending)
        inserted = self.conn.total_changes - before
        self.added += inserted
        self.unchanged += len(self.pending) - inserted
        self.pending = []

    def finish(self, now: str) -> None:
        """Write what is left and move the contacts' last interactions forward."""
        self.flush()
        move_last_interactions(self.conn, self.latest, now)
        self.latest = {}


def insert_entry(conn: sqlite3.Connection, entry: Entry) -> bool:
    """Write one entry unless it is there already; whether it was written."""
    return conn.execute(_INSERT, entry).rowcount > 0


def _chunks(ids: Sequence[int], size: int = 500) -> list[Sequence[int]]:
    return [ids[i : i + size] for i in range(0, len(ids), size)]


def move_last_interactions(conn: sqlite3.Connection, latest: dict[int, str], now: str) -> None:
    """Set each contact's last interaction to its day in ``latest`` when that is later, and
    restart the stay-in-touch cadence of those that moved."""
    moved: list[tuple[str, str, int]] = []
    for chunk in _chunks(list(latest)):
        marks = ",".join("?" * len(chunk))
        for cid, last in conn.execute(
            f"SELECT id, last_interaction FROM contacts WHERE id IN ({marks})", chunk
        ):
            if latest[cid] > (last or ""):
                moved.append((latest[cid], now, cid))
    conn.executemany("UPDATE contacts SET last_interaction = ?, updated_at = ? WHERE id = ?", moved)
    if not moved:
        return
    with_cadence = {
        row[0]
        for row in conn.execute(
            "SELECT id FROM contacts WHERE cadence_days IS NOT NULL UNION "
            "SELECT t.contact_id FROM contact_tags t JOIN tag_cadences d "
            "ON d.tag = t.tag COLLATE NOCASE"
        )
    }
    for _day, _now, cid in moved:
        if cid in with_cadence:
            reschedule_cadence(conn, cid)
