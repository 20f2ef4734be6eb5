"""Importing a whole export: everything lands where it belongs, once, or not at all."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from profile_helper.core.contacts.followups import follow_ups_of
from profile_helper.core.contacts.interactions import timeline
from profile_helper.core.contacts.models import ContactDraft
from profile_helper.core.contacts.store import add_contact, get_contact
from profile_helper.core.errors import InputError
from profile_helper.core.linkedin_archive.report import ArchiveReport, ImportCancelledError
from profile_helper.core.linkedin_archive.run import import_archive
from profile_helper.core.my_profile import store as my_profile
from profile_helper.core.settings import get_setting, set_setting
from tests.core.linkedin_archive import archive_factory as factory
from tests.core.linkedin_archive.snapshot import snapshot

TODAY = factory.TODAY


def _import(conn: sqlite3.Connection, path: Path, **options: object) -> ArchiveReport:
    return import_archive(conn, path, today=TODAY, **options)  # type: ignore[arg-type]


def _contact_id(conn: sqlite3.Connection, url: str) -> int:
    return int(conn.execute("SELECT id FROM contacts WHERE url = ?", (url,)).fetchone()[0])


@pytest.fixture
def export_zip(tmp_path: Path) -> Path:
    return factory.write_zip(tmp_path / "Basic_LinkedInDataExport_06-01-2024.zip",
                             factory.export_files())  # fmt: skip


def test_round_trip(db: sqlite3.Connection, export_zip: Path) -> None:
    report = _import(db, export_zip)
    profile = my_profile.load(db)
    assert profile.headline == "Data Engineer & Analyst"
    assert profile.about == "I build data pipelines.\nI like SQL."
    assert (profile.industry, profile.location) == ("Software Development", "Berlin, Germany")
    assert profile.websites == ["https://sam.example", "https://acme.example/team"]
    assert get_setting(db, "profile.name") == "Sam Rivera"
    # The current position is the role messages speak of, unless the person wrote their own.
    assert get_setting(db, "profile.current_role") == "Data Engineer at Acme"
    assert [(p.company, p.started_on, p.finished_on) for p in profile.positions] == [
        ("Acme", "2022-01", ""),
        ("Globex", "2019", "2020-12"),
    ]
    assert profile.positions[0].description == "Pipelines in Python.\nAirflow & dbt."
    assert [(e.school, e.started_on, e.finished_on) for e in profile.education] == [
        ("TU Berlin", "2015", "2019")
    ]
    assert [(c.name, c.started_on, c.license_number) for c in profile.certifications] == [
        ("AWS Solutions Architect", "2023-03", "ABC-123")
    ]
    assert [(s.name, s.endorsements) for s in profile.skills] == [
        ("Python", 2), ("SQL", 1), ("Data Modeling", 0),
    ]  # fmt: skip

    names = {(r[0], r[1]) for r in db.execute("SELECT first_name, last_name FROM contacts")}
    assert {("伟", "王"), ("Ελένη", "Παπαδοπούλου"), ("Zoe", "Stranger")} <= names
    eleni = get_contact(db, _contact_id(db, factory.ELENI))
    assert eleni.company == "Acme & Co" and eleni.connected_on == "2021-04-04"

    # The conversation with three people: Wei's message is on Ana's and on Wei's timeline.
    ana, wei = _contact_id(db, factory.ANA), _contact_id(db, factory.WEI)
    ana_messages = [(i.occurred_on, i.kind) for i in timeline(db, ana) if i.kind == "message"]
    assert ana_messages == [
        ("2024-05-30", "message"), ("2024-05-29", "message"),
        ("2024-01-17", "message"), ("2024-01-16", "message"),
    ]  # fmt: skip
    directions = dict(
        db.execute(
            "SELECT occurred_on, direction FROM interactions WHERE contact_id = ? "
            "AND kind = 'message'",
            (wei,),
        ).fetchall()
    )
    assert directions == {"2024-05-29": "received", "2024-05-30": "sent"}
    assert get_contact(db, ana).last_interaction == "2024-05-30"
    # Matched by name alone, from an export without profile URLs.
    assert [i.occurred_on for i in timeline(db, _contact_id(db, factory.ELENI))] == ["2023-05-02"]
    # No text kept by default.
    texts = [r[0] for r in db.execute("SELECT summary FROM interactions")]
    assert not any("Monday" in t or "Thursday" in t for t in texts)

    # An invitation not answered: a requested contact with a follow-up two weeks later.
    zoe = get_contact(db, _contact_id(db, factory.ZOE))
    assert zoe.status == "requested"
    assert [f.due for f in follow_ups_of(db, zoe.id)] == ["2024-05-24"]

    apps = {
        r["company"]: (r["status"], r["applied_on"])
        for r in db.execute("SELECT company, status, applied_on FROM applications")
    }
    assert apps == {
        "Initech": ("applied", "2024-01-15"),
        "Hooli": ("applied", "2024-05-27"),
        "Umbrella": ("applied", "2024-02-02"),
        "Stark": ("saved", None),
    }
    chased = {
        r[0]
        for r in db.execute(
            "SELECT a.company FROM follow_ups f JOIN applications a ON a.id = f.application_id"
        )
    }
    assert chased == {"Hooli"}  # the only one applied to within the last 30 days

    assert report.ignored == ["Ad_Targeting.csv", "Rich_Media.csv"]
    messages = report.file("messages.csv")
    assert (messages.added, messages.skipped) == (7, 2)
    assert [(s.line, s.reason) for s in messages.skips] == [
        (8, "nobody in your contacts: Recruiter Person"),
        (9, "no date the app can read: 'yesterday-ish'"),
    ]
    assert report.file("Job Applications.csv").skips[0].line == 6


def test_a_second_import_adds_nothing(db: sqlite3.Connection, export_zip: Path) -> None:
    _import(db, export_zip)
    before = snapshot(db)
    again = _import(db, export_zip)
    assert snapshot(db) == before
    for file in again.files:
        assert (file.file, file.added, file.updated) == (file.file, 0, 0)


def test_dry_run_changes_nothing(db: sqlite3.Connection, export_zip: Path) -> None:
    before = snapshot(db)
    report = _import(db, export_zip, dry_run=True)
    assert report.dry_run and report.file("Connections.csv").added == 4
    assert snapshot(db) == before


def test_the_unpacked_folder_imports_the_same(db: sqlite3.Connection, tmp_path: Path) -> None:
    folder = factory.write_folder(tmp_path / "export", factory.export_files())
    report = _import(db, folder)
    assert report.file("Saved Jobs.csv").added == 1
    assert db.execute("SELECT count(*) FROM applications").fetchone()[0] == 4


def test_one_csv_of_the_export(db: sqlite3.Connection, tmp_path: Path) -> None:
    path = tmp_path / "positions.csv"
    path.write_bytes(factory.export_files()["Positions.csv"])
    report = _import(db, path)
    assert [(f.file, f.added) for f in report.files] == [("Positions.csv", 2)]


def test_message_text_only_when_asked(db: sqlite3.Connection, export_zip: Path) -> None:
    _import(db, export_zip, with_message_text=True)
    texts = {r[0] for r in db.execute("SELECT summary FROM interactions")}
    assert "Happy to help & chat.\nCall on Monday?" in texts


def test_a_contact_who_changed_company_is_updated(db: sqlite3.Connection, export_zip: Path) -> None:
    bo = add_contact(db, ContactDraft(first_name="Bo", last_name="Chen", company="Initech",
                                      url=factory.BO, status="connected"))  # fmt: skip
    report = _import(db, export_zip)
    assert get_contact(db, bo).company == "Globex"
    assert report.file("Connections.csv").updated == 1


def test_a_cadence_restarts_from_the_latest_message(
    db: sqlite3.Connection, export_zip: Path
) -> None:
    ana = add_contact(db, ContactDraft(first_name="Ana", last_name="García", url=factory.ANA,
                                       cadence_days=30))  # fmt: skip
    _import(db, export_zip)
    due = [f.due for f in follow_ups_of(db, ana) if f.kind == "cadence"]
    assert due == ["2024-06-29"]  # 30 days after 2024-05-30


def test_own_messages_are_told_apart_without_a_profile(
    db: sqlite3.Connection, tmp_path: Path
) -> None:
    files = factory.export_files()
    del files["Profile.csv"]
    report = _import(db, factory.write_zip(tmp_path / "e.zip", files))
    ana = _contact_id(db, factory.ANA)
    sent = db.execute(
        "SELECT occurred_on FROM interactions WHERE contact_id = ? AND kind = 'message' "
        "AND direction = 'sent' ORDER BY occurred_on",
        (ana,),
    ).fetchall()
    assert [r[0] for r in sent] == ["2024-01-16", "2024-05-30"]
    assert any("most conversations" in n for n in report.file("messages.csv").notes)


def test_cancel_writes_nothing(db: sqlite3.Connection, export_zip: Path) -> None:
    before = snapshot(db)
    seen: list[str] = []

    def progress(file: str, rows: int) -> None:
        seen.append(file)

    with pytest.raises(ImportCancelledError):
        _import(db, export_zip, progress=progress, cancelled=lambda: bool(seen))
    assert snapshot(db) == before
    # Asked as each file starts: the profile was written, then taken back.
    assert seen == ["Profile.csv"]


def test_a_refused_file_takes_everything_back(db: sqlite3.Connection, tmp_path: Path) -> None:
    files = factory.export_files()
    # A bank statement saved under a LinkedIn name, read after the connections were written.
    files["Skills.csv"] = b"Date,Description,Amount\n2024-01-01,Coffee,3.50\n"
    before = snapshot(db)
    with pytest.raises(InputError, match=r"not LinkedIn's Skills\.csv"):
        _import(db, factory.write_zip(tmp_path / "e.zip", files))
    assert snapshot(db) == before


def test_an_export_without_connections_is_refused(db: sqlite3.Connection, tmp_path: Path) -> None:
    files = factory.export_files()
    del files["Connections.csv"]
    before = snapshot(db)
    with pytest.raises(InputError, match=r"not a LinkedIn data export: it has no Connections"):
        _import(db, factory.write_zip(tmp_path / "e.zip", files))
    with pytest.raises(InputError, match="no Connections"):
        _import(db, factory.write_folder(tmp_path / "folder", files))
    assert snapshot(db) == before


def test_a_lone_csv_is_known_by_its_header(db: sqlite3.Connection, tmp_path: Path) -> None:
    files = factory.export_files()
    renamed = {
        "Connections (1).csv": "Connections.csv",
        "linkedin-messages.csv": "messages.csv",
        "my skills.csv": "Skills.csv",
    }
    for new_name, original in renamed.items():
        path = tmp_path / new_name
        path.write_bytes(files[original])
        report = _import(db, path)
        assert [f.file for f in report.files] == [original]
    other = tmp_path / "bank.csv"
    other.write_text("Date,Amount\n2024-01-01,3\n", encoding="utf-8")
    with pytest.raises(InputError, match="not a file of LinkedIn's data export"):
        _import(db, other)


def test_a_newer_export_moves_a_contact_to_their_new_company(
    db: sqlite3.Connection, tmp_path: Path
) -> None:
    files = factory.export_files()
    _import(db, factory.write_zip(tmp_path / "old.zip", files))
    moved = files["Connections.csv"].replace(b"Globex,Data Scientist", b"Hooli,Head of Data")
    newer = factory.write_zip(tmp_path / "new.zip", {**files, "Connections.csv": moved})
    report = _import(db, newer)
    bo = get_contact(db, _contact_id(db, factory.BO))
    assert (bo.company, bo.position) == ("Hooli", "Head of Data")
    connections = report.file("Connections.csv")
    assert (connections.added, connections.updated) == (0, 1)
    assert report.file("messages.csv").added == 0


def test_cancel_while_the_connections_are_written(db: sqlite3.Connection, tmp_path: Path) -> None:
    files = factory.export_files()
    many = factory.table(factory.CONNECTIONS_HEADER, factory.big_connection_rows(3000))
    files["Connections.csv"] = many.encode("utf-8")
    seen: list[tuple[str, int]] = []
    before = snapshot(db)
    with pytest.raises(ImportCancelledError):
        _import(
            db,
            factory.write_zip(tmp_path / "e.zip", files),
            progress=lambda file, rows: seen.append((file, rows)),
            cancelled=lambda: any(f == "Connections.csv" and r >= 1500 for f, r in seen),
        )
    assert ("Connections.csv", 1500) in seen
    assert snapshot(db) == before


def test_someone_to_contact_whom_the_person_invited_is_requested(
    db: sqlite3.Connection, export_zip: Path
) -> None:
    zoe = add_contact(db, ContactDraft(first_name="Zoe", last_name="S.", url=factory.ZOE))
    report = _import(db, export_zip)
    assert get_contact(db, zoe).status == "requested"
    assert [(f.due, f.kind) for f in follow_ups_of(db, zoe)] == [("2024-05-24", "manual")]
    invitations = report.file("Invitations.csv")
    assert (invitations.added, invitations.updated, invitations.skipped) == (2, 1, 1)
    again = _import(db, export_zip).file("Invitations.csv")
    assert (again.added, again.updated, again.unchanged) == (0, 0, 3)
    assert len(follow_ups_of(db, zoe)) == 1


def test_an_old_invitation_with_no_answer_is_not_chased(
    db: sqlite3.Connection, tmp_path: Path
) -> None:
    files = factory.export_files()
    header = ["From", "To", "Sent At", "Message", "Direction", "inviterProfileUrl",
              "inviteeProfileUrl"]  # fmt: skip
    old = "https://www.linkedin.com/in/old-stranger"
    me = " ".join(factory.ME)
    row = [me, "Olga Stranger", "2/10/24, 10:00 AM", "", "OUTGOING", factory.ME_URL, old]
    files["Invitations.csv"] = factory.table(header, [row]).encode("utf-8")
    _import(db, factory.write_zip(tmp_path / "export.zip", files))
    olga = get_contact(db, _contact_id(db, old))
    # Requested, as LinkedIn says; but sent in February, by June it is history, not a task.
    assert olga.status == "requested"
    assert follow_ups_of(db, olga.id) == []


def test_a_role_the_person_wrote_is_kept(db: sqlite3.Connection, export_zip: Path) -> None:
    set_setting(db, "profile.current_role", "Analytics lead")
    _import(db, export_zip)
    assert get_setting(db, "profile.current_role") == "Analytics lead"
