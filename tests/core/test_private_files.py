"""The data folder is the person's only: folders 0700 and files 0600, on POSIX."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from profile_helper.core.files import make_private_tree, write_text_atomic
from profile_helper.core.paths import resolve_data_dir
from tests.cli.test_cli_frame import run_cli

pytestmark = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


def _modes(root: Path) -> dict[str, int]:
    found = {".": root.stat().st_mode & 0o777}
    for path in root.rglob("*"):
        if not path.is_symlink():
            found[str(path.relative_to(root))] = path.lstat().st_mode & 0o777
    return found


def test_everything_the_cli_writes_is_private(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    source = tmp_path / "in.csv"
    source.write_text("first_name,company\nAna,Acme\n", encoding="utf-8")
    # Even from a shell whose umask lets everyone read.
    old = os.umask(0o022)
    try:
        assert run_cli("contacts", "import", str(source), data_dir=data_dir).returncode == 0
        assert run_cli("backup", "create", data_dir=data_dir).returncode == 0
        assert run_cli("templates", "list", data_dir=data_dir).returncode == 0
    finally:
        os.umask(old)
    modes = _modes(data_dir)
    assert any(name.endswith(".sqlite3") and "/" not in name for name in modes)
    assert any(name.startswith("backups/") for name in modes)
    for name, mode in modes.items():
        path = data_dir / name
        assert mode == (0o700 if path.is_dir() else 0o600), (name, oct(mode))


def test_loose_modes_left_by_an_older_version_are_fixed_when_the_folder_is_resolved(
    tmp_path: Path,
) -> None:
    data_dir = tmp_path / "data"
    (data_dir / "backups").mkdir(parents=True)
    data_dir.chmod(0o755)
    (data_dir / "backups").chmod(0o775)
    db = data_dir / "profile-helper.sqlite3"
    db.write_bytes(b"x")
    db.chmod(0o644)
    (data_dir / "backups" / "old.sqlite3").write_bytes(b"y")
    (data_dir / "backups" / "old.sqlite3").chmod(0o666)
    outside = tmp_path / "outside.txt"
    outside.write_text("mine", encoding="utf-8")
    outside.chmod(0o644)
    (data_dir / "link.txt").symlink_to(outside)

    assert resolve_data_dir(data_dir) == data_dir.resolve()
    modes = _modes(data_dir)
    assert modes == {".": 0o700, "backups": 0o700, "profile-helper.sqlite3": 0o600,
                     "backups/old.sqlite3": 0o600}  # fmt: skip
    # A link is not followed: what it points at is not ours to change.
    assert stat.S_IMODE(outside.stat().st_mode) == 0o644
    assert make_private_tree(data_dir) == []


def test_atomic_writes_are_private_whatever_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o000)
    try:
        write_text_atomic(tmp_path / "settings.json", "{}")
    finally:
        os.umask(old)
    assert (tmp_path / "settings.json").stat().st_mode & 0o777 == 0o600
