"""The streaming CSV reader: every shape an export file has had, read row by row."""

import io
from pathlib import Path

import pytest

from profile_helper.core.errors import FileReadError
from profile_helper.core.linkedin_archive.layouts import MESSAGES, POSITIONS
from profile_helper.core.linkedin_archive.positions import read_positions
from profile_helper.core.linkedin_archive.table import Layout, Row, read_table


def _rows(data: bytes, layout: Layout = POSITIONS) -> list[Row]:
    return list(read_table(io.BufferedReader(io.BytesIO(data)), layout))


def test_bom_preamble_any_case_entities_multiline_nul() -> None:
    data = (
        '\ufeffNotes:\n"Some notes, over\ntwo lines"\n\n'
        "company NAME , title,Started_On,Surprise\r\n"
        'Acme &amp; Sons,"Lead\r\nEngineer",Jan 2020,x\r\n'
        "\r\n"
        "Glo\x00bex,CTO,2018,\r\n"
    ).encode()
    assert _rows(data) == [
        (
            6,
            {
                "company": "Acme & Sons",
                "title": "Lead\r\nEngineer",
                "description": "",
                "location": "",
                "started_on": "Jan 2020",
                "finished_on": "",
            },
        ),
        (
            9,
            {
                "company": "Globex",
                "title": "CTO",
                "description": "",
                "location": "",
                "started_on": "2018",
                "finished_on": "",
            },
        ),
    ]


def test_utf16_and_windows_1252() -> None:
    text = "Company Name,Title\nMüller GmbH,Ingenieur\n"
    for data in (text.encode("utf-16"), text.encode("cp1252")):
        assert [r[1]["company"] for r in _rows(data)] == ["Müller GmbH"]


def test_a_foreign_file_under_a_linkedin_name_is_refused() -> None:
    foreign = b"Date,Description,Amount\n2024-01-01,Coffee,3.50\n"
    with pytest.raises(FileReadError, match=r"not LinkedIn's messages\.csv"):
        _rows(foreign, MESSAGES)


def test_binary_data_is_refused() -> None:
    with pytest.raises(FileReadError, match="not a text file"):
        _rows(b"\x00\x01\x02\x03" * 1000)


def test_rows_stream_without_reading_the_file_whole() -> None:
    # A reader that counts what was asked of it: the first row comes after a small read.
    big = b"Company Name,Title\n" + b"Acme,Engineer\n" * 200_000
    raw = io.BytesIO(big)
    rows = read_table(io.BufferedReader(raw, 64 * 1024), POSITIONS)
    assert next(rows)[1]["company"] == "Acme"
    assert raw.tell() < 1024 * 1024 < len(big)


def test_read_positions(tmp_path: Path) -> None:
    path = tmp_path / "Positions.csv"
    path.write_text(
        "Company Name,Title,Description,Location,Started On,Finished On\n"
        "Acme,Engineer,Built things,Berlin,Jan 2020,\n"
        ",,,,Mar 2019,\n"
        "Globex,Intern,,,2018,Dec 2019\n",
        encoding="utf-8",
    )
    positions = read_positions(path)
    assert [(p.company, p.started_on, p.finished_on, p.current) for p in positions] == [
        ("Acme", "2020-01", "", True),
        ("Globex", "2018", "2019-12", False),
    ]


def test_read_positions_refuses_what_is_not_one(tmp_path: Path) -> None:
    other = tmp_path / "positions.csv"
    other.write_text("Name,Email\nAna,ana@example.com\n", encoding="utf-8")
    with pytest.raises(FileReadError, match=r"not LinkedIn's Positions\.csv"):
        read_positions(other)
    with pytest.raises(FileReadError, match="not a regular file"):
        read_positions(Path("/dev/zero"))
    with pytest.raises(FileReadError, match="There is no file"):
        read_positions(tmp_path / "missing.csv")
