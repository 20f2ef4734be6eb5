import sqlite3
from pathlib import Path

import pytest

from profile_helper.core.contacts.export import export_contacts
from profile_helper.core.contacts.importer import import_file
from profile_helper.core.contacts.models import ContactDraft, Website, contact_as_dict
from profile_helper.core.contacts.query import list_contacts
from profile_helper.core.contacts.store import add_contact
from profile_helper.core.contacts.vcard import parse_vcards, write_vcards
from profile_helper.core.errors import FileReadError

APPLE_30 = """BEGIN:VCARD\r
VERSION:3.0\r
N:García;Ana;;;\r
FN:Ana García\r
ORG:TechStart\\, Inc.;Engineering\r
TITLE:CTO\r
EMAIL;type=INTERNET;type=WORK;type=pref:ana@techstart.io\r
EMAIL;type=INTERNET;type=HOME:ana@home.net\r
TEL;type=CELL;type=VOICE;type=pref:+1 555 0100\r
item1.URL;type=pref:https://www.linkedin.com/in/ana-garcia\r
item1.X-ABLabel:LinkedIn\r
item2.URL:https://ana.dev\r
item2.X-ABLabel:_$!<HomePage>!$_\r
item3.URL:https://github.com/ana\r
item3.X-ABLabel:GitHub\r
NOTE:Met at PyCon\\nTalked about Rust\\; follow up\r
CATEGORIES:mentor,berlin\r
ADR;type=WORK:;;Street 1;Berlin;;10115;Germany\r
END:VCARD\r
"""

V40 = """BEGIN:VCARD
VERSION:4.0
FN:Chen Wei
N:Chen;Wei;;;
EMAIL;TYPE=work:mailto:chen@example.cn
TEL;VALUE=uri;TYPE="voice,cell":tel:+86-10-1234
URL:https://example.cn/chen
X-SOCIALPROFILE;TYPE=linkedin:https://www.linkedin.com/in/chenwei
NOTE:A very long note that goes on and on so that the line must be folded by the wr
 iter of the file.
END:VCARD
BEGIN:VCARD
VERSION:4.0
ORG:Nobody Inc
END:VCARD
BEGIN:VCARD
VERSION:4.0
FN:Only Fullname
END:VCARD
"""


def test_apple_vcard_30_keeps_every_url() -> None:
    ((line, ana),) = parse_vcards(APPLE_30).rows
    assert line == 1
    assert (ana.first_name, ana.last_name) == ("Ana", "García")
    assert (ana.company, ana.position) == ("TechStart, Inc.", "CTO")
    assert ana.emails == ["ana@techstart.io", "ana@home.net"]
    assert ana.phones == ["+1 555 0100"]
    assert ana.url == "https://www.linkedin.com/in/ana-garcia"
    assert ana.websites == [
        Website("https://ana.dev", "HomePage"),
        Website("https://github.com/ana", "GitHub"),
    ]
    assert ana.notes == "Met at PyCon\nTalked about Rust; follow up"
    assert ana.tags == ["mentor", "berlin"]
    assert ana.location == "Berlin, Germany"


def test_vcard_40_with_uris_folding_and_nameless_cards() -> None:
    result = parse_vcards(V40)
    people = [d for _l, d in result.rows]
    assert [p.full_name for p in people] == ["Wei Chen", "Only Fullname"]
    chen = people[0]
    assert chen.emails == ["chen@example.cn"]
    assert chen.phones == ["+86-10-1234"]
    assert chen.url == "https://www.linkedin.com/in/chenwei"
    assert chen.websites == [Website("https://example.cn/chen")]
    assert chen.notes.endswith("by the writer of the file.")
    assert [(e.line, e.reason) for e in result.skipped] == [(12, "card without a name")]


def test_not_a_vcard() -> None:
    with pytest.raises(FileReadError, match="No vCard"):
        parse_vcards("hello\nworld\n")


def test_writer_escapes_and_folds() -> None:
    text = write_vcards(
        [ContactDraft(first_name="Zoë", last_name="Ng", notes="é" * 100 + "; a,b\\c\nx")]
    )
    assert text.startswith("BEGIN:VCARD\r\nVERSION:3.0\r\n")
    for line in text.split("\r\n"):
        assert len(line.encode("utf-8")) <= 75
    ((_, back),) = parse_vcards(text).rows
    assert back.notes == "é" * 100 + "; a,b\\c\nx"


def test_vcard_round_trip(db: sqlite3.Connection, tmp_path: Path) -> None:
    add_contact(
        db,
        ContactDraft(
            first_name="Ana",
            last_name="García",
            company="TechStart, Inc.",
            position="CTO",
            location="Berlin",
            emails=["ana@x.io", "b@x.io"],
            phones=["+49 30 1"],
            url="https://www.linkedin.com/in/ana",
            websites=[Website("https://ana.dev", "Blog"), Website("https://x.io")],
            tags=["mentor", "rust; go"],
            notes="two\nlines, with; punctuation",
        ),
    )
    add_contact(db, ContactDraft(first_name="李", last_name="明"))
    fields = (
        "first_name",
        "last_name",
        "company",
        "position",
        "location",
        "emails",
        "phones",
        "url",
        "websites",
        "tags",
        "notes",
    )

    def snapshot() -> list[dict[str, object]]:
        return [{k: contact_as_dict(c)[k] for k in fields} for c in list_contacts(db)]

    before = snapshot()
    out = tmp_path / "contacts.vcf"
    export_contacts(db, out)
    db.execute("DELETE FROM contacts")
    db.commit()
    assert import_file(db, out).added == 2
    assert snapshot() == before
