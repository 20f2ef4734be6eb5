"""``profile-helper message`` as a real process: text, the JSON contract, errors in one line."""

from __future__ import annotations

import json
from pathlib import Path

from profile_helper.core.db import open_database
from profile_helper.core.paths import database_path
from profile_helper.core.settings import set_setting
from tests.cli.test_cli_frame import run_cli


def _profile(data_dir: Path, premium: bool = False) -> None:
    conn = open_database(database_path(data_dir))
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


def test_missing_variable_is_one_line_naming_it(data_dir: Path) -> None:
    result = run_cli("message", "congratulate", data_dir=data_dir)
    assert result.returncode == 1
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr
    assert "congratulate.j2, line" in lines[0] and "'news'" in lines[0]


def test_bad_user_template_is_one_line_with_file_and_line(data_dir: Path) -> None:
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
