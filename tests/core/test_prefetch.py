"""Work done in a forked child reaches the parent through a pipe, each answer taken once.

Each case runs in a fresh interpreter: the test process has Qt loaded and several threads, which
is exactly when the app must not fork (a case below checks that it does not).
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="forks on Linux only")


def _run(body: str) -> str:
    script = "from profile_helper.core import prefetch\n" + textwrap.dedent(body)
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True
    )
    return done.stdout.strip()


def test_each_answer_is_taken_once() -> None:
    out = _run(
        """
        import os
        parent = os.getpid()
        # The child's pid differs: proof that the work ran there, not here.
        prefetch.start(lambda: {"key": f"raw:{os.getpid() != parent}", "rows": [[1, "Ada"]]})
        print(prefetch.take("key"), prefetch.take("key"), prefetch.take("rows"))
        """
    )
    assert out == "raw:True None [[1, 'Ada']]"


def test_a_large_answer_arrives_whole() -> None:
    out = _run(
        """
        prefetch.start(lambda: {"rows": ["x" * 1000] * 2000})
        rows = prefetch.take("rows")
        print(len(rows), sum(map(len, rows)))
        """
    )
    assert out == "2000 2000000"


def test_a_failing_child_leaves_the_ordinary_path() -> None:
    out = _run(
        """
        def work():
            raise RuntimeError("no D-Bus")
        prefetch.start(work)
        print(prefetch.take("key"))
        """
    )
    assert out == "None"


def test_an_answer_that_is_not_plain_data_is_none() -> None:
    out = _run(
        """
        prefetch.start(lambda: {"key": object()})
        print(prefetch.take("key"))
        """
    )
    assert out == "None"


def test_no_fork_once_qt_is_loaded() -> None:
    out = _run(
        """
        import PySide6.QtCore
        print(prefetch.can_fork())
        prefetch.start(lambda: {"key": "raw:00"})
        print(prefetch.take("key"))
        """
    )
    assert out.split() == ["False", "None"]
