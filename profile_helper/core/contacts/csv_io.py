"""Generic CSV: read any spreadsheet with a column mapping, write our own export safely.

Our export's headers are the field names below, so an export reads back with no mapping at all.
Cells that a spreadsheet would run as a formula are neutralised on the way out.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from profile_helper.core.contacts.models import (
    ContactDraft,
    ParsedStream,
    ParseResult,
    RowError,
    Website,
)
from profile_helper.core.contacts.textfile import (
    iter_rows,
    neutralize,
    open_text,
    parse_date,
    rows_with_lines,
    split_list,
    unneutralize,
)
from profile_helper.core.errors import FileReadError

FIELDS: dict[str, str] = {
    "first_name": "First name",
    "last_name": "Last name",
    "full_name": "Full name",
    "company": "Company",
    "position": "Position",
    "location": "Location",
    "emails": "Emails",
    "phones": "Phones",
    "url": "LinkedIn URL",
    "websites": "Websites",
    "tags": "Tags",
    "status": "Status",
    "tier": "Tier",
    "how_met": "How we met",
    "notes": "Notes",
    "connected_on": "Connected on",
}
"""Every field a CSV column can be mapped to, with its name for people."""

EXPORT_FIELDS = [f for f in FIELDS if f != "full_name"] + ["last_interaction", "next_follow_up"]

# Header spellings other tools use, casefolded, for the automatic mapping.
_ALIASES: dict[str, str] = {
    "first": "first_name",
    "given name": "first_name",
    "first name": "first_name",
    "firstname": "first_name",
    "last": "last_name",
    "family name": "last_name",
    "surname": "last_name",
    "last name": "last_name",
    "lastname": "last_name",
    "name": "full_name",
    "full name": "full_name",
    "org": "company",
    "organization": "company",
    "organisation": "company",
    "company name": "company",
    "employer": "company",
    "title": "position",
    "job title": "position",
    "headline": "position",
    "role": "position",
    "city": "location",
    "email": "emails",
    "e-mail": "emails",
    "email address": "emails",
    "e-mail address": "emails",
    "e-mail 1 - value": "emails",
    "phone": "phones",
    "phone number": "phones",
    "mobile": "phones",
    "phone 1 - value": "phones",
    "linkedin": "url",
    "linkedin url": "url",
    "profile url": "url",
    "website": "websites",
    "labels": "tags",
    "groups": "tags",
    "note": "notes",
    "connected": "connected_on",
}


def auto_mapping(headers: Iterable[str]) -> dict[str, str]:
    """Our field -> their header, for the headers we recognise (first match wins)."""
    known = {k.casefold(): k for k in FIELDS}
    known.update({v.casefold(): k for k, v in FIELDS.items()})
    known.update(_ALIASES)
    mapping: dict[str, str] = {}
    for header in headers:
        key = " ".join(header.replace("_", " ").split()).casefold()
        field = known.get(key) or known.get(header.strip().casefold())
        if field and field not in mapping:
            mapping[field] = header
    return mapping


def read_table(text: str) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """The header row (the first non-blank one) and the rows after it with their lines."""
    rows = iter(rows_with_lines(text))
    return _header(rows), list(rows)


def read_headers(path: Path) -> list[str]:
    """The header row of a CSV file, reading no further than it."""
    with open_text(path) as (handle, _notes):
        return _header(iter_rows(handle))


def _header(rows: Iterator[tuple[int, list[str]]]) -> list[str]:
    """The first non-blank row, as headers (the rows up to it are consumed)."""
    for _line, row in rows:
        if any(c.strip() for c in row):
            return [c.strip().lstrip("\ufeff") for c in row]
    raise FileReadError("The CSV file is empty: it has no header row.")


def _draft(values: dict[str, str]) -> ContactDraft:
    first, last = values.get("first_name", ""), values.get("last_name", "")
    if not (first or last) and values.get("full_name"):
        first, _, last = values["full_name"].partition(" ")
    websites = []
    for item in split_list(values.get("websites", "")):
        label, sep, url = item.partition(": ")
        websites.append(Website(url.strip(), label.strip()) if sep else Website(item))
    tier_text = values.get("tier", "").strip()
    tier = int(tier_text) if tier_text in ("1", "2", "3") else None
    return ContactDraft(
        first_name=first.strip(),
        last_name=last.strip(),
        company=values.get("company", ""),
        position=values.get("position", ""),
        location=values.get("location", ""),
        emails=[e for e in split_list(values.get("emails", "").replace(",", ";")) if e],
        phones=split_list(values.get("phones", "")),
        url=values.get("url") or None,
        websites=websites,
        tags=split_list(values.get("tags", "").replace(",", ";")),
        status=values.get("status") or None,
        tier=tier,
        how_met=values.get("how_met", ""),
        notes=values.get("notes", ""),
        connected_on=parse_date(values.get("connected_on", "")),
        source="csv",
    )


def parse_csv(text: str, mapping: dict[str, str] | None = None) -> ParseResult:
    """Contacts from a CSV; ``mapping`` is our field -> their header (guessed when ``None``)."""
    result = ParseResult()
    result.rows.extend(iter_csv(rows_with_lines(text), mapping, result.skipped))
    return result


def _column_index(headers: list[str], mapping: dict[str, str] | None) -> dict[str, int]:
    """Our field -> the column holding it; :class:`FileReadError` when no column has a name."""
    mapping = auto_mapping(headers) if mapping is None else mapping
    unknown = [h for h in mapping.values() if h not in headers]
    if unknown:
        raise FileReadError(f"The CSV has no column named {unknown[0]!r}.")
    if not {"first_name", "last_name", "full_name"} & mapping.keys():
        raise FileReadError(
            "No column of this CSV holds a name: map a column to First name, Last name or "
            "Full name (our own export uses first_name and last_name)."
        )
    return {field: headers.index(header) for field, header in mapping.items()}


def iter_csv(
    rows: Iterable[tuple[int, list[str]]],
    mapping: dict[str, str] | None,
    skipped: list[RowError],
) -> Iterator[tuple[int, ContactDraft]]:
    """Contacts from CSV rows as they are read; rows without a name go to ``skipped``."""
    remaining = iter(rows)
    index = _column_index(_header(remaining), mapping)
    for line, row in remaining:
        if not any(c.strip() for c in row):
            continue
        values = {f: unneutralize(row[i].strip()) if i < len(row) else "" for f, i in index.items()}
        draft = _draft(values)
        if not (draft.first_name or draft.last_name):
            skipped.append(RowError(line, "no name"))
            continue
        yield line, draft


def read_csv(path: Path, mapping: dict[str, str] | None = None) -> ParseResult:
    with stream_csv(path, mapping) as stream:
        return ParseResult(rows=list(stream.rows), skipped=stream.skipped, notes=stream.notes)


@contextmanager
def stream_csv(path: Path, mapping: dict[str, str] | None = None) -> Iterator[ParsedStream]:
    """Contacts from a CSV file read row by row (see :func:`iter_csv`)."""
    with open_text(path) as (handle, notes):
        stream = ParsedStream(rows=iter(()), notes=notes)
        stream.rows = iter_csv(iter_rows(handle), mapping, stream.skipped)
        yield stream


def cell_text(value: object) -> str:
    """One field as CSV cell text: lists joined with ``; ``, web addresses as ``label: url``."""
    if value is None:
        return ""
    if isinstance(value, list):
        parts = []
        for item in value:
            if isinstance(item, dict):
                parts.append(f"{item['label']}: {item['url']}" if item["label"] else item["url"])
            else:
                parts.append(str(item))
        return "; ".join(parts)
    return str(value)


def export_row(record: dict[str, object]) -> list[str]:
    """The :data:`EXPORT_FIELDS` cells of a :func:`contact_as_dict` dict, formulas neutralised."""
    return [neutralize(cell_text(record.get(f))) for f in EXPORT_FIELDS]


def write_table(
    out: TextIO,
    header: Sequence[str],
    rows: Iterable[Sequence[object]],
    line_end: str = "\r\n",
) -> None:
    """The one CSV writer of every export: safe in any spreadsheet and any CSV reader.

    Every data cell is quoted (a CR or LF inside a cell stays inside it even for readers that
    split lines first) and neutralised (no cell starts a formula). The header is our own field
    names, left bare so that it reads as before.
    """
    csv.writer(out, lineterminator=line_end).writerow(header)
    writer = csv.writer(out, lineterminator=line_end, quoting=csv.QUOTE_ALL)
    for row in rows:
        writer.writerow([neutralize("" if cell is None else str(cell)) for cell in row])


def write_csv(records: Iterable[dict[str, object]]) -> str:
    """CSV text of contacts given as :func:`contact_as_dict` dicts, formulas neutralised."""
    out = io.StringIO()
    write_table(out, EXPORT_FIELDS, (export_row(record) for record in records))
    return out.getvalue()
