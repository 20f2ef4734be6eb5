"""Which file of the export a lone CSV is, from its header when its name does not say
(``Connections (1).csv``, ``linkedin-messages.csv``)."""

from __future__ import annotations

import csv
import io

from profile_helper.core.contacts.linkedin import looks_like_connections
from profile_helper.core.contacts.textfile import decode_text
from profile_helper.core.linkedin_archive import layouts
from profile_helper.core.linkedin_archive.table import (
    HEADER_WITHIN_ROWS,
    SNIFF_BYTES,
    Layout,
    column_key,
)

LAYOUTS: tuple[Layout, ...] = (
    layouts.PROFILE,
    layouts.INVITATIONS,
    layouts.MESSAGES,
    layouts.POSITIONS,
    layouts.EDUCATION,
    layouts.CERTIFICATIONS,
    layouts.ENDORSEMENTS,
    layouts.JOB_APPLICATIONS,
    layouts.SAVED_JOBS,
    layouts.SKILLS,
)
"""Most specific first: Skills.csv's one ``Name`` column is in other files too."""


def detect_file(head: bytes, name: str) -> str | None:
    """The export's name for the file that starts with ``head``, or ``None``."""
    if len(head) >= SNIFF_BYTES:
        head = head[: head.rfind(b"\n") + 1] or head
    text = decode_text(head, name).text
    if looks_like_connections(text):
        return layouts.CONNECTIONS_FILE
    try:
        rows = list(csv.reader(io.StringIO(text, newline="")))[:HEADER_WITHIN_ROWS]
    except csv.Error:
        return None
    headers = [{column_key(c) for c in row} for row in rows]
    for layout in LAYOUTS:
        needed = {column_key(layout.columns[f]) for f in layout.required}
        if any(needed <= found for found in headers):
            return layout.file
    return None
