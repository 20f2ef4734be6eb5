"""The keychain entry read in a forked child reaches the parent through a pipe, and only once.

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
    script = "from profile_helper.core.security import prefetch\n" + textwrap.dedent(body)
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True
    )
    return done.stdout.strip()


def test_the_childs_answer_is_taken_once() -> None:
    out = _run(
        """
        import os
        parent = os.getpid()
        # The child's pid differs: proof that the fetch ran there, not here.
        prefetch.start("entry-1", lambda entry: f"{entry}:{os.getpid() != parent}")
        print(prefetch.take("entry-1"), prefetch.take("entry-1"))
        """
    )
    assert out == "entry-1:True None"


def test_an_answer_for_another_entry_or_an_empty_one_is_not_used() -> None:
    out = _run(
        """
        prefetch.start("entry-1", lambda entry: "raw:00")
        first = prefetch.take("entry-2")
        prefetch.start("entry-3", lambda entry: None)
        print(first, prefetch.take("entry-3"))
        """
    )
    assert out == "None None"


def test_a_failing_fetch_leaves_the_ordinary_path() -> None:
    out = _run(
        """
        def fetch(entry):
            raise RuntimeError("no D-Bus")
        prefetch.start("entry-1", fetch)
        print(prefetch.take("entry-1"))
        """
    )
    assert out == "None"


def test_no_fork_once_qt_is_loaded() -> None:
    out = _run(
        """
        import PySide6.QtCore
        print(prefetch.can_fork())
        prefetch.start("entry-1", lambda entry: "raw:00")
        print(prefetch.take("entry-1"))
        """
    )
    assert out.split() == ["False", "None"]
