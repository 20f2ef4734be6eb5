"""LinkedIn's ``Connections.csv`` in every shape it has had, and the export ZIP it comes in.

The header row is found by its content: exports before mid-2021 had no "Notes:" preamble and
those before July 2023 no ``URL`` column; Excel re-saves add a BOM, CRLF and ``4-Apr-21`` dates.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from itertools import islice
from pathlib import Path

from profile_helper.core.contacts.models import ContactDraft, ParsedStream, ParseResult, RowError
from profile_helper.core.contacts.textfile import (
    Decoded,
    check_regular,
    decode_text,
    iter_rows,
    open_text,
    parse_date,
    rows_with_lines,
)
from profile_helper.core.errors import FileReadError
from profile_helper.core.linkedin_archive.source import open_source

HEADERS: dict[str, str] = {
    "first name": "first_name",
    "last name": "last_name",
    "url": "url",
    "profile url": "url",
    "email address": "email",
    "email": "email",
    "company": "company",
    "position": "position",
    "connected on": "connected_on",
}


def _header_map(row: list[str]) -> dict[str, int] | None:
    names = [c.strip().lstrip("\ufeff").casefold() for c in row]
    if "first name" not in names or "last name" not in names:
        return None
    return {HEADERS[n]: i for i, n in reversed(list(enumerate(names))) if n in HEADERS}


def looks_like_connections(text: str) -> bool:
    """Whether the text has a Connections.csv header in its first lines."""
    head = text[:4000].casefold()
    return "first name" in head and "last name" in head and "connected on" in head


def parse_connections(text: str) -> ParseResult:
    """Contacts from a ``Connections.csv`` text; :class:`FileReadError` if it is not one."""
    result = ParseResult()
    result.rows.extend(iter_connections(rows_with_lines(text), result.skipped))
    return result


def _find_header(rows: Iterator[tuple[int, list[str]]]) -> dict[str, int]:
    """The columns of the header row, among the first 50 (the rows before it are consumed)."""
    for _line, row in islice(rows, 50):
        columns = _header_map(row)
        if columns is not None:
            return columns
    raise FileReadError(
        "This is not a LinkedIn Connections.csv: no row with the 'First Name' and "
        "'Last Name' headers was found."
    )


def iter_connections(
    rows: Iterable[tuple[int, list[str]]], skipped: list[RowError]
) -> Iterator[tuple[int, ContactDraft]]:
    """Contacts from the CSV rows of a ``Connections.csv``, as they are read.

    Rows without a name are added to ``skipped``. :class:`FileReadError` when no header is found.
    """
    remaining = iter(rows)
    columns = _find_header(remaining)
    # A missing column reads as the empty cell appended to each row.
    width = max(columns.values()) + 1
    blank = width
    i_first, i_last, i_url, i_email, i_company, i_position, i_date = (
        columns.get(name, blank)
        for name in (
            "first_name",
            "last_name",
            "url",
            "email",
            "company",
            "position",
            "connected_on",
        )
    )
    for line, raw in remaining:
        if len(raw) == width:
            # The usual row: read in place (30,000 copies would cost more than the rest).
            raw.append("")
            row = raw
        else:
            row = [*raw[:width], *([""] * (width - len(raw))), ""]
        first, last = row[i_first].strip(), row[i_last].strip()
        if not (first or last):
            if any(c.strip() for c in raw):
                skipped.append(RowError(line, "no name (a closed or hidden profile)"))
            continue  # else a blank line
        email = row[i_email].strip()
        connected = row[i_date].strip()
        yield (
            line,
            ContactDraft(
                first_name=first,
                last_name=last,
                company=row[i_company].strip(),
                position=row[i_position].strip(),
                url=row[i_url].strip() or None,
                emails=[email] if email else [],
                connected_on=parse_date(connected) if connected else None,
                status="connected",
                source="linkedin",
            ),
        )


def connections_from_zip(path: Path) -> Decoded:
    """The text of ``Connections.csv`` inside a LinkedIn export ZIP.

    The ZIP is opened by the export's one ZIP reader, which refuses unsafe archives (names
    climbing out, bombs, too many members) before reading anything.
    """
    with open_source(path) as source:
        if source.kind != "zip":
            raise FileReadError(f"{path.name} is not a readable ZIP file.")
        if not source.has("Connections.csv"):
            raise FileReadError(
                f"{path.name} has no Connections.csv; request the export with Connections "
                "ticked in LinkedIn's 'Get a copy of your data'."
            )
        data = source.read_bytes("Connections.csv")
    return decode_text(data, "Connections.csv")


def read_connections(path: Path) -> ParseResult:
    """Contacts from a ``Connections.csv`` or the export ZIP holding one."""
    with stream_connections(path) as stream:
        return ParseResult(rows=list(stream.rows), skipped=stream.skipped, notes=stream.notes)


@contextmanager
def stream_connections(path: Path) -> Iterator[ParsedStream]:
    """Contacts from a ``Connections.csv`` read row by row, or from the export ZIP holding one."""
    if path.suffix.casefold() == ".zip":
        check_regular(path)
        text, notes = connections_from_zip(path)
        stream = ParsedStream(rows=iter(()), notes=notes)
        stream.rows = iter_connections(rows_with_lines(text), stream.skipped)
        yield stream
        return
    with open_text(path) as (handle, notes):
        stream = ParsedStream(rows=iter(()), notes=notes)
        stream.rows = iter_connections(iter_rows(handle), stream.skipped)
        yield stream
