"""``applications`` and ``today`` run as real processes, with their JSON contracts."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.cli.test_cli_frame import run_cli

pytestmark = pytest.mark.slow


def _json(*args: str, data_dir: Path) -> Any:
    result = run_cli(*args, data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_add_list_set_status_and_today(data_dir: Path, tmp_path: Path) -> None:
    today = date.today()
    applied = (today - timedelta(days=3)).isoformat()
    job = tmp_path / "job.txt"
    job.write_text("Senior Data Engineer\nNorthwind · Berlin\n\nPython, dbt.", encoding="utf-8")
    made = run_cli("contacts", "add", "--first", "Rita", "--last", "Okafor", data_dir=data_dir)
    assert made.returncode == 0, made.stderr

    added = _json(
        "applications", "add", "--company", "Northwind", "--role", "Data Engineer",
        "--url", "https://jobs.example.com/42", "--job-file", str(job), "--applied", applied,
        "--contact", "1", "--format", "json",
        data_dir=data_dir,
    )  # fmt: skip
    assert (added["id"], added["status"], added["applied_on"]) == (1, "applied", applied)
    assert [f["due"] for f in added["follow_ups"]] == [
        (today + timedelta(days=d)).isoformat() for d in (4, 11, 18)
    ]
    saved = run_cli("applications", "add", "--company", "Contoso", "--role", "Analyst",
                    data_dir=data_dir)  # fmt: skip
    assert saved.returncode == 0, saved.stderr
    assert saved.stdout == "Added application #2: Analyst at Contoso (saved)\n"

    listed = _json("applications", "list", "--format", "json", data_dir=data_dir)
    assert [a["id"] for a in listed] == [2, 1]
    for record in listed:
        assert {"id", "company", "role", "status", "applied_on", "updated_on"} <= set(record)
    assert listed[1]["contacts"] == [{"id": 1, "role": "contact", "name": "Rita Okafor"}]
    only = _json("applications", "list", "--status", "saved", "--format", "json",
                 data_dir=data_dir)  # fmt: skip
    assert [(a["company"], a["applied_on"]) for a in only] == [("Contoso", None)]

    yesterday = (today - timedelta(days=1)).isoformat()
    moved = run_cli("applications", "set-status", "1", "interviewing", "--date", yesterday,
                    "--note", "Call with the team", data_dir=data_dir)  # fmt: skip
    assert moved.returncode == 0, moved.stderr
    assert "is now interviewing" in moved.stdout
    assert f"follow-up on {today.isoformat()}: Send a thank-you" in moved.stdout

    rejected = _json("applications", "set-status", "2", "rejected", "--stage", "screening",
                     "--format", "json", data_dir=data_dir)  # fmt: skip
    assert (rejected["rejected_stage"], rejected["follow_ups"]) == ("screening", [])

    summary = _json("today", "--format", "json", data_dir=data_dir)
    assert set(summary) == {"date", "follow_ups", "goals", "streaks"}
    assert summary["date"] == today.isoformat()
    assert [
        {k: f[k] for k in ("due", "contact_id", "application_id")} for f in summary["follow_ups"]
    ] == [{"due": today.isoformat(), "contact_id": None, "application_id": 1}]
    assert set(summary["follow_ups"][0]) == {
        "id", "due", "reason", "contact_id", "contact_name", "application_id"
    }  # fmt: skip
    assert all(set(g) == {"name", "target", "done"} for g in summary["goals"])
    goals = {g["name"]: (g["target"], g["done"]) for g in summary["goals"]}
    assert goals == {"applications": (2, 0), "networking": (1, 0), "skills": (1, 0)}
    # One application three days ago is half the daily goal: no streak yet.
    assert summary["streaks"]["applications"] == {"current": 0, "best": 0, "unit": "days"}

    text = run_cli("today", data_dir=data_dir)
    assert text.returncode == 0, text.stderr
    assert f"Today, {today.isoformat()}" in text.stdout
    assert "Send a thank-you to your interviewers: Data Engineer at Northwind" in text.stdout
    assert "applications: 0/2 today (to do)" in text.stdout

    # The same follow-ups are in the contacts' follow-up list.
    followups = _json("followups", "list", "--format", "json", data_dir=data_dir)
    assert followups[0]["reason"].startswith("Send a thank-you")


def test_errors_are_one_line(db: sqlite3.Connection, data_dir: Path) -> None:
    # A folder set up already: a first run would also show its new recovery key.
    missing = run_cli("applications", "set-status", "7", "offer", data_dir=data_dir)
    assert (missing.returncode, missing.stderr) == (
        1,
        "profile-helper: error: There is no application #7.\n",
    )
    run_cli("applications", "add", "--company", "A", "--role", "B", data_dir=data_dir)
    stage = run_cli("applications", "set-status", "1", "offer", "--stage", "screening",
                    data_dir=data_dir)  # fmt: skip
    assert stage.returncode == 1
    assert "stage is recorded only with a rejection" in stage.stderr
    assert "Traceback" not in stage.stderr
    bad = run_cli("applications", "set-status", "1", "hired", data_dir=data_dir)
    assert bad.returncode == 2
    nofile = run_cli("applications", "add", "--company", "A", "--role", "B", "--job-file",
                     "/nonexistent/job.txt", data_dir=data_dir)  # fmt: skip
    assert (nofile.returncode, nofile.stderr.count("\n")) == (1, 1)
    assert "There is no file" in nofile.stderr


def test_message_about_an_application_names_company_role_and_interviewer(data_dir: Path) -> None:
    for first, last in (("Rita", "Okafor"), ("Ana", "García")):
        made = run_cli("contacts", "add", "--first", first, "--last", last, data_dir=data_dir)
        assert made.returncode == 0, made.stderr
    added = run_cli("applications", "add", "--company", "Northwind Analytics", "--role",
                    "Data Engineer", "--applied", "2026-11-01", "--contact", "1",
                    data_dir=data_dir)  # fmt: skip
    assert added.returncode == 0, added.stderr
    moved = _json("applications", "set-status", "1", "interviewing", "--date", "2026-11-10",
                  "--interviewer", "2", "--format", "json", data_dir=data_dir)  # fmt: skip
    assert [(f["contact_id"], f["due"]) for f in moved["follow_ups"]] == [(2, "2026-11-11")]
    assert set(moved["follow_ups"][0]) == {
        "id", "due", "reason", "contact_id", "contact_name", "application_id"
    }  # fmt: skip
    assert moved["follow_ups"][0]["application_id"] == 1
    rejected = _json("applications", "set-status", "1", "rejected", "--date", "2026-11-20",
                     "--format", "json", data_dir=data_dir)  # fmt: skip
    assert rejected["rejected_stage"] == "interviewing"
    [feedback] = rejected["follow_ups"]
    # To the interviewer: no one is named recruiter (contact 1 was added without a role).
    assert (feedback["due"], feedback["contact_id"]) == ("2026-11-22", 2)

    # A message signs off with the person's name: set once, as in Settings.
    assert run_cli("profile", "set", "--name", "Jo Doe", data_dir=data_dir).returncode == 0
    message = _json("message", "feedback_request", "--application", "1", "--format", "json",
                    data_dir=data_dir)  # fmt: skip
    assert message["body"].startswith("Hi Ana,")  # the interviewer
    assert "about the Data Engineer role" in message["body"]
    assert "learning about Northwind Analytics" in message["body"]
    missing = run_cli("message", "feedback_request", "--application", "9", data_dir=data_dir)
    assert (missing.returncode, missing.stderr) == (
        1,
        "profile-helper: error: There is no application #9.\n",
    )


def test_show_lists_the_people_you_know_at_the_company(data_dir: Path) -> None:
    for first, company in (("Rita", "Northwind GmbH"), ("Sam", "NORTHWIND"), ("Tom", "Contoso")):
        made = run_cli(
            "contacts", "add", "--first", first, "--last", "Doe", "--company", company,
            "--position", "Engineer", data_dir=data_dir,
        )  # fmt: skip
        assert made.returncode == 0, made.stderr
    _json(
        "applications", "add", "--company", "Northwind", "--role", "Data Engineer",
        "--format", "json", data_dir=data_dir,
    )  # fmt: skip
    shown = _json("applications", "show", "1", "--format", "json", data_dir=data_dir)
    assert shown["company"] == "Northwind" and "contacts" in shown
    people = shown["contacts_at_company"]
    assert [p["name"] for p in people] == ["Rita Doe", "Sam Doe"]
    assert set(people[0]) >= {"id", "name", "position"}
    text = run_cli("applications", "show", "1", data_dir=data_dir).stdout
    assert "People you know at Northwind" in text and "Rita Doe, Engineer" in text


def test_show_of_a_missing_application_fails_in_one_line(data_dir: Path) -> None:
    # The folder's first run, which shows the recovery key once, is behind it.
    assert run_cli("applications", "list", data_dir=data_dir).returncode == 0
    result = run_cli("applications", "show", "99", data_dir=data_dir)
    assert result.returncode != 0
    assert result.stderr.strip().count("\n") == 0 and "Traceback" not in result.stderr
