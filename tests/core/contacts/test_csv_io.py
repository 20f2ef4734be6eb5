import csv
import io
import sqlite3
from pathlib import Path

import pytest

from profile_helper.core.contacts.csv_io import auto_mapping, parse_csv, write_csv
from profile_helper.core.contacts.export import export_contacts
from profile_helper.core.contacts.importer import import_file
from profile_helper.core.contacts.models import ContactDraft, Website, contact_as_dict
from profile_helper.core.contacts.query import list_contacts
from profile_helper.core.contacts.store import add_contact
from profile_helper.core.errors import FileReadError


def test_generic_csv_with_a_mapping() -> None:
    text = "Name,Org,Mail,Labels\nAna García,Globex,ana@x.io;a2@x.io,vip; berlin\n,,,\n,Acme,,\n"
    result = parse_csv(
        text, {"full_name": "Name", "company": "Org", "emails": "Mail", "tags": "Labels"}
    )
    ((line, ana),) = result.rows
    assert line == 2
    assert (ana.first_name, ana.last_name, ana.company) == ("Ana", "García", "Globex")
    assert ana.emails == ["ana@x.io", "a2@x.io"]
    assert ana.tags == ["vip", "berlin"]
    assert [(e.line, e.reason) for e in result.skipped] == [(4, "no name")]


def test_auto_mapping_knows_common_headers() -> None:
    mapping = auto_mapping(["Given Name", "Family Name", "E-mail Address", "Job Title", "x"])
    assert mapping == {
        "first_name": "Given Name",
        "last_name": "Family Name",
        "emails": "E-mail Address",
        "position": "Job Title",
    }


def test_unusable_csv_is_a_clear_error() -> None:
    with pytest.raises(FileReadError, match="name"):
        parse_csv("Colour,Size\nred,4\n")
    with pytest.raises(FileReadError, match="empty"):
        parse_csv("\n\n")
    with pytest.raises(FileReadError, match="no column named"):
        parse_csv("A,B\n1,2\n", {"first_name": "Nope"})


def test_formula_injection_is_neutralised() -> None:
    record = contact_as_dict(
        ContactDraft(
            first_name='=HYPERLINK("http://evil")',
            last_name="+1",
            company="-2",
            position="@SUM(A1)",
            notes="fine = fine",
        )
    )
    rows = list(csv.reader(io.StringIO(write_csv([record]))))
    header, row = rows
    values = dict(zip(header, row, strict=True))
    assert values["first_name"] == '\'=HYPERLINK("http://evil")'
    assert values["last_name"] == "'+1"
    assert values["company"] == "'-2"
    assert values["position"] == "'@SUM(A1)"
    assert values["notes"] == "fine = fine"


def test_csv_round_trip(db: sqlite3.Connection, tmp_path: Path) -> None:
    drafts = [
        ContactDraft(
            first_name="Ana",
            last_name="García",
            company="TechStart, Inc.",
            position="=CTO",
            location="Berlin",
            emails=["ana@x.io", "a@home.net"],
            phones=["+49 30 1234"],
            websites=[Website("https://ana.dev", "Blog"), Website("https://x.io/a")],
            url="https://www.linkedin.com/in/ana",
            tags=["mentor", "berlin"],
            status="talking",
            tier=2,
            how_met="PyCon 2023",
            notes='Line one\nline "two", with comma',
            connected_on="2021-04-04",
        ),
        ContactDraft(first_name="李", last_name="明 🚀"),
    ]
    for draft in drafts:
        add_contact(db, draft)
    before = [contact_as_dict(c) for c in list_contacts(db)]
    out = tmp_path / "contacts.csv"
    assert export_contacts(db, out) == 2
    db.execute("DELETE FROM contacts")
    db.commit()
    report = import_file(db, out)
    assert (report.added, report.skipped) == (2, 0)
    after = [contact_as_dict(c) for c in list_contacts(db)]
    ignore = {"id", "source"}
    assert [{k: v for k, v in a.items() if k not in ignore} for a in after] == [
        {k: v for k, v in b.items() if k not in ignore} for b in before
    ]
