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
from collections.abc import Iterator
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


def _clean(cell: str) -> str:
    """HTML entities decoded and NUL characters (left by some exporters) dropped."""
    if "&" in cell or "\x00" in cell:
        return html.unescape(cell.replace("\x00", "").strip())
    return cell


class Table:
    """A file's data rows as lists of cells, ``cells[table.index[field]]``: the quickest way
    through a large file. A field the file lacks reads as the blank cell added to each row.

    The header is looked for as the table is made: :class:`FileReadError` when no header row of
    ``layout`` comes within the first rows (the file is not the LinkedIn file its name says).
    ``stream`` is a buffered binary stream: it is peeked at, then read once.
    """

    def __init__(self, stream: BinaryIO, layout: Layout, name: str | None = None) -> None:
        self.label = name or layout.file
        peek = getattr(stream, "peek", None)
        head = peek(SNIFF_BYTES)[:SNIFF_BYTES] if peek is not None else b""
        text = io.TextIOWrapper(
            stream, encoding=_encoding(head, self.label), errors="replace", newline=""
        )
        csv.field_size_limit(MAX_FIELD)
        self._reader = csv.reader(text)
        try:
            fields = _header(self._reader, layout, self.label)
        except csv.Error as exc:
            raise FileReadError(f"{self.label} is broken near its start: {exc}.") from None
        self.width = len(fields)
        # The last column of a name wins, as a dict would have it; missing ones read the blank.
        self.index = dict.fromkeys(layout.columns, self.width)
        self.index.update({f: i for i, f in enumerate(fields) if f is not None})

    def __iter__(self) -> Iterator[tuple[int, list[str]]]:
        try:
            yield from self._rows()
        except csv.Error as exc:
            raise FileReadError(
                f"{self.label} is broken near line {self._reader.line_num}: {exc}."
            ) from None

    def _rows(self) -> Iterator[tuple[int, list[str]]]:
        reader, width = self._reader, self.width
        previous = reader.line_num
        for row in reader:
            line = previous + 1
            previous = reader.line_num
            raw = row if len(row) == width else row[:width] + [""] * (width - len(row))
            joined = "".join(raw)
            if not joined.strip():
                continue  # a blank line
            cells = list(map(str.strip, raw))
            if "&" in joined or "\x00" in joined:
                cells = list(map(_clean, cells))
            cells.append("")
            yield line, cells


def read_table(stream: BinaryIO, layout: Layout, name: str | None = None) -> Iterator[Row]:
    """The data rows of ``stream`` with their cells by field name (see :class:`Table`)."""
    table = Table(stream, layout, name)
    where = list(table.index.items())
    for line, cells in table:
        yield line, {field: cells[i] for field, i in where}


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
