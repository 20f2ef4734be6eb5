"""Work done in a second process while the window is being built, its answer taken once.

Asking the keychain for the database key, opening the database and reading what the first page
shows cost about a tenth of a second, all of it on the way to that page. On Linux the app forks
before it loads Qt, while it has a single thread (so the fork is safe): the child does that work
on the second core while the first one builds the window, and sends its answers back through a
pipe. Each answer is named; whoever needs one takes it, once. Anything unusual (no fork here, a
child that fails, an answer that is missing) leaves the ordinary path to do the work itself,
with its messages.

Answers travel as :mod:`marshal` data (plain numbers, strings, lists and dictionaries): it is
built into the interpreter, so the parent loads nothing to read them.
"""

from __future__ import annotations

import marshal
import os
import sys
import threading
from collections.abc import Callable

Answers = dict[str, object]

# The child under way, as (pid, read end of its pipe); then what it answered. Both are lists,
# changed in place rather than rebound.
_pending: list[tuple[int, int]] = []
_answers: list[Answers] = []


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


def start(work: Callable[[], Answers]) -> None:
    """Run ``work`` in a child process; its answers wait for :func:`take`."""
    if _pending or _answers or not can_fork():
        return
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: work, send, and leave without running the parent's exit code
        os.close(read_end)
        try:
            data = marshal.dumps(work())
            view = memoryview(data)
            while view:
                view = view[os.write(write_end, view) :]
        finally:
            os._exit(0)
    os.close(write_end)
    _pending.append((pid, read_end))


def _collect() -> Answers:
    """Wait for the child (if one was started) and keep what it sent."""
    if _pending:
        pid, fd = _pending.pop()
        chunks = []
        try:
            while chunk := os.read(fd, 65536):
                chunks.append(chunk)
        finally:
            os.close(fd)
            os.waitpid(pid, 0)
        try:
            answers = marshal.loads(b"".join(chunks))
        except (EOFError, ValueError, TypeError):
            answers = {}  # the child failed before it answered
        _answers.append(answers if isinstance(answers, dict) else {})
    return _answers[0] if _answers else {}


def take(name: str) -> object | None:
    """The child's answer called ``name`` (once), or ``None``: then do the work as usual."""
    return _collect().pop(name, None)
