import sqlite3
from pathlib import Path

import pytest

from profile_helper.core.contacts.importer import apply_import, detect_format, import_file
from profile_helper.core.contacts.models import ContactDraft, ParseResult
from profile_helper.core.contacts.query import ContactQuery, list_contacts
from profile_helper.core.contacts.store import add_contact, contact_count, get_contact
from profile_helper.core.errors import FileReadError, InputError
from tests.core.contacts.builders import big_connections, connections_csv, write


def _rows(*drafts: ContactDraft) -> ParseResult:
    return ParseResult(rows=[(i + 2, d) for i, d in enumerate(drafts)])


def test_identity_by_email_then_name_and_company(db: sqlite3.Connection) -> None:
    by_mail = add_contact(db, ContactDraft(first_name="Ana", emails=["Ana@X.io"], notes="mine"))
    by_name = add_contact(db, ContactDraft(first_name="Bo", last_name="Li", company="Acme"))
    report = apply_import(
        db,
        _rows(
            ContactDraft(first_name="Ana", last_name="García", emails=["ana@x.io"]),
            ContactDraft(first_name="bo", last_name=" LI ", company="acme", position="PM"),
            ContactDraft(first_name="Bo", last_name="Li", company="Globex"),
        ),
    )
    assert (report.added, report.updated) == (1, 2)
    people = {c.id: c for c in list_contacts(db)}
    assert people[by_mail].last_name == "García"
    assert people[by_mail].notes == "mine"  # the person's own notes are kept
    assert people[by_name].position == "PM"
    assert len(people) == 3


def test_same_person_twice_in_a_file_is_one_contact(db: sqlite3.Connection) -> None:
    report = apply_import(
        db,
        _rows(
            ContactDraft(first_name="Ana", url="https://www.linkedin.com/in/ana"),
            ContactDraft(first_name="Ana", url="linkedin.com/in/ana/", company="Acme"),
        ),
    )
    assert (report.added, report.skipped) == (1, 1)
    assert report.errors[0].line == 3
    assert list_contacts(db)[0].company == "Acme"


def test_dry_run_writes_nothing(db: sqlite3.Connection, tmp_path: Path) -> None:
    path = write(tmp_path / "Connections.csv", big_connections(50))
    report = import_file(db, path, dry_run=True)
    assert report.added == 50
    assert contact_count(db) == 0
    assert not db.in_transaction


def test_cancel_midway_leaves_the_store_as_it_was(db: sqlite3.Connection, tmp_path: Path) -> None:
    add_contact(db, ContactDraft(first_name="Kept"))
    path = write(tmp_path / "Connections.csv", big_connections(2000))

    class StopImportError(Exception):
        pass

    def progress(done: int, total: int) -> None:
        assert 0 < done <= total
        if done >= 1000:  # half of the rows are read
            raise StopImportError

    with pytest.raises(StopImportError):
        import_file(db, path, progress=progress)
    assert [c.first_name for c in list_contacts(db)] == ["Kept"]
    assert not db.in_transaction


def test_unreadable_files_change_nothing(db: sqlite3.Connection, tmp_path: Path) -> None:
    add_contact(db, ContactDraft(first_name="Kept"))
    with pytest.raises(FileReadError, match="no file"):
        import_file(db, tmp_path / "missing.csv")
    with pytest.raises(FileReadError, match="binary"):
        import_file(db, write(tmp_path / "x.csv", b"\x00\x01\x02PK"))
    with pytest.raises(FileReadError, match="folder"):
        import_file(db, tmp_path)
    with pytest.raises(InputError, match="Unknown format"):
        import_file(db, tmp_path / "x.csv", "xml")
    assert contact_count(db) == 1


def test_detect_format(tmp_path: Path) -> None:
    assert detect_format(write(tmp_path / "a.zip", b"")) == "linkedin"
    assert detect_format(write(tmp_path / "a.vcf", "")) == "vcard"
    assert detect_format(write(tmp_path / "b.txt", "BEGIN:VCARD\nEND:VCARD\n")) == "vcard"
    assert detect_format(write(tmp_path / "c.csv", connections_csv([]))) == "linkedin"
    assert detect_format(write(tmp_path / "d.csv", "first_name,last_name\n")) == "csv"


def test_bad_profile_url_in_a_file_is_a_skip_with_its_line(db: sqlite3.Connection) -> None:
    report = apply_import(db, _rows(ContactDraft(first_name="A", url="https://")))
    assert report.as_dict() == {
        "added": 0,
        "updated": 0,
        "unchanged": 0,
        "skipped": 1,
        "errors": [{"line": 2, "reason": "not a web address: https://"}],
        "notes": [],
    }


def test_any_stored_email_identifies(db: sqlite3.Connection) -> None:
    cid = add_contact(db, ContactDraft(first_name="Ana", emails=["ana@work.io", "Ana@Home.net"]))
    report = apply_import(db, _rows(ContactDraft(first_name="Ana B", emails=["ana@home.net"])))
    assert (report.added, report.updated) == (0, 1)
    assert [c.id for c in list_contacts(db)] == [cid]


def test_an_update_keeps_the_persons_tags_and_adds_the_files(db: sqlite3.Connection) -> None:
    ana = add_contact(db, ContactDraft(first_name="Ana", emails=["ana@x.io"], tags=["mentor"]))
    bo = add_contact(db, ContactDraft(first_name="Bo", emails=["bo@x.io"], tags=["Berlin"]))
    apply_import(
        db,
        _rows(
            ContactDraft(first_name="Ana", emails=["ana@x.io"], tags=["recruiter", "MENTOR"]),
            ContactDraft(first_name="Bo", emails=["bo@x.io"], position="PM"),
        ),
    )
    assert get_contact(db, ana).tags == ["mentor", "recruiter"]
    assert get_contact(db, bo).tags == ["Berlin"]
    assert [c.id for c in list_contacts(db, ContactQuery(search="recruiter"))] == [ana]
    assert [c.id for c in list_contacts(db, ContactQuery(tag="berlin"))] == [bo]
    # The same rows again change nothing: no row is rewritten.
    db.execute("UPDATE contacts SET updated_at = 'before'")
    apply_import(
        db,
        _rows(
            ContactDraft(first_name="Ana", emails=["ana@x.io"], tags=["recruiter"]),
            ContactDraft(first_name="Bo", emails=["bo@x.io"], position="PM"),
        ),
    )
    assert {get_contact(db, i).updated_at for i in (ana, bo)} == {"before"}
