"""``Invitations.csv``: connection requests sent and received.

A request sent to someone who is not a contact yet adds them with the status ``requested`` and
a follow-up two weeks after it was sent (no answer by then is worth a short message) when it
was sent in the last 30 days: an older request with no answer is history, not a task. Every
request, either way, is an entry on the contact's timeline; a request received from someone
who is not a contact is left out: it is still waiting on LinkedIn.
"""

from __future__ import annotations

from datetime import date, timedelta

from profile_helper.core.contacts.followups import add_follow_up
from profile_helper.core.contacts.models import ContactDraft
from profile_helper.core.contacts.store import add_contact, set_status
from profile_helper.core.dates import window_start
from profile_helper.core.errors import InputError
from profile_helper.core.linkedin_archive.dates import timestamp
from profile_helper.core.linkedin_archive.importing import RECENT_DAYS, Importing, profile_url
from profile_helper.core.linkedin_archive.layouts import INVITATIONS
from profile_helper.core.linkedin_archive.report import FileReport
from profile_helper.core.linkedin_archive.source import Source
from profile_helper.core.linkedin_archive.table import read_table
from profile_helper.core.linkedin_archive.timeline import insert_entry, move_last_interactions

FOLLOW_UP_AFTER = timedelta(days=14)


def _follow_up(job: Importing, cid: int, name: str, day: str) -> None:
    if date.fromisoformat(day) < window_start(job.today, RECENT_DAYS):
        return
    add_follow_up(
        job.conn,
        cid,
        date.fromisoformat(day) + FOLLOW_UP_AFTER,
        f"No answer to your invitation yet? Send {name or 'them'} a short message",
    )


def _add_requested(job: Importing, url: str | None, name: str, day: str) -> int:
    first, _, last = " ".join(name.split()).partition(" ")
    draft = ContactDraft(
        first_name=first, last_name=last, url=url, status="requested", source="linkedin"
    )
    cid = add_contact(job.conn, draft)
    job.people().add(cid, url, name)
    _follow_up(job, cid, name, day)
    return cid


def _requested(job: Importing, cid: int, name: str, day: str) -> bool:
    """A contact still to contact whom the person invited: now ``requested``, with the
    follow-up. Whether the contact changed."""
    row = job.conn.execute("SELECT status FROM contacts WHERE id = ?", (cid,)).fetchone()
    if row is None or row[0] != "to contact":
        return False
    set_status(job.conn, [cid], "requested")
    _follow_up(job, cid, name, day)
    return True


def _row(job: Importing, cells: dict[str, str]) -> str | tuple[str, int, str]:
    """Import one invitation: its outcome, contact and day, or why it was skipped."""
    moment = timestamp(cells["sent_at"])
    if moment is None:
        return f"no date the app can read: {cells['sent_at']!r}"
    outgoing = cells["direction"].strip().upper() != "INCOMING"
    url = profile_url(cells["invitee_url" if outgoing else "inviter_url"])
    name = cells["recipient" if outgoing else "sender"]
    day = moment[:10]
    cid = job.people().find(url, name)
    if cid is None and not outgoing:
        return f"from {name or url}, not in your contacts (an invitation not accepted yet)"
    outcome = "unchanged"
    if cid is None:
        try:
            cid = _add_requested(job, url, name, day)
        except InputError as exc:
            return exc.message
        outcome = "added"
    elif outgoing and _requested(job, cid, name, day):
        outcome = "updated"
    direction = "sent" if outgoing else "received"
    summary = f"Invitation to connect {direction}"
    if job.with_message_text and cells["message"]:
        summary += f": {cells['message']}"
    entry = (cid, "connection request", day, summary, job.now, f"invitation:{direction}|{moment}",
             direction, None)  # fmt: skip
    if insert_entry(job.conn, entry) and outcome == "unchanged":
        outcome = "added"
    return outcome, cid, day


def import_invitations(job: Importing, source: Source, name: str, report: FileReport) -> None:
    """Each row is counted once: added (a new contact or timeline entry), updated (a contact
    moved to ``requested``) or unchanged."""
    latest: dict[int, str] = {}
    with source.open(name) as stream:
        for done, (line, cells) in enumerate(read_table(stream, INVITATIONS, name), start=1):
            job.tick(name, done)
            done_row = _row(job, cells)
            if isinstance(done_row, str):
                report.skip(line, done_row)
                continue
            outcome, cid, day = done_row
            report.count(outcome)
            latest[cid] = max(day, latest.get(cid, ""))
    move_last_interactions(job.conn, latest, job.now)
