"""Importing what is not a plain file: one line, exit 1, the database as it was."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from profile_helper.core.contacts.query import list_contacts
from tests.cli.test_cli_frame import run_cli

pytestmark = pytest.mark.skipif(os.name != "posix", reason="devices and FIFOs are POSIX's")


@pytest.mark.parametrize("fmt", ["auto", "csv", "linkedin", "vcard"])
def test_dev_zero_is_refused_in_one_line(db: sqlite3.Connection, fmt: str) -> None:
    before = list_contacts(db)
    result = run_cli("contacts", "import", "/dev/zero", "--from", fmt, data_dir=None)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "not a regular file" in result.stderr
    assert list_contacts(db) == before


def test_a_fifo_is_refused_without_waiting_for_a_writer(
    db: sqlite3.Connection, tmp_path: Path
) -> None:
    fifo = tmp_path / "contacts.csv"
    os.mkfifo(fifo)
    result = run_cli("contacts", "import", str(fifo), data_dir=None)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "not a regular file" in result.stderr
    assert list_contacts(db) == []
