"""The first command that creates an encrypted database hands over its recovery key, once."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from profile_helper.core.security.keys import parse_recovery_key
from profile_helper.core.security.recovery import NOTICE_HEADLINE
from profile_helper.core.security.state import read_state
from profile_helper.core.storage import cipher
from tests.cli.test_doctor import cli

pytestmark = pytest.mark.skipif(not cipher.available(), reason="SQLCipher is not installed")


def test_first_command_prints_the_recovery_key_once(data_dir: Path) -> None:
    first = cli(data_dir, "contacts", "add", "--first", "Ada")
    assert first.returncode == 0, first.stderr
    assert NOTICE_HEADLINE in first.stderr
    (line,) = [x for x in first.stderr.splitlines() if x.startswith("Recovery key: ")]
    parse_recovery_key(line.removeprefix("Recovery key: "))  # a real recovery key
    assert "export-recovery-key" in first.stderr
    second = cli(data_dir, "contacts", "add", "--first", "Grace")
    assert second.returncode == 0, second.stderr
    assert "Recovery key" not in second.stderr


def test_recovery_key_file_saves_it_private_instead(data_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "recovery.txt"
    first = cli(data_dir, "--recovery-key-file", str(target), "contacts", "add", "--first", "Ada")
    assert first.returncode == 0, first.stderr
    assert "Recovery key: " not in first.stderr
    assert str(target) in first.stderr
    parse_recovery_key(target.read_text(encoding="utf-8").splitlines()[0])
    if os.name == "posix":
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
    state = read_state(data_dir)
    assert state is not None and state.recovery_saved
