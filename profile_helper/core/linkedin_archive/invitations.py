"""``Invitations.csv``: connection requests sent and received.

A request sent to someone who is not a contact yet adds them with the status ``requested`` and
a follow-up two weeks after it was sent (no answer by then is worth a short message). Every
request, either way, is an entry on the contact's timeline; a request received from someone
who is not a contact is left out: it is still waiting on LinkedIn.
"""

from __future__ import annotations

from datetime import date, timedelta

from profile_helper.core.contacts.followups import add_follow_up
from profile_helper.core.contacts.models import ContactDraft
from profile_helper.core.contacts.store import add_contact
from profile_helper.core.errors import InputError
from profile_helper.core.linkedin_archive.dates import timestamp
from profile_helper.core.linkedin_archive.importing import Importing, profile_url
from profile_helper.core.linkedin_archive.layouts import INVITATIONS
from profile_helper.core.linkedin_archive.report import FileReport
from profile_helper.core.linkedin_archive.source import Source
from profile_helper.core.linkedin_archive.table import read_table
from profile_helper.core.linkedin_archive.timeline import TimelineWriter

FOLLOW_UP_AFTER = timedelta(days=14)


def _add_requested(job: Importing, url: str | None, name: str, day: str) -> int:
    first, _, last = " ".join(name.split()).partition(" ")
    draft = ContactDraft(
        first_name=first, last_name=last, url=url, status="requested", source="linkedin"
    )
    cid = add_contact(job.conn, draft)
    job.people().add(cid, url, name)
    add_follow_up(
        job.conn,
        cid,
        date.fromisoformat(day) + FOLLOW_UP_AFTER,
        f"No answer to your invitation yet? Send {name or 'them'} a short message",
    )
    return cid


def _row(
    job: Importing, cells: dict[str, str], writer: TimelineWriter, added: list[int]
) -> str | None:
    """Import one invitation; returns why it was skipped, or ``None``."""
    moment = timestamp(cells["sent_at"])
    if moment is None:
        return f"no date the app can read: {cells['sent_at']!r}"
    outgoing = cells["direction"].strip().upper() != "INCOMING"
    url = profile_url(cells["invitee_url" if outgoing else "inviter_url"])
    name = cells["recipient" if outgoing else "sender"]
    cid = job.people().find(url, name)
    if cid is None and not outgoing:
        return f"from {name or url}, not in your contacts (an invitation not accepted yet)"
    if cid is None:
        try:
            cid = _add_requested(job, url, name, moment[:10])
            added.append(cid)
        except InputError as exc:
            return exc.message
    direction = "sent" if outgoing else "received"
    summary = "Invitation to connect " + ("sent" if outgoing else "received")
    if job.with_message_text and cells["message"]:
        summary += f": {cells['message']}"
    key = f"invitation:{direction}|{moment}"
    writer.add((cid, "connection request", moment[:10], summary, job.now, key, direction, None))
    return None


def import_invitations(job: Importing, source: Source, name: str, report: FileReport) -> None:
    writer = TimelineWriter(job.conn)
    added: list[int] = []
    with source.open(name) as stream:
        for done, (line, cells) in enumerate(read_table(stream, INVITATIONS, name), start=1):
            job.tick(name, done)
            reason = _row(job, cells, writer, added)
            if reason is not None:
                report.skip(line, reason)
    writer.finish(job.now)
    report.count("added", writer.added)
    report.count("unchanged", writer.unchanged)
    if added:
        report.notes.append(
            f"{len(added)} {'person' if len(added) == 1 else 'people'} you invited, not yet "
            "connected, added as contacts with the status 'requested' and a follow-up two "
            "weeks after the invitation."
        )
