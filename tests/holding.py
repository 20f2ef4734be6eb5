"""Another process that takes something (a lock, the database) and holds it while a test runs."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from tests.conftest import REPO_ROOT


@contextmanager
def holding(script: str, *args: str) -> Iterator[str]:
    """Run ``script`` (Python) with ``args``; yield the first line it prints, once it has.

    The script says what it took on its first line, then holds it until its standard input
    closes, which happens when the block ends: the process has ended by then, and it must
    have ended well.
    """
    process = subprocess.Popen(
        [sys.executable, "-c", script, *args],
        cwd=REPO_ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        yield process.stdout.readline().rstrip("\n")
    finally:
        process.communicate("")
    assert process.returncode == 0, f"the holding process exited with {process.returncode}"
