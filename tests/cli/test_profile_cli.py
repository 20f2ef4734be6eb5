"""``profile-helper profile show|set``: the Settings profile from the command line, and messages
signed with it."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.test_cli_frame import run_cli

KEYS = {"name", "title", "target_role", "pitch", "signature", "premium", "photo"}


def test_profile_json_contract_and_set_keeps_other_fields(data_dir: Path) -> None:
    empty = run_cli("profile", "show", "--format", "json", data_dir=data_dir)
    assert empty.returncode == 0, empty.stderr
    data = json.loads(empty.stdout)
    assert set(data) == KEYS
    assert data["name"] == "" and data["premium"] is False

    first = run_cli(
        "profile",
        "set",
        "--name",
        "Jane Doe",
        "--title",
        "Backend Engineer",
        "--target-role",
        "Data Engineer",
        "--format",
        "json",
        data_dir=data_dir,
    )
    assert first.returncode == 0, first.stderr
    assert json.loads(first.stdout)["target_role"] == "Data Engineer"
    again = run_cli(
        "profile", "set", "--pitch", "I build pipelines.", "--premium", data_dir=data_dir
    )
    assert again.returncode == 0, again.stderr
    shown = json.loads(run_cli("profile", "show", "--format", "json", data_dir=data_dir).stdout)
    assert shown == {
        "name": "Jane Doe",
        "title": "Backend Engineer",
        "target_role": "Data Engineer",
        "pitch": "I build pipelines.",
        "signature": "",
        "premium": True,
        "photo": False,
    }
    text = run_cli("profile", "show", data_dir=data_dir).stdout
    assert "Jane Doe" in text and "target role" in text


def test_set_without_fields_is_an_error(data_dir: Path) -> None:
    result = run_cli("profile", "set", data_dir=data_dir)
    assert result.returncode != 0
    assert "--photo" in result.stderr
    assert "--name" in result.stderr and "Traceback" not in result.stderr


def test_a_message_without_a_name_says_how_to_set_one(data_dir: Path) -> None:
    unsigned = run_cli("message", "congratulate", "--set", "news=the new role", data_dir=data_dir)
    assert unsigned.returncode != 0
    assert "profile set --name" in unsigned.stderr and "Traceback" not in unsigned.stderr
    once = run_cli(
        "message",
        "congratulate",
        "--set",
        "news=the new role",
        "--set",
        "me.name=Jo Doe",
        data_dir=data_dir,
    )
    assert once.returncode == 0, once.stderr
    assert once.stdout.rstrip().endswith("Jo Doe")
    assert run_cli("profile", "set", "--name", "Jane Doe", data_dir=data_dir).returncode == 0
    signed = run_cli("message", "congratulate", "--set", "news=the new role", data_dir=data_dir)
    assert signed.returncode == 0 and signed.stdout.rstrip().endswith("Jane Doe")
