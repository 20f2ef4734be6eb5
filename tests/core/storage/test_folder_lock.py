"""The data folder's lock: held by one process at a time, given up when that process ends."""

from __future__ import annotations

from pathlib import Path

import pytest

from profile_helper.core.storage.folder_lock import FolderBusyError, folder_lock, hold_window_lock
from tests.holding import holding

# Holds the lock until its standard input closes.
_HOLDER = """
import sys
from pathlib import Path
from profile_helper.core.storage.folder_lock import folder_lock
with folder_lock(Path(sys.argv[1])):
    print("held", flush=True)
    sys.stdin.read()
"""


def test_another_process_holding_the_folder_makes_us_wait_then_fail(data_dir: Path) -> None:
    with holding(_HOLDER, str(data_dir)) as said:
        assert said == "held"
        with (
            pytest.raises(FolderBusyError, match="Another Profile Helper"),
            folder_lock(data_dir, wait=0.2),
        ):
            pass
    # Its end let go of the lock.
    with folder_lock(data_dir, wait=0):
        pass


def test_the_lock_is_reentrant_within_a_process(data_dir: Path) -> None:
    with folder_lock(data_dir), folder_lock(data_dir, wait=0):
        inner_held = True
    assert inner_held
    with folder_lock(data_dir, wait=0):
        pass


# Holds the window lock until its standard input closes.
_WINDOW = """
import sys
from pathlib import Path
from profile_helper.core.storage.folder_lock import hold_window_lock
print("held" if hold_window_lock(Path(sys.argv[1])) else "not held", flush=True)
sys.stdin.read()
"""


def test_the_window_lock_is_one_process_s_until_it_ends(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    # No folder yet: nobody can tell, so the window asks as before (and makes no folder).
    assert not hold_window_lock(data_dir)
    assert not data_dir.exists()
    data_dir.mkdir()
    with holding(_WINDOW, str(data_dir)) as first:
        assert first == "held"
        with holding(_WINDOW, str(data_dir)) as second:
            assert second == "not held"
    # Its end let go of the lock.
    with holding(_WINDOW, str(data_dir)) as third:
        assert third == "held"
