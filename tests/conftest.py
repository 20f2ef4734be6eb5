"""Test set-up shared by every test: headless Qt, and data kept in temporary folders only."""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from pathlib import Path

# platformdirs, QSettings and keyring must never see the developer's own folders.
_SANDBOX = Path(tempfile.mkdtemp(prefix="profile-helper-tests-"))
# Before any Qt import: no test needs a display. The offscreen screen is 800x800 by default,
# smaller than the window; give it a desktop-sized one so geometry behaves as on a real screen.
_SCREEN = _SANDBOX / "offscreen.json"
_SCREEN.write_text(
    '{"screens": [{"name": "screen0", "x": 0, "y": 0, "width": 1920, "height": 1080,'
    ' "logicalDpiX": 96, "logicalDpiY": 96, "dpr": 1}]}',
    encoding="utf-8",
)
os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_SCREEN}"
os.environ.pop("PROFILE_HELPER_DATA_DIR", None)
for _var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
    os.environ[_var] = str(_SANDBOX / _var.lower())

import pytest  # noqa: E402

from profile_helper.core.db import open_database  # noqa: E402

REPO_ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh data directory, also given through the environment to anything that looks there."""
    directory = tmp_path / "data"
    directory.mkdir()
    monkeypatch.setenv("PROFILE_HELPER_DATA_DIR", str(directory))
    return directory


@pytest.fixture(scope="session")
def template_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One migrated database per session; tests get copies of it (migrating each time is slow)."""
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    conn = open_database(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return path


@pytest.fixture
def db(template_database: Path, data_dir: Path) -> Iterator[sqlite3.Connection]:
    """A migrated database in the test's own data directory."""
    from profile_helper.core.paths import database_path

    target = database_path(data_dir)
    shutil.copyfile(template_database, target)
    conn = open_database(target)
    yield conn
    conn.close()
