"""The recovery key file: written whole, readable by its owner only, never over another file."""

import sys
from pathlib import Path

import pytest

from profile_helper.core.errors import InputError
from profile_helper.core.security.keys import parse_recovery_key
from profile_helper.core.security.recovery import save_recovery_key
from profile_helper.core.security.state import SecurityState, read_state, write_state
from profile_helper.core.storage.keys import RAW, DatabaseKey


def test_the_recovery_key_is_saved_whole_and_noted(data_dir: Path, tmp_path: Path) -> None:
    write_state(data_dir, SecurityState.new(RAW))
    key = DatabaseKey.generate()
    file = tmp_path / "keys" / "recovery.txt"
    file.parent.mkdir()
    save_recovery_key(data_dir, key, file)
    first = file.read_text(encoding="utf-8").splitlines()[0]
    assert parse_recovery_key(first) == key
    if sys.platform != "win32":
        assert file.stat().st_mode & 0o777 == 0o600
    state = read_state(data_dir)
    assert state is not None and state.recovery_saved
    save_recovery_key(data_dir, key, file)  # the same key again: harmless
    before = file.read_bytes()
    with pytest.raises(InputError, match="already exists"):
        save_recovery_key(data_dir, DatabaseKey.generate(), file)
    assert file.read_bytes() == before
    assert [p.name for p in file.parent.iterdir()] == ["recovery.txt"]


def test_a_recovery_key_that_cannot_be_written_leaves_nothing(
    data_dir: Path, tmp_path: Path
) -> None:
    write_state(data_dir, SecurityState.new(RAW))
    file = tmp_path / "no-such-folder" / "recovery.txt"
    with pytest.raises(InputError, match="Cannot write the recovery key"):
        save_recovery_key(data_dir, DatabaseKey.generate(), file)
    assert not file.parent.exists()
    state = read_state(data_dir)
    assert state is not None and not state.recovery_saved
