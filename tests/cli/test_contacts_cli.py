"""``contacts`` and ``followups`` run as real processes, as a person or a script would."""

import csv
import io
import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.cli.test_cli_frame import run_cli
from tests.core.contacts.builders import connections_csv, export_zip, write

pytestmark = pytest.mark.slow

ROWS = [
    'Ana,García,https://www.linkedin.com/in/ana?trk=x,,"TechStart, Inc.",CTO,15 Jan 2024',
    "李,明,https://cn.linkedin.com/in/liming/,li@example.cn,Acme,Dev 🚀,3 Feb 2023",
    ",,,,,,12 Mar 2022",
]


def _json(*args: str, data_dir: Path) -> Any:
    result = run_cli(*args, data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_import_list_export(data_dir: Path, tmp_path: Path) -> None:
    archive = export_zip(
        tmp_path / "Basic_LinkedInDataExport_01-15-2024.zip", connections_csv(ROWS)
    )
    dry = _json(
        "contacts", "import", str(archive), "--dry-run", "--format", "json", data_dir=data_dir
    )
    assert dry == {
        "added": 2,
        "updated": 0,
        "unchanged": 0,
        "skipped": 1,
        "errors": [{"line": 7, "reason": "no name (a closed or hidden profile)"}],
        "notes": [],
    }
    assert _json("contacts", "list", "--format", "json", data_dir=data_dir) == []
    report = _json("contacts", "import", str(archive), "--format", "json", data_dir=data_dir)
    assert (report["added"], report["updated"]) == (2, 0)
    again = _json(
        "contacts",
        "import",
        str(archive),
        "--from",
        "linkedin",
        "--format",
        "json",
        data_dir=data_dir,
    )
    # The same file again: everyone is already here, as the file says.
    assert (again["added"], again["updated"], again["unchanged"]) == (0, 0, 2)
    text = run_cli("contacts", "import", str(archive), data_dir=data_dir)
    assert "0 added, 0 updated, 2 unchanged, 1 skipped." in text.stdout

    contacts = _json(
        "contacts", "list", "--format", "json", "--search", "techstart", data_dir=data_dir
    )
    assert isinstance(contacts, list) and len(contacts) == 1
    ana = contacts[0]
    # The whole shape, in order: nothing more (no full_name, websites, how_met...).
    assert list(ana) == [
        "id",
        "first_name",
        "last_name",
        "company",
        "position",
        "emails",
        "url",
        "tags",
        "status",
        "connected_on",
        "last_interaction",
        "next_follow_up",
        "location",
        "phones",
        "tier",
        "notes",
    ]
    assert ana["emails"] == [] and ana["tags"] == []
    assert ana["url"] == "https://www.linkedin.com/in/ana"
    assert ana["connected_on"] == "2024-01-15"
    assert ana["next_follow_up"] is None

    table = run_cli("contacts", "list", data_dir=data_dir)
    assert "Ana García" in table.stdout and "李 明" in table.stdout

    out = tmp_path / "out.vcf"
    result = run_cli("contacts", "export", str(out), data_dir=data_dir)
    assert result.returncode == 0
    assert out.read_text(encoding="utf-8").count("BEGIN:VCARD") == 2
    csv_out = tmp_path / "out.txt"
    assert (
        run_cli("contacts", "export", str(csv_out), "--to", "csv", data_dir=data_dir).returncode
        == 0
    )
    assert csv_out.read_text(encoding="utf-8-sig").startswith("first_name,last_name")


def test_add_follow_ups_and_calendar(data_dir: Path, tmp_path: Path) -> None:
    yesterday = (date.today() - timedelta(days=1)).isoformat()
    result = run_cli(
        "contacts",
        "add",
        "--first",
        "Bo",
        "--last",
        "Li",
        "--company",
        "Acme",
        "--email",
        "bo@acme.io",
        "--url",
        "linkedin.com/in/boli",
        "--tag",
        "mentor",
        "recruiter",
        "--follow-up",
        yesterday,
        data_dir=data_dir,
    )
    assert result.returncode == 0, result.stderr
    run_cli("contacts", "add", "--first", "Cy", "--tag", "mentor", data_dir=data_dir)

    overdue = _json("contacts", "list", "--overdue", "--format", "json", data_dir=data_dir)
    assert [c["first_name"] for c in overdue] == ["Bo"]
    assert overdue[0]["tags"] == ["mentor", "recruiter"]
    assert overdue[0]["next_follow_up"] == yesterday
    due = _json(
        "contacts", "list", "--due", "--tag", "mentor", "--format", "json", data_dir=data_dir
    )
    assert len(due) == 1
    tagged = _json("contacts", "list", "--tag", "mentor", "--format", "json", data_dir=data_dir)
    assert len(tagged) == 2
    csv_text = run_cli("contacts", "list", "--format", "csv", data_dir=data_dir).stdout
    assert csv_text.splitlines()[0].startswith("id,first_name,last_name")
    listed = list(csv.DictReader(io.StringIO(csv_text)))
    # By last name, else the one name: "Cy" before "Li Bo".
    assert [(r["id"], r["first_name"], r["company"]) for r in listed] == [
        ("2", "Cy", ""),
        ("1", "Bo", "Acme"),
    ]
    assert (listed[1]["emails"], listed[1]["tags"]) == ("bo@acme.io", "mentor; recruiter")
    assert listed[1]["next_follow_up"] == yesterday

    items = _json("followups", "list", "--format", "json", data_dir=data_dir)
    assert items == [
        {
            "id": 1,
            "contact_id": 1,
            "contact_name": "Bo Li",
            "due": yesterday,
            "reason": "Follow up",
            "kind": "manual",
            "overdue": True,
            # Added for follow-ups of applications; empty on a contact's own.
            "application_id": None,
            "template": None,
            "application": None,
            "title": "Bo Li",
        }
    ]
    before = (date.today() - timedelta(days=5)).isoformat()
    assert (
        _json("followups", "list", "--until", before, "--format", "json", data_dir=data_dir) == []
    )
    ics = tmp_path / "f.ics"
    assert run_cli("followups", "export", str(ics), data_dir=data_dir).returncode == 0
    assert "BEGIN:VEVENT" in ics.read_text() and "BEGIN:VALARM" in ics.read_text()


@pytest.mark.parametrize(
    "args",
    [
        ("contacts", "import", "{missing}"),
        ("contacts", "import", "{garbage}"),
        ("contacts", "add", "--first", "A", "--email", "not-an-email"),
        ("contacts", "add", "--first", "A", "--follow-up", "tomorrow"),
    ],
)
def test_errors_are_one_line_and_change_nothing(
    args: tuple[str, ...], data_dir: Path, tmp_path: Path
) -> None:
    assert run_cli("contacts", "add", "--first", "Kept", data_dir=data_dir).returncode == 0
    garbage = write(tmp_path / "garbage.zip", b"\x00\x01 not a zip")
    filled = [a.format(missing=tmp_path / "missing.csv", garbage=garbage) for a in args]
    result = run_cli(*filled, data_dir=data_dir)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr
    names = [
        c["first_name"] for c in _json("contacts", "list", "--format", "json", data_dir=data_dir)
    ]
    assert names == ["Kept"]


def test_bad_until_is_a_usage_error(data_dir: Path) -> None:
    result = run_cli("followups", "list", "--until", "soon", data_dir=data_dir)
    assert result.returncode == 2
    assert "YYYY-MM-DD" in result.stderr


def test_list_csv_quotes_every_cell_and_neutralises_formulas(
    data_dir: Path, tmp_path: Path
) -> None:
    source = tmp_path / "in.csv"
    source.write_text(
        'first_name,company,notes\nAna,"Acme\r=1+1",＝HYPERLINK("x")\n', encoding="utf-8"
    )
    assert run_cli("contacts", "import", str(source), data_dir=data_dir).returncode == 0
    text = run_cli("contacts", "list", "--format", "csv", data_dir=data_dir).stdout
    # The CR is inside a quoted cell (the test's pipe reads it back as LF): still one row.
    assert '"Acme\n=1+1"' in text
    (row,) = list(csv.DictReader(io.StringIO(text, newline="")))
    assert row["company"] == "Acme\n=1+1"
    assert row["notes"] == '\'＝HYPERLINK("x")'
    assert text.splitlines()[1].startswith('"1","Ana"')
