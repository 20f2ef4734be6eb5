"""``profile-helper templates list`` as a real process: the table and the JSON contract."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.test_cli_frame import run_cli


def test_templates_list_json_contract(data_dir: Path) -> None:
    own = data_dir / "templates"
    own.mkdir()
    (own / "coffee_chat.j2").write_text("Coffee, {{ contact.first_name }}?", encoding="utf-8")
    (own / "congratulate.j2").write_text(
        "{#\ntitle: My congrats\ncategory: Mine\nchannel: message\n#}\nYay {{ news }}",
        encoding="utf-8",
    )
    result = run_cli("templates", "list", "--format", "json", data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert all(set(row) == {"id", "title", "category", "channel", "source"} for row in rows)
    by_id = {row["id"]: row for row in rows}
    assert by_id["feedback_request"] == {
        "id": "feedback_request",
        "title": "Feedback after a rejection",
        "category": "After an interview",
        "channel": "email",
        "source": "builtin",
    }
    assert by_id["coffee_chat"]["source"] == "user"
    assert by_id["coffee_chat"]["channel"] == "message"
    assert by_id["congratulate"]["source"] == "user"
    assert by_id["congratulate"]["title"] == "My congrats"
    assert len(rows) == len(by_id) >= 11


def test_templates_list_table(data_dir: Path) -> None:
    result = run_cli("templates", "list", data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["ID", "TITLE", "CATEGORY", "CHANNEL", "SOURCE"]
    assert any(line.startswith("connection_note ") and "builtin" in line for line in lines)
