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
# The keychain is a file in the sandbox for this process and every process it starts; the tests
# of the real Secret Service (marked ``keyring``) choose that backend explicitly.
os.environ["PYTHON_KEYRING_BACKEND"] = "tests.keyring_backend.TemporaryKeyring"
os.environ["PROFILE_HELPER_TEST_KEYRING"] = str(_SANDBOX / "keyring.json")
_root = str(Path(__file__).resolve().parents[1])
os.environ["PYTHONPATH"] = os.pathsep.join(
    p for p in (_root, os.environ.get("PYTHONPATH", "")) if p
)

import pytest  # noqa: E402

from profile_helper.core.paths import database_path  # noqa: E402
from profile_helper.core.security import keychain  # noqa: E402
from profile_helper.core.security.state import SecurityState, write_state  # noqa: E402
from profile_helper.core.storage import cipher  # noqa: E402
from profile_helper.core.storage.convert import encrypt_copy  # noqa: E402
from profile_helper.core.storage.database import open_database  # noqa: E402
from profile_helper.core.storage.keys import RAW, DatabaseKey  # noqa: E402

SESSION_KEY_ID = "test-session"

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
    conn = open_database(path, key=None)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return path


@pytest.fixture(scope="session")
def session_key() -> DatabaseKey | None:
    """The key of the test session's encrypted databases, kept in the test keychain."""
    if not cipher.available():
        return None
    key = DatabaseKey.generate()
    keychain.store_key(SESSION_KEY_ID, key)
    return key


@pytest.fixture(scope="session")
def app_template_database(
    template_database: Path,
    session_key: DatabaseKey | None,
    tmp_path_factory: pytest.TempPathFactory,
) -> Path:
    """The template as the app keeps it: encrypted with the session key (plain without it)."""
    if session_key is None:
        return template_database
    path = tmp_path_factory.mktemp("template") / "encrypted.sqlite3"
    encrypt_copy(template_database, path, session_key)
    return path


@pytest.fixture
def db(
    app_template_database: Path, session_key: DatabaseKey | None, data_dir: Path
) -> Iterator[sqlite3.Connection]:
    """A migrated database in the test's own data directory, set up as the app would open it.

    It is encrypted with a key in the test keychain, so that the app's own opening path
    (``ctx.database()``, the CLI) opens this same file without converting or asking.
    """
    target = database_path(data_dir)
    shutil.copyfile(app_template_database, target)
    if session_key is not None:
        write_state(data_dir, SecurityState(RAW, SESSION_KEY_ID, recovery_saved=True))
    conn = open_database(target, key=session_key)
    yield conn
    conn.close()
