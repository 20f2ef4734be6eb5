"""Ask the keychain for the database key in a second process while the window is being built.

Loading ``keyring`` and asking the keychain costs about a tenth of a second, all of it on the way
to the first page with its data. On Linux the app forks before it loads Qt, while it has a single
thread (so the fork is safe): the child asks the keychain and sends the entry back through a
pipe, and the second core does that work while the first one builds the window. The entry is
used as the keychain's own answer would be; anything unusual (no fork here, a passphrase folder,
a child that fails or finds nothing) leaves the ordinary path to ask again, with its messages.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class _Pending:
    entry: str
    pid: int
    fd: int


# The one fetch under way, if any (a list, so that it is changed in place, not rebound).
_pending: list[_Pending] = []


def can_fork() -> bool:
    """Only on Linux, before Qt is loaded and while this process has one thread.

    A fork copies only the calling thread; with Qt loaded or other threads running, locks they
    hold would stay locked in the child. macOS's keychain frameworks refuse to run after a fork.
    """
    return (
        sys.platform.startswith("linux")
        and "PySide6.QtCore" not in sys.modules
        and threading.active_count() == 1
    )


def start(entry: str, fetch: Callable[[str], str | None]) -> None:
    """Begin fetching keychain ``entry`` with ``fetch`` in a child process."""
    if _pending or not can_fork():
        return
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: fetch, send, and leave without running the parent's exit code
        os.close(read_end)
        try:
            os.write(write_end, (fetch(entry) or "").encode("utf-8"))
        finally:
            os._exit(0)
    os.close(write_end)
    _pending.append(_Pending(entry, pid, read_end))


def take(entry: str) -> str | None:
    """What the child found for ``entry`` (once), or ``None``: then ask the keychain as usual."""
    if not _pending:
        return None
    pending = _pending.pop()
    chunks = []
    try:
        while chunk := os.read(pending.fd, 4096):
            chunks.append(chunk)
    finally:
        os.close(pending.fd)
        os.waitpid(pending.pid, 0)
    text = b"".join(chunks).decode("utf-8", "replace")
    return text if text and pending.entry == entry else None


def forget() -> None:
    """Drop a fetch nobody will take (the app stopped early), reaping the child."""
    take("")
