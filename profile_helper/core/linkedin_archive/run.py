"""Importing LinkedIn's whole data export in one transaction: all of it, or nothing.

The files are read in an order where each finds what it needs: the profile first (who the
person is), the connections (the contacts the rest is matched against), invitations, messages,
then the person's own positions, education, certifications and skills, and the jobs. Any file
refused (a foreign CSV under a LinkedIn name, a ZIP that could harm) or a cancel rolls all of
it back; a dry run does all of it and rolls back.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import date
from pathlib import Path

from profile_helper.core.collector import collector_paused
from profile_helper.core.contacts.bulk import larger_page_cache
from profile_helper.core.errors import FileReadError
from profile_helper.core.linkedin_archive import layouts, profile_files
from profile_helper.core.linkedin_archive.connections import import_connections
from profile_helper.core.linkedin_archive.detect import detect_file
from profile_helper.core.linkedin_archive.importing import CancelledFn, Importing, ProgressFn
from profile_helper.core.linkedin_archive.invitations import import_invitations
from profile_helper.core.linkedin_archive.jobs import import_applications, import_saved_jobs
from profile_helper.core.linkedin_archive.messages import import_messages
from profile_helper.core.linkedin_archive.report import ArchiveReport, FileReport
from profile_helper.core.linkedin_archive.source import Source, member_key, open_source
from profile_helper.core.linkedin_archive.table import SNIFF_BYTES
from profile_helper.core.storage.transaction import transaction

Importer = Callable[[Importing, Source, str, FileReport], None]

STEPS: tuple[tuple[str, Importer], ...] = (
    (layouts.PROFILE.file, profile_files.import_profile),
    (layouts.CONNECTIONS_FILE, import_connections),
    (layouts.INVITATIONS.file, import_invitations),
    (layouts.MESSAGES.file, import_messages),
    (layouts.POSITIONS.file, profile_files.import_positions),
    (layouts.EDUCATION.file, profile_files.import_education),
    (layouts.CERTIFICATIONS.file, profile_files.import_certifications),
    (layouts.ENDORSEMENTS.file, profile_files.count_endorsements),
    (layouts.SKILLS.file, profile_files.import_skills),
    (layouts.JOB_APPLICATIONS.file, import_applications),
    (layouts.SAVED_JOBS.file, import_saved_jobs),
)
"""Each file the import reads, in the order it reads them."""


_KNOWN = {member_key(name) for name, _step in STEPS}


def _check(source: Source, path: Path) -> None:
    """Refuse what is not an export; name a lone CSV by its header when its name does not say."""
    if source.kind != "file":
        if not source.has(layouts.CONNECTIONS_FILE):
            raise FileReadError(
                f"{path.name} is not a LinkedIn data export: it has no {layouts.CONNECTIONS_FILE}."
            )
        return
    if member_key(path.name) in _KNOWN:
        return
    with source.open(path.name) as stream:
        head = stream.read(SNIFF_BYTES)
    found = detect_file(head, path.name)
    if found is None:
        names = ", ".join(name for name, _step in STEPS)
        raise FileReadError(
            f"{path.name} is not a file of LinkedIn's data export this app reads ({names})."
        )
    source.members = {member_key(found): path.name}


def import_archive(
    conn: sqlite3.Connection,
    path: Path,
    *,
    dry_run: bool = False,
    with_message_text: bool = False,
    today: date | None = None,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
) -> ArchiveReport:
    """Import the export at ``path`` (its ZIP, its folder, or one CSV of it).

    Raises :class:`~profile_helper.core.errors.InputError` for an export refused as a whole
    (nothing is written), :class:`~profile_helper.core.linkedin_archive.report.ImportCancelledError`
    when ``cancelled`` said so. Message texts are kept only with ``with_message_text``.
    """
    report = ArchiveReport(dry_run=dry_run)
    with open_source(path) as source, collector_paused():
        _check(source, path)
        report.ignored = [n for n in source.names() if member_key(n) not in _KNOWN]
        job = Importing(
            conn,
            today or date.today(),
            with_message_text=with_message_text,
            progress=progress,
            cancelled=cancelled,
        )
        with transaction(conn), larger_page_cache(conn):
            for name, step in STEPS:
                if source.has(name):
                    file_report = FileReport(name)
                    job.tick(name, 0)
                    step(job, source, name, file_report)
                    report.files.append(file_report)
            if dry_run:
                conn.rollback()
    return report
