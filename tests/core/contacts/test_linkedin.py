import sqlite3
from pathlib import Path

import pytest

from profile_helper.core.contacts.importer import import_file, read_file
from profile_helper.core.contacts.linkedin import parse_connections
from profile_helper.core.contacts.models import ContactDraft, ParseResult
from profile_helper.core.contacts.query import list_contacts
from profile_helper.core.errors import FileReadError
from tests.core.contacts.builders import connections_csv, export_zip, write

ROWS = [
    "Ana,García,https://www.linkedin.com/in/ana-garc%C3%ADa?trk=public_profile,,"
    '"TechStart, Inc.",CTO,15 Jan 2024',
    "李,明,https://cn.linkedin.com/in/liming/,li@example.cn,Acme,Dev 🚀,3 Feb 2023",
    ",,,,,,12 Mar 2022",
    "",
    "Bob",
]


def _by_name(result: ParseResult) -> dict[str, ContactDraft]:
    return {d.full_name: d for _line, d in result.rows}


@pytest.mark.parametrize("preamble", [True, False])
@pytest.mark.parametrize("excel", [True, False])
def test_current_and_older_shapes(preamble: bool, excel: bool) -> None:
    rows = [r.replace("15 Jan 2024", "15-Jan-24") for r in ROWS] if excel else ROWS
    text = connections_csv(rows, preamble=preamble, excel=excel).decode("utf-8-sig")
    result = parse_connections(text)
    people = _by_name(result)
    assert set(people) == {"Ana García", "李 明", "Bob"}
    ana = people["Ana García"]
    assert ana.company == "TechStart, Inc."
    assert ana.connected_on == "2024-01-15"
    assert ana.status == "connected"
    assert people["李 明"].position == "Dev 🚀"
    assert people["李 明"].emails == ["li@example.cn"]
    # The all-empty row of a closed profile is skipped with its line; blank lines are not rows.
    first_data_line = 5 if preamble else 2
    assert [(e.line, e.reason) for e in result.skipped] == [
        (first_data_line + 2, "no name (a closed or hidden profile)")
    ]


def test_export_before_july_2023_has_no_url_column() -> None:
    rows = ['Ana,García,,"TechStart, Inc.",CTO,15 Jan 2021', "Bo,Li,bo@x.io,Acme,PM,4-Apr-21"]
    result = parse_connections(connections_csv(rows, url_column=False).decode())
    people = _by_name(result)
    assert people["Ana García"].url is None
    assert people["Bo Li"].emails == ["bo@x.io"]
    assert people["Bo Li"].connected_on == "2021-04-04"


def test_excel_resave_is_read_from_disk(tmp_path: Path) -> None:
    data = connections_csv(["Zoë,Ünal,,,Firma,Chef,4-Apr-21"], excel=True)
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data
    result = read_file(write(tmp_path / "Connections.csv", data))
    assert result.rows[0][1].first_name == "Zoë"
    assert result.rows[0][1].connected_on == "2021-04-04"


def test_windows_1252_resave(tmp_path: Path) -> None:
    data = connections_csv(["Zoë,Ünal,,,Firma,Chef,4-Apr-21"]).decode().encode("cp1252")
    result = read_file(write(tmp_path / "Connections.csv", data), "linkedin")
    assert result.rows[0][1].full_name == "Zoë Ünal"


def test_export_zip_is_opened(tmp_path: Path) -> None:
    archive = export_zip(
        tmp_path / "Basic_LinkedInDataExport_01-15-2024.zip", connections_csv(ROWS)
    )
    assert {d.full_name for _l, d in read_file(archive).rows} == {"Ana García", "李 明", "Bob"}


def test_zip_without_connections_is_a_clear_error(tmp_path: Path) -> None:
    archive = export_zip(tmp_path / "export.zip", None)
    with pytest.raises(FileReadError, match=r"no Connections\.csv"):
        read_file(archive)
    broken = write(tmp_path / "broken.zip", b"PK\x03\x04 not really")
    with pytest.raises(FileReadError, match="not a readable ZIP"):
        read_file(broken)


def test_not_a_connections_file() -> None:
    with pytest.raises(FileReadError, match="First Name"):
        parse_connections("Name,Email\nAna,a@x.io\n")


def test_reimport_of_a_newer_export_updates_and_never_duplicates(
    db: sqlite3.Connection, tmp_path: Path
) -> None:
    first = write(tmp_path / "old.csv", connections_csv(ROWS))
    report = import_file(db, first)
    assert (report.added, report.updated, report.skipped) == (3, 0, 1)
    newer = [
        # Same profile, other tracking parameter and case, new job.
        "Ana,García,https://www.LinkedIn.com/in/ANA-GARCÍA/?trk=abc,ana@new.io,Globex,CEO,"
        "15 Jan 2024",
        "李,明,https://cn.linkedin.com/in/liming/,li@example.cn,Acme,Dev 🚀,3 Feb 2023",
        "Bob",
        "Cleo,Ng,https://www.linkedin.com/in/cleo,,Hooli,Designer,1 May 2024",
    ]
    report = import_file(db, write(tmp_path / "new.csv", connections_csv(newer)))
    assert (report.added, report.updated + report.unchanged, report.skipped) == (1, 3, 0)
    assert report.updated >= 1  # Ana moved to Globex
    contacts = {c.full_name: c for c in list_contacts(db)}
    assert len(contacts) == 4
    assert contacts["Ana García"].company == "Globex"
    assert contacts["Ana García"].emails == ["ana@new.io"]
    assert contacts["Ana García"].url == "https://www.linkedin.com/in/ana-garcía"
