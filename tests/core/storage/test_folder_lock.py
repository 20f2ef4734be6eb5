"""The data folder's lock: held by one process at a time, given up when that process ends."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from profile_helper.core.storage.folder_lock import FolderBusyError, folder_lock
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
