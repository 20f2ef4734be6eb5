"""One process at a time sets up, converts or restores a data folder: an OS file lock.

First start (a key made and kept in the keychain, ``security.json``, the database created), the
encryption of a plain database and a restore each change several files that belong together. Two
copies of the app doing one of them at once would each make a key (one left orphaned in the
keychain) or move files under the other's feet. So each holds ``profile-helper.lock`` in the data
folder while it works: ``fcntl.flock`` on POSIX, ``msvcrt.locking`` on Windows. The OS lets go of
it when the process ends, however it ends, so a killed process never leaves the folder locked.

Others wait, up to :data:`WAIT_SECONDS`, then find what the first one made. Within one process
the lock is re-entrant: set-up may convert, and a restore may reopen, under the lock it holds.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from profile_helper.core.errors import DatabaseError
from profile_helper.core.files import make_private_dir

LOCK_NAME = "profile-helper.lock"
WINDOW_LOCK_NAME = "profile-helper-window.lock"
# Long enough for another copy to create and migrate a database or encrypt a large one.
WAIT_SECONDS = 120.0
_POLL_SECONDS = 0.02

# A lock held by this process: its file descriptor and how many blocks hold it (re-entrancy).
_held: dict[Path, tuple[int, int]] = {}
# The window locks this process holds until it ends (their file descriptors).
_windows: dict[Path, int] = {}
_guard = threading.RLock()


class FolderBusyError(DatabaseError):
    """Another copy of the app held the data folder for longer than we could wait."""


def lock_path(data_dir: Path) -> Path:
    return data_dir / LOCK_NAME


def _try_lock(fd: int) -> bool:
    """Take the lock on ``fd`` without waiting; False when another process has it."""
    if sys.platform == "win32":
        import msvcrt  # noqa: PLC0415 - Windows only

        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl  # noqa: PLC0415 - POSIX only

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _unlock(fd: int) -> None:
    if sys.platform == "win32":
        import msvcrt  # noqa: PLC0415 - Windows only

        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        return
    import fcntl  # noqa: PLC0415 - POSIX only

    fcntl.flock(fd, fcntl.LOCK_UN)


def _acquire(path: Path, wait: float) -> int:
    make_private_dir(path.parent)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    deadline = time.monotonic() + wait
    # Polling rather than a blocking lock: a blocking one could not be given up after ``wait``.
    while not _try_lock(fd):
        if time.monotonic() >= deadline:
            os.close(fd)
            raise FolderBusyError(
                f"Another Profile Helper (a window or a command) is setting up, encrypting or "
                f"restoring the data folder {path.parent}, and did not finish within "
                f"{wait:.0f} s. Try again when it has; nothing was changed."
            )
        time.sleep(_POLL_SECONDS)
    return fd


@contextmanager
def folder_lock(data_dir: Path, *, wait: float | None = None) -> Iterator[None]:
    """Hold the data folder's lock for the block, waiting up to ``wait`` seconds for it."""
    path = lock_path(data_dir).absolute()
    with _guard:
        fd, depth = _held.get(path, (-1, 0))
        if depth == 0:
            fd = _acquire(path, WAIT_SECONDS if wait is None else wait)
        _held[path] = (fd, depth + 1)
        try:
            yield
        finally:
            fd, depth = _held.pop(path)
            if depth > 1:
                _held[path] = (fd, depth - 1)
            else:
                try:
                    _unlock(fd)
                finally:
                    os.close(fd)


def hold_window_lock(data_dir: Path) -> bool:
    """Hold the data folder's window lock for as long as this process runs, if nobody has it.

    True when this process holds it now: no other window has the folder open, so there is none
    to ask to come forward. False when another process holds it, or when the lock file cannot
    be made (no folder yet, a read-only one): then only asking tells.
    """
    path = (data_dir / WINDOW_LOCK_NAME).absolute()
    if path in _windows:
        return True
    try:
        # Not created here: making the folder (and its modes) is the unlock's job.
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError:
        return False
    if not _try_lock(fd):
        os.close(fd)
        return False
    _windows[path] = fd
    return True
