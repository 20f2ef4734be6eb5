"""Reading the bytes of an imported file as text, whatever spreadsheet last saved it."""

from __future__ import annotations

import codecs
import csv
import io
import re
import stat
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any, BinaryIO, NamedTuple, TextIO, cast

from profile_helper.core.errors import FileReadError

# Cells beginning with these are run as formulas (or as DDE, "|") by one spreadsheet or another
# (CSV injection); some read the full-width forms as the ASCII ones.
FORMULA_STARTS = (
    "=", "+", "-", "@", "\t", "\r", "\n", "|", "%",
    "\uff1d", "\uff0b", "\uff0d", "\uff20", "\uff5c", "\uff05",
)  # fmt: skip
MAX_FIELD = 1_000_000

_DATE_FORMATS = (
    "%d %b %Y",  # 15 Jan 2024: LinkedIn's own export
    "%d-%b-%y",  # 4-Apr-21: the same file re-saved by Excel
    "%d-%b-%Y",
    "%d %B %Y",
    "%Y-%m-%d",
    "%m/%d/%y",
    "%m/%d/%Y",
    "%b %d, %Y",
    "%B %d, %Y",
)


def check_regular(path: Path) -> None:
    """Refuse what is not a plain file before reading it: a device (``/dev/zero`` never ends),
    a FIFO (opening it waits for a writer), a socket. Folders and missing files are said too."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        raise FileReadError(f"There is no file {path}.") from None
    except OSError as exc:
        raise FileReadError(f"Cannot read {path}: {exc.strerror or exc}.") from None
    if stat.S_ISDIR(mode):
        raise FileReadError(f"{path} is a folder, not a file.")
    if not stat.S_ISREG(mode):
        raise FileReadError(f"{path} is not a regular file (a device, pipe or socket).")


def read_head(path: Path, size: int) -> bytes:
    """The first ``size`` bytes of a regular file (to tell its format)."""
    check_regular(path)
    try:
        with path.open("rb") as handle:
            return handle.read(size)
    except OSError as exc:
        raise FileReadError(f"Cannot read {path}: {exc.strerror or exc}.") from None


def read_bytes(path: Path) -> bytes:
    check_regular(path)
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise FileReadError(f"There is no file {path}.") from None
    except IsADirectoryError:
        raise FileReadError(f"{path} is a folder, not a file.") from None
    except OSError as exc:
        raise FileReadError(f"Cannot read {path}: {exc.strerror or exc}.") from None


class Decoded(NamedTuple):
    """The text of a file, and what was changed on the way for the import report to say."""

    text: str
    notes: list[str]


# Control bytes no text file has; NUL is judged separately (a stray one is dropped).
_BINARY_BYTES = re.compile(rb"[\x01-\x08\x0e-\x19\x1b-\x1f]")
# Full-width hiragana and katakana: Shift-JIS lead bytes 0x82/0x83 (rare "‚" and "ƒ" in
# Windows-1252), so a file that has them when read as Shift-JIS is Japanese text.
_KANA = re.compile("[\u3041-\u30ff]")


def _looks_like_shift_jis(data: bytes) -> bool:
    try:
        text = data.decode("shift_jis")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp932")
        except UnicodeDecodeError:
            return False
    return _KANA.search(text) is not None


def decode_text(data: bytes, name: str = "the file") -> Decoded:
    """Text from UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-1252.

    A few NUL characters (left by some exporters) are dropped and said in the notes; a file
    with other binary bytes, or mostly NULs, is refused. Japanese Shift-JIS text is refused
    with a clear message rather than read as Windows-1252 mojibake.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return Decoded(data.decode("utf-16"), [])
        except UnicodeDecodeError:
            raise FileReadError(f"{name} is not readable text (broken UTF-16).") from None
    notes: list[str] = []
    nuls = data.count(b"\x00")
    if nuls and (nuls * 10 > len(data) or _BINARY_BYTES.search(data)):
        raise FileReadError(f"{name} is not a text file (it contains binary data).")
    if nuls:
        data = data.replace(b"\x00", b"")
        notes.append(
            f"{nuls} NUL character{'s' if nuls != 1 else ''} (invisible, not text) removed."
        )
    try:
        return Decoded(data.decode("utf-8-sig"), notes)
    except UnicodeDecodeError:
        pass
    if _looks_like_shift_jis(data):
        raise FileReadError(
            f"{name} is Japanese Shift-JIS text, which would import as garbled names; save it "
            "as UTF-8 (in Excel: CSV UTF-8) and import it again."
        )
    try:
        return Decoded(data.decode("cp1252"), notes)
    except UnicodeDecodeError:
        raise FileReadError(
            f"{name} is neither UTF-8 nor Windows-1252 text; save it as UTF-8 CSV and retry."
        ) from None


def decode(data: bytes, name: str = "the file") -> str:
    """The text of :func:`decode_text`, without its notes."""
    return decode_text(data, name).text


def rows_with_lines(text: str) -> list[tuple[int, list[str]]]:
    """CSV rows with the line each starts on; raises :class:`FileReadError` on broken CSV."""
    return list(iter_rows(io.StringIO(text, newline="")))


def iter_rows(lines: Iterable[str]) -> Iterator[tuple[int, list[str]]]:
    """CSV rows with the line each starts on, read as they come (a file is never held whole)."""
    csv.field_size_limit(MAX_FIELD)
    reader = csv.reader(lines)
    previous = 0
    try:
        for row in reader:
            yield previous + 1, row
            previous = reader.line_num
    except csv.Error as exc:
        raise FileReadError(f"The CSV is broken near line {reader.line_num}: {exc}.") from None
    except UnicodeDecodeError:
        raise FileReadError(
            f"The file is not readable text near line {reader.line_num + 1}; save it as UTF-8 "
            "CSV and retry."
        ) from None


# Streaming: a file is read in chunks of this size, twice: once to choose how to decode it
# (and to refuse binary data), then as text, row by row.
CHUNK = 1 << 20


class _NulDropper(io.RawIOBase):
    """A file's bytes without NUL characters (left by some exporters)."""

    def __init__(self, handle: BinaryIO) -> None:
        self._handle = handle
        self._pending = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        view = memoryview(buffer).cast("B")
        while not self._pending:
            chunk = self._handle.read(len(view))
            if not chunk:
                return 0
            self._pending = chunk.replace(b"\x00", b"")
        size = min(len(view), len(self._pending))
        view[:size] = self._pending[:size]
        self._pending = self._pending[size:]
        return size


class _Scan(NamedTuple):
    utf8: bool
    nuls: int
    size: int
    binary: bool
    head: bytes


def _scan(path: Path) -> _Scan:
    """One pass over the file's bytes in chunks: what :func:`_sniff` decides on."""
    utf8 = codecs.getincrementaldecoder("utf-8")()
    is_utf8, nuls, size, binary, head = True, 0, 0, False, b""
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(CHUNK):
                head = head or chunk[:65536]
                size += len(chunk)
                count = chunk.count(b"\x00")
                nuls += count
                binary = binary or _BINARY_BYTES.search(chunk) is not None
                if is_utf8:
                    try:
                        utf8.decode(chunk.replace(b"\x00", b"") if count else chunk)
                    except UnicodeDecodeError:
                        is_utf8 = False
        if is_utf8:
            utf8.decode(b"", final=True)
    except UnicodeDecodeError:
        is_utf8 = False
    except OSError as exc:
        raise FileReadError(f"Cannot read {path}: {exc.strerror or exc}.") from None
    return _Scan(is_utf8, nuls, size, binary, head)


def _sniff(path: Path) -> tuple[str, int]:
    """How to decode ``path`` (an encoding name) and how many NULs it has."""
    scan = _scan(path)
    if scan.head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16", 0
    if scan.nuls and (scan.nuls * 10 > scan.size or scan.binary):
        raise FileReadError(f"{path.name} is not a text file (it contains binary data).")
    if scan.utf8:
        return "utf-8-sig", scan.nuls
    if _looks_like_shift_jis(scan.head):
        raise FileReadError(
            f"{path.name} is Japanese Shift-JIS text, which would import as garbled names; "
            "save it as UTF-8 (in Excel: CSV UTF-8) and import it again."
        )
    return "cp1252", scan.nuls


@contextmanager
def open_text(path: Path) -> Iterator[tuple[TextIO, list[str]]]:
    """``path`` as a text stream for a CSV reader (``newline=""``), and the notes of reading.

    The same rules as :func:`decode_text`, applied in chunks: memory holds a chunk, never the
    file. Undecodable bytes met while reading raise :class:`FileReadError` from the reader.
    """
    check_regular(path)
    encoding, nuls = _sniff(path)
    notes = []
    if nuls:
        notes.append(
            f"{nuls} NUL character{'s' if nuls != 1 else ''} (invisible, not text) removed."
        )
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise FileReadError(f"Cannot read {path}: {exc.strerror or exc}.") from None
    with handle:
        raw: BinaryIO = handle
        if nuls:
            raw = cast(BinaryIO, io.BufferedReader(_NulDropper(handle), CHUNK))
        text = io.TextIOWrapper(raw, encoding=encoding, newline="")
        try:
            yield text, notes
        except UnicodeDecodeError:
            raise FileReadError(
                f"{path.name} is neither UTF-8 nor Windows-1252 text; save it as UTF-8 and retry."
            ) from None
        finally:
            text.detach()


_MONTHS = {
    m: i
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
        start=1,
    )
}


@lru_cache(maxsize=8192)
def parse_date(text: str) -> str | None:
    """An ISO date from the date formats exports use, or ``None``.

    Cached: an export of 30,000 connections has a few thousand distinct dates at most.
    """
    value = text.strip()
    parts = value.split(" ")
    # LinkedIn's own "15 Jan 2024", without strptime's cost.
    if len(parts) == 3 and parts[0].isdigit() and parts[2].isdigit() and len(parts[2]) == 4:
        month = _MONTHS.get(parts[1][:3].casefold())
        if month is not None:
            try:
                return date(int(parts[2]), month, int(parts[0])).isoformat()
            except ValueError:
                return None
    if not value:
        return None
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(value, fmt).date().isoformat()
        except ValueError:
            continue
    return None


def neutralize(cell: str) -> str:
    """Make a cell safe to open in a spreadsheet: a leading quote stops formula evaluation."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def unneutralize(cell: str) -> str:
    """Undo :func:`neutralize` when reading our own export back."""
    if len(cell) > 1 and cell[0] == "'" and cell[1] in FORMULA_STARTS:
        return cell[1:]
    return cell


def split_list(cell: str) -> list[str]:
    return [p.strip() for p in re.split(r"[;\n]", cell) if p.strip()]
