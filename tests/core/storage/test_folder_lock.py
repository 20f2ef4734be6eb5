"""The data folder's lock: held by one process at a time, given up when that process ends."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from profile_helper.core.storage.folder_lock import FolderBusyError, folder_lock, hold_window_lock
from tests.conftest import REPO_ROOT

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
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(data_dir)],
        cwd=REPO_ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        with (
            pytest.raises(FolderBusyError, match="Another Profile Helper"),
            folder_lock(data_dir, wait=0.2),
        ):
            pass
    finally:
        holder.communicate("")
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


def _window(data_dir: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", _WINDOW, str(data_dir)],
        cwd=REPO_ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )


def _held(window: subprocess.Popen[str]) -> bool:
    assert window.stdout is not None
    return window.stdout.readline() == "held\n"


def test_the_window_lock_is_one_process_s_until_it_ends(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    # No folder yet: nobody can tell, so the window asks as before (and makes no folder).
    assert not hold_window_lock(data_dir)
    assert not data_dir.exists()
    data_dir.mkdir()
    first = _window(data_dir)
    try:
        assert _held(first)
        second = _window(data_dir)
        assert not _held(second)
        second.communicate("")
    finally:
        first.communicate("")
    # Its end let go of the lock.
    third = _window(data_dir)
    assert _held(third)
    third.communicate("")
