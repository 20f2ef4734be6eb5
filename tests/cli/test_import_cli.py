"""``import linkedin-archive`` run as a real process, as a person or a script would."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.cli.test_cli_frame import run_cli
from tests.core.linkedin_archive import archive_factory as factory

pytestmark = pytest.mark.slow


def _json(*args: str, data_dir: Path) -> Any:
    result = run_cli(*args, data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture
def set_up(data_dir: Path) -> Path:
    """A data folder whose first run (which shows the recovery key once) is behind it."""
    assert run_cli("contacts", "list", data_dir=data_dir).returncode == 0
    return data_dir


def _counts(report: dict[str, Any]) -> dict[str, tuple[int, int, int, int]]:
    return {
        f["file"]: (f["added"], f["updated"], f["unchanged"], f["skipped"]) for f in report["files"]
    }


def test_import_dry_run_then_real_then_again(data_dir: Path, tmp_path: Path) -> None:
    # Today's date is the real one here: the recent messages and application are recent.
    export = factory.write_zip(tmp_path / "export.zip", factory.export_files())
    command = ("import", "linkedin-archive", str(export), "--format", "json")
    dry = _json(*command, "--dry-run", data_dir=data_dir)
    assert dry["dry_run"] is True
    assert _counts(dry)["Connections.csv"] == (4, 0, 0, 1)
    assert dry["files"][1]["skips"] == [
        {"line": 9, "reason": "no name (a closed or hidden profile)"}
    ]
    assert _json("contacts", "list", "--format", "json", data_dir=data_dir) == []

    first = _json(*command, data_dir=data_dir)
    assert first["dry_run"] is False
    assert _counts(first)["messages.csv"][0] == 7
    assert first["ignored"] == ["Ad_Targeting.csv", "Rich_Media.csv"]
    contacts = _json("contacts", "list", "--format", "json", data_dir=data_dir)
    assert len(contacts) == 5

    again = _json(*command, data_dir=data_dir)
    assert all(added == updated == 0 for added, updated, _u, _s in _counts(again).values())
    assert _json("contacts", "list", "--format", "json", data_dir=data_dir) == contacts


def test_text_report_is_one_line_per_file(data_dir: Path, tmp_path: Path) -> None:
    export = factory.write_folder(tmp_path / "export", factory.export_files())
    result = run_cli("import", "linkedin-archive", str(export), data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "Imported export:"
    assert "  Connections.csv: 4 added, 0 updated, 0 unchanged, 1 skipped" in lines
    assert "    line 9: no name (a closed or hidden profile)" in lines


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ({"Connections.csv": None}, "is not a LinkedIn data export: it has no Connections.csv"),
        ({"messages.csv": b"Date,Amount\n2024-01-01,3\n"}, "is not LinkedIn's messages.csv"),
        ({"../escape.csv": b"x"}, "points outside the export"),
    ],
)
def test_bad_exports_are_one_line_and_change_nothing(
    set_up: Path, tmp_path: Path, files: dict[str, bytes | None], message: str
) -> None:
    content = {**factory.export_files(), **files}
    export = factory.write_zip(
        tmp_path / "export.zip", {k: v for k, v in content.items() if v is not None}
    )
    result = run_cli("import", "linkedin-archive", str(export), data_dir=set_up)
    assert result.returncode == 1
    assert message in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert _json("contacts", "list", "--format", "json", data_dir=set_up) == []


def test_dev_zero_is_refused(set_up: Path) -> None:
    result = run_cli("import", "linkedin-archive", "/dev/zero", data_dir=set_up)
    assert result.returncode == 1
    assert (
        result.stderr
        == "profile-helper: error: /dev/zero is not a regular file; it was not read.\n"
    )
