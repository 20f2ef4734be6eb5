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
from collections.abc import Iterator

from profile_helper.core.linkedin_archive.dates import timestamp
from profile_helper.core.linkedin_archive.importing import Importing, Me, name_key, profile_url
from profile_helper.core.linkedin_archive.layouts import MESSAGES
from profile_helper.core.linkedin_archive.report import FileReport
from profile_helper.core.linkedin_archive.source import Source
from profile_helper.core.linkedin_archive.table import read_table
from profile_helper.core.linkedin_archive.timeline import TimelineWriter

Person = tuple[str | None, str]
"""A participant: normalised profile URL (or ``None``) and name."""

SUMMARY = {"sent": "LinkedIn message sent", "received": "LinkedIn message received"}


def _split(cell: str) -> list[str]:
    return [p.strip() for p in cell.split(",") if p.strip()]


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


def _person_key(person: Person) -> str:
    return person[0] or "name:" + name_key(person[1])


def guess_me(source: Source, name: str) -> Me:
    """The participant met in most conversations: the person who made the export."""
    seen: Counter[str] = Counter()
    last_conversation: dict[str, str] = {}
    urls: dict[str, str | None] = {}
    with source.open(name) as stream:
        for _line, cells in read_table(stream, MESSAGES, name):
            sender, recipients = participants(cells)
            for person in (sender, *recipients):
                key = _person_key(person)
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


def _learn_me(me: Me, sender: Person) -> None:
    """The person's own profile URL, from the first message they sent under their name."""
    url, name = sender
    if url and not me.urls and name_key(name) in me.names:
        me.urls.add(url)


def _rows(source: Source, name: str) -> Iterator[tuple[int, dict[str, str]]]:
    with source.open(name) as stream:
        yield from read_table(stream, MESSAGES, name)


def import_messages(job: Importing, source: Source, name: str, report: FileReport) -> None:
    if not job.me.known():
        job.me = guess_me(source, name)
        report.notes.append("Your own messages were told apart by who is in most conversations.")
    me, people = job.me, job.people()
    writer = TimelineWriter(job.conn)
    found: dict[Person, int | None] = {}
    done = 0
    for line, cells in _rows(source, name):
        done += 1
        job.tick(name, done)
        moment = timestamp(cells["date"])
        if moment is None:
            report.skip(line, f"no date the app can read: {cells['date']!r}")
            continue
        sender, recipients = participants(cells)
        _learn_me(me, sender)
        direction = "sent" if me.is_me(*sender) else "received"
        ids: set[int] = set()
        for person in (sender, *recipients):
            if me.is_me(*person):
                continue
            if person not in found:
                found[person] = people.find(*person)
            cid = found[person]
            if cid is not None:
                ids.add(cid)
        if not ids:
            others = [p[1] or p[0] or "?" for p in (sender, *recipients) if not me.is_me(*p)]
            report.skip(line, f"nobody in your contacts: {', '.join(others) or 'only you'}")
            continue
        key = f"message:{cells['conversation']}|{moment}|{_person_key(sender)}"
        summary = SUMMARY[direction]
        if job.with_message_text:
            summary = cells["content"] or cells["subject"] or summary
        for cid in sorted(ids):
            writer.add(
                (cid, "message", moment[:10], summary, job.now, key, direction,
                 cells["conversation"])
            )  # fmt: skip
    writer.finish(job.now)
    report.count("added", writer.added)
    report.count("unchanged", writer.unchanged)
    report.notes.append("Counts are timeline entries: a message to three people is three.")
