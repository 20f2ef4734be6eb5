"""Reading one CSV of the export as a stream of rows, whatever shape that file has had.

Nothing is read whole: the bytes are decoded as they come and ``csv`` reads the text line by
line, so a 200 MB ``messages.csv`` costs the memory of one row. The header row is found by its
content (the first row with the columns the file must have), after any "Notes:" preamble; names
match in any case and spacing, missing columns read as empty cells and extra ones are ignored.
Cells lose a BOM, NUL characters and HTML entities (``&amp;``), which some exports carry.
"""

from __future__ import annotations

import codecs
import csv
import html
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, BinaryIO

from profile_helper.core.contacts.textfile import MAX_FIELD, decode_text
from profile_helper.core.errors import FileReadError

if TYPE_CHECKING:
    from _csv import Reader

SNIFF_BYTES = 64 * 1024
"""How much of the start is looked at to choose the encoding and to refuse binary data."""
HEADER_WITHIN_ROWS = 20
"""The header row must come within this many rows (a preamble is a few lines)."""

Row = tuple[int, dict[str, str]]
"""A row's first line in the file, and its cells by field name."""


def column_key(header: str) -> str:
    """A header as it is matched: letters and digits only, casefolded ("Sent At" = "sentAt")."""
    return "".join(ch for ch in header.casefold() if ch.isalnum())


@dataclass(frozen=True)
class Layout:
    """What one file of the export must look like."""

    file: str
    """Its name in the export, e.g. ``Positions.csv``."""
    columns: dict[str, str]
    """Field name -> the column's header as LinkedIn writes it."""
    required: tuple[str, ...]
    """The fields whose columns make the header row (and say that this is the right file)."""

    def keys(self) -> dict[str, str]:
        """Matched header key -> field name."""
        return {column_key(header): name for name, header in self.columns.items()}


def _encoding(head: bytes, name: str) -> str:
    """``utf-16``, ``utf-8-sig`` or ``cp1252``, judged on the start of the file."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    if len(head) >= SNIFF_BYTES:
        cut = head.rfind(b"\n")
        head = head[: cut + 1] if cut > 0 else head
    # The one judge of what is text: binary data and Shift-JIS are refused with its messages.
    decode_text(head, name)
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head.replace(b"\x00", b""), final=False)
    except UnicodeDecodeError:
        return "cp1252"
    return "utf-8-sig"


def _without_nul(lines: Iterable[str]) -> Iterator[str]:
    for line in lines:
        yield line.replace("\x00", "") if "\x00" in line else line


def _cell(text: str) -> str:
    text = text.strip()
    return html.unescape(text) if "&" in text else text


def read_table(stream: BinaryIO, layout: Layout, name: str | None = None) -> Iterator[Row]:
    """The data rows of ``stream`` (a buffered binary stream: it is peeked at, then read once).

    Raises :class:`FileReadError` when no header row of ``layout`` comes within the first
    rows: the file is not the LinkedIn file its name says.
    """
    label = name or layout.file
    peek = getattr(stream, "peek", None)
    head = peek(SNIFF_BYTES)[:SNIFF_BYTES] if peek is not None else b""
    encoding = _encoding(head, label)
    text = io.TextIOWrapper(stream, encoding=encoding, errors="replace", newline="")
    csv.field_size_limit(MAX_FIELD)
    reader = csv.reader(_without_nul(text))
    try:
        yield from _rows(reader, layout, label)
    except csv.Error as exc:
        raise FileReadError(f"{label} is broken near line {reader.line_num}: {exc}.") from None
    finally:
        text.detach()


def _header(reader: Reader, layout: Layout, label: str) -> list[str | None]:
    """The field each column holds (``None`` for columns not wanted), from the header row."""
    keys = layout.keys()
    needed = {column_key(layout.columns[f]) for f in layout.required}
    for _ in range(HEADER_WITHIN_ROWS):
        row = next(reader, None)
        if row is None:
            break
        found = [column_key(c) for c in row]
        if needed.issubset(found):
            return [keys.get(k) for k in found]
    wanted = ", ".join(layout.columns[f] for f in layout.required)
    raise FileReadError(
        f"{label} is not LinkedIn's {layout.file}: none of its first lines has the columns "
        f"{wanted}."
    )


def _rows(reader: Reader, layout: Layout, label: str) -> Iterator[Row]:
    fields = _header(reader, layout, label)
    empty = dict.fromkeys(layout.columns, "")
    previous = reader.line_num
    for raw in reader:
        line = previous + 1
        previous = reader.line_num
        if not any(raw):
            continue
        row = dict(empty)
        for field, value in zip(fields, raw, strict=False):
            if field is not None and value:
                row[field] = _cell(value)
        if any(row.values()):
            yield line, row
