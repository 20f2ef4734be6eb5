"""vCard 3.0 (RFC 2426) and 4.0 (RFC 6350) in, vCard 3.0 out, written by hand.

Apple groups a URL with its label (``item1.URL`` + ``item1.X-ABLabel``); every URL is kept with
its label. A LinkedIn profile URL (in ``URL`` or ``X-SOCIALPROFILE``) becomes the contact's url.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from profile_helper.core.contacts.identity import is_linkedin_profile
from profile_helper.core.contacts.models import (
    ContactDraft,
    ParsedStream,
    ParseResult,
    RowError,
    Website,
)
from profile_helper.core.contacts.textfile import open_text
from profile_helper.core.errors import FileReadError

_LINE = re.compile(
    r"^(?:(?P<group>[A-Za-z0-9-]+)\.)?(?P<name>[A-Za-z0-9-]+)(?P<params>;[^:]*)?:"
    r"(?P<value>.*)$",
    re.DOTALL,
)
_LINE_END = re.compile(r"\r\n|\r|\n")
_APPLE_LABEL = re.compile(r"^_\$!<(.*)>!\$_$")


def _unescape(text: str) -> str:
    out = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text):
            nxt = text[i + 1]
            out.append("\n" if nxt in "nN" else nxt)
            i += 2
            continue
        out.append(ch)
        i += 1
    return "".join(out)


def _split(text: str, sep: str) -> list[str]:
    """Split on ``sep`` where it is not escaped by a backslash, then unescape each part."""
    parts, current, i = [], [], 0
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text):
            current.append(text[i : i + 2])
            i += 2
            continue
        if ch == sep:
            parts.append(_unescape("".join(current)))
            current = []
        else:
            current.append(ch)
        i += 1
    parts.append(_unescape("".join(current)))
    return parts


def _unfold(raw_lines: Iterable[str]) -> Iterator[tuple[int, str]]:
    """Logical lines with the physical line each starts on (continuations begin with a space).

    ``raw_lines`` are the physical lines without their line ends, read as they come.
    """
    pending: tuple[int, list[str]] | None = None
    for number, raw in enumerate(raw_lines, start=1):
        if raw[:1] in (" ", "\t") and pending is not None:
            pending[1].append(raw[1:])
            continue
        if pending is not None:
            yield pending[0], "".join(pending[1])
            pending = None
        if raw.strip():
            pending = (number, [raw])
    if pending is not None:
        yield pending[0], "".join(pending[1])


def _physical_lines(handle: TextIO) -> Iterator[str]:
    """A text stream's lines without their ends: only CR and LF end lines (str.splitlines would
    also split on U+2028 and friends inside values)."""
    for line in handle:
        if line.endswith("\r\n"):
            yield line[:-2]
        elif line.endswith(("\r", "\n")):
            yield line[:-1]
        else:
            yield line


class _Card:
    def __init__(self, line: int) -> None:
        self.line = line
        self.props: list[tuple[str | None, str, str, str]] = []  # group, NAME, params, value


def _cards(lines: Iterable[tuple[int, str]]) -> Iterator[_Card]:
    current: _Card | None = None
    for number, line in lines:
        match = _LINE.match(line)
        if match is None:
            continue
        name = match["name"].upper()
        value = match["value"]
        if name == "BEGIN" and value.strip().upper() == "VCARD":
            current = _Card(number)
        elif name == "END" and value.strip().upper() == "VCARD":
            if current is not None:
                yield current
            current = None
        elif current is not None:
            current.props.append((match["group"], name, (match["params"] or "").upper(), value))


def _set_field(draft: ContactDraft, name: str, value: str) -> None:
    """N, ORG, TITLE, NOTE and ADR: what a contact has one of (the first address wins)."""
    if name == "N":
        parts = [*_split(value, ";"), "", ""]
        draft.last_name, draft.first_name = parts[0].strip(), parts[1].strip()
    elif name == "ORG":
        draft.company = _split(value, ";")[0].strip()
    elif name == "TITLE":
        draft.position = _unescape(value).strip()
    elif name == "NOTE":
        draft.notes = _unescape(value).strip()
    elif name == "ADR" and not draft.location:
        parts = [*_split(value, ";"), "", "", "", "", "", "", ""]
        place = (parts[3], parts[4], parts[6])
        draft.location = ", ".join(p.strip() for p in place if p.strip())


def _add_listed(draft: ContactDraft, name: str, value: str) -> None:
    """EMAIL, TEL and CATEGORIES: what a contact may have several of."""
    if not value.strip():
        return
    if name == "EMAIL":
        draft.emails.append(_unescape(value).strip().removeprefix("mailto:"))
    elif name == "TEL":
        draft.phones.append(_unescape(value).strip().removeprefix("tel:"))
    else:
        draft.tags.extend(t.strip() for t in _split(value, ",") if t.strip())


def _add_url(draft: ContactDraft, value: str, params: str, label: str) -> None:
    """The LinkedIn profile (the first one), else one more website with its Apple label."""
    if not value.strip():
        return
    url = _unescape(value).strip()
    if draft.url is None and (is_linkedin_profile(url) or "LINKEDIN" in params):
        draft.url = url
    else:
        draft.websites.append(Website(url, _APPLE_LABEL.sub(r"\1", label)))


def _draft(card: _Card) -> ContactDraft:
    draft = ContactDraft(source="vcard")
    labels = {g.upper(): _unescape(v) for g, n, _p, v in card.props if g and n == "X-ABLABEL"}
    full_name = ""
    for group, name, params, value in card.props:
        if name == "FN":
            full_name = _unescape(value).strip()
        elif name in ("EMAIL", "TEL", "CATEGORIES"):
            _add_listed(draft, name, value)
        elif name in ("URL", "X-SOCIALPROFILE"):
            _add_url(draft, value, params, labels.get((group or "").upper(), ""))
        else:
            _set_field(draft, name, value)
    if not (draft.first_name or draft.last_name) and full_name:
        draft.first_name, _, draft.last_name = full_name.partition(" ")
    return draft


def parse_vcards(text: str) -> ParseResult:
    """Contacts from vCard text; raises :class:`FileReadError` when it holds no card at all."""
    result = ParseResult()
    result.rows.extend(iter_vcards(_LINE_END.split(text), result.skipped))
    return result


def iter_vcards(
    raw_lines: Iterable[str], skipped: list[RowError]
) -> Iterator[tuple[int, ContactDraft]]:
    """Contacts from vCard lines as they are read; cards without a name go to ``skipped``."""
    found = False
    for card in _cards(_unfold(raw_lines)):
        found = True
        draft = _draft(card)
        if draft.first_name or draft.last_name:
            yield card.line, draft
        else:
            skipped.append(RowError(card.line, "card without a name"))
    if not found:
        raise FileReadError("No vCard (BEGIN:VCARD ... END:VCARD) was found in the file.")


def read_vcards(path: Path) -> ParseResult:
    with stream_vcards(path) as stream:
        return ParseResult(rows=list(stream.rows), skipped=stream.skipped, notes=stream.notes)


@contextmanager
def stream_vcards(path: Path) -> Iterator[ParsedStream]:
    """Contacts from a vCard file read line by line (see :func:`iter_vcards`)."""
    with open_text(path) as (handle, notes):
        stream = ParsedStream(rows=iter(()), notes=notes)
        stream.rows = iter_vcards(_physical_lines(handle), stream.skipped)
        yield stream


def _escape(text: str) -> str:
    """A value escaped per RFC 6350 3.4: no CR or LF is left in it, whatever it is (a URL too)."""
    return (
        text.replace("\x00", "")
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\n")
        .replace("\r", "\n")
        .replace("\n", "\\n")
    )


def _fold(line: str) -> str:
    """Fold at 75 octets (RFC 2426), never inside a UTF-8 character."""
    out: list[str] = []
    current = ""
    size = 0
    limit = 75
    for ch in line:
        width = len(ch.encode("utf-8"))
        if size + width > limit:
            out.append(current)
            current, size, limit = " ", 1, 75
        current += ch
        size += width
    out.append(current)
    return "\r\n".join(out)


def write_vcards(contacts: Iterable[ContactDraft]) -> str:
    """vCard 3.0 text for the contacts, one card each, CRLF line ends."""
    lines: list[str] = []
    for c in contacts:
        card = [
            "BEGIN:VCARD",
            "VERSION:3.0",
            f"N:{_escape(c.last_name)};{_escape(c.first_name)};;;",
            f"FN:{_escape(c.full_name)}",
        ]
        if c.company:
            card.append(f"ORG:{_escape(c.company)}")
        if c.position:
            card.append(f"TITLE:{_escape(c.position)}")
        card += [f"EMAIL;TYPE=INTERNET:{_escape(e)}" for e in c.emails]
        card += [f"TEL:{_escape(p)}" for p in c.phones]
        item = 0
        if c.url:
            item += 1
            card += [f"item{item}.URL:{_escape(c.url)}", f"item{item}.X-ABLabel:LinkedIn"]
        for site in c.websites:
            item += 1
            card.append(f"item{item}.URL:{_escape(site.url)}")
            if site.label:
                card.append(f"item{item}.X-ABLabel:{_escape(site.label)}")
        if c.location:
            card.append(f"ADR:;;;{_escape(c.location)};;;")
        if c.tags:
            card.append("CATEGORIES:" + ",".join(_escape(t) for t in c.tags))
        if c.notes:
            card.append(f"NOTE:{_escape(c.notes)}")
        card.append("END:VCARD")
        lines += [_fold(x) for x in card]
    return "\r\n".join(lines) + "\r\n"
