"""The real Secret Service (gnome-keyring in CI): the key is kept, read back and refused locked.

These tests choose the SecretService backend explicitly. Locally they skip when no Secret
Service answers; in CI (``CI=true``) that is a failure, because CI sets one up on purpose.
"""

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from keyring.backend import KeyringBackend
from keyring.backends import SecretService

from profile_helper.core.app_database import open_app_database
from profile_helper.core.paths import database_path
from profile_helper.core.security import keychain
from profile_helper.core.security.modes import MODE_KEYCHAIN
from profile_helper.core.security.state import read_state
from profile_helper.core.storage import cipher
from profile_helper.core.storage.keys import DatabaseKey
from tests.conftest import REPO_ROOT
from tests.keyring_backend import forget_database_key

pytestmark = pytest.mark.keyring
BACKEND = "keyring.backends.SecretService.Keyring"


def _secret_service() -> KeyringBackend:
    backend = SecretService.Keyring()
    problem = ""
    try:
        backend.set_password(keychain.SERVICE, "ci-probe", "x")
        backend.delete_password(keychain.SERVICE, "ci-probe")
    except Exception as exc:  # no D-Bus session, no daemon, or a locked collection
        problem = f"{type(exc).__name__}: {exc}"
    if problem:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI must provide an unlocked Secret Service: {problem}")
        pytest.skip(f"no usable Secret Service here ({problem})")
    return backend


@pytest.fixture
def secret_service(use_backend: Callable[[KeyringBackend], None]) -> KeyringBackend:
    backend = _secret_service()
    use_backend(backend)
    return backend


def test_probe_finds_the_secret_service_usable(secret_service: KeyringBackend) -> None:
    status = keychain.probe()
    assert status.usable, status.detail
    assert status.backend == BACKEND


def test_key_round_trips_through_the_secret_service(secret_service: KeyringBackend) -> None:
    key = DatabaseKey.generate()
    keychain.store_key("ci-round-trip", key)
    try:
        assert keychain.load_key("ci-round-trip") == key
    finally:
        forget_database_key("ci-round-trip")
    assert keychain.load_key("ci-round-trip") is None


@pytest.mark.skipif(not cipher.available(), reason="SQLCipher is not installed")
def test_app_database_key_lives_in_the_secret_service(
    secret_service: KeyringBackend, data_dir: Path
) -> None:
    opened = open_app_database(data_dir)
    opened.conn.close()
    assert opened.unlocked.mode == MODE_KEYCHAIN
    state = read_state(data_dir)
    assert state is not None
    try:
        assert keychain.load_key(state.key_id) == opened.unlocked.key
        # A separate process, choosing the Secret Service itself, opens the same database.
        result = subprocess.run(
            [sys.executable, "-m", "profile_helper", "--data-dir", str(data_dir), "doctor"],
            cwd=REPO_ROOT,
            capture_output=True,
            text=True,
            check=False,
            timeout=120,
            env={**os.environ, "PYTHON_KEYRING_BACKEND": BACKEND},
        )
        assert result.returncode == 0, result.stderr
        assert "Encrypted; the key is kept" in result.stdout
        assert "SecretService" in result.stdout
        assert not cipher.is_plain_sqlite(database_path(data_dir))
    finally:
        forget_database_key(state.key_id)


def _database_entries() -> set[str]:
    """The names of every database key the Secret Service keeps for the app."""
    import secretstorage  # noqa: PLC0415 - a dependency of keyring's SecretService backend

    connection = secretstorage.dbus_init()
    try:
        collection = secretstorage.get_default_collection(connection)
        items = collection.search_items({"service": keychain.SERVICE})
        names = {str(item.get_attributes().get("username", "")) for item in items}
    finally:
        connection.close()
    return {n for n in names if n.startswith("database-key-")}


@pytest.mark.slow
@pytest.mark.skipif(not cipher.available(), reason="SQLCipher is not installed")
def test_concurrent_first_runs_keep_one_key_in_the_secret_service(
    secret_service: KeyringBackend, data_dir: Path
) -> None:
    before = _database_entries()
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": BACKEND}
    command = [sys.executable, "-m", "profile_helper", "--data-dir", str(data_dir), "contacts"]
    processes = [
        subprocess.Popen(
            [*command, "add", "--first", f"Person{i}"],
            cwd=REPO_ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for i in range(20)
    ]
    results = [(p.communicate(timeout=120)[1], p.returncode) for p in processes]
    state = read_state(data_dir)
    assert state is not None
    try:
        assert [code for _err, code in results] == [0] * 20, [err for err, _c in results]
        # Exactly one new entry, the one security.json names: no orphan from a losing process.
        assert _database_entries() - before == {keychain.entry_name(state.key_id)}
        assert sum("Recovery key: " in err for err, _code in results) == 1
        opened = open_app_database(data_dir, daily_backup=False)
        try:
            count = opened.conn.execute("SELECT count(*) FROM contacts").fetchone()[0]
        finally:
            opened.conn.close()
        assert count == 20
    finally:
        forget_database_key(state.key_id)
