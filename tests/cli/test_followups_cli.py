"""``followups list`` and ``followups export`` as real processes, with application follow-ups."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar

from profile_helper.core.applications.events import change_status
from profile_helper.core.contacts.followups import add_follow_up
from profile_helper.core.contacts.interactions import log_interaction
from tests.cli.test_cli_frame import run_cli
from tests.core.applications.builders import application, contact

pytestmark = pytest.mark.slow


def _seed(db: sqlite3.Connection) -> tuple[int, int]:
    today = date.today()
    mira = contact(db, "Mira", "Okafor")
    ana = contact(db, "Ana", "García")
    app = application(
        db,
        "Nordlicht",
        applied=(today - timedelta(days=5)).isoformat(),
        contacts=[(mira, "interviewer")],
        today=today,
    )
    change_status(db, app, "interviewing", on=(today - timedelta(days=1)).isoformat(), today=today)
    add_follow_up(db, ana, today, "Send the deck")
    return app, mira


def test_list_json_and_table_name_the_application(db: sqlite3.Connection, data_dir: Path) -> None:
    app, mira = _seed(db)
    result = run_cli("followups", "list", "--format", "json", data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    items = json.loads(result.stdout)
    by_contact = {item["contact_name"]: item for item in items}
    thanks, own = by_contact["Mira Okafor"], by_contact["Ana García"]
    # The keys that were there stay; the application's are added.
    old_keys = {"id", "contact_id", "contact_name", "due", "reason", "kind", "overdue"}
    new_keys = {"application_id", "template", "application", "title"}
    assert set(thanks) == set(own) == old_keys | new_keys
    assert thanks["application_id"] == app and thanks["contact_id"] == mira
    assert thanks["template"] == "thank_you_interview"
    assert thanks["application"] == {"company": "Nordlicht", "role": "Data Engineer"}
    assert thanks["title"] == "Thank-you to Mira Okafor — Data Engineer at Nordlicht"
    assert own["application_id"] is None and own["application"] is None
    assert own["template"] is None and own["title"] == "Ana García"

    table = run_cli("followups", "list", data_dir=data_dir)
    assert table.returncode == 0, table.stderr
    header, _rule, *rows = table.stdout.splitlines()
    assert header.split() == ["id", "due", "contact", "application", "reason"]
    mira_row = next(r for r in rows if "Mira Okafor" in r)
    assert "Data Engineer at Nordlicht" in mira_row
    assert "Nordlicht" not in next(r for r in rows if "Ana García" in r)


def test_export_titles_name_the_application(
    db: sqlite3.Connection, data_dir: Path, tmp_path: Path
) -> None:
    _seed(db)
    out = tmp_path / "follow-ups.ics"
    result = run_cli("followups", "export", str(out), data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"Exported 2 follow-ups to {out}.\n"
    summaries = sorted(
        str(e["summary"]) for e in Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    )
    assert summaries == [
        "Follow up with Ana García: Send the deck",
        "Thank-you to Mira Okafor — Data Engineer at Nordlicht",
    ]


def test_today_json_keeps_its_contract(db: sqlite3.Connection, data_dir: Path) -> None:
    app, mira = _seed(db)
    result = run_cli("today", "--format", "json", data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == {"date", "follow_ups", "goals", "streaks"}
    for item in data["follow_ups"]:
        assert set(item) == {
            "id", "due", "reason", "contact_id", "contact_name", "application_id"
        }  # fmt: skip
    assert {(i["contact_id"], i["application_id"]) for i in data["follow_ups"]} >= {(mira, app)}


def test_today_text_names_the_contact_and_counts_in_the_singular(
    db: sqlite3.Connection, data_dir: Path
) -> None:
    _seed(db)
    ana = next(r[0] for r in db.execute("SELECT id FROM contacts WHERE first_name = 'Ana'"))
    log_interaction(db, ana, "message", "Sent the deck", when=date.today().isoformat())
    result = run_cli("today", data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert any(
        line.strip().endswith(f"{date.today().isoformat()} Ana García: Send the deck")
        for line in lines
    ), result.stdout
    assert "  networking: 1 day (best 1 day)" in lines, result.stdout
    data = json.loads(run_cli("today", "--format", "json", data_dir=data_dir).stdout)
    names = {item["contact_name"] for item in data["follow_ups"]}
    assert "Ana García" in names
