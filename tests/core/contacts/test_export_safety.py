"""Exports that every reader reads as written: spreadsheets, CSV readers, vCard readers."""

import csv
import io
import sqlite3
from pathlib import Path

import pytest
from icalendar.parser import Contentlines

from profile_helper.core.contacts.csv_io import write_csv
from profile_helper.core.contacts.export import export_contacts
from profile_helper.core.contacts.importer import import_file
from profile_helper.core.contacts.models import ContactDraft, Website, contact_as_dict
from profile_helper.core.contacts.query import list_contacts
from profile_helper.core.contacts.store import add_contact
from profile_helper.core.contacts.textfile import FORMULA_STARTS, decode_text
from profile_helper.core.contacts.vcard import write_vcards
from profile_helper.core.errors import FileReadError
from tests.core.contacts.builders import write

DANGEROUS = [f"{start}1+1" for start in FORMULA_STARTS]


@pytest.mark.parametrize("cell", DANGEROUS)
def test_no_cell_starts_a_formula(cell: str) -> None:
    record = contact_as_dict(ContactDraft(first_name="Ana", company=cell))
    header, row = list(csv.reader(io.StringIO(write_csv([record]), newline="")))
    assert dict(zip(header, row, strict=True))["company"] == "'" + cell


def test_every_data_cell_is_quoted_so_a_cr_stays_inside_its_cell() -> None:
    record = contact_as_dict(ContactDraft(first_name="Ana", company="Acme\r=1+1"))
    text = write_csv([record])
    lines = text.split("\r\n")
    assert lines[0].startswith("first_name,last_name")
    assert lines[1].startswith('"Ana",""')
    assert '"Acme\r=1+1"' in text
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert len(rows) == 2


def test_dangerous_cells_round_trip_through_our_importer(
    db: sqlite3.Connection, tmp_path: Path
) -> None:
    for i, cell in enumerate(DANGEROUS):
        add_contact(db, ContactDraft(first_name=f"P{i}", company=cell, notes=f"a\r\n{cell}"))
    path = tmp_path / "out.csv"
    export_contacts(db, path)
    db.execute("DELETE FROM contacts")
    report = import_file(db, path)
    assert report.added == len(DANGEROUS)
    back = {c.first_name: (c.company, c.notes) for c in list_contacts(db)}
    assert back == {f"P{i}": (cell, f"a\r\n{cell}") for i, cell in enumerate(DANGEROUS)}


def _lines(text: str) -> list[tuple[str, str]]:
    """(name, unescaped value) of each content line, as icalendar's generic reader sees them."""
    return [(line.parts()[0], line.parts()[2]) for line in Contentlines.from_ical(text) if line]  # type: ignore[no-untyped-call]


def test_vcard_values_are_escaped_and_folded() -> None:
    draft = ContactDraft(
        first_name="Ana;B",
        last_name="Gar,cía\\",
        notes="über " * 40 + "\r\nsecond\rthird\nfourth",
        url="https://www.linkedin.com/in/ana",
        websites=[Website("https://x.io/a\nBEGIN:VCARD\r\nFN:Evil", "home\npage")],
    )
    text = write_vcards([draft])
    physical = text.split("\r\n")
    assert all(len(line.encode("utf-8")) <= 75 for line in physical)
    assert "\r" not in text.replace("\r\n", "")
    assert "\n" not in text.replace("\r\n", "")
    assert sum(line == "BEGIN:VCARD" for line in physical) == 1
    lines = dict(_lines(text))
    assert lines["NOTE"] == "über " * 40 + "\nsecond\nthird\nfourth"
    assert lines["item2.URL"] == "https://x.io/a\nBEGIN:VCARD\nFN:Evil"


def test_vcard_round_trip_keeps_one_contact_and_its_note(
    db: sqlite3.Connection, tmp_path: Path
) -> None:
    add_contact(
        db,
        ContactDraft(
            first_name="Ana",
            last_name="García",
            notes="met at; the, fair\\",
            websites=[Website("https://x.io/a\nEND:VCARD\nBEGIN:VCARD\nN:Evil;;;;", "blog")],
        ),
    )
    path = tmp_path / "out.vcf"
    export_contacts(db, path)
    db.execute("DELETE FROM contacts")
    import_file(db, path)
    (ana,) = list_contacts(db)
    assert ana.notes == "met at; the, fair\\"
    assert [w.url for w in ana.websites] == ["https://x.io/a\nEND:VCARD\nBEGIN:VCARD\nN:Evil;;;;"]


def test_a_stray_nul_is_dropped_and_reported(db: sqlite3.Connection, tmp_path: Path) -> None:
    path = write(tmp_path / "x.csv", b"first_name,company\nAna,Ac\x00me\nBo,Glo\x00bex\n")
    report = import_file(db, path)
    assert report.added == 2
    assert sorted(c.company for c in list_contacts(db)) == ["Acme", "Globex"]
    assert report.notes == ["2 NUL characters (invisible, not text) removed."]
    assert report.as_dict()["notes"] == report.notes


def test_binary_files_are_still_refused() -> None:
    with pytest.raises(FileReadError, match="binary"):
        decode_text(b"\x00\x01\x02PK")
    with pytest.raises(FileReadError, match="binary"):
        decode_text("first_name\nAna\n".encode("utf-16-le"))


def test_shift_jis_is_refused_clearly(tmp_path: Path, db: sqlite3.Connection) -> None:
    # Only bytes Windows-1252 can read: without the check this would import as mojibake.
    data = "first_name,company\nさとう,サトウ\n".encode("shift_jis")
    data.decode("cp1252")
    with pytest.raises(FileReadError, match=r"Shift-JIS.*UTF-8"):
        import_file(db, write(tmp_path / "jp.csv", data))
    # And when Windows-1252 cannot read it either, the message still names the encoding.
    with pytest.raises(FileReadError, match="Shift-JIS"):
        import_file(db, write(tmp_path / "jp2.csv", "first_name\nソニー\n".encode("shift_jis")))
    assert list_contacts(db) == []


def test_windows_1252_names_are_still_read() -> None:
    for name in ("Müller", "José", "Élodie", "Ñúñez", "Françoise Öztürk"):
        assert decode_text(f"first_name\n{name}\n".encode("cp1252")).text.endswith(name + "\n")
