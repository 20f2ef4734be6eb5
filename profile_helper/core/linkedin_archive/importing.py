"""What every file's import shares: the database, the day, the options, who the person is,
the contacts to match against, and the progress and cancel hooks."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from profile_helper.core.contacts.identity import normalize_url
from profile_helper.core.dates import now_iso
from profile_helper.core.linkedin_archive.report import ImportCancelledError

ProgressFn = Callable[[str, int], None]
"""Called as ``(file name, rows done)`` while a file is imported."""
CancelledFn = Callable[[], bool]
"""Asked now and then; ``True`` stops the import and writes nothing."""

TICK_ROWS = 1000
RECENT_DAYS = 30
"""What the export says happened in the last 30 days starts follow-ups (an application, an
invitation with no answer); anything older is history, not something to chase."""


def name_key(name: str) -> str:
    """A person's name as it is matched: spaces collapsed, casefolded."""
    return " ".join(name.split()).casefold()


@dataclass
class Me:
    """The person who made the export, as their messages and invitations name them."""

    names: set[str] = field(default_factory=set)
    urls: set[str] = field(default_factory=set)

    def known(self) -> bool:
        return bool(self.names or self.urls)

    def is_me(self, url: str | None, name: str) -> bool:
        if url:
            return url in self.urls or (not self.urls and name_key(name) in self.names)
        return name_key(name) in self.names


class People:
    """The stored contacts by normalised profile URL and by name (a name two people share
    matches nobody)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.by_url: dict[str, int] = {}
        self.by_name: dict[str, int | None] = {}
        for cid, url, first, last in conn.execute(
            "SELECT id, url, first_name, last_name FROM contacts"
        ):
            self.add(cid, url, f"{first} {last}")

    def add(self, cid: int, url: str | None, name: str) -> None:
        if url:
            self.by_url[url] = cid
        key = name_key(name)
        if key:
            self.by_name[key] = cid if self.by_name.get(key, cid) == cid else None

    def find(self, url: str | None, name: str) -> int | None:
        """The contact with this (normalised) profile URL, else the only one with this name."""
        if url:
            found = self.by_url.get(url)
            if found is not None:
                return found
        return self.by_name.get(name_key(name)) if name else None


@dataclass
class Importing:
    """One import of an export, passed to each file's importer."""

    conn: sqlite3.Connection
    today: date
    with_message_text: bool = False
    progress: ProgressFn | None = None
    cancelled: CancelledFn | None = None
    now: str = field(default_factory=now_iso)
    me: Me = field(default_factory=Me)
    endorsements: dict[str, int] = field(default_factory=dict)
    """Endorsements received per skill (casefolded), for Skills.csv."""
    hand_added_jobs: dict[str, int] | None = None
    """Applications the person added themselves, by the key of their job URL (see
    :mod:`.jobs`), read once."""
    _people: People | None = None

    def people(self) -> People:
        """The contacts as they stand now (read again after the connections are imported)."""
        if self._people is None:
            self._people = People(self.conn)
        return self._people

    def contacts_changed(self) -> None:
        self._people = None

    def tick(self, file: str, rows: int) -> None:
        """:meth:`check` as a file starts (``rows`` 0) and every :data:`TICK_ROWS` rows."""
        if not rows % TICK_ROWS:
            self.check(file, rows)

    def check(self, file: str, rows: int) -> None:
        """Report progress, and stop if the person cancelled."""
        if self.cancelled is not None and self.cancelled():
            raise ImportCancelledError("The import was cancelled; nothing was changed.")
        if self.progress is not None:
            self.progress(file, rows)


@lru_cache(maxsize=65536)
def profile_url(text: str) -> str | None:
    """A profile URL cell normalised as contacts keep it, ``None`` when empty or not one.

    Cached: a messages file names the same few thousand people again and again.
    """
    return normalize_url(text) if text else None
