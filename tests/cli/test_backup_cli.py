"""``backup create | list | restore`` as real processes."""

import json
import sqlite3
from pathlib import Path

from profile_helper.core.app_database import open_app_database
from profile_helper.core.settings import get_setting, set_setting
from tests.cli.test_doctor import cli


def _name(data_dir: Path) -> object:
    opened = open_app_database(data_dir, daily_backup=False)
    try:
        return get_setting(opened.conn, "profile.name")
    finally:
        opened.conn.close()


def test_create_list_and_restore(db: sqlite3.Connection, data_dir: Path) -> None:
    set_setting(db, "profile.name", "Ada")
    created = cli(data_dir, "backup", "create")
    assert created.returncode == 0, created.stderr
    assert created.stdout.startswith("Backed up to ")
    set_setting(db, "profile.name", "Someone else")
    db.close()

    listed = cli(data_dir, "backup", "list", "--format", "json")
    assert listed.returncode == 0, listed.stderr
    entries = json.loads(listed.stdout)
    manual = [e for e in entries if e["reason"] == "manual"]
    assert len(manual) == 1
    assert set(manual[0]) == {"name", "path", "created", "reason", "size"}
    text = cli(data_dir, "backup", "list")
    assert manual[0]["name"] in text.stdout

    restored = cli(data_dir, "backup", "restore", manual[0]["name"])
    assert restored.returncode == 0, restored.stderr
    assert "before-restore" in restored.stdout
    assert _name(data_dir) == "Ada"
    reasons = [
        e["reason"] for e in json.loads(cli(data_dir, "backup", "list", "--format", "json").stdout)
    ]
    assert "before-restore" in reasons


def test_restoring_an_unknown_backup_is_one_line(data_dir: Path) -> None:
    result = cli(data_dir, "backup", "restore", "nope.sqlite3")
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1
    assert "backup list" in result.stderr


def test_list_without_backups_says_how_to_make_one(data_dir: Path) -> None:
    result = cli(data_dir, "backup", "list")
    assert result.returncode == 0
    assert "backup create" in result.stdout
