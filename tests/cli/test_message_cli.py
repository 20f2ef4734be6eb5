"""``profile-helper message`` as a real process: text, the JSON contract, errors in one line."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from profile_helper.core.app_database import open_app_database
from profile_helper.core.contacts.followups import follow_ups_of
from profile_helper.core.contacts.interactions import timeline
from profile_helper.core.contacts.models import ContactDraft
from profile_helper.core.contacts.store import add_contact
from profile_helper.core.settings import set_setting
from tests.cli.test_cli_frame import run_cli


def _profile(data_dir: Path, premium: bool = False) -> None:
    conn = open_app_database(data_dir).conn
    set_setting(conn, "profile.name", "Jane Doe")
    set_setting(conn, "profile.target_role", "Data Engineer")
    set_setting(conn, "linkedin.premium", premium)
    conn.close()


def test_message_json_contract(data_dir: Path) -> None:
    _profile(data_dir)
    result = run_cli(
        "message",
        "feedback_request",
        "--set",
        "contact.full_name=Ana María López",
        "--set",
        "job.title=Data Engineer",
        "--set",
        "job.company=Acme",
        "--format",
        "json",
        data_dir=data_dir,
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == {"template", "channel", "subject", "body", "length", "limit", "over_limit"}
    assert data["template"] == "feedback_request" and data["channel"] == "email"
    assert data["subject"]
    assert data["body"].startswith("Hi Ana,")
    assert "Jane Doe" in data["body"] and "Acme" in data["body"]
    assert data["length"] == len(data["body"])
    assert data["limit"] == 20000 and data["over_limit"] == 0


def test_message_text_and_channel_override(data_dir: Path) -> None:
    _profile(data_dir, premium=True)
    result = run_cli(
        "message", "connection_note", "--set", "contact.first_name=Li", data_dir=data_dir
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Hi Li, ")
    assert "Data Engineer" in result.stdout and result.stdout.rstrip().endswith("Jane")
    assert "connection_note:" in result.stderr and "/300 characters" in result.stderr

    over = run_cli(
        "message",
        "feedback_request",
        "--channel",
        "connection_note",
        "--set",
        "contact.first_name=Li",
        "--set",
        "job.title=Analyst",
        "--format",
        "json",
        data_dir=data_dir,
    )
    assert over.returncode == 0, over.stderr
    data = json.loads(over.stdout)
    assert data["channel"] == "connection_note" and data["limit"] == 300
    assert data["over_limit"] == data["length"] - 300 > 0
    assert data["subject"] == ""  # a connection note has none; its words stay in the body


def test_missing_variable_is_one_line_naming_it(db: sqlite3.Connection, data_dir: Path) -> None:
    # A folder set up already: a first run would also show its new recovery key.
    result = run_cli("message", "congratulate", data_dir=data_dir)
    assert result.returncode == 1
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr
    assert "congratulate.j2, line" in lines[0] and "'news'" in lines[0]


def test_bad_user_template_is_one_line_with_file_and_line(
    db: sqlite3.Connection, data_dir: Path
) -> None:
    # A folder set up already: a first run would also show its new recovery key.
    own = data_dir / "templates"
    own.mkdir()
    (own / "mine.j2").write_text("Hi\n{{ contact.__class__.__mro__ }}\n", encoding="utf-8")
    (own / "broken.j2").write_text("Hi\n\n{% for x in %}\n", encoding="utf-8")
    for template, line in (("mine", 2), ("broken", 3)):
        result = run_cli("message", template, data_dir=data_dir)
        assert result.returncode == 1
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
        assert f"{template}.j2, line {line}:" in result.stderr


def test_unknown_template_bad_set_and_log_without_contact(data_dir: Path) -> None:
    unknown = run_cli("message", "nope", data_dir=data_dir)
    assert unknown.returncode == 1 and "No template 'nope'" in unknown.stderr
    bad_set = run_cli("message", "congratulate", "--set", "news", data_dir=data_dir)
    assert bad_set.returncode == 1 and "NAME=VALUE" in bad_set.stderr
    no_contact = run_cli("message", "congratulate", "--log", data_dir=data_dir)
    assert no_contact.returncode == 1 and "--contact" in no_contact.stderr


def _contact(data_dir: Path) -> int:
    conn = open_app_database(data_dir).conn
    contact_id = add_contact(
        conn,
        ContactDraft(
            first_name="Александра",
            last_name="Петрова",
            company="Northwind",
            position="CTO",
            emails=["alex@northwind.example"],
        ),
    )
    conn.close()
    return contact_id


def test_contact_fills_the_message_and_log_records_it(data_dir: Path) -> None:
    _profile(data_dir)
    contact_id = _contact(data_dir)
    result = run_cli(
        "message",
        "informational_interview",
        "--contact",
        str(contact_id),
        "--set",
        "mutual=Priya",
        "--log",
        "--format",
        "json",
        data_dir=data_dir,
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["body"].startswith("Hi Александра,\n\nPriya suggested")
    assert "Northwind" in data["body"]
    assert "Logged as sent" in result.stderr and "next follow-up on" in result.stderr

    conn = open_app_database(data_dir).conn
    events = timeline(conn, contact_id)
    assert len(events) == 1 and events[0].kind == "message"
    assert "Informational interview request" in events[0].summary
    follow_ups = [f for f in follow_ups_of(conn, contact_id) if f.kind == "manual"]
    assert len(follow_ups) == 1 and "Nudge" in follow_ups[0].reason
    conn.close()


def test_unknown_contact_is_one_clear_line(db: sqlite3.Connection, data_dir: Path) -> None:
    # A folder set up already: a first run would also show its new recovery key.
    result = run_cli("message", "connection_note", "--contact", "999", data_dir=data_dir)
    assert result.returncode == 1
    assert "999" in result.stderr and result.stderr.count("\n") == 1
