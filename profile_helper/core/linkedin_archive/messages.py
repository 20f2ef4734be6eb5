"""``messages.csv``: every message becomes an entry on the timeline of each other participant.

The file is streamed (a 200 MB one costs the memory of a batch of rows). A message the person
wrote is ``sent``, the others ``received``; who the person is comes from ``Profile.csv`` (their
name, then the profile URL their messages carry), else from the file itself: the person is in
every conversation, so the participant met in most of them. Only the day, the direction and
the conversation are kept unless the text is asked for. A message is known again by its
conversation, time and sender, so a second import of the same file adds nothing.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from profile_helper.core.linkedin_archive.dates import timestamp
from profile_helper.core.linkedin_archive.importing import (
    TICK_ROWS,
    Importing,
    Me,
    People,
    name_key,
    profile_url,
)
from profile_helper.core.linkedin_archive.layouts import MESSAGES
from profile_helper.core.linkedin_archive.report import FileReport
from profile_helper.core.linkedin_archive.source import Source
from profile_helper.core.linkedin_archive.table import Table, read_table
from profile_helper.core.linkedin_archive.timeline import TimelineWriter

Person = tuple[str | None, str]
"""A participant: normalised profile URL (or ``None``) and name."""

SUMMARY = {"sent": "LinkedIn message sent", "received": "LinkedIn message received"}
_PROFILE_PREFIX = "https://www.linkedin.com/in/"
RESOLVED_KEPT = 20_000
"""How many distinct sender/recipient cells are remembered, resolved, at once (rows come grouped
by conversation, so the same cells follow each other)."""


def _split(cell: str) -> list[str]:
    return [p.strip() for p in cell.split(",") if p.strip()]


PEOPLE_FIELDS = ("sender", "sender_url", "to", "recipient_urls")
"""The cells that say who a message is from and to."""


def participants(cells: dict[str, str]) -> tuple[Person, list[Person]]:
    """The sender and the recipients of a row (names and URLs paired when both are listed)."""
    sender = (profile_url(cells["sender_url"]), cells["sender"])
    urls = [profile_url(u) for u in _split(cells["recipient_urls"])]
    names = _split(cells["to"])
    if len(urls) == len(names):
        return sender, list(zip(urls, names, strict=True))
    if urls:
        # Names with commas in them make the two lists differ: the URLs are what identify.
        return sender, [(u, "") for u in urls]
    return sender, [(None, n) for n in names]


def person_key(person: Person) -> str:
    """A participant as a short text: the profile's slug, else the name."""
    url = person[0]
    if url:
        return url.removeprefix(_PROFILE_PREFIX)
    return "name:" + name_key(person[1])


def guess_me(source: Source, name: str) -> Me:
    """The participant met in most conversations: the person who made the export."""
    seen: Counter[str] = Counter()
    last_conversation: dict[str, str] = {}
    urls: dict[str, str | None] = {}
    with source.open(name) as stream:
        for _line, cells in read_table(stream, MESSAGES, name):
            sender, recipients = participants(cells)
            for person in (sender, *recipients):
                key = person_key(person)
                # Rows come grouped by conversation: a change of it is a new one.
                if last_conversation.get(key) != cells["conversation"]:
                    last_conversation[key] = cells["conversation"]
                    seen[key] += 1
                    urls.setdefault(key, person[0])
    me = Me()
    if seen:
        key = seen.most_common(1)[0][0]
        url = urls[key]
        if url:
            me.urls.add(url)
        else:
            me.names.add(key.removeprefix("name:"))
    return me


@dataclass(frozen=True)
class Resolved:
    """Who a row's sender and recipients are: the direction, the contacts, the sender's key."""

    direction: str
    contact_ids: tuple[int, ...]
    sender_key: str
    skip_reason: str
    """Why the row is skipped when none of the others is a contact (one text for all such
    rows of a conversation, so that a large file's skips cost little memory)."""

    @property
    def summary(self) -> str:
        return SUMMARY[self.direction]


def resolve(me: Me, people: People, sender: Person, recipients: list[Person]) -> Resolved:
    ids: set[int] = set()
    others: list[str] = []
    for person in (sender, *recipients):
        if me.is_me(*person):
            continue
        cid = people.find(*person)
        if cid is not None:
            ids.add(cid)
        others.append(person[1] or person[0] or "?")
    direction = "sent" if me.is_me(*sender) else "received"
    reason = f"nobody in your contacts: {', '.join(others) or 'only you'}"
    return Resolved(direction, tuple(sorted(ids)), person_key(sender), reason)


def _learn_me(me: Me, sender: Person) -> bool:
    """The person's own profile URL, from the first message they sent under their name."""
    url, name = sender
    if url and not me.urls and name_key(name) in me.names:
        me.urls.add(url)
        return True
    return False


def import_messages(job: Importing, source: Source, name: str, report: FileReport) -> None:
    if not job.me.known():
        job.me = guess_me(source, name)
        report.notes.append("Your own messages were told apart by who is in most conversations.")
    writer = TimelineWriter(job.conn)
    _write_messages(job, source, name, report, writer)
    writer.finish(job.now)
    report.count("added", writer.added)
    report.count("unchanged", writer.unchanged)
    report.notes.append("Counts are timeline entries: a message to three people is three.")


def _write_messages(
    job: Importing, source: Source, name: str, report: FileReport, writer: TimelineWriter
) -> None:
    """The loop over every message, written for speed: it runs once per row of a large file."""
    me, people, now, add = job.me, job.people(), job.now, writer.add
    known: dict[tuple[str, ...], Resolved] = {}
    with source.open(name) as stream:
        table = Table(stream, MESSAGES, name)
        at = table.index
        i_date, i_conversation = at["date"], at["conversation"]
        i_content, i_subject = at["content"], at["subject"]
        people_at = (at["sender"], at["sender_url"], at["to"], at["recipient_urls"])
        for done, (line, cells) in enumerate(table, start=1):
            if not done % TICK_ROWS:
                job.tick(name, done)
            moment = timestamp(cells[i_date])
            if moment is None:
                report.skip(line, f"no date the app can read: {cells[i_date]!r}")
                continue
            cell_key = tuple(cells[i] for i in people_at)
            found = known.get(cell_key)
            if found is None:
                found = _resolve_row(me, people, cell_key, known)
                known[cell_key] = found
            if not found.contact_ids:
                report.skip(line, found.skip_reason)
                continue
            conversation = cells[i_conversation]
            key = f"message:{conversation}|{moment}|{found.sender_key}"
            summary = found.summary
            if job.with_message_text:
                summary = cells[i_content] or cells[i_subject] or summary
            day = moment[:10]
            for cid in found.contact_ids:
                add((cid, "message", day, summary, now, key, found.direction, conversation))


def _resolve_row(
    me: Me, people: People, cell_key: tuple[str, ...], known: dict[tuple[str, ...], Resolved]
) -> Resolved:
    """Who a row is from and to; what was resolved before is forgotten when that may change."""
    sender, recipients = participants(dict(zip(PEOPLE_FIELDS, cell_key, strict=True)))
    if _learn_me(me, sender) or len(known) >= RESOLVED_KEPT:
        known.clear()
    return resolve(me, people, sender, recipients)
