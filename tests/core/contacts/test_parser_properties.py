"""Arbitrary text and bytes into every parser: a result or a known error, never a crash."""

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from profile_helper.core.contacts.csv_io import parse_csv
from profile_helper.core.contacts.importer import read_file
from profile_helper.core.contacts.linkedin import parse_connections
from profile_helper.core.contacts.models import ContactDraft, ParseResult
from profile_helper.core.contacts.vcard import parse_vcards, write_vcards
from profile_helper.core.errors import ProfileHelperError
from tests.core.contacts.builders import HEADER

# Text biased towards the characters that matter to these formats.
_format_text = st.text(
    alphabet=st.sampled_from(list('ab,;:"\\\n\r\t =+-@.é🚀\ufeff')) | st.characters(),
    max_size=400,
)
LINES = st.lists(_format_text, max_size=12)


def _ok(call: object) -> None:
    try:
        result = call()  # type: ignore[operator]
    except ProfileHelperError:
        return
    assert isinstance(result, ParseResult)
    for _line, draft in result.rows:
        assert draft.first_name or draft.last_name


@settings(max_examples=150, deadline=None)
@given(LINES)
def test_connections_parser(lines: list[str]) -> None:
    _ok(lambda: parse_connections("\n".join([HEADER, *lines])))
    _ok(lambda: parse_connections("\n".join(lines)))


@settings(max_examples=150, deadline=None)
@given(LINES)
def test_csv_parser(lines: list[str]) -> None:
    _ok(lambda: parse_csv("\n".join(["first_name,last_name,emails,tags", *lines])))
    _ok(lambda: parse_csv("\n".join(lines)))


@settings(max_examples=150, deadline=None)
@given(LINES, st.sampled_from(["3.0", "4.0"]))
def test_vcard_parser(lines: list[str], version: str) -> None:
    body = "\r\n".join(["BEGIN:VCARD", f"VERSION:{version}", *lines, "END:VCARD"])
    _ok(lambda: parse_vcards(body))
    _ok(lambda: parse_vcards("\n".join(lines)))


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.binary(max_size=600), st.sampled_from(["x.csv", "x.vcf", "x.zip", "x.txt"]))
def test_any_bytes_from_disk(tmp_path: Path, data: bytes, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    for fmt in ("auto", "linkedin", "csv", "vcard"):
        _ok(lambda fmt=fmt: read_file(path, fmt))


_field = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"))
    | st.sampled_from([*",;:\\\n", "\u2028", "\x85"]),
    max_size=40,
)


@settings(max_examples=150, deadline=None)
@given(_field, _field, _field, _field, st.lists(_field, max_size=3))
def test_vcard_writer_and_reader_agree(
    first: str, last: str, company: str, notes: str, tags: list[str]
) -> None:
    first, last, company = first.strip() or "X", last.strip(), company.strip()
    notes = notes.strip().replace("\r", "")
    tags = [t.strip() for t in tags if t.strip() and "\n" not in t]
    text = write_vcards(
        [ContactDraft(first_name=first, last_name=last, company=company, notes=notes, tags=tags)]
    )
    ((_line, back),) = parse_vcards(text).rows
    assert (back.first_name, back.last_name, back.company) == (first, last, company)
    assert back.notes == notes
    assert back.tags == tags
